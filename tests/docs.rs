//! Generated documentation stays in step with the code.

use crate::util::{Workdir, root};

/// `docs/rules.md` (Japanese) and `docs/rules.en.md` (English) are what
/// `hyoka rules --markdown` prints.
#[test]
fn rules_md_is_up_to_date() {
    let w = Workdir::new();
    for (file, lang) in [("docs/rules.md", "ja"), ("docs/rules.en.md", "en")] {
        let out = w.run(&["rules", "--markdown", "--lang", lang], 0);
        let generated = String::from_utf8(out.stdout).unwrap();
        let committed = std::fs::read_to_string(root().join(file)).unwrap_or_default();
        assert!(
            generated == committed,
            "{file} is out of date: run `cargo run -- rules --markdown --lang {lang} > {file}`"
        );
    }
}

/// Every kind `docs/mistakes.md` marks caught by a rule names a registered
/// rule with fixture tests (`tests/fixtures/rules/CODE/`), so the taxonomy
/// cannot claim a check that does not exist.
#[test]
fn mistakes_md_claims_only_rules_that_exist() {
    let doc = std::fs::read_to_string(root().join("docs/mistakes.md")).expect("docs/mistakes.md");
    let code = regex::Regex::new(r"\b[FGKNPS]\d{3}\b").unwrap();
    let mut claimed = 0;
    for line in doc.lines().filter(|l| l.starts_with('|')) {
        let Some(status) = line.trim_end_matches('|').rsplit('|').next() else {
            continue;
        };
        if !status.trim_start().starts_with("caught") {
            continue;
        }
        for c in code.find_iter(status) {
            claimed += 1;
            let c = c.as_str();
            assert!(
                hyoka::rules::registry::all().iter().any(|r| r.code == c),
                "docs/mistakes.md: {c} is not a rule: {line}"
            );
            assert!(
                root().join("tests/fixtures/rules").join(c).is_dir(),
                "docs/mistakes.md: {c} has no fixtures: {line}"
            );
        }
    }
    assert!(claimed > 40, "only {claimed} caught kinds found");
}
