//! CSV submissions: UTF-8 (with or without BOM) and Shift_JIS are decided
//! from each file's bytes, findings point at the CSV's row and column, and
//! `--encoding` decides only the files whose bytes cannot tell.

use crate::util::{Workdir, fixture, json};

fn findings(w: &Workdir, file: &str, extra: &[&str]) -> serde_json::Value {
    std::fs::copy(fixture(&format!("csv/{file}")), w.path(file)).unwrap();
    let mut args = vec![
        "check", file, "--year", "令和6", "--ignore", "P003", "--format", "json",
    ];
    args.extend_from_slice(extra);
    json(&w.run(&args, 1))
}

#[test]
fn shift_jis_csv_mistake_at_its_row_and_column() {
    let w = Workdir::new();
    for file in ["財政課_sjis.csv", "財政課_utf8bom.csv"] {
        let doc = findings(&w, file, &[]);
        let g001: Vec<&serde_json::Value> = doc["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["code"] == "G001")
            .collect();
        assert_eq!(g001.len(), 1, "{file}");
        // Row 12, column D of the CSV: the 令和6年度 個別評価 of ①.
        assert_eq!(g001[0]["cell"], "D12", "{file}");
        assert_eq!(g001[0]["found"], "S");
        assert_eq!(doc["files"][0]["sheets"][0]["kind"], "evaluation");
    }
}

/// The Shift_JIS fixture's text, as the department typed it (`－` for `—`:
/// Shift_JIS has no U+2014).
fn text() -> String {
    let bytes = std::fs::read(fixture("csv/財政課_sjis.csv")).unwrap();
    let (text, _, bad) = encoding_rs::SHIFT_JIS.decode(&bytes);
    assert!(!bad);
    text.into_owned()
}

fn shift_jis(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::SHIFT_JIS.encode(text);
    assert!(!unmappable);
    bytes.into_owned()
}

/// G001 cells and status of each file of a JSON report, by file name.
fn per_file(doc: &serde_json::Value) -> Vec<(String, String, Vec<String>)> {
    let mut out: Vec<(String, String, Vec<String>)> = doc["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let path = f["path"].as_str().unwrap().to_string();
            let g001 = doc["findings"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|x| x["code"] == "G001" && x["file"] == f["path"])
                .map(|x| {
                    format!(
                        "{}={}",
                        x["cell"].as_str().unwrap(),
                        x["found"].as_str().unwrap()
                    )
                })
                .collect();
            (path, f["status"].as_str().unwrap().to_string(), g001)
        })
        .collect();
    out.sort();
    out
}

#[test]
fn a_folder_of_utf8_and_shift_jis_reads_whatever_the_flag() {
    let w = Workdir::new();
    std::fs::create_dir(w.path("提出")).unwrap();
    std::fs::write(w.path("提出/財政課_utf8.csv"), text()).unwrap();
    std::fs::write(w.path("提出/財政課_sjis.csv"), shift_jis(&text())).unwrap();
    let base = [
        "check",
        "提出",
        "--year",
        "令和6",
        "--ignore",
        "P003,P005",
        "--format",
        "json",
    ];
    let without = per_file(&json(&w.run(&base, 1)));
    assert_eq!(without.len(), 2, "{without:?}");
    for (path, status, g001) in &without {
        assert_ne!(status, "unreadable", "{path}");
        // Row 12, column D: the 令和6年度 個別評価 of ①, read the same in both.
        assert_eq!(g001, &["D12=S"], "{path}");
    }
    for flag in ["shift_jis", "utf-8"] {
        let mut args = base.to_vec();
        args.extend(["--encoding", flag]);
        assert_eq!(
            per_file(&json(&w.run(&args, 1))),
            without,
            "--encoding {flag}"
        );
    }
}

#[test]
fn an_undetectable_file_is_decided_by_the_flag() {
    let w = Workdir::new();
    // Shift_JIS with one byte valid in neither encoding: the bytes cannot tell.
    let mut bytes = shift_jis(&text());
    bytes.extend_from_slice(b"\xFF\r\n");
    std::fs::write(w.path("財政課.csv"), bytes).unwrap();
    let base = [
        "check",
        "財政課.csv",
        "--year",
        "令和6",
        "--ignore",
        "P003",
        "--format",
        "json",
    ];
    let doc = json(&w.run(&base, 1));
    assert_eq!(doc["files"][0]["status"], "unreadable");
    assert!(
        doc["files"][0]["error"]
            .as_str()
            .unwrap()
            .contains("--encoding")
    );
    let mut args = base.to_vec();
    args.extend(["--encoding", "shift_jis"]);
    let read = per_file(&json(&w.run(&args, 1)));
    assert_eq!(read.len(), 1);
    assert_ne!(read[0].1, "unreadable");
    assert_eq!(read[0].2, ["D12=S"]);
    // Told UTF-8, the same bytes are read as UTF-8: the text is lost, not a
    // grade is found.
    let mut args = base.to_vec();
    args.extend(["--encoding", "utf-8"]);
    let wrong = per_file(&json(&w.run(&args, 1)));
    assert_ne!(wrong[0].1, "unreadable", "read, wrongly: {wrong:?}");
    assert!(wrong[0].2.is_empty(), "{wrong:?}");
}

#[test]
fn an_unknown_encoding_is_a_usage_error() {
    let w = Workdir::new();
    std::fs::copy(fixture("csv/財政課_sjis.csv"), w.path("財政課_sjis.csv")).unwrap();
    w.run(&["check", "財政課_sjis.csv", "--encoding", "latin1"], 2);
}
