//! The loop the planning office runs with the departments: check, send the
//! corrections back, take the resubmissions in, check again.

use calamine::{Reader, open_workbook_auto};

use crate::util::{Workdir, copy_samples, fixture, json};

/// The G013 findings as (file name, cell, message).
fn conflicts(j: &serde_json::Value) -> Vec<(String, String, String)> {
    let name = |p: &str| p.rsplit('/').next().unwrap().to_string();
    j["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "G013")
        .map(|f| {
            (
                name(f["file"].as_str().unwrap()),
                f["cell"].as_str().unwrap_or_default().to_string(),
                f["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn a_resubmission_is_consolidated_in_place_of_the_old_file() {
    let w = Workdir::new();
    let inputs = w.path("提出");
    std::fs::create_dir(&inputs).unwrap();
    copy_samples(&inputs);
    // 納税課 corrected 3-(1) ② 令和6年度 from A to B and sent the file again;
    // the old one is still in the folder (and sorts first by name).
    std::fs::copy(
        fixture("resubmission/納税課_令和6年度_修正.xlsx"),
        inputs.join("納税課_令和6年度_修正.xlsx"),
    )
    .unwrap();
    let o = w.run(&["check", "提出", "--format", "json"], 1);
    let found = conflicts(&json(&o));
    assert_eq!(found.len(), 2, "reported at both cells: {found:?}");
    let old = found
        .iter()
        .find(|f| f.0 == "納税課_令和6年度.xlsx")
        .unwrap();
    let new = found
        .iter()
        .find(|f| f.0 == "納税課_令和6年度_修正.xlsx")
        .unwrap();
    assert_eq!((old.1.as_str(), new.1.as_str()), ("D24", "D24"));
    assert!(
        old.2.contains("新しい提出") && old.2.contains("フォルダから外して"),
        "{old:?}"
    );
    assert!(
        new.2.contains("古い提出") && new.2.contains("「A」でした"),
        "{new:?}"
    );
    let j = json(&o);
    let mut g013 = j["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "G013");
    assert!(
        g013.all(|f| f["expected"].is_null()),
        "no 正しい値 is claimed"
    );

    // The consolidated workbook takes the resubmission's grade.
    w.run(&["consolidate", "提出", "-o", "集約.xlsx", "-q"], 1);
    let mut wb = open_workbook_auto(w.path("集約.xlsx")).unwrap();
    let list = wb.worksheet_range("評価一覧").unwrap();
    let rows: Vec<Vec<String>> = list
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    let header = &rows[0];
    let id = header.iter().position(|h| h == "ID").unwrap();
    let r6 = header.iter().position(|h| h == "個別評価\nR6").unwrap();
    let file = header.iter().position(|h| h == "ファイル").unwrap();
    let row = rows
        .iter()
        .find(|r| r[id] == "3-(1)-②")
        .expect("3-(1)-② listed");
    assert_eq!(row[r6], "B", "{header:?}\n{row:?}");
    assert_eq!(row[file], "納税課_令和6年度_修正.xlsx");
}
