//! The list of rules. A rule's documentation is the `//!` comment at the top of
//! its file, read here with `include_str!` so code and docs cannot drift.

use crate::rules::{Rule, comments, figures, files, grades, plan, structure};

pub struct Registered {
    pub rule: &'static dyn Rule,
    /// The rule file's source; its leading `//!` lines are the documentation.
    source: &'static str,
}

impl Registered {
    /// The rule's documentation in Markdown.
    pub fn doc(&self) -> String {
        let mut lines = Vec::new();
        for line in self.source.lines() {
            match line.strip_prefix("//!") {
                Some(rest) => lines.push(rest.strip_prefix(' ').unwrap_or(rest)),
                None => break,
            }
        }
        lines.join("\n").trim().to_string()
    }

    /// The first paragraph of the documentation: what the rule checks, in a phrase.
    pub fn summary(&self) -> String {
        let doc = self.doc();
        doc.lines()
            .take_while(|l| !l.trim().is_empty())
            .map(str::trim)
            .collect::<Vec<_>>()
            .join(" ")
    }
}

macro_rules! rule {
    ($rule:expr, $file:literal) => {
        Registered {
            rule: &$rule,
            source: include_str!($file),
        }
    };
}

/// Every rule, grouped by code letter: F files, G grades, K comments, N figures,
/// P plan, S structure.
pub static RULES: &[Registered] = &[
    rule!(
        files::unreadable_file::UnreadableFile,
        "files/unreadable_file.rs"
    ),
    rule!(
        files::no_evaluation_sheet::NoEvaluationSheet,
        "files/no_evaluation_sheet.rs"
    ),
    rule!(files::formula_error::FormulaError, "files/formula_error.rs"),
    rule!(files::read_limit::ReadLimit, "files/read_limit.rs"),
    rule!(
        files::not_a_spreadsheet::NotASpreadsheet,
        "files/not_a_spreadsheet.rs"
    ),
    rule!(
        grades::unknown_grade::UnknownGrade,
        "grades/unknown_grade.rs"
    ),
    rule!(
        grades::grade_variant::GradeVariant,
        "grades/grade_variant.rs"
    ),
    rule!(
        grades::missing_grade::MissingGrade,
        "grades/missing_grade.rs"
    ),
    rule!(grades::future_grade::FutureGrade, "grades/future_grade.rs"),
    rule!(
        grades::unexplained_dash::UnexplainedDash,
        "grades/unexplained_dash.rs"
    ),
    rule!(
        grades::item_grade_mismatch::ItemGradeMismatch,
        "grades/item_grade_mismatch.rs"
    ),
    rule!(
        grades::item_grade_tie::ItemGradeTie,
        "grades/item_grade_tie.rs"
    ),
    rule!(
        grades::relisted_mismatch::RelistedMismatch,
        "grades/relisted_mismatch.rs"
    ),
    rule!(
        grades::conflicting_grades::ConflictingGrades,
        "grades/conflicting_grades.rs"
    ),
    rule!(
        comments::comment_action::CommentAction,
        "comments/comment_action.rs"
    ),
    rule!(
        comments::comment_grade::CommentGrade,
        "comments/comment_grade.rs"
    ),
    rule!(figures::unit_slip::UnitSlip, "figures/unit_slip.rs"),
    rule!(
        figures::rounding_mismatch::RoundingMismatch,
        "figures/rounding_mismatch.rs"
    ),
    rule!(
        figures::target_grade::TargetGrade,
        "figures/target_grade.rs"
    ),
    rule!(
        figures::target_restated::TargetRestated,
        "figures/target_restated.rs"
    ),
    rule!(
        figures::change_claim::ChangeClaim,
        "figures/change_claim.rs"
    ),
    rule!(
        figures::total_mismatch::TotalMismatch,
        "figures/total_mismatch.rs"
    ),
    rule!(
        figures::fraction_mismatch::FractionMismatch,
        "figures/fraction_mismatch.rs"
    ),
    rule!(
        figures::fund_roll_forward::FundRollForward,
        "figures/fund_roll_forward.rs"
    ),
    rule!(
        figures::percent_vs_points::PercentVsPoints,
        "figures/percent_vs_points.rs"
    ),
    rule!(
        figures::same_figure_differs::SameFigureDiffers,
        "figures/same_figure_differs.rs"
    ),
    rule!(
        figures::date_outside_year::DateOutsideYear,
        "figures/date_outside_year.rs"
    ),
    rule!(
        figures::target_gap_claim::TargetGapClaim,
        "figures/target_gap_claim.rs"
    ),
    rule!(plan::name_differs::NameDiffers, "plan/name_differs.rs"),
    rule!(
        plan::unknown_to_plan::UnknownToPlan,
        "plan/unknown_to_plan.rs"
    ),
    rule!(plan::not_submitted::NotSubmitted, "plan/not_submitted.rs"),
    rule!(
        plan::duplicate_item::DuplicateItem,
        "plan/duplicate_item.rs"
    ),
    rule!(
        plan::duplicate_file::DuplicateFile,
        "plan/duplicate_file.rs"
    ),
    rule!(
        structure::missing_block::MissingBlock,
        "structure/missing_block.rs"
    ),
    rule!(
        structure::project_without_action::ProjectWithoutAction,
        "structure/project_without_action.rs"
    ),
    rule!(
        structure::action_without_project::ActionWithoutProject,
        "structure/action_without_project.rs"
    ),
    rule!(
        structure::unknown_action_reference::UnknownActionReference,
        "structure/unknown_action_reference.rs"
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_documented() {
        let mut seen = std::collections::HashSet::new();
        for r in RULES {
            assert!(
                seen.insert(r.rule.code()),
                "duplicate code {}",
                r.rule.code()
            );
            let doc = r.doc();
            for heading in ["## What it checks", "## Why it matters", "## Example"] {
                assert!(doc.contains(heading), "{} lacks `{heading}`", r.rule.code());
            }
        }
    }
}
