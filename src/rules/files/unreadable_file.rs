//! A submitted file that cannot be opened as a workbook.
//!
//! ## What it checks
//! Every input file is opened by what its bytes are (xlsx, xlsm, xls, ods),
//! not by its name. A file that is empty, encrypted, damaged or not a
//! spreadsheet at all is reported here with the reason, and the rest of the
//! batch goes on.
//!
//! ## Why it matters
//! A file nobody can read holds grades nobody checked. The planning office has
//! to ask the department for a usable copy before the meeting.
//!
//! ## Example
//! Fails: `広報課.xlsx` that is really a PDF, or a workbook saved with a password.
//! Passes: any workbook Excel or LibreOffice can open without a password.

use crate::derive::file::FileCx;
use crate::model::finding::{Finding, Severity, Text};
use crate::model::location::Location;
use crate::rules::Rule;

pub struct UnreadableFile;

impl Rule for UnreadableFile {
    fn code(&self) -> &'static str {
        "F001"
    }
    fn name(&self) -> &'static str {
        "unreadable-file"
    }
    fn severity(&self) -> Severity {
        Severity::Error
    }
    fn check_file(&self, f: &FileCx, out: &mut Vec<Finding>) {
        let s = f.submission();
        if let Err(fail) = &s.result {
            out.push(self.finding(
                Location::file(s.path.clone()),
                Text::new(
                    format!("ファイルを読めません。{}", fail.reason.ja),
                    format!("Cannot read the file. {}", fail.reason.en),
                ),
            ));
        }
    }
}
