//! A comment paragraph whose 「①名前」 is not that action of the item.
//!
//! ## What it checks
//! A paragraph of the 評価コメント sheet opens with the action it speaks of:
//! circled number and name in 「」. The name must be an action of the row's
//! 取組項目, and the number must be that action's number within the item.
//!
//! ## Why it matters
//! The number is easy to get wrong when an action is repeated (（再掲）) from
//! another item: the paragraph copied from 2-(2) keeps 2-(2)'s number. The
//! printed report would then attribute the comment to a different action.
//!
//! ## Example
//! Fails: 取組項目 2-(3), 「③指定管理者制度導入施設の拡充」は、… (in 2-(3) that
//! action is ②; ③ is PPP/PFI手法導入…).
//! Passes: 「②指定管理者制度導入施設の拡充」は、…

use crate::derive::batch::Batch;
use crate::model::finding::{Finding, Severity, Text};
use crate::model::text::circled;
use crate::rules::Rule;
use crate::rules::comments::{action_by_name, item, named_actions, rows};

pub struct CommentAction;

impl Rule for CommentAction {
    fn code(&self) -> &'static str {
        "K001"
    }
    fn name(&self) -> &'static str {
        "comment-action-mismatch"
    }
    fn severity(&self) -> Severity {
        Severity::Error
    }
    fn check_batch(&self, b: &Batch, out: &mut Vec<Finding>) {
        for row in rows(b) {
            let Some(item) = item(b, row) else { continue };
            for (n, name) in named_actions(&row.text.value) {
                let quoted = format!("{}{}", circled(n), name);
                let finding = match action_by_name(b, item, &name) {
                    Some(a) if a.id.number == n => continue,
                    Some(a) => self
                        .finding(
                            row.text.at.clone(),
                            Text::new(
                                format!(
                                    "コメントの「{quoted}」は、{} では{}です（番号が違います）。",
                                    item.id, a.id
                                ),
                                format!(
                                    "The comment's `{quoted}` is {} in item {} (wrong number).",
                                    a.id, item.id
                                ),
                            ),
                        )
                        .found(quoted)
                        .expected(format!("{}{}", circled(a.id.number), a.action.name)),
                    None => {
                        let by_number = item.item.actions.iter().find(|a| a.number == n);
                        self.finding(
                            row.text.at.clone(),
                            Text::new(
                                format!(
                                    "コメントの「{quoted}」は {} の取組内容の名称と一致しません。",
                                    item.id
                                ),
                                format!(
                                    "The comment's `{quoted}` names no action of item {}.",
                                    item.id
                                ),
                            ),
                        )
                        .found(quoted)
                        .expected(
                            by_number
                                .map_or(String::new(), |a| format!("{}{}", circled(n), a.name)),
                        )
                    }
                };
                out.push(finding.related(row.item.at.clone()));
            }
        }
    }
}
