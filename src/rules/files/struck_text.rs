//! Struck-through text (見え消し) that hyoka left out of a cell.
//!
//! ## What it checks
//! In an xlsx, text in a struck-through font — a run of a rich-text cell,
//! or the whole cell — is a deletion kept visible for the reviewer, not the
//! cell's content. hyoka reads the cell without it (so `~~B~~A` is the grade
//! `A`, and `~~9,200,000,000円~~9,201,902,641円` the figure 9,201,902,641円)
//! and says, once per cell, what it left out.
//!
//! What is read: struck runs of the shared-string table and cells whose
//! font is struck through (xlsx, xlsm). Not read: strikethrough in .xls and
//! .ods files, and in strings stored inline in the sheet (Excel stores
//! strings in the shared table; openpyxl does not write rich text inline).
//!
//! ## Why it matters
//! Read with its runs joined, a revised grade is the unknown symbol `BA`
//! and a revised figure raises false differences against the old one. The
//! note lets the secretariat confirm that the deletion was meant, and ask
//! for a clean copy before the report is printed.
//!
//! ## Example
//! Reported (info): 個別評価 令和6年度 `~~B~~A` — hyoka reads `A`.
//! Not reported: the same cell typed `A`.

use serde::Serialize;

use crate::facts::file::FileCx;
use crate::model::finding::{Lang, Violation};
use crate::rules::{Findings, Rule};

pub struct StruckText;

/// Text struck through in a cell, and what hyoka read instead.
#[derive(Debug, Serialize)]
pub struct LeftOutStruck {
    pub struck: String,
    pub whole: bool,
}

impl Violation for LeftOutStruck {
    fn message(&self, lang: Lang) -> String {
        match (lang, self.whole) {
            (Lang::Ja, false) => format!(
                "取り消し線（見え消し）の「{}」は削除された記載として読み飛ばしました。提出版では取り消し部分を消してもらってください。",
                self.struck
            ),
            (Lang::Ja, true) => format!(
                "セル全体に取り消し線（見え消し）が引かれているため、「{}」は読んでいません。削除のつもりでなければ取り消し線を外してもらってください。",
                self.struck
            ),
            (Lang::En, false) => format!(
                "Struck-through text `{}` (a revision) was left out of the cell.",
                self.struck
            ),
            (Lang::En, true) => format!(
                "The whole cell is struck through; `{}` was not read.",
                self.struck
            ),
        }
    }
    fn found(&self) -> Option<String> {
        Some(self.struck.clone())
    }
}

impl Rule for StruckText {
    fn check_file(&self, f: &FileCx, out: &mut Findings) {
        if let Some(w) = f.workbook() {
            for s in &w.struck {
                out.push(
                    s.at.clone(),
                    LeftOutStruck {
                        struck: s.value.text.clone(),
                        whole: s.value.whole,
                    },
                );
            }
        }
    }
}
