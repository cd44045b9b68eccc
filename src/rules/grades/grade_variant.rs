//! 全角の `Ａ`・`Ｂ`・`Ｃ` や、日本語入力で打った横線（`－`、`―`、`ー` など）で
//! 入力された評価を、ファイルごとに1件の情報としてまとめて知らせます。
//!
//! ## 点検内容
//! 評価のセルの正式な記号は `A`、`B`、`C`、`—` です。日本語入力のまま打つと
//! 全角の `Ａ`・`Ｂ`・`Ｃ` や、`—` の代わりに全角のハイフン `－`（Mac では
//! `−`）、ダッシュ `―`、長音 `ー`（半角の `ｰ` を含みます）になりますが、
//! hyoka はこれらをそれぞれ `A`・`B`・`C`・`—` として読み、集約ブックには
//! 正式な記号で書き出します。そのため、この点検はセルごとではなく、ファイル
//! ごとに1件だけ、最初のセルを示して（ほかのセルは関連箇所として）知らせます。
//! 記号の前後の空白は問いません。小文字（`a`）、後ろに付いた語（`A評価`）、
//! 補足（`Ａ（達成）`）、見えない文字、そのほかの横線（`-`、`一` など）は
//! 読み違いのおそれがあるため、この点検ではなく G006 がセルごとに指摘します。
//!
//! ## 理由
//! 全角や長音での入力は日本語入力でごく普通に起こり、読み取りにも集計にも
//! 影響しません。セルごとに警告すると本当に確認が必要な指摘が埋もれるため、
//! 「このファイルには全角などの入力がある」ことだけを伝え、印刷前に表記を
//! そろえたいときの手がかりにします。
//!
//! ## 例
//! 指摘あり: 個別評価 令和6年度が `Ａ`、令和7年度が `－`（ファイルに1件、
//! 2か所）。
//! 指摘なし: セルが `A` または `—`。
//!
//! ---
//!
//! Grades typed as full-width `Ａ`, `Ｂ`, `Ｃ` or with an input-method dash
//! (`－`, `―`, `ー` …), reported once per file as information.
//!
//! ## What it checks
//! The canonical grade symbols are `A`, `B`, `C` and `—`. Typed through a
//! Japanese input method they often come out as full-width `Ａ`, `Ｂ`, `Ｃ`,
//! or, for `—`, the full-width hyphen `－` (`−` on a Mac), the horizontal bar
//! `―` or the long-vowel mark `ー` (also half-width `ｰ`). hyoka reads them as
//! `A`, `B`, `C` and `—` and writes the canonical symbols to the consolidated
//! workbook, so this rule reports them once per file, at the first such cell
//! with the others as related cells, rather than once per cell. White space
//! around the symbol does not matter. Lower case (`a`), a suffix (`A評価`), a
//! gloss (`Ａ（達成）`), invisible characters and other dashes (`-`, `一` …)
//! may be misreadings and are reported cell by cell by G006, not by this rule.
//!
//! ## Why it matters
//! Full-width input is what a Japanese input method types by default, and it
//! changes neither the reading nor the totals. A warning per cell would bury
//! the findings that need a look; one note per file tells the office the
//! file holds such cells, in case it wants the sheet tidy before printing.
//!
//! ## Example
//! Fails: 個別評価 holds `Ａ` for 令和6年度 and `－` for 令和7年度 (one
//! finding for the file, two cells).
//! Passes: the cells hold `A` or `—`.

use serde::Serialize;

use crate::facts::file::FileCx;
use crate::model::finding::{Lang, Violation};
use crate::model::grade::{Grade, GradeReading};
use crate::model::location::Location;
use crate::model::text::is_invisible;
use crate::rules::{Findings, Rule};

pub struct GradeVariant;

/// The grade a cell means when it holds one of the input-method forms of a
/// symbol — `Ａ`, `Ｂ`, `Ｃ`, `－`, `−`, `―`, `ー`, `ｰ` — and nothing else but
/// white space; `None` for anything else (canonical symbols included).
pub fn input_method_form(raw: &str) -> Option<Grade> {
    let t = raw.trim_matches(char::is_whitespace);
    let mut chars = t.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else {
        return None;
    };
    match c {
        'Ａ' => Some(Grade::A),
        'Ｂ' => Some(Grade::B),
        'Ｃ' => Some(Grade::C),
        '－' | '−' | '―' | 'ー' | 'ｰ' => Some(Grade::NotEvaluable),
        _ => None,
    }
}

/// Cells of one file whose grades were typed in their input-method forms.
#[derive(Debug, Serialize)]
pub struct InputMethodGrades {
    /// How many cells.
    pub cells: usize,
    /// The distinct forms typed, in the order met.
    pub forms: Vec<TypedForm>,
}

/// A form typed, and the grade it was read as.
#[derive(Debug, Serialize)]
pub struct TypedForm {
    pub typed: String,
    pub read_as: Grade,
}

impl InputMethodGrades {
    fn typed(&self) -> impl Iterator<Item = &str> {
        self.forms.iter().map(|f| f.typed.as_str())
    }

    /// 全角 / 長音 / 全角や長音, as the forms are.
    fn kinds_ja(&self) -> &'static str {
        let long = |t: &str| matches!(t, "ー" | "ｰ");
        match (self.typed().any(|t| !long(t)), self.typed().any(long)) {
            (true, true) => "全角や長音",
            (false, true) => "長音",
            _ => "全角",
        }
    }

    fn kinds_en(&self) -> &'static str {
        let long = |t: &str| matches!(t, "ー" | "ｰ");
        match (self.typed().any(|t| !long(t)), self.typed().any(long)) {
            (true, true) => "in full width or with the long-vowel mark",
            (false, true) => "with the long-vowel mark",
            _ => "in full width",
        }
    }
}

impl Violation for InputMethodGrades {
    fn message(&self, lang: Lang) -> String {
        let n = self.cells;
        match lang {
            Lang::Ja => {
                let examples: String = self.typed().map(|t| format!("「{t}」")).collect();
                let read: Vec<String> = self
                    .forms
                    .iter()
                    .map(|f| format!("「{}」を {}", f.typed, f.read_as))
                    .collect();
                format!(
                    "{examples}など、評価の記号が{}で入力されているセルが{n}か所あります。評価は{} として読みました。",
                    self.kinds_ja(),
                    read.join("、")
                )
            }
            Lang::En => {
                let examples: Vec<String> = self.typed().map(|t| format!("`{t}`")).collect();
                let read: Vec<String> = self
                    .forms
                    .iter()
                    .map(|f| format!("`{}` as `{}`", f.typed, f.read_as))
                    .collect();
                let cells = if n == 1 { "cell holds" } else { "cells hold" };
                format!(
                    "{n} {cells} a grade typed {} ({}); the grades were read {}.",
                    self.kinds_en(),
                    examples.join(", "),
                    read.join(", ")
                )
            }
        }
    }
    fn found(&self) -> Option<String> {
        Some(self.typed().collect::<Vec<_>>().join(", "))
    }
    fn expected(&self) -> Option<String> {
        let canonical: Vec<&str> = self.forms.iter().map(|f| f.read_as.symbol()).collect();
        Some(canonical.join(", "))
    }
    fn suggestion(&self, lang: Lang) -> Option<String> {
        Some(match lang {
            Lang::Ja => {
                "直さなくても読み取りと集計に影響はありません。表記をそろえる場合は A・B・C・— で入力してください。".into()
            }
            Lang::En => {
                "nothing needs fixing for the reading or the totals; to tidy the sheet, type A, B, C or —".into()
            }
        })
    }
}

/// The typed text with its invisible characters made visible: `A<U+200B>`.
pub fn shown(typed: &str) -> String {
    typed
        .chars()
        .map(|c| {
            if is_invisible(c) {
                format!("<U+{:04X}>", c as u32)
            } else {
                c.to_string()
            }
        })
        .collect()
}

impl Rule for GradeVariant {
    fn check_file(&self, f: &FileCx, out: &mut Findings) {
        let mut cells: Vec<Location> = Vec::new();
        let mut forms: Vec<TypedForm> = Vec::new();
        for (sheet, cell, raw) in f.grade_cells() {
            let GradeReading::Variant(g) = cell.reading else {
                continue;
            };
            if input_method_form(raw) != Some(g) {
                continue;
            }
            let typed = raw.trim_matches(char::is_whitespace);
            if !forms.iter().any(|f| f.typed == typed) {
                forms.push(TypedForm {
                    typed: typed.to_string(),
                    read_as: g,
                });
            }
            cells.push(sheet.loc(cell.cell));
        }
        let mut cells = cells.into_iter();
        let Some(first) = cells.next() else {
            return;
        };
        let finding = out.push(
            first,
            InputMethodGrades {
                cells: cells.len() + 1,
                forms,
            },
        );
        // Grade cells are distinct: set them at once rather than one by one.
        finding.related = cells.collect();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_method_forms() {
        for (s, g) in [
            ("Ａ", Grade::A),
            (" Ｂ\u{3000}", Grade::B),
            ("Ｃ", Grade::C),
            ("－", Grade::NotEvaluable),
            ("−", Grade::NotEvaluable),
            ("―", Grade::NotEvaluable),
            ("ー", Grade::NotEvaluable),
            ("ｰ", Grade::NotEvaluable),
        ] {
            assert_eq!(input_method_form(s), Some(g), "{s}");
        }
        for s in [
            "A",
            "—",
            "a",
            "ａ",
            "A評価",
            "Ａ（達成）",
            "-",
            "一",
            "－－",
            "Ａ\u{200B}",
            "",
        ] {
            assert_eq!(input_method_form(s), None, "{s}");
        }
    }
}
