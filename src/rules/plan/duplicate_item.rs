//! 複数回提出され、内容が異なる取組項目を指摘します。
//!
//! ## 点検内容
//! 二つのシート（一つのブック内でも二つのブックにまたがっていても）が同じ取組項目の
//! ものであるときは、取組内容、主な事業、具体的な取組、文章を比べます。異なっていれば
//! 後の方を指摘します。hyoka はファイルの順番で最初のものを使います。評価の違いは
//! G013 がセルごとに指摘します。同一の写しは指摘しません。
//!
//! ## 理由
//! シートの版が二つあるのは、多くの場合、古いファイルを取り下げないまま修正した
//! ファイルを提出したためです。どちらの版を推進会議に示すかは、ファイルの順番の
//! 偶然ではなく、判断によって決めるべきです。
//!
//! ## 例
//! 指摘あり: `財政課.xlsx` と `財政課_修正版.xlsx` のどちらにも 3-(4) があり、一方は
//! 令和6年度の取組に1行多い。
//! 指摘なし: 3-(4) が一度だけある。
//!
//! ---
//!
//! A 取組項目 submitted more than once, with different content.
//!
//! ## What it checks
//! When two sheets (in one workbook or in two) are for the same item, their
//! 取組内容, 主な事業, 具体的な取組 and texts are compared. If they differ, the
//! later one is reported: hyoka uses the first in file order. Differing grades
//! are reported cell by cell by G013; identical copies are not reported.
//!
//! ## Why it matters
//! Two versions of a sheet usually mean a corrected file was submitted without
//! the old one being withdrawn; which version reaches the committee must be a
//! decision, not an accident of file order.
//!
//! ## Example
//! Fails: `財政課.xlsx` and `財政課_修正版.xlsx` both hold 3-(4), one with an
//! extra line in 令和6年度の取組.
//! Passes: 3-(4) appears once.

use serde::Serialize;

use crate::facts::batch::Batch;
use crate::facts::file::FileCx;
use crate::model::finding::{Lang, Violation};
use crate::model::plan::ItemId;
use crate::rules::{Findings, Rule};

pub struct DuplicateItem;

/// A second sheet for an item, with other content than the one used.
#[derive(Debug, Serialize)]
pub struct SecondVersion {
    pub item: ItemId,
    /// The sheet the consolidation uses (`file:sheet`).
    pub used: String,
}

impl Violation for SecondVersion {
    fn message(&self, lang: Lang) -> String {
        let (i, u) = (self.item, &self.used);
        match lang {
            Lang::Ja => format!(
                "取組項目 {i} が複数回提出され、内容が異なります。集約には {u} を使いました。"
            ),
            Lang::En => {
                format!(
                    "Item {i} was submitted more than once with different content; {u} was used."
                )
            }
        }
    }
}

impl Rule for DuplicateItem {
    /// The texts are dropped with their file: their fingerprints are taken
    /// now, for the comparison across files.
    fn check_file(&self, f: &FileCx, _out: &mut Findings) {
        f.contents();
    }

    fn check_batch(&self, b: &Batch, out: &mut Findings) {
        for item in b.items.iter().filter(|i| i.sheets.len() > 1) {
            let first = b.record(item.sheets[0]);
            for &r in &item.sheets[1..] {
                let s = b.record(r);
                if s.content == first.content {
                    continue;
                }
                out.push(
                    s.item_loc(),
                    SecondVersion {
                        item: item.id,
                        used: format!("{}:{}", first.file, first.sheet),
                    },
                )
                .related(first.whole());
            }
        }
    }
}
