//! エラー報告: one row per finding, sorted by severity then file, with the
//! department to call, the found / expected values and the suggested fix, and
//! a link to the cell.
//!
//! A national run has a hundred thousand findings, so the sheet is written in
//! constant-memory mode, row after row: a first pass measures the columns,
//! a second the lines each row's wrapped texts need (and from them the usual
//! row height), the third writes each row, with a height of its own where it
//! needs another.

use std::borrow::Cow;

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::links::Linker;
use super::{Styles, Widths, header_row, write_linked};
use crate::model::finding::{Finding, Lang, Severity};
use crate::report::Results;

const HEADERS: [&str; 10] = [
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

/// Columns whose text wraps.
const WRAPPED: std::ops::RangeInclusive<usize> = 6..=9;

/// The texts of a finding's row (each row's texts are asked for three
/// times: widths, line counts, writing).
fn cells(f: &Finding, lang: Lang) -> [Cow<'_, str>; 10] {
    [
        Cow::Borrowed(f.severity.ja()),
        Cow::Borrowed(f.code),
        // The file's name: the link on the cell column holds the path.
        std::path::Path::new(&*f.at.file)
            .file_name()
            .map_or(Cow::Borrowed(&*f.at.file), |n| n.to_string_lossy()),
        Cow::Borrowed(f.at.sheet.as_deref().unwrap_or("")),
        f.at.cell
            .map_or(Cow::Borrowed(""), |c| Cow::Owned(c.to_string())),
        Cow::Borrowed(f.department.as_deref().unwrap_or_default()),
        Cow::Owned(f.message(lang)),
        Cow::Owned(f.found().unwrap_or_default()),
        Cow::Owned(f.expected().unwrap_or_default()),
        Cow::Owned(f.suggestion(lang).unwrap_or_default()),
    ]
}

pub(super) fn sheet(
    ws: &mut Worksheet,
    st: &Styles,
    out: &Results,
    lang: Lang,
    links: &Linker,
) -> Result<(), XlsxError> {
    ws.set_name("エラー報告")?;
    let mut links = links.sheet();
    let mut widths = Widths::new(&HEADERS);
    for f in out.findings {
        for (c, v) in cells(f, lang).iter().enumerate() {
            widths.see(c, v);
        }
    }
    let mut fixed = widths.fix(ws, &[8, 6, 30, 20, 6, 16, 60, 20, 20, 40])?;
    let lines: Vec<usize> = out
        .findings
        .iter()
        .map(|f| {
            let cells = cells(f, lang);
            fixed.lines(WRAPPED.map(|c| (c, &*cells[c])))
        })
        .collect();
    fixed.usual_height(ws, &lines)?;
    header_row(ws, st, &HEADERS)?;
    ws.autofilter(0, 0, out.findings.len() as u32, (HEADERS.len() - 1) as u16)?;
    for (i, (f, &n)) in out.findings.iter().zip(&lines).enumerate() {
        let row = (i + 1) as u32;
        let sev = match f.severity {
            Severity::Error => 0,
            Severity::Warning => 1,
            Severity::Info => 2,
        };
        let cells = cells(f, lang);
        fixed.set_lines(ws, row, n)?;
        for (c, v) in cells.iter().enumerate() {
            let fmt = match c {
                0 => &st.severity[sev],
                c if WRAPPED.contains(&c) => &st.wrap,
                _ => &st.text,
            };
            if c == 4 && f.at.sheet.is_some() {
                // The cell, linked; a finding about a whole sheet links to its A1.
                let shown = if v.is_empty() { "シート" } else { v };
                write_linked(ws, row, 4, shown, Some(&f.at), &mut links, &st.link)?;
            } else {
                ws.write_string_with_format(row, c as u16, &*super::fit(v), fmt)?;
            }
        }
    }
    Ok(())
}
