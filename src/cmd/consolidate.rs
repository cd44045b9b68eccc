//! `hyoka consolidate`: read, validate and derive, then write one consolidated
//! workbook (評価一覧, 集計, エラー報告, 提出状況) and print the findings.
//!
//! Usage:
//!     hyoka consolidate PATHS... -o consolidated.xlsx [--json report.json] [--year 令和6]
//!         [--requests DIR]
//!
//! Beside the workbook it writes one 修正依頼 workbook per department with
//! findings to correct (`集約_修正依頼/財政課_修正依頼.xlsx`, or in
//! `--requests DIR`), and removes the ones of an earlier run for the
//! departments that have nothing left.
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

    /// Folder of the departments' 修正依頼 workbooks (default: beside the output)
    #[arg(long, value_name = "DIR")]
    pub requests: Option<PathBuf>,
}

/// The folder of the 修正依頼 workbooks: `--requests`, else `集約_修正依頼`
/// beside `集約.xlsx`.
fn requests_folder(args: &Args) -> PathBuf {
    args.requests.clone().unwrap_or_else(|| {
        let stem = args
            .output
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy();
        report::atomic::folder_of(&args.output).join(format!("{stem}_修正依頼"))
    })
}

/// Stages one 修正依頼 workbook per department with findings to correct.
fn stage_requests(
    results: &report::Results,
    folder: &std::path::Path,
) -> Result<(Vec<report::atomic::Staged>, Vec<PathBuf>), ToolError> {
    let by_department = report::workbook::requests::by_department(results);
    if by_department.is_empty() {
        return Ok((Vec::new(), Vec::new()));
    }
    std::fs::create_dir_all(folder).map_err(|e| ToolError::Write {
        path: folder.to_path_buf(),
        cause: crate::error::WriteCause::of_io(&e),
    })?;
    let mut staged = Vec::new();
    let mut paths = Vec::new();
    for (department, findings) in &by_department {
        let path = folder.join(report::workbook::requests::file_name(department));
        let mut s = report::atomic::Staged::new(&path)?;
        report::workbook::requests::build(results, department, findings, &path, s.file())
            .map_err(|e| report::atomic::xlsx_error(&path, e))?;
        staged.push(s);
        paths.push(path);
    }
    Ok((staged, paths))
}

/// Removes the 修正依頼 workbooks of an earlier run that this one did not
/// write again (a department with nothing left to correct): only hyoka's
/// own, recognised by their document property.
fn remove_stale_requests(folder: &std::path::Path, written: &[PathBuf]) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        let ours =
            crate::read::own_output::kind(&p).as_deref() == Some(crate::model::output::REQUESTS);
        if ours && !written.iter().any(|w| w.file_name() == p.file_name()) {
            let _ = std::fs::remove_file(&p);
        }
    }
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
    let folder = requests_folder(&args);
    let (requests, written) = stage_requests(&results, &folder)?;
    for p in &written {
        report::atomic::refuse_inputs(p, &out.discovered.files)?;
    }
    staged.extend(requests);
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
    remove_stale_requests(&folder, &written);
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
        if !written.is_empty() {
            match lang {
                Lang::Ja => eprintln!(
                    "修正依頼を{}課分書き出しました: {}",
                    written.len(),
                    folder.display()
                ),
                Lang::En => eprintln!(
                    "Wrote {} departments' correction requests: {}",
                    written.len(),
                    folder.display()
                ),
            }
        }
    }
    let code = super::exit_code(&out.findings, args.input.fail_on.into());
    crate::run::leave(checked);
    Ok(code)
}
