//! 入力フォルダ内にある表計算ファイルでないファイルで、読まなかったものを知らせます。
//!
//! ## 点検内容
//! フォルダからは .xlsx、.xlsm、.xlsb、.xls、.ods、.csv のファイルを探します
//! （CSVは1シートのブックとして読みます）。担当課が評価シートの代わりに送って
//! きそうな種類のファイル（PDF、Word、テキスト、画像、zip、メール）は、点検済みと
//! 誤解されないようここで一覧にします。それ以外のファイル（スクリプトや事務局自身の
//! メモなど）は何も言わずに読み飛ばします。コマンドラインで直接指定したファイルは、
//! 拡張子にかかわらず必ず読みます（ブックでなければ F001 で指摘します）。
//!
//! ## 理由
//! 評価シートをPDFで送ってきた担当課は、まだ提出していないのと同じです。
//! 事務局は、会議の後ではなく前にそのことを知る必要があります。
//!
//! ## 例
//! 指摘あり: ブックと並んで置かれた `提出/財政課.pdf`。
//! 指摘なし: Excelのロックファイル（`~$財政課.xlsx`）。これは何も言わずに読み飛ばします。
//!
//! ---
//!
//! A file in an input folder that is not a spreadsheet, and so was not read.
//!
//! ## What it checks
//! Folders are searched for .xlsx, .xlsm, .xlsb, .xls, .ods and .csv files
//! (CSV exports are read as one-sheet workbooks). Files of the kinds a
//! department might send instead (PDF, Word, text, images, zip, mail) are
//! listed here so that nobody assumes they were checked; other files
//! (scripts, notes of the office itself) are passed over silently. A file named explicitly on the command line is always read,
//! whatever its extension (and F001 says if it is no workbook).
//!
//! ## Why it matters
//! A department that sends its sheet as PDF has not submitted it; the office
//! should know before the meeting, not after.
//!
//! ## Example
//! Reported: `提出/財政課.pdf` beside the workbooks.
//! Not reported: Excel's lock files (`~$財政課.xlsx`), which are skipped silently.

use serde::Serialize;

use crate::facts::batch::Batch;
use crate::model::finding::{Lang, Violation};
use crate::model::location::Location;
use crate::rules::{Findings, Rule};

pub struct NotASpreadsheet;

/// Extensions of documents a department might submit in place of a workbook
/// (CSV is read as a workbook, so it is not among them).
const DOCUMENTS: &[&str] = &[
    "pdf", "doc", "docx", "odt", "rtf", "txt", "tsv", "ppt", "pptx", "jpg", "jpeg", "png", "gif",
    "tif", "tiff", "heic", "zip", "lzh", "7z", "msg", "eml", "numbers", "pages",
];

fn is_document(path: &str) -> bool {
    std::path::Path::new(path)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| DOCUMENTS.iter().any(|d| d.eq_ignore_ascii_case(e)))
}

/// A document in the input folders that hyoka does not read.
#[derive(Debug, Serialize)]
pub struct NotRead;

impl Violation for NotRead {
    fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::Ja => "表計算ファイルではないため読んでいません。点検するのは .xlsx・.xls・.ods などの表計算ファイルだけです。評価シートであればExcel形式で提出してもらってください。",
            Lang::En => "Not a spreadsheet, so not read (only .xlsx, .xls, .ods … are checked).",
        }
        .to_string()
    }
}

impl Rule for NotASpreadsheet {
    fn check_batch(&self, b: &Batch, out: &mut Findings) {
        for p in b.skipped.iter().filter(|p| is_document(p)) {
            out.push(Location::file(p.as_str().into()), NotRead);
        }
    }
}
