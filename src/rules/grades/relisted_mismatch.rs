//! （再掲）の取組内容で、再掲元の取組内容と異なる評価が付いているものを指摘します。
//!
//! ## 点検内容
//! 計画は、どの取組内容が他の取組項目の取組内容の再掲（（再掲））であるかを
//! 定めています（例: 2-(3)-② は 2-(2)-③ の再掲です）。両方に評価が付いている
//! すべての年度で、評価は同じでなければなりません。指摘は再掲の側を示し、
//! 再掲元のセルを添えます。
//!
//! ## 理由
//! 再掲の取組内容は、一つの取組を二か所で報告するものです。評価が二つあるのは
//! どちらかのシートが更新されていないことを意味し、報告書の件数も食い違って
//! しまいます。
//!
//! ## 例
//! 指摘あり: 2-(2) ③ の個別評価 令和6年度が `A`、2-(3) ②（再掲）の令和6年度が `B`。
//! 指摘なし: どちらも `A`。
//!
//! ---
//!
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

use serde::Serialize;

use crate::facts::batch::Batch;
use crate::model::finding::{Lang, Violation};
use crate::model::grade::Grade;
use crate::model::location::Location;
use crate::model::plan::ActionId;
use crate::model::year::FiscalYear;
use crate::rules::{Findings, Rule, action_grade_cell};

pub struct RelistedMismatch;

/// A （再掲） action graded otherwise than the action it repeats.
#[derive(Debug, Serialize)]
pub struct RepeatDiffers {
    pub action: ActionId,
    pub original: ActionId,
    pub year: FiscalYear,
    pub grade: Grade,
    pub original_grade: Grade,
    #[serde(skip)]
    pub original_at: Location,
}

impl Violation for RepeatDiffers {
    fn message(&self, lang: Lang) -> String {
        let (a, o, y, g1, g2, at) = (
            self.action,
            self.original,
            self.year,
            self.grade,
            self.original_grade,
            &self.original_at,
        );
        match lang {
            Lang::Ja => format!(
                "{a}（再掲）の{y}の個別評価「{g1}」が、再掲元 {o} の「{g2}」（{at}）と異なります。"
            ),
            Lang::En => format!(
                "{a} repeats {o}, but its {} grade `{g1}` differs from the original's `{g2}` ({at}).",
                y.short()
            ),
        }
    }
    fn found(&self) -> Option<String> {
        Some(self.grade.symbol().into())
    }
    fn expected(&self) -> Option<String> {
        Some(self.original_grade.symbol().into())
    }
}

impl Rule for RelistedMismatch {
    fn check_batch(&self, b: &Batch, out: &mut Findings) {
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
                        here_at,
                        RepeatDiffers {
                            action: action.id,
                            original: orig,
                            year: y,
                            grade: g1,
                            original_grade: g2,
                            original_at: there_at.clone(),
                        },
                    )
                    .related(there_at);
                }
            }
        }
    }
}
