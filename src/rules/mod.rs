//! Rules: each checks one thing and reports [`Finding`]s. One rule, one file,
//! one stable code; the file's `//!` comment is the rule's documentation
//! (`hyoka rules`, `docs/rules.md`). To add a rule, add its file and one line
//! in [`registry`].
//!
//! A rule checks in one of two places, or both:
//! - [`Rule::check_file`]: one file while it is read, texts and all. Files are
//!   checked in parallel and their texts dropped afterwards; most rules are here.
//! - [`Rule::check_batch`]: across files, once all are read and the evaluated
//!   year is known, on what is kept of them ([`crate::model::record`]): grades,
//!   placements, 数値目標, and each plan item's first sheet whole.

pub mod comments;
pub mod figures;
pub mod files;
pub mod grades;
pub mod plan;
pub mod registry;
pub mod structure;

use std::collections::HashMap;

use crate::derive::batch::{Batch, SheetRef};
use crate::derive::file::FileCx;
use crate::model::finding::{Finding, Severity, Text};
use crate::model::location::Location;
use crate::model::plan::{ActionId, ItemRef};
use crate::model::sheet::GradeCell;
use crate::model::year::FiscalYear;

/// A check. Implement `check_file`, `check_batch` or both.
pub trait Rule: Sync {
    /// Stable code, never reused: `G001`.
    fn code(&self) -> &'static str;
    /// Short kebab-case name: `unknown-grade`.
    fn name(&self) -> &'static str;
    /// Severity unless configured otherwise.
    fn severity(&self) -> Severity;

    /// Checks one file while it is read (texts included).
    fn check_file(&self, _file: &FileCx, _out: &mut Vec<Finding>) {}

    /// Checks across files, on what is kept of them.
    fn check_batch(&self, _batch: &Batch, _out: &mut Vec<Finding>) {}

    /// What the batch check needs kept of every file beyond grades and
    /// placements; kept only when a selected rule asks for it.
    fn keeps(&self) -> Keeps {
        Keeps::default()
    }

    /// A finding of this rule at its default severity.
    fn finding(&self, at: Location, message: Text) -> Finding {
        Finding::new(self.code(), self.severity(), at, message)
    }
}

/// Facts taken from a file's texts for a batch check, beyond what every run
/// keeps.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Keeps {
    /// A fingerprint of each evaluation sheet's content (P004).
    pub content: bool,
}

impl Keeps {
    /// What any of the rules needs.
    pub fn of(rules: &[&registry::Registered]) -> Keeps {
        Keeps {
            content: rules.iter().any(|r| r.rule.keeps().content),
        }
    }
}

/// Configured severities applied to a rule's findings.
fn apply(rule: &registry::Registered, severity: &HashMap<String, Severity>, found: &mut [Finding]) {
    if let Some(s) = severity.get(rule.rule.code()) {
        for f in found {
            f.severity = *s;
        }
    }
}

/// Runs the file checks of the given rules on one file.
pub fn run_file(
    file: &FileCx,
    rules: &[&registry::Registered],
    severity: &HashMap<String, Severity>,
) -> Vec<Finding> {
    let mut out = Vec::new();
    for r in rules {
        let from = out.len();
        r.rule.check_file(file, &mut out);
        apply(r, severity, &mut out[from..]);
    }
    out
}

/// Runs the batch checks of the given rules, in parallel (rules are
/// independent; [`finish`] orders the findings).
pub fn run_batch(
    batch: &Batch,
    rules: &[&registry::Registered],
    severity: &HashMap<String, Severity>,
) -> Vec<Finding> {
    use rayon::prelude::*;
    rules
        .par_iter()
        .flat_map_iter(|r| {
            let mut v = Vec::new();
            r.rule.check_batch(batch, &mut v);
            apply(r, severity, &mut v);
            v
        })
        .collect()
}

/// Fills in each finding's department from its sheet and puts the findings
/// in report order.
pub fn finish(batch: &Batch, findings: &mut [Finding]) {
    use rayon::prelude::*;
    // 担当課 per sheet, looked up once: findings can number in the hundreds of
    // thousands at national scale.
    let owners: HashMap<(&str, &str), &std::sync::Arc<str>> = batch
        .records()
        .filter_map(|(_, s)| Some(((&*s.file, &*s.sheet), s.owner.as_ref()?)))
        .collect();
    findings.par_iter_mut().for_each(|f| {
        if f.department.is_none()
            && let Some(sheet) = &f.at.sheet
        {
            f.department = owners.get(&(&*f.at.file, &**sheet)).map(|o| (*o).clone());
        }
    });
    // The key is total, so an unstable sort gives the same order, in place.
    findings.par_sort_unstable_by(|a, b| a.sort_key().cmp(&b.sort_key()));
}

/// The plan item a placed sheet was put on.
pub fn item_of<'p>(b: &Batch<'p>, r: SheetRef) -> Option<ItemRef<'p>> {
    b.plan.item(b.item_of_sheet(r)?)
}

/// The 個別評価 cell of an action in a year, in the sheet that evaluates it,
/// with its location.
pub fn action_grade_cell<'b>(
    b: &'b Batch,
    id: ActionId,
    y: FiscalYear,
) -> Option<(&'b GradeCell, Location)> {
    let (r, p) = b.action(id)?.source?;
    let record = b.record(r);
    let cell = record.projects[p].grades.as_ref()?.cell(y)?;
    Some((cell, record.loc(cell.cell)))
}

/// Two names of the same thing, tolerating what people vary without meaning
/// to: spacing, full/half width, and the （再掲） / （数値目標） markers.
pub fn same_name(a: &str, b: &str) -> bool {
    a == b || name_key(a) == name_key(b)
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
