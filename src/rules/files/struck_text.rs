//! 見え消し（取消線付きの文字）で、hyoka がセルの内容から除いたものを知らせます。
//!
//! ## 点検内容
//! xlsx では、取消線の書式が付いた文字（リッチテキストのセルの一部分、または
//! セル全体）は、確認する人のために残した削除箇所であり、セルの内容ではありません。
//! hyoka はその部分を除いてセルを読み（`~~B~~A` は評価 `A`、
//! `~~9,200,000,000円~~9,201,902,641円` は数値 9,201,902,641円 と読みます）、
//! 除いた内容をセルごとに一度知らせます。
//!
//! 読むもの: 共有文字列表の取消線付きの部分と、フォントに取消線が付いたセル
//! （xlsx、xlsm）。読まないもの: .xls と .ods ファイルの取消線、およびシート内に
//! 直接保存された文字列の取消線（Excelは文字列を共有文字列表に保存します。
//! openpyxl はリッチテキストを直接保存しません）。
//!
//! ## 理由
//! 見え消し部分をつなげて読むと、修正した評価は `BA` という不明な記号になり、
//! 修正した数値は古い数値との間に誤った食い違いを生みます。この知らせにより、
//! 事務局は削除が意図どおりであることを確認し、報告書を印刷する前に見え消しの
//! ない版の提出を依頼できます。
//!
//! ## 例
//! 知らせあり（情報）: 個別評価 令和6年度 `~~B~~A`。hyoka は `A` と読みます。
//! 知らせなし: 同じセルに `A` とだけ入力されている。
//!
//! ---
//!
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
