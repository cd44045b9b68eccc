//! 一つのシートに二回出てくる主な事業の欄を指摘します。
//!
//! ## 点検内容
//! 各取組内容の主な事業の欄は一つです。同じ丸数字（番号がなければ同じ名前）の二つ目の
//! 欄は、その見出しで、最初の欄のセルと、二つが一字一句同じかどうかを添えて指摘します。
//! 読むもの: 主な事業の見出しと、比較のために両方の欄のすべての具体的な取組の名前と欄の
//! 文章。読まないもの: 正しい番号の下に別のシートから貼り付けた欄（その名前は S002 /
//! P001 が点検します）。
//!
//! ## 理由
//! 次の欄を作り始めるために写し、書き直さなかった欄があると、次の取組内容に固有の評価が
//! なくなります。取組項目の評価と集約ブックに入るのは最初の欄の評価だけで、推進会議は
//! 同じ文章を二回読むことになります。
//!
//! ## 例
//! 指摘あり: `② 公共施設整備等資金積立基金現在高（数値目標）` が B17 と B26 にある。
//! 指摘なし: ① が B8 に、② が B17 にある。
//!
//! ---
//!
//! A 主な事業 block that appears twice on one sheet.
//!
//! ## What it checks
//! Each 取組内容 has one 主な事業 block. A second block with the same circled
//! number (or, unnumbered, the same name) is reported at its heading, with
//! the first block's cell and whether the two are alike word for word.
//! Read: the 主な事業 headings and, for the comparison, every 具体的な取組
//! name and panel text of both blocks. Not read: a block pasted under the
//! right number but from another sheet (S002 / P001 see its name).
//!
//! ## Why it matters
//! A block copied to start the next one and never rewritten leaves the next
//! action without its own evaluation: only the first block's grades enter
//! the item grade and the consolidated workbook, and the committee reads
//! the same text twice.
//!
//! ## Example
//! Fails: `② 公共施設整備等資金積立基金現在高（数値目標）` at B17 and again at B26.
//! Passes: ① at B8 and ② at B17.

use serde::Serialize;

use crate::facts::file::FileCx;
use crate::model::finding::{Lang, Violation};
use crate::model::sheet::Project;
use crate::model::text::key;
use crate::rules::{Findings, Rule};

pub struct DuplicateProject;

#[derive(Debug, Serialize)]
pub struct SecondBlock {
    pub heading: String,
    /// The first block's heading cell.
    pub first: String,
    /// Whether both blocks hold the same measures and texts.
    pub same_content: bool,
}

impl Violation for SecondBlock {
    fn message(&self, lang: Lang) -> String {
        let (h, first) = (&self.heading, &self.first);
        match lang {
            Lang::Ja => format!(
                "主な事業「{h}」の欄が二つあります。もう一つは{first}にあります。{}評価の集計には{first}の欄を使いました。",
                if self.same_content {
                    "内容も同じで、貼り付けが重なったものと思われます。"
                } else {
                    ""
                }
            ),
            Lang::En => format!(
                "The project `{h}` appears twice (the other at {first}){}; the grades of {first} were used.",
                if self.same_content {
                    ", word for word"
                } else {
                    ""
                }
            ),
        }
    }
    fn found(&self) -> Option<String> {
        Some(self.heading.clone())
    }
    fn suggestion(&self, lang: Lang) -> Option<String> {
        Some(match lang {
            Lang::Ja => {
                "重なった欄を削除するか、番号と内容を正しい取組内容のものに直してください。".into()
            }
            Lang::En => {
                "delete the repeated block, or give it the number and text of its own action".into()
            }
        })
    }
}

/// What identifies a block: its number, else its name.
fn identity(p: &Project) -> Option<String> {
    match p.number {
        Some(n) => Some(n.to_string()),
        None if !p.name.trim().is_empty() => Some(key(&p.name)),
        None => None,
    }
}

/// The texts of a block apart from its grades, as keys.
fn content(p: &Project) -> Vec<String> {
    p.measures
        .iter()
        .flat_map(|m| {
            std::iter::once(key(&m.name.value))
                .chain(m.panels.iter().map(|pa| key(&pa.text.value.text())))
        })
        .collect()
}

impl Rule for DuplicateProject {
    fn check_file(&self, f: &FileCx, out: &mut Findings) {
        for (_, s) in f.eval_sheets() {
            for (i, p) in s.projects.iter().enumerate() {
                let Some(id) = identity(p) else { continue };
                let Some(first) = s.projects[..i]
                    .iter()
                    .find(|q| identity(q).as_ref() == Some(&id))
                else {
                    continue;
                };
                out.push(
                    p.heading.at.clone(),
                    SecondBlock {
                        heading: p.heading.value.trim().to_string(),
                        first: first.heading.at.cell_name(),
                        same_content: content(first) == content(p),
                    },
                )
                .related(first.heading.at.clone());
            }
        }
    }
}
