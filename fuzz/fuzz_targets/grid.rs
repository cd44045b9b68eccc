//! Fuzz target: the sheet reader and every rule, fed an arbitrary grid of
//! cells. Bytes 0x1E end a row, 0x1F end a cell; a cell starting with 0x01 is
//! a number. The whole pipeline after opening a file must never panic.
#![no_main]

// The release binary's allocator (src/main.rs).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use libfuzzer_sys::fuzz_target;

use hyoka::model::cell::CellValue;

fn grid(data: &[u8], sheet: &str) -> hyoka::read::grid::Grid {
    let text = String::from_utf8_lossy(data);
    let rows = text
        .split('\u{1E}')
        .take(200)
        .map(|r| {
            r.split('\u{1F}')
                .take(30)
                .map(|c| match c.strip_prefix('\u{1}') {
                    Some(n) => CellValue::Number(n.parse().unwrap_or(0.0)),
                    None if c.is_empty() => CellValue::Empty,
                    None => CellValue::Text(c.to_string()),
                })
                .collect()
        })
        .collect();
    hyoka::read::grid::Grid::from_rows("fuzz.xlsx", sheet, rows)
}

fuzz_target!(|data: &[u8]| {
    // Two sheets from one input so cross-sheet rules have something to compare.
    let mid = data.len() / 2;
    let raw = vec![
        hyoka::read::workbook::RawSheet::new(grid(&data[..mid], "A"), false),
        hyoka::read::workbook::RawSheet::new(grid(&data[mid..], "B"), false),
    ];
    let wb = hyoka::read::build_workbook(raw, hyoka::model::form::Form::standard());
    let plan = hyoka::model::plan::Plan::embedded();
    let sub = hyoka::model::sheet::Submission { path: "fuzz.xlsx".into(), result: Ok(wb) };
    let rules: Vec<_> = hyoka::rules::registry::all().to_vec();
    // The same checks as a run: each file's own, then across files.
    let year = Some(hyoka::model::year::FiscalYear(2024));
    let _ = hyoka::pipeline::check_submissions(&plan, year, &rules, &Default::default(), vec![sub], Vec::new());
});
