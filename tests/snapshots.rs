//! Snapshots of what people and programs read on `samples/`: the terminal
//! report and the JSON report (insta; review changes with `cargo insta review`
//! or by reading the diff of `tests/snapshots/`).

use std::process::Command;

use crate::util::root;

fn run(args: &[&str]) -> String {
    // From the repository root with a relative path, so the snapshot holds no
    // machine-specific path.
    let out = Command::new(env!("CARGO_BIN_EXE_hyoka"))
        .args(args)
        .current_dir(root())
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "samples hold errors");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn terminal_report_on_samples() {
    insta::assert_snapshot!(run(&["check", "samples"]));
}

#[test]
fn terminal_report_in_english() {
    insta::assert_snapshot!(run(&["check", "samples", "--lang", "en", "--quiet"]));
}

#[test]
fn json_report_on_samples() {
    insta::assert_snapshot!(run(&["check", "samples", "--format", "json"]));
}
