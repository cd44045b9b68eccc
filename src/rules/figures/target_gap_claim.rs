//! 記載された目標との差が、数値目標の数値から導かれないことを指摘します。
//!
//! ## 点検内容
//! 文章が述べる目標との差を対象にします。目標の数値を示しているもの（`目標（35分）を
//! 4分下回り`、`目標の82.0%を0.5ポイント上回った`、`計画値（1,295人）を7人上回った`、
//! `目標（90.5%）には1.1ポイント届かなかった`）は、その文またはその年度の具体的な
//! 取組の文章にある実績の数値と比べます。示していないもの（`目標値を3.2ポイント
//! 上回った`）は、その取組内容のその年度の数値目標の行の 実績 − 目標 と比べます
//! （読む文章は集約に用いるシートのものです。数値目標の行はどのファイルにあっても
//! 構いません）。差の大きさは記載どおりに一致しなければならず、上回 は実績が目標より
//! 大きいこと、下回 は小さいことを意味しなければなりません。
//!
//! ## 理由
//! 文章は読む人が引用するものです。表と食い違っていれば、どちらかが誤っています。
//!
//! ## 例
//! 指摘あり: 目標が `91.2%以下`、実績が `94.4%` で、文章が `目標値を2.3ポイント上回った`。
//! 指摘なし: `目標値を3.2ポイント上回った`。
//!
//! ---
//!
//! A stated distance to the target that the 数値目標 figures do not give.
//!
//! ## What it checks
//! A distance to the target claimed in a text: with the target named in it
//! (`目標（35分）を4分下回り`, `目標の82.0%を0.5ポイント上回った`, `計画値（1,295人）を7人
//! 上回った`, `目標（90.5%）には1.1ポイント届かなかった`) against the actual figure of
//! the sentence or of the year's texts of the measure; and without it
//! (`目標値を3.2ポイント上回った`) against 実績 − 目標 of the action's 数値目標 row for
//! that year (the texts read are those of the sheets the consolidation uses;
//! the 数値目標 row may be in any file). The size must match as printed, and
//! 上回 must mean actual above target, 下回 below.
//!
//! ## Why it matters
//! The sentence is what readers quote; if it disagrees with the table, one of
//! them is wrong.
//!
//! ## Example
//! Fails: 目標 `91.2%以下`, 実績 `94.4%`, text `目標値を2.3ポイント上回った`.
//! Passes: `目標値を3.2ポイント上回った`.

use crate::facts::batch::Batch;
use crate::facts::file::FileCx;
use crate::facts::quantity::label::Direction;
use crate::facts::quantity::unit::Dim;
use crate::facts::relations::{Kind, Verdict};
use crate::model::figure::group_digits;
use crate::model::finding::{Lang, Violation};
use crate::model::plan::ActionId;
use crate::rules::figures::judged::report_failures;
use crate::rules::{Findings, Rule};
use serde::Serialize;

pub struct TargetGapClaim;

/// A claimed distance to the target that the 数値目標 figures do not give.
#[derive(Debug, Serialize)]
pub struct GapDiffers {
    pub claimed: String,
    pub target: String,
    pub actual: String,
    /// actual − target.
    pub gap: f64,
}

impl GapDiffers {
    fn shown(&self) -> String {
        format!(
            "{}{}",
            group_digits(self.gap.abs(), 1),
            if self.gap >= 0.0 { "上回" } else { "下回" }
        )
    }
}

impl Violation for GapDiffers {
    fn message(&self, lang: Lang) -> String {
        let (c, t, a) = (&self.claimed, &self.target, &self.actual);
        match lang {
            Lang::Ja => format!(
                "「目標値を{c}…」とありますが、目標 {t} と実績 {a} の差は{}です。",
                self.shown()
            ),
            Lang::En => format!(
                "The text says the target was missed/beaten by {c}, but target {t} and actual {a} differ by {}.",
                group_digits(self.gap, 1)
            ),
        }
    }
    fn found(&self) -> Option<String> {
        Some(self.claimed.clone())
    }
    fn expected(&self) -> Option<String> {
        Some(self.shown())
    }
}

impl Rule for TargetGapClaim {
    /// A gap to a target named in the text.
    fn check_file(&self, f: &FileCx, out: &mut Findings) {
        let q = f.quantities();
        report_failures(&q.facts, &q.relations, Kind::TargetGap, out);
    }

    /// A gap to the 数値目標 sheet's target.
    fn check_batch(&self, b: &Batch, out: &mut Findings) {
        let q = b.quantities();
        let with_target: Vec<u32> = q
            .relations
            .iter()
            .filter(|r| r.kind == Kind::TargetGap)
            .map(|r| r.claim)
            .collect();
        for t in &q.facts.texts {
            let crate::facts::quantity::Place::Panel {
                sheet,
                project,
                year,
                ..
            } = t.place
            else {
                continue;
            };
            for i in t.facts.clone() {
                let p = &q.facts.facts[i as usize];
                if with_target.contains(&i) || !matches!(p.amount.dim, Dim::Points | Dim::Percent) {
                    continue;
                }
                let sign = match p.direction {
                    Some(Direction::Up) => 1.0,
                    Some(Direction::Down) => -1.0,
                    _ => continue,
                };
                let (before, _) = q.facts.around(p);
                if !(before.ends_with("目標値を") || before.ends_with("目標を")) {
                    continue;
                }
                let r = q.sheets[sheet as usize];
                let Some(s) = b.source(r) else { continue };
                let (Some(item), Some(number)) = (s.item_id(), s.projects[project as usize].number)
                else {
                    continue;
                };
                let id = ActionId { item, number };
                let pick = |target: bool| {
                    b.targets().values.iter().find(|v| {
                        v.action == Some(id)
                            && v.year == year
                            && v.is_target == target
                            && !v.own_unit
                    })
                };
                let (Some(target), Some(actual)) = (pick(true), pick(false)) else {
                    continue;
                };
                let gap = actual.amount.value - target.amount.value;
                let claimed = sign * p.amount.value;
                let tol = p.amount.rounding()
                    + actual.amount.rounding()
                    + target.amount.rounding()
                    + 1e-9;
                if (gap - claimed).abs() <= tol {
                    continue;
                }
                out.push(
                    t.at.clone(),
                    GapDiffers {
                        claimed: q.facts.raw(p).to_string(),
                        target: target.raw.to_string(),
                        actual: actual.raw.to_string(),
                        gap,
                    },
                )
                .related(actual.at.clone());
            }
        }
        let _ = Verdict::Holds;
    }
}
