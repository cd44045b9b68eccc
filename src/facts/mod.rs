//! Facts: what is derived from the model before any rule judges it.
//!
//! - [`grading`]: the committee's rule for an item grade (評価) from its
//!   action grades (個別評価).
//! - [`file`]: one file while it is checked, with its sheets placed on the
//!   plan and its figures and claims found once for the rules.
//! - [`placement`]: which plan item each evaluation sheet is for, by every
//!   signal it gives (numbers, name, tab, 取組内容), and which disagree.
//! - [`record`]: what a run keeps of each file once its texts are dropped.
//! - [`batch`]: every kept file placed on the plan: which sheet evaluates
//!   which item and action, and each item's grades as submitted and derived.
//! - [`year`]: the evaluated fiscal year, when `--year` does not say.
//! - [`quantity`]: every figure of the texts, 数値目標 values and comments as
//!   a fact (what it measures, its year, value, unit and precision);
//! - [`relations`]: the relations between facts (sums, changes, rates,
//!   averages, equations, balances, running totals, targets, identity);
//! - [`targets`]: the 数値目標 values, paired by row.
//! - [`direction`]: what a paragraph says a measure did against its target
//!   or an earlier year, in words (`目標値を上回った`, `前年度より悪化`).
//! - [`restated`]: which text figure a 数値目標 value restates.
//!
//! Nothing here judges or reports: rules do (`crate::rules`).

pub mod batch;
pub mod direction;
pub mod file;
pub mod grading;
pub mod placement;
pub mod quantity;
pub mod record;
pub mod relations;
pub mod restated;
pub mod targets;
pub mod year;
