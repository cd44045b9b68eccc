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

use crate::facts::claims::{actual_change, tolerance};
use crate::facts::file::FileCx;
use crate::model::figure::{Unit, group_digits};
use crate::model::finding::{Lang, Violation};
use crate::model::year::FiscalYear;
use crate::rules::{Findings, Rule};
use serde::Serialize;

pub struct PercentVsPoints;

/// A change of a percentage claimed in % that is the difference in points.
#[derive(Debug, Serialize)]
pub struct PointsAsPercent {
    pub claim: String,
    pub previous: String,
    pub previous_year: FiscalYear,
    pub current: String,
    /// The change as a rate, in %.
    pub relative: f64,
    /// The claim written in points.
    pub fixed: String,
}

impl Violation for PointsAsPercent {
    fn message(&self, lang: Lang) -> String {
        let (c, p, v, r) = (
            &self.claim,
            &self.previous,
            &self.current,
            group_digits(self.relative, 1),
        );
        match lang {
            Lang::Ja => format!(
                "「{c}」は{p}（{}）と{v}の差（ポイント）です。率の変化なら{r}%です。",
                self.previous_year
            ),
            Lang::En => format!(
                "`{c}` is the difference of {p} and {v} in points; as a rate the change is {r}%."
            ),
        }
    }
    fn found(&self) -> Option<String> {
        Some(self.claim.clone())
    }
    fn expected(&self) -> Option<String> {
        Some(self.fixed.clone())
    }
    fn suggestion(&self, lang: Lang) -> Option<String> {
        let f = &self.fixed;
        Some(match lang {
            Lang::Ja => format!("「{f}」と書く"),
            Lang::En => format!("write `{f}`"),
        })
    }
}

impl Rule for PercentVsPoints {
    fn check_file(&self, f: &FileCx, out: &mut Findings) {
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
                c.delta.at.clone(),
                PointsAsPercent {
                    claim: c.raw_claim.clone(),
                    previous: c.previous.fig.raw.clone(),
                    previous_year: c.previous.year,
                    current: c.current.fig.raw.clone(),
                    relative,
                    fixed,
                },
            )
            .related(c.previous.at.clone());
        }
    }
}
