//! A file in an input folder that is not a spreadsheet, and so was not read.
//!
//! ## What it checks
//! Folders are searched for .xlsx, .xlsm, .xls, .xlsb and .ods files. Files
//! of the kinds a department might send instead (PDF, Word, CSV, text,
//! images, zip, mail) are listed here so that nobody assumes they were
//! checked; other files (scripts, notes of the office itself) are passed over
//! silently. A file named explicitly on the command line is always read,
//! whatever its extension (and F001 says if it is no workbook).
//!
//! ## Why it matters
//! A department that sends its sheet as PDF has not submitted it; the office
//! should know before the meeting, not after.
//!
//! ## Example
//! Reported: `提出/財政課.pdf` beside the workbooks.
//! Not reported: Excel's lock files (`~$財政課.xlsx`), which are skipped silently.

use crate::derive::batch::Batch;
use crate::model::finding::{Finding, Severity, Text};
use crate::model::location::Location;
use crate::rules::Rule;

pub struct NotASpreadsheet;

/// Extensions of documents a department might submit in place of a workbook.
const DOCUMENTS: &[&str] = &[
    "pdf", "doc", "docx", "odt", "rtf", "txt", "csv", "tsv", "ppt", "pptx", "jpg", "jpeg", "png",
    "gif", "tif", "tiff", "heic", "zip", "lzh", "7z", "msg", "eml", "numbers", "pages",
];

fn is_document(path: &str) -> bool {
    std::path::Path::new(path)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| DOCUMENTS.iter().any(|d| d.eq_ignore_ascii_case(e)))
}

impl Rule for NotASpreadsheet {
    fn code(&self) -> &'static str {
        "F005"
    }
    fn name(&self) -> &'static str {
        "not-a-spreadsheet"
    }
    fn severity(&self) -> Severity {
        Severity::Info
    }
    fn check_batch(&self, b: &Batch, out: &mut Vec<Finding>) {
        for p in b.skipped.iter().filter(|p| is_document(p)) {
            out.push(self.finding(
                Location::file(p.as_str().into()),
                Text::new(
                    "表計算ファイルではないため読んでいません（.xlsx・.xls・.ods などのみ点検します）。評価シートならExcel形式で提出してもらってください。",
                    "Not a spreadsheet, so not read (only .xlsx, .xls, .ods … are checked).",
                ),
            ));
        }
    }
}
