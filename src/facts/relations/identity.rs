//! One quantity stated in two places must agree within its printing: the
//! same subject, kind and year in two texts of a measure (`加入率42.6%` in the
//! 令和6年度 panel and `前年度の42.6%から` in the 令和7年度 one), a 数値目標 value
//! and the text of its action, and figures of the same measure in two
//! workbooks ([`across`]). Two mentions in one text are not compared: a
//! label repeated within a cell usually speaks of different subjects
//! (`26市平均：…滞納繰越分44.5% 昭島市：…滞納繰越分39.3%`).

use crate::facts::quantity::label::Quals;
use crate::facts::quantity::{Fact, Facts, Place};
use crate::facts::relations::change::same_quantity;
use crate::facts::relations::sum::is_change;
use crate::facts::relations::{Expr, Kind, Relation};

/// Whether a fact states a quantity (not a change, a gap or a share of one).
pub fn states_quantity(x: &Fact) -> bool {
    !is_change(x)
        && x.direction.is_none()
        && !x.label.quals.has(Quals::YEARS)
        && !x.label.quals.has(Quals::PLANNED)
        // Targets are restated and revised year by year (N004 compares them
        // with the 数値目標 sheet).
        && !x.label.quals.has(Quals::TARGET)
        // A bound (`80%を超えた`) is not the figure itself.
        && x.amount.comparator.is_none()
}

/// Whether a text names the subject of `x` twice with different values (of
/// two entities: `26市平均：…滞納繰越分44.5% 昭島市：…滞納繰越分39.3%`).
pub fn ambiguous(f: &Facts, x: &Fact) -> bool {
    let t = &f.texts[x.text as usize];
    t.facts.clone().any(|i| {
        let y = &f.facts[i as usize];
        y.label.subject == x.label.subject
            && y.amount.dim.same(&x.amount.dim)
            && y.amount.value != x.amount.value
            && y.label.year == x.label.year
    })
}

/// The relation of two printings: the coarser one is the claim.
pub fn identity(a: u32, b: u32, f: &Facts, cue: &'static str) -> Relation {
    let (x, y) = (&f.facts[a as usize], &f.facts[b as usize]);
    let coarse_b = y.amount.step > x.amount.step || (y.amount.step == x.amount.step && b > a);
    let (claim, other) = if coarse_b { (b, a) } else { (a, b) };
    Relation {
        kind: Kind::Identity,
        claim,
        expr: Expr::fact(other),
        cue,
    }
}

/// Every identity within the measures of `f`'s texts.
pub fn find(f: &Facts, out: &mut Vec<Relation>) {
    let panels: Vec<(u32, (u16, u16, u16))> = f
        .texts
        .iter()
        .enumerate()
        .filter(|(_, t)| matches!(t.place, Place::Panel { .. }))
        .filter_map(|(i, t)| Some((i as u32, t.place.measure()?)))
        .collect();
    for (n, &(ta, m)) in panels.iter().enumerate() {
        for &(tb, m2) in &panels[n + 1..] {
            if m2 != m {
                continue;
            }
            let (a_text, b_text) = (&f.texts[ta as usize], &f.texts[tb as usize]);
            for a in a_text.facts.clone() {
                let x = &f.facts[a as usize];
                if !states_quantity(x) || ambiguous(f, x) {
                    continue;
                }
                let ya = x.year(&a_text.place);
                // The first match in the other text: one relation per pair.
                let found = b_text.facts.clone().find(|&b| {
                    let y = &f.facts[b as usize];
                    states_quantity(y)
                        && !ambiguous(f, y)
                        && y.year(&b_text.place) == ya
                        && same_quantity(x, y, 2)
                        && y.label.subject.chars().count() >= 2
                });
                if let Some(b) = found {
                    out.push(identity(a, b, f, "同一"));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::facts::relations::Kind;
    use crate::facts::relations::testing::{claims, measure};

    #[test]
    fn one_quantity_in_two_panels() {
        let f = measure(&[
            (2024, "・加入率42.6%"),
            (2025, "・加入率は前年度の42.6%から0.8ポイント低下し"),
        ]);
        assert_eq!(claims(&f, Kind::Identity), [("42.6%".into(), true)]);
        let f = measure(&[
            (2024, "・新規加入 98世帯"),
            (
                2025,
                "・新規加入は126世帯あり、前年度（９７世帯）を28世帯上回った",
            ),
        ]);
        assert_eq!(claims(&f, Kind::Identity), [("97世帯".into(), false)]);
        let f = measure(&[
            (2024, "・令和6年度末現在高 9,201,902,641円"),
            (2024, "・令和6年度末現在高 9,201,903千円"),
        ]);
        assert_eq!(claims(&f, Kind::Identity), [("9,201,903千円".into(), true)]);
    }

    #[test]
    fn other_years_and_kinds_are_other_quantities() {
        let f = measure(&[
            (2024, "・修了者　37人（累計355人）"),
            (2025, "・修了者累計　400人"),
        ]);
        assert!(claims(&f, Kind::Identity).is_empty());
        let f = measure(&[(2024, "・加入率42.6%"), (2025, "・加入率41.8%")]);
        assert!(claims(&f, Kind::Identity).is_empty());
    }
}
