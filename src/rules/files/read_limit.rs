//! Cells left unread because a sheet exceeds hyoka's read limits.
//!
//! ## What it checks
//! hyoka reads at most 10,000 rows and 200 columns of a sheet and 100,000
//! characters of a cell, so that one broken or hostile file cannot exhaust time
//! or memory (see `docs/robustness.md`). When a sheet has cells beyond these
//! limits, or a longer text, this rule says so for that sheet.
//!
//! ## Why it matters
//! What was not read cannot be checked. A stray cell at row 1,048,576 is
//! usually harmless (someone pressed Ctrl+↓ and typed), but it must be seen
//! and removed, not silently dropped.
//!
//! ## Example
//! Fails: a 評価シート with a value in `XFD1048576`.
//! Passes: the same sheet with that cell cleared.

use serde::Serialize;

use crate::facts::file::FileCx;
use crate::model::finding::{Lang, Text, Violation};
use crate::rules::{Findings, Rule};

pub struct ReadLimit;

/// What the read limits left out of a sheet, as the reader says it.
#[derive(Debug, Serialize)]
pub struct LeftOut {
    pub note: Text,
}

impl Violation for LeftOut {
    fn message(&self, lang: Lang) -> String {
        self.note.get(lang).to_string()
    }
}

impl Rule for ReadLimit {
    fn check_file(&self, f: &FileCx, out: &mut Findings) {
        if let Some(w) = f.workbook() {
            for (at, note) in &w.read_notes {
                out.push(at.clone(), LeftOut { note: note.clone() });
            }
        }
    }
}
