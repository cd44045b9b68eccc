//! K004 on comment drafts written by another hand (tests/corpus/comments_heldout):
//! no report on a true claim, a wish or an unlisted measure, and the
//! detection measured when the drafts were added kept.

use crate::util::{Workdir, json, root};

/// (draft, rows expected reported that were, at least): measured when
/// added (heldout 21 of 22, b 14 of 20, probe 14 of 20, probe2 5 of 5).
const SETS: &[(&str, usize)] = &[
    ("heldout", 21),
    ("heldout_b", 14),
    ("heldout_probe", 14),
    ("heldout_probe2", 5),
];

#[test]
fn held_out_drafts() {
    let corpus = root().join("tests/corpus");
    let mut problems = Vec::new();
    for (name, least) in SETS {
        let w = Workdir::new();
        std::fs::create_dir(w.path("in")).unwrap();
        for e in std::fs::read_dir(corpus.join("kitahama")).unwrap() {
            let p = e.unwrap().path();
            let file = p.file_name().unwrap().to_string_lossy().to_string();
            if hyoka::read::discover::is_spreadsheet(&p) && !file.starts_with("事務局") {
                std::fs::copy(&p, w.path(&format!("in/{file}"))).unwrap();
            }
        }
        let draft = corpus.join(format!("comments_heldout/{name}.xlsx"));
        std::fs::copy(draft, w.path("in/事務局_評価コメント案.xlsx")).unwrap();
        let plan = corpus.join("kitahama/plan.toml");
        let args = ["check", "--plan", plan.to_str().unwrap(), "--year", "令和7"];
        let out = w.run(
            &[&args[..], &["--select", "K004", "--format", "json", "in"]].concat(),
            0,
        );
        let doc = json(&out);
        let reported: Vec<String> = (doc["findings"].as_array().unwrap().iter())
            .filter(|f| f["code"] == "K004")
            .map(|f| f["cell"].as_str().unwrap().to_string())
            .collect();
        let key: serde_json::Value = serde_json::from_slice(
            &std::fs::read(corpus.join(format!("comments_heldout/{name}.json"))).unwrap(),
        )
        .unwrap();
        let mut caught = 0;
        for row in key.as_array().unwrap() {
            let cell = row["cell"].as_str().unwrap();
            let hit = reported.iter().any(|c| c == cell);
            match (row["expect_report"].as_bool().unwrap(), hit) {
                (true, true) => caught += 1,
                (false, true) => problems.push(format!("{name} {cell}: reported: {}", row["text"])),
                _ => {}
            }
        }
        if caught < *least {
            problems.push(format!(
                "{name}: caught {caught}, at least {least} expected"
            ));
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}
