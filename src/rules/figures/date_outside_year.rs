//! An as-of date that lies outside the fiscal year it is reported under.
//!
//! ## What it checks
//! A date followed by 時点, 現在 or 末 (`令和6年3月31日時点`) in a panel of a year,
//! or a date in a 数値目標 year column, must lie in that fiscal year (April to
//! March: 令和7年3月31日 belongs to 令和6年度). Dates of plans (`…まで運用予定`)
//! are not as-of dates and are not checked.
//!
//! ## Why it matters
//! A figure "as of" another year's date is not the year's figure: usually last
//! year's text was kept, or a later count was slipped in.
//!
//! ## Example
//! Fails: under 令和6年度の取組, `令和6年3月31日時点 98件`.
//! Passes: `令和7年3月31日時点 98件`.

use crate::model::text::fold;
use crate::facts::file::FileCx;
use crate::model::cell::CellValue;
use crate::model::date::find_dates;
use crate::model::finding::{Lang, Violation};
use crate::model::location::Location;
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
}

impl Violation for OtherYear {
    fn message(&self, lang: Lang) -> String {
        let d = &self.date;
        match lang {
            Lang::Ja => format!("{}の欄にある「{d}」は{}の日付です。", self.column, self.falls_in),
            Lang::En => format!(
                "`{d}` under {} lies in {}.",
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
fn check_text(
        text: &str,
        year: FiscalYear,
        at: &Location,
        as_of_only: bool,
        out: &mut Findings,
    ) {
        if !text.contains('月') {
            return; // every date has 月; spare the copy
        }
        let t = fold(text);
        for (d, r) in find_dates(&t) {
            let after = t[r.end..].trim_start();
            if as_of_only && !["時点", "現在", "末"].iter().any(|w| after.starts_with(w)) {
                continue;
            }
            if d.fiscal_year() == year {
                continue;
            }
            out.push(
                at.clone(),
                OtherYear {
                    date: t[r.clone()].to_string(),
                    column: year,
                    falls_in: d.fiscal_year(),
                },
            );
        }
    }

impl Rule for DateOutsideYear {
    fn check_file(&self, f: &FileCx, out: &mut Findings) {
        for (_, s) in f.eval_sheets() {
            for pa in s
                .projects
                .iter()
                .flat_map(|p| &p.measures)
                .flat_map(|m| &m.panels)
            {
                if let Some(y) = pa.year {
                    check_text(&pa.text.value.text(), y, &pa.text.at, true, out);
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
