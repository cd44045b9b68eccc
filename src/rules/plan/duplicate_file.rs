//! 同じファイルが二回提出されていること（二つの名前で中身のバイト列が同一）を指摘します。
//!
//! ## 点検内容
//! 中身がバイト単位で同じ二つの入力ファイルを対象にします。後の方（ファイルの順番で）を、
//! 最初の方を示して指摘します。hyoka は両方を読み、重複したシートは通常どおり P004 と
//! G013 で比べます。
//!
//! ## 理由
//! フォルダに残った写し（`財政課 - コピー.xlsx`）は、今日は無害でも明日は落とし穴に
//! なります。次の修正はどちらか一方に入り、推進会議はもう一方を目にするかもしれません。
//!
//! ## 例
//! 指摘あり: 同じ内容の `財政課.xlsx` と `財政課 - コピー.xlsx`。
//! 指摘なし: `財政課.xlsx` だけがある。
//!
//! ---
//!
//! The same file submitted twice (identical bytes under two names).
//!
//! ## What it checks
//! Two input files whose contents are byte for byte the same. The later one
//! (in file order) is reported, naming the first. hyoka reads both, and the
//! duplicate sheets are then compared by P004 and G013 as usual.
//!
//! ## Why it matters
//! A copy (`財政課 - コピー.xlsx`) left in the folder is harmless today and a
//! trap tomorrow: the next correction goes into one of the two, and the
//! committee may see the other.
//!
//! ## Example
//! Fails: `財政課.xlsx` and `財政課 - コピー.xlsx` with the same content.
//! Passes: only `財政課.xlsx`.

use serde::Serialize;

use crate::facts::batch::Batch;
use crate::model::finding::{Lang, Violation};
use crate::model::location::Location;
use crate::rules::{Findings, Rule};

pub struct DuplicateFile;

/// A file whose bytes are those of an earlier one.
#[derive(Debug, Serialize)]
pub struct SameBytes {
    pub first: String,
}

impl Violation for SameBytes {
    fn message(&self, lang: Lang) -> String {
        let f = &self.first;
        match lang {
            Lang::Ja => format!(
                "{f} と中身がまったく同じファイルです。不要な方を提出フォルダから除いてください。"
            ),
            Lang::En => format!("The file is identical to {f}; remove the one not needed."),
        }
    }
}

impl Rule for DuplicateFile {
    fn check_batch(&self, b: &Batch, out: &mut Findings) {
        let mut first_with: std::collections::HashMap<u64, usize> = Default::default();
        for (i, s) in b.files.iter().enumerate() {
            let Some(d) = s.kept().and_then(|w| w.digest) else {
                continue;
            };
            let first = &b.files[*first_with.entry(d).or_insert(i)];
            if std::ptr::eq(first, s) {
                continue;
            }
            out.push(
                Location::file(s.path.clone()),
                SameBytes {
                    first: first.path.to_string(),
                },
            )
            .related(Location::file(first.path.clone()));
        }
    }
}
