//! What the relation rules share: the relations of one family with their
//! verdicts, and the finding of one that the printed figures do not give —
//! at the claim's cell, naming every other figure's cell, with the value the
//! figures give and the fix.

use serde::Serialize;

use crate::facts::quantity::Facts;
use crate::facts::relations::{Kind, Relation, Verdict, shown_like};
use crate::model::finding::{Lang, Violation};
use crate::model::location::Location;
use crate::rules::Findings;

/// The relations of `kind` with their verdicts.
pub fn judged<'a>(
    facts: &'a Facts,
    rels: &'a [Relation],
    kind: Kind,
) -> impl Iterator<Item = (&'a Relation, Verdict)> + 'a {
    rels.iter()
        .filter(move |r| r.kind == kind)
        .filter_map(move |r| Some((r, r.verdict(facts)?)))
}

/// A relation the printed figures do not give.
#[derive(Debug, Serialize)]
pub struct Mismatch {
    pub family: Kind,
    /// The figure judged, as printed.
    pub claim: String,
    /// What the other figures give for it, printed like it.
    pub expected: String,
    /// The other figures, as printed, in the relation's order.
    pub terms: Vec<String>,
    /// Only rounding of the printed figures could make it hold.
    pub rounded: bool,
}

fn family_ja(k: Kind) -> &'static str {
    match k {
        Kind::Sum => "内訳の合計",
        Kind::Change => "増減",
        Kind::Rate => "割合",
        Kind::Average => "平均",
        Kind::Equation => "計算式",
        Kind::Balance => "残高の増減",
        Kind::Running => "累計",
        Kind::TargetGap => "目標との差",
        Kind::Identity => "同じ数値",
        Kind::Series => "他の年度の数値",
    }
}

fn family_en(k: Kind) -> &'static str {
    match k {
        Kind::Sum => "the sum of its parts",
        Kind::Change => "the change",
        Kind::Rate => "the rate",
        Kind::Average => "the average",
        Kind::Equation => "the equation",
        Kind::Balance => "the balance rolled forward",
        Kind::Running => "the running total",
        Kind::TargetGap => "the distance to the target",
        Kind::Identity => "the same figure",
        Kind::Series => "the other years' figure",
    }
}

impl Violation for Mismatch {
    fn message(&self, lang: Lang) -> String {
        let (c, e) = (&self.claim, &self.expected);
        let terms_ja = self.terms.join("、");
        let terms_en = self.terms.join(", ");
        match (lang, self.rounded, self.family) {
            (Lang::Ja, true, _) => format!(
                "「{c}」は、表示されている数値（{terms_ja}）から計算すると{e}です。端数処理の前の値で計算している場合は、その旨を記載するか、表示する数値を見直してください。"
            ),
            (Lang::En, true, _) => format!(
                "`{c}` holds only before rounding: the printed figures ({terms_en}) give {e}."
            ),
            (Lang::Ja, false, Kind::Identity) => {
                format!("「{c}」が、同じ数値として記載されている「{terms_ja}」と合いません。")
            }
            (Lang::En, false, Kind::Identity) => {
                format!("`{c}` differs from the same figure stated as `{terms_en}`.")
            }
            (Lang::Ja, false, k) => format!(
                "「{c}」が{}と合いません。{terms_ja} から計算すると{e}です。",
                family_ja(k)
            ),
            (Lang::En, false, k) => format!(
                "`{c}` does not match {} ({terms_en} give {e}).",
                family_en(k)
            ),
        }
    }
    fn found(&self) -> Option<String> {
        Some(self.claim.clone())
    }
    fn expected(&self) -> Option<String> {
        Some(self.expected.clone())
    }
    fn suggestion(&self, lang: Lang) -> Option<String> {
        let (c, e) = (&self.claim, &self.expected);
        Some(match (lang, self.family) {
            (Lang::Ja, Kind::Identity) => {
                format!("どちらが正しいかを確認し、「{c}」か「{e}」に統一してください。")
            }
            (Lang::En, Kind::Identity) => {
                format!("check which is right and write `{c}` or `{e}` in both places")
            }
            (Lang::Ja, _) => {
                format!("「{c}」を「{e}」に直すか、計算のもとになった数値を確認してください。")
            }
            (Lang::En, _) => format!("write `{e}`, or check the figures it is computed from"),
        })
    }
}

/// Reports a relation the printed figures do not give (or give only
/// before rounding, when `rounded`) at its claim's cell, with the cells of
/// the other figures related.
pub fn report(facts: &Facts, r: &Relation, expected: f64, rounded: bool, out: &mut Findings) {
    let members = r.members();
    let claim = &facts.facts[r.claim as usize];
    let at = facts.text_of(claim).at.clone();
    let mut terms: Vec<String> = Vec::new();
    let mut related: Vec<Location> = Vec::new();
    for &m in &members[1..] {
        let x = &facts.facts[m as usize];
        let raw = facts.raw(x).to_string();
        if !terms.contains(&raw) {
            terms.push(raw);
        }
        let loc = facts.text_of(x).at.clone();
        if loc != at && !related.contains(&loc) {
            related.push(loc);
        }
    }
    let expected = if r.kind == Kind::Identity {
        terms.first().cloned().unwrap_or_default()
    } else {
        shown_like(expected, &claim.amount)
    };
    let f = out.push(
        at,
        Mismatch {
            family: r.kind,
            claim: facts.raw(claim).to_string(),
            expected,
            terms,
            rounded,
        },
    );
    for l in related {
        f.related(l);
    }
}

/// Reports every relation of `kind` that fails.
pub fn report_failures(facts: &Facts, rels: &[Relation], kind: Kind, out: &mut Findings) {
    for (r, v) in judged(facts, rels, kind) {
        if let Verdict::Fails { expected } = v {
            report(facts, r, expected, false, out);
        }
    }
}
