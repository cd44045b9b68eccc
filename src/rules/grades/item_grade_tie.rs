//! 個別評価が同数となったため、推進会議の協議で決める取組項目の評価を知らせます。
//!
//! ## 点検内容
//! A と B が同数（C はなし）のとき、または A と B の合計が C と同数のときは、
//! 判断基準では決まらず、推進会議が協議で決めます。提出された評価が同数となった
//! 評価のいずれかであれば、その評価のままとします。この指摘は、同数であったことを
//! 記録し、同数となった評価を示すもので、報告書にその旨を記載できるようにします。
//!
//! ## 理由
//! 報告書には、どの取組項目の評価が判断基準ではなく協議によって決まったかを
//! 記載しなければなりません。事務局は会議の前にその一覧を必要とします。
//!
//! ## 例
//! 知らせあり: 個別評価が A、A、B、B で、評価が `B`（A 2、B 2、C 0: A と B が同数）。
//! 知らせなし: 個別評価が A、A、B で、評価が `A`。
//!
//! ---
//!
//! An item grade decided by the committee because the action grades tie.
//!
//! ## What it checks
//! When A and B are equally many (and there is no C), or A+B equals C, the rule
//! does not decide: the committee does (協議). The submitted grade stands if it
//! is one of the tied grades; this finding records that it was a tie and names
//! the tied grades, so the report can say so.
//!
//! ## Why it matters
//! The report must state which item grades were decided by discussion rather
//! than by the rule; the planning office needs the list before the meeting.
//!
//! ## Example
//! Reported: 個別評価 A, A, B, B and 評価 `B` (A 2, B 2, C 0: A/B tie).
//! Not reported: 個別評価 A, A, B and 評価 `A`.

use serde::Serialize;

use crate::facts::batch::{Agreement, Batch};
use crate::facts::grading::{Derived, Tally};
use crate::model::finding::{Lang, Violation};
use crate::model::grade::Grade;
use crate::model::year::FiscalYear;
use crate::rules::{Findings, Rule};

pub struct ItemGradeTie;

/// An item grade decided by the committee between two tied grades.
#[derive(Debug, Serialize)]
pub struct Tie {
    pub year: FiscalYear,
    pub tied: (Grade, Grade),
    pub decided: Grade,
    pub tally: Tally,
}

impl Violation for Tie {
    fn message(&self, lang: Lang) -> String {
        let ((x, y), g, t) = (self.tied, self.decided, self.tally);
        match lang {
            Lang::Ja => format!(
                "{}の評価は、個別評価が{}で、判断基準では「{x}」と「{y}」のどちらとも決まらないため、協議により「{g}」と決定されています。",
                self.year,
                super::tally_ja(&t)
            ),
            Lang::En => format!(
                "The {} item grade is a tie between {x} and {y}, decided by the committee as `{g}` ({t}).",
                self.year.short()
            ),
        }
    }
    fn found(&self) -> Option<String> {
        Some(self.decided.symbol().into())
    }
    fn expected(&self) -> Option<String> {
        Some(Derived::Tie(self.tied.0, self.tied.1).to_string())
    }
}

impl Rule for ItemGradeTie {
    fn check_batch(&self, b: &Batch, out: &mut Findings) {
        for (sheet, cell, iy) in b.item_grades() {
            if let (Derived::Tie(x, y), Some(decided), Agreement::Tie) =
                (iy.derived, iy.submitted, iy.agreement)
            {
                out.push(
                    sheet.loc(cell.cell),
                    Tie {
                        year: cell.year,
                        tied: (x, y),
                        decided,
                        tally: iy.tally,
                    },
                );
            }
        }
    }
}
