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

use crate::derive::batch::Batch;
use crate::model::finding::{Finding, Severity, Text};
use crate::model::record::SheetRecord;
use crate::model::sheet::GradeRow;
use crate::rules::Rule;

pub struct ConflictingGrades;

impl ConflictingGrades {
    fn compare(
        &self,
        what: &str,
        (first, first_sheet): (&GradeRow, &SheetRecord),
        (other, other_sheet): (&GradeRow, &SheetRecord),
        out: &mut Vec<Finding>,
    ) {
        for c in &other.cells {
            let Some(f) = first.cell(c.year) else {
                continue;
            };
            let (Some(g1), Some(g2)) = (f.reading.grade(), c.reading.grade()) else {
                continue;
            };
            if g1 != g2 {
                let f_at = first_sheet.loc(f.cell);
                out.push(
                    self.finding(
                        other_sheet.loc(c.cell),
                        Text::new(
                            format!("{what}の{}の評価「{}」が、別の提出（{}）の「{}」と異なります。", c.year, g2, f_at, g1),
                            format!("The {} grade `{}` of {what} differs from `{}` in another submission ({}).", c.year.short(), g2, g1, f_at),
                        ),
                    )
                    .found(g2.symbol())
                    .expected(g1.symbol())
                    .related(f_at),
                );
            }
        }
    }
}

impl Rule for ConflictingGrades {
    fn code(&self) -> &'static str {
        "G013"
    }
    fn name(&self) -> &'static str {
        "conflicting-grades"
    }
    fn severity(&self) -> Severity {
        Severity::Error
    }
    fn check_batch(&self, b: &Batch, out: &mut Vec<Finding>) {
        for item in b.items.iter().filter(|i| i.sheets.len() > 1) {
            let first = b.record(item.sheets[0]);
            for &r in &item.sheets[1..] {
                let other = b.record(r);
                if let (Some(a), Some(c)) = (&first.item_grades, &other.item_grades) {
                    self.compare(&item.id.to_string(), (a, first), (c, other), out);
                }
                for p in &other.projects {
                    let Some(n) = p.number else { continue };
                    let Some(fp) = first.projects.iter().find(|q| q.number == Some(n)) else {
                        continue;
                    };
                    if let (Some(a), Some(c)) = (&fp.grades, &p.grades) {
                        let id = format!("{}-{}", item.id, crate::model::text::circled(n));
                        self.compare(&id, (a, first), (c, other), out);
                    }
                }
            }
        }
    }
}
