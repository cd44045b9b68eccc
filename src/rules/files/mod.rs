//! Rules about whole files and raw cells: unreadable, holding nothing hyoka
//! can use, or holding formula errors.

crate::rules::registry::rules! {
    F001 "unreadable-file" Error unreadable_file::UnreadableFile,
    F002 "no-evaluation-sheet" Error no_evaluation_sheet::NoEvaluationSheet,
    F003 "formula-error" Error formula_error::FormulaError,
    F004 "read-limit" Warning read_limit::ReadLimit,
    F005 "not-a-spreadsheet" Info not_a_spreadsheet::NotASpreadsheet,
    F006 "struck-text" Info struck_text::StruckText,
    F007 "hidden-sheet" Warning hidden_sheet::HiddenSheet,
}
