//! One quantity stated in two places must agree within its printing: the
//! same subject, kind and year in two texts of a measure (`加入率42.6%` in the
//! 令和6年度 panel and `前年度の42.6%から` in the 令和7年度 one), a 数値目標 value
//! and the text of its action, and figures of the same measure in two
//! workbooks ([`across`]). Two mentions in one text are compared only when
//! one restates the other in a coarser unit: a label repeated within a cell
//! in one unit usually speaks of different subjects
//! (`26市平均：…滞納繰越分44.5% 昭島市：…滞納繰越分39.3%`).

use crate::facts::quantity::amount::near;
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
            && states_quantity(y)
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

/// Within one text, a figure restated in a coarser unit (`取崩額 800,000,000円
/// … 8億円を取崩した`): the one figure of its quantity at each of two
/// scales. Figures in one unit are not paired (two entities, see above).
fn within(f: &Facts, out: &mut Vec<Relation>) {
    for t in f
        .texts
        .iter()
        .filter(|t| matches!(t.place, Place::Panel { .. }))
    {
        let ids: Vec<u32> = t
            .facts
            .clone()
            .filter(|&i| states_quantity(&f.facts[i as usize]))
            .collect();
        for (n, &a) in ids.iter().enumerate() {
            let x = &f.facts[a as usize];
            if x.label.subject.chars().count() < 2 {
                continue;
            }
            let ya = x.year(&t.place);
            // Of the same quantity, printed to the last digit `step`.
            let like = |b: u32, step: f64| {
                let y = &f.facts[b as usize];
                b != a && y.amount.step == step && y.year(&t.place) == ya && same_quantity(x, y, 2)
            };
            let other: Vec<u32> = ids[n + 1..]
                .iter()
                .copied()
                .filter(|&b| f.facts[b as usize].amount.step != x.amount.step)
                .filter(|&b| like(b, f.facts[b as usize].amount.step))
                .collect();
            let [b] = other[..] else { continue };
            // A restatement is close (within 10%, or a slip of the coarse
            // figure's last digit: `9億円` for 8億円); figures far apart are
            // two things (`取崩額 800,000,000円 … うち3億円を…`).
            let y = &f.facts[b as usize];
            let coarse = x.amount.step.max(y.amount.step);
            // A power of ten apart is the same figure with a slipped scale
            // (`取崩額 7,000,000,000円 … 約7億円を取崩した`).
            if !near(x.amount.value, y.amount.value)
                && (x.amount.value - y.amount.value).abs() > 1.5 * coarse
            {
                continue;
            }
            // Each must be the only one of its quantity at its precision.
            let sb = f.facts[b as usize].amount.step;
            let unique_a = ids
                .iter()
                .filter(|&&c| c != a && like(c, x.amount.step))
                .count()
                == 0;
            let unique_b = ids.iter().filter(|&&c| c != b && like(c, sb)).count() == 0;
            if unique_a && unique_b {
                out.push(identity(a, b, f, "同一"));
            }
        }
    }
}

/// Every identity within the measures of `f`'s texts.
pub fn find(f: &Facts, out: &mut Vec<Relation>) {
    within(f, out);
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

    /// One quantity restated across panels, in other printings: the
    /// coarser (or later) printing is the claim.
    #[test]
    fn restated_across_panels_in_other_wordings() {
        for (panels, want) in [
            (
                &[
                    (2024, "・登録団体数 48団体"),
                    (2025, "・登録団体数は前年度の48団体から60団体に増加した。"),
                ][..],
                ("48団体", true),
            ),
            (
                &[
                    (2024, "・受診率 40.5%"),
                    (
                        2025,
                        "・受診率は前年度（40.5%）から1.5ポイント上昇し、42.0%となった。",
                    ),
                ],
                ("40.5%", true),
            ),
            (
                &[
                    (2025, "・基金残高 1,520,000千円"),
                    (2025, "・基金残高 15億2,000万円"),
                ],
                ("15億2,000万円", true),
            ),
            (
                &[
                    (2025, "・基金残高 1,520,000千円"),
                    (2025, "・基金残高 15.2億円"),
                ],
                ("15.2億円", true),
            ),
            (
                &[
                    (2025, "・参加者数 1,285人"),
                    (2025, "・参加者数　１，２８５人"),
                ],
                ("1,285人", true),
            ),
            (
                &[
                    (2024, "・受診率 40.5%"),
                    (
                        2025,
                        "・受診率は前年度（40.8%）から1.2ポイント上昇し、42.0%となった。",
                    ),
                ],
                ("40.8%", false),
            ),
            (
                &[
                    (2025, "・基金残高 1,520,000千円"),
                    (2025, "・基金残高 15.3億円"),
                ],
                ("15.3億円", false),
            ),
            (
                &[(2025, "・参加者数 1,285人"), (2025, "・参加者数　1,258人")],
                ("1,258人", false),
            ),
        ] {
            assert_eq!(
                claims(&measure(panels), Kind::Identity),
                [(want.0.into(), want.1)],
                "{panels:?}"
            );
        }
    }

    #[test]
    fn other_quantities_of_one_subject_in_one_year() {
        for panels in [
            &[
                (2025, "・登録団体数 48団体"),
                (2025, "・新規登録団体数 6団体"),
            ][..],
            &[
                (2025, "・参加者数 1,285人"),
                (2025, "・参加者数の目標 1,300人"),
            ],
            &[(2024, "・参加者数 1,285人"), (2025, "・参加者数 1,310人")],
        ] {
            assert!(
                claims(&measure(panels), Kind::Identity).is_empty(),
                "{panels:?}"
            );
        }
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

/// Identities between the measures of different sheets (the sheets the
/// consolidation uses, one per item): a measure repeated under another item
/// (（再掲）, the same name), or two measures that report one series — the
/// same subject with equal figures in at least two years (`テレワーク
/// 運用実績 4件, 19件` in two departments' sheets) — must agree in every year.
/// `names` gives each measure's name key by (sheet, project, measure).
pub fn across(
    f: &Facts,
    names: &std::collections::HashMap<(u16, u16, u16), String>,
) -> Vec<Relation> {
    use std::collections::HashMap;
    // Per measure, its facts that state quantities.
    let mut by_measure: HashMap<(u16, u16, u16), Vec<u32>> = HashMap::new();
    for t in f
        .texts
        .iter()
        .filter(|t| matches!(t.place, Place::Panel { .. }))
    {
        let Some(m) = t.place.measure() else { continue };
        for i in t.facts.clone() {
            let x = &f.facts[i as usize];
            if states_quantity(x) && !ambiguous(f, x) && x.label.subject.chars().count() >= 2 {
                by_measure.entry(m).or_default().push(i);
            }
        }
    }
    let mut measures: Vec<(u16, u16, u16)> = by_measure.keys().copied().collect();
    measures.sort();
    let mut out = Vec::new();
    for (n, &ma) in measures.iter().enumerate() {
        for &mb in &measures[n + 1..] {
            if ma.0 == mb.0 && ma.1 == mb.1 {
                continue; // the same 主な事業: the file's own check
            }
            let same_name = names
                .get(&ma)
                .is_some_and(|a| !a.is_empty() && names.get(&mb) == Some(a));
            // Pairs of the same quantity and year.
            let mut pairs: Vec<(u32, u32)> = Vec::new();
            for &a in &by_measure[&ma] {
                let x = &f.facts[a as usize];
                let ya = f.year_of(x);
                for &b in &by_measure[&mb] {
                    let y = &f.facts[b as usize];
                    if f.year_of(y) == ya && same_quantity(x, y, 2) {
                        pairs.push((a, b));
                    }
                }
            }
            // Two equal years: one equal year and one a slip apart is what
            // two unrelated series of a common name (運用実績) give by chance
            // (16 false warnings in the 5,011 synthetic workbooks).
            let agreeing_years: std::collections::HashSet<_> = pairs
                .iter()
                .filter(|(a, b)| {
                    let (x, y) = (&f.facts[*a as usize], &f.facts[*b as usize]);
                    x.amount.value != 0.0 && x.amount.value == y.amount.value
                })
                .map(|(a, _)| f.year_of(&f.facts[*a as usize]))
                .collect();
            if !same_name && agreeing_years.len() < 2 {
                continue;
            }
            for (a, b) in pairs {
                out.push(identity(a, b, f, "同一"));
            }
        }
    }
    out
}

#[cfg(test)]
mod across_tests {
    use super::*;
    use crate::facts::quantity::Place;
    use crate::model::form::PanelKind;
    use crate::model::location::{CellRef, Location};
    use crate::model::year::FiscalYear;

    fn sheet_facts(f: &mut Facts, sheet: u16, panels: &[(u16, &str)]) {
        for (i, (y, t)) in panels.iter().enumerate() {
            f.add(
                t,
                Location::cell(
                    format!("f{sheet}").into(),
                    "s".into(),
                    CellRef::new(i as u32, 1),
                ),
                Place::Panel {
                    sheet,
                    project: 0,
                    measure: 0,
                    year: FiscalYear(*y),
                    kind: PanelKind::Work,
                },
            );
        }
    }

    #[test]
    fn one_series_in_two_departments_sheets() {
        let mut f = Facts::default();
        sheet_facts(
            &mut f,
            0,
            &[
                (2022, "令和4年度：4件"),
                (2023, "令和5年度：19件"),
                (2024, "令和6年度の実績は16件であり"),
            ],
        );
        sheet_facts(
            &mut f,
            1,
            &[
                (2022, "運用実績：4件"),
                (2023, "運用実績：19件"),
                (2024, "運用実績：18件"),
            ],
        );
        f.fill_subjects();
        let names = std::collections::HashMap::new();
        let rels = across(&f, &names);
        let failing: Vec<String> = rels
            .iter()
            .filter(|r| !matches!(r.verdict(&f), Some(crate::facts::relations::Verdict::Holds)))
            .map(|r| f.raw(&f.facts[r.claim as usize]).to_string())
            .collect();
        assert_eq!(failing.len(), 1, "{failing:?}");
        // Unrelated measures with one equal figure are not compared.
        let mut g = Facts::default();
        sheet_facts(
            &mut g,
            0,
            &[(2023, "運用実績：19件"), (2024, "運用実績：16件")],
        );
        sheet_facts(
            &mut g,
            1,
            &[(2023, "運用実績：19件"), (2024, "運用実績：18件")],
        );
        assert!(across(&g, &names).is_empty());
    }
}
#[cfg(test)]
mod within_tests {
    use crate::facts::relations::Kind;
    use crate::facts::relations::testing::{claims, one};

    #[test]
    fn a_figure_restated_coarser_in_one_text() {
        for (text, claim, holds) in [
            (
                "取崩額 800,000,000円 令和7年度の実質収支を見込む中で8億円を取崩した。",
                "8億円",
                true,
            ),
            (
                "取崩額 800,000,000円 財源として8.1億円を取崩した。",
                "8.1億円",
                false,
            ),
            (
                "・事業費 12,480千円（うち国庫補助6,240千円）、事業費は約1,248万円",
                "約1,248万円",
                true,
            ),
            (
                "積立額は2,144,003,242円で、約21.4億円を積み立てた。",
                "約21.4億円",
                true,
            ),
            (
                "・削減額 3,150,000円 前年度に続き約320万円を削減した",
                "約320万円",
                false,
            ),
            // A slip of the coarse figure's last digit is still the same
            // quantity restated.
            (
                "取崩額 800,000,000円 実質収支を見込む中で9億円を取崩した。",
                "9億円",
                false,
            ),
            (
                "補助金交付額 2,300,000円。補助金として約3百万円を交付",
                "約3百万円",
                true,
            ),
            // A slip of the coarse figure's last digit downwards: `7億円`
            // truncates values below 8億円, not 800,000,000円 itself.
            (
                "取崩額 800,000,000円 実質収支を見込む中で7億円を取崩した。",
                "7億円",
                false,
            ),
            // A power of ten apart: one figure with its scale slipped.
            (
                "・取崩額 7,000,000,000円\n・実質収支を見込む中で約7億円を取崩した",
                "約7億円",
                false,
            ),
            (
                "積立額は214,400,324円で、約21.4億円を積み立てた。",
                "約21.4億円",
                false,
            ),
            (
                "事業費 1,248千円、事業費は約1,248万円",
                "約1,248万円",
                false,
            ),
        ] {
            assert_restated(text, claim, holds);
        }
    }

    fn assert_restated(text: &str, claim: &str, holds: bool) {
        assert_eq!(
            claims(&one(text), Kind::Identity),
            [(claim.into(), holds)],
            "{text}"
        );
    }

    #[test]
    fn restated_coarser_in_other_wordings() {
        for (text, claim, holds) in [
            (
                "・委託料 12,480,000円 委託料は約1,248万円",
                "約1,248万円",
                true,
            ),
            (
                "・積立額 230,000,000円、2.3億円を積み立てた",
                "2.3億円",
                true,
            ),
            (
                "・償還額 2,350,000千円 元利償還として約23.5億円を償還した",
                "約23.5億円",
                true,
            ),
            (
                "・事業費　３，４５６，７８９円　事業費は約３４６万円",
                "約346万円",
                true,
            ),
            (
                "・委託料 12,480,000円 委託料は約1,350万円",
                "約1,350万円",
                false,
            ),
            (
                "・積立額 230,000,000円、2.4億円を積み立てた",
                "2.4億円",
                false,
            ),
        ] {
            assert_restated(text, claim, holds);
        }
    }

    #[test]
    fn two_figures_in_one_unit_are_two_things() {
        for text in [
            "26市平均：滞納繰越分44.5% 昭島市：滞納繰越分39.3%",
            "取崩額 800,000,000円 財源として3億円と5億円を取崩した。",
            "取崩額 800,000,000円 うち体育館の改修に3億円を取崩した。",
        ] {
            assert_eq!(claims(&one(text), Kind::Identity), [], "{text}");
        }
    }
}
