//! 提出されたファイルのうち、ブックとして開けないものを指摘します。
//!
//! ## 点検内容
//! 入力されたブックは、ファイル名ではなく中身のバイト列から形式（xlsx、xlsm、
//! xlsb、xls、ods）を判断して開きます。`.csv` のファイルはCSVとして読みます。
//! 空のファイル、パスワードで保護されたファイル、壊れたファイル、そもそも
//! 表計算ファイルでないものは、その理由とともにここで指摘し、残りのファイルの
//! 点検は続けます。
//!
//! ## 理由
//! 誰も読めないファイルに書かれた評価は、誰も点検していないことになります。
//! 事務局は、会議の前に担当課へ読めるファイルの再提出を依頼する必要があります。
//!
//! ## 例
//! 指摘あり: 実際にはPDFである `広報課.xlsx`、またはパスワードを付けて保存したブック。
//! 指摘なし: ExcelやLibreOfficeがパスワードなしで開けるブック。
//!
//! ---
//!
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
