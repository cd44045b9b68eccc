//! The layers of docs/architecture.md are the real ones: every top-level
//! module of `src/` uses only the modules its layer may use, so no cycle can
//! form. Read from the sources (`crate::…` paths outside comments), so a new
//! import across a layer fails here with the file and line.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::util::root;

/// What each top-level module may use (besides itself). The same table is
/// drawn in docs/architecture.md.
const ALLOWED: &[(&str, &[&str])] = &[
    ("run", &[]),
    ("model", &[]),
    ("error", &["model"]),
    ("read", &["model"]),
    ("facts", &["model"]),
    ("rules", &["facts", "model"]),
    ("report", &["rules", "facts", "model", "error"]),
    ("config", &["rules", "model", "error"]),
    ("baseline", &["facts", "model", "error"]),
    (
        "pipeline",
        &["report", "rules", "facts", "read", "model", "run", "error"],
    ),
    (
        "cmd",
        &[
            "pipeline", "config", "baseline", "report", "rules", "facts", "read", "model", "run",
            "error",
        ],
    ),
];

/// Every `crate::name` a module's files under `src` use, with where.
fn uses(src: &Path, module: &str) -> BTreeMap<String, Vec<String>> {
    let mut files = Vec::new();
    let dir = src.join(module);
    if dir.is_dir() {
        collect(&dir, &mut files);
    } else {
        files.push(src.join(format!("{module}.rs")));
    }
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            let mut rest = code;
            while let Some(i) = rest.find("crate::") {
                rest = &rest[i + "crate::".len()..];
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                let shown = f.strip_prefix(src).unwrap().display().to_string();
                out.entry(name)
                    .or_default()
                    .push(format!("src/{shown}:{}", n + 1));
            }
        }
    }
    out
}

fn collect(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn every_module_uses_only_the_layers_below_it() {
    let known: BTreeSet<&str> = ALLOWED.iter().map(|(m, _)| *m).collect();
    let mut problems = Vec::new();
    for (module, allowed) in ALLOWED {
        for (used, at) in uses(&root().join("src"), module) {
            if used == *module || used.is_empty() {
                continue;
            }
            if !known.contains(used.as_str()) {
                problems.push(format!("{module} uses unknown module {used} ({})", at[0]));
            } else if !allowed.contains(&used.as_str()) {
                problems.push(format!("{module} must not use {used}: {}", at.join(", ")));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_table_names_every_module_and_has_no_cycle() {
    // Every top-level module of lib.rs is in the table.
    let lib = std::fs::read_to_string(root().join("src/lib.rs")).unwrap();
    let declared: BTreeSet<&str> = lib
        .lines()
        .filter_map(|l| l.strip_prefix("pub mod "))
        .map(|l| l.trim_end_matches(';'))
        .collect();
    let listed: BTreeSet<&str> = ALLOWED.iter().map(|(m, _)| *m).collect();
    assert_eq!(declared, listed, "src/lib.rs and the layer table");
    // A module may only use modules listed before it: an order exists, so
    // the allowed uses form no cycle.
    for (i, (module, allowed)) in ALLOWED.iter().enumerate() {
        for a in *allowed {
            let j = ALLOWED.iter().position(|(m, _)| m == a).unwrap();
            assert!(j < i, "{module} may use {a}, which is not below it");
        }
    }
}

#[test]
fn a_backward_import_is_caught() {
    // The scan sees paths in code and ignores them in comments.
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("model")).unwrap();
    std::fs::write(
        dir.path().join("model/probe.rs"),
        "//! crate::rules in a comment\nuse crate::rules::Rule; // crate::report\n",
    )
    .unwrap();
    let found = uses(dir.path(), "model");
    assert_eq!(found.get("rules").map(Vec::len), Some(1), "{found:?}");
    assert!(!found.contains_key("report"), "{found:?}");
}
