//! The `hyoka` binary: parses arguments and dispatches to a command.

// mimalloc: many small strings are allocated and freed per file, and it does
// that faster than glibc's allocator (docs/performance.md). The benchmark
// floor (examples/floor.rs) uses it too, so ratios compare like with like.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::process::ExitCode;

/// mimalloc's `mi_option_purge_delay` in its v3 numbering (`mimalloc.h`;
/// libmimalloc-sys names only the v2 options).
#[cfg(feature = "mimalloc")]
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Returns freed pages to the OS after 1 ms instead of a second: reading
/// tens of thousands of files frees memory at gigabytes a second, and the
/// default delay keeps about 30 MB more resident at national scale; 1 ms
/// costs no measured time, 0 ms costs 9% on two threads
/// (docs/performance.md).
#[cfg(feature = "mimalloc")]
fn return_freed_memory_soon() {
    // SAFETY: sets an option value; called before any thread is started.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, 1) }
}

fn main() -> ExitCode {
    #[cfg(feature = "mimalloc")]
    return_freed_memory_soon();
    let code = hyoka::cmd::main(std::env::args_os());
    ExitCode::from(code as u8)
}

#[cfg(all(test, feature = "mimalloc"))]
mod tests {
    use super::*;

    #[test]
    fn the_option_set_is_the_purge_delay() {
        // Its default (1000 ms in options.c) tells it from its neighbours
        // (1 and 0), should the numbering change.
        assert_eq!(unsafe { libmimalloc_sys::mi_option_get(PURGE_DELAY) }, 1000);
        return_freed_memory_soon();
        assert_eq!(unsafe { libmimalloc_sys::mi_option_get(PURGE_DELAY) }, 1);
    }
}
