//! Which text figure a 数値目標 value restates: the facts of the 主な事業 that
//! evaluates its action in its year, and among them the one closest in value
//! (a 目標 row speaks of the text's targets, a 実績 row of its results); or,
//! when none is close, the only figure that can be it in a 主な事業 named for
//! the indicator (a mistyped value is not close to anything). The rules
//! comparing 数値目標 values with the texts pair them here, and so does the
//! mutation harness when it counts the figures hyoka relates.

use crate::facts::batch::{Batch, SourceQuantities};
use crate::facts::quantity::Fact;
pub use crate::facts::quantity::amount::rel_diff;
use crate::facts::quantity::amount::{Amount, near, one_slip};
use crate::facts::quantity::label::{Quals, same_subject};
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
/// it is the same quantity (within [`SAME_QUANTITY`]), else the
/// [`sole_restatement`].
pub fn restated<'b>(b: &'b Batch, tv: &TargetValue) -> Option<(&'b SourceQuantities, &'b Fact)> {
    if tv.own_unit {
        return None;
    }
    let action = tv.action?;
    closest_restatement(b, tv, action)
        .filter(|(_, p)| rel_diff(p.amount.value, tv.amount.value) < SAME_QUANTITY)
        .or_else(|| sole_restatement(b, tv, action))
}

/// The one text figure `tv` can restate, whatever its value: in a 主な事業
/// whose heading or measures name the indicator (`経常収支比率（数値目標）`),
/// the only fact of the year in its dimension and kind; in one whose texts
/// name it as a figure's subject, the only such fact of that subject, when
/// the value could be a slip of it (`1269` for `1,296人`, not `91.0` for
/// `加入率31.0%`). For a 実績 value, a
/// figure stated (not an average, a target or a change); for a 目標 value, a
/// target, or the average a target of a peer average is
/// (`26市平均：90.2%` under `<目標：多摩26市の平均以下>`).
pub fn sole_restatement<'b>(
    b: &'b Batch,
    tv: &TargetValue,
    action: ActionId,
) -> Option<(&'b SourceQuantities, &'b Fact)> {
    let (r, pi) = b.action(action)?.source?;
    let project = b.project(r, pi)?;
    let indicator = crate::model::text::key(&tv.indicator);
    if indicator.chars().count() < 2 {
        return None;
    }
    let names = std::iter::once(&project.heading.value)
        .chain(project.measures.iter().map(|m| &m.name.value))
        .map(|n| crate::model::text::key(n));
    let named: Vec<String> = names.filter(|n| n.contains(&indicator)).collect();
    // Else the texts may name it: then only figures of that subject fit
    // (`職員数 1,296人` for the indicator 職員数 under `定員適正化計画の推進`).
    let of_indicator =
        |p: &Fact| same_subject(&crate::model::text::key(&p.label.subject), &indicator, 2);
    let by_subject = named.is_empty();
    if by_subject && !action_facts(b, action, tv.year).any(|(_, p)| of_indicator(p)) {
        return None;
    }
    let peer_average = named.iter().any(|n| n.contains("平均"));
    let fits = |p: &Fact| {
        let q = p.label.quals;
        // A target is named by its own word (`計画値1,300人`), not the subject.
        (!by_subject || of_indicator(p) || (tv.is_target && q.has(Quals::TARGET)))
            && p.amount.dim.same(&tv.amount.dim)
            && !is_change(p)
            && !q.has(Quals::YEARS)
            && !q.has(Quals::CUMULATIVE)
            && if tv.is_target {
                q.has(Quals::TARGET) || (peer_average && q.has(Quals::AVERAGE))
            } else {
                !q.has(Quals::TARGET) && !q.has(Quals::AVERAGE) && p.amount.comparator.is_none()
            }
    };
    let mut cands = action_facts(b, action, tv.year).filter(|(_, p)| fits(p));
    let first = cands.next()?;
    // Named only by the texts, the figure must also be one the value could
    // have been mistyped from: near it, or one slip or a scale apart.
    let (v, w) = (tv.amount.value, first.1.amount.value);
    let plausible = near(v, w) || one_slip(v, w);
    (cands.next().is_none() && (!by_subject || plausible)).then_some(first)
}

/// The text fact of `tv`'s action and year that agrees with `a`, if any.
pub fn evidence<'b>(
    b: &'b Batch,
    tv: &TargetValue,
    a: &Amount,
) -> Option<(&'b SourceQuantities, &'b Fact)> {
    action_facts(b, tv.action?, tv.year).find(|(_, p)| states(p) && p.amount.agrees(a))
}
