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
                // by_code's keys are rule codes, and a finding's data is the
                // rule's: values rather than fields of the document.
                let p = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                out.insert(p.clone());
                if p != "summary.by_code" && p != "findings[].data" {
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

/// The run id of a consolidated workbook (its custom document property).
fn workbook_run(path: &std::path::Path) -> String {
    let mut z = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut z.by_name("docProps/custom.xml").unwrap(), &mut xml)
        .unwrap();
    let at = xml.find("name=\"hyoka-run\"").expect("the property");
    let value = &xml[at..];
    let start = value.find("<vt:lpwstr>").unwrap() + "<vt:lpwstr>".len();
    value[start..start + value[start..].find('<').unwrap()].to_string()
}

/// The workbook and the JSON of one `consolidate` carry one run id; another
/// run's differ, so a pair left by a run killed between its two renames is
/// seen to be mixed.
#[test]
fn the_outputs_of_one_run_say_so() {
    let w = Workdir::new();
    let samples_dir = samples();
    let mut ids = Vec::new();
    for n in 0..2 {
        let out = format!("out{n}");
        let (book, js) = (format!("{out}.xlsx"), format!("{out}.json"));
        let args = [
            "consolidate",
            samples_dir.to_str().unwrap(),
            "-o",
            &book,
            "--json",
            &js,
            "-q",
        ];
        w.command(&args).output().unwrap();
        let doc: Value = serde_json::from_slice(&std::fs::read(w.path(&js)).unwrap()).unwrap();
        let run = doc["run"].as_str().unwrap().to_string();
        assert_eq!(workbook_run(&w.path(&book)), run);
        ids.push(run);
    }
    assert_ne!(ids[0], ids[1]);
}

#[test]
fn documented_fields_are_the_real_ones() {
    let w = Workdir::new();
    let out = w
        .command(&["check", "--format", "json", samples().to_str().unwrap()])
        .output()
        .unwrap();
    let checked = json(&out);
    // consolidate writes the same document, with the run's id.
    let samples_dir = samples();
    let mut args = vec!["consolidate", samples_dir.to_str().unwrap()];
    args.extend(["-o", "out.xlsx", "--json", "out.json", "-q"]);
    w.command(&args).output().unwrap();
    let doc: Value = serde_json::from_slice(&std::fs::read(w.path("out.json")).unwrap()).unwrap();
    let mut without_run = doc.clone();
    without_run.as_object_mut().unwrap().remove("run");
    assert_eq!(without_run, checked, "check and consolidate --json differ");
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
        assert!(f["data"].is_object(), "{f}");
    }
    // The data carries the values the message was made from.
    let n001 = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "N001")
        .expect("the samples' unit slip");
    assert_eq!(n001["data"]["value"], "8,447,029円");
    assert_eq!(n001["data"]["fixed"], "8,447,029千円");
    assert_eq!(n001["data"]["why"]["column"], "千円");
    assert_eq!(n001["data"]["year"], 2023);
    // Outside an evaluation sheet, the file's department: 財政課's 数値目標
    // sheet, the secretariat's comment draft.
    assert_eq!(n001["department"], "財政課");
    for f in doc["findings"].as_array().unwrap() {
        assert!(f["department"].is_string(), "no department: {f}");
        if f["code"] == "K001" {
            assert_eq!(f["department"], "事務局");
        }
    }
}
