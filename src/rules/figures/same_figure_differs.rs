//! The same figure for the same year stated differently in two places.
//!
//! ## What it checks
//! Figures of one 具体的な取組 (matched by name across sheets and workbooks, so a
//! （再掲） copy counts), one year, one unit kind and the same label (at least
//! three characters, not a generic word such as 合計) must agree when they
//! stand in different cells. The sheets compared are those the consolidation
//! uses: the first submitted for each 取組項目 (a second copy of an item is
//! P004's, a sheet outside the plan P002's). A label repeated within one cell usually speaks
//! of different subjects (`26市平均：…滞納繰越分44.5% 昭島市：…滞納繰越分39.3%`),
//! so such labels are not compared; nor are changes (`2,353人増加`).
//!
//! A 数値目標 value is also compared with the closest figure of its action's
//! text for that year, printed in the same unit: within 0.5% they are taken to
//! be the same quantity and must agree (other scales: N002).
//!
//! ## Why it matters
//! A figure corrected in one place and not in its copy leaves the report
//! contradicting itself.
//!
//! ## Example
//! Fails: 2-(2) ③ 令和6年度の取組 `導入施設数 12施設`, and the 2-(3) ② （再掲） copy
//! of the same measure `導入施設数 11施設`; or 数値目標 実績 `98.6%` while the text
//! says `昭島市収納率：合計98.9%`.
//! Passes: both `12施設`; `98.9%` in both.

use std::collections::HashMap;

use crate::facts::batch::Batch;
use crate::facts::claims::clean_label;
use crate::facts::figures::Placed;
use crate::model::finding::{Lang, Violation};
use crate::model::year::FiscalYear;
use crate::rules::figures::report_target_text;
use crate::rules::{Findings, Rule};
use serde::Serialize;

pub struct SameFigureDiffers;

/// One figure of a measure and year printed otherwise than its first printing.
#[derive(Debug, Serialize)]
pub struct Differs {
    pub year: FiscalYear,
    pub label: String,
    pub figure: String,
    pub first: String,
    #[serde(skip)]
    pub first_at: crate::model::location::Location,
}

impl Violation for Differs {
    fn message(&self, lang: Lang) -> String {
        let (l, f, first, at) = (&self.label, &self.figure, &self.first, &self.first_at);
        match lang {
            Lang::Ja => format!("{}の{l}が「{f}」ですが、{at}では「{first}」です。", self.year),
            Lang::En => format!(
                "{} {l} is `{f}` here but `{first}` in {at}.",
                self.year.short()
            ),
        }
    }
    fn found(&self) -> Option<String> {
        Some(self.figure.clone())
    }
    fn expected(&self) -> Option<String> {
        Some(self.first.clone())
    }
}

const GENERIC: &[&str] = &[
    "合計",
    "計",
    "うち",
    "内訳",
    "その他",
    "累計",
    "平均",
    "延べ",
];

impl Rule for SameFigureDiffers {
    fn check_batch(&self, b: &Batch, out: &mut Findings) {
        let mut groups: HashMap<(std::sync::Arc<str>, u16, String, String), Vec<&Placed>> =
            HashMap::new();
        for p in &b.figures().panels {
            // A change (`2,353人増加`) is not the quantity itself.
            let after = p.text[p.fig.end..].trim_start();
            if ["増", "減"].iter().any(|w| after.starts_with(w)) {
                continue;
            }
            let label = clean_label(&p.fig.label);
            if label.chars().count() < 3
                || GENERIC.contains(&label.as_str())
                || label.chars().all(|c| c.is_ascii_digit())
            {
                continue;
            }
            let kind = format!("{:?}", p.fig.figure.unit);
            groups
                .entry((p.measure.clone(), p.year.0, label, kind))
                .or_default()
                .push(p);
        }
        // A 数値目標 value against the same quantity in its action's text, in
        // the same unit (other scales are N002's).
        report_target_text(b, true, out);
        let mut keys: Vec<_> = groups.keys().cloned().collect();
        keys.sort();
        for k in keys {
            let g = &groups[&k];
            // A label twice in one cell speaks of two subjects: not comparable.
            let mut per_cell: HashMap<&crate::model::location::Location, usize> = HashMap::new();
            for p in g {
                *per_cell.entry(&p.at).or_default() += 1;
            }
            if per_cell.values().any(|n| *n > 1) {
                continue;
            }
            let first = g[0];
            if let Some(other) = g
                .iter()
                .find(|p| p.at != first.at && !p.fig.figure.agrees(&first.fig.figure))
            {
                out.push(
                    other.at.clone(),
                    Differs {
                        year: other.year,
                        label: other.fig.label.clone(),
                        figure: other.fig.raw.clone(),
                        first: first.fig.raw.clone(),
                        first_at: first.at.clone(),
                    },
                )
                .related(first.at.clone());
            }
        }
    }
}
