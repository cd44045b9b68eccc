//! An item grade (評価) that the committee's rule does not give for the
//! action grades (個別評価) of the same year.
//!
//! ## What it checks
//! For each year up to the evaluated one, the action grades of the sheet are
//! counted and the rule applied: A if no C and A outnumbers B; B if no C and B
//! outnumbers A, or some C and A+B outnumber C; C if C outnumbers A+B; a tie is
//! left to the committee (see G011). The submitted grade must be the derived
//! one, or one of the tied grades. The finding shows the derivation.
//!
//! ## Why it matters
//! The item grade is what the report's summary tables print; a grade that
//! contradicts its own action grades is either a typo or an undocumented
//! decision.
//!
//! ## Example
//! Fails: 個別評価 A, B, B and 評価 `A` (A 1, B 2, C 0 → B).
//! Passes: 個別評価 A, A, B and 評価 `A`.

use crate::derive::batch::{Agreement, Batch, item_year};
use crate::model::finding::{Finding, Severity, Text};
use crate::rules::Rule;

pub struct ItemGradeMismatch;

impl Rule for ItemGradeMismatch {
    fn code(&self) -> &'static str {
        "G010"
    }
    fn name(&self) -> &'static str {
        "item-grade-mismatch"
    }
    fn severity(&self) -> Severity {
        Severity::Error
    }
    fn check_batch(&self, b: &Batch, out: &mut Vec<Finding>) {
        for (_, sheet) in b.records() {
            let Some(row) = &sheet.item_grades else {
                continue;
            };
            for cell in row.cells.iter().filter(|c| c.year <= b.year) {
                let iy = item_year(sheet, cell.year);
                let Some(submitted) = iy.submitted else {
                    continue;
                };
                if iy.agreement == Agreement::Differs {
                    out.push(
                        self.finding(
                            sheet.loc(cell.cell),
                            Text::new(
                                format!(
                                    "{}の評価「{}」が個別評価から算定される評価と異なります（{} → {}）。",
                                    cell.year, submitted, iy.tally, iy.derived
                                ),
                                format!(
                                    "The {} item grade `{}` differs from the one derived from the action grades ({} → {}).",
                                    cell.year.short(), submitted, iy.tally, iy.derived
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
}
