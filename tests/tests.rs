//! Integration tests: they run the real `hyoka` binary in a directory of
//! their own and read what it wrote back with calamine.

mod util;

mod cli;
mod docs;
mod figure_props;
mod figures;
mod rules;
mod samples;
