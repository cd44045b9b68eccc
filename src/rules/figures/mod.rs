//! Rules about figures: units, rounding, targets, and the arithmetic the texts
//! claim. They read the facts of [`crate::facts::quantity`] and the relations
//! of [`crate::facts::relations`].
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
    N013 "average-mismatch" Error average_mismatch::AverageMismatch,
    N014 "equation-mismatch" Error equation_mismatch::EquationMismatch,
    N015 "running-total" Error running_total::RunningTotal,
    N016 "printed-rounding" Warning printed_rounding::PrintedRounding,
    N017 "implausible-figure" Warning implausible_figure::ImplausibleFigure,
    N018 "scale-jump" Warning scale_jump::ScaleJump,
    N019 "target-not-a-figure" Warning target_not_a_figure::TargetNotAFigure,
    N020 "impossible-date" Warning impossible_date::ImpossibleDate,
}

pub mod judged;

use crate::facts::batch::Batch;
use crate::facts::quantity::Fact;
use crate::facts::quantity::amount::powers_apart;
use crate::model::finding::{Lang, Violation};
use crate::model::location::Location;
use crate::model::year::FiscalYear;
use crate::rules::Findings;

pub use crate::facts::restated::{
    SAME_QUANTITY, action_facts, closest, closest_restatement, evidence, rel_diff, restated,
};

/// Whether two printings of one amount of money are in two scales (`8億円`
/// and `800,000,000円`, `9,201,903千円` and `9,201,902,641円`): one should round
/// from the other (N002), where figures in one scale should be equal (N010).
pub fn two_scales(a: &Fact, b: &Fact) -> bool {
    a.amount.dim == crate::facts::quantity::unit::Dim::Money && a.amount.step != b.amount.step
}

/// The power of ten `a` is away from `b` when it is about 1,000× or more
/// (10^±3, 10^±4 …) and within a few percent of that power. 10× and 100×
/// count too when both figures have at least three significant digits:
/// `92,492,750` beside `9,249,275` is a slip, `2.0%` beside `0.2%` may be
/// true.
pub fn magnitude_slip(a: f64, b: f64) -> Option<i32> {
    if (a < 0.0) != (b < 0.0) {
        return None;
    }
    let (k, off) = powers_apart(a, b)?;
    let min = if significant_digits(a) >= 3 && significant_digits(b) >= 3 {
        1
    } else {
        3
    };
    (k.abs() >= min && off.abs() < 0.02).then_some(k)
}

/// Significant digits of a printed value (`9249275` → 7, `0.2` → 1,
/// `5500000` → 2).
fn significant_digits(v: f64) -> usize {
    let s = format!("{}", v.abs());
    let digits: String = s.chars().filter(|c| c.is_ascii_digit()).collect();
    digits.trim_start_matches('0').trim_end_matches('0').len()
}

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
    pub text_at: Location,
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
    for tv in b.targets().values.iter().filter(|t| !t.own_unit) {
        // The same quantity, not as printed.
        let Some((q, p)) = restated(b, tv).filter(|(_, p)| !p.amount.agrees(&tv.amount)) else {
            continue;
        };
        // A power of ten apart is N001's (a unit slipped).
        if magnitude_slip(tv.amount.value, p.amount.value).is_some() {
            continue;
        }
        if (p.amount.unit == tv.amount.unit) != same_unit {
            continue;
        }
        let at = q.facts.text_of(p).at.clone();
        out.push(
            tv.at.clone(),
            TargetTextDiffers {
                year: tv.year,
                value: tv.raw.to_string(),
                label: q.facts.written_label(p),
                text_figure: q.facts.raw(p).to_string(),
                rounded: !same_unit,
                text_at: at.clone(),
            },
        )
        .related(at);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn magnitudes() {
        assert_eq!(magnitude_slip(8_447_029.0, 8_447_028_953.0), Some(-3));
        assert_eq!(magnitude_slip(8_447_029_000.0, 8_447_028.953), Some(3));
        assert_eq!(magnitude_slip(9.0, 8.0), None);
        assert_eq!(magnitude_slip(92_492_750.0, 9_201_903.0), Some(1));
        assert_eq!(magnitude_slip(9_249_275.0, 924_927.5), Some(1));
        assert_eq!(magnitude_slip(2.0, 0.2), None, "too few digits to tell");
        assert_eq!(magnitude_slip(550.0, 5.5), None);
        assert_eq!(magnitude_slip(98_900.0, 989.0), Some(2));
        assert_eq!(
            magnitude_slip(1500.0, 1.0),
            None,
            "1,500× is not a power of ten"
        );
    }
}
