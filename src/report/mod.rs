//! Reports: the same results rendered for people (terminal), programs (JSON)
//! and the committee (the consolidated workbook), and written safely.

pub mod atomic;
pub mod counts;
pub mod json;
pub mod template;
pub mod terminal;
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
}
