//! An empty grade for a year that has been evaluated.
//!
//! ## What it checks
//! In every 評価 and 個別評価 row, each year up to the evaluated fiscal year
//! must have a grade (`A`, `B`, `C`, or `—` with a reason). An empty cell, or
//! a row that has no column for such a year at all, is reported.
//!
//! ## Why it matters
//! An empty cell drops out of the counts and of the item-grade derivation; the
//! summary would print fewer grades than actions without anyone deciding so.
//!
//! ## Example
//! Fails (evaluating 令和6年度): 個別評価 令和6年度 is empty.
//! Passes: it holds `B`; 令和7年度 and 令和8年度 may stay empty or hold `—`.

use crate::derive::batch::Batch;
use crate::model::finding::{Finding, Severity, Text};
use crate::model::grade::GradeReading;
use crate::rules::Rule;

pub struct MissingGrade;

impl Rule for MissingGrade {
    fn code(&self) -> &'static str {
        "G003"
    }
    fn name(&self) -> &'static str {
        "missing-grade"
    }
    fn severity(&self) -> Severity {
        Severity::Error
    }
    fn check_batch(&self, b: &Batch, out: &mut Vec<Finding>) {
        let due: Vec<_> = b
            .plan
            .years()
            .into_iter()
            .filter(|y| *y <= b.year)
            .collect();
        for (_, sheet) in b.records() {
            for row in sheet.grade_rows() {
                for &y in &due {
                    match row.cell(y) {
                        Some(c) if c.reading == GradeReading::Empty => out.push(
                            self.finding(
                                sheet.loc(c.cell),
                                Text::new(
                                    format!("{y}の評価が空欄です。"),
                                    format!("The {} grade is empty.", y.short()),
                                ),
                            )
                            .expected("A / B / C / —"),
                        ),
                        Some(_) => {}
                        None => out.push(
                            self.finding(
                                sheet.loc(row.label),
                                Text::new(
                                    format!("評価の行に{y}の列がありません。"),
                                    format!("The grade row has no column for {}.", y.short()),
                                ),
                            )
                            .expected(y.label()),
                        ),
                    }
                }
            }
        }
    }
}
