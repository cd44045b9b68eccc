//! Deriving: the committee's grading rule (`grades`), the mapping of submitted
//! sheets onto the plan (`batch`), the evaluated year (`year`) and the counts
//! of chapter 1 (`counts`).

pub mod batch;
pub mod claims;
pub mod counts;
pub mod figures;
pub mod file;
pub mod grades;
pub mod year;
