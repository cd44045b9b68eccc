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

/// `hyoka rules`: Japanese by default, English with `--lang en`.
#[test]
fn rules_list_in_both_languages() {
    let w = Workdir::new();
    let ja = String::from_utf8(w.run(&["rules"], 0).stdout).unwrap();
    let en = String::from_utf8(w.run(&["rules", "--lang", "en"], 0).stdout).unwrap();
    let n001 = |text: &str| {
        text.lines()
            .find(|l| l.starts_with("N001"))
            .unwrap()
            .to_string()
    };
    assert!(
        n001(&ja).contains("unit-slip") && n001(&ja).contains("単位"),
        "{ja}"
    );
    assert!(n001(&en).contains("in the wrong unit"), "{en}");
    assert_eq!(ja.lines().count(), en.lines().count());
}

/// `hyoka rules N001` prints the rule's page; codes are case-insensitive.
#[test]
fn rules_page_of_one_rule() {
    let w = Workdir::new();
    let ja = String::from_utf8(w.run(&["rules", "n001"], 0).stdout).unwrap();
    assert!(ja.starts_with("# N001 unit-slip\n"), "{ja}");
    assert!(ja.contains("既定の重要度: エラー"), "{ja}");
    assert!(
        ja.contains("## 点検内容") && !ja.contains("## What it checks"),
        "{ja}"
    );
    let en = String::from_utf8(w.run(&["rules", "N001", "--lang", "en"], 0).stdout).unwrap();
    assert!(en.contains("Default severity: error"), "{en}");
    assert!(
        en.contains("## What it checks") && !en.contains("## 点検内容"),
        "{en}"
    );
    let two = String::from_utf8(w.run(&["rules", "N001", "G010"], 0).stdout).unwrap();
    assert!(two.contains("# N001 ") && two.contains("# G010 "), "{two}");
}

#[test]
fn rules_page_of_an_unknown_code_is_a_tool_error() {
    let w = Workdir::new();
    let out = w.run(&["rules", "N001", "Z999"], 2);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("「Z999」") && err.contains("hyoka rules"),
        "{err}"
    );
    assert!(out.stdout.is_empty());
}

/// stdout and stderr of a run, as text.
fn texts(out: &std::process::Output) -> (String, String) {
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn help_is_japanese_by_default_and_english_with_lang_en() {
    let w = Workdir::new();
    let (top, err) = texts(&w.run(&["--help"], 0));
    assert!(err.is_empty(), "{err}");
    for heading in [
        "使い方:",
        "コマンド:",
        "オプション:",
        "点検して集約ブックを作成",
    ] {
        assert!(top.contains(heading), "{heading} in\n{top}");
    }
    assert!(!top.contains("Usage:"), "{top}");
    let (check, _) = texts(&w.run(&["check", "--help"], 0));
    for part in [
        "使い方: hyoka check",
        "引数:",
        "オプション:",
        "--year <YEAR>",
        "評価年度",
        "［値: text, json］",
    ] {
        assert!(check.contains(part), "{part} in\n{check}");
    }
    assert!(
        !check.contains("Options:") && !check.contains("Print help"),
        "{check}"
    );
    assert_eq!(texts(&w.run(&["help", "check"], 0)).0, check);

    let (en, _) = texts(&w.run(&["check", "--help", "--lang", "en"], 0));
    for part in [
        "Usage: hyoka check",
        "Arguments:",
        "Options:",
        "Evaluated fiscal year",
        "[possible values: text, json]",
    ] {
        assert!(en.contains(part), "{part} in\n{en}");
    }
    assert!(!en.contains("評価年度"), "{en}");
    let (top_en, _) = texts(&w.run(&["--lang=en", "--help"], 0));
    assert!(
        top_en.contains("Commands:") && top_en.contains("Write the consolidated workbook"),
        "{top_en}"
    );
    let (version, _) = texts(&w.run(&["--version"], 0));
    assert!(version.starts_with("hyoka "), "{version}");
}

#[test]
fn clap_errors_are_japanese_and_exit_2() {
    let w = Workdir::new();
    let (out, err) = texts(&w.run(&["check", "--bogus", "x"], 2));
    assert!(out.is_empty());
    assert!(err.contains("不明なオプション「--bogus」です。"), "{err}");
    assert!(err.contains("使い方: hyoka check"), "{err}");
    assert!(
        err.contains("詳しくは hyoka check --help をご覧ください。"),
        "{err}"
    );
    assert!(!err.contains("error:"), "{err}");

    let (_, err) = texts(&w.run(&["check", "--fromat", "json", "x"], 2));
    assert!(err.contains("「--format」のことですか？"), "{err}");

    let (_, err) = texts(&w.run(&["check"], 2));
    assert!(
        err.contains("次の指定が必要です") && err.contains("<PATHS>"),
        "{err}"
    );
    assert!(err.contains("点検するファイルまたはフォルダ"), "{err}");

    let (_, err) = texts(&w.run(&["check", "--format", "xml", "x"], 2));
    assert!(
        err.contains("「--format」に「xml」は指定できません。"),
        "{err}"
    );
    assert!(err.contains("指定できる値: text, json"), "{err}");

    let (_, err) = texts(&w.run(&["chek", "x"], 2));
    assert!(
        err.contains("不明なコマンド「chek」です。") && err.contains("「check」のことですか？"),
        "{err}"
    );
    assert!(err.contains("詳しくは hyoka --help"), "{err}");
}

#[test]
fn clap_errors_stay_english_with_lang_en() {
    let w = Workdir::new();
    let (_, err) = texts(&w.run(&["check", "--bogus", "x", "--lang", "en"], 2));
    assert!(
        err.contains("error: unexpected argument '--bogus' found"),
        "{err}"
    );
    assert!(err.contains("Usage:") && !err.contains("使い方"), "{err}");
    let (_, err) = texts(&w.run(&["check", "--lang=en"], 2));
    assert!(
        err.contains("the following required arguments were not provided"),
        "{err}"
    );
    let (_, err) = texts(&w.run(&["check", "--format", "xml", "--lang", "en", "x"], 2));
    assert!(err.contains("[possible values: text, json]"), "{err}");
    // Before the command, `--lang` is the command's.
    let (_, err) = texts(&w.run(&["--lang", "en", "check", "--bogus", "x"], 2));
    assert!(err.contains("unexpected argument '--bogus'"), "{err}");
}

#[test]
fn read_worker_parses_as_before() {
    let w = Workdir::new();
    let (_, err) = texts(&w.run(&["read-worker"], 2));
    assert!(
        err.contains("error: the following required arguments"),
        "{err}"
    );
}
