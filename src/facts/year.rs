//! Which fiscal year is being evaluated, when `--year` does not say: the latest
//! year that holds an A, B or C grade in any sheet, or failing that the latest
//! year with a `…年度の成果・効果` panel.

use crate::facts::record::FileRecord;
use crate::model::grade::Grade;
use crate::model::year::FiscalYear;

pub fn decide_year(files: &[FileRecord]) -> Option<FiscalYear> {
    let graded = files
        .iter()
        .flat_map(FileRecord::eval_sheets)
        .flat_map(|s| s.grade_rows())
        .flat_map(|row| &row.cells)
        .filter(|c| c.reading.grade().is_some_and(|g| g != Grade::NotEvaluable))
        .map(|c| c.year)
        .max();
    graded.or_else(|| {
        files
            .iter()
            .filter_map(FileRecord::kept)
            .filter_map(|k| k.result_year)
            .max()
    })
}
