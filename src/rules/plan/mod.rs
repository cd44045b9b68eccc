//! Rules comparing the sheets with the plan: names, unknown items and actions,
//! items nobody submitted, items submitted twice.

pub mod duplicate_file;
pub mod duplicate_item;
pub mod name_differs;
pub mod not_submitted;
pub mod unknown_to_plan;
