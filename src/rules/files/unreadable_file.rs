//! A submitted file that cannot be opened as a workbook.
//!
//! ## What it checks
//! Every input workbook is opened by what its bytes are (xlsx, xlsm, xlsb,
//! xls, ods), not by its name; a `.csv` file is read as CSV. A file that is
//! empty, encrypted, damaged or not a spreadsheet at all is reported here
//! with the reason, and the rest of the batch goes on.
//!
//! ## Why it matters
//! A file nobody can read holds grades nobody checked. The planning office has
//! to ask the department for a usable copy before the meeting.
//!
//! ## Example
//! Fails: `広報課.xlsx` that is really a PDF, or a workbook saved with a password.
//! Passes: any workbook Excel or LibreOffice can open without a password.

use serde::Serialize;

use crate::facts::file::FileCx;
use crate::model::finding::{Lang, Text, Violation};
use crate::model::location::Location;
use crate::rules::{Findings, Rule};

pub struct UnreadableFile;

/// The file could not be opened; the reader says why.
#[derive(Debug, Serialize)]
pub struct Unreadable {
    pub reason: Text,
}

impl Violation for Unreadable {
    fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::Ja => format!("ファイルを読めません。{}", self.reason.ja),
            Lang::En => format!("Cannot read the file. {}", self.reason.en),
        }
    }
}

impl Rule for UnreadableFile {
    fn check_file(&self, f: &FileCx, out: &mut Findings) {
        let s = f.submission();
        if let Err(fail) = &s.result {
            out.push(
                Location::file(s.path.clone()),
                Unreadable {
                    reason: fail.reason.clone(),
                },
            );
        }
    }
}
