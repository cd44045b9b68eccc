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

use crate::derive::batch::Batch;
use crate::derive::claims::clean_label;
use crate::derive::figures::Placed;
use crate::model::finding::{Finding, Severity, Text};
use crate::rules::Rule;
use crate::rules::figures::target_text_disagreements;

pub struct SameFigureDiffers;

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
    fn code(&self) -> &'static str {
        "N010"
    }
    fn name(&self) -> &'static str {
        "same-figure-differs"
    }
    fn severity(&self) -> Severity {
        Severity::Warning
    }
    fn check_batch(&self, b: &Batch, out: &mut Vec<Finding>) {
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
        for (tv, p) in target_text_disagreements(b, true) {
            out.push(
                self.finding(
                    tv.at.clone(),
                    Text::new(
                        format!(
                            "{}の値「{}」が、本文の{} {}（{}）と違います。",
                            tv.year, tv.raw, p.fig.label, p.fig.raw, p.at
                        ),
                        format!(
                            "The {} value `{}` differs from the text's {} {} ({}).",
                            tv.year.short(),
                            tv.raw,
                            p.fig.label,
                            p.fig.raw,
                            p.at
                        ),
                    ),
                )
                .found(tv.raw.clone())
                .expected(p.fig.raw.clone())
                .related(p.at.clone()),
            );
        }
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
                    self.finding(
                        other.at.clone(),
                        Text::new(
                            format!(
                                "{}の{}が「{}」ですが、{}では「{}」です。",
                                other.year, other.fig.label, other.fig.raw, first.at, first.fig.raw
                            ),
                            format!(
                                "{} {} is `{}` here but `{}` in {}.",
                                other.year.short(),
                                other.fig.label,
                                other.fig.raw,
                                first.fig.raw,
                                first.at
                            ),
                        ),
                    )
                    .found(other.fig.raw.clone())
                    .expected(first.fig.raw.clone())
                    .related(first.at.clone()),
                );
            }
        }
    }
}
