//! A grade cell holding something that is not a grade.
//!
//! ## What it checks
//! Every cell under a year header of a 評価 or 個別評価 row must read as `A`,
//! `B`, `C` or `—`. Width and case variants (`Ａ`, `a`, `A評価`, `－`, `ー`) are
//! understood; anything else (`S`, `AB`, `良`, `1`) is reported with the cell.
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
        match lang {
            Lang::Ja => format!(
                "{}の評価「{}」は評価記号として読めません（A・B・C・—のいずれか）。",
                self.year, self.typed
            ),
            Lang::En => format!(
                "The {} grade `{}` is not a grade symbol (A, B, C or —).",
                self.year.short(),
                self.typed
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
