//! Fuzz target: arbitrary bytes as a submitted file. Opening must fail
//! cleanly or succeed, and whatever opens goes through every rule.
#![no_main]

// The release binary's allocator (src/main.rs).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use libfuzzer_sys::fuzz_target;

static QUIET: std::sync::Once = std::sync::Once::new();

fuzz_target!(|data: &[u8]| {
    // libfuzzer-sys aborts on any panic, even one hyoka catches; hyoka's
    // contract is that reader panics cost one file, so only uncaught panics
    // (which still abort at the fuzzer's boundary) count as crashes.
    QUIET.call_once(|| std::panic::set_hook(Box::new(|_| {})));
    let shown: std::sync::Arc<str> = "fuzz.xlsx".into();
    // Through the same entry point as a file on disk, which catches a panic
    // inside a reader library and turns it into an unreadable file.
    let result = hyoka::read::read_bytes(data.to_vec(), &shown, hyoka::model::form::Form::standard());
    let plan = hyoka::model::plan::Plan::embedded();
    let sub = hyoka::model::sheet::Submission { path: shown, result };
    let rules: Vec<_> = hyoka::rules::registry::all().to_vec();
    // The same checks as a run: each file's own, then across files.
    let year = Some(hyoka::model::year::FiscalYear(2024));
    let _ = hyoka::pipeline::check_submissions(&plan, year, &rules, &Default::default(), vec![sub], Vec::new());
});
