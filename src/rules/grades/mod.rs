//! Rules about grades: symbols, years, item grades against the committee's
//! rule, and the same grade given in two places.

crate::rules::registry::rules! {
    G001 "unknown-grade" Error unknown_grade::UnknownGrade,
    G002 "grade-variant" Info grade_variant::GradeVariant,
    G003 "missing-grade" Error missing_grade::MissingGrade,
    G004 "future-grade" Error future_grade::FutureGrade,
    G005 "unexplained-dash" Warning unexplained_dash::UnexplainedDash,
    G006 "irregular-grade" Warning irregular_grade::IrregularGrade,
    G010 "item-grade-mismatch" Error item_grade_mismatch::ItemGradeMismatch,
    G011 "item-grade-tie" Info item_grade_tie::ItemGradeTie,
    G012 "relisted-grade-mismatch" Error relisted_mismatch::RelistedMismatch,
    G013 "conflicting-grades" Error conflicting_grades::ConflictingGrades,
}

/// A tally as the Japanese messages print it: `A 1件、B 2件、C 0件`.
pub(crate) fn tally_ja(t: &crate::facts::grading::Tally) -> String {
    use crate::model::grade::Grade;
    format!(
        "A {}件、B {}件、C {}件",
        t.get(Grade::A),
        t.get(Grade::B),
        t.get(Grade::C)
    )
}
