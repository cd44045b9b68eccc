//! The mutation-coverage harness (`examples/mutate.rs`) on a small subset: one
//! sample workbook (財政課, the fund and fiscal-health sheets with their 数値目標),
//! three operators. It must find the figures, make mutants, see the report's
//! own N001 slip in the clean run, catch the mutants hyoka is known to catch,
//! and leave the ones nothing relates alive.

#[path = "../examples/mutate.rs"]
#[allow(dead_code)]
mod harness;

use harness::{Op, clean, enumerate, load, report, run_all, scan};
use hyoka::model::finding::Severity;
use hyoka::model::plan::Plan;
use hyoka::model::year::FiscalYear;

use crate::util::samples;

const FIN: &str = "財政課_令和6年度.ods";

#[test]
fn the_scanner_finds_figures_and_passes_over_dates_and_names() {
    let mut skipped = harness::Skipped::default();
    let t = "令和6年3月31日時点 1万811人、▲5人（対前年度比1件減）第2期 L2 2024年に ５５億円 令和 6 年度 450 件 3-(4)";
    let figs = scan(t, &mut skipped);
    let chars: Vec<char> = t.chars().collect();
    let printed: Vec<String> = figs
        .iter()
        .map(|f| chars[f.start..f.unit_end].iter().collect())
        .collect();
    assert_eq!(
        printed,
        [
            "令和6年3月31日",
            "1万811人",
            "▲5人",
            "1件",
            "５５億円",
            "450 件"
        ]
    );
    assert_eq!(figs[0].date_year.map(|(s, e)| e - s), Some(1));
    assert!(figs[1].date_year.is_none());
    assert_eq!(figs[2].sign, Some('▲'));
    assert_eq!(figs[3].direction.map(|d| d.2), Some("増"));
    assert!(figs[4].wide);
    assert_eq!(skipped.0.get("ordinal"), Some(&1));
    assert_eq!(skipped.0.get("glued to an ASCII word"), Some(&1));
    assert_eq!(skipped.0.get("year"), Some(&2));
    assert_eq!(skipped.0.get("item reference"), Some(&2));
}

#[test]
fn the_harness_catches_what_hyoka_relates_and_not_the_rest() {
    let corpus = load(&samples().join(FIN), Plan::embedded());
    assert_eq!(corpus.subs.len(), 1);
    let cl = clean(&corpus, Some(FiscalYear(2024)));
    // The report's own slip is a clean finding.
    let slip = format!("{FIN}:数値目標!D5");
    assert!(
        cl.findings
            .iter()
            .any(|f| f.code == "N001" && f.severity == Severity::Error && f.at.to_string() == slip),
        "no N001 at {slip} in the clean run"
    );

    let ops = [Op::Plus1, Op::Times1000, Op::Div1000, Op::Unit];
    let (figures, mutants, skipped) = enumerate(&corpus.subs, &ops, None);
    assert!(figures.len() >= 80, "{} figures", figures.len());
    assert!(
        figures
            .iter()
            .any(|f| f.at.to_string() == slip && f.unit == "円" && f.kind == "target-text"),
        "the 8,447,029円 of {slip} is not a figure"
    );
    assert!(figures.iter().any(|f| f.kind == "target-number"));
    assert!(
        figures
            .iter()
            .any(|f| f.kind == "measure-name" && f.unit == "億円")
    );
    assert!(mutants.iter().any(|m| m.op == Op::Unit));

    // Only the fund sheet's mutants are run: enough to see both outcomes.
    let fund: Vec<_> = mutants
        .iter()
        .filter(|m| figures[m.figure].at.sheet.as_deref() == Some("(4)基金"))
        .cloned()
        .collect();
    assert!(fund.len() >= 40, "{} mutants on (4)基金", fund.len());
    let verdicts = run_all(&corpus, &cl, &figures, &fund);
    let caught = verdicts.iter().filter(|v| v.caught()).count();
    assert!(caught > 0, "no mutant caught");
    assert!(caught < fund.len(), "every mutant caught");

    let verdict = |before: &str, after: &str| {
        let k = fund
            .iter()
            .position(|m| m.before.contains(before) && m.after.contains(after))
            .unwrap_or_else(|| panic!("no mutant {before} → {after}"));
        &verdicts[k]
    };
    // A deposit of a later year no longer rolls the balance forward.
    let v = verdict("積立額 752,627,314円", "積立額 752,627,315円");
    assert!(v.caught_by.contains("N008"), "{v:?}");
    // The balance a thousandfold off the 数値目標 table.
    let v = verdict("現在高 9,201,902,641円", "現在高 9,201,902,641,000円");
    assert!(v.caught(), "{v:?}");
    // The one-half rule of the fund's deposits: nothing relates it.
    assert!(!verdict("剰余金の2分の1", "剰余金の3分の1").caught());

    // Only findings at (or naming) the changed cell count: 5,500,000 ÷ 1000 in
    // the 令和5年度 目標 (D2) is reported by N001 at the unchanged 令和6年度 value
    // (E2), with D2 in its message but not among its related cells. (When N001
    // names the value it compares with, this mutant becomes caught: turn the
    // check around.)
    let d2 = format!("{FIN}:数値目標!D2");
    let k = mutants
        .iter()
        .position(|m| m.op == Op::Div1000 && figures[m.figure].at.to_string() == d2)
        .expect("a ÷1000 mutant of D2");
    let v = harness::run_mutant(&corpus, &cl, &figures, &mutants[k]);
    assert!(!v.caught() && v.elsewhere.contains("N001"), "{v:?}");

    let r = report(&samples(), &cl, &figures, &fund, &verdicts, &skipped, 0.0);
    assert_eq!(r.json["mutants"]["mutants"], fund.len());
    assert_eq!(r.json["mutants"]["caught"], caught);
    assert_eq!(
        r.survivors_tsv.lines().count(),
        1 + fund.len() - caught,
        "one survivor line per surviving mutant"
    );
    assert!(r.text.contains("N008"));
}

/// A 数値目標 value whose indicator no heading names (職員数 under
/// `定員適正化計画の推進`) pairs with the one text figure of that subject
/// (`職員数 1,296人`), or for a 目標 the one target of the year
/// (`計画値1,300人`), whatever its value: a slip in the value is reported at
/// its cell, on the second corpus, and the clean values are not.
#[test]
fn a_target_value_meets_the_figure_its_indicator_names() {
    use hyoka::model::cell::CellValue;
    let root = crate::util::root().join("tests/corpus/kitahama");
    let plan = Plan::from_toml(&std::fs::read_to_string(root.join("plan.toml")).unwrap()).unwrap();
    let path = root.join("職員課_令和7年度.xls");
    let shown: std::sync::Arc<str> = "職員課_令和7年度.xls".into();
    let findings_with = |edit: Option<(u32, u32, &str)>| {
        let mut raw = hyoka::read::read_raw(&path, &shown, None).unwrap_or_else(|_| panic!("read"));
        if let Some((r, c, v)) = edit {
            let s = raw
                .sheets
                .iter_mut()
                .find(|s| &*s.grid.sheet == "数値目標")
                .unwrap();
            assert!(s.grid.set(r, c, CellValue::Text(v.into())));
        }
        let sub = hyoka::model::sheet::Submission {
            path: shown.clone(),
            result: raw.build(&plan.form),
        };
        let rules: Vec<_> = hyoka::rules::registry::all().to_vec();
        let (_, findings) = hyoka::pipeline::check_submissions(
            &plan,
            Some(FiscalYear(2025)),
            &rules,
            &Default::default(),
            vec![sub],
            Vec::new(),
        )
        .unwrap();
        findings
            .iter()
            .filter(|f| f.at.sheet.as_deref() == Some("数値目標") && f.code.starts_with('N'))
            .map(|f| f.at.cell.map(|c| c.to_string()).unwrap_or_default())
            .collect::<Vec<_>>()
    };
    assert_eq!(findings_with(None), Vec::<String>::new(), "clean");
    // D3: 実績 令和6年度 1296人; D2: 目標 令和6年度 1300人 (rows 3 and 2).
    for (row, col, value, a1) in [(2, 3, "1269人", "D3"), (1, 3, "3100人", "D2")] {
        let at = findings_with(Some((row, col, value)));
        assert!(at.iter().any(|c| c == a1), "{value} at {a1}: {at:?}");
    }
}
