//! The data hyoka works on, independent of how it was read: locations, grades,
//! fiscal years, the plan, evaluation sheets and findings.

pub mod cell;
pub mod date;
pub mod figure;
pub mod finding;
pub mod form;
pub mod grade;
pub mod location;
pub mod output;
pub mod plan;
pub mod resubmission;
pub mod sheet;
pub mod standing;
pub mod text;
pub mod year;
