//! A grade typed in a form hyoka understands but the report does not print.
//!
//! ## What it checks
//! Every grade cell must hold the canonical symbol: `A`, `B`, `C` or `—`.
//! Full-width letters (`Ａ`), lower case (`a`), a suffix (`A評価`), a gloss
//! (`Ａ（達成）`), the many dashes people type for `—` (`－`, `―`, `ー`, `-`)
//! and invisible characters pasted with the symbol (a zero-width space
//! U+200B, a BOM U+FEFF: the message names the character, since the cell
//! looks right on screen) are read correctly, and reported so the sheet can
//! be cleaned before it is printed. White space around the symbol (including
//! U+00A0 and the full-width space) is not reported.
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
use crate::model::text::{char_name, is_invisible};
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
        let (y, g) = (self.year, self.read_as);
        let t = shown(&self.typed);
        let hidden: Vec<String> = self
            .typed
            .chars()
            .filter(|c| is_invisible(*c))
            .map(char_name)
            .collect();
        match (lang, hidden.is_empty()) {
            (Lang::Ja, true) => format!("{y}の評価「{t}」は「{g}」と読みました。表記を「{g}」にそろえてください。"),
            (Lang::Ja, false) => format!(
                "{y}の評価「{t}」には見えない文字（{}）が入っています。「{g}」と読みましたが、セルを「{g}」だけに入力し直してください。",
                hidden.join("、")
            ),
            (Lang::En, true) => format!("The {} grade `{t}` was read as `{g}`; write it as `{g}`.", y.short()),
            (Lang::En, false) => format!(
                "The {} grade `{t}` holds an invisible character ({}); read as `{g}`, retype it as `{g}`.",
                y.short(),
                hidden.join(", ")
            ),
        }
    }
    fn found(&self) -> Option<String> {
        Some(shown(&self.typed))
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

/// The typed text with its invisible characters made visible: `A<U+200B>`.
pub fn shown(typed: &str) -> String {
    typed
        .chars()
        .map(|c| {
            if is_invisible(c) {
                format!("<U+{:04X}>", c as u32)
            } else {
                c.to_string()
            }
        })
        .collect()
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
