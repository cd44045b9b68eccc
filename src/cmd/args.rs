//! Command-line arguments shared by the commands (raw flags only; each command
//! turns them into settings). Their help is in `cmd::help`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// hyoka's command line. The help people read is in `cmd::help` (日本語 and
/// English); the doc comments here are for the source's readers.
#[derive(Parser, Debug)]
#[command(name = "hyoka", version)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    Check(crate::cmd::check::Args),
    Consolidate(crate::cmd::consolidate::Args),
    Rules(crate::cmd::rules::Args),
    Template(crate::cmd::template::Args),
    Plan(crate::cmd::plan::Args),
    /// Internal: a reading worker started by `check` and `consolidate`.
    #[command(name = "read-worker", hide = true)]
    ReadWorker(crate::cmd::read_worker::Args),
}

/// Inputs and plan, common to `check` and `consolidate`.
#[derive(Args, Debug, Clone)]
pub struct InputArgs {
    /// Files or folders (folders are searched recursively)
    #[arg(required = true, value_name = "PATHS")]
    pub paths: Vec<PathBuf>,

    /// Evaluated fiscal year: 令和6, R6 or 2024 (default: read from the sheets)
    #[arg(long, value_name = "YEAR")]
    pub year: Option<String>,

    /// Plan file (TOML) of another municipality (default: the embedded 令和4～8年度 plan)
    #[arg(long, value_name = "FILE")]
    pub plan: Option<PathBuf>,

    /// Run only these rules: codes or prefixes, comma-separated (G,S001)
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    pub select: Vec<String>,

    /// Skip these rules: codes or prefixes, comma-separated (P003)
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    pub ignore: Vec<String>,

    /// Configuration file (default: hyoka.toml beside the first input)
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Encoding of CSV inputs: utf-8 or shift_jis (default: decided from the bytes)
    #[arg(long, value_name = "ENCODING")]
    pub encoding: Option<String>,

    /// Message language
    #[arg(long, value_enum, default_value_t = LangArg::Ja)]
    pub lang: LangArg,

    /// Exit 1 already on findings of this severity (default: error)
    #[arg(long, value_enum, default_value_t = FailOn::Error, value_name = "SEVERITY")]
    pub fail_on: FailOn,

    /// Print only the findings and the summary line
    #[arg(long, short)]
    pub quiet: bool,

    /// An earlier run's JSON report: findings marked new, continued, resolved
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,

    /// Also print the number of findings per rule
    #[arg(long)]
    pub statistics: bool,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailOn {
    Error,
    Warning,
    Info,
}

impl From<FailOn> for crate::model::finding::Severity {
    fn from(f: FailOn) -> Self {
        match f {
            FailOn::Error => crate::model::finding::Severity::Error,
            FailOn::Warning => crate::model::finding::Severity::Warning,
            FailOn::Info => crate::model::finding::Severity::Info,
        }
    }
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum LangArg {
    Ja,
    En,
}

impl From<LangArg> for crate::model::finding::Lang {
    fn from(l: LangArg) -> Self {
        match l {
            LangArg::Ja => crate::model::finding::Lang::Ja,
            LangArg::En => crate::model::finding::Lang::En,
        }
    }
}
