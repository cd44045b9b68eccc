//! `hyoka consolidate`: read, validate and derive, then write one consolidated
//! workbook (評価一覧, 集計, エラー報告, 提出状況) and print the findings.
//!
//! Usage:
//!     hyoka consolidate PATHS... -o consolidated.xlsx [--json report.json] [--year 令和6]
//!
//! The workbook is written to a temporary file beside the target and renamed
//! into place, so it is written whole or not at all; an input file is never
//! overwritten. Exit status: 0 no error found, 1 errors found, 2 hyoka could
//! not run (the old output is then left untouched).

use std::path::PathBuf;

use crate::cmd::args::InputArgs;
use crate::error::ToolError;
use crate::model::finding::Lang;
use crate::report;

/// Write the consolidated workbook / 集約ブックを作成
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,

    /// Output workbook / 出力ファイル
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,

    /// Also write the findings as JSON / JSONでも出力
    #[arg(long, value_name = "FILE")]
    pub json: Option<PathBuf>,
}

pub fn run(mut args: Args) -> Result<i32, ToolError> {
    // The output paths are checked before the files are read: a slip in
    // them should not cost the reading.
    args.output = report::atomic::workbook_path(&args.output)?;
    if let Some(json) = &args.json {
        report::atomic::writable_folder(json)?;
        report::atomic::refuse_same(&args.output, json)?;
    }
    let plan = super::load_plan(&args.input)?;
    let checked = super::checked(&args.input, &plan)?;
    let out = &checked.out;
    let targets: Vec<&PathBuf> = std::iter::once(&args.output)
        .chain(args.json.as_ref())
        .collect();
    for t in &targets {
        report::atomic::refuse_inputs(t, &out.discovered.files)?;
    }
    let lang = args.input.lang.into();
    // Both outputs are written to temporary files first and renamed into
    // place only when both are whole.
    // Each output names the run that wrote it: were a run killed between
    // the two renames below, the pair left is seen to be from two runs.
    let run = crate::run::id();
    let results = report::Results {
        run: Some(&run),
        ..checked.results()
    };
    let mut book = report::atomic::Staged::new(&args.output)?;
    let built = report::workbook::build(&results, lang, &args.output, book.file());
    built.map_err(|e| report::atomic::xlsx_error(&args.output, e))?;
    let mut staged = vec![book];
    if let Some(json) = &args.json {
        let mut j = report::atomic::Staged::new(json)?;
        let mut w = std::io::BufWriter::new(j.file());
        let written =
            report::json::write(&mut w, &results).and_then(|()| std::io::Write::flush(&mut w));
        drop(w);
        j.wrote(written)?;
        staged.push(j);
    }
    // Both are whole on disk before either is renamed into place; only the
    // two renames lie between an old pair and a new one.
    report::atomic::commit_all(staged)?;
    let view = report::View {
        lang,
        quiet: args.input.quiet,
        statistics: args.input.statistics,
    };
    super::printed(report::terminal::write(
        &mut anstream::stdout().lock(),
        &checked.results(),
        view,
    ))?;
    if !args.input.quiet {
        match lang {
            Lang::Ja => eprintln!("集約ブックを書き出しました: {}", args.output.display()),
            Lang::En => eprintln!("Wrote the consolidated workbook: {}", args.output.display()),
        }
    }
    let code = super::exit_code(&out.findings, args.input.fail_on.into());
    crate::run::leave(checked);
    Ok(code)
}
