//! The `hyoka` binary: parses arguments and dispatches to a command.

// mimalloc: many small strings are allocated and freed per file, and it does
// that faster than glibc's allocator (docs/performance.md).
#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::process::ExitCode;

fn main() -> ExitCode {
    hyoka::run::memory::return_freed_memory_soon();
    let code = hyoka::cmd::main(std::env::args_os());
    ExitCode::from(code as u8)
}
