//! End to end on `samples/`: the report's 18 sheets, as departments would
//! submit them, must give back the report's grades, ties and counts.

use std::collections::HashMap;

use crate::util::{Workdir, col, fixture, json, read_sheet, root, samples};

const CIRCLED: &str = "①②③④⑤⑥⑦⑧⑨⑩";

/// The report's tables as printed (tests/fixtures/report_tables.tsv).
struct Printed {
    r5_action: String,
    r5_item: String,
    r6_action: String,
    r6_item: String,
    r6_action_ch1: String,
    r6_item_ch1: String,
}

fn printed() -> Vec<(String, Printed)> {
    let text = std::fs::read_to_string(fixture("report_tables.tsv")).unwrap();
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| {
            let c: Vec<String> = l.split('\t').map(String::from).collect();
            (
                c[0].clone(),
                Printed {
                    r5_action: c[2].clone(),
                    r5_item: c[3].clone(),
                    r6_action: c[4].clone(),
                    r6_item: c[5].clone(),
                    r6_action_ch1: c[6].clone(),
                    r6_item_ch1: c[7].clone(),
                },
            )
        })
        .collect()
}

/// Grades per action id and per item id, by year index (0 = 令和4年度), from the
/// sample sources.
fn source_grades() -> HashMap<String, Vec<String>> {
    let mut out = HashMap::new();
    for entry in std::fs::read_dir(root().join("samples/src/sheets")).unwrap() {
        let path = entry.unwrap().path();
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let id = v["id"].as_str().unwrap().to_string();
        out.insert(id.clone(), strings(&v["item_grades"]["grades"]));
        for p in v["projects"].as_array().unwrap() {
            // A block printed without its 主な事業 row is named by its first measure.
            let heading = p["heading"]
                .as_str()
                .unwrap_or_else(|| p["measures"][0]["name"].as_str().unwrap())
                .trim_start();
            let n = CIRCLED
                .chars()
                .position(|c| heading.starts_with(c))
                .unwrap()
                + 1;
            let aid = format!("{id}-{}", CIRCLED.chars().nth(n - 1).unwrap());
            out.insert(aid, strings(&p["grades"]["grades"]));
        }
    }
    out
}

fn strings(v: &serde_json::Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|g| g.as_str().unwrap().to_string())
        .collect()
}

/// The canonical form of a grade as the sources print it.
fn canon(g: &str) -> String {
    match g.trim() {
        "－" | "-" | "―" | "ー" | "—" => "—".into(),
        other => other.to_string(),
    }
}

fn consolidate(w: &Workdir, inputs: &[&str]) -> Vec<Vec<String>> {
    let mut args = vec!["consolidate"];
    args.extend_from_slice(inputs);
    args.extend_from_slice(&["-o", "out.xlsx", "--year", "令和6"]);
    let out = w.command(&args).output().unwrap();
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "consolidate failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    read_sheet(&w.path("out.xlsx"), "評価一覧")
}

#[test]
fn summary_reproduces_the_reports_grades() {
    let w = Workdir::new();
    let samples = samples();
    let rows = consolidate(&w, &[samples.to_str().unwrap()]);
    let printed = printed();
    assert_eq!(rows.len() - 1, 52, "one row per action");
    let (id, r4, r5, r6) = (
        col(&rows, "ID"),
        col(&rows, "個別評価\nR4"),
        col(&rows, "個別評価\nR5"),
        col(&rows, "個別評価\nR6"),
    );
    let (i4, i5, i6) = (
        col(&rows, "評価\nR4"),
        col(&rows, "評価\nR5"),
        col(&rows, "評価\nR6"),
    );
    let sources = source_grades();
    for (row, (pid, p)) in rows[1..].iter().zip(&printed) {
        assert_eq!(&row[id], pid);
        let src = &sources[pid];
        assert_eq!(row[r4], canon(&src[0]), "{pid} 令和4年度");
        assert_eq!(row[r5], canon(&src[1]), "{pid} 令和5年度 (sheet)");
        assert_eq!(row[r6], canon(&src[2]), "{pid} 令和6年度 (sheet)");
        let item = &sources[pid.rsplit_once('-').unwrap().0];
        for (k, c) in [i4, i5, i6].into_iter().enumerate() {
            assert_eq!(
                row[c],
                canon(&item[k]),
                "{pid} item 令和{}年度 (sheet)",
                k + 4
            );
        }
        // The closing table lacks 4-(5)-②; chapter 1 has every action for 令和6年度.
        if !p.r5_action.is_empty() {
            assert_eq!(row[r5], p.r5_action, "{pid} 令和5年度 (評価一覧)");
            assert_eq!(row[r6], p.r6_action, "{pid} 令和6年度 (評価一覧)");
        }
        assert_eq!(row[r6], p.r6_action_ch1, "{pid} 令和6年度 (chapter 1)");
        if !p.r5_item.is_empty() {
            assert_eq!(row[i5], p.r5_item, "{pid} item 令和5年度");
            assert_eq!(row[i6], p.r6_item, "{pid} item 令和6年度");
        }
        if !p.r6_item_ch1.is_empty() {
            assert_eq!(row[i6], p.r6_item_ch1, "{pid} item 令和6年度 (chapter 1)");
        }
    }
}

#[test]
fn derived_item_grades_equal_the_published_ones_with_three_ties() {
    let w = Workdir::new();
    let rows = consolidate(&w, &[samples().to_str().unwrap()]);
    let (id, derived, verdict, i6) = (
        col(&rows, "ID"),
        col(&rows, "算定評価\nR6"),
        col(&rows, "判定\nR6"),
        col(&rows, "評価\nR6"),
    );
    let mut ties = Vec::new();
    for row in &rows[1..] {
        let item = row[id].rsplit_once('-').unwrap().0.to_string();
        match row[verdict].as_str() {
            "一致" => assert_eq!(row[derived], row[i6], "{}", row[id]),
            "同率（協議）" => {
                assert!(
                    row[derived].contains(&row[i6]),
                    "{}: {} not in {}",
                    row[id],
                    row[i6],
                    row[derived]
                );
                if !ties.contains(&item) {
                    ties.push(item);
                }
            }
            other => panic!("{}: verdict {other}", row[id]),
        }
    }
    assert_eq!(ties, ["2-(3)", "2-(4)", "3-(2)"]);
}

#[test]
fn ties_are_findings_at_the_item_grade_cell() {
    let w = Workdir::new();
    let out = w
        .command(&["check", "--format", "json", samples().to_str().unwrap()])
        .output()
        .unwrap();
    let doc = json(&out);
    assert_eq!(doc["year"], "令和6年度", "year read from the sheets");
    let findings = doc["findings"].as_array().unwrap();
    let r6_ties: Vec<&serde_json::Value> = findings
        .iter()
        .filter(|f| f["code"] == "G011" && f["message"].as_str().unwrap().starts_with("令和6年度"))
        .collect();
    assert_eq!(r6_ties.len(), 3, "{r6_ties:#?}");
    for f in &r6_ties {
        assert_eq!(f["severity"], "info");
        assert!(f["cell"].as_str().is_some_and(|c| !c.is_empty()));
    }
    assert!(
        !findings.iter().any(|f| f["code"] == "G010"),
        "no item grade contradicts the rule in the report: {findings:#?}"
    );
}

#[test]
fn counts_equal_chapter_1() {
    let w = Workdir::new();
    consolidate(&w, &[samples().to_str().unwrap()]);
    let rows = read_sheet(&w.path("out.xlsx"), "集計");
    let row = rows
        .iter()
        .find(|r| r[0] == "令和6年度" && r[1] == "全体")
        .expect("a 令和6年度 total row");
    let get = |h: &str| row[col(&rows, h)].clone();
    assert_eq!(
        [
            get("個別評価 A"),
            get("個別評価 B"),
            get("個別評価 C"),
            get("個別評価 —")
        ],
        ["29", "23", "0", "0"]
    );
    assert_eq!(
        [get("評価 A"), get("評価 B"), get("評価 C")],
        ["10", "8", "0"]
    );
    assert_eq!(get("評価 同率"), "3");
}

#[test]
fn libreoffice_copies_read_the_same_as_the_originals() {
    let originals = fixture("originals");
    let mut pairs = Vec::new();
    for e in std::fs::read_dir(&originals).unwrap() {
        let orig = e.unwrap().path();
        let stem = orig.file_stem().unwrap().to_str().unwrap().to_string();
        let copy = std::fs::read_dir(samples())
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.file_stem().unwrap().to_str() == Some(stem.as_str()))
            .unwrap_or_else(|| panic!("no LibreOffice copy of {stem} in samples/"));
        pairs.push((orig, copy));
    }
    let exts: Vec<String> = pairs
        .iter()
        .map(|(_, c)| c.extension().unwrap().to_str().unwrap().to_string())
        .collect();
    for ext in ["xls", "ods", "xlsx"] {
        assert!(
            exts.iter().any(|e| e == ext),
            "a LibreOffice .{ext} among the samples: {exts:?}"
        );
    }
    let grade_cols = |rows: &[Vec<String>]| -> Vec<Vec<String>> {
        let keep: Vec<usize> = (0..rows[0].len())
            .filter(|&c| rows[0][c] != "ファイル" && rows[0][c] != "シート")
            .collect();
        rows.iter()
            .map(|r| keep.iter().map(|&c| r[c].clone()).collect())
            .collect()
    };
    for (orig, copy) in pairs {
        let a = consolidate(&Workdir::new(), &[orig.to_str().unwrap()]);
        let b = consolidate(&Workdir::new(), &[copy.to_str().unwrap()]);
        assert_eq!(
            grade_cols(&a),
            grade_cols(&b),
            "{} vs {}",
            orig.display(),
            copy.display()
        );
        assert!(
            a[1..].iter().any(|r| !r[col(&a, "ファイル")].is_empty()),
            "{} holds sheets",
            orig.display()
        );
    }
}

/// Every error `check` reports on the samples is a slip of the report itself
/// (see samples/README.md); nothing else may be an error.
#[test]
fn check_reports_the_reports_own_slips_and_no_other_error() {
    let w = Workdir::new();
    let out = w
        .command(&["check", "--format", "json", samples().to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "errors are found");
    let doc = json(&out);
    let mut errors: Vec<String> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["severity"] == "error")
        .map(|f| {
            let file = f["file"]
                .as_str()
                .unwrap()
                .rsplit('/')
                .next()
                .unwrap()
                .to_string();
            format!(
                "{} {}:{}!{}",
                f["code"].as_str().unwrap(),
                file,
                f["sheet"].as_str().unwrap_or(""),
                f["cell"].as_str().unwrap_or("")
            )
        })
        .collect();
    errors.sort();
    assert_eq!(
        errors,
        [
            // 2-(3)'s comments keep 2-(2)'s numbers for the repeated actions.
            "K001 事務局_評価コメント案.xlsx:評価コメント!B32",
            "K001 事務局_評価コメント案.xlsx:評価コメント!B33",
            "K001 事務局_評価コメント案.xlsx:評価コメント!B34",
            // 8,447,029円 among 千円 figures (the text says 8,447,028,953円).
            "N001 財政課_令和6年度.ods:数値目標!D5",
            // 類似団体7市平均727人 with 一般行政職 702人 and 技能労務職 27人 (729).
            "N006 行政経営担当_令和6年度.xlsx:4-(1)!D25",
            // 2-(4) ② has no 主な事業 row.
            "S001 企画政策課_令和6年度.xlsx:広域連携!C17",
            // 2-(3)'s 担当課 is 2-(2)'s and names ⑤.
            "S004 行政経営担当_令和6年度.xlsx:2-(3)!B4",
        ]
    );
    let p001: Vec<&serde_json::Value> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "P001")
        .collect();
    assert_eq!(p001.len(), 1, "1-(1) ② 主な事業 name: {p001:#?}");
    assert_eq!(p001[0]["expected"], "市民総合交流拠点施設の整備");
    let n001 = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "N001")
        .unwrap();
    assert_eq!(n001["found"], "8,447,029円");
    assert_eq!(n001["expected"], "8,447,029千円");
    let msg = n001["message"].as_str().unwrap();
    assert!(msg.contains("8,447,028,953円"), "names its evidence: {msg}");
}
