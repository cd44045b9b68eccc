//! Rules about grades: symbols, and item grades against the committee's rule.

pub mod item_grade_mismatch;
pub mod item_grade_tie;
pub mod unknown_grade;
