//! Command-line arguments shared by the commands (raw flags only; each command
//! turns them into settings).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Parser, Debug)]
#[command(
    name = "hyoka",
    version,
    about = "評価シートの点検と集約 — checks and consolidates evaluation sheets (評価シート)",
    long_about = "各課から提出された評価シート（Excel）を読み、評価・目標・数値を点検し、\
                  評価を判断基準どおりに算定して、集約ブックとエラー報告を作ります。\n\
                  Reads the departments' evaluation workbooks, validates them, derives the \
                  item grades and writes one consolidated workbook with an error report."
)]
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
    /// Files or folders (folders are searched recursively) / 入力ファイルまたはフォルダ
    #[arg(required = true, value_name = "PATHS")]
    pub paths: Vec<PathBuf>,

    /// Evaluated fiscal year: 令和6, R6 or 2024 (default: read from the sheets) / 評価年度
    #[arg(long, value_name = "YEAR")]
    pub year: Option<String>,

    /// Plan file (TOML) of another municipality (default: the embedded 令和4～8年度 plan)
    #[arg(long, value_name = "FILE")]
    pub plan: Option<PathBuf>,

    /// Run only these rules: codes or prefixes, comma-separated (G,S001) / 実行するルール
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    pub select: Vec<String>,

    /// Skip these rules: codes or prefixes, comma-separated (P003) / 除外するルール
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    pub ignore: Vec<String>,

    /// Configuration file (default: hyoka.toml beside the first input) / 設定ファイル
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Encoding of CSV inputs: utf-8 or shift_jis (default: decided from the bytes) / CSVの文字コード
    #[arg(long, value_name = "ENCODING")]
    pub encoding: Option<String>,

    /// Message language / メッセージの言語
    #[arg(long, value_enum, default_value_t = LangArg::Ja)]
    pub lang: LangArg,

    /// Exit 1 already on findings of this severity (default: error) / 終了コード1にする重要度
    #[arg(long, value_enum, default_value_t = FailOn::Error, value_name = "SEVERITY")]
    pub fail_on: FailOn,

    /// Print only the findings and the summary line
    #[arg(long, short)]
    pub quiet: bool,
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
