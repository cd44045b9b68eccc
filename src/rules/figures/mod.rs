//! Rules about figures: units, rounding, targets, and the arithmetic the texts
//! claim. They read the figures of [`crate::facts::figures`].
//!
//! Tolerances, chosen once for all rules: two printings of one amount agree
//! when they differ by less than one step of the last printed digit of the
//! coarser one (the documents both round and truncate: `9,201,902,641円` is
//! printed `9,201,903千円`, `8,454,830,582円` is printed `8,454,830千円`), or by
//! 5% when either says 約. Arithmetic (sums, differences, fractions) must hold
//! within the rounding of the figures involved, added up: half the last digit
//! of each rounded figure (percentages, decimals, 千円, 億円), nothing for exact
//! counts and yen amounts.

crate::rules::registry::rules! {
    N001 "unit-slip" Error unit_slip::UnitSlip,
    N002 "rounding-mismatch" Error rounding_mismatch::RoundingMismatch,
    N003 "target-vs-grade" Warning target_grade::TargetGrade,
    N004 "target-restated-differently" Error target_restated::TargetRestated,
    N005 "change-claim" Warning change_claim::ChangeClaim,
    N006 "total-mismatch" Error total_mismatch::TotalMismatch,
    N007 "fraction-mismatch" Error fraction_mismatch::FractionMismatch,
    N008 "fund-roll-forward" Error fund_roll_forward::FundRollForward,
    N009 "percent-vs-points" Warning percent_vs_points::PercentVsPoints,
    N010 "same-figure-differs" Warning same_figure_differs::SameFigureDiffers,
    N011 "date-outside-year" Warning date_outside_year::DateOutsideYear,
    N012 "target-gap-claim" Error target_gap_claim::TargetGapClaim,
}

use crate::facts::batch::Batch;
use crate::facts::figures::Placed;
use crate::model::figure::Figure;
use crate::model::finding::{Lang, Violation};
use crate::model::plan::ActionId;
use crate::model::year::FiscalYear;
use crate::rules::Findings;

/// Panel figures of the project that evaluates `action`, for `year`.
pub fn action_figures<'b>(
    b: &'b Batch,
    action: ActionId,
    year: FiscalYear,
) -> impl Iterator<Item = &'b Placed> {
    let source = b.action(action).and_then(|a| a.source);
    source
        .into_iter()
        .flat_map(move |(r, pi)| b.figures().of_project(r, pi, year))
}

/// Relative difference of two values (0 when both are 0).
pub fn rel_diff(a: f64, b: f64) -> f64 {
    let m = a.abs().max(b.abs());
    if m == 0.0 { 0.0 } else { (a - b).abs() / m }
}

/// The power of ten `a` is away from `b` when it is about 1,000× or more
/// (10^±3, 10^±4 …) and within a few percent of that power.
pub fn magnitude_slip(a: f64, b: f64) -> Option<i32> {
    if a == 0.0 || b == 0.0 || (a < 0.0) != (b < 0.0) {
        return None;
    }
    let l = (a / b).abs().log10();
    let k = l.round();
    ((k.abs() >= 3.0) && (l - k).abs() < 0.02).then_some(k as i32)
}

/// The figure among `cands` of the same kind closest in value to `f`.
pub fn closest<'a>(f: &Figure, cands: impl Iterator<Item = &'a Placed>) -> Option<&'a Placed> {
    cands
        .filter(|p| p.fig.figure.unit.same_kind(&f.unit))
        .min_by(|a, b| {
            rel_diff(a.fig.figure.value, f.value)
                .partial_cmp(&rel_diff(b.fig.figure.value, f.value))
                .unwrap_or(std::cmp::Ordering::Equal)
        })
}

/// Figures are "the same quantity" when this close (before rounding is judged).
pub const SAME_QUANTITY: f64 = 0.005;

/// A 数値目標 value that disagrees with the same quantity in its action's
/// text: in the same unit (N010), or in another scale, where it does not
/// round from the text's figure (N002).
#[derive(Debug, serde::Serialize)]
pub struct TargetTextDiffers {
    pub year: FiscalYear,
    pub value: String,
    pub label: String,
    pub text_figure: String,
    /// Another scale than the text's: the value should round from it.
    pub rounded: bool,
    #[serde(skip)]
    pub text_at: crate::model::location::Location,
}

impl Violation for TargetTextDiffers {
    fn message(&self, lang: Lang) -> String {
        let (v, l, t, at) = (&self.value, &self.label, &self.text_figure, &self.text_at);
        match (lang, self.rounded) {
            (Lang::Ja, true) => format!(
                "{}の値「{v}」が本文の{l} {t}（{at}）を丸めた値と合いません。",
                self.year
            ),
            (Lang::En, true) => format!(
                "The {} value `{v}` does not round from the text's {l} {t} ({at}).",
                self.year.short()
            ),
            (Lang::Ja, false) => {
                format!(
                    "{}の値「{v}」が、本文の{l} {t}（{at}）と違います。",
                    self.year
                )
            }
            (Lang::En, false) => format!(
                "The {} value `{v}` differs from the text's {l} {t} ({at}).",
                self.year.short()
            ),
        }
    }
    fn found(&self) -> Option<String> {
        Some(self.value.clone())
    }
    fn expected(&self) -> Option<String> {
        Some(self.text_figure.clone())
    }
}

/// Reports the 数値目標 values that disagree with their action's text: in
/// the same printed unit (`same_unit`, N010) or another scale (N002).
pub fn report_target_text(b: &Batch, same_unit: bool, out: &mut Findings) {
    for (tv, p) in target_text_disagreements(b, same_unit) {
        out.push(
            tv.at.clone(),
            TargetTextDiffers {
                year: tv.year,
                value: tv.raw.to_string(),
                label: p.fig.label.clone(),
                text_figure: p.fig.raw.clone(),
                rounded: !same_unit,
                text_at: p.at.clone(),
            },
        )
        .related(p.at.clone());
    }
}

/// 数値目標 values whose closest text figure (same action and year, same kind)
/// is the same quantity but does not agree with it: in the same printed unit
/// (`same_unit`, N010) or another scale (N002).
fn target_text_disagreements<'b>(
    b: &'b Batch,
    same_unit: bool,
) -> Vec<(&'b crate::facts::figures::TargetValue, &'b Placed)> {
    let figs = b.figures();
    figs.targets
        .iter()
        .filter(|t| !t.own_unit)
        .filter_map(|tv| {
            let p = closest(&tv.figure, action_figures(b, tv.action?, tv.year))?;
            let f = &p.fig.figure;
            let close = rel_diff(f.value, tv.figure.value) < SAME_QUANTITY && !f.agrees(&tv.figure);
            (close && (f.printed_unit == tv.figure.printed_unit) == same_unit).then_some((tv, p))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn magnitudes() {
        assert_eq!(magnitude_slip(8_447_029.0, 8_447_028_953.0), Some(-3));
        assert_eq!(magnitude_slip(8_447_029_000.0, 8_447_028.953), Some(3));
        assert_eq!(magnitude_slip(9.0, 8.0), None);
        assert_eq!(
            magnitude_slip(1500.0, 1.0),
            None,
            "1,500× is not a power of ten"
        );
    }
}
