//! 評価年度より後の年度に評価が入っていることを指摘します。
//!
//! ## 点検内容
//! 評価年度より後の年度のセルは、空欄か `—` でなければなりません。そこに `A`、
//! `B`、`C` があれば指摘します。
//!
//! ## 理由
//! まだ終わっていない年度を評価することはできません。このような評価は多くの
//! 場合、一つ右の列に入力されたもので、その結果、評価年度の評価も誤っているか
//! 空欄になっています。
//!
//! ## 例
//! 指摘あり（令和6年度を評価する場合）: 個別評価 令和7年度が `A`。
//! 指摘なし: 令和7年度が `—`。
//!
//! ---
//!
//! A grade given for a year after the evaluated fiscal year.
//!
//! ## What it checks
//! Cells of years after the evaluated fiscal year must be empty or `—`; an
//! `A`, `B` or `C` there is reported.
//!
//! ## Why it matters
//! A year not yet over cannot have been evaluated: such a grade is usually
//! typed one column too far to the right, which also leaves the evaluated
//! year's grade wrong or empty.
//!
//! ## Example
//! Fails (evaluating 令和6年度): 個別評価 令和7年度 holds `A`.
//! Passes: 令和7年度 holds `—`.

use serde::Serialize;

use crate::facts::batch::Batch;
use crate::model::finding::{Lang, Violation};
use crate::model::grade::Grade;
use crate::model::sheet::GradeRow;
use crate::model::year::FiscalYear;
use crate::rules::{Findings, Rule};

pub struct FutureGrade;

/// A grade in a year after the evaluated one.
#[derive(Debug, Serialize)]
pub struct AfterEvaluatedYear {
    pub year: FiscalYear,
    pub evaluated: FiscalYear,
    pub grade: Grade,
    pub typed: String,
}

impl Violation for AfterEvaluatedYear {
    fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::Ja => format!(
                "評価年度（{}）より後の{}に評価「{}」があります。",
                self.evaluated, self.year, self.grade
            ),
            Lang::En => format!(
                "A grade `{}` for {}, after the evaluated year {}.",
                self.grade,
                self.year.short(),
                self.evaluated.short()
            ),
        }
    }
    fn found(&self) -> Option<String> {
        Some(self.typed.clone())
    }
    fn expected(&self) -> Option<String> {
        Some("— / 空欄".into())
    }
}

impl Rule for FutureGrade {
    fn check_batch(&self, b: &Batch, out: &mut Findings) {
        for (_, sheet) in b.records() {
            let cells = sheet.grade_rows().flat_map(GradeRow::cells_with_raw);
            for (cell, raw) in cells.filter(|(c, _)| c.year > b.year) {
                let Some(g) = cell.reading.grade().filter(|g| *g != Grade::NotEvaluable) else {
                    continue;
                };
                out.push(
                    sheet.loc(cell.cell),
                    AfterEvaluatedYear {
                        year: cell.year,
                        evaluated: b.year,
                        grade: g,
                        typed: raw.to_string(),
                    },
                );
            }
        }
    }
}
