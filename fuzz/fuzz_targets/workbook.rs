//! Fuzz target: arbitrary bytes as a submitted file. Opening must fail
//! cleanly or succeed, and whatever opens goes through every rule.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let shown: std::sync::Arc<str> = "fuzz.xlsx".into();
    let result = hyoka::read::workbook::open_bytes(data.to_vec(), &shown).map(hyoka::read::build_workbook);
    let plan = hyoka::model::plan::Plan::embedded();
    let sub = hyoka::model::sheet::Submission { path: shown, result };
    let batch = hyoka::derive::batch::Batch::new(&plan, hyoka::model::year::FiscalYear(2024), vec![sub]);
    let rules: Vec<_> = hyoka::rules::registry::RULES.iter().collect();
    let _ = hyoka::rules::run(&batch, &rules, &Default::default());
});
