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

use crate::derive::file::FileCx;
use crate::model::finding::{Finding, Severity, Text};
use crate::rules::Rule;

pub struct FormulaError;

impl Rule for FormulaError {
    fn code(&self) -> &'static str {
        "F003"
    }
    fn name(&self) -> &'static str {
        "formula-error"
    }
    fn severity(&self) -> Severity {
        Severity::Error
    }
    fn check_file(&self, f: &FileCx, out: &mut Vec<Finding>) {
        if let Some(w) = f.workbook() {
            for e in &w.error_cells {
                out.push(
                    self.finding(
                        e.at.clone(),
                        Text::new(
                            format!(
                                "セルが数式エラー「{}」です。参照先や数式を確かめてください。",
                                e.value
                            ),
                            format!("The cell holds the formula error `{}`.", e.value),
                        ),
                    )
                    .found(e.value.clone()),
                );
            }
        }
    }
}
