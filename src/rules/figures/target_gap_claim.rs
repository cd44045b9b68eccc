//! A stated distance to the target that the 数値目標 figures do not give.
//!
//! ## What it checks
//! `目標値を3.2ポイント上回った` / `目標を1.1ポイント下回った` in a panel of a year
//! is compared with 実績 − 目標 of the action's 数値目標 row for that year: the
//! size must match within the rounding of the three figures, and 上回 must mean actual above
//! target, 下回 below. The texts read are those of the sheets the consolidation
//! uses (the first submitted for each 取組項目); the 数値目標 row may be in any file.
//!
//! ## Why it matters
//! The sentence is what readers quote; if it disagrees with the table, one of
//! them is wrong.
//!
//! ## Example
//! Fails: 目標 `91.2%以下`, 実績 `94.4%`, text `目標値を2.3ポイント上回った`.
//! Passes: `目標値を3.2ポイント上回った`.

use crate::facts::batch::Batch;
use crate::model::figure::{Unit, group_digits};
use crate::model::finding::{Lang, Violation};
use crate::model::plan::ActionId;
use crate::rules::{Findings, Rule};
use serde::Serialize;

pub struct TargetGapClaim;

/// A claimed distance to the target that the 数値目標 figures do not give.
#[derive(Debug, Serialize)]
pub struct GapDiffers {
    pub claimed: String,
    pub target: String,
    pub actual: String,
    /// actual − target.
    pub gap: f64,
}

impl GapDiffers {
    fn shown(&self) -> String {
        format!(
            "{}{}",
            group_digits(self.gap.abs(), 1),
            if self.gap >= 0.0 { "上回" } else { "下回" }
        )
    }
}

impl Violation for GapDiffers {
    fn message(&self, lang: Lang) -> String {
        let (c, t, a) = (&self.claimed, &self.target, &self.actual);
        match lang {
            Lang::Ja => format!(
                "「目標値を{c}…」とありますが、目標 {t} と実績 {a} の差は{}です。",
                self.shown()
            ),
            Lang::En => format!(
                "The text says the target was missed/beaten by {c}, but target {t} and actual {a} differ by {}.",
                group_digits(self.gap, 1)
            ),
        }
    }
    fn found(&self) -> Option<String> {
        Some(self.claimed.clone())
    }
    fn expected(&self) -> Option<String> {
        Some(self.shown())
    }
}

impl Rule for TargetGapClaim {
    fn check_batch(&self, b: &Batch, out: &mut Findings) {
        let figs = b.figures();
        for p in &figs.panels {
            if !matches!(p.fig.figure.unit, Unit::Point | Unit::Percent) {
                continue;
            }
            let before = p.text[..p.fig.start].trim_end();
            let after = p.text[p.fig.end..].trim_start();
            if !(before.ends_with("目標値を") || before.ends_with("目標を")) {
                continue;
            }
            let sign = if after.starts_with("上回") {
                1.0
            } else if after.starts_with("下回") {
                -1.0
            } else {
                continue;
            };
            let Some(s) = b.source(p.sheet) else { continue };
            let Some(item) = s.item_id() else { continue };
            let Some(number) = s.projects[p.project].number else {
                continue;
            };
            let id = ActionId { item, number };
            let pick = |target: bool| {
                figs.targets.iter().find(|t| {
                    t.action == Some(id) && t.year == p.year && t.is_target == target && !t.own_unit
                })
            };
            let (Some(target), Some(actual)) = (pick(true), pick(false)) else {
                continue;
            };
            let gap = actual.figure.value - target.figure.value;
            let claimed = sign * p.fig.figure.value;
            let tol = p.fig.figure.rounding()
                + actual.figure.rounding()
                + target.figure.rounding()
                + 1e-9;
            if (gap - claimed).abs() <= tol {
                continue;
            }
            out.push(
                p.at.clone(),
                GapDiffers {
                    claimed: p.fig.raw.clone(),
                    target: target.raw.to_string(),
                    actual: actual.raw.to_string(),
                    gap,
                },
            )
            .related(actual.at.clone());
        }
    }
}
