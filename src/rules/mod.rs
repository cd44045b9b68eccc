//! Rules: each checks one thing in a [`Batch`] and reports [`Finding`]s. One
//! rule, one file, one stable code; the file's `//!` comment is the rule's
//! documentation (`hyoka rules`, `docs/rules.md`). To add a rule, add its file
//! and one line in [`registry`].

pub mod files;
pub mod grades;
pub mod registry;

use crate::derive::batch::Batch;
use crate::model::finding::{Finding, Severity, Text};
use crate::model::location::Location;

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

/// Runs the given rules and fills in each finding's department from its sheet.
pub fn run(batch: &Batch, rules: &[&registry::Registered]) -> Vec<Finding> {
    let mut out = Vec::new();
    for r in rules {
        r.rule.check(batch, &mut out);
    }
    for f in &mut out {
        if f.department.is_none() {
            f.department = department_of(batch, &f.at);
        }
    }
    out.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    out
}

fn department_of(batch: &Batch, at: &Location) -> Option<String> {
    let sheet = at.sheet.as_ref()?;
    batch
        .eval_sheets()
        .find(|(_, s)| s.file == at.file && &s.sheet == sheet)
        .and_then(|(_, s)| s.owner())
}
