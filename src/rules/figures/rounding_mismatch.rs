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

use crate::derive::batch::Batch;
use crate::derive::file::FileCx;
use crate::model::finding::{Finding, Severity, Text};
use crate::rules::Rule;
use crate::rules::figures::{rel_diff, target_text_disagreements};

pub struct RoundingMismatch;

/// How close two amounts in different scales must be to count as one amount.
const SAME_AMOUNT_IN_TEXT: f64 = 0.03;

impl Rule for RoundingMismatch {
    fn code(&self) -> &'static str {
        "N002"
    }
    fn name(&self) -> &'static str {
        "rounding-mismatch"
    }
    fn severity(&self) -> Severity {
        Severity::Error
    }
    /// A 数値目標 value against its action's text: across files.
    fn check_batch(&self, b: &Batch, out: &mut Vec<Finding>) {
        for (tv, p) in target_text_disagreements(b, false) {
            out.push(
                self.finding(
                    tv.at.clone(),
                    Text::new(
                        format!(
                            "{}の値「{}」が本文の{} {}（{}）を丸めた値と合いません。",
                            tv.year, tv.raw, p.fig.label, p.fig.raw, p.at
                        ),
                        format!(
                            "The {} value `{}` does not round from the text's {} {} ({}).",
                            tv.year.short(),
                            tv.raw,
                            p.fig.label,
                            p.fig.raw,
                            p.at
                        ),
                    ),
                )
                .found(tv.raw.clone())
                .expected(p.fig.raw.clone())
                .related(p.at.clone()),
            );
        }
    }

    /// Coarse against exact amounts within one measure and year: one file.
    fn check_file(&self, f: &FileCx, out: &mut Vec<Finding>) {
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
                self.finding(
                    coarse.at.clone(),
                    Text::new(
                        format!(
                            "「{}」が同じ年度の{} {}を丸めた値と合いません。",
                            coarse.fig.raw, e.fig.label, e.fig.raw
                        ),
                        format!(
                            "`{}` does not round from {} {} of the same year.",
                            coarse.fig.raw, e.fig.label, e.fig.raw
                        ),
                    ),
                )
                .found(coarse.fig.raw.clone())
                .expected(e.fig.raw.clone()),
            );
        }
    }
}
