//! 割合の増減を % で記載しているものの、実際にはポイントの差であるものを指摘します。
//!
//! ## 点検内容
//! 割合の増減が % で記載されているとき（`66.7%（対前年比22.2%減）`）は、以前の値に
//! 対する比率として読みます。それが成り立たず、ポイントの差なら成り立つとき
//! （88.9% → 66.7% は22.2ポイントの差で、比率では −25.0%）は、ポイント と記載
//! すべきです。
//!
//! ## 理由
//! `22.2%減` と `22.2ポイント減` は異なる内容です。読む人は % を比率と受け取り、
//! 増減の大きさを見誤ります。
//!
//! ## 例
//! 指摘あり: 前年度が `88.9%` で、`66.7%（対前年比22.2%減）`。
//! 指摘なし: `66.7%（対前年比22.2ポイント減）`、または `（対前年比25.0%減）`。
//!
//! ---
//!
//! A change of a percentage written in % that is its difference in points.
//!
//! ## What it checks
//! When a percentage's change is claimed in % (`66.7%（対前年比22.2%減）`), it is
//! read as relative to the previous value; if that does not hold but the
//! difference in points does (88.9% → 66.7% is 22.2 points, −25.0% as a
//! rate), the claim should say ポイント.
//!
//! ## Why it matters
//! `22.2%減` and `22.2ポイント減` are different statements; a reader takes the %
//! as relative and misjudges the change.
//!
//! ## Example
//! Fails: `88.9%` the year before, `66.7%（対前年比22.2%減）`.
//! Passes: `66.7%（対前年比22.2ポイント減）`, or `（対前年比25.0%減）`.

use serde::Serialize;

use crate::facts::file::FileCx;
use crate::facts::quantity::Facts;
use crate::facts::relations::change::POINTS_AS_PERCENT;
use crate::facts::relations::{Kind, Verdict};
use crate::model::figure::group_digits;
use crate::model::finding::{Lang, Violation};
use crate::rules::figures::judged::judged;
use crate::rules::{Findings, Rule};

/// The rate of change from the relation's earlier figure to its later one, in %.
fn relative_change(f: &Facts, members: &[u32]) -> f64 {
    let v = |k: usize| {
        members
            .get(k)
            .map_or(0.0, |&m| f.facts[m as usize].amount.value)
    };
    let (to, from) = (v(1), v(2));
    if from == 0.0 {
        0.0
    } else {
        (to - from) / from * 100.0
    }
}

pub struct PercentVsPoints;

/// A change in % that is the points difference.
#[derive(Debug, Serialize)]
pub struct PointsAsPercent {
    pub claim: String,
    /// The percentage before and after the change.
    pub from: String,
    pub to: String,
    /// The change as a rate, in %, signed.
    pub relative: f64,
    /// The direction word of the claim (`減`), if any.
    pub word: String,
    /// The claim written in points.
    pub fixed: String,
}

impl Violation for PointsAsPercent {
    fn message(&self, lang: Lang) -> String {
        let (c, a, b) = (&self.claim, &self.from, &self.to);
        let r = match lang {
            Lang::Ja if !self.word.is_empty() => {
                format!("{}%{}", group_digits(self.relative.abs(), 1), self.word)
            }
            _ => format!("{}%", group_digits(self.relative, 1)),
        };
        match lang {
            Lang::Ja => format!("「{c}」は{a}と{b}のポイントの差です。率の変化であれば{r}です。"),
            Lang::En => format!(
                "`{c}` is the difference in points between {a} and {b}; as a rate the change is {r}."
            ),
        }
    }
    fn found(&self) -> Option<String> {
        Some(self.claim.clone())
    }
    fn expected(&self) -> Option<String> {
        Some(self.fixed.clone())
    }
    fn suggestion(&self, lang: Lang) -> Option<String> {
        let f = &self.fixed;
        Some(match lang {
            Lang::Ja => format!("「{f}」と記載してください。"),
            Lang::En => format!("write `{f}`"),
        })
    }
}

impl Rule for PercentVsPoints {
    fn check_file(&self, f: &FileCx, out: &mut Findings) {
        let q = f.quantities();
        let all: Vec<_> = judged(&q.facts, &q.relations, Kind::Change).collect();
        for (r, v) in &all {
            if r.cue != POINTS_AS_PERCENT || *v != Verdict::Holds {
                continue;
            }
            let Some((rel, Verdict::Fails { .. })) = all
                .iter()
                .find(|(o, _)| o.claim == r.claim && o.cue != POINTS_AS_PERCENT)
            else {
                continue;
            };
            let claim = &q.facts.facts[r.claim as usize];
            let raw = q.facts.raw(claim).to_string();
            let after = &q.facts.text_of(claim).folded[claim.span.end as usize..];
            let word = crate::facts::quantity::label::direction_after(after)
                .map_or("", |(_, n)| &after[..n]);
            let fixed = format!("{}{word}", raw.replacen('%', "ポイント", 1));
            let members = rel.members();
            let raw_of = |k: usize| {
                members.get(k).map_or(String::new(), |&m| {
                    q.facts.raw(&q.facts.facts[m as usize]).to_string()
                })
            };
            let f = out.push(
                q.facts.text_of(claim).at.clone(),
                PointsAsPercent {
                    claim: format!("{raw}{word}"),
                    from: raw_of(2),
                    to: raw_of(1),
                    relative: relative_change(&q.facts, &members),
                    word: word.to_string(),
                    fixed,
                },
            );
            for m in rel.members().into_iter().skip(1) {
                let at = q.facts.text_of(&q.facts.facts[m as usize]).at.clone();
                if at != q.facts.text_of(claim).at {
                    f.related(at);
                }
            }
        }
    }
}
