//! The counts of chapter 1: how many actions and items got each grade, per
//! year, in total and per 基本方針.

use crate::facts::batch::Batch;
use crate::model::grade::Grade;
use crate::model::year::FiscalYear;

/// Counts for one year and one scope.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Counts {
    pub year: FiscalYear,
    /// `None` for the whole plan, else the 基本方針 number.
    pub policy: Option<u8>,
    /// 個別評価: A, B, C, — (in `Grade::ALL` order).
    pub actions: [usize; 4],
    /// Actions with no readable grade.
    pub actions_missing: usize,
    /// 評価 as submitted: A, B, C, —.
    pub items: [usize; 4],
    pub items_missing: usize,
    /// Items whose derivation is a tie.
    pub items_tied: usize,
}

fn index(g: Grade) -> usize {
    Grade::ALL
        .iter()
        .position(|x| *x == g)
        .expect("all grades listed")
}

pub fn count(b: &Batch, year: FiscalYear, policy: Option<u8>) -> Counts {
    let mut c = Counts {
        year,
        policy,
        actions: [0; 4],
        actions_missing: 0,
        items: [0; 4],
        items_missing: 0,
        items_tied: 0,
    };
    let in_scope = |p: u8| policy.is_none_or(|x| x == p);
    for a in b.actions.iter().filter(|a| in_scope(a.id.item.policy)) {
        match a.grade(year) {
            Some(g) => c.actions[index(g)] += 1,
            None => c.actions_missing += 1,
        }
    }
    for i in b.items.iter().filter(|i| in_scope(i.id.policy)) {
        match i.year(year) {
            Some(iy) => {
                match iy.submitted {
                    Some(g) => c.items[index(g)] += 1,
                    None => c.items_missing += 1,
                }
                if matches!(iy.derived, crate::facts::grading::Derived::Tie(..)) {
                    c.items_tied += 1;
                }
            }
            None => c.items_missing += 1,
        }
    }
    c
}

/// Counts for every plan year, whole plan first, then per 基本方針.
pub fn all_counts(b: &Batch) -> Vec<Counts> {
    let mut out = Vec::new();
    for y in b.plan.years() {
        out.push(count(b, y, None));
        for p in &b.plan.policies {
            out.push(count(b, y, Some(p.number)));
        }
    }
    out
}
