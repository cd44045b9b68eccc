//! A 取組内容 that no 主な事業 block evaluates.
//!
//! ## What it checks
//! Every action listed in the 取組内容 block must have a 主な事業 block with
//! the same circled number (or, failing a number, the same name).
//!
//! ## Why it matters
//! Without its block an action has no 個別評価: it is missing from the counts
//! and from the item-grade derivation.
//!
//! ## Example
//! Fails: 取組内容 lists ① ② ③ and the sheet has blocks only for ① and ②.
//! Passes: a block for each of ① ② ③.

use crate::derive::file::FileCx;
use crate::model::finding::{Finding, Severity, Text};
use crate::model::text::circled;
use crate::rules::{Rule, same_name};

pub struct ActionWithoutProject;

impl Rule for ActionWithoutProject {
    fn code(&self) -> &'static str {
        "S003"
    }
    fn name(&self) -> &'static str {
        "action-without-project"
    }
    fn severity(&self) -> Severity {
        Severity::Error
    }
    fn check_file(&self, f: &FileCx, out: &mut Vec<Finding>) {
        for (_, s) in f.eval_sheets() {
            for a in &s.actions {
                let has = s.projects.iter().any(|p| {
                    p.number == Some(a.number)
                        || (p.number.is_none() && same_name(&p.name, &a.name))
                });
                if !has {
                    out.push(
                        self.finding(
                            a.at.clone(),
                            Text::new(
                                format!(
                                    "取組内容「{}{}」の主な事業（個別評価）がありません。",
                                    circled(a.number),
                                    a.name
                                ),
                                format!(
                                    "The action `{}{}` has no 主な事業 block (and so no grade).",
                                    circled(a.number),
                                    a.name
                                ),
                            ),
                        )
                        .expected(format!(
                            "主な事業 {}{}",
                            circled(a.number),
                            a.name
                        )),
                    );
                }
            }
        }
    }
}
