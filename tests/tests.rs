//! Integration tests: they run the real `hyoka` binary in a directory of
//! their own and read what it wrote back with calamine.

mod util;

mod architecture;
mod cli;
mod comments_heldout;
mod csv;
mod docs;
mod figure_props;
mod figures;
mod grading_props;
mod json_contract;
mod mutation;
mod output;
mod pipeline;
mod plans;
mod print;
mod reading;
mod robustness;
mod roundtrip;
mod rules;
mod samples;
mod snapshots;
mod templates;
mod year;
