//! The consolidated workbook the committee reads: 評価一覧 (one row per
//! action, with item grades submitted and derived), 集計 (the counts of chapter
//! 1), エラー報告 (one row per finding) and 提出状況 (one row per file). Every
//! value taken from a submission is written as a string, never as a formula.

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

use crate::derive::batch::{Agreement, Batch};
use crate::derive::counts::all_counts;
use crate::model::finding::{Lang, Severity};
use crate::model::grade::Grade;
use crate::model::plan::ActionRef;
use crate::pipeline::Outcome;
use crate::report::width::text_width;

/// Japanese UI font of Excel; other suites substitute their own CJK font.
const FONT: &str = "游ゴシック";

struct Styles {
    header: Format,
    text: Format,
    wrap: Format,
    center: Format,
    grade: [Format; 4],
    severity: [Format; 3],
    agreement_bad: Format,
    agreement_tie: Format,
}

fn base() -> Format {
    Format::new()
        .set_font_name(FONT)
        .set_font_size(10)
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin)
        .set_border_color(Color::RGB(0xBFBFBF))
}

fn styles() -> Styles {
    let center = base().set_align(FormatAlign::Center);
    let fill = |rgb: u32| center.clone().set_background_color(Color::RGB(rgb));
    Styles {
        header: base()
            .set_bold()
            .set_text_wrap()
            .set_align(FormatAlign::Center)
            .set_background_color(Color::RGB(0xDDEBF7)),
        text: base(),
        wrap: base().set_text_wrap(),
        grade: [
            fill(0xC6EFCE),
            fill(0xDDEBF7),
            fill(0xFFC7CE),
            center.clone(),
        ],
        center,
        severity: [
            base()
                .set_font_color(Color::RGB(0x9C0006))
                .set_background_color(Color::RGB(0xFFC7CE)),
            base()
                .set_font_color(Color::RGB(0x9C5700))
                .set_background_color(Color::RGB(0xFFEB9C)),
            base().set_background_color(Color::RGB(0xDDEBF7)),
        ],
        agreement_bad: base().set_bold().set_background_color(Color::RGB(0xFFC7CE)),
        agreement_tie: base().set_background_color(Color::RGB(0xFFEB9C)),
    }
}

fn grade_format(st: &Styles, g: Option<Grade>) -> &Format {
    match g {
        Some(Grade::A) => &st.grade[0],
        Some(Grade::B) => &st.grade[1],
        Some(Grade::C) => &st.grade[2],
        _ => &st.grade[3],
    }
}

/// Column widths from content: CJK counts double, capped, with padding.
struct Widths(Vec<usize>);

impl Widths {
    fn new(headers: &[&str]) -> Widths {
        Widths(headers.iter().map(|h| text_width(h).min(12)).collect())
    }
    fn see(&mut self, col: usize, s: &str) {
        if let Some(w) = self.0.get_mut(col) {
            *w = (*w).max(text_width(s));
        }
    }
    fn apply(&self, ws: &mut Worksheet, caps: &[usize]) -> Result<(), XlsxError> {
        for (i, w) in self.0.iter().enumerate() {
            let cap = caps.get(i).copied().unwrap_or(40);
            ws.set_column_width(i as u16, (*w).min(cap) as f64 + 2.0)?;
        }
        Ok(())
    }
}

fn header_row(ws: &mut Worksheet, st: &Styles, headers: &[&str]) -> Result<(), XlsxError> {
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, &st.header)?;
    }
    ws.set_freeze_panes(1, 0)?;
    // Printed for the committee: A3 landscape, one page wide, header on every page.
    ws.set_landscape()
        .set_paper_size(8)
        .set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(0, 0)?;
    Ok(())
}

/// Builds the workbook in memory.
pub fn build(out: &Outcome, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let st = styles();
    let mut wb = Workbook::new();
    summary_sheet(wb.add_worksheet(), &st, &out.batch)?;
    counts_sheet(wb.add_worksheet(), &st, &out.batch)?;
    findings_sheet(wb.add_worksheet(), &st, out, lang)?;
    files_sheet(wb.add_worksheet(), &st, out)?;
    wb.save_to_buffer()
}

fn departments(a: &ActionRef, b: &Batch) -> String {
    if !a.action.departments.is_empty() {
        return a.action.departments.join("・");
    }
    b.item(a.id.item)
        .and_then(|i| i.sheets.first())
        .and_then(|r| b.sheet(*r).owner())
        .unwrap_or_default()
}

fn arrow(prev: Option<Grade>, cur: Option<Grade>) -> &'static str {
    match (prev.and_then(Grade::rank), cur.and_then(Grade::rank)) {
        (Some(p), Some(c)) if c > p => "↑",
        (Some(p), Some(c)) if c < p => "↓",
        (Some(_), Some(_)) => "→",
        _ => "",
    }
}

fn summary_sheet(ws: &mut Worksheet, st: &Styles, b: &Batch) -> Result<(), XlsxError> {
    ws.set_name("評価一覧")?;
    let years = b.plan.years();
    let y = b.year;
    let mut headers: Vec<String> = ["ID", "基本方針", "取組項目", "取組内容", "担当課"]
        .map(String::from)
        .to_vec();
    headers.extend(years.iter().map(|y| format!("個別評価\n{}", y.short())));
    headers.push(format!("前年度比\n{}", y.short()));
    headers.extend(years.iter().map(|y| format!("評価\n{}", y.short())));
    headers.push(format!("算定評価\n{}", y.short()));
    headers.push(format!("判定\n{}", y.short()));
    headers.push("ファイル".into());
    headers.push("シート".into());
    let hrefs: Vec<&str> = headers.iter().map(String::as_str).collect();
    header_row(ws, st, &hrefs)?;
    ws.set_row_height(0, 30)?;
    let mut widths = Widths::new(&hrefs);
    let nyears = years.len();
    for (i, a) in b.plan.actions().enumerate() {
        let row = (i + 1) as u32;
        let res = &b.actions[i];
        let item = b.item(a.id.item);
        let mut col = 0u16;
        let mut put =
            |ws: &mut Worksheet, s: &str, f: &Format, col: &mut u16| -> Result<(), XlsxError> {
                ws.write_string_with_format(row, *col, s, f)?;
                widths.see(*col as usize, s);
                *col += 1;
                Ok(())
            };
        let name = if a.action.relists.is_some() && !a.action.name.contains("再掲") {
            format!("{}（再掲）", a.action.name)
        } else {
            a.action.name.clone()
        };
        put(ws, &a.id.to_string(), &st.text, &mut col)?;
        put(
            ws,
            &format!("{} {}", a.item.policy.number, a.item.policy.name),
            &st.wrap,
            &mut col,
        )?;
        put(
            ws,
            &format!("({}) {}", a.item.item.number, a.item.item.name),
            &st.wrap,
            &mut col,
        )?;
        put(ws, &name, &st.wrap, &mut col)?;
        put(ws, &departments(&a, b), &st.wrap, &mut col)?;
        for yy in &years {
            let g = res.grade(*yy);
            put(
                ws,
                g.map(Grade::symbol).unwrap_or(""),
                grade_format(st, g),
                &mut col,
            )?;
        }
        put(
            ws,
            arrow(res.grade(y.prev()), res.grade(y)),
            &st.center,
            &mut col,
        )?;
        for yy in &years {
            let g = item.and_then(|i| i.year(*yy)).and_then(|iy| iy.submitted);
            put(
                ws,
                g.map(Grade::symbol).unwrap_or(""),
                grade_format(st, g),
                &mut col,
            )?;
        }
        let iy = item.and_then(|i| i.year(y));
        put(
            ws,
            &iy.map(|iy| iy.derived.to_string()).unwrap_or_default(),
            &st.center,
            &mut col,
        )?;
        let (verdict, vf) = match iy.map(|iy| iy.agreement) {
            Some(Agreement::Differs) => (Agreement::Differs.ja(), &st.agreement_bad),
            Some(Agreement::Tie) => (Agreement::Tie.ja(), &st.agreement_tie),
            Some(a) => (a.ja(), &st.center),
            None => ("未提出", &st.agreement_bad),
        };
        put(ws, verdict, vf, &mut col)?;
        let (file, sheet) = match res.source {
            Some((r, _)) => (
                b.submissions[r.file].path.to_string(),
                b.sheet(r).sheet.to_string(),
            ),
            None => (String::new(), String::new()),
        };
        put(ws, &file, &st.text, &mut col)?;
        put(ws, &sheet, &st.text, &mut col)?;
    }
    let mut caps = vec![10, 24, 30, 40, 24];
    caps.extend(std::iter::repeat_n(8, nyears + 1 + nyears + 1));
    caps.extend([14, 40, 24]);
    widths.apply(ws, &caps)?;
    let last_col = (hrefs.len() - 1) as u16;
    ws.autofilter(0, 0, b.plan.actions().count() as u32, last_col)?;
    Ok(())
}

fn counts_sheet(ws: &mut Worksheet, st: &Styles, b: &Batch) -> Result<(), XlsxError> {
    ws.set_name("集計")?;
    let headers = [
        "年度",
        "範囲",
        "個別評価 A",
        "個別評価 B",
        "個別評価 C",
        "個別評価 —",
        "個別評価 未記入",
        "評価 A",
        "評価 B",
        "評価 C",
        "評価 —",
        "評価 未記入",
        "評価 同率",
    ];
    header_row(ws, st, &headers)?;
    ws.set_row_height(0, 30)?;
    for (i, c) in all_counts(b).iter().enumerate() {
        let row = (i + 1) as u32;
        let scope = match c.policy {
            None => "全体".to_string(),
            Some(p) => format!("基本方針{p}"),
        };
        ws.write_string_with_format(row, 0, c.year.label(), &st.text)?;
        ws.write_string_with_format(row, 1, scope, &st.text)?;
        let nums = c
            .actions
            .iter()
            .chain([&c.actions_missing])
            .chain(c.items.iter())
            .chain([&c.items_missing, &c.items_tied]);
        for (j, n) in nums.enumerate() {
            ws.write_number_with_format(row, (j + 2) as u16, *n as f64, &st.center)?;
        }
    }
    ws.set_column_width(0, 12)?;
    ws.set_column_width(1, 12)?;
    for c in 2..headers.len() as u16 {
        ws.set_column_width(c, 10)?;
    }
    Ok(())
}

fn findings_sheet(
    ws: &mut Worksheet,
    st: &Styles,
    out: &Outcome,
    lang: Lang,
) -> Result<(), XlsxError> {
    ws.set_name("エラー報告")?;
    let headers = [
        "重要度",
        "コード",
        "ファイル",
        "シート",
        "セル",
        "担当課",
        "内容",
        "検出値",
        "期待値",
        "修正案",
    ];
    header_row(ws, st, &headers)?;
    let mut widths = Widths::new(&headers);
    for (i, f) in out.findings.iter().enumerate() {
        let row = (i + 1) as u32;
        let sev = match f.severity {
            Severity::Error => 0,
            Severity::Warning => 1,
            Severity::Info => 2,
        };
        let cells = [
            f.severity.ja().to_string(),
            f.code.to_string(),
            f.at.file.to_string(),
            f.at.sheet.as_deref().unwrap_or("").to_string(),
            f.at.cell.map(|c| c.to_string()).unwrap_or_default(),
            f.department.clone().unwrap_or_default(),
            f.message.get(lang).to_string(),
            f.found.clone().unwrap_or_default(),
            f.expected.clone().unwrap_or_default(),
            f.suggestion
                .as_ref()
                .map(|s| s.get(lang).to_string())
                .unwrap_or_default(),
        ];
        for (c, v) in cells.iter().enumerate() {
            let fmt = match c {
                0 => &st.severity[sev],
                6 | 9 => &st.wrap,
                _ => &st.text,
            };
            ws.write_string_with_format(row, c as u16, v, fmt)?;
            widths.see(c, v);
        }
    }
    widths.apply(ws, &[8, 6, 30, 20, 6, 16, 60, 20, 20, 40])?;
    ws.autofilter(0, 0, out.findings.len() as u32, (headers.len() - 1) as u16)?;
    Ok(())
}

fn files_sheet(ws: &mut Worksheet, st: &Styles, out: &Outcome) -> Result<(), XlsxError> {
    ws.set_name("提出状況")?;
    let headers = [
        "ファイル",
        "状態",
        "担当課",
        "認識したシート",
        "エラー",
        "警告",
    ];
    header_row(ws, st, &headers)?;
    let mut widths = Widths::new(&headers);
    let mut row = 1u32;
    for s in &out.batch.submissions {
        let (status, owner, sheets) = match s.workbook() {
            None => ("読めません".to_string(), String::new(), String::new()),
            Some(w) => (
                "読込済".to_string(),
                w.eval_sheets
                    .iter()
                    .filter_map(|e| e.owner())
                    .next()
                    .unwrap_or_default(),
                w.sheets
                    .iter()
                    .map(|sh| {
                        format!(
                            "{}（{}{}）",
                            sh.name,
                            sh.kind.ja(),
                            if sh.hidden { "・非表示" } else { "" }
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n"),
            ),
        };
        let count = |sev| {
            out.findings
                .iter()
                .filter(|f| f.severity == sev && f.at.file == s.path)
                .count()
        };
        for (c, v) in [s.path.to_string(), status, owner, sheets]
            .iter()
            .enumerate()
        {
            ws.write_string_with_format(row, c as u16, v, &st.wrap)?;
            widths.see(c, v);
        }
        ws.write_number_with_format(row, 4, count(Severity::Error) as f64, &st.center)?;
        ws.write_number_with_format(row, 5, count(Severity::Warning) as f64, &st.center)?;
        row += 1;
    }
    let missing: Vec<_> = out
        .batch
        .items
        .iter()
        .filter(|i| i.sheets.is_empty())
        .collect();
    if !missing.is_empty() {
        row += 1;
        ws.write_string_with_format(row, 0, "未提出の取組項目", &st.header)?;
        row += 1;
        for i in missing {
            let item = out.batch.plan.item(i.id).expect("plan item");
            let v = format!("{} {}", i.id, item.item.name);
            ws.write_string_with_format(row, 0, &v, &st.text)?;
            ws.write_string_with_format(row, 2, item.item.departments.join("・"), &st.text)?;
            row += 1;
        }
    }
    widths.apply(ws, &[40, 10, 20, 50, 6, 6])?;
    Ok(())
}
