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
        } else if words.ends_with('中') || words.ends_with("のうち") {
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
