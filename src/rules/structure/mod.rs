//! Rules about the layout of a 評価シート: blocks that must be there, and
//! numbers that must refer to something.

pub mod action_without_project;
pub mod missing_block;
pub mod project_without_action;
pub mod unknown_action_reference;
