//! A measure's figures across its year panels: the same quantity stated for
//! 令和4, 5 and 6年度 (`ホームページバナー掲載 10社 1,500,000円` … `12社
//! 1,545,000円`). Years differ, so the values may too; what they cannot do
//! is jump by a factor of hundreds, which is a unit or a scale typed wrong
//! (`1,545,000千円`, `3,300円` for 3,300千円) — the slip 数値目標 shows as
//! `8,447,029円` among 千円, made in the text.
//!
//! Each figure is paired with the figure of the same quantity in another
//! year closest to it in ratio, so the other years keep their neighbours; a
//! figure 300 times or more from every other year is paired with the one a
//! power of ten puts it closest to. Of two figures that are
//! each other's closest, only the later one is the claim (one finding
//! naming both).

use std::collections::HashMap;

use crate::facts::quantity::amount::powers_apart;
use crate::facts::quantity::unit::Dim;
use crate::facts::quantity::{Facts, Place};
use crate::facts::relations::balance::{self, Role};
use crate::facts::relations::change::{same_measure, same_quantity};
use crate::facts::relations::identity::states_quantity;
use crate::facts::relations::{Expr, Kind, Relation};

/// How far a year's true change may carry a slipped figure from its power
/// of ten: a measure halves or doubles in a year, so a unit slipped by
/// 1,000 (千円 for 円) puts it 500 to 2,000 times its neighbour.
const YEAR_CHANGE: f64 = 2.0;

/// Figures at least this many times apart are not one year's change.
const JUMP: f64 = 300.0;

/// Subjects are compared loosely (by head noun) only in measures of at most
/// this many figures; a real 具体的な取組 has tens.
const LOOSE_AT_MOST: usize = 500;

/// Figures smaller than this (in the base unit) are left out: from 1件 in a
/// trial year to 400件 is growth, and a fraction of a unit has no scale to
/// slip.
const LEAST: f64 = 10.0;

/// The power of ten `a` is of `b` when it is `b` with a slipped scale:
/// within [`YEAR_CHANGE`] of 1,000 times it, or of a higher power of ten
/// (10,000 for 万円, 10^6 for 百万円), either way round. A fund's 積立額 of
/// interest only (`296,792円` beside `752,627,314円`, 2,536×) is no power of
/// ten.
pub fn slipped_power(a: f64, b: f64) -> Option<i32> {
    if a.abs().min(b.abs()) < LEAST {
        return None;
    }
    let (k, off) = powers_apart(a, b)?;
    (k.abs() >= 3 && off.abs() <= YEAR_CHANGE.log10()).then_some(k)
}

/// A measure: sheet, 主な事業 and 具体的な取組 indices.
type Measure = (u16, u16, u16);

/// Every series relation of `f`'s measures.
pub fn find(f: &Facts, out: &mut Vec<Relation>) {
    // (fact, measure, year) of every figure that states a level.
    let mut levels = Vec::new();
    for t in f.texts.iter() {
        let (Place::Panel { .. }, Some(m)) = (t.place, t.place.measure()) else {
            continue;
        };
        for i in t.facts.clone() {
            let x = &f.facts[i as usize];
            // A fund's flows (積立, 取崩) follow the year's decisions, not
            // a trend.
            if !states_quantity(x)
                || matches!(balance::role(x), Some(Role::In | Role::Out))
                || x.amount.dim == Dim::Bare
                || x.amount.value.abs() < LEAST
                || x.label.subject.chars().count() < 2
            {
                continue;
            }
            if let Some(y) = x.year(&t.place) {
                levels.push((i, m, y));
            }
        }
    }
    // Candidates by measure, and by measure and subject words: a measure
    // of thousands of figures (a hostile text) stays cheap.
    let mut by_measure: HashMap<Measure, Vec<usize>> = HashMap::new();
    let mut by_subject: HashMap<(Measure, &str), Vec<usize>> = HashMap::new();
    for (n, &(i, m, _)) in levels.iter().enumerate() {
        by_measure.entry(m).or_default().push(n);
        let subject = f.facts[i as usize].label.subject.as_str();
        by_subject.entry((m, subject)).or_default().push(n);
    }
    // Each figure's order of magnitude, once.
    let lg: Vec<f64> = levels
        .iter()
        .map(|&(i, ..)| f.facts[i as usize].amount.value.abs().log10())
        .collect();
    let nearest = |n: usize| {
        let (a, m, y) = levels[n];
        let x = &f.facts[a as usize];
        let other_year = |k: usize| {
            let (b, _, y2) = levels[k];
            let o = &f.facts[b as usize];
            k != n && y2 != y && (o.amount.value < 0.0) == (x.amount.value < 0.0)
        };
        // The same words before the loosely matching ones: `ボランティア袋
        // への掲載` is another line than `ホームページバナー掲載`.
        let mut pool: Vec<usize> = by_subject[&(m, x.label.subject.as_str())]
            .iter()
            .copied()
            .filter(|&k| other_year(k) && same_measure(x, &f.facts[levels[k].0 as usize]))
            .collect();
        let in_measure = &by_measure[&m];
        if pool.is_empty() && in_measure.len() <= LOOSE_AT_MOST {
            pool = in_measure
                .iter()
                .copied()
                .filter(|&k| other_year(k) && same_quantity(x, &f.facts[levels[k].0 as usize], 2))
                .collect();
        }
        let l = |k: usize| lg[n] - lg[k];
        // The closest as printed, unless every other year is a jump away:
        // then the one a power of ten fits best (`9,092,685千円` against
        // 6,814,310円, not the 26,049,131円 of the year in between).
        let closest = pool
            .iter()
            .copied()
            .min_by(|&p, &q| l(p).abs().total_cmp(&l(q).abs()))?;
        if l(closest).abs() < JUMP.log10() {
            return Some(closest);
        }
        let off = |k: usize| (l(k) - l(k).round()).abs();
        pool.into_iter().min_by(|&p, &q| off(p).total_cmp(&off(q)))
    };
    let near: Vec<Option<usize>> = (0..levels.len()).map(nearest).collect();
    for (n, &other) in near.iter().enumerate() {
        let Some(k) = other else { continue };
        // Each other's closest: the later year is the claim.
        if near[k] == Some(n) && levels[k].2 > levels[n].2 {
            continue;
        }
        out.push(Relation {
            kind: Kind::Series,
            claim: levels[n].0,
            expr: Expr::fact(levels[k].0),
            cue: "年度推移",
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::facts::relations::Kind;
    use crate::facts::relations::testing::{claims, found, measure};

    /// A year in a unit or scale a thousandfold off its neighbours, in five
    /// wordings, most of them not the report's.
    #[test]
    fn a_year_a_thousandfold_off() {
        for (panels, slipped) in [
            (
                &[
                    (2022, "・ホームページバナー掲載 10社 1,500,000円"),
                    (2023, "・ホームページバナー掲載 12社 1,590,000円"),
                    (2024, "・ホームページバナー掲載 12社 1,545,000千円"),
                ][..],
                "1,545,000千円",
            ),
            (
                &[
                    (2023, "広告収入は3,200千円であった。"),
                    (2024, "広告収入：3,300円（前年並み）"),
                ][..],
                "3,300円",
            ),
            (
                &[
                    (2022, "・窓口用封筒の作成 74,000枚"),
                    (2023, "・窓口用封筒の作成 74枚"),
                    (2024, "・窓口用封筒の作成 75,500枚"),
                ][..],
                "74枚",
            ),
            (
                &[
                    (2023, "市民課窓口の待ち時間 平均38分"),
                    (2024, "市民課窓口の待ち時間は平均35,000分に短縮"),
                ][..],
                "35,000分",
            ),
            (
                &[
                    (2022, "寄附額 12,480千円"),
                    (2023, "寄附額 13,920千円"),
                    (2024, "寄附額 15.1百万円"),
                    (2025, "寄附額 16,205円"),
                ][..],
                "16,205円",
            ),
            (
                &[
                    (2022, "・土地売払収入額26,049,131円"),
                    (2023, "・土地売払収入額6,814,310円"),
                    (2024, "・土地売払収入額9,092,685千円"),
                ][..],
                "9,092,685千円",
            ),
        ] {
            let f = measure(panels);
            let failed: Vec<String> = claims(&f, Kind::Series)
                .into_iter()
                .filter(|(_, ok)| !ok)
                .map(|(c, _)| c)
                .collect();
            assert_eq!(failed, [slipped], "{panels:?}");
        }
    }

    /// Growth, decline and small figures are not slips; other subjects,
    /// targets and changes are not the series.
    #[test]
    fn ordinary_years_hold() {
        for panels in [
            &[
                (2022, "・アクセス数 5,760件（12月から）"),
                (2023, "・アクセス数 12,236件"),
                (2024, "・アクセス数 14,599件"),
            ][..],
            &[(2023, "利用者 2人（試行）"), (2024, "利用者 480人")][..],
            &[
                (2023, "登録団体 40団体、補助金 1,200千円"),
                (2024, "登録団体 41団体、補助金 1,250千円"),
            ][..],
            &[
                (2023, "<目標：参加者5,000人> 参加者 4,210人"),
                (2024, "参加者は前年度から12人増加し4,222人"),
            ][..],
            &[
                (2023, "延べ利用人数 1,696人"),
                (2024, "延べ利用人数 1,920人"),
            ][..],
            // A service's first full year: 3,000×, no power of ten.
            &[
                (2023, "電子申請 12件（3月開始）"),
                (2024, "電子申請 36,000件"),
            ][..],
            &[
                (2023, "・積立額 296,792円 ・取崩額 700,000,000円"),
                (2024, "・積立額 296,792,000円 ・取崩額 750,000,000円"),
            ][..],
        ] {
            let f = measure(panels);
            let bad: Vec<_> = claims(&f, Kind::Series)
                .into_iter()
                .filter(|(_, ok)| !ok)
                .collect();
            assert!(bad.is_empty(), "{panels:?}: {bad:?}");
        }
    }

    #[test]
    fn each_figure_meets_its_closest_year() {
        let f = measure(&[
            (2022, "・自治会 99団体"),
            (2023, "・自治会 98団体"),
            (2024, "・自治会 96団体"),
        ]);
        let v = found(&f, Kind::Series);
        // 99↔98 are each other's closest (one relation), 96's closest is 98.
        assert_eq!(v.len(), 2, "{v:?}");
        assert!(
            v.iter()
                .all(|(_, _, ok)| *ok == super::super::Verdict::Holds)
        );
    }

    /// A line whose words recur in another line's (`掲載`) is compared with
    /// its own line of the other years.
    #[test]
    fn the_same_line_first() {
        let f = measure(&[
            (
                2022,
                "・ホームページバナー掲載 10社 1,500,000円\n・ボランティア袋への掲載 6社 150,000円",
            ),
            (
                2023,
                "・ホームページバナー掲載 12社 1,590,000円\n・ボランティア袋への掲載 6社 150,000円",
            ),
            (
                2024,
                "・ホームページバナー掲載 12社 1,545円\n・ボランティア袋への掲載 6社 150,000円",
            ),
        ]);
        let failed: Vec<_> = found(&f, Kind::Series)
            .into_iter()
            .filter(|(_, _, v)| *v != super::super::Verdict::Holds)
            .map(|(c, m, _)| (c, m))
            .collect();
        assert_eq!(
            failed,
            [("1,545円".to_string(), vec!["1,590,000円".to_string()])]
        );
    }
}
