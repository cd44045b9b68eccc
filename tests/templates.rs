//! `hyoka template`: the blank workbook reads back as "not yet filled", and a
//! filled one (by openpyxl, and re-saved by LibreOffice) reads back exactly as
//! filled; `--from` carries last year over.

use std::io::Read;

use hyoka::model::year::FiscalYear;
use serde_json::Value;

use crate::util::{Workdir, fixture, json};

#[test]
fn an_untouched_template_is_only_not_yet_filled() {
    let w = Workdir::new();
    w.run(
        &[
            "template",
            "--dept",
            "財政課",
            "--year",
            "令和6",
            "-o",
            "t.xlsx",
        ],
        0,
    );
    let out = w.run(
        &[
            "check", "t.xlsx", "--year", "令和6", "--ignore", "P003", "--format", "json",
        ],
        1,
    );
    let doc = json(&out);
    let codes: std::collections::BTreeSet<&str> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        codes.into_iter().collect::<Vec<_>>(),
        ["G003", "S005"],
        "only what is not yet filled: empty grades (G003) and empty blocks (S005)"
    );
    // Protection and dropdowns are in the file.
    let mut z = zip::ZipArchive::new(std::fs::File::open(w.path("t.xlsx")).unwrap()).unwrap();
    let mut xml = String::new();
    z.by_name("xl/worksheets/sheet1.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    assert!(xml.contains("<sheetProtection"), "labels locked");
    assert!(
        xml.contains("<dataValidation") && xml.contains("\"A,B,C,—\""),
        "grade dropdown"
    );
}

fn read(path: &std::path::Path) -> hyoka::model::sheet::Workbook {
    let s =
        hyoka::read::read_submission(path, path.display().to_string().into(), Default::default());
    s.result
        .unwrap_or_else(|e| panic!("{}: {:?}", path.display(), e.reason))
}

#[test]
fn a_filled_template_reads_back_as_filled() {
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("template/expected.json")).unwrap())
            .unwrap();
    for file in ["template/filled_openpyxl.xlsx", "template/filled_lo.xlsx"] {
        let wb = read(&fixture(file));
        for (sheet, e) in expected.as_object().unwrap() {
            let s = wb
                .eval_sheets
                .iter()
                .find(|s| &*s.sheet == sheet.as_str())
                .unwrap();
            let years = [FiscalYear(2022), FiscalYear(2023), FiscalYear(2024)];
            let item: Vec<String> = years
                .iter()
                .map(|y| s.item_grades.as_ref().unwrap().raw(*y).unwrap().to_string())
                .collect();
            assert_eq!(serde_json::json!(item), e["item_grades"], "{file} {sheet}");
            for (p, a) in s.projects.iter().zip(e["actions"].as_array().unwrap()) {
                let g: Vec<String> = years
                    .iter()
                    .map(|y| p.grades.as_ref().unwrap().raw(*y).unwrap().to_string())
                    .collect();
                assert_eq!(serde_json::json!(g), a["grades"], "{file} {sheet}");
                assert_eq!(p.measures[0].name.value, a["measure"].as_str().unwrap());
                let r6 = p.measures[0]
                    .panels
                    .iter()
                    .find(|pa| pa.year == Some(years[2]) && !pa.header.value.contains("成果"))
                    .unwrap();
                assert_eq!(
                    r6.text.value.text(),
                    a["text"].as_str().unwrap(),
                    "{file} {sheet}"
                );
            }
        }
    }
}

#[test]
fn from_carries_last_year_over() {
    let w = Workdir::new();
    let last = fixture("template/filled_openpyxl.xlsx");
    w.run(
        &[
            "template",
            "--dept",
            "財政課",
            "--year",
            "令和7",
            "--from",
            last.to_str().unwrap(),
            "-o",
            "r7.xlsx",
        ],
        0,
    );
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("template/expected.json")).unwrap())
            .unwrap();
    let wb = read(&w.path("r7.xlsx"));
    let s = wb
        .eval_sheets
        .iter()
        .find(|s| &*s.sheet == "3-(4)")
        .unwrap();
    let a = &expected["3-(4)"]["actions"][0];
    let p = &s.projects[0];
    assert_eq!(p.measures[0].name.value, a["measure"].as_str().unwrap());
    // Last year's 令和6年度の取組 is this year's previous-year column.
    let r6 = p.measures[0]
        .panels
        .iter()
        .find(|pa| pa.year == Some(FiscalYear(2024)))
        .unwrap();
    assert_eq!(r6.text.value.text(), a["text"].as_str().unwrap());
    let g: Vec<String> = [2022, 2023, 2024]
        .iter()
        .map(|y| {
            p.grades
                .as_ref()
                .unwrap()
                .raw(FiscalYear(*y))
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(serde_json::json!(g), a["grades"]);
    // 令和7年度 itself is left to fill; 令和8年度 is — and locked.
    let gr = p.grades.as_ref().unwrap();
    assert_eq!(gr.raw(FiscalYear(2025)).unwrap(), "");
    assert_eq!(gr.raw(FiscalYear(2026)).unwrap(), "—");
}

/// The template and the reader share the form's words: a plan that renames
/// labels and panel headers gets a template written in its words, which reads
/// back whole with that plan, and not with the standard form.
#[test]
fn a_form_with_other_words_round_trips() {
    let w = Workdir::new();
    let plan = std::fs::read_to_string(fixture("plan/minami.toml")).unwrap()
        + "\n[form.labels]\nproject = [\"主要施策\"]\naction_grade = [\"施策評価\"]\n\
           [form.panels]\nresult = [\"実績・効果\"]\n[form.targets]\nsheet = \"目標値\"\n";
    std::fs::write(w.path("other.toml"), plan).unwrap();
    w.run(
        &[
            "template",
            "--dept",
            "財務課",
            "--year",
            "令和8",
            "--plan",
            "other.toml",
            "-o",
            "t.xlsx",
        ],
        0,
    );
    let bytes = std::fs::read(w.path("t.xlsx")).unwrap();
    let other = hyoka::model::plan::Plan::from_toml(
        &std::fs::read_to_string(w.path("other.toml")).unwrap(),
    )
    .unwrap();
    let read_with = |form: &hyoka::model::form::Form| {
        hyoka::read::read_bytes(bytes.clone(), &"t.xlsx".into(), form).unwrap()
    };
    let wb = read_with(&other.form);
    assert_eq!(
        wb.sheets.iter().map(|s| &*s.name).collect::<Vec<_>>(),
        ["2-(1)", "目標値"]
    );
    let s = &wb.eval_sheets[0];
    assert_eq!(s.projects.len(), 2, "主要施策 opens each of the two blocks");
    assert!(s.projects[1].relisted, "the （再掲） marker reads back");
    let p = &s.projects[0];
    assert!(p.grades.is_some(), "施策評価 is the grade row");
    // The panel headers are written in the plan's words (their texts are
    // still empty, so the sheet holds no panels yet).
    let raw = hyoka::read::workbook::open_bytes(bytes.clone(), &"t.xlsx".into()).unwrap();
    let headers: Vec<_> = raw[0]
        .grid
        .cells()
        .filter_map(|(_, _, v)| other.form.panel_header(v.as_text()?))
        .collect();
    assert!(
        headers.contains(&(FiscalYear(2026), hyoka::model::form::PanelKind::Result)),
        "{headers:?}"
    );
    assert_eq!(wb.targets.len(), 1, "the 数値目標 sheet under its own name");
    // The standard words do not find the renamed blocks.
    let std = read_with(hyoka::model::form::Form::standard());
    assert!(
        std.eval_sheets[0]
            .projects
            .iter()
            .all(|p| p.grades.is_none())
    );
}
