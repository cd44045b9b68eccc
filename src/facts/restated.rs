//! Which text figure a 数値目標 value restates: the facts of the 主な事業 that
//! evaluates its action in its year, and among them the one closest in value
//! (a 目標 row speaks of the text's targets, a 実績 row of its results). The
//! rules comparing 数値目標 values with the texts pair them here, and so
//! does the mutation harness when it counts the figures hyoka relates.

use crate::facts::batch::{Batch, SourceQuantities};
use crate::facts::quantity::Fact;
use crate::facts::quantity::amount::Amount;
use crate::facts::quantity::label::Quals;
use crate::facts::relations::sum::is_change;
use crate::facts::targets::TargetValue;
use crate::model::plan::ActionId;
use crate::model::year::FiscalYear;

/// The text facts of the 主な事業 that evaluates `action`, in `year` (of the
/// sheet the consolidation uses), as indices into the batch's source facts.
pub fn action_facts<'b>(
    b: &'b Batch,
    action: ActionId,
    year: FiscalYear,
) -> impl Iterator<Item = (&'b SourceQuantities, &'b Fact)> + 'b {
    let q = b.quantities();
    let source = b.action(action).and_then(|a| a.source);
    source
        .into_iter()
        .flat_map(move |(r, pi)| q.of_project(r, pi, year))
        .map(move |i| (q, &q.facts.facts[i as usize]))
}

/// Relative difference of two values (0 when both are 0).
pub fn rel_diff(a: f64, b: f64) -> f64 {
    let m = a.abs().max(b.abs());
    if m == 0.0 { 0.0 } else { (a - b).abs() / m }
}

/// Figures are "the same quantity" when this close (before rounding is judged).
pub const SAME_QUANTITY: f64 = 0.005;

/// A text fact that states a quantity (not a change, a target or a share).
pub fn states(x: &Fact) -> bool {
    !is_change(x) && !x.label.quals.has(Quals::TARGET) && x.amount.comparator.is_none()
}

/// The fact among `cands` of the dimension of `a` closest in value to it.
pub fn closest<'a>(
    a: &Amount,
    cands: impl Iterator<Item = (&'a SourceQuantities, &'a Fact)>,
) -> Option<(&'a SourceQuantities, &'a Fact)> {
    closest_of(a, cands.filter(|(_, p)| states(p)))
}

/// The fact among `cands` of the dimension of `a` closest in value to it.
pub fn closest_of<'a>(
    a: &Amount,
    cands: impl Iterator<Item = (&'a SourceQuantities, &'a Fact)>,
) -> Option<(&'a SourceQuantities, &'a Fact)> {
    cands
        .filter(|(_, p)| p.amount.dim.same(&a.dim))
        .min_by(|(_, x), (_, y)| {
            rel_diff(x.amount.value, a.value)
                .partial_cmp(&rel_diff(y.amount.value, a.value))
                .unwrap_or(std::cmp::Ordering::Equal)
        })
}

/// The text fact of the same kind (目標 or 実績) closest in value to `tv`,
/// among its action's facts of its year: the figure `tv` restates when they
/// are the same quantity ([`restated`]).
pub fn closest_restatement<'b>(
    b: &'b Batch,
    tv: &TargetValue,
    action: ActionId,
) -> Option<(&'b SourceQuantities, &'b Fact)> {
    let cands = action_facts(b, action, tv.year).filter(|(_, p)| {
        p.label.quals.has(Quals::TARGET) == tv.is_target
            && !is_change(p)
            && p.amount.comparator.is_none()
    });
    closest_of(&tv.amount, cands)
}

/// The text figure a 数値目標 value restates: the closest of its kind, when
/// it is the same quantity (within [`SAME_QUANTITY`]).
pub fn restated<'b>(b: &'b Batch, tv: &TargetValue) -> Option<(&'b SourceQuantities, &'b Fact)> {
    if tv.own_unit {
        return None;
    }
    closest_restatement(b, tv, tv.action?)
        .filter(|(_, p)| rel_diff(p.amount.value, tv.amount.value) < SAME_QUANTITY)
}

/// The text fact of `tv`'s action and year that agrees with `a`, if any.
pub fn evidence<'b>(
    b: &'b Batch,
    tv: &TargetValue,
    a: &Amount,
) -> Option<(&'b SourceQuantities, &'b Fact)> {
    action_facts(b, tv.action?, tv.year).find(|(_, p)| states(p) && p.amount.agrees(a))
}
