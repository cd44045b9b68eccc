//! エラー報告: one row per finding, sorted by severity then file, with the
//! department to call, the found / expected values and the suggested fix, and
//! a link to the cell.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::links::Linker;
use super::{Styles, Widths, header_row, write_linked};
use crate::model::finding::{Lang, Severity};
use crate::pipeline::Outcome;

pub(super) fn sheet(
    ws: &mut Worksheet,
    st: &Styles,
    out: &Outcome,
    lang: Lang,
    links: &Linker,
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
            // The file's name: the link on the cell column holds the path.
            std::path::Path::new(&*f.at.file)
                .file_name()
                .map_or(f.at.file.to_string(), |n| n.to_string_lossy().into_owned()),
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
                6..=9 => &st.wrap,
                _ => &st.text,
            };
            if c == 4 && f.at.sheet.is_some() {
                // The cell, linked; a finding about a whole sheet links to its A1.
                let shown = if v.is_empty() {
                    "シート"
                } else {
                    v.as_str()
                };
                write_linked(ws, row, 4, shown, Some(&f.at), links, &st.link)?;
            } else {
                ws.write_string_with_format(row, c as u16, v, fmt)?;
            }
            if (6..=9).contains(&c) {
                widths.see_wrapped(row, c, v);
            } else {
                widths.see(c, v);
            }
        }
    }
    widths.apply(ws, &[8, 6, 30, 20, 6, 16, 60, 20, 20, 40])?;
    ws.autofilter(0, 0, out.findings.len() as u32, (headers.len() - 1) as u16)?;
    Ok(())
}
