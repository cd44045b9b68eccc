//! Another municipality's plan (`--plan`): a made-up city with its own
//! templates and submissions goes through `consolidate`; a broken plan file is
//! refused with its line.

use crate::util::{Workdir, col, fixture, read_sheet};

#[test]
fn another_city_consolidates_with_its_plan() {
    let w = Workdir::new();
    let plan = fixture("plan/minami.toml");
    let a = fixture("plan/市民課_令和8年度.xlsx");
    let b = fixture("plan/財務課_令和8年度.xlsx");
    w.run(
        &[
            "consolidate",
            a.to_str().unwrap(),
            b.to_str().unwrap(),
            "--plan",
            plan.to_str().unwrap(),
            "-o",
            "out.xlsx",
        ],
        0,
    );
    let rows = read_sheet(&w.path("out.xlsx"), "評価一覧");
    assert_eq!(rows.len() - 1, 4, "the city's 4 actions");
    let (id, r8) = (col(&rows, "ID"), col(&rows, "個別評価\nR8"));
    let got: Vec<(String, String)> = rows[1..]
        .iter()
        .map(|r| (r[id].clone(), r[r8].clone()))
        .collect();
    assert_eq!(
        got,
        [
            ("1-(1)-①".to_string(), "A".to_string()),
            ("1-(1)-②".into(), "A".into()),
            ("2-(1)-①".into(), "B".into()),
            ("2-(1)-②".into(), "A".into())
        ]
    );
    assert!(
        rows[0].iter().any(|h| h == "個別評価\nR9"),
        "the plan's own years"
    );
}

#[test]
fn a_broken_plan_names_its_line() {
    let w = Workdir::new();
    std::fs::write(
        w.path("bad.toml"),
        "name = \"x\"\nmunicipality = \"y\"\nfirst_year = \"令和7年度\"\nlast_year = 9\n",
    )
    .unwrap();
    std::fs::copy(fixture("plan/市民課_令和8年度.xlsx"), w.path("in.xlsx")).unwrap();
    let out = w.run(&["check", "in.xlsx", "--plan", "bad.toml"], 2);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.toml") && err.contains("line 4"), "{err}");
}

#[test]
fn the_embedded_plan_prints_and_reads_back() {
    let w = Workdir::new();
    let out = w.run(&["plan", "--print"], 0);
    std::fs::write(w.path("plan.toml"), &out.stdout).unwrap();
    let listed = w.run(&["plan", "--plan", "plan.toml"], 0);
    let text = String::from_utf8_lossy(&listed.stdout);
    assert!(text.contains("取組項目 18、取組内容 52"), "{text}");
}
