//! Recognises what a sheet is by its content, never by its name (sheet names
//! are free: `(4)基金`, `Sheet1` …).

use std::collections::HashSet;

use crate::model::sheet::SheetKind;
use crate::model::text::key;
use crate::read::grid::Grid;
use crate::read::labels::{Label, label_of};
use crate::read::targets;

/// How many columns from the left a label column may be shifted.
const LABEL_SCAN_COLS: u32 = 4;

/// Labels that only an evaluation sheet has; two of them make one.
const DISTINCTIVE: [Label; 6] = [
    Label::Policy,
    Label::Item,
    Label::Actions,
    Label::Project,
    Label::ActionGrade,
    Label::Measure,
];

pub fn classify(g: &Grid) -> SheetKind {
    classify_with_labels(g).0
}

/// Like [`classify`], with the label column of an evaluation sheet, so the
/// parser does not look for it again.
pub fn classify_with_labels(g: &Grid) -> (SheetKind, Option<u32>) {
    if g.is_empty() {
        return (SheetKind::Empty, None);
    }
    if let Some(lc) = label_column(g) {
        return (SheetKind::Evaluation, Some(lc));
    }
    if targets::header_row(g).is_some() {
        return (SheetKind::Targets, None);
    }
    if comments_header(g).is_some() {
        return (SheetKind::Comments, None);
    }
    (SheetKind::Other, None)
}

/// The column holding the 評価シート labels: the leftmost of the first few
/// columns where at least two distinct distinctive labels stand.
pub fn label_column(g: &Grid) -> Option<u32> {
    let first = g.first_col();
    let mut best: Option<(usize, u32)> = None;
    for col in first..(first + LABEL_SCAN_COLS).min(g.end_col()) {
        let mut found = HashSet::new();
        for row in g.first_row()..g.end_row() {
            if let Some(t) = g.get(row, col).as_text()
                && let Some(l) = label_of(t)
                && DISTINCTIVE.contains(&l)
            {
                found.insert(l);
            }
        }
        if found.len() >= 2 && best.is_none_or(|(n, _)| found.len() > n) {
            best = Some((found.len(), col));
        }
    }
    best.map(|(_, c)| c)
}

/// The header row of a 評価コメント sheet: a row holding 取組項目 and コメント.
pub fn comments_header(g: &Grid) -> Option<u32> {
    (g.first_row()..g.end_row().min(g.first_row() + 20)).find(|&row| {
        let keys: Vec<String> = g.row_cells(row, 0).map(|(_, v)| key(&v.text())).collect();
        keys.iter().any(|k| k.starts_with("取組項目")) && keys.iter().any(|k| k == "コメント")
    })
}
