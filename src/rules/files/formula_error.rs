//! 数式のエラー（`#REF!`、`#DIV/0!`、`#VALUE!`、`#N/A` …）が表示されているセルを指摘します。
//!
//! ## 点検内容
//! hyoka が読むシート（評価シート、数値目標、評価コメント）のすべてのセルのうち、
//! 計算結果ではなくExcelのエラー値を持つものを指摘します。
//!
//! ## 理由
//! `#REF!` は、もう存在しない数値や文章を指しています。多くの場合、削除した行や
//! 別のブックを参照する数式です。そのまま印刷すれば報告書に穴が空き、文字として
//! 読めば気付かれないまま誤った内容になります。
//!
//! ## 例
//! 指摘あり: 数値目標の行の令和6年度 実績が `=B7/B8` で、`#DIV/0!` と表示されている。
//! 指摘なし: そのセルに数値が入っている。
//!
//! ---
//!
//! A cell holding a formula error (`#REF!`, `#DIV/0!`, `#VALUE!`, `#N/A` …).
//!
//! ## What it checks
//! Every cell of the sheets hyoka reads (評価シート, 数値目標, 評価コメント) that
//! holds an Excel error value instead of a result.
//!
//! ## Why it matters
//! A `#REF!` is a figure or text that no longer exists — usually a formula
//! pointing at a deleted row or another workbook. Printed as is, it leaves a
//! hole in the report; read as text, it would be silently wrong.
//!
//! ## Example
//! Fails: the 令和6年度 実績 of a 数値目標 row is `=B7/B8` and shows `#DIV/0!`.
//! Passes: the cell holds the figure.

use serde::Serialize;

use crate::facts::file::FileCx;
use crate::model::finding::{Lang, Violation};
use crate::rules::{Findings, Rule};

pub struct FormulaError;

/// A cell holding a formula error such as `#REF!`.
#[derive(Debug, Serialize)]
pub struct ErrorValue {
    pub error: String,
}

impl Violation for ErrorValue {
    fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::Ja => format!(
                "セルが数式エラー「{}」です。参照先や数式を確かめてください。",
                self.error
            ),
            Lang::En => format!("The cell holds the formula error `{}`.", self.error),
        }
    }
    fn found(&self) -> Option<String> {
        Some(self.error.clone())
    }
}

impl Rule for FormulaError {
    fn check_file(&self, f: &FileCx, out: &mut Findings) {
        if let Some(w) = f.workbook() {
            for e in &w.error_cells {
                out.push(
                    e.at.clone(),
                    ErrorValue {
                        error: e.value.clone(),
                    },
                );
            }
        }
    }
}
