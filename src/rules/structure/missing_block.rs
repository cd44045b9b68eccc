//! A 評価シート without one of its blocks.
//!
//! ## What it checks
//! A 評価シート needs 基本方針, 取組項目名, 取組内容 and the 評価 row; every
//! 主な事業 block needs its 個別評価 row; every block of 具体的な取組 needs the
//! 主な事業 row that names it. Each missing piece is reported where it was
//! expected: the sheet, the 主な事業 heading, or the first 具体的な取組.
//!
//! ## Why it matters
//! Without 基本方針 and 取組項目名 the sheet cannot be put on the plan; without a
//! 評価 or 個別評価 row its grades are missing from the counts; a block without
//! its 主な事業 row is placed only by guessing from its first measure.
//!
//! ## Example
//! Fails: a 主な事業 `② 広域連携サミットの実施` whose block ends without a 個別評価
//! row; or 具体的な取組 rows after a 個別評価 with no 主な事業 row between them.
//! Passes: 主な事業 → 具体的な取組 … → 個別評価, for every block.

use crate::derive::file::FileCx;
use crate::model::finding::{Finding, Severity, Text};
use crate::rules::Rule;

pub struct MissingBlock;

impl Rule for MissingBlock {
    fn code(&self) -> &'static str {
        "S001"
    }
    fn name(&self) -> &'static str {
        "missing-block"
    }
    fn severity(&self) -> Severity {
        Severity::Error
    }
    fn check_file(&self, f: &FileCx, out: &mut Vec<Finding>) {
        for (_, s) in f.eval_sheets() {
            let required = [
                ("基本方針", "基本方針 (policy)", s.policy.is_some()),
                ("取組項目名", "取組項目名 (item name)", s.item.is_some()),
                ("取組内容", "取組内容 (actions)", s.actions_label.is_some()),
                ("評価", "評価 (item grade row)", s.item_grades.is_some()),
            ];
            for (ja, en, present) in required {
                if !present {
                    out.push(
                        self.finding(
                            s.whole(),
                            Text::new(
                                format!("評価シートに「{ja}」の欄がありません。"),
                                format!("The evaluation sheet has no {en}."),
                            ),
                        )
                        .expected(ja),
                    );
                }
            }
            for p in &s.projects {
                let heading = if p.heading.value.trim().is_empty() {
                    let at = p
                        .measures
                        .first()
                        .map_or_else(|| p.heading.at.clone(), |m| m.name.at.clone());
                    out.push(
                        self.finding(
                            at,
                            Text::new(
                                "この具体的な取組の前に「主な事業」の行がありません（個別評価の後に主な事業なしで続いています）。",
                                "No 主な事業 (main project) row before this 具体的な取組; it follows a 個別評価 directly.",
                            ),
                        )
                        .expected("主な事業")
                        .suggest(Text::new(
                            "この行の上に「主な事業」の行を入れ、取組内容の番号と名称を書く",
                            "insert a 主な事業 row above naming the action",
                        )),
                    );
                    p.measures
                        .first()
                        .map_or(String::new(), |m| m.name.value.clone())
                } else {
                    p.heading.value.clone()
                };
                if p.grades.is_none() {
                    out.push(
                        self.finding(
                            p.heading.at.clone(),
                            Text::new(
                                format!(
                                    "主な事業「{}」に個別評価の行がありません。",
                                    heading.trim()
                                ),
                                format!(
                                    "The project `{}` has no 個別評価 (grade) row.",
                                    heading.trim()
                                ),
                            ),
                        )
                        .expected("個別評価"),
                    );
                }
            }
        }
    }
}
