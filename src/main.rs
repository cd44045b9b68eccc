//! The `hyoka` binary: parses arguments and dispatches to a command.

use std::process::ExitCode;

fn main() -> ExitCode {
    let code = hyoka::cmd::main(std::env::args_os());
    ExitCode::from(code as u8)
}
