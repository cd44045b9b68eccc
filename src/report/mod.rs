//! Reports: the same results rendered for people (terminal), programs (JSON)
//! and the committee (the consolidated workbook), and written safely.

pub mod atomic;
pub mod json;
pub mod progress;
pub mod template;
pub mod terminal;
pub mod width;
pub mod workbook;
