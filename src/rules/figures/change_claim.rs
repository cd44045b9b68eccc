//! A year-over-year change that the figures do not bear out.
//!
//! ## What it checks
//! Claims such as `運用実績：18件（対前年度比1件減）`, `ロケ実績数は44件増の138件`,
//! `加入率は前年比2.5ポイント減の26.9%` or `フォロワーが786人増加した` are checked
//! against the previous year's figure of the same label in the same 具体的な取組
//! (see the claims module): the claimed change must equal the difference within
//! the rounding of the three figures (exact counts must match exactly). A percentage claimed in points is compared with the
//! difference; one claimed in % with the relative change. (A `%` change that
//! equals the points difference is N009's.) Claims whose previous figure cannot
//! be found are not judged.
//!
//! ## Why it matters
//! A change the figures do not support is either a typo in a figure or a claim
//! copied from an earlier draft; either way the report repeats it.
//!
//! ## Example
//! Fails: 令和5年度 `運用実績：19件`, 令和6年度 `運用実績：18件（対前年度比2件減）`.
//! Passes: `…（対前年度比1件減）`. Also passes: 29.3% → `前年比2.5ポイント減の26.9%`
//! (the printed 29.3 and 26.9 may be 29.34 and 26.86, 2.48 points apart).

use crate::facts::claims::{actual_change, tolerance};
use crate::facts::file::FileCx;
use crate::model::figure::{Unit, group_digits};
use crate::model::finding::{Lang, Violation};
use crate::model::year::FiscalYear;
use crate::rules::{Findings, Rule};
use serde::Serialize;

pub struct ChangeClaim;

/// A claimed change the previous and current figures do not give.
#[derive(Debug, Serialize)]
pub struct ChangeDiffers {
    pub claim: String,
    pub previous: String,
    pub previous_label: String,
    pub previous_year: FiscalYear,
    pub current: String,
    pub current_year: FiscalYear,
    /// The change the figures give, printed.
    pub actual: String,
}

impl Violation for ChangeDiffers {
    fn message(&self, lang: Lang) -> String {
        let (c, p, v, a) = (&self.claim, &self.previous, &self.current, &self.actual);
        match lang {
            Lang::Ja => format!(
                "「{c}」とありますが、{} {p}（{}）から{} {v}では変化は{a}です。",
                self.previous_year, self.previous_label, self.current_year
            ),
            Lang::En => format!(
                "The text claims `{c}`, but from {p} ({}) to {v} the change is {a}.",
                self.previous_year.short()
            ),
        }
    }
    fn found(&self) -> Option<String> {
        Some(self.claim.clone())
    }
    fn expected(&self) -> Option<String> {
        Some(self.actual.clone())
    }
}

impl Rule for ChangeClaim {
    fn check_file(&self, f: &FileCx, out: &mut Findings) {
        for c in f.claims() {
            let d = &c.delta.fig.figure;
            let relative = d.unit == Unit::Percent && c.current.fig.figure.unit == Unit::Percent;
            let actual = actual_change(&c, relative);
            if (actual - c.claimed).abs() <= tolerance(&c, relative) {
                continue;
            }
            if relative && (actual_change(&c, false) - c.claimed).abs() <= tolerance(&c, false) {
                continue; // points written as % — N009
            }
            let decimals = if c.delta.fig.figure.step < 1.0 { 1 } else { 0 };
            let shown = format!(
                "{}{}",
                group_digits(
                    actual
                        / if d.unit == Unit::Yen {
                            crate::model::figure::from_number(1.0, &d.printed_unit).value
                        } else {
                            1.0
                        },
                    decimals
                ),
                if relative {
                    "%"
                } else {
                    d.printed_unit.as_str()
                }
            );
            out.push(
                c.delta.at.clone(),
                ChangeDiffers {
                    claim: c.raw_claim.clone(),
                    previous: c.previous.fig.raw.clone(),
                    previous_label: c.previous.fig.label.clone(),
                    previous_year: c.previous.year,
                    current: c.current.fig.raw.clone(),
                    current_year: c.current.year,
                    actual: shown,
                },
            )
            .related(c.previous.at.clone());
        }
    }
}
