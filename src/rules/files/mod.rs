//! Rules about whole files: unreadable, or holding nothing hyoka can use.

pub mod no_evaluation_sheet;
pub mod unreadable_file;
