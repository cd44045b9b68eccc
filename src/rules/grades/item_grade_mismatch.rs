//! 取組項目の評価（評価）が、同じ年度の個別評価から推進会議の判断基準で導かれる評価と異なることを指摘します。
//!
//! ## 点検内容
//! 評価年度までの各年度について、シートの個別評価を数え、判断基準を当てはめます。
//! C がなく A が B より多ければ A、C がなく B が A より多いか、C があって A と B の
//! 合計が C より多ければ B、C が A と B の合計より多ければ C です。同数の場合は
//! 推進会議の協議に委ねます（G011 を参照してください）。提出された評価は、導かれた
//! 評価か、同数となった評価のいずれかでなければなりません。指摘には算定の過程を
//! 示します。
//!
//! ## 理由
//! 取組項目の評価は、報告書のまとめの表に載るものです。自らの個別評価と矛盾する
//! 評価は、入力の誤りか、記録されていない判断のいずれかです。
//!
//! ## 例
//! 指摘あり: 個別評価が A、B、B で、評価が `A`（A 1、B 2、C 0 → B）。
//! 指摘なし: 個別評価が A、A、B で、評価が `A`。
//!
//! ---
//!
//! An item grade (評価) that the committee's rule does not give for the
//! action grades (個別評価) of the same year.
//!
//! ## What it checks
//! For each year up to the evaluated one, the action grades of the sheet are
//! counted and the rule applied: A if no C and A outnumbers B; B if no C and B
//! outnumbers A, or some C and A+B outnumber C; C if C outnumbers A+B; a tie is
//! left to the committee (see G011). The submitted grade must be the derived
//! one, or one of the tied grades. The finding shows the derivation.
//!
//! ## Why it matters
//! The item grade is what the report's summary tables print; a grade that
//! contradicts its own action grades is either a typo or an undocumented
//! decision.
//!
//! ## Example
//! Fails: 個別評価 A, B, B and 評価 `A` (A 1, B 2, C 0 → B).
//! Passes: 個別評価 A, A, B and 評価 `A`.

use serde::Serialize;

use crate::facts::batch::{Agreement, Batch};
use crate::facts::grading::{Derived, Tally};
use crate::model::finding::{Lang, Violation};
use crate::model::grade::Grade;
use crate::model::year::FiscalYear;
use crate::rules::{Findings, Rule};

pub struct ItemGradeMismatch;

/// A submitted item grade the rule does not give.
#[derive(Debug, Serialize)]
pub struct NotDerived {
    pub year: FiscalYear,
    pub submitted: Grade,
    pub tally: Tally,
    pub derived: Derived,
}

impl Violation for NotDerived {
    fn message(&self, lang: Lang) -> String {
        let (g, t, d) = (self.submitted, self.tally, self.derived);
        match lang {
            Lang::Ja => format!(
                "{}の評価「{g}」が、個別評価から算定される評価と異なります。個別評価は{}で、{}",
                self.year,
                super::tally_ja(&t),
                match d {
                    Derived::Grade(x) => format!("算定される評価は「{x}」です。"),
                    Derived::Tie(x, y) => format!(
                        "判断基準では「{x}」と「{y}」のどちらとも決まらないため、協議により「{x}」か「{y}」とします。"
                    ),
                }
            ),
            Lang::En => format!(
                "The {} item grade `{g}` differs from the one derived from the action grades ({t} → {d}).",
                self.year.short()
            ),
        }
    }
    fn found(&self) -> Option<String> {
        Some(self.submitted.symbol().into())
    }
    fn expected(&self) -> Option<String> {
        Some(self.derived.to_string())
    }
}

impl Rule for ItemGradeMismatch {
    fn check_batch(&self, b: &Batch, out: &mut Findings) {
        for (sheet, cell, iy) in b.item_grades() {
            if let (Some(submitted), Agreement::Differs) = (iy.submitted, iy.agreement) {
                out.push(
                    sheet.loc(cell.cell),
                    NotDerived {
                        year: cell.year,
                        submitted,
                        tally: iy.tally,
                        derived: iy.derived,
                    },
                );
            }
        }
    }
}
