//! Rules about whole files and raw cells: unreadable, holding nothing hyoka
//! can use, or holding formula errors.

pub mod formula_error;
pub mod no_evaluation_sheet;
pub mod not_a_spreadsheet;
pub mod read_limit;
pub mod unreadable_file;
