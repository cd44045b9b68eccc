//! hyoka: reads the evaluation sheets (評価シート) that departments submit for a
//! municipality's medium-term administrative and fiscal reform plan, checks
//! them, derives the item grades by the committee's rule and writes one
//! consolidated workbook with an error report.
//!
//! The pipeline is the folder layout: [`read`] → [`model`] → [`rules`] →
//! [`derive`] → [`report`]; [`cmd`] holds one file per subcommand.

pub mod cli;
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
