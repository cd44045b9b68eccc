//! The whole run shared by `check` and `consolidate`: discover → read (files in
//! parallel, results in input order) → decide the year → place onto the plan →
//! run the rules.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use rayon::prelude::*;

use crate::derive::batch::Batch;
use crate::derive::year::decide_year;
use crate::error::ToolError;
use crate::model::finding::{Finding, Severity};
use crate::model::plan::Plan;
use crate::model::sheet::Submission;
use crate::model::year::FiscalYear;
use crate::read::discover::{Discovered, discover};
use crate::rules::registry::Registered;

pub struct Options<'a> {
    pub inputs: Vec<PathBuf>,
    pub year: Option<FiscalYear>,
    pub plan: &'a Plan,
    pub rules: Vec<&'static Registered>,
    /// Severity overrides by rule code (hyoka.toml).
    pub severity: HashMap<String, Severity>,
    pub progress: bool,
    /// Forced encoding of CSV inputs.
    pub encoding: Option<crate::read::csv::CsvEncoding>,
}

pub struct Outcome<'p> {
    pub discovered: Discovered,
    pub batch: Batch<'p>,
    pub findings: Vec<Finding>,
}

pub fn run<'p>(opts: &Options<'p>) -> Result<Outcome<'p>, ToolError> {
    let discovered = discover(&opts.inputs);
    if discovered.files.is_empty() && discovered.problems.is_empty() {
        let shown: Vec<String> = opts
            .inputs
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        return Err(ToolError::NoInput(format!(
            "{} に読めるファイル（.xlsx .xlsm .xls .ods .csv）がありません",
            shown.join(", ")
        )));
    }
    let bar = crate::report::progress::bar(discovered.files.len() as u64, opts.progress);
    let submissions: Vec<Submission> = discovered
        .files
        .par_iter()
        .map(|p| {
            let shown: Arc<str> = p.display().to_string().into();
            let s = crate::read::read_submission_with(p, shown, opts.encoding);
            bar.inc(1);
            s
        })
        .collect();
    bar.finish_and_clear();
    // Paths that could not be searched (a loop of links, no permission, a link
    // to nothing) are reported like files that could not be read.
    let mut submissions = submissions;
    for p in &discovered.problems {
        submissions.push(Submission {
            path: p.path.display().to_string().into(),
            result: Err(crate::model::sheet::ReadFailure {
                reason: crate::read::discover::explain(p),
            }),
        });
    }
    let year = match opts.year {
        Some(y) => y,
        None => decide_year(&submissions).ok_or(ToolError::YearUndecided)?,
    };
    let mut batch = Batch::new(opts.plan, year, submissions);
    batch.skipped = discovered
        .skipped
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    let findings = crate::rules::run(&batch, &opts.rules, &opts.severity);
    Ok(Outcome {
        discovered,
        batch,
        findings,
    })
}
