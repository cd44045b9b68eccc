//! The same action graded differently in two workbooks or two sheets.
//!
//! ## What it checks
//! When one 取組項目 arrives in more than one sheet (two departments both
//! submitted it, or an old version was left in the folder), the 個別評価 and 評価
//! of every year must be the same in all of them. Each difference is reported
//! at the later sheet's cell, naming the first one, which hyoka uses.
//!
//! ## Why it matters
//! Which version the committee sees would depend on the order files happen to
//! be read in; the office must decide which grade stands.
//!
//! ## Example
//! Fails: `財政課.xlsx` gives 3-(4) ① 令和6年度 `A`, `財政課_修正.xlsx` gives `B`.
//! Passes: both give `A` (or only one file holds 3-(4)).

use serde::Serialize;

use crate::facts::batch::Batch;
use crate::facts::record::SheetRecord;
use crate::model::finding::{Lang, Violation};
use crate::model::grade::Grade;
use crate::model::location::Location;
use crate::model::sheet::GradeRow;
use crate::model::year::FiscalYear;
use crate::rules::{Findings, Rule};

pub struct ConflictingGrades;

/// One grade of an item or action that differs between two submissions.
#[derive(Debug, Serialize)]
pub struct Conflict {
    /// The item or action id (`3-(4)`, `3-(4)-①`).
    pub what: String,
    pub year: FiscalYear,
    pub grade: Grade,
    pub first_grade: Grade,
    #[serde(skip)]
    pub first_at: Location,
}

impl Violation for Conflict {
    fn message(&self, lang: Lang) -> String {
        let (w, y, g2, g1, at) = (
            &self.what,
            self.year,
            self.grade,
            self.first_grade,
            &self.first_at,
        );
        match lang {
            Lang::Ja => {
                format!("{w}の{y}の評価「{g2}」が、別の提出（{at}）の「{g1}」と異なります。")
            }
            Lang::En => format!(
                "The {} grade `{g2}` of {w} differs from `{g1}` in another submission ({at}).",
                y.short()
            ),
        }
    }
    fn found(&self) -> Option<String> {
        Some(self.grade.symbol().into())
    }
    fn expected(&self) -> Option<String> {
        Some(self.first_grade.symbol().into())
    }
}

fn compare(
    what: &str,
    (first, first_sheet): (&GradeRow, &SheetRecord),
    (other, other_sheet): (&GradeRow, &SheetRecord),
    out: &mut Findings,
) {
    for c in &other.cells {
        let Some(f) = first.cell(c.year) else {
            continue;
        };
        let (Some(g1), Some(g2)) = (f.reading.grade(), c.reading.grade()) else {
            continue;
        };
        if g1 != g2 {
            let first_at = first_sheet.loc(f.cell);
            out.push(
                other_sheet.loc(c.cell),
                Conflict {
                    what: what.to_string(),
                    year: c.year,
                    grade: g2,
                    first_grade: g1,
                    first_at: first_at.clone(),
                },
            )
            .related(first_at);
        }
    }
}

impl Rule for ConflictingGrades {
    fn check_batch(&self, b: &Batch, out: &mut Findings) {
        for item in b.items.iter().filter(|i| i.sheets.len() > 1) {
            let first = b.record(item.sheets[0]);
            for &r in &item.sheets[1..] {
                let other = b.record(r);
                if let (Some(a), Some(c)) = (&first.item_grades, &other.item_grades) {
                    compare(&item.id.to_string(), (a, first), (c, other), out);
                }
                for p in &other.projects {
                    let Some(n) = p.number else { continue };
                    let Some(fp) = first.projects.iter().find(|q| q.number == Some(n)) else {
                        continue;
                    };
                    if let (Some(a), Some(c)) = (&fp.grades, &p.grades) {
                        let id = format!("{}-{}", item.id, crate::model::text::circled(n));
                        compare(&id, (a, first), (c, other), out);
                    }
                }
            }
        }
    }
}
