//! The same amount printed in two scales that do not agree after rounding.
//!
//! ## What it checks
//! - A 数値目標 value against the same quantity in the sheet text of its
//!   action and year (the closest figure of the same kind, within 0.5%):
//!   `9,201,903千円` against `令和6年度末現在高 9,201,902,641円`.
//! - Within one 具体的な取組 and year, an amount in 千円/百万円/億円 against an
//!   amount in 円 within 3% of it: `8億円を取崩した` against `取崩額 800,000,000円`.
//!
//! They must differ by less than one unit of the last printed digit of the
//! coarser figure (rounding and truncation both occur), or by 5% when 約 is
//! printed.
//!
//! ## Why it matters
//! A table rounded by hand drifts from the figures it summarises; the
//! committee quotes the table.
//!
//! ## Example
//! Fails: 実績 `9,201,900千円` while the text says `9,201,902,641円`.
//! Passes: `9,201,903千円` (rounded) or `9,201,902千円` (truncated).

use crate::facts::batch::Batch;
use crate::facts::file::FileCx;
use crate::model::finding::{Lang, Violation};
use crate::rules::figures::{rel_diff, report_target_text};
use crate::rules::{Findings, Rule};
use serde::Serialize;

pub struct RoundingMismatch;

/// An amount in 千円, 百万円 or 億円 that does not round from the same
/// amount printed in 円 nearby.
#[derive(Debug, Serialize)]
pub struct DoesNotRound {
    pub coarse: String,
    pub label: String,
    pub exact: String,
}

impl Violation for DoesNotRound {
    fn message(&self, lang: Lang) -> String {
        let (c, l, e) = (&self.coarse, &self.label, &self.exact);
        match lang {
            Lang::Ja => format!("「{c}」が同じ年度の{l} {e}を丸めた値と合いません。"),
            Lang::En => format!("`{c}` does not round from {l} {e} of the same year."),
        }
    }
    fn found(&self) -> Option<String> {
        Some(self.coarse.clone())
    }
    fn expected(&self) -> Option<String> {
        Some(self.exact.clone())
    }
}

/// How close two amounts in different scales must be to count as one amount.
const SAME_AMOUNT_IN_TEXT: f64 = 0.03;

impl Rule for RoundingMismatch {
    /// A 数値目標 value against its action's text: across files.
    fn check_batch(&self, b: &Batch, out: &mut Findings) {
        report_target_text(b, false, out);
    }

    /// Coarse against exact amounts within one measure and year: one file.
    fn check_file(&self, f: &FileCx, out: &mut Findings) {
        let figs = f.figures();
        for coarse in figs.panels.iter().filter(|p| {
            p.fig.figure.unit == crate::model::figure::Unit::Yen
                && p.fig.figure.printed_unit != "円"
        }) {
            let exact = figs.panels.iter().filter(|e| {
                e.sheet == coarse.sheet
                    && e.project == coarse.project
                    && e.measure == coarse.measure
                    && e.year == coarse.year
                    && e.fig.figure.unit == crate::model::figure::Unit::Yen
                    && e.fig.figure.printed_unit == "円"
                    && rel_diff(e.fig.figure.value, coarse.fig.figure.value) < SAME_AMOUNT_IN_TEXT
            });
            let exact: Vec<_> = exact.collect();
            if exact.is_empty()
                || exact
                    .iter()
                    .any(|e| e.fig.figure.agrees(&coarse.fig.figure))
            {
                continue;
            }
            let e = exact[0];
            out.push(
                coarse.at.clone(),
                DoesNotRound {
                    coarse: coarse.fig.raw.clone(),
                    label: e.fig.label.clone(),
                    exact: e.fig.raw.clone(),
                },
            );
        }
    }
}
