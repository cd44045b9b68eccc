//! Rules: each checks one thing in a [`Batch`] and reports [`Finding`]s. One
//! rule, one file, one stable code; the file's `//!` comment is the rule's
//! documentation (`hyoka rules`, `docs/rules.md`). To add a rule, add its file
//! and one line in [`registry`].

pub mod comments;
pub mod figures;
pub mod files;
pub mod grades;
pub mod plan;
pub mod registry;
pub mod structure;

use std::collections::HashMap;

use crate::derive::batch::{Batch, SheetRef};
use crate::model::finding::{Finding, Severity, Text};
use crate::model::location::Location;
use crate::model::plan::{ActionId, ItemRef};
use crate::model::sheet::{EvalSheet, GradeCell};
use crate::model::year::FiscalYear;

/// A check over everything read and derived.
pub trait Rule: Sync {
    /// Stable code, never reused: `G001`.
    fn code(&self) -> &'static str;
    /// Short kebab-case name: `unknown-grade`.
    fn name(&self) -> &'static str;
    /// Severity unless configured otherwise.
    fn severity(&self) -> Severity;
    fn check(&self, batch: &Batch, out: &mut Vec<Finding>);

    /// A finding of this rule at its default severity.
    fn finding(&self, at: Location, message: Text) -> Finding {
        Finding::new(self.code(), self.severity(), at, message)
    }
}

/// Runs the given rules, applies the configured severities and fills in each
/// finding's department from its sheet.
pub fn run(
    batch: &Batch,
    rules: &[&registry::Registered],
    severity: &HashMap<String, Severity>,
) -> Vec<Finding> {
    // Rules are independent: run them in parallel; the sort below makes the
    // order deterministic.
    use rayon::prelude::*;
    let mut out: Vec<Finding> = rules
        .par_iter()
        .flat_map_iter(|r| {
            let mut v = Vec::new();
            r.rule.check(batch, &mut v);
            v
        })
        .collect();
    // 担当課 per sheet, looked up once: findings can number in the hundreds of
    // thousands at national scale.
    let owners: HashMap<(&str, &str), Option<String>> = batch
        .eval_sheets()
        .map(|(_, s)| ((&*s.file, &*s.sheet), s.owner()))
        .collect();
    for f in &mut out {
        if let Some(s) = severity.get(f.code) {
            f.severity = *s;
        }
        if f.department.is_none()
            && let Some(sheet) = &f.at.sheet
        {
            f.department = owners.get(&(&*f.at.file, &**sheet)).cloned().flatten();
        }
    }
    out.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    out
}

/// Where a finding about a whole sheet points: the sheet, no cell.
pub fn sheet_loc(s: &EvalSheet) -> Location {
    Location {
        file: s.file.clone(),
        sheet: Some(s.sheet.clone()),
        cell: None,
    }
}

/// The plan item a placed sheet was put on.
pub fn item_of<'p>(b: &Batch<'p>, r: SheetRef) -> Option<ItemRef<'p>> {
    b.plan.item(b.item_of_sheet(r)?)
}

/// The 個別評価 cell of an action in a year, in the sheet that evaluates it.
pub fn action_grade_cell<'b>(b: &'b Batch, id: ActionId, y: FiscalYear) -> Option<&'b GradeCell> {
    let (r, p) = b.action(id)?.source?;
    b.project(r, p).grades.as_ref()?.cell(y)
}

/// Two names of the same thing, tolerating what people vary without meaning
/// to: spacing, full/half width, and the （再掲） / （数値目標） markers.
pub fn same_name(a: &str, b: &str) -> bool {
    name_key(a) == name_key(b)
}

/// The comparison key of an action or item name (see [`same_name`]).
pub fn name_key(s: &str) -> String {
    let k = crate::model::text::key(s);
    let mut k = k.as_str();
    loop {
        let before = k.len();
        for m in ["(再掲)", "(数値目標)"] {
            k = k.strip_suffix(m).unwrap_or(k);
        }
        if k.len() == before {
            return k.to_string();
        }
    }
}
