//! The JSON report's documented shape (docs/json-report.md) is the real one:
//! every documented field is present with its type, and nothing undocumented
//! appears.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::util::{Workdir, json, root, samples};

/// The field paths of the doc's tables: `findings[].code` and the like.
fn documented() -> BTreeSet<String> {
    let doc = std::fs::read_to_string(root().join("docs/json-report.md")).unwrap();
    doc.lines()
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| l.split('`').next())
        .map(String::from)
        .collect()
}

/// Every field path of a document.
fn paths(v: &Value, prefix: &str, out: &mut BTreeSet<String>) {
    match v {
        Value::Object(m) => {
            for (k, v) in m {
                // by_code's keys are rule codes, data rather than fields.
                let p = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                out.insert(p.clone());
                if p != "summary.by_code" {
                    paths(v, &p, out);
                }
            }
        }
        Value::Array(a) => {
            for x in a {
                paths(x, &format!("{prefix}[]"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn documented_fields_are_the_real_ones() {
    let w = Workdir::new();
    let out = w
        .command(&["check", "--format", "json", samples().to_str().unwrap()])
        .output()
        .unwrap();
    let doc = json(&out);
    let mut real = BTreeSet::new();
    paths(&doc, "", &mut real);
    let documented = documented();
    let undocumented: Vec<_> = real.difference(&documented).collect();
    let missing: Vec<_> = documented.difference(&real).collect();
    assert!(
        undocumented.is_empty(),
        "fields not in docs/json-report.md: {undocumented:?}"
    );
    assert!(
        missing.is_empty(),
        "documented but absent on samples: {missing:?}"
    );
    assert_eq!(doc["version"], 1);
    for f in doc["findings"].as_array().unwrap() {
        assert!(matches!(
            f["severity"].as_str(),
            Some("error" | "warning" | "info")
        ));
        assert!(
            f["cell"].is_null()
                || f["cell"].as_str().is_some_and(|c| c
                    .chars()
                    .next()
                    .unwrap()
                    .is_ascii_uppercase())
        );
        assert!(f["related"].is_array());
    }
}
