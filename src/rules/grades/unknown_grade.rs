//! 評価のセルに、評価として読めないものが入っていることを指摘します。
//!
//! ## 点検内容
//! 評価または個別評価の行で、年度の見出しの下にあるセルは、すべて `A`、`B`、`C`、
//! `—` のいずれかとして読めなければなりません。全角・半角や大文字・小文字の違い、
//! 表記の揺れ（`Ａ`、`a`、`A評価`、`－`、`ー`）は読み取ります。それ以外のもの
//! （`S`、`AB`、`良`、`1`）は、そのセルを示して指摘します。他の自治体の評価段階の
//! 記号（`S`、`D`、`◎`、`○`、`△`、`×`、`優`、`1`～`5`）は、その旨を示し、この計画の
//! 評価段階を添えて指摘します。二つの評価段階の水準は対応しないため、A・B・C に
//! 置き換えることはしません。
//!
//! ## 理由
//! 読めない評価は、誰も気付かないまま件数の集計と取組項目の評価の算定から
//! 抜け落ち、公表する表が誤ったものになります。
//!
//! ## 例
//! 指摘あり: 個別評価の行の令和6年度の列に `S` が入っている。
//! 指摘なし: 同じセルに `A`（または `Ａ`。こちらは表記の揺れとして別に指摘します）が入っている。
//!
//! ---
//!
//! A grade cell holding something that is not a grade.
//!
//! ## What it checks
//! Every cell under a year header of a 評価 or 個別評価 row must read as `A`,
//! `B`, `C` or `—`. Width and case variants (`Ａ`, `a`, `A評価`, `－`, `ー`) are
//! understood; anything else (`S`, `AB`, `良`, `1`) is reported with the cell.
//! A symbol of another municipality's scale (`S`, `D`, `◎`, `○`, `△`, `×`,
//! `優`, `1`–`5`) is named as such, with this plan's scale: it is never
//! mapped to A/B/C, because the levels of two scales do not correspond.
//!
//! ## Why it matters
//! An unreadable grade drops out of the counts and the item-grade derivation
//! without anyone noticing; the published table would then be wrong.
//!
//! ## Example
//! Fails: `個別評価` row, 令和6年度 column holds `S`.
//! Passes: the same cell holds `A` (or `Ａ`, reported separately as a variant).

use serde::Serialize;

use crate::facts::file::FileCx;
use crate::model::finding::{Lang, Violation};
use crate::model::grade::GradeReading;
use crate::model::year::FiscalYear;
use crate::rules::{Findings, Rule};

pub struct UnknownGrade;

/// A grade cell that reads as no grade.
#[derive(Debug, Serialize)]
pub struct NotAGrade {
    pub year: FiscalYear,
    pub typed: String,
}

impl Violation for NotAGrade {
    fn message(&self, lang: Lang) -> String {
        let foreign = foreign_scale(&self.typed);
        match (lang, foreign) {
            (Lang::Ja, None) => format!(
                "{}の評価「{}」は評価記号として読めません。評価はA・B・C・—のいずれかで記入してください。",
                self.year, self.typed
            ),
            (Lang::Ja, Some(scale)) => format!(
                "{}の評価「{}」は{}の記号で、この計画の評価記号ではありません。この計画は、A・B・C・—（評価不可）の区分で評価します。どれに当たるかを担当課に確かめて入力し直してもらってください。",
                self.year, self.typed, scale.0
            ),
            (Lang::En, None) => format!(
                "The {} grade `{}` is not a grade symbol (A, B, C or —).",
                self.year.short(),
                self.typed
            ),
            (Lang::En, Some(scale)) => format!(
                "The {} grade `{}` belongs to {}, not to this plan's scale (A, B, C, — for not evaluable); ask the department which it means.",
                self.year.short(),
                self.typed,
                scale.1
            ),
        }
    }
    fn found(&self) -> Option<String> {
        Some(self.typed.clone())
    }
    fn expected(&self) -> Option<String> {
        Some("A / B / C / —".into())
    }
}

/// The grading scale a symbol of another municipality's plan belongs to
/// (Japanese, English), if it is one. hyoka never maps these to A/B/C: the
/// levels do not correspond one to one.
fn foreign_scale(typed: &str) -> Option<(&'static str, &'static str)> {
    let t: String = typed
        .trim()
        .chars()
        .map(crate::model::text::fold_width)
        .collect();
    match t.as_str() {
        "S" | "s" | "D" | "d" | "E" | "e" => Some(("S〜Dの段階評価", "a S-to-D scale")),
        "◎" | "○" | "〇" | "△" | "×" | "✕" | "▲" => {
            Some(("◎○△×による評価", "a ◎○△× scale"))
        }
        "1" | "2" | "3" | "4" | "5" => Some(("数字による段階評価", "a numbered scale")),
        "優" | "良" | "可" | "不可" => Some(("優・良・可による評価", "a 優/良/可 scale")),
        _ => None,
    }
}

impl Rule for UnknownGrade {
    fn check_file(&self, f: &FileCx, out: &mut Findings) {
        for (sheet, cell, raw) in f.grade_cells() {
            if cell.reading == GradeReading::Unknown {
                out.push(
                    sheet.loc(cell.cell),
                    NotAGrade {
                        year: cell.year,
                        typed: raw.to_string(),
                    },
                );
            }
        }
    }
}
