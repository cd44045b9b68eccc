//! hyoka は読み取れるものの、読み違いのおそれがある書き方で入力された評価を
//! セルごとに指摘します。
//!
//! ## 点検内容
//! 評価のセルには、正式な記号 `A`、`B`、`C`、`—` のいずれかが入っていなければ
//! なりません。小文字（`a`、`ａ`）、後ろに付いた語（`A評価`）、補足
//! （`Ａ（達成）`）、かぎかっこや引用符（`「A」`）、`—` の代わりに入力された
//! 半角のハイフン `-` や `–`、`‐`、罫線 `─`、漢字の `一`、横線の重ね打ち
//! （`－－`）、記号と一緒に貼り付けられた見えない文字（ゼロ幅スペース U+200B、
//! BOM U+FEFF。画面上は正しく見えるため、メッセージでその文字を示します）は、
//! 正しく読み取ったうえで、印刷前にシートを整えられるよう指摘します。記号の
//! 前後の空白（U+00A0 や全角スペースを含みます）は指摘しません。日本語入力で
//! ごく普通に打たれる全角の `Ａ`・`Ｂ`・`Ｃ` と `－`・`―`・`ー` などは、この
//! 点検ではなく G002 がファイルごとに1件の情報として知らせます。
//!
//! ## 理由
//! 集約ブックと印刷する報告書は正式な記号を使います。これらの書き方は、別の
//! 評価や別の尺度の記号と取り違えられていることもあり、他のツール（Excelの
//! フィルターやピボットテーブル）は別の値として扱います。見えない文字は
//! 貼り付け元の確認が必要なしるしです。
//!
//! ## 例
//! 指摘あり: 個別評価 令和6年度が `A評価`（修正: `A`）、または `-`（修正: `—`）。
//! 指摘なし: セルが `A` または `—`（`Ａ` や `－` は G002）。
//!
//! ---
//!
//! A grade typed in a form hyoka understands but that may be a misreading,
//! reported cell by cell.
//!
//! ## What it checks
//! Every grade cell must hold the canonical symbol: `A`, `B`, `C` or `—`.
//! Lower case (`a`, `ａ`), a suffix (`A評価`), a gloss (`Ａ（達成）`), quotes
//! (`「A」`), the ASCII hyphen `-`, `–`, `‐`, the box-drawing `─`, the kanji
//! `一` or repeated dashes (`－－`) for `—`, and invisible characters pasted
//! with the symbol (a zero-width space U+200B, a BOM U+FEFF: the message names
//! the character, since the cell looks right on screen) are read correctly,
//! and reported so the sheet can be cleaned before it is printed. White space
//! around the symbol (including U+00A0 and the full-width space) is not
//! reported. The full-width `Ａ`, `Ｂ`, `Ｃ` and the input-method dashes
//! (`－`, `―`, `ー` …) a Japanese input method types are G002's, once per
//! file as information.
//!
//! ## Why it matters
//! The consolidated workbook and the printed report use the canonical symbols.
//! These forms are sometimes another grade or another scale's symbol
//! mistaken, and other tools (a filter in Excel, a pivot table) treat them as
//! different values; an invisible character means the source of a paste
//! needs a look.
//!
//! ## Example
//! Fails: 個別評価 令和6年度 holds `A評価` (fix: `A`), or `-` (fix: `—`).
//! Passes: the cell holds `A` or `—` (`Ａ` or `－` are G002's).

use serde::Serialize;

use crate::facts::file::FileCx;
use crate::model::finding::{Lang, Violation};
use crate::model::grade::{Grade, GradeReading};
use crate::model::text::{char_name, is_invisible};
use crate::model::year::FiscalYear;
use crate::rules::grades::grade_variant::{input_method_form, shown};
use crate::rules::{Findings, Rule};

pub struct IrregularGrade;

/// A grade typed in another form than its canonical symbol.
#[derive(Debug, Serialize)]
pub struct Variant {
    pub year: FiscalYear,
    pub typed: String,
    pub read_as: Grade,
}

impl Violation for Variant {
    fn message(&self, lang: Lang) -> String {
        let (y, g) = (self.year, self.read_as);
        let t = shown(&self.typed);
        let hidden: Vec<String> = self
            .typed
            .chars()
            .filter(|c| is_invisible(*c))
            .map(char_name)
            .collect();
        match (lang, hidden.is_empty()) {
            (Lang::Ja, true) => {
                format!("{y}の評価「{t}」は「{g}」と読みました。表記を「{g}」にそろえてください。")
            }
            (Lang::Ja, false) => format!(
                "{y}の評価「{t}」には見えない文字（{}）が入っています。「{g}」と読みましたが、セルを「{g}」だけに入力し直してください。",
                hidden.join("、")
            ),
            (Lang::En, true) => format!(
                "The {} grade `{t}` was read as `{g}`; write it as `{g}`.",
                y.short()
            ),
            (Lang::En, false) => format!(
                "The {} grade `{t}` holds an invisible character ({}); read as `{g}`, retype it as `{g}`.",
                y.short(),
                hidden.join(", ")
            ),
        }
    }
    fn found(&self) -> Option<String> {
        Some(shown(&self.typed))
    }
    fn expected(&self) -> Option<String> {
        Some(self.read_as.symbol().into())
    }
    fn suggestion(&self, lang: Lang) -> Option<String> {
        let g = self.read_as;
        Some(match lang {
            Lang::Ja => format!("「{g}」と入力してください。"),
            Lang::En => format!("type `{g}`"),
        })
    }
}

impl Rule for IrregularGrade {
    fn check_file(&self, f: &FileCx, out: &mut Findings) {
        for (sheet, cell, raw) in f.grade_cells() {
            if let GradeReading::Variant(g) = cell.reading
                && input_method_form(raw) != Some(g)
            {
                out.push(
                    sheet.loc(cell.cell),
                    Variant {
                        year: cell.year,
                        typed: raw.to_string(),
                        read_as: g,
                    },
                );
            }
        }
    }
}
