//! 取組項目にない取組内容を指す丸数字を指摘します。
//!
//! ## 点検内容
//! 担当課（`①②財政課 ③収納課`）、今後の取組方針の行頭、具体的な取組の名前の先頭にある
//! 丸数字は、取組項目の取組内容を指します。それぞれ、シートの取組内容の欄（欄に何も
//! ないときは計画）に挙げた取組内容の番号でなければなりません。
//!
//! ## 理由
//! 取組内容のない番号は、そのセルが別のシートから写されたことを示しています。報告書
//! 自身の 2-(3) のシートには 2-(2) の担当課が記載されており、2-(3) の取組内容は四つ
//! なのに ⑤ を示しています。その場合、記載された担当課も誤っているおそれがあります。
//!
//! ## 例
//! 指摘あり: 2-(3)（取組内容は ①～④）の担当課が `… ⑤行政経営担当 総務課`。
//! 指摘なし: 担当課が ①～④ だけを示している。
//!
//! ---
//!
//! A circled number that refers to an action the item does not have.
//!
//! ## What it checks
//! Circled numbers in 担当課 (`①②財政課 ③収納課`), at the start of a line of
//! 今後の取組方針, and at the start of a 具体的な取組 name refer to the item's
//! actions. Each must be the number of an action listed in the sheet's
//! 取組内容 (or, when the sheet lists none, in the plan).
//!
//! ## Why it matters
//! A number with no action behind it is a sign the cell was copied from another
//! sheet: the report's own 2-(3) sheet prints the 担当課 of 2-(2), which names
//! ⑤ although 2-(3) has four actions. The departments named may then be wrong.
//!
//! ## Example
//! Fails: 2-(3) (actions ①–④) with 担当課 `… ⑤行政経営担当 総務課`.
//! Passes: 担当課 names only ①–④.

use serde::Serialize;

use crate::facts::file::FileCx;
use crate::model::finding::{Lang, Violation};
use crate::model::text::{circled, circled_numbers, split_circled};
use crate::rules::{Findings, Rule};

pub struct UnknownActionReference;

/// Where the circled number stands.
#[derive(Clone, Copy, Debug, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Block {
    Departments,
    Future,
    Measure,
}

impl Block {
    fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Block::Departments, Lang::Ja) => "担当課",
            (Block::Future, Lang::Ja) => "今後の取組方針",
            (Block::Measure, Lang::Ja) => "具体的な取組",
            (Block::Departments, Lang::En) => "担当課 (departments)",
            (Block::Future, Lang::En) => "今後の取組方針 (future policy)",
            (Block::Measure, Lang::En) => "具体的な取組 (measure)",
        }
    }
}

/// A circled number naming no 取組内容 of the item.
#[derive(Debug, Serialize)]
pub struct NoSuchAction {
    pub block: Block,
    pub number: u8,
    /// The item's action numbers.
    pub known: Vec<u8>,
}

impl NoSuchAction {
    fn list(&self) -> String {
        self.known.iter().map(|k| circled(*k)).collect()
    }
}

impl Violation for NoSuchAction {
    fn message(&self, lang: Lang) -> String {
        let (b, n, l) = (self.block.name(lang), circled(self.number), self.list());
        match lang {
            Lang::Ja => format!(
                "{b}の「{n}」に当たる取組内容がありません。この取組項目の取組内容は{l}です。"
            ),
            Lang::En => format!("{b} refers to {n}, but the item's actions are {l}."),
        }
    }
    fn found(&self) -> Option<String> {
        Some(circled(self.number).to_string())
    }
    fn expected(&self) -> Option<String> {
        Some(self.list())
    }
}

impl Rule for UnknownActionReference {
    fn check_file(&self, f: &FileCx, out: &mut Findings) {
        for (r, s) in f.eval_sheets() {
            let mut known: Vec<u8> = s.actions.iter().map(|a| a.number).collect();
            if known.is_empty() {
                let Some(item) = f.item_of(r) else { continue };
                known = item.item.actions.iter().map(|a| a.number).collect();
            }
            let mut report = |block, at: &crate::model::location::Location, number| {
                let known = known.clone();
                out.push(
                    at.clone(),
                    NoSuchAction {
                        block,
                        number,
                        known,
                    },
                );
            };
            let mut seen = Vec::new();
            if let Some(d) = &s.departments {
                for n in circled_numbers(&d.value) {
                    if !known.contains(&n) && !seen.contains(&n) {
                        seen.push(n);
                        report(Block::Departments, &d.at, n);
                    }
                }
            }
            if let Some(fu) = &s.future {
                for line in fu.value.lines() {
                    if let Some((n, _)) = split_circled(line)
                        && !known.contains(&n)
                    {
                        report(Block::Future, &fu.at, n);
                    }
                }
            }
            for m in s.projects.iter().flat_map(|p| &p.measures) {
                if let Some((n, _)) = split_circled(&m.name.value)
                    && !known.contains(&n)
                {
                    report(Block::Measure, &m.name.at, n);
                }
            }
        }
    }
}
