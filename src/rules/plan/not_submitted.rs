//! 計画の取組項目のうち、どのブックからも提出されていないもの（未提出）を指摘します。
//!
//! ## 点検内容
//! 計画のすべての取組項目について、入力の中に評価シートがなければなりません。指摘は
//! その取組項目と、計画が定める担当課を示します。ファイルがないため、どのファイルも
//! 指さず、場所は `計画` と取組項目の番号になります。
//!
//! ## 理由
//! 推進会議の前に、事務局はすべての未提出のシートを催促しなければなりません。それが
//! なければ報告書は完成しません。一つの担当課のブックだけを点検するときは、この
//! ルールを除外してください（`--ignore P003`）。
//!
//! ## 例
//! 指摘あり: 入力に18の取組項目のうち17のシートがあり、4-(5) がない。
//! 指摘なし: 18の取組項目がすべてある。
//!
//! ---
//!
//! A 取組項目 of the plan that no workbook submitted (未提出).
//!
//! ## What it checks
//! Every item of the plan must have a 評価シート in the inputs. The finding
//! names the item and the departments the plan gives for it; it points at no
//! file, since there is none: its place is `計画` (the plan) and the item id.
//!
//! ## Why it matters
//! Before the committee meets, the planning office must chase every missing
//! sheet; the report cannot be complete without it. When checking a single
//! department's workbook, ignore this rule (`--ignore P003`).
//!
//! ## Example
//! Fails: the inputs hold sheets for 17 of the 18 items; 4-(5) is missing.
//! Passes: all 18 items are there.

use serde::Serialize;

use crate::facts::batch::Batch;
use crate::model::finding::{Lang, Violation};
use crate::model::location::Location;
use crate::model::plan::ItemId;
use crate::rules::{Findings, Rule};

pub struct NotSubmitted;

/// A plan item no sheet was submitted for.
#[derive(Debug, Serialize)]
pub struct Unsubmitted {
    pub item: ItemId,
    pub name: String,
    pub departments: Vec<String>,
}

impl Violation for Unsubmitted {
    fn message(&self, lang: Lang) -> String {
        let (i, n) = (self.item, &self.name);
        match lang {
            Lang::Ja => format!("取組項目 {i} {n} の評価シートが未提出です。"),
            Lang::En => format!("No evaluation sheet was submitted for item {i} {n}."),
        }
    }
    fn expected(&self) -> Option<String> {
        Some(self.item.to_string())
    }
    fn suggestion(&self, lang: Lang) -> Option<String> {
        let depts = self.departments.join("・");
        Some(match lang {
            Lang::Ja => format!("担当課（{depts}）に提出を依頼してください。"),
            Lang::En => format!("ask {depts} to submit it"),
        })
    }
}

impl Rule for NotSubmitted {
    fn check_batch(&self, b: &Batch, out: &mut Findings) {
        for i in b.items.iter().filter(|i| i.sheets.is_empty()) {
            let Some(item) = b.plan.item(i.id) else {
                continue;
            };
            // No file holds it: the finding points at the plan's item.
            let at = Location {
                file: "計画".into(),
                sheet: Some(i.id.to_string().into()),
                cell: None,
            };
            out.push(
                at,
                Unsubmitted {
                    item: i.id,
                    name: item.item.name.clone(),
                    departments: item.item.departments.clone(),
                },
            )
            .department(item.item.departments.first().map(String::as_str));
        }
    }
}
