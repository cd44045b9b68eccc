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

use crate::derive::file::FileCx;
use crate::model::finding::{Finding, Severity};
use crate::rules::Rule;

pub struct ReadLimit;

impl Rule for ReadLimit {
    fn code(&self) -> &'static str {
        "F004"
    }
    fn name(&self) -> &'static str {
        "read-limit"
    }
    fn severity(&self) -> Severity {
        Severity::Warning
    }
    fn check_file(&self, f: &FileCx, out: &mut Vec<Finding>) {
        if let Some(w) = f.workbook() {
            for (at, note) in &w.read_notes {
                out.push(self.finding(at.clone(), note.clone()));
            }
        }
    }
}
