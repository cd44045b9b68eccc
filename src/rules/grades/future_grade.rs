//! A grade given for a year after the evaluated fiscal year.
//!
//! ## What it checks
//! Cells of years after the evaluated fiscal year must be empty or `—`; an
//! `A`, `B` or `C` there is reported.
//!
//! ## Why it matters
//! A year not yet over cannot have been evaluated: such a grade is usually
//! typed one column too far to the right, which also leaves the evaluated
//! year's grade wrong or empty.
//!
//! ## Example
//! Fails (evaluating 令和6年度): 個別評価 令和7年度 holds `A`.
//! Passes: 令和7年度 holds `—`.

use crate::derive::batch::Batch;
use crate::model::finding::{Finding, Severity, Text};
use crate::model::grade::Grade;
use crate::model::sheet::GradeRow;
use crate::rules::Rule;

pub struct FutureGrade;

impl Rule for FutureGrade {
    fn code(&self) -> &'static str {
        "G004"
    }
    fn name(&self) -> &'static str {
        "future-grade"
    }
    fn severity(&self) -> Severity {
        Severity::Error
    }
    fn check_batch(&self, b: &Batch, out: &mut Vec<Finding>) {
        for (_, sheet) in b.records() {
            let cells = sheet.grade_rows().flat_map(GradeRow::cells_with_raw);
            for (cell, raw) in cells.filter(|(c, _)| c.year > b.year) {
                let Some(g) = cell.reading.grade().filter(|g| *g != Grade::NotEvaluable) else {
                    continue;
                };
                out.push(
                    self.finding(
                        sheet.loc(cell.cell),
                        Text::new(
                            format!(
                                "評価年度（{}）より後の{}に評価「{}」があります。",
                                b.year, cell.year, g
                            ),
                            format!(
                                "A grade `{}` for {}, after the evaluated year {}.",
                                g,
                                cell.year.short(),
                                b.year.short()
                            ),
                        ),
                    )
                    .found(raw)
                    .expected("— / 空欄"),
                );
            }
        }
    }
}
