//! Reports: the same results rendered for people (terminal), programs (JSON)
//! and the committee (the consolidated workbook), and written safely.

pub mod atomic;
pub mod counts;
pub mod json;
pub mod template;
pub mod terminal;
pub mod verdicts;
pub mod width;
pub mod workbook;

use crate::facts::batch::Batch;
use crate::model::finding::Finding;

/// What every report renders: the batch placed on the plan, and its
/// findings in report order.
#[derive(Clone, Copy)]
pub struct Results<'a, 'p> {
    pub batch: &'a Batch<'p>,
    pub findings: &'a [Finding],
    /// The run's id when it writes outputs that belong together (the
    /// workbook and the JSON of one `consolidate`): each output carries it,
    /// so a pair from two runs is told apart.
    pub run: Option<&'a str>,
    /// The baseline's findings this run no longer reports (解消).
    pub resolved: &'a [crate::model::standing::Resolved],
}

/// How the terminal report is shown.
#[derive(Clone, Copy)]
pub struct View {
    pub lang: crate::model::finding::Lang,
    /// Only the findings and the summary line.
    pub quiet: bool,
    /// Also the number of findings per rule (`--statistics`).
    pub statistics: bool,
}
