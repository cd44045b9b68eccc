//! Recognises what a sheet is by its content, never by its name (sheet names
//! are free: `(4)基金`, `Sheet1` …).

use crate::model::form::{Form, Label};
use crate::model::sheet::SheetKind;
use crate::model::text::key;
use crate::read::grid::Grid;
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

/// What the sheet is, with the label column of an evaluation sheet (so the
/// parser does not look for it again).
pub fn classify(g: &Grid, form: &Form) -> (SheetKind, Option<u32>) {
    if g.is_empty() {
        return (SheetKind::Empty, None);
    }
    if let Some(lc) = label_column(g, form) {
        return (SheetKind::Evaluation, Some(lc));
    }
    if targets::header_row(g, form).is_some() {
        return (SheetKind::Targets, None);
    }
    if comments_header(g, form).is_some() {
        return (SheetKind::Comments, None);
    }
    (SheetKind::Other, None)
}

/// The column holding the 評価シート labels: the leftmost of the first few
/// columns where at least two distinct distinctive labels stand.
pub fn label_column(g: &Grid, form: &Form) -> Option<u32> {
    let first = g.first_col();
    // The distinctive labels seen in each of the first columns, as bits;
    // one pass over each row's cells.
    let mut found = [0u16; LABEL_SCAN_COLS as usize];
    for row in g.first_row()..g.end_row() {
        for (col, v) in g.row_cells(row, first) {
            let k = (col - first) as usize;
            if k >= found.len() {
                break;
            }
            if let Some(t) = v.as_text()
                && let Some(l) = form.label_of(t)
                && let Some(bit) = DISTINCTIVE.iter().position(|d| *d == l)
            {
                found[k] |= 1 << bit;
            }
        }
    }
    let mut best: Option<(u32, u32)> = None;
    for (k, bits) in found.iter().enumerate() {
        let n = bits.count_ones();
        if n >= 2 && best.is_none_or(|(m, _)| n > m) {
            best = Some((n, first + k as u32));
        }
    }
    best.map(|(_, c)| c)
}

/// The header row of a 評価コメント sheet: a row holding 取組項目 and コメント.
pub fn comments_header(g: &Grid, form: &Form) -> Option<u32> {
    (g.first_row()..g.end_row().min(g.first_row() + 20)).find(|&row| {
        let keys: Vec<String> = g.row_cells(row, 0).map(|(_, v)| key(&v.text())).collect();
        keys.iter().any(|k| form.is_comment_item(k)) && keys.iter().any(|k| form.is_comment_text(k))
    })
}
