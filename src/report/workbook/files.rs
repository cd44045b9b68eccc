//! 提出状況: one row per input file (status, department, sheets recognised,
//! errors and warnings) and the plan's items nobody submitted (未提出).
//!
//! One row per file is tens of thousands at national scale: the sheet is
//! written in constant-memory mode, measured in a first pass.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::links::Linker;
use super::print::{self, Page};
use super::{Styles, Widths, header_row, write_linked};
use crate::facts::record::FileRecord;
use crate::model::finding::Severity;
use crate::report::Results;

const HEADERS: [&str; 6] = [
    "ファイル",
    "状態",
    "担当課",
    "認識したシート",
    "エラー",
    "警告",
];

/// The sheets column lists one sheet per line.
const SHEETS: usize = 3;

/// The texts of a file's row: path, status, department, sheets.
fn cells(s: &FileRecord) -> [String; 4] {
    let (status, owner, sheets) = match s.kept() {
        None => ("読めません".to_string(), String::new(), String::new()),
        Some(w) => (
            "読込済".to_string(),
            w.owner().unwrap_or_default().to_string(),
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
    [s.path.to_string(), status, owner, sheets]
}

pub(super) fn sheet(
    ws: &mut Worksheet,
    st: &Styles,
    out: &Results,
    links: &Linker,
) -> Result<(), XlsxError> {
    ws.set_name("提出状況")?;
    let mut links = links.sheet();
    let mut widths = Widths::new(&HEADERS);
    for s in &out.batch.files {
        for (c, v) in cells(s).iter().enumerate() {
            widths.see(c, v);
        }
    }
    let mut fixed = widths.fix(ws, &[40, 10, 20, 50, 6, 6])?;
    let lines: Vec<usize> = (out.batch.files.iter())
        .map(|s| fixed.lines([(SHEETS, cells(s)[SHEETS].as_str())]))
        .collect();
    fixed.usual_height(ws, &lines)?;
    header_row(ws, st, &HEADERS)?;
    let page = Page::new("提出状況", Some(out.batch.year))
        .landscape()
        .columns(fixed.columns())
        .key_columns(0, 0)
        .breaks(&[3]);
    print::setup(ws, &page)?;
    // Findings per file and severity, counted once (files × findings would be
    // quadratic at national scale).
    let mut counts: std::collections::HashMap<(&str, Severity), usize> = Default::default();
    for f in out.findings {
        *counts.entry((&*f.at.file, f.severity)).or_default() += 1;
    }
    let mut row = 1u32;
    for (s, &n) in out.batch.files.iter().zip(&lines) {
        let cells = cells(s);
        fixed.set_lines(ws, row, n)?;
        let count = |sev| counts.get(&(&*s.path, sev)).copied().unwrap_or(0);
        for (c, v) in cells.iter().enumerate() {
            if c == 0 {
                let at = crate::model::location::Location::file(s.path.clone());
                write_linked(ws, row, 0, v, Some(&at), &mut links, &st.link)?;
            } else {
                ws.write_string_with_format(row, c as u16, &*super::fit(v), &st.wrap)?;
            }
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
    Ok(())
}
