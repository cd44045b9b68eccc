//! 欄はあるものの中身が空であることを指摘します。担当課、今後の取組方針、評価を付けた年度の取組・成果・効果の文章が対象です。
//!
//! ## 点検内容
//! - 担当課の行に課の名前があること。
//! - 今後の取組方針の行に文章があること。
//! - 個別評価の行で `A`、`B`、`C` を付けたすべての年度について、その欄の具体的な
//!   取組のうちその年度の欄を持つすべてのものに、`令和N年度の取組` と
//!   `令和N年度の成果・効果` の文章があること。`—`（評価不可）を付けた年度や評価を
//!   付けていない年度には、文章を求めません。
//!
//! 指摘はいずれも、値を記入すべきセルを示します。
//!
//! ## 理由
//! ラベルはある（S001 は指摘しない）ため、シートは完成しているように見えます。しかし、
//! 裏付けとなる文章のない評価は推進会議が検討できず、担当課のないシートはどこにも
//! 差し戻せません。
//!
//! ## 例
//! 指摘あり: 個別評価 令和6年度が `A` で、令和6年度の取組のセルが空欄。
//! 指摘なし: 同じ評価で、文章が記入されている。
//!
//! ---
//!
//! A block that is there but empty: 担当課, 今後の取組方針, or the 取組 /
//! 成果・効果 text of a year that is graded.
//!
//! ## What it checks
//! - The 担当課 row has a department.
//! - The 今後の取組方針 row has a text.
//! - Every year that a 個別評価 row grades `A`, `B` or `C` has its
//!   `令和N年度の取組` and `令和N年度の成果・効果` texts, in every 具体的な取組
//!   of the block that has panels for that year. A year graded `—` (not
//!   evaluable) or not graded is not asked for texts.
//!
//! Each finding points at the cell where the value belongs.
//!
//! ## Why it matters
//! The labels are there (S001 is silent), so the sheet looks complete; but
//! a grade with no text behind it cannot be reviewed by the committee, and a
//! sheet without 担当課 cannot be sent back to anyone.
//!
//! ## Example
//! Fails: 個別評価 令和6年度 `A` with the 令和6年度の取組 cell empty.
//! Passes: the same grade with the text written.

use serde::Serialize;

use crate::facts::file::FileCx;
use crate::model::finding::{Lang, Violation};
use crate::model::form::PanelKind;
use crate::model::grade::Grade;
use crate::model::year::FiscalYear;
use crate::rules::{Findings, Rule};

pub struct EmptyBlock;

#[derive(Debug, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Empty {
    Departments,
    Future,
    Text {
        year: FiscalYear,
        result: bool,
        grade: Grade,
    },
}

impl Violation for Empty {
    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Empty::Departments, Lang::Ja) => {
                "担当課が空欄です。この取組項目を担当する課を記入してもらってください。".into()
            }
            (Empty::Departments, Lang::En) => "The 担当課 (department) is empty.".into(),
            (Empty::Future, Lang::Ja) => {
                "今後の取組方針が空欄です。記入してもらってください。".into()
            }
            (Empty::Future, Lang::En) => "The 今後の取組方針 (future policy) is empty.".into(),
            (
                Empty::Text {
                    year,
                    result,
                    grade,
                },
                Lang::Ja,
            ) => format!(
                "{year}は「{grade}」と評価されていますが、{year}の{}の記載が空欄です。評価の根拠となる内容を記入してもらってください。",
                if *result { "成果・効果" } else { "取組" }
            ),
            (
                Empty::Text {
                    year,
                    result,
                    grade,
                },
                Lang::En,
            ) => format!(
                "{} is graded `{grade}` but its {} text is empty.",
                year.short(),
                if *result { "result" } else { "work" }
            ),
        }
    }
}

impl Rule for EmptyBlock {
    fn check_file(&self, f: &FileCx, out: &mut Findings) {
        for (_, s) in f.eval_sheets() {
            if s.departments
                .as_ref()
                .is_none_or(|d| d.value.trim().is_empty())
                && let Some(at) = &s.departments_at
            {
                out.push(at.clone(), Empty::Departments);
            }
            if s.future.as_ref().is_none_or(|d| d.value.trim().is_empty())
                && let Some(at) = &s.future_at
            {
                out.push(at.clone(), Empty::Future);
            }
            for p in &s.projects {
                let Some(grades) = &p.grades else { continue };
                for c in &grades.cells {
                    let Some(grade) = c.reading.grade() else {
                        continue;
                    };
                    if grade == Grade::NotEvaluable {
                        continue;
                    }
                    for pa in p
                        .measures
                        .iter()
                        .flat_map(|m| &m.panels)
                        .filter(|pa| pa.year == Some(c.year))
                    {
                        if pa.text.value.is_empty() {
                            out.push(
                                pa.text.at.clone(),
                                Empty::Text {
                                    year: c.year,
                                    result: pa.kind == PanelKind::Result,
                                    grade,
                                },
                            );
                        }
                    }
                }
            }
        }
    }
}
