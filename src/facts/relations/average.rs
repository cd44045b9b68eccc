//! Averages: a figure per something (`1団体当たり平均429千円`, `1日平均367枚`,
//! `1講座平均42.0人`, `月平均2,040回`) and the total and count it is the
//! quotient of, in the same text: the total is the figure of the average's
//! kind marked as a total (計, 総額, 延べ), else the only other one; the
//! count is the figure counted in what the average is per.

use crate::facts::quantity::label::{Quals, same_subject};
use crate::facts::quantity::unit::Dim;
use crate::facts::quantity::{Fact, Facts, Place};
use crate::facts::relations::sum::is_change;
use crate::facts::relations::{Expr, Kind, Relation, Use};

/// The counter an average is per: `1団体当たり` → 団体; `月平均` → か月;
/// `1日平均` → 日; `1件当たり` → 件.
fn per_counter(a: &Fact, lead: &str) -> Option<String> {
    if let Some(Dim::Count(c)) = &a.per {
        return Some(c.to_string());
    }
    for (w, c) in [
        ("月平均", "か月"),
        ("日平均", "日"),
        ("年平均", "年"),
        ("週平均", "週"),
    ] {
        if lead.contains(w) {
            return Some(c.into());
        }
    }
    None
}

/// Every average relation of `f`'s texts.
pub fn find(f: &Facts, out: &mut Vec<Relation>) {
    // Figures of a written-out quotient are the equation's.
    let written: std::collections::HashSet<u32> = out
        .iter()
        .filter(|r| r.kind == Kind::Equation)
        .flat_map(|r| r.members())
        .collect();
    for text in &f.texts {
        if !matches!(text.place, Place::Panel { .. }) {
            continue;
        }
        let ids: Vec<u32> = text.facts.clone().collect();
        for &a in &ids {
            let af = &f.facts[a as usize];
            // Rates do not add up: a mean rate is no total over a count
            // (`26市平均：合計99.0%`).
            let rate = matches!(af.amount.dim, Dim::Percent | Dim::Points);
            if !af.label.quals.has(Quals::AVERAGE) || rate || is_change(af) || written.contains(&a)
            {
                continue;
            }
            let lead_start = ids
                .iter()
                .copied()
                .rfind(|&i| i < a)
                .map_or(0, |i| f.facts[i as usize].span.end as usize);
            let lead = &text.folded[lead_start..af.span.start as usize];
            let Some(counter) = per_counter(af, lead) else {
                continue;
            };
            // The count: a figure counted in the counter, not an average.
            let counts: Vec<u32> = ids
                .iter()
                .copied()
                .filter(|&i| {
                    let x = &f.facts[i as usize];
                    i != a
                        && matches!(&x.amount.dim, Dim::Count(c) if **c == *counter)
                        && !x.label.quals.has(Quals::AVERAGE)
                        && x.per.is_none()
                        && !is_change(x)
                })
                .collect();
            // The total: of the average's kind, marked a total if several.
            let totals: Vec<u32> = ids
                .iter()
                .copied()
                .filter(|&i| {
                    let x = &f.facts[i as usize];
                    i != a
                        && x.amount.dim.same(&af.amount.dim)
                        && !x.label.quals.has(Quals::AVERAGE)
                        && x.per.is_none()
                        && !is_change(x)
                        && !x.label.quals.has(Quals::TARGET)
                })
                .collect();
            let marked: Vec<u32> = totals
                .iter()
                .copied()
                .filter(|&i| {
                    let q = f.facts[i as usize].label.quals;
                    q.has(Quals::TOTAL) || q.has(Quals::GROSS)
                })
                .collect();
            let total = match (&marked[..], &totals[..]) {
                ([t], _) => *t,
                // An unmarked figure is the total only if it is of what the
                // average is (not `登録講師25人` beside `1回平均の参加者87人`).
                ([], [t]) => {
                    let (ts, as_) = (&f.facts[*t as usize].label.subject, &af.label.subject);
                    if !ts.is_empty() && !as_.is_empty() && !same_subject(ts, as_, 2) {
                        continue;
                    }
                    *t
                }
                _ => continue,
            };
            // The count: in the same stretch, else the one marked a total.
            let near: Vec<u32> = counts
                .iter()
                .copied()
                .filter(|&c| {
                    crate::facts::quantity::same_stretch(
                        &text.tokens,
                        f.facts[c as usize].token as usize,
                        af.token as usize,
                    )
                })
                .collect();
            let marked_counts: Vec<u32> = counts
                .iter()
                .copied()
                .filter(|&c| f.facts[c as usize].label.quals.has(Quals::TOTAL))
                .collect();
            let count = match (&near[..], &marked_counts[..]) {
                ([c], _) => *c,
                ([], [c]) => *c,
                _ => continue,
            };
            out.push(Relation {
                kind: Kind::Average,
                claim: a,
                expr: Expr::Quotient(
                    Box::new(Expr::Fact(total, Use::Value)),
                    Box::new(Expr::Fact(count, Use::Printed)),
                ),
                cue: "平均",
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::facts::relations::Kind;
    use crate::facts::relations::testing::{claims, one};

    fn avgs(s: &str) -> Vec<(String, bool)> {
        claims(&one(s), Kind::Average)
    }

    #[test]
    fn averages_and_what_they_divide() {
        assert_eq!(
            avgs("・資格取得費の助成　31人（助成総額1,147千円、1人当たり平均37千円）"),
            [("37千円".into(), true)]
        );
        assert_eq!(
            avgs("・発券機を更新。繁忙期16日間の番号札発券数は計5,872枚、1日平均367枚"),
            [("367枚".into(), true)]
        );
        assert_eq!(
            avgs("・研修　計58講座\n・受講者　延べ2,436人（1講座平均42.0人）"),
            [("42.0人".into(), true)]
        );
        assert_eq!(
            avgs("・利用回数　延べ18,360回（7月〜3月の9か月間、月平均2,040回）"),
            [("2,040回".into(), true)]
        );
        assert_eq!(
            avgs("・休日交付窓口を年12回開設（来庁者計1,044人、1回平均88人）"),
            [("88人".into(), false)]
        );
    }

    /// Other counters and orders, with the averages they claim and whether
    /// they hold.
    #[test]
    fn averages_in_other_wordings() {
        for (text, want) in [
            (
                "出前講座を年12回開催し、参加者は延べ1,044人、1回平均87人",
                &[("87人", true)][..],
            ),
            (
                "・地域清掃　実施24回、参加者延べ1,920人（1回当たり平均80人）",
                &[("80人", true)],
            ),
            (
                "・補助金交付　18団体、交付総額5,400千円（1団体当たり平均300千円）",
                &[("300千円", true)],
            ),
            (
                "・巡回相談　計36日実施、相談件数計252件、1日平均7件",
                &[("7件", true)],
            ),
            (
                "・講習会　全8回、受講者延べ２４０人、１回平均３０人",
                &[("30人", true)],
            ),
            (
                "・パトロール　延べ96回、総距離 1,440km（1回平均 15km）",
                &[("15km", true)],
            ),
            (
                "・相談件数　計252件（相談員3人、1人当たり平均84件）",
                &[("84件", true)],
            ),
            (
                "・利用者数　年間43,800人（1日平均120人、開館365日）",
                &[("120人", true)],
            ),
            (
                "・出前講座　年12回開催（参加者延べ1,044人、1回平均90人）",
                &[("90人", false)],
            ),
            (
                "・補助金交付　18団体、交付総額5,400千円（1団体当たり平均350千円）",
                &[("350千円", false)],
            ),
            (
                "・講習会　全8回、受講者延べ２４０人、１回平均３２人",
                &[("32人", false)],
            ),
        ] {
            let want: Vec<(String, bool)> = want.iter().map(|&(c, h)| (c.into(), h)).collect();
            assert_eq!(avgs(text), want, "{text}");
        }
    }

    #[test]
    fn averages_without_their_total() {
        for text in [
            // The only other count of people is of someone else.
            "・出前講座　年12回開催、登録講師25人、1回平均の参加者87人",
            // No count of what the average is per.
            "・平均待ち時間 15分（最長 42分、受付 1,200件）",
            "・1世帯当たり平均 2.3人（世帯数 1,200世帯）",
        ] {
            assert_eq!(avgs(text), [], "{text}");
        }
    }
}
