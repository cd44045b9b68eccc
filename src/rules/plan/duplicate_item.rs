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

use crate::derive::batch::Batch;
use crate::model::finding::{Finding, Severity, Text};
use crate::rules::{Keeps, Rule};

pub struct DuplicateItem;

impl Rule for DuplicateItem {
    fn code(&self) -> &'static str {
        "P004"
    }
    fn name(&self) -> &'static str {
        "duplicate-item"
    }
    fn severity(&self) -> Severity {
        Severity::Error
    }
    fn keeps(&self) -> Keeps {
        Keeps { content: true }
    }
    fn check_batch(&self, b: &Batch, out: &mut Vec<Finding>) {
        for item in b.items.iter().filter(|i| i.sheets.len() > 1) {
            let first = b.record(item.sheets[0]);
            for &r in &item.sheets[1..] {
                let s = b.record(r);
                // Content compared by fingerprint: the texts are not kept
                // (`derive::file::content_fingerprint`).
                if s.content == first.content {
                    continue;
                }
                let at = s.item_loc();
                let used = format!("{}:{}", first.file, first.sheet);
                out.push(
                    self.finding(
                        at,
                        Text::new(
                            format!("取組項目 {} が複数回提出され、内容が異なります。集約には {} を使いました。", item.id, used),
                            format!("Item {} was submitted more than once with different content; {} was used.", item.id, used),
                        ),
                    )
                    .related(first.whole()),
                );
            }
        }
    }
}
