//! どの主な事業の欄でも評価されていない取組内容を指摘します。
//!
//! ## 点検内容
//! 取組内容の欄に挙げたすべての取組内容には、同じ丸数字（番号がなければ同じ名前）の
//! 主な事業の欄がなければなりません。
//!
//! ## 理由
//! 欄がなければ、その取組内容には個別評価がありません。件数の集計からも、取組項目の
//! 評価の算定からも抜け落ちます。
//!
//! ## 例
//! 指摘あり: 取組内容に ① ② ③ があり、シートには ① と ② の欄しかない。
//! 指摘なし: ① ② ③ のそれぞれに欄がある。
//!
//! ---
//!
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

use serde::Serialize;

use crate::facts::file::FileCx;
use crate::model::finding::{Lang, Violation};
use crate::model::text::circled;
use crate::rules::{Findings, Rule};

pub struct ActionWithoutProject;

/// A 取組内容 with no 主な事業 block (and so no grade).
#[derive(Debug, Serialize)]
pub struct NoProject {
    pub number: u8,
    pub name: String,
}

impl Violation for NoProject {
    fn message(&self, lang: Lang) -> String {
        let (n, name) = (circled(self.number), &self.name);
        match lang {
            Lang::Ja => format!(
                "取組内容「{n}{name}」を評価する主な事業の欄がないため、個別評価がありません。"
            ),
            Lang::En => {
                format!("The action `{n}{name}` has no 主な事業 block (and so no grade).")
            }
        }
    }
    fn expected(&self) -> Option<String> {
        Some(format!("主な事業 {}{}", circled(self.number), self.name))
    }
}

impl Rule for ActionWithoutProject {
    fn check_file(&self, f: &FileCx, out: &mut Findings) {
        for (_, s) in f.eval_sheets() {
            for a in &s.actions {
                let has = s.projects.iter().any(|p| {
                    p.number == Some(a.number)
                        || (p.number.is_none() && f.plan.form.same_name(&p.name, &a.name))
                });
                if !has {
                    out.push(
                        a.at.clone(),
                        NoProject {
                            number: a.number,
                            name: a.name.clone(),
                        },
                    );
                }
            }
        }
    }
}
