//! The loop the planning office runs with the departments: check, send the
//! corrections back, take the resubmissions in, check again.

use calamine::{Reader, open_workbook_auto};

use crate::util::{Workdir, fixture, json};

/// The G013 findings as (file name, cell, message).
fn conflicts(j: &serde_json::Value) -> Vec<(String, String, String)> {
    let name = |p: &str| p.rsplit('/').next().unwrap().to_string();
    j["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "G013")
        .map(|f| {
            (
                name(f["file"].as_str().unwrap()),
                f["cell"].as_str().unwrap_or_default().to_string(),
                f["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn a_resubmission_is_consolidated_in_place_of_the_old_file() {
    let w = Workdir::new();
    let inputs = w.submissions();
    // 納税課 corrected 3-(1) ② 令和6年度 from A to B and sent the file again;
    // the old one is still in the folder (and sorts first by name).
    std::fs::copy(
        fixture("resubmission/納税課_令和6年度_修正.xlsx"),
        inputs.join("納税課_令和6年度_修正.xlsx"),
    )
    .unwrap();
    let o = w.run(&["check", "提出", "--format", "json"], 1);
    let found = conflicts(&json(&o));
    assert_eq!(found.len(), 2, "reported at both cells: {found:?}");
    let old = found
        .iter()
        .find(|f| f.0 == "納税課_令和6年度.xlsx")
        .unwrap();
    let new = found
        .iter()
        .find(|f| f.0 == "納税課_令和6年度_修正.xlsx")
        .unwrap();
    assert_eq!((old.1.as_str(), new.1.as_str()), ("D24", "D24"));
    assert!(
        old.2.contains("新しい提出") && old.2.contains("フォルダから外して"),
        "{old:?}"
    );
    assert!(
        new.2.contains("古い提出") && new.2.contains("「A」でした"),
        "{new:?}"
    );
    let j = json(&o);
    let mut g013 = j["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "G013");
    assert!(
        g013.all(|f| f["expected"].is_null()),
        "no 正しい値 is claimed"
    );

    // The consolidated workbook takes the resubmission's grade.
    w.run(&["consolidate", "提出", "-o", "集約.xlsx", "-q"], 1);
    let mut wb = open_workbook_auto(w.path("集約.xlsx")).unwrap();
    let list = wb.worksheet_range("評価一覧").unwrap();
    let rows: Vec<Vec<String>> = list
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    let header = &rows[0];
    let id = header.iter().position(|h| h == "ID").unwrap();
    let r6 = header.iter().position(|h| h == "個別評価\nR6").unwrap();
    let file = header.iter().position(|h| h == "ファイル").unwrap();
    let row = rows
        .iter()
        .find(|r| r[id] == "3-(1)-②")
        .expect("3-(1)-② listed");
    assert_eq!(row[r6], "B", "{header:?}\n{row:?}");
    assert_eq!(row[file], "納税課_令和6年度_修正.xlsx");
}

/// The findings' standings in a JSON report, by code and file name.
fn standings(j: &serde_json::Value) -> Vec<(String, String, String)> {
    j["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let file = f["file"].as_str().unwrap();
            (
                f["code"].as_str().unwrap().to_string(),
                file.rsplit('/').next().unwrap().to_string(),
                f["standing"].as_str().unwrap_or("-").to_string(),
            )
        })
        .collect()
}

#[test]
fn a_baseline_marks_new_continued_and_resolved() {
    let w = Workdir::new();
    let inputs = w.submissions();
    let first = w.run(&["check", "提出", "--format", "json"], 1);
    std::fs::write(w.path("前回.json"), &first.stdout).unwrap();
    let before = json(&first)["findings"].as_array().unwrap().len();
    // 財政課 sends its file again under a resubmission's name (unchanged),
    // and 納税課 a corrected grade that the comment draft now contradicts.
    std::fs::remove_file(inputs.join("財政課_令和6年度.ods")).unwrap();
    let fixed = crate::util::root().join("samples/財政課_令和6年度.ods");
    std::fs::copy(&fixed, inputs.join("財政課_令和6年度_修正.ods")).unwrap();
    std::fs::remove_file(inputs.join("納税課_令和6年度.xlsx")).unwrap();
    std::fs::copy(
        fixture("resubmission/納税課_令和6年度_修正.xlsx"),
        inputs.join("納税課_令和6年度_修正.xlsx"),
    )
    .unwrap();
    let o = w.run(
        &[
            "check",
            "提出",
            "--format",
            "json",
            "--baseline",
            "前回.json",
        ],
        1,
    );
    let j = json(&o);
    let s = standings(&j);
    // The resubmission of 財政課 is the same file for the baseline: its
    // findings continue.
    assert!(
        s.iter()
            .any(|(c, f, st)| c == "N001" && f == "財政課_令和6年度_修正.ods" && st == "continued"),
        "{s:?}"
    );
    let new: Vec<_> = s.iter().filter(|x| x.2 == "new").collect();
    assert_eq!(new.len(), 1, "{new:?}");
    assert_eq!(
        new[0].0, "K002",
        "the comment now contradicts the corrected grade"
    );
    assert!(s.iter().all(|x| x.2 == "new" || x.2 == "continued"));
    assert_eq!(
        j["resolved"].as_array().unwrap().len(),
        before + 1 - s.len()
    );

    // The terminal shows them and counts them.
    let o = w.run(&["check", "提出", "--baseline", "前回.json"], 1);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.contains("［新規］") && text.contains("［継続］"),
        "{text}"
    );
    assert!(
        text.lines().last().unwrap().contains("（新規 1件、継続 "),
        "{text}"
    );

    // A baseline that is not a hyoka report is a tool error, before reading.
    std::fs::write(w.path("x.json"), "[1, 2]").unwrap();
    let o = w.run(&["check", "提出", "--baseline", "x.json"], 2);
    assert!(String::from_utf8_lossy(&o.stderr).contains("findings がありません"));
}

#[test]
fn accepted_findings_are_shown_but_do_not_fail_the_run() {
    let w = Workdir::new();
    let inputs = w.path("提出");
    std::fs::create_dir(&inputs).unwrap();
    std::fs::copy(
        crate::util::root().join("samples/財政課_令和6年度.ods"),
        inputs.join("財政課_令和6年度.ods"),
    )
    .unwrap();
    let base = ["check", "提出", "--format", "json", "--ignore", "P003,K"];
    let o = w.run(&base, 1);
    let errors: Vec<_> = standings(&json(&o))
        .into_iter()
        .filter(|x| x.0 == "N001")
        .collect();
    assert_eq!(errors.len(), 1, "the sample's one error");
    // The office accepts it; the file sits in the folder above the inputs.
    std::fs::write(
        w.path("hyoka.toml"),
        "[[accepted]]\ncode = \"N001\"\nfile = \"財政課_令和6年度.xlsx\"\ncell = \"数値目標!D5\"\nreason = \"了承\"\n",
    )
    .unwrap();
    // Another name of the file (an .xlsx named in the list for the .ods):
    // the family matches.
    let o = w.run(&base, 0);
    let j = json(&o);
    let s = standings(&j);
    assert!(
        s.iter().any(|x| x.0 == "N001" && x.2 == "accepted"),
        "{s:?}"
    );
    assert_eq!(j["summary"]["accepted"], 1);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("設定ファイル:") && err.contains("hyoka.toml"),
        "{err}"
    );
    // A cell elsewhere does not accept it.
    std::fs::write(
        w.path("hyoka.toml"),
        "[[accepted]]\ncode = \"N001\"\ncell = \"数値目標!D6\"\n",
    )
    .unwrap();
    w.run(&base, 1);
    // An entry naming no place is refused: it would switch the rule off.
    std::fs::write(w.path("hyoka.toml"), "[[accepted]]\ncode = \"N001\"\n").unwrap();
    w.run(&base, 2);
}

#[test]
fn the_terminal_ends_with_a_verdict_per_file_and_statistics_on_request() {
    let w = Workdir::new();
    let o = w.run(
        &[
            "check",
            crate::util::samples().to_str().unwrap(),
            "--statistics",
        ],
        1,
    );
    let text = String::from_utf8_lossy(&o.stdout);
    let lines: Vec<&str> = text.lines().collect();
    let head = lines
        .iter()
        .position(|l| l.starts_with("ファイル") && l.contains("担当課") && l.ends_with("判定"))
        .expect("the verdict table");
    let rows = &lines[head + 1..lines.len() - 1];
    assert_eq!(rows.len(), 10, "one row per file: {rows:?}");
    let row = |name: &str| rows.iter().find(|r| r.contains(name)).unwrap().to_string();
    assert!(row("財政課_令和6年度.ods").ends_with("要修正"));
    assert!(row("財政課_令和6年度.ods").contains("財政課"));
    assert!(row("納税課_令和6年度.xlsx").ends_with("OK"));
    // Statistics: one line per rule with findings, most first.
    let stats = lines.iter().position(|l| *l == "ルール別の件数:").unwrap();
    let counts: Vec<usize> = lines[stats + 1..head - 1]
        .iter()
        .take_while(|l| !l.is_empty())
        .map(|l| l.split_whitespace().next().unwrap().parse().unwrap())
        .collect();
    assert!(counts.len() > 5, "{counts:?}");
    assert!(
        counts.windows(2).all(|p| p[0] >= p[1]),
        "most first: {counts:?}"
    );
    let j = json(&w.run(
        &[
            "check",
            crate::util::samples().to_str().unwrap(),
            "--format",
            "json",
        ],
        1,
    ));
    assert_eq!(
        counts.iter().sum::<usize>(),
        j["findings"].as_array().unwrap().len()
    );
    // -q leaves the table out.
    let o = w.run(
        &["check", crate::util::samples().to_str().unwrap(), "-q"],
        1,
    );
    assert!(!String::from_utf8_lossy(&o.stdout).contains("判定"));
}

#[test]
fn consolidate_writes_one_request_workbook_per_department() {
    let w = Workdir::new();
    let inputs = w.submissions();
    std::fs::create_dir(w.path("結果")).unwrap();
    let o = w.run(&["consolidate", "提出", "-o", "結果/集約.xlsx"], 1);
    let err = String::from_utf8_lossy(&o.stderr);
    let folder = w.path("結果/集約_修正依頼");
    let written = std::fs::read_dir(&folder).unwrap().count();
    assert!(written > 5, "{written}");
    assert!(
        err.contains(&format!("修正依頼を{written}課分書き出しました")),
        "{err}"
    );
    let book = folder.join("財政課_修正依頼.xlsx");
    let mut wb = open_workbook_auto(&book).unwrap();
    assert_eq!(wb.sheet_names(), ["修正依頼"]);
    let rows: Vec<Vec<String>> = wb
        .worksheet_range("修正依頼")
        .unwrap()
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    assert!(rows[1][0].starts_with("担当課: 財政課"), "{:?}", rows[1]);
    let header = rows.iter().position(|r| r[0] == "No.").unwrap();
    assert_eq!(rows[header][10..], ["対応", "理由・回答"]);
    // Only 財政課's findings (the sample's N001), not the other departments'.
    let body = &rows[header + 1..];
    assert_eq!(body.len(), 1, "{body:?}");
    assert_eq!(body[0][4], "D5");
    assert!(body[0][5].contains("8,447,029円"));
    // The cell links to the department's own file, relative to the folder.
    let mut z = zip::ZipArchive::new(std::fs::File::open(&book).unwrap()).unwrap();
    let mut rels = String::new();
    std::io::Read::read_to_string(
        &mut z.by_name("xl/worksheets/_rels/sheet1.xml.rels").unwrap(),
        &mut rels,
    )
    .unwrap();
    assert!(rels.contains("../../") && rels.contains(".ods"), "{rels}");
    let mut sheet = String::new();
    std::io::Read::read_to_string(
        &mut z.by_name("xl/worksheets/sheet1.xml").unwrap(),
        &mut sheet,
    )
    .unwrap();
    assert!(sheet.contains("<dataValidation"), "a reply list");
    assert!(sheet.contains("paperSize=\"9\""), "A4");
    // Info findings and departments without anything to correct get none:
    // 納税課 has no finding in the samples.
    assert!(!folder.join("納税課_修正依頼.xlsx").exists());
    // A department that has corrected everything loses its old request.
    std::fs::remove_file(inputs.join("財政課_令和6年度.ods")).unwrap();
    w.run(
        &[
            "consolidate",
            "提出",
            "-o",
            "結果/集約.xlsx",
            "--ignore",
            "P003",
        ],
        1,
    );
    assert!(!book.exists(), "the stale request is removed");
    assert!(folder.join("事務局_修正依頼.xlsx").exists());
    // --requests puts them elsewhere.
    w.run(
        &[
            "consolidate",
            "提出",
            "-o",
            "結果/集約.xlsx",
            "--requests",
            "送付",
        ],
        1,
    );
    assert!(w.path("送付/事務局_修正依頼.xlsx").exists());
}
