//! 一つの主な事業の中に、同じ名前の具体的な取組が二つあることを指摘します。
//!
//! ## 点検内容
//! 一つの主な事業の欄の中で、各具体的な取組はそれぞれ固有の名前を持ちます。同じ欄の
//! それより前のものと同じ名前（全角・半角をそろえ、空白とかっこを無視して比べます）は、
//! 二つ目で、最初のもののセルを添えて指摘します。読まないもの: 下の文章が異なるかどうか
//! （多くの場合は異なります。名前を写し、文章を書き直したものです）。
//!
//! ## 理由
//! 次の具体的な取組を作り始めるために写し、名前を変えなかったものです。報告書の 4-(5)①
//! には `人事評価制度の理解促進のための研修の実施` が二回記載され、二つ目は補助評価者に
//! ついての文章の上にあります。推進会議は二つの取組を区別できず、hyoka も名前で年度間の
//! 数値を照合しています。
//!
//! ## 例
//! 指摘あり: ① の下に `研修の実施` という具体的な取組が二つある。
//! 指摘なし: `研修の実施` と `補助評価者研修の実施`。
//!
//! ---
//!
//! Two 具体的な取組 of one 主な事業 with the same name.
//!
//! ## What it checks
//! Within one 主な事業 block, each 具体的な取組 has its own name. A name that
//! repeats an earlier one of the same block (compared width-folded, white
//! space and brackets ignored) is reported at the second, with the first
//! one's cell. Not read: whether the texts below differ (they usually do:
//! the name was copied, the text rewritten).
//!
//! ## Why it matters
//! The measure was copied to start the next one and its name never changed:
//! the report's 4-(5)① prints `人事評価制度の理解促進のための研修の実施` twice,
//! the second over a text about 補助評価者. The committee cannot tell the two
//! measures apart, and hyoka matches figures across years by the name.
//!
//! ## Example
//! Fails: two 具体的な取組 `研修の実施` under ①.
//! Passes: `研修の実施` and `補助評価者研修の実施`.

use serde::Serialize;

use crate::facts::file::FileCx;
use crate::model::finding::{Lang, Violation};
use crate::rules::{Findings, Rule};

pub struct DuplicateMeasure;

#[derive(Debug, Serialize)]
pub struct SameName {
    pub name: String,
    /// The first measure's cell.
    pub first: String,
}

impl Violation for SameName {
    fn message(&self, lang: Lang) -> String {
        let (n, first) = (&self.name, &self.first);
        match lang {
            Lang::Ja => format!(
                "具体的な取組「{n}」が同じ主な事業の中に二つあります。もう一つは{first}にあります。内容に合った名称か確認してください。"
            ),
            Lang::En => {
                format!("The measure `{n}` appears twice in this project (the other at {first}).")
            }
        }
    }
    fn found(&self) -> Option<String> {
        Some(self.name.clone())
    }
}

impl Rule for DuplicateMeasure {
    fn check_file(&self, f: &FileCx, out: &mut Findings) {
        let form = &f.plan.form;
        for (_, s) in f.eval_sheets() {
            for p in &s.projects {
                for (i, m) in p.measures.iter().enumerate() {
                    let k = form.name_key(&m.name.value);
                    if k.is_empty() {
                        continue;
                    }
                    let Some(first) = p.measures[..i]
                        .iter()
                        .find(|q| form.name_key(&q.name.value) == k)
                    else {
                        continue;
                    };
                    out.push(
                        m.name.at.clone(),
                        SameName {
                            name: m.name.value.trim().to_string(),
                            first: first.name.at.cell_name(),
                        },
                    )
                    .related(first.name.at.clone());
                }
            }
        }
    }
}
