//! 非表示の評価シートを指摘します。表示されているシートの横に残った古い写しか、担当課から見えなくなっている取組項目の唯一のシートです。
//!
//! ## 点検内容
//! シート見出しが非表示（Excelの再表示ダイアログにも出てこない「完全な非表示」を
//! 含みます）になっているすべての評価シートを対象にします。同じファイルの表示
//! されているシートが同じ取組項目を持つときは、非表示のシートは古い写し
//! （「シート3-(4) (旧)」）です。hyoka はこれを読まず（非表示の写しが担当課に
//! 見えている内容より優先されることはありません）、そのことと、評価が異なるか
//! どうかを知らせます。その取組項目の唯一のシートであるときは、hyoka はそれを
//! 読み、提出した内容が担当課から見えていないおそれがあることを警告します。
//!
//! ## 理由
//! 以前は、ブックの先頭に置かれた非表示の写しが使われ、表示されているシートの
//! 評価がそれと食い違うと指摘されていました（G013）。非表示のシートは、誰も
//! 画面で校正していないものです。事務局は、削除するか表示するよう依頼して
//! ください。
//!
//! ## 例
//! 指摘あり: 令和6年度が `B` の非表示の「シート3-(4) (旧)」と、`A` の表示されている
//! 「(4)基金」があるブック。表示されている方の `A` を使います。
//! 指摘なし: すべてのシートが表示されているブック。
//!
//! ---
//!
//! A hidden 評価シート: a leftover copy beside the visible one, or the only
//! sheet of its item, hidden from the department.
//!
//! ## What it checks
//! Every 評価シート whose tab is hidden (or very hidden, which Excel's
//! 再表示 dialog does not even list). When a visible sheet of the same file
//! holds the same 取組項目, the hidden one is an old copy
//! (「シート3-(4) (旧)」): hyoka does not read it — a hidden copy never
//! overrides what the department sees — and says so, and whether its grades
//! differ. When it is the only sheet of its item, hyoka reads it and warns
//! that the department may not see what it submitted.
//!
//! ## Why it matters
//! Before, a hidden copy placed first in the workbook was the one used, and
//! the visible sheet's grades were reported as conflicting with it (G013).
//! A hidden sheet is something nobody proofread on screen: the secretariat
//! should have it removed or shown.
//!
//! ## Example
//! Reported: a hidden 「シート3-(4) (旧)」 with 令和6年度 `B` beside the
//! visible 「(4)基金」 with `A` — the visible `A` is used.
//! Not reported: a workbook whose sheets are all visible.

use serde::Serialize;

use crate::facts::file::FileCx;
use crate::model::finding::{Lang, Violation};
use crate::rules::{Findings, Rule};

pub struct HiddenSheet;

#[derive(Debug, Serialize)]
pub struct Hidden {
    pub item: Option<String>,
    pub copy_of: Option<String>,
    pub grades_differ: bool,
}

impl Violation for Hidden {
    fn message(&self, lang: Lang) -> String {
        let item = self.item.as_deref().unwrap_or("?");
        match (lang, &self.copy_of) {
            (Lang::Ja, Some(v)) => format!(
                "非表示のシートです。表示されているシート「{v}」と同じ取組項目 {item} を含むため古い写しとみなし、読み込みに使っていません。{}不要なら削除してもらってください。",
                if self.grades_differ {
                    "評価が表示中のシートと異なります。"
                } else {
                    ""
                }
            ),
            (Lang::Ja, None) => format!(
                "取組項目 {item} の評価シートが非表示になっています。読み込みましたが、提出した課の画面には表示されていません。表示に戻して内容を確かめてもらってください。"
            ),
            (Lang::En, Some(v)) => format!(
                "Hidden sheet: it holds item {item}, as the visible sheet `{v}` does, so it is taken as an old copy and not read{}.",
                if self.grades_differ {
                    " (its grades differ)"
                } else {
                    ""
                }
            ),
            (Lang::En, None) => format!(
                "The evaluation sheet of item {item} is hidden; it was read, but the department does not see it."
            ),
        }
    }
}

impl Rule for HiddenSheet {
    fn check_file(&self, f: &FileCx, out: &mut Findings) {
        let Some(w) = f.workbook() else { return };
        for h in &w.hidden_sheets {
            out.push(
                h.at.clone(),
                Hidden {
                    item: h.item.map(|i| i.to_string()),
                    copy_of: h.copy_of.as_deref().map(str::to_string),
                    grades_differ: h.grades_differ,
                },
            );
        }
    }
}
