//! 時点を示す日付が、記載されている年度の外にあることを指摘します。
//!
//! ## 点検内容
//! 年度の欄にある、時点・現在・末 が続く日付（`令和6年3月31日時点`）と、数値目標の
//! 年度の列にある日付は、その年度（4月から翌年3月まで。令和7年3月31日は令和6年度に
//! 属します）の中になければなりません。予定の日付（`…まで運用予定`）は時点を示す
//! 日付ではないため、点検しません。
//!
//! 欄にある出来事の日付（時点ではなく日まで記載された日付）が、その欄の年度より
//! *後* にあるときも指摘します。ただし、その句が予定として書かれているとき（予定、
//! 見込み、計画、目指す、から、以降、まで、向け …）は指摘しません。令和6年度の成果が
//! 令和7年5月10日に起きることはありえないためです。それより前の日付は指摘しません。
//! 文章は経緯として過去に触れるためです（`令和5年3月に策定した計画に基づき`）。
//!
//! ## 理由
//! 別の年度の日付「時点」の数値は、その年度の数値ではありません。多くの場合、
//! 前年度の文章が残っているか、後の集計が紛れ込んでいます。
//!
//! ## 例
//! 指摘あり: 令和6年度の取組の欄に `令和6年3月31日時点 98件`。
//! 指摘なし: `令和7年3月31日時点 98件`。
//!
//! ---
//!
//! An as-of date that lies outside the fiscal year it is reported under.
//!
//! ## What it checks
//! A date followed by 時点, 現在 or 末 (`令和6年3月31日時点`) in a panel of a year,
//! or a date in a 数値目標 year column, must lie in that fiscal year (April to
//! March: 令和7年3月31日 belongs to 令和6年度). Dates of plans (`…まで運用予定`)
//! are not as-of dates and are not checked.
//!
//!
//! An event date (a date with its day, not an as-of date) in a panel that
//! lies *after* the panel's fiscal year is reported too, unless its clause
//! words it as a plan (予定, 見込み, 計画, 目指す, から, 以降, まで, 向け …):
//! a 令和6年度 result cannot have happened on 令和7年5月10日. Earlier dates
//! are not reported: texts cite the past as context (`令和5年3月に策定した
//! 計画に基づき`).
//!
//! ## Why it matters
//! A figure "as of" another year's date is not the year's figure: usually last
//! year's text was kept, or a later count was slipped in.
//!
//! ## Example
//! Fails: under 令和6年度の取組, `令和6年3月31日時点 98件`.
//! Passes: `令和7年3月31日時点 98件`.

use crate::facts::file::FileCx;
use crate::model::cell::CellValue;
use crate::model::date::find_dates_folded;
use crate::model::finding::{Lang, Violation};
use crate::model::location::Location;
use crate::model::text::fold;
use crate::model::year::FiscalYear;
use crate::rules::{Findings, Rule};
use serde::Serialize;

pub struct DateOutsideYear;

/// A date under a year's column that lies in another fiscal year.
#[derive(Debug, Serialize)]
pub struct OtherYear {
    pub date: String,
    pub column: FiscalYear,
    pub falls_in: FiscalYear,
    /// An event told as done, not an as-of date.
    pub event: bool,
}

impl Violation for OtherYear {
    fn message(&self, lang: Lang) -> String {
        let d = &self.date;
        match (lang, self.event) {
            (Lang::Ja, false) => {
                format!(
                    "{}の欄にある「{d}」は{}の日付です。",
                    self.column, self.falls_in
                )
            }
            (Lang::Ja, true) => format!(
                "{}の欄に、年度より後の{}の「{d}」の出来事が実施済みとして書かれています。予定であればその旨を書き、実績であれば{}の欄に書いてもらってください。",
                self.column, self.falls_in, self.falls_in
            ),
            (Lang::En, false) => format!(
                "`{d}` under {} lies in {}.",
                self.column.short(),
                self.falls_in.short()
            ),
            (Lang::En, true) => format!(
                "Under {}, an event of `{d}` ({}) is told as done; a plan should say so.",
                self.column.short(),
                self.falls_in.short()
            ),
        }
    }
    fn found(&self) -> Option<String> {
        Some(self.date.clone())
    }
    fn expected(&self) -> Option<String> {
        Some(self.column.label())
    }
}

/// Reports the dates of a text that lie outside `year`.
fn check_text(text: &str, year: FiscalYear, at: &Location, as_of_only: bool, out: &mut Findings) {
    if !text.contains('月') {
        return; // every date has 月; spare the copy
    }
    let t = fold(text);
    for (d, r) in find_dates_folded(&t) {
        let after = t[r.end..].trim_start();
        // `令和7年6月末までに` is a deadline, not an as-of date.
        let as_of = ["時点", "現在"].iter().any(|w| after.starts_with(w))
            || (after.starts_with('末') && !after["末".len()..].starts_with("まで"));
        if d.fiscal_year() == year {
            continue;
        }
        let event = !as_of
            && as_of_only
            && d.day.is_some()
            && d.fiscal_year() > year
            && !planned(clause(&t, r.clone()));
        if as_of_only && !as_of && !event {
            continue;
        }
        out.push(
            at.clone(),
            OtherYear {
                date: t[r.clone()].to_string(),
                column: year,
                falls_in: d.fiscal_year(),
                event,
            },
        );
    }
}

/// The clause a date stands in: from the last sentence or bullet break
/// before it to the next one after it.
fn clause(t: &str, r: std::ops::Range<usize>) -> &str {
    let breaks = |c: char| matches!(c, '。' | '\n' | '・' | '●' | '○' | '■');
    let start = t[..r.start]
        .rfind(breaks)
        .map_or(0, |i| i + t[i..].chars().next().map_or(1, char::len_utf8));
    let end = t[r.end..].find(breaks).map_or(t.len(), |i| r.end + i);
    &t[start..end]
}

/// Whether a clause words what it tells as a plan or a period.
fn planned(clause: &str) -> bool {
    const PLAN: &[&str] = &[
        "予定", "見込", "計画", "目指", "めざ", "目途", "めど", "以降", "から", "まで", "向け",
        "目標", "期限", "締切", "予約", "募集",
    ];
    PLAN.iter().any(|w| clause.contains(w))
}

impl Rule for DateOutsideYear {
    fn check_file(&self, f: &FileCx, out: &mut Findings) {
        for (_, s) in f.eval_sheets() {
            for pa in s.panels() {
                if let Some(y) = pa.year {
                    // Panel texts are text cells, borrowed rather than copied.
                    let t = pa.text.value.as_text().map_or_else(
                        || std::borrow::Cow::Owned(pa.text.value.text()),
                        std::borrow::Cow::Borrowed,
                    );
                    check_text(&t, y, &pa.text.at, true, out);
                }
            }
        }
        if let Some(w) = f.workbook() {
            for row in w.targets.iter().flat_map(|t| &t.rows) {
                for (y, v) in &row.values {
                    if let CellValue::Text(t) | CellValue::Date(t) = &v.value {
                        check_text(t, *y, &v.at, false, out);
                    }
                }
            }
        }
    }
}
