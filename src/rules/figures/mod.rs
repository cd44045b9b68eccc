//! Rules about figures: units, rounding, targets, and the arithmetic the texts
//! claim. They read the figures of [`crate::derive::figures`].
//!
//! Tolerances, chosen once for all rules: two printings of one amount agree
//! when they differ by less than one step of the last printed digit of the
//! coarser one (the documents both round and truncate: `9,201,902,641円` is
//! printed `9,201,903千円`, `8,454,830,582円` is printed `8,454,830千円`), or by
//! 5% when either says 約. Arithmetic (sums, differences, fractions) must hold
//! within the rounding of the figures involved, added up: half the last digit
//! of each rounded figure (percentages, decimals, 千円, 億円), nothing for exact
//! counts and yen amounts.

pub mod change_claim;
pub mod date_outside_year;
pub mod fraction_mismatch;
pub mod fund_roll_forward;
pub mod percent_vs_points;
pub mod rounding_mismatch;
pub mod same_figure_differs;
pub mod target_gap_claim;
pub mod target_grade;
pub mod target_restated;
pub mod total_mismatch;
pub mod unit_slip;

use crate::derive::batch::Batch;
use crate::derive::figures::Placed;
use crate::model::figure::Figure;
use crate::model::plan::ActionId;
use crate::model::year::FiscalYear;

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

/// 数値目標 values whose closest text figure (same action and year, same kind)
/// is the same quantity but does not agree with it: in the same printed unit
/// (`same_unit`, N010) or another scale (N002).
pub fn target_text_disagreements<'b>(
    b: &'b Batch,
    same_unit: bool,
) -> Vec<(&'b crate::derive::figures::TargetValue, &'b Placed)> {
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
