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

#[test]
fn rules_are_selected_and_ignored_by_code_or_prefix() {
    let w = Workdir::new();
    let s = samples();
    let codes = |args: &[&str]| -> Vec<String> {
        let mut a = vec!["check", "--format", "json", s.to_str().unwrap()];
        a.extend_from_slice(args);
        let out = w.command(&a).output().unwrap();
        let doc = crate::util::json(&out);
        let mut c: Vec<String> = doc["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["code"].as_str().unwrap().to_string())
            .collect();
        c.dedup();
        c
    };
    assert!(codes(&["--select", "G011"]).iter().all(|c| c == "G011"));
    let no_k = codes(&["--ignore", "K,S004"]);
    assert!(!no_k.iter().any(|c| c.starts_with('K') || c == "S004"));
    assert!(no_k.iter().any(|c| c == "S001"));
    w.run(&["check", s.to_str().unwrap(), "--select", "Z9"], 2);
}

#[test]
fn config_beside_the_inputs_overrides_severity() {
    let w = Workdir::new();
    std::fs::create_dir(w.path("in")).unwrap();
    std::fs::copy(
        samples().join("企画政策課_令和6年度.xlsx"),
        w.path("in/企画政策課.xlsx"),
    )
    .unwrap();
    // Alone, the file leaves 17 items unsubmitted (P003) and has S001.
    w.run(&["check", "in"], 1);
    std::fs::write(
        w.path("in/hyoka.toml"),
        "[rules]\nignore = [\"P003\"]\n[rules.severity]\nS001 = \"warning\"\n",
    )
    .unwrap();
    let out = w.run(&["check", "--format", "json", "in"], 0);
    let doc = crate::util::json(&out);
    let s001 = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "S001")
        .expect("S001 still reported");
    assert_eq!(s001["severity"], "warning");
}

#[test]
fn english_messages() {
    let w = Workdir::new();
    let out = w.run(
        &[
            "check",
            "--lang",
            "en",
            "--select",
            "S004",
            samples().to_str().unwrap(),
        ],
        1,
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("refers to ⑤"), "{text}");
}
