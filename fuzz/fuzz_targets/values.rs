//! Fuzz target: the value parsers — figures, text figures, dates, grades and
//! year headers — never panic, whatever text a cell holds.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(s) = std::str::from_utf8(data) {
        let _ = hyoka::model::figure::parse_figure(s);
        let _ = hyoka::facts::figures::extract(s);
        let _ = hyoka::model::date::find_dates(s);
        let _ = hyoka::model::grade::read_grade(s);
        let _ = hyoka::model::year::parse_year_header(s);
        let _ = hyoka::model::year::parse_year_arg(s);
        let _ = hyoka::model::plan::ActionId::parse(s);
    }
});
