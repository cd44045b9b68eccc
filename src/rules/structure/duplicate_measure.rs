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
                "具体的な取組「{n}」が同じ主な事業の中に二つあります（もう一つは{first}）。内容に合った名称か確認してください。"
            ),
            Lang::En => format!("The measure `{n}` appears twice in this project (the other at {first})."),
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
