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

use crate::derive::batch::Batch;
use crate::model::finding::{Finding, Severity, Text};
use crate::model::location::Location;
use crate::rules::Rule;

pub struct NotSubmitted;

impl Rule for NotSubmitted {
    fn code(&self) -> &'static str {
        "P003"
    }
    fn name(&self) -> &'static str {
        "item-not-submitted"
    }
    fn severity(&self) -> Severity {
        Severity::Error
    }
    fn check_batch(&self, b: &Batch, out: &mut Vec<Finding>) {
        for i in b.items.iter().filter(|i| i.sheets.is_empty()) {
            let Some(item) = b.plan.item(i.id) else {
                continue;
            };
            let depts = item.item.departments.join("・");
            out.push(
                Finding::new(
                    self.code(),
                    self.severity(),
                    Location {
                        file: "計画".into(),
                        sheet: Some(i.id.to_string().into()),
                        cell: None,
                    },
                    Text::new(
                        format!(
                            "取組項目 {} {} の評価シートが提出されていません（未提出）。",
                            i.id, item.item.name
                        ),
                        format!(
                            "No evaluation sheet was submitted for item {} {}.",
                            i.id, item.item.name
                        ),
                    ),
                )
                .expected(i.id.to_string())
                .department(item.item.departments.first().map(String::as_str))
                .suggest(Text::new(
                    format!("担当課（{depts}）に提出を依頼する"),
                    format!("ask {depts} to submit it"),
                )),
            );
        }
    }
}
