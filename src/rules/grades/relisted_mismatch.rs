//! An action marked （再掲） graded differently from the action it repeats.
//!
//! ## What it checks
//! The plan says which actions repeat another item's action (（再掲）, e.g.
//! 2-(3)-② repeats 2-(2)-③). In every year both are graded, the grades must
//! be equal. The finding points at the repeat and names the original's cell.
//!
//! ## Why it matters
//! A repeated action is one piece of work reported in two places; two grades
//! for it mean one of the sheets was not updated, and the counts of the report
//! would disagree with themselves.
//!
//! ## Example
//! Fails: 2-(2) ③ 個別評価 令和6年度 `A`, 2-(3) ② （再掲） 令和6年度 `B`.
//! Passes: both `A`.

use crate::derive::batch::Batch;
use crate::model::finding::{Finding, Severity, Text};
use crate::rules::{Rule, action_grade_cell};

pub struct RelistedMismatch;

impl Rule for RelistedMismatch {
    fn code(&self) -> &'static str {
        "G012"
    }
    fn name(&self) -> &'static str {
        "relisted-grade-mismatch"
    }
    fn severity(&self) -> Severity {
        Severity::Error
    }
    fn check_batch(&self, b: &Batch, out: &mut Vec<Finding>) {
        for action in b.plan.actions() {
            let Some(orig) = action.relists() else {
                continue;
            };
            for y in b.plan.years().into_iter().filter(|y| *y <= b.year) {
                let (Some((here, here_at)), Some((there, there_at))) = (
                    action_grade_cell(b, action.id, y),
                    action_grade_cell(b, orig, y),
                ) else {
                    continue;
                };
                let (Some(g1), Some(g2)) = (here.reading.grade(), there.reading.grade()) else {
                    continue;
                };
                if g1 != g2 {
                    out.push(
                        self.finding(
                            here_at,
                            Text::new(
                                format!("{}（再掲）の{}の個別評価「{}」が、再掲元 {} の「{}」（{}）と異なります。", action.id, y, g1, orig, g2, there_at),
                                format!("{} repeats {}, but its {} grade `{}` differs from the original's `{}` ({}).", action.id, orig, y.short(), g1, g2, there_at),
                            ),
                        )
                        .found(g1.symbol())
                        .expected(g2.symbol())
                        .related(there_at.clone()),
                    );
                }
            }
        }
    }
}
