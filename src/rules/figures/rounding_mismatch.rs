//! 同じ金額を二つの桁で記載し、端数処理をしても一致しないものを指摘します。
//!
//! ## 点検内容
//! - 数値目標の値と、その取組内容と年度のシートの文章にある同じ数量（同じ種類で
//!   最も近い数値で、差が0.5%以内のもの）とを比べます。例: `9,201,903千円` と
//!   `令和6年度末現在高 9,201,902,641円`。
//! - 一つの具体的な取組と年度の中で、一つの金額を二つの桁で記載したものを比べます。
//!   同じ対象を 円 と 千円 で記載したもの（`令和6年度末現在高 9,201,902,641円` と
//!   `…9,201,903千円`）、または千円・百万円・億円の金額と、その3%以内にある 円 の
//!   金額（`8億円を取崩した` と `取崩額 800,000,000円`）です。
//!
//! 両者の差は、桁の粗い方の数値の最後に記載された桁の1単位未満でなければなりません
//! （四捨五入も切捨ても見られます）。約 が記載されているときは5%未満とします。
//!
//! ## 理由
//! 手作業で端数処理をした表は、もとの数値から少しずつずれていきます。推進会議は
//! その表を引用します。
//!
//! ## 例
//! 指摘あり: 実績が `9,201,900千円` で、文章には `9,201,902,641円` とある。
//! 指摘なし: `9,201,903千円`（四捨五入）または `9,201,902千円`（切捨て）。
//!
//! ---
//!
//! The same amount printed in two scales that do not agree after rounding.
//!
//! ## What it checks
//! - A 数値目標 value against the same quantity in the sheet text of its
//!   action and year (the closest figure of the same kind, within 0.5%):
//!   `9,201,903千円` against `令和6年度末現在高 9,201,902,641円`.
//! - Within one 具体的な取組 and year, one amount in two scales: the same
//!   subject printed in 円 and in 千円 (`令和6年度末現在高 9,201,902,641円` and
//!   `…9,201,903千円`), or an amount in 千円/百万円/億円 and one in 円 within 3%
//!   of it (`8億円を取崩した` against `取崩額 800,000,000円`).
//!
//! They must differ by less than one unit of the last printed digit of the
//! coarser figure (rounding and truncation both occur), or by 5% when 約 is
//! printed.
//!
//! ## Why it matters
//! A table rounded by hand drifts from the figures it summarises; the
//! committee quotes the table.
//!
//! ## Example
//! Fails: 実績 `9,201,900千円` while the text says `9,201,902,641円`.
//! Passes: `9,201,903千円` (rounded) or `9,201,902千円` (truncated).

use crate::facts::batch::Batch;
use crate::facts::file::FileCx;
use crate::facts::quantity::Fact;
use crate::facts::quantity::unit::Dim;
use crate::facts::relations::sum::is_change;
use crate::facts::relations::{Kind, Verdict};
use crate::model::finding::{Lang, Violation};
use crate::rules::figures::judged::{judged, report};
use crate::rules::figures::rel_diff;
use crate::rules::figures::{report_target_text, two_scales};
use crate::rules::{Findings, Rule};

pub struct RoundingMismatch;

impl Rule for RoundingMismatch {
    /// A 数値目標 value against its action's text: across files.
    fn check_batch(&self, b: &Batch, out: &mut Findings) {
        report_target_text(b, false, out);
    }

    /// One amount printed in two scales within a file's measures.
    fn check_file(&self, f: &FileCx, out: &mut Findings) {
        let q = f.quantities();
        for (r, v) in judged(&q.facts, &q.relations, Kind::Identity) {
            let (a, o) = (
                &q.facts.facts[r.claim as usize],
                &q.facts.facts[r.members()[1] as usize],
            );
            if !two_scales(a, o) {
                continue; // N010's
            }
            if let Verdict::Fails { expected } = v {
                report(&q.facts, r, expected, false, out);
            }
        }
        // A rounded amount beside the exact one it rounds (`8億円を取崩した`,
        // `取崩額 800,000,000円`), whatever the words.
        let facts = &q.facts;
        for (i, coarse) in facts.facts.iter().enumerate() {
            if coarse.amount.dim != Dim::Money || coarse.amount.step < 1000.0 || is_change(coarse) {
                continue;
            }
            let place = facts.place_of(coarse);
            let (Some(m), Some(year)) = (place.measure(), facts.year_of(coarse)) else {
                continue;
            };
            let exact: Vec<&Fact> = facts
                .facts
                .iter()
                .enumerate()
                .filter(|(j, e)| {
                    *j != i
                        && e.amount.dim == Dim::Money
                        && e.amount.step <= 1.0
                        && !is_change(e)
                        && facts.place_of(e).measure() == Some(m)
                        && facts.year_of(e) == Some(year)
                        && rel_diff(e.amount.value, coarse.amount.value) < SAME_AMOUNT_IN_TEXT
                })
                .map(|(_, e)| e)
                .collect();
            if exact.is_empty() || exact.iter().any(|e| e.amount.agrees(&coarse.amount)) {
                continue;
            }
            let e = exact[0];
            out.push(
                facts.text_of(coarse).at.clone(),
                DoesNotRound {
                    coarse: facts.raw(coarse).to_string(),
                    label: facts.written_label(e),
                    exact: facts.raw(e).to_string(),
                },
            );
        }
    }
}

/// How close two amounts in different scales must be to count as one amount.
const SAME_AMOUNT_IN_TEXT: f64 = 0.03;

/// An amount in 千円, 百万円 or 億円 that does not round from the same
/// amount printed in 円 nearby.
#[derive(Debug, serde::Serialize)]
pub struct DoesNotRound {
    pub coarse: String,
    pub label: String,
    pub exact: String,
}

impl Violation for DoesNotRound {
    fn message(&self, lang: Lang) -> String {
        let (c, l, e) = (&self.coarse, &self.label, &self.exact);
        match lang {
            Lang::Ja => format!("「{c}」が同じ年度の{l} {e}を丸めた値と合いません。"),
            Lang::En => format!("`{c}` does not round from {l} {e} of the same year."),
        }
    }
    fn found(&self) -> Option<String> {
        Some(self.coarse.clone())
    }
    fn expected(&self) -> Option<String> {
        Some(self.exact.clone())
    }
}
