//! Which fiscal year is being evaluated, when `--year` does not say: the latest
//! year that holds an A, B or C grade in any sheet, or failing that the latest
//! year with a `…年度の成果・効果` panel.

use crate::model::sheet::Submission;
use crate::model::year::FiscalYear;

pub fn decide_year(subs: &[Submission]) -> Option<FiscalYear> {
    let sheets = || {
        subs.iter()
            .filter_map(Submission::workbook)
            .flat_map(|w| &w.eval_sheets)
    };
    let graded = sheets()
        .flat_map(|s| {
            s.item_grades
                .iter()
                .chain(s.projects.iter().filter_map(|p| p.grades.as_ref()))
        })
        .flat_map(|row| &row.cells)
        .filter(|c| {
            c.reading
                .grade()
                .is_some_and(|g| g != crate::model::grade::Grade::NotEvaluable)
        })
        .map(|c| c.year)
        .max();
    graded.or_else(|| {
        sheets()
            .flat_map(|s| &s.projects)
            .flat_map(|p| &p.measures)
            .flat_map(|m| &m.panels)
            .filter(|p| p.header.value.contains("成果"))
            .filter_map(|p| p.year)
            .max()
    })
}
