//! 主な事業の欄が、評価する取組内容の順番と異なる順番に並んでいることを指摘します。
//!
//! ## 点検内容
//! 主な事業の欄は、取組内容の欄が取組内容を挙げる順番（① ② ③）に従います。番号の
//! 付いた欄が別の順番で並んでいるときは、最初に順番の外れた欄を、書かれた順番と
//! あるべき順番を添えて指摘します。取組内容にない番号の欄は S002 に委ねて除き、重複した
//! 欄は S008 に委ねて一つと数えます。
//!
//! ## 理由
//! 推進会議はシートを上から下へ、取組内容と照らし合わせて読み、報告書もシートから印刷
//! されます。編集中に欄を動かす（③ を先頭に貼り付ける）と、各取組内容の文章が別の
//! 取組内容と並び、② をあるべき場所で探す人は ③ を見つけることになります。
//!
//! ## 例
//! 指摘あり: 取組内容 ① ② ③ の下に欄が ③ ① ② の順（① の見出しで指摘します）。
//! 指摘なし: ① ② ③。
//!
//! ---
//!
//! 主な事業 blocks in another order than the 取組内容 they evaluate.
//!
//! ## What it checks
//! The 主な事業 blocks follow the order in which the 取組内容 block lists the
//! actions (① ② ③). When the numbered blocks come in another order, the
//! first block out of place is reported, with the order written and the
//! order expected. Blocks whose number the 取組内容 does not list are S002's
//! and left out; a repeated block is S008's and counted once.
//!
//! ## Why it matters
//! The committee reads a sheet top to bottom against its 取組内容, and the
//! report is printed from it: blocks moved while editing (③ pasted first)
//! put each action's text beside the wrong neighbour, and a reader looking
//! for ② where it should be finds ③.
//!
//! ## Example
//! Fails: blocks ③ ① ② under 取組内容 ① ② ③ (reported at the ① heading).
//! Passes: ① ② ③.

use serde::Serialize;

use crate::facts::file::FileCx;
use crate::model::finding::{Lang, Violation};
use crate::model::text::circled;
use crate::rules::{Findings, Rule};

pub struct ProjectOrder;

#[derive(Debug, Serialize)]
pub struct OutOfOrder {
    pub written: Vec<u8>,
    pub expected: Vec<u8>,
}

fn numbers(ns: &[u8]) -> String {
    ns.iter()
        .map(|n| circled(*n).to_string())
        .collect::<Vec<_>>()
        .join(" ")
}

impl Violation for OutOfOrder {
    fn message(&self, lang: Lang) -> String {
        let (w, e) = (numbers(&self.written), numbers(&self.expected));
        match lang {
            Lang::Ja => format!(
                "主な事業のブロックが {w} の順に並んでいます。取組内容の順（{e}）に並べてください。"
            ),
            Lang::En => {
                format!("The project blocks come in the order {w}; the actions are listed {e}.")
            }
        }
    }
    fn found(&self) -> Option<String> {
        Some(numbers(&self.written))
    }
    fn expected(&self) -> Option<String> {
        Some(numbers(&self.expected))
    }
}

impl Rule for ProjectOrder {
    fn check_file(&self, f: &FileCx, out: &mut Findings) {
        for (_, s) in f.eval_sheets() {
            let declared: Vec<u8> = s.actions.iter().map(|a| a.number).collect();
            let mut written: Vec<(u8, &crate::model::location::Location)> = Vec::new();
            for p in &s.projects {
                if let Some(n) = p.number
                    && declared.contains(&n)
                    && !written.iter().any(|(m, _)| *m == n)
                {
                    written.push((n, &p.heading.at));
                }
            }
            let rank = |n: u8| declared.iter().position(|d| *d == n);
            let Some(i) = (1..written.len()).find(|&i| rank(written[i].0) < rank(written[i - 1].0))
            else {
                continue;
            };
            let mut expected: Vec<u8> = written.iter().map(|w| w.0).collect();
            expected.sort_by_key(|n| rank(*n));
            out.push(
                written[i].1.clone(),
                OutOfOrder {
                    written: written.iter().map(|w| w.0).collect(),
                    expected,
                },
            );
        }
    }
}
