//! A grade typed in a form hyoka understands but the report does not print.
//!
//! ## What it checks
//! Every grade cell must hold the canonical symbol: `A`, `B`, `C` or `—`.
//! Full-width letters (`Ａ`), lower case (`a`), a suffix (`A評価`) and the many
//! dashes people type for `—` (`－`, `―`, `ー`, `-`) are read correctly, and
//! reported so the sheet can be cleaned before it is printed.
//!
//! ## Why it matters
//! The consolidated workbook and the printed report use the canonical symbols;
//! a mixture of `Ａ` and `A` in a table the committee reads looks careless, and
//! other tools (a filter in Excel, a pivot table) treat them as different values.
//!
//! ## Example
//! Fails: 個別評価 令和6年度 holds `Ａ` (fix: `A`), or `－` (fix: `—`).
//! Passes: the cell holds `A` or `—`.

use crate::derive::file::FileCx;
use crate::model::finding::{Finding, Severity, Text};
use crate::model::grade::GradeReading;
use crate::model::sheet::GradeRow;
use crate::rules::Rule;

pub struct GradeVariant;

impl Rule for GradeVariant {
    fn code(&self) -> &'static str {
        "G002"
    }
    fn name(&self) -> &'static str {
        "grade-variant"
    }
    fn severity(&self) -> Severity {
        Severity::Warning
    }
    fn check_file(&self, f: &FileCx, out: &mut Vec<Finding>) {
        for (_, sheet) in f.eval_sheets() {
            for (cell, raw) in sheet.grade_rows().flat_map(GradeRow::cells_with_raw) {
                if let GradeReading::Variant(g) = cell.reading {
                    out.push(
                        self.finding(
                            sheet.loc(cell.cell),
                            Text::new(
                                format!("{}の評価「{}」は「{}」と読みました。表記を「{}」にそろえてください。", cell.year, raw, g, g),
                                format!("The {} grade `{}` was read as `{}`; write it as `{}`.", cell.year.short(), raw, g, g),
                            ),
                        )
                        .found(raw)
                        .expected(g.symbol())
                        .suggest(Text::new(format!("「{g}」と入力する"), format!("type `{g}`"))),
                    );
                }
            }
        }
    }
}
