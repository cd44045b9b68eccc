//! Fuzz target: the figure parser, the text-figure extractor and the date
//! finder must never panic, whatever bytes a cell holds.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(s) = std::str::from_utf8(data) {
        let _ = hyoka::model::figure::parse_figure(s);
        let _ = hyoka::derive::figures::extract(s);
        let _ = hyoka::model::date::find_dates(s);
    }
});
