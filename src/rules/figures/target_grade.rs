//! 数値目標を達成していないのに個別評価が A、または達成しているのに C であることを指摘します。
//!
//! ## 点検内容
//! 数値目標の行の組（一つのブックにある、一つの指標と年度の目標と実績）ごとに、
//! 比較（以上、以下、未満、超。比較の列、または `91.2%以下` のような目標自身の
//! 記載から読みます）によって達成したかどうかを判定します。負の数値
//! （`▲23.5%以下`）も判定します。目標を達成していないのに個別評価が A、または
//! 達成しているのに個別評価が C であれば、両方の数値を示して指摘します。値自身の
//! 単位を持つ値（N001 を参照してください）は N001 に委ねます。
//!
//! ## 理由
//! 評価は目標から導かれるものです。未達成の目標に A を付けるには、推進会議が
//! 認めた理由が必要で、そうでなければ誤りです。
//!
//! ## 例
//! 指摘あり: 経常収支比率 令和6年度の目標が `91.2%以下`、実績が `94.4%`、個別評価が `A`。
//! 指摘なし: 同じで、個別評価が `B`。
//!
//! ---
//!
//! A 数値目標 missed but graded A, or met but graded C.
//!
//! ## What it checks
//! For each 数値目標 row pair (目標 and 実績 of one indicator and year, in one
//! workbook) the achievement is computed from the comparator (以上, 以下, 未満,
//! 超 — from the 比較 column or the target's own text such as `91.2%以下`),
//! negative figures included (`▲23.5%以下`). A missed target with 個別評価 A, or a met target with
//! 個別評価 C, is reported with both figures. Values in a unit of their own
//! (see N001) are left to N001.
//!
//! ## Why it matters
//! The grade is meant to follow from the target; an A on a missed target needs
//! a reason the committee has agreed to, or it is a slip.
//!
//! ## Example
//! Fails: 経常収支比率 令和6年度 目標 `91.2%以下`, 実績 `94.4%`, 個別評価 `A`.
//! Passes: the same with 個別評価 `B`.

use crate::facts::batch::Batch;
use crate::model::figure::Comparator;
use crate::model::finding::{Lang, Violation};
use crate::model::grade::Grade;
use crate::model::year::FiscalYear;
use crate::rules::{Findings, Rule, action_grade_cell};
use serde::Serialize;

pub struct TargetGrade;

/// An action graded A with its target missed, or C with it met.
#[derive(Debug, Serialize)]
pub struct GradeAgainstTarget {
    pub year: FiscalYear,
    pub met: bool,
    pub target: String,
    /// The comparator as printed after the target, unless the target says it.
    pub comparator: &'static str,
    pub actual: String,
    pub grade: Grade,
}

impl Violation for GradeAgainstTarget {
    fn message(&self, lang: Lang) -> String {
        let (t, c, a, g) = (&self.target, self.comparator, &self.actual, self.grade);
        match lang {
            Lang::Ja => format!(
                "{}の数値目標は目標 {t}{c}、実績 {a}で{}ですが、個別評価は「{g}」です。",
                self.year,
                if self.met { "達成" } else { "未達成" }
            ),
            Lang::En => format!(
                "The {} target was {} (target {t}, actual {a}) but the grade is `{g}`.",
                self.year.short(),
                if self.met { "met" } else { "missed" }
            ),
        }
    }
    fn found(&self) -> Option<String> {
        Some(self.grade.symbol().into())
    }
}

impl Rule for TargetGrade {
    fn check_batch(&self, b: &Batch, out: &mut Findings) {
        let figs = b.targets();
        for actual in figs.values.iter().filter(|v| !v.is_target && !v.own_unit) {
            let Some(id) = actual.action else { continue };
            let Some((_, target)) = figs
                .paired(actual, true, actual.year)
                .find(|(_, v)| !v.own_unit)
            else {
                continue;
            };
            if !target.amount.dim.same(&actual.amount.dim) {
                continue;
            }
            let cmp = target
                .comparator
                .or(actual.comparator)
                .unwrap_or(Comparator::AtLeast);
            let met = cmp.met(actual.amount.value, target.amount.value);
            let Some((cell, cell_at)) = action_grade_cell(b, id, actual.year) else {
                continue;
            };
            let Some(g) = cell.reading.grade() else {
                continue;
            };
            if !matches!((met, g), (false, Grade::A) | (true, Grade::C)) {
                continue;
            }
            out.push(
                cell_at,
                GradeAgainstTarget {
                    year: actual.year,
                    met,
                    target: target.raw.to_string(),
                    comparator: if target.raw.ends_with(cmp.ja()) {
                        ""
                    } else {
                        cmp.ja()
                    },
                    actual: actual.raw.to_string(),
                    grade: g,
                },
            )
            .related(actual.at.clone())
            .related(target.at.clone());
        }
    }
}
