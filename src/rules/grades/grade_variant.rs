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

use serde::Serialize;

use crate::facts::file::FileCx;
use crate::model::finding::{Lang, Violation};
use crate::model::grade::{Grade, GradeReading};
use crate::model::year::FiscalYear;
use crate::rules::{Findings, Rule};

pub struct GradeVariant;

/// A grade typed in another form than its canonical symbol.
#[derive(Debug, Serialize)]
pub struct Variant {
    pub year: FiscalYear,
    pub typed: String,
    pub read_as: Grade,
}

impl Violation for Variant {
    fn message(&self, lang: Lang) -> String {
        let (y, t, g) = (self.year, &self.typed, self.read_as);
        match lang {
            Lang::Ja => format!("{y}の評価「{t}」は「{g}」と読みました。表記を「{g}」にそろえてください。"),
            Lang::En => format!("The {} grade `{t}` was read as `{g}`; write it as `{g}`.", y.short()),
        }
    }
    fn found(&self) -> Option<String> {
        Some(self.typed.clone())
    }
    fn expected(&self) -> Option<String> {
        Some(self.read_as.symbol().into())
    }
    fn suggestion(&self, lang: Lang) -> Option<String> {
        let g = self.read_as;
        Some(match lang {
            Lang::Ja => format!("「{g}」と入力する"),
            Lang::En => format!("type `{g}`"),
        })
    }
}

impl Rule for GradeVariant {
    fn check_file(&self, f: &FileCx, out: &mut Findings) {
        for (sheet, cell, raw) in f.grade_cells() {
            if let GradeReading::Variant(g) = cell.reading {
                out.push(
                    sheet.loc(cell.cell),
                    Variant {
                        year: cell.year,
                        typed: raw.to_string(),
                        read_as: g,
                    },
                );
            }
        }
    }
}
