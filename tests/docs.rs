//! Generated documentation stays in step with the code.

use crate::util::{Workdir, root};

#[test]
fn rules_md_is_up_to_date() {
    let w = Workdir::new();
    let out = w.run(&["rules", "--markdown"], 0);
    let generated = String::from_utf8(out.stdout).unwrap();
    let committed = std::fs::read_to_string(root().join("docs/rules.md")).unwrap_or_default();
    assert!(
        generated == committed,
        "docs/rules.md is out of date: run `cargo run -- rules --markdown > docs/rules.md`"
    );
}
