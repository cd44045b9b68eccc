//! A 主な事業 that names no 取組内容 of its sheet.
//!
//! ## What it checks
//! Each 主な事業 heading (`② 公共施設整備等資金積立基金現在高（数値目標）`) must
//! name one of the sheet's 取組内容: by its circled number, or — when the heading
//! has no number — by its name.
//!
//! ## Why it matters
//! The 主な事業 block is where an action's 個別評価 is given. A block that
//! matches no action gives a grade to nothing, and the action it was meant for
//! shows up ungraded.
//!
//! ## Example
//! Fails: 取組内容 lists ① and ②, and a block is headed `③ 基金の運用`.
//! Passes: the block is headed `② 公共施設整備等資金積立基金現在高（数値目標）`.

use crate::derive::file::FileCx;
use crate::model::finding::{Finding, Severity, Text};
use crate::rules::{Rule, same_name};

pub struct ProjectWithoutAction;

impl Rule for ProjectWithoutAction {
    fn code(&self) -> &'static str {
        "S002"
    }
    fn name(&self) -> &'static str {
        "project-without-action"
    }
    fn severity(&self) -> Severity {
        Severity::Error
    }
    fn check_file(&self, f: &FileCx, out: &mut Vec<Finding>) {
        for (_, s) in f.eval_sheets() {
            if s.actions.is_empty() {
                continue; // no 取組内容 block: S001 reports it
            }
            for p in &s.projects {
                let known = match p.number {
                    Some(n) => s.actions.iter().any(|a| a.number == n),
                    None => s.actions.iter().any(|a| same_name(&a.name, &p.name)),
                };
                if known || (p.number.is_none() && p.name.is_empty()) {
                    continue;
                }
                let at = if p.heading.value.is_empty() {
                    p.measures
                        .first()
                        .map_or(p.heading.at.clone(), |m| m.name.at.clone())
                } else {
                    p.heading.at.clone()
                };
                let listed: Vec<String> = s
                    .actions
                    .iter()
                    .map(|a| format!("{}{}", crate::model::text::circled(a.number), a.name))
                    .collect();
                out.push(
                    self.finding(
                        at,
                        Text::new(
                            format!(
                                "主な事業「{}」に当たる取組内容がこのシートにありません。",
                                p.heading.value.trim()
                            ),
                            format!(
                                "The project `{}` names no action (取組内容) of this sheet.",
                                p.heading.value.trim()
                            ),
                        ),
                    )
                    .found(p.heading.value.trim())
                    .expected(listed.join(" / ")),
                );
            }
        }
    }
}
