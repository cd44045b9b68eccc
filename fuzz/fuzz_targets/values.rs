//! Fuzz target: the value parsers — figures, text figures, dates, grades and
//! year headers — never panic, whatever text a cell holds.
#![no_main]

// The release binary's allocator (src/main.rs).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(s) = std::str::from_utf8(data) {
        let _ = hyoka::facts::quantity::amount::Amount::parse(s);
        let mut f = hyoka::facts::quantity::Facts::default();
        f.add(
            s,
            hyoka::model::location::Location::file("f".into()),
            hyoka::facts::quantity::Place::Future { sheet: 0 },
        );
        let _ = hyoka::facts::relations::find_all(&f);
        let _ = hyoka::model::date::find_dates(s);
        let _ = hyoka::model::grade::read_grade(s);
        let _ = hyoka::model::year::parse_year_header(s);
        let _ = hyoka::model::year::parse_year_arg(s);
        let _ = hyoka::model::plan::ActionId::parse(s);
    }
});
