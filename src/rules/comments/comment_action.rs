//! 評価コメントの段落の冒頭の「①名前」が、その取組項目の該当する取組内容と一致しないことを指摘します。
//!
//! ## 点検内容
//! 評価コメントのシートの各段落は、述べている取組内容の丸数字と名前を「」で
//! 囲んで始めます。その名前は行の取組項目の取組内容の一つでなければならず、
//! 丸数字はその取組項目の中でのその取組内容の番号でなければなりません。
//!
//! ## 理由
//! 他の取組項目からの再掲（（再掲））の取組内容では、番号を誤りやすくなります。
//! 2-(2) から写した段落は 2-(2) の番号のままになりがちです。そのまま印刷すると、
//! コメントが別の取組内容のものとして読まれてしまいます。
//!
//! ## 例
//! 指摘あり: 取組項目 2-(3) の「③指定管理者制度導入施設の拡充」は、…（2-(3) では
//! この取組内容は②で、③は PPP/PFI手法導入… です）。
//! 指摘なし: 「②指定管理者制度導入施設の拡充」は、…
//!
//! ---
//!
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

use serde::Serialize;

use crate::facts::batch::Batch;
use crate::model::finding::{Lang, Violation};
use crate::model::plan::{ActionId, ItemId};
use crate::model::text::circled;
use crate::rules::comments::{action_by_name, item, named_actions};
use crate::rules::{Findings, Rule};

pub struct CommentAction;

/// A paragraph that names an action by a wrong number or an unknown name.
#[derive(Debug, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Misnamed {
    /// The name is the item's action `actual`, under another number.
    WrongNumber {
        quoted: String,
        item: ItemId,
        actual: ActionId,
        actual_name: String,
    },
    /// No action of the item has that name; `by_number` is what the number names.
    UnknownName {
        quoted: String,
        item: ItemId,
        by_number: Option<String>,
    },
}

impl Violation for Misnamed {
    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (
                Misnamed::WrongNumber {
                    quoted,
                    item,
                    actual,
                    ..
                },
                Lang::Ja,
            ) => format!("コメントの「{quoted}」は番号が違います。{item} では{actual}です。"),
            (
                Misnamed::WrongNumber {
                    quoted,
                    item,
                    actual,
                    ..
                },
                Lang::En,
            ) => format!("The comment's `{quoted}` is {actual} in item {item} (wrong number)."),
            (Misnamed::UnknownName { quoted, item, .. }, Lang::Ja) => {
                format!("コメントの「{quoted}」は {item} の取組内容の名称と一致しません。")
            }
            (Misnamed::UnknownName { quoted, item, .. }, Lang::En) => {
                format!("The comment's `{quoted}` names no action of item {item}.")
            }
        }
    }
    fn found(&self) -> Option<String> {
        match self {
            Misnamed::WrongNumber { quoted, .. } | Misnamed::UnknownName { quoted, .. } => {
                Some(quoted.clone())
            }
        }
    }
    fn expected(&self) -> Option<String> {
        Some(match self {
            Misnamed::WrongNumber {
                actual,
                actual_name,
                ..
            } => format!("{}{}", circled(actual.number), actual_name),
            Misnamed::UnknownName { by_number, .. } => by_number.clone().unwrap_or_default(),
        })
    }
}

impl Rule for CommentAction {
    fn check_batch(&self, b: &Batch, out: &mut Findings) {
        for row in b.comment_rows() {
            let Some(item) = item(b, row) else { continue };
            for (n, name) in named_actions(&row.text.value) {
                let quoted = format!("{}{}", circled(n), name);
                let violation = match action_by_name(b, item, &name) {
                    Some(a) if a.id.number == n => continue,
                    Some(a) => Misnamed::WrongNumber {
                        quoted,
                        item: item.id,
                        actual: a.id,
                        actual_name: a.action.name.clone(),
                    },
                    None => Misnamed::UnknownName {
                        quoted,
                        item: item.id,
                        by_number: item
                            .item
                            .actions
                            .iter()
                            .find(|a| a.number == n)
                            .map(|a| format!("{}{}", circled(n), a.name)),
                    },
                };
                out.push(row.text.at.clone(), violation)
                    .related(row.item.at.clone());
            }
        }
    }
}
