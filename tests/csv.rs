//! CSV submissions: UTF-8 with BOM and Shift_JIS are decided from the bytes,
//! findings point at the CSV's row and column, `--encoding` forces a reading.

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

#[test]
fn a_forced_wrong_encoding_is_a_clear_file_error() {
    let w = Workdir::new();
    let doc = findings(&w, "財政課_sjis.csv", &["--encoding", "utf-8"]);
    assert_eq!(doc["files"][0]["status"], "unreadable");
    assert!(
        doc["files"][0]["error"]
            .as_str()
            .unwrap()
            .contains("--encoding")
    );
    w.run(&["check", "財政課_sjis.csv", "--encoding", "latin1"], 2);
}
