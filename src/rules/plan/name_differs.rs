//! A 基本方針, 取組項目 or 取組内容 name that differs from the plan's.
//!
//! ## What it checks
//! For each sheet placed on the plan, the policy name, the item name, each
//! 取組内容 name and each 主な事業 heading are compared with the plan's names of
//! the same numbers. Spacing, full/half width and the （再掲） / （数値目標）
//! markers are tolerated silently; any other difference is reported with the
//! plan's name as the fix.
//!
//! ## Why it matters
//! The report prints the names from the sheets; a name edited on one sheet (or
//! copied from last year) makes the report disagree with the plan the council
//! adopted.
//!
//! ## Example
//! Fails: 1-(1) 主な事業 `②市民総合交流拠点の整備` (plan: `市民総合交流拠点施設の整備`).
//! Passes: `② 市民総合交流拠点施設の整備`, or `②市民総合交流拠点施設の整備` typed full-width.

use crate::derive::file::FileCx;
use crate::model::finding::{Finding, Severity, Text};
use crate::model::location::Location;
use crate::rules::{Rule, same_name};

pub struct NameDiffers;

impl NameDiffers {
    fn compare(
        &self,
        what: (&str, &str),
        found: &str,
        plan: &str,
        at: &Location,
        out: &mut Vec<Finding>,
    ) {
        if found.trim().is_empty() || same_name(found, plan) {
            return;
        }
        out.push(
            self.finding(
                at.clone(),
                Text::new(
                    format!(
                        "{}の名称「{}」が計画の「{}」と異なります。",
                        what.0,
                        found.trim(),
                        plan
                    ),
                    format!(
                        "The {} name `{}` differs from the plan's `{}`.",
                        what.1,
                        found.trim(),
                        plan
                    ),
                ),
            )
            .found(found.trim())
            .expected(plan)
            .suggest(Text::new(
                format!("「{plan}」に直す"),
                format!("write `{plan}`"),
            )),
        );
    }
}

impl Rule for NameDiffers {
    fn code(&self) -> &'static str {
        "P001"
    }
    fn name(&self) -> &'static str {
        "name-differs-from-plan"
    }
    fn severity(&self) -> Severity {
        Severity::Warning
    }
    fn check_file(&self, f: &FileCx, out: &mut Vec<Finding>) {
        for (r, s) in f.eval_sheets() {
            let Some(item) = f.item_of(r) else { continue };
            if let (Some(cell), Some(name)) = (&s.policy, s.policy_name()) {
                self.compare(
                    ("基本方針", "policy"),
                    &name,
                    &item.policy.name,
                    &cell.at,
                    out,
                );
            }
            if let (Some(cell), Some(name)) = (&s.item, s.item_name()) {
                self.compare(("取組項目", "item"), &name, &item.item.name, &cell.at, out);
            }
            let plan_action = |n: u8| item.item.actions.iter().find(|a| a.number == n);
            for a in &s.actions {
                if let Some(pa) = plan_action(a.number) {
                    self.compare(("取組内容", "action"), &a.name, &pa.name, &a.at, out);
                }
            }
            for p in &s.projects {
                if let Some(pa) = p.number.and_then(plan_action)
                    && !p.heading.value.trim().is_empty()
                {
                    self.compare(
                        ("主な事業", "project"),
                        &p.name,
                        &pa.name,
                        &p.heading.at,
                        out,
                    );
                }
            }
        }
    }
}
