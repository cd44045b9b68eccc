//! Distances to a target claimed in the text: `目標（35分）を4分下回り`,
//! `目標の82.0%を0.5ポイント上回った`, `計画値（1,295人）を7人上回った`,
//! `目標（90.5%）には1.1ポイント届かなかった`, `目標比約6.7億円超`. The target
//! is the figure named as one in the sentence; the actual is the figure the
//! sentence is about (before the target in it), else the same quantity in
//! the year's texts of the measure. A gap against the 数値目標 sheet's
//! target (`目標値を3.2ポイント上回った` with no figure) is checked across
//! files, where the sheet is (rule N012).

use crate::facts::quantity::label::{Direction, Quals, YearRef, same_subject};
use crate::facts::quantity::unit::Dim;
use crate::facts::quantity::{Facts, Place, Role, same_stretch};
use crate::facts::relations::sum::is_change;
use crate::facts::relations::{Expr, Kind, Relation};

/// A figure of the quantity itself: not a figure per head (`1人当たり約32.9万円`),
/// a running total, a part or another kind the target does not speak of. A
/// mean (`平均待ち時間`) can be the quantity.
fn plain(x: &crate::facts::quantity::Fact) -> bool {
    x.label.quals.kind() & !(Quals::TARGET.0 | Quals::AVERAGE.0) == 0 && x.per.is_none()
}

/// Every target-gap relation of `f`'s texts.
pub fn find(f: &Facts, out: &mut Vec<Relation>) {
    for text in &f.texts {
        if !matches!(text.place, Place::Panel { .. }) {
            continue;
        }
        let toks = &text.tokens;
        let ids: Vec<u32> = text.facts.clone().collect();
        for (n, &g) in ids.iter().enumerate() {
            let gf = &f.facts[g as usize];
            let Some(dir) = gf.direction else { continue };
            // The target just before the gap: `目標（35分）を4分`, `目標の82.0%を`.
            let Some(&t) = ids[..n].last() else { continue };
            let tf = &f.facts[t as usize];
            if !tf.label.quals.has(Quals::TARGET)
                || !same_stretch(toks, tf.token as usize, gf.token as usize)
            {
                continue;
            }
            let between = &text.folded[tf.span.end as usize..gf.span.start as usize];
            // `目標（98.5%）に0.4ポイント届かなかった`: に with falling short.
            let short = dir == Direction::Worse && between.contains('に');
            if !(between.contains('を')
                || between.contains("には")
                || between.contains("比")
                || short)
            {
                continue;
            }
            let gap_in_points = gf.amount.dim == Dim::Points && tf.amount.dim == Dim::Percent;
            if !gf.amount.dim.same(&tf.amount.dim) && !gap_in_points {
                continue;
            }
            // The actual: before the target in the sentence, else the year's
            // figure of the sentence's subject in the measure.
            let actual = ids[..n.saturating_sub(1)]
                .iter()
                .rev()
                .copied()
                .find(|&i| {
                    let x = &f.facts[i as usize];
                    same_stretch(toks, x.token as usize, tf.token as usize)
                        && x.amount.dim.same(&tf.amount.dim)
                        && !is_change(x)
                        && !x.label.quals.has(Quals::TARGET)
                        && plain(x)
                        && x.role != Role::From
                        && x.label.year == YearRef::Column
                })
                .or_else(|| {
                    let m = text.place.measure()?;
                    let year = text.place.year()?;
                    let subject = &tf.label.subject;
                    let sentence_subject = if subject.is_empty() {
                        &gf.label.subject
                    } else {
                        subject
                    };
                    let mut found = None;
                    for t2 in f.texts.iter().filter(|t2| t2.place.measure() == Some(m)) {
                        for i in t2.facts.clone() {
                            let x = &f.facts[i as usize];
                            if x.amount.dim.same(&tf.amount.dim)
                                && !is_change(x)
                                && !x.label.quals.has(Quals::TARGET)
                                && plain(x)
                                && x.year(&t2.place) == Some(year)
                                && x.label.year != YearRef::Previous
                                && same_subject(&x.label.subject, sentence_subject, 2)
                            {
                                if found.is_some_and(|j: u32| {
                                    f.facts[j as usize].amount.value != x.amount.value
                                }) {
                                    return None;
                                }
                                found = Some(i);
                            }
                        }
                    }
                    found
                });
            let Some(actual) = actual else { continue };
            // 上回/下回 give the sign; 届かなかった only says it fell short,
            // on whichever side the target's direction makes short.
            let sign = match dir {
                Direction::Up => 1.0,
                Direction::Down => -1.0,
                _ if f.facts[actual as usize].amount.value >= tf.amount.value => 1.0,
                _ => -1.0,
            };
            out.push(Relation {
                kind: Kind::TargetGap,
                claim: g,
                expr: Expr::Sum(vec![(sign, Expr::fact(actual)), (-sign, Expr::fact(t))]),
                cue: "目標",
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::facts::relations::Kind;
    use crate::facts::relations::testing::{claims, measure, one};

    #[test]
    fn gaps_to_a_named_target() {
        assert_eq!(
            claims(
                &one("・交付率は82.5%となり、目標の82.0%を0.5ポイント上回った。"),
                Kind::TargetGap
            ),
            [("0.5ポイント".into(), true)]
        );
        let f = measure(&[
            (2025, "・平均待ち時間　31分"),
            (
                2025,
                "・平均待ち時間は目標（35分）を4分下回り、目標を達成した。",
            ),
        ]);
        assert_eq!(claims(&f, Kind::TargetGap), [("4分".into(), true)]);
        let f = measure(&[
            (2025, "・職員数　1,302人"),
            (2025, "・職員数は計画値（1,295人）を8人上回った。"),
        ]);
        assert_eq!(claims(&f, Kind::TargetGap), [("8人".into(), false)]);
        assert_eq!(
            claims(
                &one(
                    "前年度から1.6ポイント改善し91.6%となったが、目標（90.5%）には1.1ポイント届かなかった。"
                ),
                Kind::TargetGap
            ),
            [("1.1ポイント".into(), true)]
        );
    }

    /// Other counters, targets and verbs: the panels of a measure, with the
    /// gaps claimed and whether they hold.
    #[test]
    fn gaps_in_other_wordings() {
        for (panels, want) in [
            (
                &[(
                    2025,
                    "・受診率は42.3%となり、目標（40.2%）を2.1ポイント上回った。",
                )][..],
                &[("2.1ポイント", true)][..],
            ),
            (
                &[(
                    2025,
                    "・受診率は42.3%で、目標の40.2%を2.1ポイント上回った。",
                )],
                &[("2.1ポイント", true)],
            ),
            (
                &[(
                    2025,
                    "・参加者数は1,285人で、計画値（1,295人）を10人下回った。",
                )],
                &[("10人", true)],
            ),
            (
                &[(
                    2025,
                    "・整備延長は１２．６ｋｍで、目標（１２．０ｋｍ）を０．６ｋｍ上回った。",
                )],
                &[("0.6km", true)],
            ),
            (
                &[(
                    2025,
                    "・参加者数は1,285人で、目標値1,200人を85人上回る結果となった。",
                )],
                &[("85人", true)],
            ),
            // The actual in another panel of the year.
            (
                &[
                    (2025, "・認定団体 48団体"),
                    (2025, "・認定団体数は目標（50団体）を2団体下回った。"),
                ],
                &[("2団体", true)],
            ),
            (
                &[
                    (2025, "・収納率 98.1%"),
                    (2025, "・収納率は目標（98.5%）に0.4ポイント届かなかった。"),
                ],
                &[("0.4ポイント", true)],
            ),
            // Wrong sizes and sides.
            (
                &[(
                    2025,
                    "・受診率は42.3%となり、目標（40.2%）を1.2ポイント上回った。",
                )],
                &[("1.2ポイント", false)],
            ),
            (
                &[(
                    2025,
                    "・参加者数は1,285人で、計画値（1,295人）を10人上回った。",
                )],
                &[("10人", false)],
            ),
            (
                &[
                    (2025, "・収納率 98.1%"),
                    (2025, "・収納率は目標（98.5%）に0.8ポイント届かなかった。"),
                ],
                &[("0.8ポイント", false)],
            ),
        ] {
            let want: Vec<(String, bool)> = want.iter().map(|&(c, h)| (c.into(), h)).collect();
            assert_eq!(
                claims(&measure(panels), Kind::TargetGap),
                want,
                "{panels:?}"
            );
        }
    }

    #[test]
    fn gaps_to_no_target_figure_in_the_text() {
        for panels in [
            // Last year's figure is no target (a change).
            &[(2025, "・相談件数は412件で、前年度（380件）を32件上回った。")][..],
            // A change made towards a target is no gap to it.
            &[
                (2025, "・登録団体数 48団体"),
                (2025, "・登録団体数は目標（50団体）に向け2団体増加した。"),
            ],
            // The target is on the 数値目標 sheet (N012 checks it).
            &[(2025, "・受診率は42.3%となり、目標を2.1ポイント上回った。")],
        ] {
            assert_eq!(claims(&measure(panels), Kind::TargetGap), [], "{panels:?}");
        }
    }
}
