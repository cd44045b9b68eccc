//! Rates and shares: a percentage and the two figures it is the ratio of.
//! - in brackets after the rate: `加入率41.8%（加入世帯数32,416世帯／世帯数77,550世帯）`,
//!   `42.6%（32,790世帯÷76,970世帯）`, `76.5%（対象34人中26人）`, `（回答1,954人中1,784人）`;
//! - a share after a part of a named whole: `回収58件のうち、「賛成」は19件（32.8%）`;
//! - against a target: `目標（500人）に対する進捗率は80.0%`, `（目標額への達成率126%）`
//!   with the target named in the measure's texts.

use crate::facts::quantity::label::Quals;
use crate::facts::quantity::scan::Tok;
use crate::facts::quantity::unit::Dim;
use crate::facts::quantity::{Facts, Place, Text, matching_close, same_stretch};
use crate::facts::relations::sum::fact_at;
use crate::facts::relations::{Expr, Kind, Relation, Use};

fn ratio(num: u32, den: u32) -> Expr {
    Expr::Product(vec![
        Expr::Const(100.0),
        Expr::Quotient(
            Box::new(Expr::Fact(num, Use::Value)),
            Box::new(Expr::Fact(den, Use::Value)),
        ),
    ])
}

fn like(f: &Facts, a: u32, b: u32) -> bool {
    let (x, y) = (
        &f.facts[a as usize].amount.dim,
        &f.facts[b as usize].amount.dim,
    );
    let counted = |d: &Dim| d.is_count() || *d == Dim::Bare;
    x.same(y) || (counted(x) && counted(y))
}

/// `R%（a／b）`, `R%（a÷b）`, `R%（b中a）`.
fn bracketed(text: &Text, f: &Facts, out: &mut Vec<Relation>) {
    let toks = &text.tokens;
    for (k, _) in toks.iter().enumerate() {
        let Some(r) = fact_at(text, k) else { continue };
        if f.facts[r as usize].amount.dim != Dim::Percent {
            continue;
        }
        let Some(o) = (k + 1..toks.len()).find(|&j| toks[j].tok != Tok::Space) else {
            continue;
        };
        let Tok::Open(_) = toks[o].tok else { continue };
        let Some(c) = matching_close(toks, o) else {
            continue;
        };
        let figs: Vec<(usize, u32)> = (o + 1..c)
            .filter_map(|j| fact_at(text, j).map(|i| (j, i)))
            .collect();
        let [(ja, a), (jb, b)] = figs[..] else {
            continue;
        };
        if !like(f, a, b) {
            continue;
        }
        let between = &toks[ja + 1..jb];
        let words: String = between
            .iter()
            .filter(|x| x.tok == Tok::Word)
            .map(|x| &text.folded[x.span.clone()])
            .collect();
        let (num, den) = if between
            .iter()
            .any(|x| matches!(x.tok, Tok::Slash | Tok::Div))
        {
            (a, b)
        } else if words.ends_with('中') || words.ends_with("のうち") || {
            // `（配布800世帯のうち回答500世帯）`: the whole, then its part's label.
            let after = text.folded[toks[ja].span.end..].trim_start();
            after.starts_with('中') || after.starts_with("のうち")
        } {
            (b, a)
        } else {
            continue;
        };
        out.push(Relation {
            kind: Kind::Rate,
            claim: r,
            expr: ratio(num, den),
            cue: "率",
        });
    }
}

/// Words of a label that name the whole a rate is of.
const WHOLE: &[&str] = &["対象", "全", "総", "母数", "定員", "計画", "予定", "可能"];

/// `a／b（R%）`: the fraction first, the rate alone in the brackets after it
/// (`受診者412人／対象者1,030人（受診率40.0%）`).
fn fraction_first(text: &Text, f: &Facts, out: &mut Vec<Relation>) {
    let toks = &text.tokens;
    for (o, tok) in toks.iter().enumerate() {
        let Tok::Open(_) = tok.tok else { continue };
        let Some(c) = matching_close(toks, o) else {
            continue;
        };
        let inner: Vec<u32> = (o + 1..c).filter_map(|j| fact_at(text, j)).collect();
        let [r] = inner[..] else { continue };
        let rf = &f.facts[r as usize];
        // A change or a target in the brackets is no rate of the fraction.
        if rf.amount.dim != Dim::Percent
            || crate::facts::relations::sum::is_change(rf)
            || rf.label.quals.has(Quals::TARGET)
        {
            continue;
        }
        // Before the brackets: b, its label, the slash, its label, a.
        let solid = |from: usize| {
            (0..from)
                .rev()
                .find(|&j| !matches!(toks[j].tok, Tok::Space | Tok::Word))
        };
        let Some(jb) = solid(o) else { continue };
        let Some(b) = fact_at(text, jb) else { continue };
        let Some(js) = solid(jb) else { continue };
        if !matches!(toks[js].tok, Tok::Slash | Tok::Div) {
            continue;
        }
        let Some(ja) = solid(js) else { continue };
        let Some(a) = fact_at(text, ja) else { continue };
        if !like(f, a, b) || f.facts[a as usize].amount.dim == Dim::Percent {
            continue;
        }
        // A slash also lists siblings (`コンビニ交付 33,120件/窓口交付 58,370件
        // (コンビニ交付の割合36.2%)`): b must read as the whole, by having no
        // label of its own or one of a whole (`対象者1,030人`, `全4,000世帯`).
        let bf = &f.facts[b as usize];
        let own_label: String = toks[js + 1..jb]
            .iter()
            .filter(|x| x.tok == Tok::Word)
            .map(|x| &text.folded[x.span.clone()])
            .collect();
        let whole = own_label.is_empty()
            || bf.label.quals.has(Quals::TOTAL)
            || WHOLE.iter().any(|w| own_label.contains(w));
        if !whole {
            continue;
        }
        out.push(Relation {
            kind: Kind::Rate,
            claim: r,
            expr: ratio(a, b),
            cue: "率",
        });
    }
}

/// `W件のうち、A a件（p%）`: each bracketed share of a part of the whole.
fn shares(text: &Text, f: &Facts, out: &mut Vec<Relation>) {
    let toks = &text.tokens;
    for (k, _) in toks.iter().enumerate() {
        let Some(w) = fact_at(text, k) else { continue };
        let after = text.folded[toks[k].span.end..].trim_start();
        if !(after.starts_with("のうち") || after.starts_with("中")) {
            continue;
        }
        for j in k + 1..toks.len() {
            if !same_stretch(toks, k, j) {
                break;
            }
            let Some(a) = fact_at(text, j) else { continue };
            if !like(f, a, w) || f.facts[a as usize].amount.dim == Dim::Percent {
                continue;
            }
            // The part's share in brackets right after it.
            let Some(o) = (j + 1..toks.len()).find(|&x| toks[x].tok != Tok::Space) else {
                break;
            };
            let Tok::Open(_) = toks[o].tok else { continue };
            let Some(c) = matching_close(toks, o) else {
                continue;
            };
            let inner: Vec<u32> = (o + 1..c).filter_map(|x| fact_at(text, x)).collect();
            if let [p] = inner[..]
                && f.facts[p as usize].amount.dim == Dim::Percent
            {
                out.push(Relation {
                    kind: Kind::Rate,
                    claim: p,
                    expr: ratio(a, w),
                    cue: "割合",
                });
            }
        }
    }
}

/// `目標（500人）に対する進捗率は80.0%`, `（目標額への達成率126%）`: an achieved
/// rate against a target in the text or the measure's other texts.
fn against_target(text: &Text, f: &Facts, out: &mut Vec<Relation>) {
    let toks = &text.tokens;
    for (k, _) in toks.iter().enumerate() {
        let Some(r) = fact_at(text, k) else { continue };
        let rf = &f.facts[r as usize];
        if rf.amount.dim != Dim::Percent {
            continue;
        }
        let s = &rf.label.subject;
        if !(s.ends_with("達成率") || s.ends_with("進捗率") || s == "達成率" || s == "進捗率")
        {
            continue;
        }
        // The target: in the stretch, else in the measure's texts.
        let in_stretch: Vec<u32> = text
            .facts
            .clone()
            .filter(|&i| i != r && same_stretch(toks, f.facts[i as usize].token as usize, k))
            .collect();
        let target = in_stretch
            .iter()
            .copied()
            .find(|&i| {
                let x = &f.facts[i as usize];
                x.label.quals.has(Quals::TARGET)
                    && x.amount.dim != Dim::Percent
                    && x.amount.comparator.is_none()
            })
            .or_else(|| {
                let m = text.place.measure()?;
                let mut found = None;
                for t in f.texts.iter().filter(|t| t.place.measure() == Some(m)) {
                    for i in t.facts.clone() {
                        let x = &f.facts[i as usize];
                        if x.label.quals.has(Quals::TARGET)
                            && x.amount.dim != Dim::Percent
                            && x.amount.comparator.is_none()
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
        let Some(target) = target else { continue };
        let td = f.facts[target as usize].amount.dim.clone();
        // The amount achieved: the last figure of the target's kind before
        // the rate in the stretch.
        let actual = in_stretch.iter().rev().copied().find(|&i| {
            let x = &f.facts[i as usize];
            i != target
                && i < r
                && x.amount.dim.same(&td)
                && !x.label.quals.has(Quals::TARGET)
                && x.label.year == crate::facts::quantity::label::YearRef::Column
                && x.role != crate::facts::quantity::Role::From
        });
        let Some(actual) = actual else { continue };
        out.push(Relation {
            kind: Kind::Rate,
            claim: r,
            expr: ratio(actual, target),
            cue: "達成率",
        });
    }
}

/// Every rate relation of `f`'s texts.
pub fn find(f: &Facts, out: &mut Vec<Relation>) {
    for text in &f.texts {
        if !matches!(
            text.place,
            Place::Panel { .. } | Place::Comment { .. } | Place::Future { .. }
        ) {
            continue;
        }
        bracketed(text, f, out);
        fraction_first(text, f, out);
        shares(text, f, out);
        against_target(text, f, out);
    }
}

#[cfg(test)]
mod tests {
    use crate::facts::relations::Kind;
    use crate::facts::relations::testing::{claims, measure, one};

    fn rates(s: &str) -> Vec<(String, bool)> {
        claims(&one(s), Kind::Rate)
    }

    #[test]
    fn a_rate_and_its_fraction() {
        assert_eq!(
            rates("・加入率　41.8%（加入世帯数32,416世帯／住民基本台帳世帯数77,550世帯）"),
            [("41.8%".into(), true)]
        );
        assert_eq!(
            rates("・加入率42.6%（32,790世帯÷76,970世帯）"),
            [("42.6%".into(), true)]
        );
        assert_eq!(
            rates("男性職員の育児休業取得率　76.5%（対象34人中26人）"),
            [("76.5%".into(), true)]
        );
        assert_eq!(
            rates("「業務に役立つ」と答えた割合は91.3%（回答1,954人中1,784人）。"),
            [("91.3%".into(), true)]
        );
        assert_eq!(rates("取得率　55.6%（5/9名）"), [("55.6%".into(), true)]);
        assert_eq!(rates("取得率　56.6%（5/9名）"), [("56.6%".into(), false)]);
    }

    /// Other counters, orders and printings, with the rates they claim and
    /// whether they hold.
    #[test]
    fn rates_in_other_wordings() {
        for (text, want) in [
            // The fraction first, the rate in brackets after it.
            (
                "受診者412人／対象者1,030人（受診率40.0%）",
                &[("40.0%", true)][..],
            ),
            (
                "受診者４１２人／対象者１，０３０人（４０．０％）",
                &[("40.0%", true)],
            ),
            ("稼働 1,364時間／2,000時間（68.2%）", &[("68.2%", true)]),
            ("加入 1,544世帯/全 4,000世帯（38.6%）", &[("38.6%", true)]),
            // The rate first, its fraction in brackets.
            (
                "受診率　４０．０％（受診者４１２人÷対象者１，０３０人）",
                &[("40.0%", true)],
            ),
            (
                "参加率 52.3%（参加団体 23団体／登録団体 44団体）",
                &[("52.3%", true)],
            ),
            (
                "稼働率 68.2%（稼働時間 1,364時間／利用可能時間 2,000時間）",
                &[("68.2%", true)],
            ),
            ("設置率 75.0%（全24施設中18施設）", &[("75.0%", true)]),
            (
                "回答率は62.5%（配布800世帯のうち回答500世帯）",
                &[("62.5%", true)],
            ),
            // Shares of a named whole.
            (
                "対象1,030人のうち、受診者は412人（40.0%）",
                &[("40.0%", true)],
            ),
            (
                "配布800世帯中、回答500世帯（62.5%）、未回答300世帯（37.5%）",
                &[("62.5%", true), ("37.5%", true)],
            ),
            // Wrong rates.
            (
                "受診率 41.0%（受診者412人／対象者1,030人）",
                &[("41.0%", false)],
            ),
            (
                "受診者412人／対象者1,030人（受診率41.0%）",
                &[("41.0%", false)],
            ),
            ("設置率 72.0%（全24施設中18施設）", &[("72.0%", false)]),
            (
                "申請件数2,400件のうち電子申請は1,020件（45.2%）",
                &[("45.2%", false)],
            ),
        ] {
            let want: Vec<(String, bool)> = want.iter().map(|&(c, h)| (c.into(), h)).collect();
            assert_eq!(rates(text), want, "{text}");
        }
    }

    #[test]
    fn percentages_beside_figures_that_are_no_rate_of_them() {
        for text in [
            // Other percentages in the brackets, not a fraction.
            "受診率40.0%（前年度38.2%、県平均41.5%）",
            // A slash between siblings: the share is of both together.
            "コンビニ交付 33,120件/窓口交付 58,370件(コンビニ交付の割合36.2%)",
            // A change or a target after a fraction.
            "412人/1,030人（前年度比2.1%増）",
            "412人/1,030人（目標45.0%）",
        ] {
            assert_eq!(rates(text), [], "{text}");
        }
    }

    #[test]
    fn shares_of_a_whole() {
        assert_eq!(
            rates(
                "アンケートの回収58件のうち、「賛成」は19件（32.8%）、「どちらかといえば賛成」は25件（43.1%）で"
            ),
            [("32.8%".into(), true), ("43.1%".into(), true)]
        );
    }

    #[test]
    fn against_a_target() {
        assert_eq!(
            rates("・累計修了者が400人に達し、目標（500人）に対する進捗率は80.0%となった。"),
            [("80.0%".into(), true)]
        );
        let f = measure(&[
            (2023, "目標額15,000,000円"),
            (
                2024,
                "【令和5・6年度合計】 912件 18,835,771円（目標額への達成率126%）",
            ),
        ]);
        assert_eq!(claims(&f, Kind::Rate), [("126%".into(), true)]);
    }
}
