//! 数値目標の値が数値でないことを指摘します。日付、TRUE・FALSE、「集計中」のような語、横線が対象です。
//!
//! ## 点検内容
//! 数値目標のシートの目標または実績の行で、年度の列の下にあるすべての値のセルを
//! 対象にします。数値、または数値として読める文字列（`98.9%`、`9,249,275千円`、
//! `約1,200件`）は数値です。空欄のセルはここでは見ません。それ以外のものは、その
//! セルで指摘します。日付（`9/20` と入力した値はExcelで日付になります）、論理値、
//! 数値を含まない文字列、横線（`-`、`－`、`―`。数値がないことを示します）です。
//! 数式のエラー（`#N/A`）は F003 で指摘します。
//!
//! ## 理由
//! 数値でない値は目標と比べられないため、取組内容の達成度を判断できません。この
//! ルールができる前は、このようなセルは点検からも、集約した数値目標のシートからも、
//! そのまま消えていました。横線は意図して入力されることが多いもの（「まだ集計して
//! いない」）ですが、その場合は推進会議がその理由を確認できるようにすべきです。
//!
//! ## 例
//! 指摘あり: 令和6年度 実績が `集計中`、日付 2024-09-20、または TRUE。
//! 指摘なし: `98.9%`、`9201903`、または空欄のセル。
//!
//! ---
//!
//! A 数値目標 value that is not a figure: a date, TRUE / FALSE, a word such as
//! 「集計中」, or a dash.
//!
//! ## What it checks
//! Every value cell of a 目標 or 実績 row of a 数値目標 sheet, under a year
//! column. A number, or a text that reads as a figure (`98.9%`,
//! `9,249,275千円`, `約1,200件`), is a figure; an empty cell is not looked at
//! here. Anything else is reported at its cell: a date (a value typed as
//! `9/20` becomes a date in Excel), a logical value, a text with no figure,
//! or a dash (`-`, `－`, `―`), which says there is no figure. A formula error
//! (`#N/A`) is F003's.
//!
//! ## Why it matters
//! A value that is not a figure cannot be compared with its target, so the
//! achievement of the action cannot be judged, and before this rule such a
//! cell simply disappeared from the checks and from the consolidated
//! 数値目標 sheet. A dash is often meant ("not yet counted"), but then the
//! committee should see why.
//!
//! ## Example
//! Fails: 令和6年度 実績 `集計中`, or the date 2024-09-20, or TRUE.
//! Passes: `98.9%`, `9201903`, or an empty cell.

use serde::Serialize;

use crate::facts::file::FileCx;
use crate::facts::quantity::amount::Amount;
use crate::model::cell::CellValue;
use crate::model::finding::{Lang, Violation};
use crate::model::form::RowKind;
use crate::model::year::FiscalYear;
use crate::rules::{Findings, Rule};

pub struct TargetNotAFigure;

/// What was found instead of a figure.
#[derive(Debug, Serialize, Clone, Copy, PartialEq, Eq)]
pub enum Instead {
    Date,
    Logical,
    Dash,
    Words,
}

#[derive(Debug, Serialize)]
pub struct NotAFigure {
    pub year: FiscalYear,
    pub target: bool,
    pub found: String,
    pub instead: Instead,
}

impl Violation for NotAFigure {
    fn message(&self, lang: Lang) -> String {
        let (year, found) = (self.year, &self.found);
        match lang {
            Lang::Ja => {
                let row = if self.target { "目標" } else { "実績" };
                let what = match self.instead {
                    Instead::Date => "日付として保存されていて、数値ではありません",
                    Instead::Logical => "論理値（TRUE/FALSE）で、数値ではありません",
                    Instead::Dash => "数値がない印（ダッシュ）です",
                    Instead::Words => "数値として読めません",
                };
                format!(
                    "{year}の{row}「{found}」は{what}。このままでは目標の達成を判定できません。数値を記入するか、記入できない理由を備考に書いてもらってください。"
                )
            }
            Lang::En => {
                let row = if self.target { "target" } else { "actual" };
                let what = match self.instead {
                    Instead::Date => "is stored as a date, not a number",
                    Instead::Logical => "is a logical value, not a number",
                    Instead::Dash => "is a dash (no figure)",
                    Instead::Words => "is not a figure",
                };
                format!(
                    "The {} {row} `{found}` {what}; the achievement cannot be judged.",
                    year.short()
                )
            }
        }
    }
    fn found(&self) -> Option<String> {
        Some(self.found.clone())
    }
}

/// What a value cell holds instead of a figure, if it holds no figure.
fn instead(v: &CellValue) -> Option<Instead> {
    match v {
        CellValue::Date(_) => Some(Instead::Date),
        CellValue::Bool(_) => Some(Instead::Logical),
        CellValue::Text(t) => {
            let t = t.trim();
            if t.is_empty() || Amount::parse(t).is_some() {
                None
            } else if t
                .chars()
                .all(|c| matches!(c, '-' | '－' | '―' | '—' | '–' | 'ー' | '‐' | '─'))
            {
                Some(Instead::Dash)
            } else {
                Some(Instead::Words)
            }
        }
        CellValue::Empty | CellValue::Number(_) | CellValue::Error(_) => None,
    }
}

impl Rule for TargetNotAFigure {
    fn check_file(&self, f: &FileCx, out: &mut Findings) {
        let Some(w) = f.workbook() else { return };
        for row in w.targets.iter().flat_map(|t| &t.rows) {
            let Some(kind) = row.row_kind else { continue };
            for (year, v) in &row.values {
                if let Some(i) = instead(&v.value) {
                    out.push(
                        v.at.clone(),
                        NotAFigure {
                            year: *year,
                            target: kind == RowKind::Target,
                            found: v.value.text(),
                            instead: i,
                        },
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_and_not() {
        let t = |s: &str| instead(&CellValue::Text(s.into()));
        for fig in [
            "98.9%",
            "9,249,275千円",
            "約1,200件",
            "12",
            "▲3.5ポイント",
            " 0 ",
        ] {
            assert_eq!(t(fig), None, "{fig}");
        }
        assert_eq!(t("集計中"), Some(Instead::Words));
        assert_eq!(t("未確定"), Some(Instead::Words));
        assert_eq!(t("-"), Some(Instead::Dash));
        assert_eq!(t("－"), Some(Instead::Dash));
        assert_eq!(t("―"), Some(Instead::Dash));
        assert_eq!(instead(&CellValue::Bool(true)), Some(Instead::Logical));
        assert_eq!(
            instead(&CellValue::Date("2024-09-20".into())),
            Some(Instead::Date)
        );
        assert_eq!(instead(&CellValue::Number(0.0)), None);
        assert_eq!(instead(&CellValue::Error("#N/A".into())), None);
    }
}
