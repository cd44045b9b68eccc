//! Every text of a workbook that holds figures, placed: the 具体的な取組
//! panels and names, 取組内容 descriptions and 今後の取組方針 of its evaluation
//! sheets, the values of its 数値目標 sheets and the paragraphs of its
//! 評価コメント sheets.

use crate::facts::quantity::{Facts, Place};
use crate::model::cell::CellValue;
use crate::model::form::RowKind;
use crate::model::sheet::{CommentRow, CommentSheet, EvalSheet, TargetSheet};

/// The texts of evaluation sheets, each with its index (what `Place`s name).
pub fn sheets<'a>(f: &mut Facts, sheets: impl Iterator<Item = (u16, &'a EvalSheet)>) {
    for (si, s) in sheets {
        for a in &s.actions {
            f.add(
                &a.description,
                a.at.clone(),
                Place::Action {
                    sheet: si,
                    number: a.number,
                },
            );
        }
        for (pi, p) in s.projects.iter().enumerate() {
            for (mi, m) in p.measures.iter().enumerate() {
                let (project, measure) = (pi as u16, mi as u16);
                f.add(
                    &m.name.value,
                    m.name.at.clone(),
                    Place::MeasureName {
                        sheet: si,
                        project,
                        measure,
                    },
                );
                for pa in &m.panels {
                    let Some(year) = pa.year else { continue };
                    let text = match &pa.text.value {
                        CellValue::Text(t) => std::borrow::Cow::Borrowed(t.as_str()),
                        other => std::borrow::Cow::Owned(other.text()),
                    };
                    f.add(
                        &text,
                        pa.text.at.clone(),
                        Place::Panel {
                            sheet: si,
                            project,
                            measure,
                            year,
                            kind: pa.kind,
                        },
                    );
                }
            }
        }
        if let Some(fu) = &s.future {
            f.add(&fu.value, fu.at.clone(), Place::Future { sheet: si });
        }
    }
    f.fill_subjects();
}

/// The values of 数値目標 sheets (rows numbered across the sheets).
pub fn targets<'a>(f: &mut Facts, sheets: impl Iterator<Item = &'a TargetSheet>) {
    for (ri, row) in sheets.flat_map(|t| &t.rows).enumerate() {
        let Some(kind) = row.row_kind else { continue };
        for (year, v) in &row.values {
            let text = match &v.value {
                CellValue::Text(t) => t.clone(),
                CellValue::Number(_) => {
                    // A number takes the unit of its row.
                    let unit = row.unit.as_ref().map_or("", |u| u.value.trim());
                    format!("{}{unit}", v.value.text())
                }
                _ => continue,
            };
            f.add(
                &text,
                v.at.clone(),
                Place::Target {
                    row: ri as u32,
                    year: *year,
                    kind,
                },
            );
        }
    }
    let _ = RowKind::Target;
}

/// The paragraphs of 評価コメント sheets (rows numbered across the sheets).
pub fn comments<'a>(f: &mut Facts, sheets: impl Iterator<Item = &'a CommentSheet>) {
    comment_rows(f, sheets.flat_map(|c| &c.rows));
}

/// Comment paragraphs, numbered in the order given.
pub fn comment_rows<'a>(f: &mut Facts, rows: impl Iterator<Item = &'a CommentRow>) {
    for (ri, row) in rows.enumerate() {
        f.add(
            &row.text.value,
            row.text.at.clone(),
            Place::Comment { row: ri as u32 },
        );
    }
}
