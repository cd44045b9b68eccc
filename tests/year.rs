//! The evaluated year as the command line decides and explains it, and
//! inputs that leave no year to decide: a path typed wrong, no evaluation
//! sheet at all.

use crate::util::{Workdir, copy_samples, fixture, json, samples};

/// The samples in `in/`, with 広報課's sheet carrying one grade in 令和7年度.
fn samples_with_a_stray_grade(w: &Workdir) {
    std::fs::create_dir(w.path("in")).unwrap();
    copy_samples(&w.path("in"));
    std::fs::copy(
        fixture("year/広報課_令和7年度に一つ.xlsx"),
        w.path("in/広報課_令和6年度.xlsx"),
    )
    .unwrap();
}

#[test]
fn one_stray_grade_does_not_move_the_year() {
    let w = Workdir::new();
    samples_with_a_stray_grade(&w);
    let out = w.run(&["check", "--format", "json", "in"], 1);
    let doc = json(&out);
    assert_eq!(doc["year"], "令和6年度");
    let basis = &doc["year_basis"];
    assert_eq!(basis["kind"], "grades");
    assert_eq!(basis["agreeing"], 17);
    assert_eq!(basis["sheets"], 18);
    assert_eq!(basis["outliers"][0]["cell"], "E32");
    assert_eq!(basis["outliers"][0]["fiscal_year"], 2025);
    let findings = doc["findings"].as_array().unwrap();
    let g004: Vec<_> = findings.iter().filter(|f| f["code"] == "G004").collect();
    assert_eq!(g004.len(), 1, "{g004:?}");
    assert_eq!(g004[0]["cell"], "E32");
    // The untouched files keep the findings `--year 令和6` gives: the stray
    // grade adds its G004 and nothing else.
    let given = json(&w.run(&["check", "--format", "json", "--year", "令和6", "in"], 1));
    let places = |fs: &[serde_json::Value]| -> Vec<String> {
        fs.iter()
            .map(|f| format!("{} {} {} {}", f["code"], f["file"], f["sheet"], f["cell"]))
            .collect()
    };
    assert_eq!(
        places(findings),
        places(given["findings"].as_array().unwrap())
    );

    let text = w.run(&["check", "-q", "in"], 1);
    let stdout = String::from_utf8_lossy(&text.stdout);
    assert!(
        stdout.contains("評価年度を令和6年度としました")
            && stdout.contains("Sheet1!E32（令和7年度）"),
        "{stdout}"
    );
    assert!(
        stdout.contains("令和6年度（評価シート18枚中17枚が令和6年度まで評価済み）"),
        "{stdout}"
    );
}

#[test]
fn the_year_and_its_reason_are_printed() {
    let w = Workdir::new();
    let out = w.run(&["check", "-q", samples().to_str().unwrap()], 1);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("令和6年度（評価シート18枚すべてが令和6年度まで評価済み）"),
        "{stdout}"
    );
    // Given with --year: nothing to explain.
    let out = w.run(
        &[
            "check",
            "-q",
            "--year",
            "令和6",
            samples().to_str().unwrap(),
        ],
        1,
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("\n令和6年度: "), "{stdout}");
}

#[test]
fn a_missing_path_is_named_with_similar_names() {
    let w = Workdir::new();
    std::fs::create_dir(w.path("in")).unwrap();
    std::fs::copy(
        samples().join("財政課_令和6年度.ods"),
        w.path("in/財政課_令和6年度.ods"),
    )
    .unwrap();
    let out = w.run(&["check", "in/財政課.xlsx", "--ignore", "P003"], 2);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("in/財政課.xlsx が見つかりません"),
        "{stderr}"
    );
    assert!(stderr.contains("財政課_令和6年度.ods"), "{stderr}");
    assert!(!stderr.contains("評価年度"), "{stderr}");
    // Several paths, one missing: still named, nothing read.
    let out = w.run(&["check", "in", "nope"], 2);
    assert!(String::from_utf8_lossy(&out.stderr).contains("nope が見つかりません"));
}

#[test]
fn no_evaluation_sheet_gives_the_file_findings_not_a_year_error() {
    let w = Workdir::new();
    std::fs::create_dir(w.path("in")).unwrap();
    let realworld = crate::util::root().join("../shared/realworld");
    for name in ["estat_2020_05.xlsx", "gov_it2025_torihiki_denshi.xlsx"] {
        std::fs::copy(realworld.join(name), w.path(&format!("in/{name}"))).unwrap();
    }
    let out = w.run(&["check", "--format", "json", "in"], 1);
    let doc = json(&out);
    assert_eq!(doc["year_basis"]["kind"], "no_sheets");
    let codes: Vec<&str> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["F002", "F002"]);
    let out = w.run(&["check", "-q", "in"], 1);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("評価シートなし: 2ファイルを点検"),
        "{stdout}"
    );
}
