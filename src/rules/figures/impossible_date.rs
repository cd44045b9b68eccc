//! 書かれたとおりではありえない日付を指摘します。存在しない日、西暦と合わない和暦の年、誤った曜日、始まりより前に終わる期間です。
//!
//! ## 点検内容
//! 評価シートのすべての文章（取組と成果・効果の欄、今後の取組方針）、数値目標の
//! シート、評価コメント案にあるすべての日付について、次の点を点検します。
//! - その日が暦にあること（`令和6年2月30日` はありません。2024年はうるう年なので
//!   `令和6年2月29日` はあります）。
//! - 一緒に書かれた西暦と和暦の年が一致すること（`2025年（令和6年）` は一致しません。
//!   2025年は令和7年です）。
//! - かっこ内の曜日がその日付の曜日であること（`令和6年10月1日（水）`: この日は
//!   火曜日でした）。
//! - 両方の年が書かれた期間が前へ進んでいること（`令和6年10月1日～令和6年9月1日` は
//!   進んでいません）。年を書いていない終わりの日は年をまたぐことがあるため、判断
//!   しません。
//!
//! 日付は `令和N年M月D日`、`平成N年…`、`YYYY年M月D日`（全角数字を含みます）として
//! 読みます。`R6.10.1` と `2024/10/1` は読みません。
//!
//! ## 理由
//! 誰も過ごしえない日付は、年・月・日のいずれかの入力誤りで、正しい日付は分かり
//! ません。担当課にどれであるかを確認する必要があります。それぞれの部分は単独では
//! 正しく見えるため、このような誤りは校正をすり抜けます。
//!
//! ## 例
//! 指摘あり: `令和6年2月30日に追加の積立てを行った`。
//! 指摘なし: `令和6年2月29日に追加の積立てを行った`。
//!
//! ---
//!
//! A date that cannot be as written: no such day, an era year that is not
//! its western year, a wrong weekday, a range that ends before it starts.
//!
//! ## What it checks
//! Every date of every text of the evaluation sheets (取組 and 成果・効果
//! panels, 今後の取組方針), of the 数値目標 sheet and of the comment draft:
//! - the day exists in the calendar (`令和6年2月30日` does not; 2024 is a
//!   leap year, so `令和6年2月29日` does);
//! - a western year and an era year written together agree
//!   (`2025年（令和6年）` does not: 2025 is 令和7年);
//! - a weekday in brackets is that date's weekday (`令和6年10月1日（水）`:
//!   it was a Tuesday);
//! - a range with both years written runs forwards
//!   (`令和6年10月1日～令和6年9月1日` does not). An end without its year may
//!   cross the new year and is not judged.
//!
//! Dates are read as `令和N年M月D日`, `平成N年…`, `YYYY年M月D日` (full-width
//! digits too); `R6.10.1` and `2024/10/1` are not read.
//!
//! ## Why it matters
//! A date nobody could have lived through is a typing slip in the year, the
//! month or the day, and the true date is unknown: the department must say
//! which it is. Such slips survive proofreading because each part looks
//! right on its own.
//!
//! ## Example
//! Fails: `令和6年2月30日に追加の積立てを行った`.
//! Passes: `令和6年2月29日に追加の積立てを行った`.

use serde::Serialize;

use crate::facts::file::FileCx;
use crate::model::cell::CellValue;
use crate::model::date::{DateProblem, date_problems};
use crate::model::finding::{Lang, Violation};
use crate::model::location::Location;
use crate::rules::{Findings, Rule};

pub struct ImpossibleDate;

#[derive(Debug, Serialize)]
pub struct BadDate {
    #[serde(skip)]
    pub problem: DateProblem,
    pub written: String,
}

impl Violation for BadDate {
    fn message(&self, lang: Lang) -> String {
        match (&self.problem, lang) {
            (DateProblem::NoSuchDay { date }, Lang::Ja) => format!(
                "「{date}」という日はありません。年・月・日のどこかが誤っていないか確かめてもらってください。"
            ),
            (DateProblem::NoSuchDay { date }, Lang::En) => {
                format!("`{date}` is not a day of the calendar.")
            }
            (
                DateProblem::EraMismatch {
                    written,
                    western,
                    era_year,
                },
                Lang::Ja,
            ) => format!(
                "「{written}」の西暦と和暦が合いません。{western}年は{}で、{}は{era_year}年です。",
                era_of(*western),
                era_of(*era_year)
            ),
            (
                DateProblem::EraMismatch {
                    written,
                    western,
                    era_year,
                },
                Lang::En,
            ) => format!(
                "`{written}`: the western year {western} and the era year ({era_year}) disagree."
            ),
            (
                DateProblem::Weekday {
                    date,
                    written,
                    actual,
                },
                Lang::Ja,
            ) => format!(
                "「{date}」の曜日が違います。その日は{actual}曜日で、{written}曜日ではありません。"
            ),
            (
                DateProblem::Weekday {
                    date,
                    written,
                    actual,
                },
                Lang::En,
            ) => format!(
                "`{date}`: that day is a {}, not a {}.",
                weekday_en(*actual),
                weekday_en(*written)
            ),
            (DateProblem::Backwards { range }, Lang::Ja) => format!(
                "「{range}」は終わりの日付が始まりより前です。期間の書き方を確かめてもらってください。"
            ),
            (DateProblem::Backwards { range }, Lang::En) => {
                format!("`{range}` ends before it starts.")
            }
        }
    }
    fn found(&self) -> Option<String> {
        Some(self.written.clone())
    }
}

/// `2025` → `令和7年`.
fn era_of(y: u16) -> String {
    if y >= 2019 {
        format!("令和{}年", y - 2018)
    } else if y >= 1989 {
        format!("平成{}年", y - 1988)
    } else {
        format!("{y}年")
    }
}

fn weekday_en(c: char) -> &'static str {
    match c {
        '日' => "Sunday",
        '月' => "Monday",
        '火' => "Tuesday",
        '水' => "Wednesday",
        '木' => "Thursday",
        '金' => "Friday",
        _ => "Saturday",
    }
}

fn check(text: &str, at: &Location, out: &mut Findings) {
    for problem in date_problems(text) {
        let written = match &problem {
            DateProblem::NoSuchDay { date } | DateProblem::Weekday { date, .. } => date.clone(),
            DateProblem::EraMismatch { written, .. } => written.clone(),
            DateProblem::Backwards { range } => range.clone(),
        };
        out.push(at.clone(), BadDate { problem, written });
    }
}

impl Rule for ImpossibleDate {
    fn check_file(&self, f: &FileCx, out: &mut Findings) {
        for (_, s) in f.eval_sheets() {
            for pa in s.panels() {
                // Panel texts are text cells; a number holds no date.
                if let Some(t) = pa.text.value.as_text() {
                    check(t, &pa.text.at, out);
                }
            }
            if let Some(fu) = &s.future {
                check(&fu.value, &fu.at, out);
            }
        }
        if let Some(w) = f.workbook() {
            for row in w.targets.iter().flat_map(|t| &t.rows) {
                for (_, v) in &row.values {
                    if let CellValue::Text(t) = &v.value {
                        check(t, &v.at, out);
                    }
                }
            }
            for row in w.comments.iter().flat_map(|c| &c.rows) {
                check(&row.text.value, &row.text.at, out);
            }
        }
    }
}
