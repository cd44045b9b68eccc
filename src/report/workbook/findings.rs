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
use super::print::{self, Page};
use super::{Styles, Widths, header_row, write_linked};
use crate::model::finding::{Finding, Lang, Severity};
use crate::model::standing::Resolved;
use crate::report::Results;

const HEADERS: [&str; 11] = [
    "重要度",
    "コード",
    "ファイル",
    "シート",
    "セル",
    "担当課",
    "内容",
    "記入値",
    "正しい値",
    "修正案",
    "状況",
];

/// Columns whose text wraps: the texts, and the names kept narrow so that
/// a row prints on one A4 page across.
const WRAPPED: [usize; 7] = [2, 3, 5, 6, 7, 8, 9];

/// The texts of a finding's row (each row's texts are asked for three
/// times: widths, line counts, writing).
pub(super) fn cells(f: &Finding, lang: Lang) -> [Cow<'_, str>; 11] {
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
        Cow::Borrowed(f.standing.map_or("", |s| match lang {
            Lang::Ja => s.ja(),
            Lang::En => s.en(),
        })),
    ]
}

/// The row of a baseline finding no longer reported (解消).
fn resolved_cells(r: &Resolved) -> [&str; 11] {
    let file = crate::model::resubmission::file_name(&r.file);
    [
        "",
        &r.code,
        file,
        r.sheet.as_deref().unwrap_or_default(),
        r.cell.as_deref().unwrap_or_default(),
        "",
        &r.message,
        "",
        "",
        "",
        "解消",
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
    for r in out.resolved {
        for (c, v) in resolved_cells(r).iter().enumerate() {
            widths.see(c, v);
        }
    }
    // Every column on one A4 page across, at 84% at least.
    let mut fixed = widths.fix(ws, &[6, 6, 16, 12, 5, 10, 28, 14, 14, 22, 4])?;
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
    let page = Page::new("エラー報告", Some(out.batch.year))
        .landscape()
        .columns(fixed.columns());
    print::setup(ws, &page)?;
    let last = (out.findings.len() + out.resolved.len()) as u32;
    ws.autofilter(0, 0, last, (HEADERS.len() - 1) as u16)?;
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
    // The baseline's findings that are gone, after the current ones.
    let first = out.findings.len() as u32 + 1;
    for (row, r) in (first..).zip(out.resolved) {
        for (c, v) in resolved_cells(r).iter().enumerate() {
            let fmt = if WRAPPED.contains(&c) {
                &st.wrap
            } else {
                &st.text
            };
            ws.write_string_with_format(row, c as u16, &*super::fit(v), fmt)?;
        }
    }
    Ok(())
}
