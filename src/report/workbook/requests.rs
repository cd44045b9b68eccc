//! 修正依頼: one workbook per department with that department's findings only,
//! ready to send: each finding links to the cell of the department's own
//! file, in Japanese, with columns for the department's reply (対応 and
//! 理由・回答), printable on A4. What the office accepted and what is for
//! information only are left out: the department has nothing to do there.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::Path;

use rust_xlsxwriter::{DataValidation, Format, FormatAlign, Workbook, Worksheet, XlsxError};

use super::links::Linker;
use super::print::{self, Page};
use super::{Styles, Widths, base, styles, write_linked};
use crate::model::finding::{Finding, Lang, Severity};
use crate::model::output;
use crate::model::standing::Standing;
use crate::report::Results;

/// The department of findings whose sheet names none.
pub const UNKNOWN_DEPARTMENT: &str = "担当課不明";

const HEADERS: [&str; 12] = [
    "No.",
    "重要度",
    "ファイル",
    "シート",
    "セル",
    "内容",
    "記入値",
    "正しい値",
    "修正案",
    "状況",
    "対応",
    "理由・回答",
];

/// Columns whose text wraps.
const WRAPPED: [usize; 6] = [2, 3, 5, 6, 7, 8];
const REPLY: u16 = 10;

/// The findings each department is asked to correct, by department.
pub fn by_department<'a>(out: &Results<'a, '_>) -> BTreeMap<String, Vec<&'a Finding>> {
    let mut m: BTreeMap<String, Vec<&Finding>> = BTreeMap::new();
    for f in out.findings {
        if f.severity == Severity::Info || f.standing == Some(Standing::Accepted) {
            continue;
        }
        let d = f.department.as_deref().unwrap_or(UNKNOWN_DEPARTMENT);
        m.entry(d.to_string()).or_default().push(f);
    }
    m
}

/// The file name of a department's workbook: `財政課_修正依頼.xlsx`, with the
/// characters Windows refuses in a name replaced.
pub fn file_name(department: &str) -> String {
    let safe: String = department
        .chars()
        .map(|c| {
            if matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect();
    format!("{}_修正依頼.xlsx", safe.trim())
}

/// A finding's row: エラー報告's texts without the code and the department
/// (the workbook is the department's own), numbered.
fn cells(i: usize, f: &Finding) -> [String; 10] {
    let [
        severity,
        _code,
        file,
        sheet,
        cell,
        _department,
        message,
        found,
        expected,
        fix,
        standing,
    ] = super::findings::cells(f, Lang::Ja);
    [
        Cow::Owned((i + 1).to_string()),
        severity,
        file,
        sheet,
        cell,
        message,
        found,
        expected,
        fix,
        standing,
    ]
    .map(Cow::into_owned)
}

/// Writes one department's 修正依頼 workbook to `to`; links are relative to
/// `output`'s folder.
pub fn build(
    out: &Results,
    department: &str,
    findings: &[&Finding],
    output: &Path,
    to: &mut (impl std::io::Write + std::io::Seek + Send),
) -> Result<(), XlsxError> {
    let st = styles();
    let links = Linker::new(output);
    let mut wb = Workbook::new();
    let mut props = rust_xlsxwriter::DocProperties::new()
        .set_title(format!("{} 修正依頼（{}）", out.batch.year, department))
        .set_custom_property(output::PROPERTY, output::REQUESTS);
    if let Some(run) = out.run {
        props = props.set_custom_property(super::RUN_PROPERTY, run);
    }
    wb.set_properties(&props);
    sheet(wb.add_worksheet(), &st, out, department, findings, &links)?;
    wb.save_to_writer(to)?;
    Ok(())
}

/// Rows above the table: title, department, what to do.
const INTRO_ROWS: u32 = 3;

fn sheet(
    ws: &mut Worksheet,
    st: &Styles,
    out: &Results,
    department: &str,
    findings: &[&Finding],
    links: &Linker,
) -> Result<(), XlsxError> {
    ws.set_name("修正依頼")?;
    let mut links = links.sheet();
    let rows: Vec<[String; 10]> = (findings.iter().enumerate())
        .map(|(i, f)| cells(i, f))
        .collect();
    let mut widths = Widths::new(&HEADERS);
    for r in &rows {
        for (c, v) in r.iter().enumerate() {
            widths.see(c, v);
        }
    }
    widths.see(REPLY as usize, "対応しない（理由を記入）");
    let fixed = widths.fix(ws, &[4, 6, 16, 12, 5, 36, 12, 12, 22, 4, 12, 24])?;
    // The table starts below the intro; its header row is the one repeated.
    let title = base()
        .set_bold()
        .set_font_size(14)
        .set_border(rust_xlsxwriter::FormatBorder::None);
    let plain = base().set_border(rust_xlsxwriter::FormatBorder::None);
    ws.write_string_with_format(
        0,
        0,
        format!("{} 評価シート 修正依頼", out.batch.year),
        &title,
    )?;
    ws.write_string_with_format(
        1,
        0,
        format!("担当課: {department}（{}件）", findings.len()),
        &plain,
    )?;
    ws.write_string_with_format(
        2,
        0,
        "各行のセルを確認して提出ファイルを修正し、「対応」欄を選び、修正しない場合はその理由を「理由・回答」欄に記入して返送してください。",
        &plain,
    )?;
    let header = INTRO_ROWS;
    for (c, h) in HEADERS.iter().enumerate() {
        ws.write_string_with_format(header, c as u16, *h, &st.header)?;
    }
    let lines: Vec<usize> = rows
        .iter()
        .map(|r| fixed.lines(WRAPPED.iter().map(|&c| (c, r[c].as_str()))))
        .collect();
    let page = Page::new(department, Some(out.batch.year))
        .book("修正依頼")
        .landscape()
        .columns(fixed.columns())
        .gridlines();
    print::setup(ws, &page)?;
    // Repeat the table's header row, not row 1 (the title).
    ws.set_repeat_rows(header, header)?;
    ws.set_freeze_panes(header + 1, 0)?;
    let reply = reply_format();
    for (i, (r, (&f, &n))) in rows.iter().zip(findings.iter().zip(&lines)).enumerate() {
        let row = header + 1 + i as u32;
        fixed.set_lines(ws, row, n)?;
        for (c, v) in r.iter().enumerate() {
            let fmt = if WRAPPED.contains(&c) {
                &st.wrap
            } else {
                &st.text
            };
            if c == 0 {
                ws.write_number_with_format(row, 0, (i + 1) as f64, &st.center)?;
            } else if c == 4 && f.at.sheet.is_some() {
                let shown = if v.is_empty() {
                    "シート"
                } else {
                    v.as_str()
                };
                write_linked(ws, row, 4, shown, Some(&f.at), &mut links, &st.link)?;
            } else {
                ws.write_string_with_format(row, c as u16, &*super::fit(v), fmt)?;
            }
        }
        ws.write_blank(row, REPLY, &reply)?;
        ws.write_blank(row, REPLY + 1, &reply.clone().set_text_wrap())?;
    }
    if !rows.is_empty() {
        let last = header + rows.len() as u32;
        let choices = DataValidation::new()
            .allow_list_strings(&["対応済み", "対応しない（理由を記入）"])?
            .set_input_title("対応")?
            .set_input_message("対応済み、または対応しない（理由を記入）を選んでください。")?;
        ws.add_data_validation(header + 1, REPLY, last, REPLY, &choices)?;
        ws.autofilter(header, 0, last, (HEADERS.len() - 1) as u16)?;
    }
    Ok(())
}

/// The cells the department fills in: shaded like the template's inputs.
fn reply_format() -> Format {
    base()
        .set_background_color(rust_xlsxwriter::Color::RGB(0xFFF2CC))
        .set_align(FormatAlign::Top)
}
