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

use crate::derive::batch::Batch;
use crate::model::figure::Comparator;
use crate::model::finding::{Finding, Severity, Text};
use crate::model::grade::Grade;
use crate::rules::{Rule, action_grade_cell};

pub struct TargetGrade;

impl Rule for TargetGrade {
    fn code(&self) -> &'static str {
        "N003"
    }
    fn name(&self) -> &'static str {
        "target-vs-grade"
    }
    fn severity(&self) -> Severity {
        Severity::Warning
    }
    fn check_batch(&self, b: &Batch, out: &mut Vec<Finding>) {
        let figs = b.figures();
        for actual in figs.targets.iter().filter(|v| !v.is_target && !v.own_unit) {
            let Some(id) = actual.action else { continue };
            let Some((_, target)) = figs
                .paired(actual, true, actual.year)
                .find(|(_, v)| !v.own_unit)
            else {
                continue;
            };
            if !target.figure.unit.same_kind(&actual.figure.unit) {
                continue;
            }
            let cmp = target
                .comparator
                .or(actual.comparator)
                .unwrap_or(Comparator::AtLeast);
            let met = cmp.met(actual.figure.value, target.figure.value);
            let Some((cell, cell_at)) = action_grade_cell(b, id, actual.year) else {
                continue;
            };
            let Some(g) = cell.reading.grade() else {
                continue;
            };
            let (bad, ja, en) = match (met, g) {
                (false, Grade::A) => (true, "未達成", "missed"),
                (true, Grade::C) => (true, "達成", "met"),
                _ => (false, "", ""),
            };
            if !bad {
                continue;
            }
            out.push(
                self.finding(
                    cell_at,
                    Text::new(
                        format!(
                            "{}の数値目標は{}（目標 {}{}、実績 {}）ですが、個別評価は「{}」です。",
                            actual.year,
                            ja,
                            target.raw,
                            if target.raw.ends_with(cmp.ja()) {
                                ""
                            } else {
                                cmp.ja()
                            },
                            actual.raw,
                            g
                        ),
                        format!(
                            "The {} target was {} (target {}, actual {}) but the grade is `{}`.",
                            actual.year.short(),
                            en,
                            target.raw,
                            actual.raw,
                            g
                        ),
                    ),
                )
                .found(g.symbol())
                .related(actual.at.clone())
                .related(target.at.clone()),
            );
        }
    }
}
