//! The whole run shared by `check` and `consolidate`: discover → read and
//! check each file (files in parallel; a file's texts are dropped once its
//! checks are done, only its record is kept) → decide the year → place the
//! records onto the plan → cross-file checks → findings in report order.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use rayon::prelude::*;

use crate::error::ToolError;
use crate::facts::batch::{Batch, SheetRef};
use crate::facts::file::FileCx;
use crate::facts::record::FileRecord;
use crate::facts::year::{YearBasis, YearChoice, decide_year};
use crate::model::finding::{Finding, Severity};
use crate::model::plan::{ItemId, Plan};
use crate::model::sheet::{EvalSheet, ReadFailure, Submission};
use crate::model::year::FiscalYear;
use crate::read::discover::{Discovered, discover};
use crate::rules::registry::Registered;
use crate::run::Earliest;

pub struct Options<'a> {
    pub inputs: Vec<PathBuf>,
    pub year: Option<FiscalYear>,
    pub plan: &'a Plan,
    pub rules: Vec<&'static Registered>,
    /// Severity overrides by rule code (hyoka.toml).
    pub severity: HashMap<String, Severity>,
    pub progress: bool,
    /// Encoding of the CSV inputs whose bytes cannot tell it (`--encoding`).
    pub encoding: Option<crate::read::csv::CsvEncoding>,
    /// Read each file in a supervised worker process (None: in this one).
    pub isolation: Option<crate::read::pool::Isolation>,
}

pub struct Outcome<'p> {
    pub discovered: Discovered,
    pub batch: Batch<'p>,
    pub findings: Vec<Finding>,
}

impl<'p> Outcome<'p> {
    /// What the reports render.
    pub fn results(&self) -> crate::report::Results<'_, 'p> {
        crate::report::Results {
            batch: &self.batch,
            findings: &self.findings,
            run: None,
            resolved: &[],
        }
    }
}

pub fn run<'p>(opts: &Options<'p>) -> Result<Outcome<'p>, ToolError> {
    // A path typed wrong is the user's slip, not a finding about a file.
    if let Some(p) = opts
        .inputs
        .iter()
        .find(|p| std::fs::symlink_metadata(p).is_err())
    {
        return Err(ToolError::InputNotFound {
            path: p.clone(),
            hint: crate::read::discover::similar_names(p),
        });
    }
    let discovered = discover(&opts.inputs);
    if discovered.files.is_empty() && discovered.problems.is_empty() {
        let shown: Vec<String> = opts
            .inputs
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        return Err(ToolError::NoInput(format!(
            "{} に読めるファイル（{}）がありません",
            shown.join(", "),
            crate::read::discover::SPREADSHEET_EXTENSIONS
                .map(|e| format!(".{e}"))
                .join(" ")
        )));
    }
    let checker = Checker::new(opts.plan, &opts.rules, &opts.severity);
    let bar = crate::run::progress::bar(discovered.files.len() as u64, opts.progress);
    // Checks a file read, on the thread that read it.
    let check = |i: usize, sub: Submission| {
        let checked = checker.file(i, sub);
        bar.inc(1);
        checked
    };
    let mut done = match &opts.isolation {
        None => discovered
            .files
            .par_iter()
            .enumerate()
            .map(|(i, p)| {
                let shown: Arc<str> = p.display().to_string().into();
                let settings = crate::read::Settings {
                    form: &opts.plan.form,
                    encoding: opts.encoding,
                };
                check(i, crate::read::read_submission(p, shown, settings))
            })
            .collect(),
        Some(isolation) => {
            let pool = crate::read::pool::Pool::new(isolation.clone());
            let done = check_isolated(opts, &discovered.files, &pool, &check);
            if pool.fell_back() {
                eprintln!(
                    "hyoka: 注意: 読み込み用のプロセスを起動できなかったため、一部のファイルを時間・メモリの上限なしで読みました"
                );
            }
            done
        }
    };
    bar.finish_and_clear();
    // Paths that could not be searched (a loop of links, no permission, a link
    // to nothing) are reported like files that could not be read.
    let n = done.len();
    for (k, p) in discovered.problems.iter().enumerate() {
        let sub = Submission {
            path: p.path.display().to_string().into(),
            result: Err(ReadFailure {
                reason: crate::read::discover::explain(p),
            }),
        };
        done.push(checker.file(n + k, sub));
    }
    let skipped = discovered
        .skipped
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    let (mut batch, findings) = checker.finish(done, opts.year, skipped)?;
    batch.own_outputs = (discovered.own_outputs.iter())
        .map(|(p, kind)| (p.display().to_string(), kind.clone()))
        .collect();
    batch.release_checked();
    Ok(Outcome {
        discovered,
        batch,
        findings,
    })
}

/// Reads the files in the pool's workers and checks each on the thread
/// that read it, while its worker reads the next. In input order.
fn check_isolated(
    opts: &Options,
    files: &[PathBuf],
    pool: &crate::read::pool::Pool,
    check: &(impl Fn(usize, Submission) -> Checked + Sync),
) -> Vec<Checked> {
    let done = std::sync::Mutex::new(Vec::with_capacity(files.len()));
    let threads = rayon::current_num_threads();
    pool.read_all(files, opts.encoding, threads, |i, shown, raw| {
        let sub = Submission {
            path: shown,
            result: raw.and_then(|r| r.build(&opts.plan.form)),
        };
        let checked = check(i, sub);
        if let Ok(mut d) = done.lock() {
            d.push((i, checked));
        }
    });
    let mut done = done.into_inner().unwrap_or_default();
    done.sort_unstable_by_key(|d| d.0);
    done.into_iter().map(|d| d.1).collect()
}

/// Checks submissions already read, in order: what [`run`] does after
/// reading (tests give their own submissions).
pub fn check_submissions<'p>(
    plan: &'p Plan,
    year: Option<FiscalYear>,
    rules: &[&'static Registered],
    severity: &HashMap<String, Severity>,
    submissions: Vec<Submission>,
    skipped: Vec<String>,
) -> Result<(Batch<'p>, Vec<Finding>), ToolError> {
    let checker = Checker::new(plan, rules, severity);
    let done = submissions
        .into_iter()
        .enumerate()
        .map(|(i, s)| checker.file(i, s))
        .collect();
    checker.finish(done, year, skipped)
}

/// Checks files one by one (from any thread), then all of them together.
pub struct Checker<'p, 'r> {
    plan: &'p Plan,
    rules: &'r [&'static Registered],
    severity: &'r HashMap<String, Severity>,
    /// Per plan item, the first sheet placed on it so far. Only a sheet
    /// earlier than all seen can be the one the item uses, so only such
    /// sheets are kept whole.
    first: Earliest<ItemId>,
}

/// One file checked: its record, the sheets kept whole, its findings.
pub struct Checked {
    record: FileRecord,
    whole: Vec<(SheetRef, EvalSheet)>,
    findings: Vec<Finding>,
}

impl<'p, 'r> Checker<'p, 'r> {
    pub fn new(
        plan: &'p Plan,
        rules: &'r [&'static Registered],
        severity: &'r HashMap<String, Severity>,
    ) -> Checker<'p, 'r> {
        Checker {
            plan,
            rules,
            severity,
            first: Earliest::new(plan.items().map(|i| i.id)),
        }
    }

    /// Reads nothing: checks a file already read and keeps its record.
    pub fn file(&self, index: usize, submission: Submission) -> Checked {
        let cx = FileCx::new(self.plan, index, submission);
        let mut findings = crate::rules::run_file(&cx, self.rules, self.severity);
        findings.shrink_to_fit(); // kept until all files are done
        let (record, whole) = cx.keep(|item, r| self.first.claim(&item, r.file, r.sheet));
        Checked {
            record,
            whole,
            findings,
        }
    }

    /// Puts the checked files (in input order) together and runs the
    /// cross-file checks.
    pub fn finish(
        &self,
        done: Vec<Checked>,
        year: Option<FiscalYear>,
        skipped: Vec<String>,
    ) -> Result<(Batch<'p>, Vec<Finding>), ToolError> {
        let mut records = Vec::with_capacity(done.len());
        let mut whole = Vec::new();
        let mut per_file = Vec::with_capacity(done.len());
        for c in done {
            records.push(c.record);
            whole.extend(c.whole);
            per_file.push(c.findings);
        }
        let no_sheets = records.iter().all(|r| r.eval_sheets().is_empty());
        let choice = match year {
            Some(y) => YearChoice::given(y),
            // No evaluation sheet anywhere: the files' own findings (F001,
            // F002) are the answer, not a year error.
            None if no_sheets => YearChoice::no_sheets(),
            None => decide_year(&records).ok_or(ToolError::YearUndecided)?,
        };
        let mut batch = Batch::new(self.plan, choice.year, records, whole);
        batch.skipped = skipped;
        let cross_file = choice.basis != YearBasis::NoSheets;
        batch.year_choice = choice;
        let across = if cross_file {
            crate::rules::run_batch(&batch, self.rules, self.severity)
        } else {
            Vec::new()
        };
        // Sized once: a national run has a hundred thousand findings, and a
        // growing vector would briefly hold them twice.
        let total = per_file.iter().map(Vec::len).sum::<usize>() + across.len();
        let mut findings = Vec::with_capacity(total);
        for f in per_file {
            findings.extend(f);
        }
        findings.extend(across);
        crate::rules::finish(&batch, &mut findings);
        Ok((batch, findings))
    }
}
