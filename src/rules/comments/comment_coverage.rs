//! 評価コメント案の段落を計画と照らし合わせ、計画にない取組項目、段落のない取組内容、段落が二つある取組内容を指摘します。
//!
//! ## 点検内容
//! 評価コメントのシートの各段落は、述べている取組内容で始まります
//! （「①名前」は、…）。評価コメント案が取り上げる取組項目ごとに、計画の各取組内容は
//! ちょうど一つの段落で名前が示されていなければなりません。段落がない取組内容は
//! その取組項目の最初の段落で、二つ目の段落がある取組内容はその二つ目の段落で
//! 指摘します。取組項目のセルが計画のどの取組項目も示していない行は、そのセルで
//! 指摘します。読むもの: 取組項目の列と、各段落の冒頭の「」（名前で照合し、
//! 合わなければ番号で照合します）。読まないもの: 文の途中で触れている取組内容。
//!
//! ## 理由
//! 評価コメント案は、そのまま報告書の第2章になります。編集中に段落が失われると
//! その取組内容には推進会議の意見がなくなり、貼り付けた段落があると意見が二つに
//! なり、`3-(6)` の行は報告書のどこにも載せられません。
//!
//! ## 例
//! 指摘あり: 3-(4) に「①財政調整基金現在高」の段落しかない。
//! 指摘なし: ①の段落と②の段落がある。
//!
//! ---
//!
//! The comment draft's paragraphs against the plan: an item the plan does
//! not have, an action with no paragraph, an action with two.
//!
//! ## What it checks
//! Each paragraph of the 評価コメント sheet opens with the actions it speaks
//! of (「①名前」は、…). For every 取組項目 the draft comments on, each of the
//! plan's actions is named by exactly one paragraph: none is reported at
//! the item's first paragraph, a second at the second paragraph. A row whose
//! 取組項目 cell names no item of the plan is reported at that cell. Read:
//! the 取組項目 column and the opening 「」 of each paragraph (matched by name,
//! else by number). Not read: actions mentioned later in a sentence.
//!
//! ## Why it matters
//! The draft becomes the report's chapter 2 as it stands: a paragraph lost
//! while editing leaves an action without the committee's view, a pasted one
//! gives it two, and a row under `3-(6)` has nowhere to go in the report.
//!
//! ## Example
//! Fails: 3-(4) with a paragraph for 「①財政調整基金現在高」 only.
//! Passes: a paragraph for ① and one for ②.

use serde::Serialize;

use crate::facts::batch::Batch;
use crate::model::finding::{Lang, Violation};
use crate::model::location::Location;
use crate::model::plan::{ActionId, ItemId};
use crate::model::text::circled;
use crate::rules::comments::{item, opened_actions};
use crate::rules::{Findings, Rule};

pub struct CommentCoverage;

#[derive(Debug, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Coverage {
    UnknownItem { written: String },
    Missing { action: ActionId, name: String },
    Twice { action: ActionId, first: String },
}

impl Violation for Coverage {
    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Coverage::UnknownItem { written }, Lang::Ja) => {
                format!(
                    "取組項目「{written}」は計画にありません。コメントの行き先を確かめてください。"
                )
            }
            (Coverage::UnknownItem { written }, Lang::En) => {
                format!("The comment row's item `{written}` is not in the plan.")
            }
            (Coverage::Missing { action, name }, Lang::Ja) => format!(
                "{action}（{}{name}）についてのコメントがありません。",
                circled(action.number)
            ),
            (Coverage::Missing { action, .. }, Lang::En) => {
                format!("No comment paragraph speaks of {action}.")
            }
            (Coverage::Twice { action, first }, Lang::Ja) => {
                format!("{action}についてのコメントが二つあります。もう一つは{first}にあります。")
            }
            (Coverage::Twice { action, first }, Lang::En) => {
                format!("{action} has a second comment paragraph (the first at {first}).")
            }
        }
    }
}

impl Rule for CommentCoverage {
    fn check_batch(&self, b: &Batch, out: &mut Findings) {
        // (item, paragraphs' actions with the paragraph's place), in order.
        let mut seen: Vec<(ItemId, Vec<(ActionId, Location)>)> = Vec::new();
        // Rows below an unknown item inherit its cell: report the cell once.
        let mut unknown: Vec<&Location> = Vec::new();
        for row in b.comment_rows() {
            if row.text.value.trim().is_empty() {
                continue;
            }
            let Some(it) = item(b, row) else {
                let written = row.item.value.trim();
                if !written.is_empty() && !unknown.contains(&&row.item.at) {
                    unknown.push(&row.item.at);
                    out.push(
                        row.item.at.clone(),
                        Coverage::UnknownItem {
                            written: written.to_string(),
                        },
                    );
                }
                continue;
            };
            let i = match seen.iter().position(|(id, _)| *id == it.id) {
                Some(i) => i,
                None => {
                    seen.push((it.id, Vec::new()));
                    seen.len() - 1
                }
            };
            for id in opened_actions(b, it, &row.text.value) {
                let earlier = seen[i]
                    .1
                    .iter()
                    .find(|(a, at)| *a == id && *at != row.text.at);
                if let Some((_, first)) = earlier {
                    out.push(
                        row.text.at.clone(),
                        Coverage::Twice {
                            action: id,
                            first: first.cell_name(),
                        },
                    )
                    .related(first.clone());
                }
                seen[i].1.push((id, row.text.at.clone()));
            }
        }
        for (id, named) in &seen {
            let (Some(it), Some((_, at))) = (b.plan.item(*id), named.first()) else {
                continue;
            };
            for a in &it.item.actions {
                if !named.iter().any(|(x, _)| x.number == a.number) {
                    out.push(
                        at.clone(),
                        Coverage::Missing {
                            action: ActionId {
                                item: *id,
                                number: a.number,
                            },
                            name: a.name.clone(),
                        },
                    );
                }
            }
        }
    }
}
