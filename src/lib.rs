//! hyoka: reads the evaluation sheets (評価シート) that departments submit for a
//! municipality's medium-term administrative and fiscal reform plan, checks
//! them, derives the item grades by the committee's rule and writes one
//! consolidated workbook with an error report.
//!
//! Files are read ([`read`]) into a located [`model`]; [`facts`] are derived
//! from it; [`rules`] judge the facts; [`report`] renders the findings.
//! [`pipeline`] runs a batch through them, with the thread and memory
//! mechanics of [`run`]; [`cmd`] holds one file per subcommand. Each module
//! uses only the layers below it (docs/architecture.md, enforced by
//! `tests/architecture.rs`).

pub mod baseline;
pub mod cmd;
pub mod config;
pub mod error;
pub mod facts;
pub mod model;
pub mod pipeline;
pub mod read;
pub mod report;
pub mod rules;
pub mod run;
