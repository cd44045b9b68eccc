//! A circled number that refers to an action the item does not have.
//!
//! ## What it checks
//! Circled numbers in 担当課 (`①②財政課 ③収納課`), at the start of a line of
//! 今後の取組方針, and at the start of a 具体的な取組 name refer to the item's
//! actions. Each must be the number of an action listed in the sheet's
//! 取組内容 (or, when the sheet lists none, in the plan).
//!
//! ## Why it matters
//! A number with no action behind it is a sign the cell was copied from another
//! sheet: the report's own 2-(3) sheet prints the 担当課 of 2-(2), which names
//! ⑤ although 2-(3) has four actions. The departments named may then be wrong.
//!
//! ## Example
//! Fails: 2-(3) (actions ①–④) with 担当課 `… ⑤行政経営担当 総務課`.
//! Passes: 担当課 names only ①–④.

use crate::derive::file::FileCx;
use crate::model::finding::{Finding, Severity, Text};
use crate::model::location::Location;
use crate::model::text::{circled, circled_numbers, split_circled};
use crate::rules::Rule;

pub struct UnknownActionReference;

impl UnknownActionReference {
    fn report(
        &self,
        what: (&str, &str),
        at: &Location,
        n: u8,
        known: &[u8],
        out: &mut Vec<Finding>,
    ) {
        let list: String = known.iter().map(|k| circled(*k)).collect();
        out.push(
            self.finding(
                at.clone(),
                Text::new(
                    format!(
                        "{}の「{}」に当たる取組内容がありません（この取組項目は{}）。",
                        what.0,
                        circled(n),
                        list
                    ),
                    format!(
                        "{} refers to {}, but the item's actions are {}.",
                        what.1,
                        circled(n),
                        list
                    ),
                ),
            )
            .found(circled(n).to_string())
            .expected(list),
        );
    }
}

impl Rule for UnknownActionReference {
    fn code(&self) -> &'static str {
        "S004"
    }
    fn name(&self) -> &'static str {
        "unknown-action-reference"
    }
    fn severity(&self) -> Severity {
        Severity::Error
    }
    fn check_file(&self, f: &FileCx, out: &mut Vec<Finding>) {
        for (r, s) in f.eval_sheets() {
            let mut known: Vec<u8> = s.actions.iter().map(|a| a.number).collect();
            if known.is_empty() {
                let Some(item) = f.item_of(r) else { continue };
                known = item.item.actions.iter().map(|a| a.number).collect();
            }
            let mut seen = Vec::new();
            if let Some(d) = &s.departments {
                for n in circled_numbers(&d.value) {
                    if !known.contains(&n) && !seen.contains(&n) {
                        seen.push(n);
                        self.report(("担当課", "担当課 (departments)"), &d.at, n, &known, out);
                    }
                }
            }
            if let Some(f) = &s.future {
                for line in f.value.lines() {
                    if let Some((n, _)) = split_circled(line)
                        && !known.contains(&n)
                    {
                        self.report(
                            ("今後の取組方針", "今後の取組方針 (future policy)"),
                            &f.at,
                            n,
                            &known,
                            out,
                        );
                    }
                }
            }
            for m in s.projects.iter().flat_map(|p| &p.measures) {
                if let Some((n, _)) = split_circled(&m.name.value)
                    && !known.contains(&n)
                {
                    self.report(
                        ("具体的な取組", "具体的な取組 (measure)"),
                        &m.name.at,
                        n,
                        &known,
                        out,
                    );
                }
            }
        }
    }
}
