//! 評価の済んだ年度の評価が空欄になっていることを指摘します。
//!
//! ## 点検内容
//! すべての評価と個別評価の行で、評価年度までの各年度に評価（`A`、`B`、`C`、
//! または理由を添えた `—`）が入っていなければなりません。空欄のセルと、その
//! 年度の列そのものがない行を指摘します。
//!
//! ## 理由
//! 空欄のセルは、件数の集計と取組項目の評価の算定から抜け落ちます。誰も
//! そう決めていないのに、まとめの表に載る評価の数が取組内容の数より少なく
//! なってしまいます。
//!
//! ## 例
//! 指摘あり（令和6年度を評価する場合）: 個別評価 令和6年度が空欄。
//! 指摘なし: `B` が入っている。令和7年度と令和8年度は空欄のままでも `—` でも構いません。
//!
//! ---
//!
//! An empty grade for a year that has been evaluated.
//!
//! ## What it checks
//! In every 評価 and 個別評価 row, each year up to the evaluated fiscal year
//! must have a grade (`A`, `B`, `C`, or `—` with a reason). An empty cell, or
//! a row that has no column for such a year at all, is reported.
//!
//! ## Why it matters
//! An empty cell drops out of the counts and of the item-grade derivation; the
//! summary would print fewer grades than actions without anyone deciding so.
//!
//! ## Example
//! Fails (evaluating 令和6年度): 個別評価 令和6年度 is empty.
//! Passes: it holds `B`; 令和7年度 and 令和8年度 may stay empty or hold `—`.

use serde::Serialize;

use crate::facts::batch::Batch;
use crate::model::finding::{Lang, Violation};
use crate::model::grade::GradeReading;
use crate::model::year::FiscalYear;
use crate::rules::{Findings, Rule};

pub struct MissingGrade;

/// A grade row without a grade for an evaluated year.
#[derive(Debug, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Missing {
    /// The year's cell is empty.
    Empty { year: FiscalYear },
    /// The row has no column for the year.
    NoColumn { year: FiscalYear },
}

impl Violation for Missing {
    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Missing::Empty { year }, Lang::Ja) => format!("{year}の評価が空欄です。"),
            (Missing::Empty { year }, Lang::En) => {
                format!("The {} grade is empty.", year.short())
            }
            (Missing::NoColumn { year }, Lang::Ja) => {
                format!("評価の行に{year}の列がありません。")
            }
            (Missing::NoColumn { year }, Lang::En) => {
                format!("The grade row has no column for {}.", year.short())
            }
        }
    }
    fn expected(&self) -> Option<String> {
        Some(match self {
            Missing::Empty { .. } => "A / B / C / —".into(),
            Missing::NoColumn { year } => year.label(),
        })
    }
}

impl Rule for MissingGrade {
    fn check_batch(&self, b: &Batch, out: &mut Findings) {
        let due: Vec<_> = b
            .plan
            .years()
            .into_iter()
            .filter(|y| *y <= b.year)
            .collect();
        for (_, sheet) in b.records() {
            for row in sheet.grade_rows() {
                for &year in &due {
                    match row.cell(year) {
                        Some(c) if c.reading == GradeReading::Empty => {
                            out.push(sheet.loc(c.cell), Missing::Empty { year });
                        }
                        Some(_) => {}
                        None => {
                            out.push(sheet.loc(row.label), Missing::NoColumn { year });
                        }
                    }
                }
            }
        }
    }
}
