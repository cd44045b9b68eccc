//! One file per subcommand, each opening with its usage. [`main`] dispatches
//! and maps results to exit codes: 0 no error found, 1 errors found, 2 hyoka
//! could not run.

pub mod args;
pub mod check;
pub mod consolidate;
pub mod help;
pub mod plan;
pub mod read_worker;
pub mod rules;
pub mod template;

use std::ffi::OsString;
use std::io::IsTerminal;

use crate::cmd::args::{Command, InputArgs, LangArg};
use crate::error::ToolError;
use crate::model::finding::{Finding, Severity};
use crate::model::plan::Plan;
use crate::model::year::parse_year_arg;
use crate::pipeline::Options;

pub fn main(args: impl IntoIterator<Item = OsString>) -> i32 {
    // The help and clap's errors in Japanese, or English with `--lang en`.
    let args: Vec<OsString> = args.into_iter().collect();
    let lang = help::lang_of(&args);
    let cli = match help::parse(args) {
        Ok(c) => c,
        Err(code) => return code,
    };
    if let Command::ReadWorker(a) = &cli.command {
        return read_worker::run(a);
    }
    crate::report::atomic::install_interrupt_cleanup();
    let result = match cli.command {
        Command::Check(a) => check::run(a),
        Command::Consolidate(a) => consolidate::run(a),
        Command::Rules(a) => rules::run(a),
        Command::Template(a) => template::run(a),
        Command::Plan(a) => plan::run(a),
        Command::ReadWorker(_) => unreachable!("served above"),
    };
    crate::report::atomic::release_locks();
    match result {
        Ok(code) => code,
        Err(e) => {
            let label = match lang {
                crate::model::finding::Lang::Ja => "エラー",
                crate::model::finding::Lang::En => "error",
            };
            let message = e.message(lang);
            eprintln!(
                "hyoka: {label}: {}",
                crate::report::terminal::visible(&message)
            );
            ToolError::EXIT_CODE
        }
    }
}

/// Loads the plan named by `--plan`, or the embedded one.
pub fn load_plan(args: &InputArgs) -> Result<Plan, ToolError> {
    load_plan_file(args.plan.as_deref())
}

/// Loads a plan file, or the embedded plan when none is given.
pub fn load_plan_file(path: Option<&std::path::Path>) -> Result<Plan, ToolError> {
    match path {
        None => Ok(Plan::embedded()),
        Some(path) => {
            let src = std::fs::read_to_string(path).map_err(|e| ToolError::Plan {
                path: path.to_path_buf(),
                message: e.to_string(),
            })?;
            Plan::from_toml(&src).map_err(|message| ToolError::Plan {
                path: path.to_path_buf(),
                message,
            })
        }
    }
}

/// A batch read, checked and marked against the baseline and the office's
/// accepted findings: what `check` and `consolidate` report.
pub struct Checked<'p> {
    pub out: crate::pipeline::Outcome<'p>,
    /// The baseline's findings no longer reported (解消).
    pub resolved: Vec<crate::model::standing::Resolved>,
}

impl<'p> Checked<'p> {
    pub fn results(&self) -> crate::report::Results<'_, 'p> {
        crate::report::Results {
            resolved: &self.resolved,
            ..self.out.results()
        }
    }
}

/// Reads and checks the inputs: the common part of `check` and `consolidate`.
pub fn checked<'p>(args: &InputArgs, plan: &'p Plan) -> Result<Checked<'p>, ToolError> {
    // The baseline is read first: a wrong path should not cost the reading.
    let baseline = (args.baseline.as_deref())
        .map(crate::baseline::Baseline::load)
        .transpose()?;
    let mut config = crate::config::Config::load(args.config.as_deref(), &args.paths)?;
    if let (Some(src), false) = (&config.source, args.quiet) {
        match args.lang {
            LangArg::Ja => eprintln!("設定ファイル: {}", src.display()),
            LangArg::En => eprintln!("configuration: {}", src.display()),
        }
    }
    let accepted = std::mem::take(&mut config.accepted);
    let opts = options(args, plan, config)?;
    let mut out = crate::pipeline::run(&opts)?;
    let resolved =
        crate::baseline::mark(&mut out.findings, &out.batch, &accepted, baseline.as_ref());
    Ok(Checked { out, resolved })
}

/// Resolves the common input arguments and the configuration into
/// pipeline options.
pub fn options<'p>(
    args: &InputArgs,
    plan: &'p Plan,
    mut config: crate::config::Config,
) -> Result<Options<'p>, ToolError> {
    let year = match &args.year {
        Some(y) => Some(parse_year_arg(y).ok_or_else(|| ToolError::BadYear(y.clone()))?),
        None => None,
    };
    config.select.extend(args.select.iter().cloned());
    config.ignore.extend(args.ignore.iter().cloned());
    Ok(Options {
        inputs: args.paths.clone(),
        year,
        plan,
        rules: config.rules()?,
        severity: config.severity,
        encoding: match &args.encoding {
            None => None,
            Some(e) => Some(crate::read::csv::parse_encoding_arg(e).ok_or_else(|| {
                ToolError::Other(format!(
                    "--encoding「{e}」は utf-8 か shift_jis で指定してください"
                ))
            })?),
        },
        progress: !args.quiet && std::io::stderr().is_terminal(),
        isolation: isolation(config.limits),
    })
}

/// Files are read in worker processes started from hyoka's own executable,
/// unless `[limits] isolate = false`.
fn isolation(l: crate::config::ReadLimits) -> Option<crate::read::pool::Isolation> {
    if l.isolate == Some(false) {
        return None;
    }
    let defaults = crate::read::worker::Limits::default();
    let exe = match std::env::current_exe() {
        Ok(exe) => exe,
        Err(e) => {
            eprintln!(
                "hyoka: 注意: 実行ファイルの場所が分からないため（{e}）、ファイルを時間・メモリの上限なしで読みます"
            );
            return None;
        }
    };
    Some(crate::read::pool::Isolation {
        exe,
        limits: crate::read::worker::Limits {
            memory_bytes: l
                .file_memory_mb
                .map_or(defaults.memory_bytes, |mb| mb * 1024 * 1024),
            deadline: l
                .file_seconds
                .map_or(defaults.deadline, std::time::Duration::from_secs_f64),
        },
    })
}

/// Exit code for a finished run: 1 when a finding is at least as severe as
/// `fail_on` (errors by default; `--fail-on warning` for stricter runs).
pub fn exit_code(findings: &[Finding], fail_on: Severity) -> i32 {
    // Severity orders Error < Warning < Info. What the office accepted
    // does not fail a run.
    let accepted = |f: &Finding| f.standing == Some(crate::model::standing::Standing::Accepted);
    if findings
        .iter()
        .any(|f| f.severity <= fail_on && !accepted(f))
    {
        1
    } else {
        0
    }
}

/// Maps an error writing a report to stdout. A closed pipe (`hyoka check … | head`)
/// is not a failure: the reader has seen what it wanted.
pub fn printed(r: std::io::Result<()>) -> Result<(), ToolError> {
    match r {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => r.map_err(|e| ToolError::Other(e.to_string())),
    }
}
