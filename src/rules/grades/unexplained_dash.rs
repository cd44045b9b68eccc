//! 評価の済んだ年度の `—`（評価不可）で、近くに理由が書かれていないものを指摘します。
//!
//! ## 点検内容
//! `—` は、その取組内容を評価できなかったこと（実施時期が来ていない、休止した
//! など）を表します。評価年度までの年度の `—` には理由が必要です。同じ行の評価の
//! 右側にある注記か、その事業のその年度の取組・成果の欄にある、そのことを述べた
//! 文章（未実施、対象外、休止、中止、延期、見送り、評価不可、時期に達していない
//! …）を理由とみなします。取組項目の評価の `—` は、その年度の個別評価がすべて `—`
//! であれば理由があるものとみなします。
//!
//! ## 理由
//! 理由のない `—` は、決め忘れた評価であることがよくあります。推進会議がそれを
//! 認めるには理由が必要です。
//!
//! ## 例
//! 指摘あり: 個別評価 令和6年度が `—` で、令和6年度の取組の欄には実施した内容が書かれている。
//! 指摘なし: 同じ状態で、評価の右側に `令和6年度は事業休止のため評価不可` と入力されている。
//!
//! ---
//!
//! `—` (評価不可) in an evaluated year without a reason nearby.
//!
//! ## What it checks
//! `—` means the action could not be evaluated (its time has not come, it was
//! suspended …). For a year up to the evaluated one, a `—` needs a reason: a
//! note right of the grades on the same row, or a text of that year's 取組 /
//! 成果 panels of the block saying so (未実施, 対象外, 休止, 中止, 延期, 見送り,
//! 評価不可, 時期に達していない …). An item grade `—` is explained when every
//! action grade of that year is `—`.
//!
//! ## Why it matters
//! An unexplained `—` is often a grade someone forgot to decide; the committee
//! needs the reason to accept it.
//!
//! ## Example
//! Fails: 個別評価 令和6年度 `—`, and the 令和6年度の取組 text describes work done.
//! Passes: the same, with `令和6年度は事業休止のため評価不可` typed right of the grades.

use serde::Serialize;

use crate::facts::batch::Batch;
use crate::model::finding::{Lang, Violation};
use crate::model::grade::Grade;
use crate::model::sheet::GradeRow;
use crate::model::year::FiscalYear;
use crate::rules::{Findings, Rule};

pub struct UnexplainedDash;

/// A `—` in an evaluated year with no reason nearby.
#[derive(Debug, Serialize)]
pub struct NoReason {
    pub year: FiscalYear,
    pub typed: String,
}

impl Violation for NoReason {
    fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::Ja => format!(
                "{}は評価済みの年度ですが「—」（評価不可）で、理由が見当たりません。",
                self.year
            ),
            Lang::En => format!(
                "{} has been evaluated but the grade is `—` with no reason given.",
                self.year.short()
            ),
        }
    }
    fn found(&self) -> Option<String> {
        Some(self.typed.clone())
    }
    fn suggestion(&self, lang: Lang) -> Option<String> {
        Some(
            match lang {
                Lang::Ja => "評価を記入するか、評価の右の欄に評価不可の理由を記入してください。",
                Lang::En => "give a grade, or write the reason right of the grades",
            }
            .into(),
        )
    }
}

/// Whether a year's `—` of a row is explained by the rest of the sheet.
type Explained<'a> = Box<dyn Fn(FiscalYear) -> bool + 'a>;

fn note_explains(row: &GradeRow) -> bool {
    row.note
        .as_ref()
        .is_some_and(|n| !n.value.trim().is_empty())
}

impl Rule for UnexplainedDash {
    fn check_batch(&self, b: &Batch, out: &mut Findings) {
        for (_, sheet) in b.records() {
            let mut rows: Vec<(&GradeRow, Explained)> = Vec::new();
            if let Some(r) = &sheet.item_grades {
                let all_dash = |y: FiscalYear| {
                    let gs: Vec<_> = sheet
                        .projects
                        .iter()
                        .filter_map(|p| p.grades.as_ref().and_then(|g| g.grade(y)))
                        .collect();
                    !gs.is_empty() && gs.iter().all(|g| *g == Grade::NotEvaluable)
                };
                rows.push((r, Box::new(all_dash)));
            }
            for p in &sheet.projects {
                if let Some(r) = &p.grades {
                    rows.push((r, Box::new(move |y| p.reasons.contains(&y))));
                }
            }
            for (row, explained) in rows {
                for (c, raw) in row.cells_with_raw().filter(|(c, _)| c.year <= b.year) {
                    if c.reading.grade() == Some(Grade::NotEvaluable)
                        && !note_explains(row)
                        && !explained(c.year)
                    {
                        out.push(
                            sheet.loc(c.cell),
                            NoReason {
                                year: c.year,
                                typed: raw.to_string(),
                            },
                        );
                    }
                }
            }
        }
    }
}
