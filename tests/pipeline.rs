//! Files are checked in parallel and their texts dropped as each is done; the
//! sheet kept whole for each 取組項目 must still be the first in input order,
//! and the findings the same, whatever order the files are checked in.

use hyoka::facts::batch::Batch;
use hyoka::model::plan::Plan;
use hyoka::model::sheet::{GradeRow, Submission};
use hyoka::model::year::FiscalYear;
use hyoka::pipeline::{Checker, check_submissions};
use hyoka::rules::registry;

use crate::util::samples;

/// The samples as a run reads them: the files `discover` finds, in its order.
fn sample_submissions() -> Vec<Submission> {
    hyoka::read::discover::discover(&[samples()])
        .files
        .iter()
        .map(|p| {
            let shown = p.file_name().unwrap().to_string_lossy().to_string();
            hyoka::read::read_submission(p, shown.into(), Default::default())
        })
        .collect()
}

/// Where each item's and action's grades come from, and the grades.
fn placement(b: &Batch) -> Vec<String> {
    let items = b.items.iter().map(|i| format!("{} {:?}", i.id, i.sheets));
    let actions = b
        .actions
        .iter()
        .map(|a| format!("{} {:?} {:?}", a.id, a.source, a.grades));
    items.chain(actions).collect()
}

#[test]
fn the_order_files_are_checked_in_changes_nothing() {
    let plan = Plan::embedded();
    let rules: Vec<_> = registry::all().to_vec();
    let severity = Default::default();
    let year = Some(FiscalYear(2024));
    let mut subs = sample_submissions();
    // A second copy of 財政課's workbook, last in input order, graded C
    // throughout: if it were taken for the items, the grades would show it.
    let mut copy = subs
        .iter()
        .find(|s| s.path.contains("財政課"))
        .expect("財政課 sample")
        .clone();
    copy.path = "財政課_修正版.ods".into();
    let wb = copy.result.as_mut().expect("sample reads");
    for sheet in &mut wb.eval_sheets {
        for p in &mut sheet.projects {
            if let Some(g) = &mut p.grades {
                let all_c: Vec<_> = g.cells.iter().map(|c| (c.year, "C", c.cell)).collect();
                *g = GradeRow::new(g.label, all_c, None);
            }
        }
    }
    subs.push(copy);

    let (in_order, f_in_order) =
        check_submissions(&plan, year, &rules, &severity, subs.clone(), vec![]).unwrap();

    // Last file first: the copy's sheets are seen before the originals.
    let checker = Checker::new(&plan, &rules, &severity);
    let mut done: Vec<_> = subs
        .into_iter()
        .enumerate()
        .rev()
        .map(|(i, s)| (i, checker.file(i, s)))
        .collect();
    done.sort_by_key(|(i, _)| *i);
    let (reversed, f_reversed) = checker
        .finish(done.into_iter().map(|(_, c)| c).collect(), year, vec![])
        .unwrap();

    assert_eq!(placement(&in_order), placement(&reversed));
    assert_eq!(
        crate::util::rendered(&f_in_order),
        crate::util::rendered(&f_reversed)
    );
    let mut used = 0;
    for item in &reversed.items {
        let Some(&r) = item.sheets.first() else {
            continue;
        };
        assert!(
            reversed.source(r).is_some(),
            "{}: the sheet used is kept whole",
            item.id
        );
        assert!(
            !reversed.files[r.file].path.contains("修正版"),
            "{}: the first copy is used",
            item.id
        );
        used += 1;
    }
    assert_eq!(
        used, 18,
        "every item of the plan is submitted in the samples"
    );
    // The copy's other grades are reported against the first copy's.
    assert!(f_reversed.iter().any(|f| f.code == "G013"));
}
