//! シートが hyoka の読み取り上限を超えたため、読まなかったセルがあることを指摘します。
//!
//! ## 点検内容
//! 壊れたファイルや悪意のあるファイル一つで時間やメモリを使い果たさないよう、
//! hyoka はシートの10,000行・200列まで、セルの100,000文字までを読みます
//! （`docs/robustness.md` を参照してください）。シートにこの範囲を超えるセルや、
//! これより長い文章があるときは、そのシートについてこのルールで知らせます。
//!
//! ## 理由
//! 読んでいないものは点検できません。1,048,576行目にあるセルは多くの場合
//! 無害です（Ctrl+↓ を押して入力してしまったものです）が、黙って読み捨てる
//! のではなく、気付いて削除していただく必要があります。
//!
//! ## 例
//! 指摘あり: `XFD1048576` に値がある評価シート。
//! 指摘なし: 同じシートで、そのセルを消去したもの。
//!
//! ---
//!
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
