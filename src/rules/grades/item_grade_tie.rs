//! An item grade decided by the committee because the action grades tie.
//!
//! ## What it checks
//! When A and B are equally many (and there is no C), or A+B equals C, the rule
//! does not decide: the committee does (協議). The submitted grade stands if it
//! is one of the tied grades; this finding records that it was a tie and names
//! the tied grades, so the report can say so.
//!
//! ## Why it matters
//! The report must state which item grades were decided by discussion rather
//! than by the rule; the planning office needs the list before the meeting.
//!
//! ## Example
//! Reported: 個別評価 A, A, B, B and 評価 `B` (A 2, B 2, C 0: A/B tie).
//! Not reported: 個別評価 A, A, B and 評価 `A`.

use crate::derive::batch::{Agreement, Batch, item_year};
use crate::derive::grades::Derived;
use crate::model::finding::{Finding, Severity, Text};
use crate::rules::Rule;

pub struct ItemGradeTie;

impl Rule for ItemGradeTie {
    fn code(&self) -> &'static str {
        "G011"
    }
    fn name(&self) -> &'static str {
        "item-grade-tie"
    }
    fn severity(&self) -> Severity {
        Severity::Info
    }
    fn check_batch(&self, b: &Batch, out: &mut Vec<Finding>) {
        for (_, sheet) in b.records() {
            let Some(row) = &sheet.item_grades else {
                continue;
            };
            for cell in row.cells.iter().filter(|c| c.year <= b.year) {
                let iy = item_year(sheet, cell.year);
                let (Derived::Tie(x, y), Some(submitted)) = (iy.derived, iy.submitted) else {
                    continue;
                };
                if iy.agreement != Agreement::Tie {
                    continue;
                }
                out.push(
                    self.finding(
                        sheet.loc(cell.cell),
                        Text::new(
                            format!(
                                "{}の評価は{}と{}が同率のため協議により「{}」と決定されています（{}）。",
                                cell.year, x, y, submitted, iy.tally
                            ),
                            format!(
                                "The {} item grade is a tie between {} and {}, decided by the committee as `{}` ({}).",
                                cell.year.short(), x, y, submitted, iy.tally
                            ),
                        ),
                    )
                    .found(submitted.symbol())
                    .expected(iy.derived.to_string()),
                );
            }
        }
    }
}
