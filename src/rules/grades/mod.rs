//! Rules about grades: symbols, years, item grades against the committee's
//! rule, and the same grade given in two places.

pub mod conflicting_grades;
pub mod future_grade;
pub mod grade_variant;
pub mod item_grade_mismatch;
pub mod item_grade_tie;
pub mod missing_grade;
pub mod relisted_mismatch;
pub mod unexplained_dash;
pub mod unknown_grade;
