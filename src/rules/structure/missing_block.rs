//! 評価シートに、必要な欄のいずれかがないことを指摘します。
//!
//! ## 点検内容
//! 評価シートには、基本方針、取組項目名、取組内容、評価の行が必要です。すべての主な
//! 事業の欄には個別評価の行が、すべての具体的な取組の欄には、それを示す主な事業の行が
//! 必要です。欠けているものは一つずつ、あるべき場所（シート、主な事業の見出し、最初の
//! 具体的な取組）で指摘します。
//!
//! ## 理由
//! 基本方針と取組項目名がなければ、シートの計画上の位置を定められません。評価や
//! 個別評価の行がなければ、その評価が件数の集計から抜け落ちます。主な事業の行のない
//! 欄は、最初の具体的な取組から推測して位置を定めるしかありません。
//!
//! ## 例
//! 指摘あり: 主な事業 `② 広域連携サミットの実施` の欄が個別評価の行のないまま終わる。
//! または、個別評価の後に、間に主な事業の行のない具体的な取組の行がある。
//! 指摘なし: すべての欄が 主な事業 → 具体的な取組 … → 個別評価 の順になっている。
//!
//! ---
//!
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

use serde::Serialize;

use crate::facts::file::FileCx;
use crate::model::finding::{Lang, Violation};
use crate::rules::{Findings, Rule};

pub struct MissingBlock;

/// A block of the sheet's layout that is not there.
#[derive(Debug, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Missing {
    /// A label of the sheet's head (基本方針, 取組項目名, 取組内容, 評価).
    Label {
        label: &'static str,
        en: &'static str,
    },
    /// A 具体的な取組 with no 主な事業 row before it.
    ProjectRow,
    /// A 主な事業 with no 個別評価 row.
    GradeRow { project: String },
}

impl Violation for Missing {
    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Missing::Label { label, .. }, Lang::Ja) => {
                format!("評価シートに「{label}」の欄がありません。")
            }
            (Missing::Label { en, .. }, Lang::En) => {
                format!("The evaluation sheet has no {en}.")
            }
            (Missing::ProjectRow, Lang::Ja) => "この具体的な取組の前に「主な事業」の行がありません。個別評価の行の後に、主な事業の行を挟まずに続いています。".into(),
            (Missing::ProjectRow, Lang::En) => "No 主な事業 (main project) row before this 具体的な取組; it follows a 個別評価 directly.".into(),
            (Missing::GradeRow { project }, Lang::Ja) => {
                format!("主な事業「{project}」に個別評価の行がありません。")
            }
            (Missing::GradeRow { project }, Lang::En) => {
                format!("The project `{project}` has no 個別評価 (grade) row.")
            }
        }
    }
    fn expected(&self) -> Option<String> {
        Some(match self {
            Missing::Label { label, .. } => label.to_string(),
            Missing::ProjectRow => "主な事業".into(),
            Missing::GradeRow { .. } => "個別評価".into(),
        })
    }
    fn suggestion(&self, lang: Lang) -> Option<String> {
        let Missing::ProjectRow = self else {
            return None;
        };
        Some(
            match lang {
                Lang::Ja => {
                    "この行の上に「主な事業」の行を入れ、取組内容の番号と名称を記入してください。"
                }
                Lang::En => "insert a 主な事業 row above naming the action",
            }
            .into(),
        )
    }
}

impl Rule for MissingBlock {
    fn check_file(&self, f: &FileCx, out: &mut Findings) {
        for (_, s) in f.eval_sheets() {
            let required = [
                ("基本方針", "基本方針 (policy)", s.policy.is_some()),
                ("取組項目名", "取組項目名 (item name)", s.item.is_some()),
                ("取組内容", "取組内容 (actions)", s.actions_label.is_some()),
                ("評価", "評価 (item grade row)", s.item_grades.is_some()),
            ];
            for (label, en, present) in required {
                if !present {
                    out.push(s.whole(), Missing::Label { label, en });
                }
            }
            for p in &s.projects {
                let heading = if p.heading.value.trim().is_empty() {
                    let at = p
                        .measures
                        .first()
                        .map_or_else(|| p.heading.at.clone(), |m| m.name.at.clone());
                    out.push(at, Missing::ProjectRow);
                    p.measures
                        .first()
                        .map_or(String::new(), |m| m.name.value.clone())
                } else {
                    p.heading.value.clone()
                };
                if p.grades.is_none() {
                    out.push(
                        p.heading.at.clone(),
                        Missing::GradeRow {
                            project: heading.trim().to_string(),
                        },
                    );
                }
            }
        }
    }
}
