//! The `hyoka` binary: parses arguments and dispatches to a command.

// mimalloc: many small strings are allocated and freed per file, and it does
// that faster than glibc's allocator (docs/performance.md). The benchmark
// floor (examples/floor.rs) uses it too, so ratios compare like with like.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::process::ExitCode;

fn main() -> ExitCode {
    let code = hyoka::cmd::main(std::env::args_os());
    ExitCode::from(code as u8)
}
