//! 評価シート、数値目標、評価コメントのいずれと認められるシートも含まないブックを指摘します。
//!
//! ## 点検内容
//! シートは、見出しの列のラベル（基本方針、取組項目名、主な事業、個別評価 …）、
//! または数値目標・評価コメントの見出し行によって認識します。該当するシートが
//! 一つもないブックは、そのブックにあるシート名を示して指摘します。
//!
//! ## 理由
//! 多くの場合、別のファイル（前年度の予算表、下書きなど）が送られたか、
//! ラベルが削除されています。いずれにしても、そのままではこのブックの評価が
//! 気付かれないまま抜け落ちます。
//!
//! ## 例
//! 指摘あり: 予算表だけを載せた `Sheet1` しかないブック。
//! 指摘なし: A列に 基本方針、取組項目名、… と並ぶシートがあるブック。
//!
//! ---
//!
//! A workbook in which no sheet is recognised as a 評価シート, 数値目標 or 評価コメント.
//!
//! ## What it checks
//! Sheets are recognised by their labels in the label column (基本方針,
//! 取組項目名, 主な事業, 個別評価 …) or by a 数値目標 / 評価コメント header. A workbook
//! where no sheet qualifies is reported with the names of the sheets it has.
//!
//! ## Why it matters
//! Usually the wrong file was sent (last year's budget sheet, a draft), or the
//! labels were deleted; either way its grades would silently be missing.
//!
//! ## Example
//! Fails: a workbook whose only sheet is `Sheet1` holding a budget table.
//! Passes: a workbook with a sheet whose column A reads 基本方針, 取組項目名, …

use serde::Serialize;

use crate::facts::file::FileCx;
use crate::model::finding::{Lang, Violation};
use crate::model::location::Location;
use crate::rules::{Findings, Rule};

pub struct NoEvaluationSheet;

/// A workbook with nothing hyoka reads; the sheets it does hold.
#[derive(Debug, Serialize)]
pub struct NothingToRead {
    pub sheets: Vec<String>,
}

impl Violation for NothingToRead {
    fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::Ja => "評価シートも数値目標シートも見つかりません。提出ファイルが正しいか、A列の見出し（基本方針・取組項目名・主な事業・個別評価など）が残っているか確認してください。",
            Lang::En => "No evaluation sheet or numeric-target sheet found. Check that this is the right file and that the labels in column A (基本方針, 取組項目名, 主な事業, 個別評価 …) are present.",
        }
        .to_string()
    }
    fn found(&self) -> Option<String> {
        Some(self.sheets.join(", "))
    }
}

impl Rule for NoEvaluationSheet {
    fn check_file(&self, f: &FileCx, out: &mut Findings) {
        let s = f.submission();
        if let Some(w) = s.workbook()
            && w.eval_sheets.is_empty()
            && w.targets.is_empty()
            && w.comments.is_empty()
        {
            let sheets = w.sheets.iter().map(|s| s.name.to_string()).collect();
            out.push(Location::file(s.path.clone()), NothingToRead { sheets });
        }
    }
}
