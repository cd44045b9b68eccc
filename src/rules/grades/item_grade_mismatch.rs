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

use serde::Serialize;

use crate::facts::batch::{Agreement, Batch};
use crate::facts::grading::{Derived, Tally};
use crate::model::finding::{Lang, Violation};
use crate::model::grade::Grade;
use crate::model::year::FiscalYear;
use crate::rules::{Findings, Rule};

pub struct ItemGradeMismatch;

/// A submitted item grade the rule does not give.
#[derive(Debug, Serialize)]
pub struct NotDerived {
    pub year: FiscalYear,
    pub submitted: Grade,
    pub tally: Tally,
    pub derived: Derived,
}

impl Violation for NotDerived {
    fn message(&self, lang: Lang) -> String {
        let (g, t, d) = (self.submitted, self.tally, self.derived);
        match lang {
            Lang::Ja => format!(
                "{}の評価「{g}」が個別評価から算定される評価と異なります（{t} → {d}）。",
                self.year
            ),
            Lang::En => format!(
                "The {} item grade `{g}` differs from the one derived from the action grades ({t} → {d}).",
                self.year.short()
            ),
        }
    }
    fn found(&self) -> Option<String> {
        Some(self.submitted.symbol().into())
    }
    fn expected(&self) -> Option<String> {
        Some(self.derived.to_string())
    }
}

impl Rule for ItemGradeMismatch {
    fn check_batch(&self, b: &Batch, out: &mut Findings) {
        for (sheet, cell, iy) in b.item_grades() {
            if let (Some(submitted), Agreement::Differs) = (iy.submitted, iy.agreement) {
                out.push(
                    sheet.loc(cell.cell),
                    NotDerived {
                        year: cell.year,
                        submitted,
                        tally: iy.tally,
                        derived: iy.derived,
                    },
                );
            }
        }
    }
}
