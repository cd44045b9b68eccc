//! `hyoka check`: read and validate, print the findings, write nothing.
//!
//! Usage:
//!     hyoka check [--year 令和6] [--format text|json] [--plan FILE] PATHS...
//!
//! Exit status: 0 no error found, 1 errors found, 2 hyoka could not run.

use std::io::Write;

use clap::ValueEnum;

use crate::cmd::args::InputArgs;
use crate::error::ToolError;
use crate::report;

/// Read and validate the workbooks and print the findings / 点検して結果を表示
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,

    /// Output format / 出力形式
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
}

pub fn run(args: Args) -> Result<i32, ToolError> {
    let plan = super::load_plan(&args.input)?;
    let checked = super::checked(&args.input, &plan)?;
    let lang = args.input.lang.into();
    let view = report::View {
        lang,
        quiet: args.input.quiet,
        statistics: args.input.statistics,
    };
    match args.format {
        Format::Json => {
            // Buffered: the JSON is written in many small pieces.
            let mut w = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
            super::printed(
                report::json::write(&mut w, &checked.results()).and_then(|()| w.flush()),
            )?
        }
        // anstream strips the colours when stdout is not a terminal or NO_COLOR is set.
        Format::Text => super::printed(report::terminal::write(
            &mut anstream::stdout().lock(),
            &checked.results(),
            view,
        ))?,
    }
    let code = super::exit_code(&checked.out.findings, args.input.fail_on.into());
    crate::run::leave(checked);
    Ok(code)
}
