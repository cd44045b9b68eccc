//! A change between two percentages written in % where points are meant.
//!
//! ## What it checks
//! For a change claim between two percentages (`男性育児休業取得率：66.7%
//! （対前年比22.2%減）`, previous year `88.9%`): when the claimed `%` change equals
//! the difference of the two percentages (88.9 − 66.7 = 22.2) and not the
//! relative change (25.0%), the unit should be ポイント.
//!
//! ## Why it matters
//! `22.2%減` reads as "fell by a fifth"; the figure actually fell by a quarter.
//! Percent and percentage points are different quantities and the report should
//! say which it means.
//!
//! ## Example
//! Fails: `66.7%（対前年比22.2%減）` after `88.9%`.
//! Passes: `66.7%（対前年比22.2ポイント減）`, or `（対前年比25.0%減）`.

use crate::derive::claims::{actual_change, tolerance};
use crate::derive::file::FileCx;
use crate::model::figure::{Unit, group_digits};
use crate::model::finding::{Finding, Severity, Text};
use crate::rules::Rule;

pub struct PercentVsPoints;

impl Rule for PercentVsPoints {
    fn code(&self) -> &'static str {
        "N009"
    }
    fn name(&self) -> &'static str {
        "percent-vs-points"
    }
    fn severity(&self) -> Severity {
        Severity::Warning
    }
    fn check_file(&self, f: &FileCx, out: &mut Vec<Finding>) {
        for c in f.claims() {
            let percent = c.delta.fig.figure.unit == Unit::Percent
                && c.current.fig.figure.unit == Unit::Percent;
            if !percent {
                continue;
            }
            let points = actual_change(&c, false);
            let relative = actual_change(&c, true);
            let as_points = (points - c.claimed).abs() <= tolerance(&c, false);
            let as_relative = (relative - c.claimed).abs() <= tolerance(&c, true);
            if !as_points || as_relative {
                continue;
            }
            let fixed = c.raw_claim.replacen('%', "ポイント", 1);
            out.push(
                self.finding(
                    c.delta.at.clone(),
                    Text::new(
                        format!(
                            "「{}」は{}（{}）と{}の差（ポイント）です。率の変化なら{}%です。",
                            c.raw_claim, c.previous.fig.raw, c.previous.year, c.current.fig.raw, group_digits(relative, 1)
                        ),
                        format!(
                            "`{}` is the difference of {} and {} in points; as a rate the change is {}%.",
                            c.raw_claim, c.previous.fig.raw, c.current.fig.raw, group_digits(relative, 1)
                        ),
                    ),
                )
                .found(c.raw_claim.clone())
                .expected(fixed.clone())
                .suggest(Text::new(format!("「{fixed}」と書く"), format!("write `{fixed}`")))
                .related(c.previous.at.clone()),
            );
        }
    }
}
