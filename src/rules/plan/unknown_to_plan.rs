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

use crate::derive::file::FileCx;
use crate::model::finding::{Finding, Severity, Text};
use crate::model::location::Location;
use crate::model::text::circled;
use crate::rules::Rule;

pub struct UnknownToPlan;

impl Rule for UnknownToPlan {
    fn code(&self) -> &'static str {
        "P002"
    }
    fn name(&self) -> &'static str {
        "unknown-to-plan"
    }
    fn severity(&self) -> Severity {
        Severity::Error
    }
    fn check_file(&self, f: &FileCx, out: &mut Vec<Finding>) {
        for (_, s) in f
            .eval_sheets()
            .filter(|(r, _)| f.item_of_sheet(*r).is_none())
        {
            let at = s.item.as_ref().map_or_else(|| s.whole(), |i| i.at.clone());
            let shown = s
                .item
                .as_ref()
                .map_or(String::new(), |i| i.value.trim().to_string());
            out.push(
                self.finding(
                    at,
                    Text::new(
                        format!("取組項目「{shown}」が計画（{}）にありません。番号と名称を確かめてください。", f.plan.name),
                        format!("The item `{shown}` is not in the plan ({}); check its numbers and name.", f.plan.name),
                    ),
                )
                .found(shown),
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
            for (n, at) in numbers {
                if in_plan(n) || seen.contains(&n) {
                    continue;
                }
                seen.push(n);
                self.report_action(item.id, n, at, out);
            }
        }
    }
}

impl UnknownToPlan {
    fn report_action(
        &self,
        item: crate::model::plan::ItemId,
        n: u8,
        at: &Location,
        out: &mut Vec<Finding>,
    ) {
        out.push(
            self.finding(
                at.clone(),
                Text::new(
                    format!("取組内容{}は計画の{}にありません。", circled(n), item),
                    format!("Action {} is not in the plan's item {}.", circled(n), item),
                ),
            )
            .found(circled(n).to_string()),
        );
    }
}
