//! The command line contract: exit codes and tool errors.

use crate::util::{Workdir, samples};

#[test]
fn bad_year_is_a_tool_error() {
    let w = Workdir::new();
    let out = w.run(&["check", "--year", "来年", samples().to_str().unwrap()], 2);
    assert!(String::from_utf8_lossy(&out.stderr).contains("--year"));
}

#[test]
fn missing_input_is_a_tool_error() {
    let w = Workdir::new();
    w.run(&["check", "no-such-folder"], 2);
}

#[test]
fn output_over_an_input_is_refused_and_the_input_untouched() {
    let w = Workdir::new();
    let src = samples().join("納税課_令和6年度.xlsx");
    let copy = w.path("財政課.xlsx");
    std::fs::copy(&src, &copy).unwrap();
    let before = std::fs::read(&copy).unwrap();
    w.run(&["consolidate", "財政課.xlsx", "-o", "財政課.xlsx"], 2);
    assert_eq!(std::fs::read(&copy).unwrap(), before);
}

#[test]
fn a_broken_file_does_not_stop_the_batch() {
    let w = Workdir::new();
    std::fs::create_dir(w.path("in")).unwrap();
    std::fs::copy(
        samples().join("納税課_令和6年度.xlsx"),
        w.path("in/財政課.xlsx"),
    )
    .unwrap();
    std::fs::write(w.path("in/広報課.xlsx"), b"%PDF-1.4 not a workbook").unwrap();
    let out = w.run(&["check", "--format", "json", "in"], 1);
    let doc = crate::util::json(&out);
    let files = doc["files"].as_array().unwrap();
    assert_eq!(files.len(), 2);
    let bad = files
        .iter()
        .find(|f| f["path"].as_str().unwrap().ends_with("広報課.xlsx"))
        .unwrap();
    assert_eq!(bad["status"], "unreadable");
    assert!(bad["error"].as_str().unwrap().contains("PDF"));
    let f001 = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "F001")
        .unwrap();
    assert_eq!(f001["cell"], serde_json::Value::Null);
    let good = files
        .iter()
        .find(|f| f["path"].as_str().unwrap().ends_with("財政課.xlsx"))
        .unwrap();
    assert_eq!(good["status"], "ok");
}
