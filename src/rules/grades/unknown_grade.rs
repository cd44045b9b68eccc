//! A grade cell holding something that is not a grade.
//!
//! ## What it checks
//! Every cell under a year header of a 評価 or 個別評価 row must read as `A`,
//! `B`, `C` or `—`. Width and case variants (`Ａ`, `a`, `A評価`, `－`, `ー`) are
//! understood; anything else (`S`, `AB`, `良`, `1`) is reported with the cell.
//!
//! ## Why it matters
//! An unreadable grade drops out of the counts and the item-grade derivation
//! without anyone noticing; the published table would then be wrong.
//!
//! ## Example
//! Fails: `個別評価` row, 令和6年度 column holds `S`.
//! Passes: the same cell holds `A` (or `Ａ`, reported separately as a variant).

use crate::derive::file::FileCx;
use crate::model::finding::{Finding, Severity, Text};
use crate::model::grade::GradeReading;
use crate::model::sheet::GradeRow;
use crate::rules::Rule;

pub struct UnknownGrade;

impl Rule for UnknownGrade {
    fn code(&self) -> &'static str {
        "G001"
    }
    fn name(&self) -> &'static str {
        "unknown-grade"
    }
    fn severity(&self) -> Severity {
        Severity::Error
    }
    fn check_file(&self, f: &FileCx, out: &mut Vec<Finding>) {
        for (_, sheet) in f.eval_sheets() {
            for (cell, raw) in sheet.grade_rows().flat_map(GradeRow::cells_with_raw) {
                if cell.reading == GradeReading::Unknown {
                    out.push(
                        self.finding(
                            sheet.loc(cell.cell),
                            Text::new(
                                format!("{}の評価「{}」は評価記号として読めません（A・B・C・—のいずれか）。", cell.year, raw),
                                format!("The {} grade `{}` is not a grade symbol (A, B, C or —).", cell.year.short(), raw),
                            ),
                        )
                        .found(raw)
                        .expected("A / B / C / —"),
                    );
                }
            }
        }
    }
}
