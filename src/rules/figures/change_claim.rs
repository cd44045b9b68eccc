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

use crate::derive::claims::{actual_change, tolerance};
use crate::derive::file::FileCx;
use crate::model::figure::{Unit, group_digits};
use crate::model::finding::{Finding, Severity, Text};
use crate::rules::Rule;

pub struct ChangeClaim;

impl Rule for ChangeClaim {
    fn code(&self) -> &'static str {
        "N005"
    }
    fn name(&self) -> &'static str {
        "change-claim"
    }
    fn severity(&self) -> Severity {
        Severity::Warning
    }
    fn check_file(&self, f: &FileCx, out: &mut Vec<Finding>) {
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
                self.finding(
                    c.delta.at.clone(),
                    Text::new(
                        format!(
                            "「{}」とありますが、{} {}（{}）から{} {}では変化は{}です。",
                            c.raw_claim,
                            c.previous.year,
                            c.previous.fig.raw,
                            c.previous.fig.label,
                            c.current.year,
                            c.current.fig.raw,
                            shown
                        ),
                        format!(
                            "The text claims `{}`, but from {} ({}) to {} the change is {}.",
                            c.raw_claim,
                            c.previous.fig.raw,
                            c.previous.year.short(),
                            c.current.fig.raw,
                            shown
                        ),
                    ),
                )
                .found(c.raw_claim.clone())
                .expected(shown)
                .related(c.previous.at.clone()),
            );
        }
    }
}
