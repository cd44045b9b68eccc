//! 計画にない取組項目または取組内容を指摘します。
//!
//! ## 点検内容
//! すべての評価シートは計画の取組項目のものでなければならず（基本方針と取組項目の
//! 番号、または取組項目の名前で探します）、シートのすべての取組内容と、番号の付いた
//! 主な事業は、その取組項目の取組内容でなければなりません。
//!
//! ## 理由
//! hyoka が計画上の位置を定められないシートや取組内容は、評価一覧からも件数からも
//! 除かれます。多くの場合、番号の誤り（`(5)` を `(6)`）、別の計画期間のシート、または
//! 計画を改定しないまま追加した取組内容です。
//!
//! ## 例
//! 指摘あり: 見出しが `基本方針3` / `(6) 新しい取組` のシート（計画の基本方針3の取組項目は
//! (1)～(5) です）。または 3-(4) に取組内容 ③ がある。
//! 指摘なし: `基本方針3` / `(4) 財政見通しを踏まえた基金の積立て` で、① と ② がある。
//!
//! ---
//!
//! A 取組項目 or 取組内容 that the plan does not have.
//!
//! ## What it checks
//! Every 評価シート must be for an item of the plan (found by its 基本方針 and
//! 取組項目 numbers, or by the item's name), and every 取組内容 and numbered
//! 主な事業 of the sheet must be an action of that item.
//!
//! ## Why it matters
//! A sheet or action hyoka cannot place is left out of 評価一覧 and the counts:
//! usually a wrong number (`(6)` for `(5)`), a sheet of another plan period, or
//! an action added without the plan being revised.
//!
//! ## Example
//! Fails: a sheet headed `基本方針3` / `(6) 新しい取組` (the plan's 基本方針3 has
//! items (1)–(5)); or 3-(4) with a 取組内容 ③.
//! Passes: `基本方針3` / `(4) 財政見通しを踏まえた基金の積立て` with ① and ②.

use serde::Serialize;

use crate::facts::file::FileCx;
use crate::facts::placement::Signal;
use crate::model::finding::{Lang, Violation};
use crate::model::plan::ItemId;
use crate::model::text::circled;
use crate::rules::{Findings, Rule};

pub struct UnknownToPlan;

/// An item or action the plan does not have.
#[derive(Debug, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum NotInPlan {
    Item { written: String, plan: String },
    Action { item: ItemId, number: u8 },
}

impl Violation for NotInPlan {
    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (NotInPlan::Item { written, plan }, Lang::Ja) => format!(
                "取組項目「{written}」が計画（{plan}）にありません。番号と名称を確かめてください。"
            ),
            (NotInPlan::Item { written, plan }, Lang::En) => format!(
                "The item `{written}` is not in the plan ({plan}); check its numbers and name."
            ),
            (NotInPlan::Action { item, number }, Lang::Ja) => {
                format!("取組内容{}は計画の{item}にありません。", circled(*number))
            }
            (NotInPlan::Action { item, number }, Lang::En) => {
                format!(
                    "Action {} is not in the plan's item {item}.",
                    circled(*number)
                )
            }
        }
    }
    fn found(&self) -> Option<String> {
        Some(match self {
            NotInPlan::Item { written, .. } => written.clone(),
            NotInPlan::Action { number, .. } => circled(*number).to_string(),
        })
    }
}

impl Rule for UnknownToPlan {
    fn check_file(&self, f: &FileCx, out: &mut Findings) {
        // A number naming no plan item is reported here even when the
        // name or the 取組内容 placed the sheet (S006 takes numbers naming
        // another plan item).
        let unknown_number = |r| {
            f.placement(r)
                .said
                .iter()
                .any(|s| s.signal == Signal::Number && f.plan.item(s.item).is_none())
        };
        for (_, s) in f
            .eval_sheets()
            .filter(|(r, _)| f.item_of_sheet(*r).is_none() || unknown_number(*r))
        {
            let at = s.item.as_ref().map_or_else(|| s.whole(), |i| i.at.clone());
            let written = s
                .item
                .as_ref()
                .map_or(String::new(), |i| i.value.trim().to_string());
            out.push(
                at,
                NotInPlan::Item {
                    written,
                    plan: f.plan.name.clone(),
                },
            );
        }
        for (r, s) in f.eval_sheets() {
            let Some(item) = f.item_of(r) else { continue };
            let in_plan = |n: u8| item.item.actions.iter().any(|a| a.number == n);
            let numbers = s.actions.iter().map(|a| (a.number, &a.at)).chain(
                s.projects
                    .iter()
                    .filter_map(|p| p.number.map(|n| (n, &p.heading.at))),
            );
            let mut seen: Vec<u8> = Vec::new();
            for (number, at) in numbers {
                if in_plan(number) || seen.contains(&number) {
                    continue;
                }
                seen.push(number);
                out.push(
                    at.clone(),
                    NotInPlan::Action {
                        item: item.id,
                        number,
                    },
                );
            }
        }
    }
}
