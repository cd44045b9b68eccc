//! Rules: each checks one thing and reports violations. One rule, one file,
//! one stable code; the file's `//!` comment is the rule's documentation
//! (`hyoka rules`, `docs/rules.md`), Japanese first, then `---` and English
//! (see [`registry`]). To add a rule, add its file to a group
//! folder and one line to that group's `rules!` list in its `mod.rs`: the
//! line gives the code, name and default severity.
//!
//! A rule checks in one of two places, or both:
//! - [`Rule::check_file`]: one file while it is read, texts and all. Files are
//!   checked in parallel and their texts dropped afterwards; most rules are here.
//! - [`Rule::check_batch`]: across files, once all are read and the evaluated
//!   year is known, on what is kept of them ([`crate::facts::record`]): grades,
//!   placements, 数値目標, and each plan item's first sheet whole.
//!
//! A rule reports a typed [`Violation`] (its data, and its message rendered
//! from the data per language) at a [`Location`]; [`Findings`] turns it into
//! a [`Finding`] with the rule's code and configured severity.

pub mod comments;
pub mod figures;
pub mod files;
pub mod grades;
pub mod plan;
pub mod registry;
pub mod structure;

use std::collections::HashMap;

use crate::facts::batch::Batch;
use crate::facts::file::FileCx;
use crate::model::finding::{Finding, Severity, Violation};
use crate::model::location::Location;
use crate::model::plan::ActionId;
use crate::model::sheet::GradeCell;
use crate::model::year::FiscalYear;

/// A check. Implement `check_file`, `check_batch` or both.
pub trait Rule: Sync {
    /// Checks one file while it is read (texts included).
    fn check_file(&self, _file: &FileCx, _out: &mut Findings) {}

    /// Checks across files, on what is kept of them.
    fn check_batch(&self, _batch: &Batch, _out: &mut Findings) {}
}

/// Where one rule's violations go: each becomes a [`Finding`] with the
/// rule's code and severity.
pub struct Findings<'o> {
    code: &'static str,
    severity: Severity,
    list: &'o mut Vec<Finding>,
}

impl<'o> Findings<'o> {
    pub fn new(code: &'static str, severity: Severity, list: &'o mut Vec<Finding>) -> Self {
        Findings {
            code,
            severity,
            list,
        }
    }

    /// Reports `violation` at `at`; the finding returned takes related cells.
    pub fn push(&mut self, at: Location, violation: impl Violation + 'static) -> &mut Finding {
        self.list
            .push(Finding::new(self.code, self.severity, at, violation));
        self.list.last_mut().expect("just pushed")
    }
}

/// Configured severities by rule code (hyoka.toml).
pub type Severities = HashMap<String, Severity>;

fn severity_of(rule: &registry::Registered, configured: &Severities) -> Severity {
    configured.get(rule.code).copied().unwrap_or(rule.severity)
}

/// Runs the file checks of the given rules on one file.
pub fn run_file(
    file: &FileCx,
    rules: &[&registry::Registered],
    severity: &Severities,
) -> Vec<Finding> {
    let mut out = Vec::new();
    for r in rules {
        let mut sink = Findings::new(r.code, severity_of(r, severity), &mut out);
        r.rule.check_file(file, &mut sink);
    }
    out
}

/// Runs the batch checks of the given rules, in parallel (rules are
/// independent; [`finish`] orders the findings).
pub fn run_batch(
    batch: &Batch,
    rules: &[&registry::Registered],
    severity: &Severities,
) -> Vec<Finding> {
    use rayon::prelude::*;
    rules
        .par_iter()
        .flat_map_iter(|r| {
            let mut v = Vec::new();
            r.rule.check_batch(
                batch,
                &mut Findings::new(r.code, severity_of(r, severity), &mut v),
            );
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
    // Findings outside an evaluation sheet (数値目標, 評価コメント, the file
    // itself) take the file's department: its evaluation sheets' owner, else
    // the one its name gives (`事務局_評価コメント案.xlsx`).
    let by_file: HashMap<&str, std::sync::Arc<str>> = (batch.files.iter())
        .filter_map(|r| Some((&*r.path, std::sync::Arc::from(r.department()?))))
        .collect();
    findings.par_iter_mut().for_each(|f| {
        if f.department.is_some() {
            return;
        }
        let of_sheet = (f.at.sheet.as_ref()).and_then(|sheet| owners.get(&(&*f.at.file, &**sheet)));
        f.department = match of_sheet {
            Some(o) => Some((*o).clone()),
            None => by_file.get(&*f.at.file).cloned(),
        };
    });
    // The order is total, so an unstable sort gives the same order, in place.
    findings.par_sort_unstable_by(Finding::report_order);
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
