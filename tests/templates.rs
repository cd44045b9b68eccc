//! `hyoka template`: the blank workbook reads back as "not yet filled", and a
//! filled one (by openpyxl, and re-saved by LibreOffice) reads back exactly as
//! filled; `--from` carries last year over.

use std::io::Read;

use hyoka::model::year::FiscalYear;
use serde_json::Value;

use crate::util::{Workdir, fixture, json, read_sheet};

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
    template_from(&w, &fixture("template/filled_openpyxl.xlsx"), "r7.xlsx");
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

/// The text of one part of an xlsx file.
fn part(path: &std::path::Path, name: &str) -> String {
    let mut z = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut xml = String::new();
    z.by_name(name).unwrap().read_to_string(&mut xml).unwrap();
    xml
}

fn template_from_samples(w: &Workdir, out: &str) {
    template_from(w, &crate::util::samples().join("財政課_令和6年度.ods"), out);
}

/// 財政課's 令和7 template carried over from `last`.
fn template_from(w: &Workdir, last: &std::path::Path, out: &str) {
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
            out,
        ],
        0,
    );
}

/// `--from` carries every past year's item grade and 個別評価 and the
/// 数値目標 values; 令和7年度 is left empty to fill.
#[test]
fn from_carries_all_grades_and_target_values() {
    let w = Workdir::new();
    template_from_samples(&w, "r7.xlsx");
    let last = read(&crate::util::samples().join("財政課_令和6年度.ods"));
    let new = read(&w.path("r7.xlsx"));
    let past = [2022, 2023, 2024].map(FiscalYear);
    let r7 = FiscalYear(2025);
    let raws = |g: Option<&hyoka::model::sheet::GradeRow>, years: &[FiscalYear]| -> Vec<String> {
        let g = g.expect("a grade row");
        years
            .iter()
            .map(|y| g.raw(*y).unwrap_or("?").to_string())
            .collect()
    };
    assert_eq!(new.eval_sheets.len(), 2);
    for s in &new.eval_sheets {
        let old = last
            .eval_sheets
            .iter()
            .find(|o| o.item_id() == s.item_id())
            .unwrap();
        assert_eq!(
            raws(s.item_grades.as_ref(), &past),
            raws(old.item_grades.as_ref(), &past),
            "{} 評価",
            s.sheet
        );
        assert!(
            raws(old.item_grades.as_ref(), &past)
                .iter()
                .all(|g| !g.is_empty())
        );
        assert_eq!(raws(s.item_grades.as_ref(), &[r7]), [""]);
        assert_eq!(s.projects.len(), old.projects.len());
        for (p, o) in s.projects.iter().zip(&old.projects) {
            assert_eq!(
                raws(p.grades.as_ref(), &past),
                raws(o.grades.as_ref(), &past),
                "{} {} 個別評価",
                s.sheet,
                p.name
            );
            assert_eq!(raws(p.grades.as_ref(), &[r7]), [""]);
        }
    }
    // 数値目標: every 目標 and 実績 of 令和5・6年度, 令和7年度 empty.
    let rows = |wb: &hyoka::model::sheet::Workbook| {
        let mut v: Vec<(String, String, String)> = wb
            .targets
            .iter()
            .flat_map(|t| &t.rows)
            .flat_map(|r| {
                r.values.iter().map(move |(y, v)| {
                    (
                        format!("{:?} {:?}", r.action_id, r.row_kind),
                        y.to_string(),
                        v.value.text(),
                    )
                })
            })
            .filter(|(_, _, v)| !v.is_empty())
            .collect();
        v.sort();
        v
    };
    let carried = rows(&new);
    assert_eq!(carried, rows(&last));
    assert_eq!(carried.len(), 20, "{carried:?}");
    assert!(carried.iter().all(|(_, y, _)| y != "令和7年度"));
    let t = read_sheet(&w.path("r7.xlsx"), "数値目標");
    assert_eq!(
        t[0][3..6],
        ["令和5年度", "令和6年度", "令和7年度"].map(String::from)
    );
    assert_eq!(t[2][3..6], ["9249275", "9201903", ""].map(String::from));
}

/// A template made `--from` a sample says no more than the sample did: its
/// only new errors are the empty 令和7年度 grades, and the year is 令和7
/// though every grade in it is of an earlier year.
#[test]
fn a_template_from_last_year_raises_no_false_alarm() {
    let w = Workdir::new();
    template_from_samples(&w, "r7.xlsx");
    let errors = |file: &str| {
        let doc = json(&w.run(&["check", file, "--ignore", "P003", "--format", "json"], 1));
        let mut codes: Vec<String> = doc["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["severity"] == "error")
            .filter(|f| {
                !(f["code"] == "G003" && f["message"].as_str().unwrap().contains("令和7年度"))
            })
            .map(|f| f["code"].as_str().unwrap().to_string())
            .collect();
        codes.sort();
        (doc["year"].clone(), codes)
    };
    let (year, new) = errors("r7.xlsx");
    assert_eq!(year, "令和7年度");
    let (_, old) = errors(
        crate::util::samples()
            .join("財政課_令和6年度.ods")
            .to_str()
            .unwrap(),
    );
    assert_eq!(new, old, "the sample's own N001 and nothing else");
}

/// Departments may insert, delete and resize rows and format cells; the
/// labels stay locked.
#[test]
fn protection_locks_the_labels_only() {
    let w = Workdir::new();
    template_from_samples(&w, "r7.xlsx");
    for sheet in ["sheet1", "sheet3"] {
        let xml = part(&w.path("r7.xlsx"), &format!("xl/worksheets/{sheet}.xml"));
        let p = &xml[xml.find("<sheetProtection").expect("protected")..];
        let p = &p[..p.find("/>").unwrap()];
        for allowed in [
            "insertRows=\"0\"",
            "deleteRows=\"0\"",
            "formatCells=\"0\"",
            "formatColumns=\"0\"",
            "formatRows=\"0\"",
        ] {
            assert!(p.contains(allowed), "{sheet}: {allowed} in {p}");
        }
        assert!(
            !p.contains("insertColumns") && !p.contains("password"),
            "{p}"
        );
    }
    // Labels and year headers locked (the default), input cells unlocked:
    // the styles hold both kinds.
    let styles = part(&w.path("r7.xlsx"), "xl/styles.xml");
    assert!(styles.contains("<protection locked=\"0\"/>"));
}

/// A4, breaks only where a 主な事業 block (or 今後の取組方針) starts, the
/// item's first rows repeated; the 数値目標 sheet one page wide with its
/// header row repeated; page numbers in the footers.
#[test]
fn pages_break_between_blocks() {
    let w = Workdir::new();
    template_from_samples(&w, "r7.xlsx");
    let path = w.path("r7.xlsx");
    let mut breaks = 0;
    for (k, name) in [(1, "3-(4)"), (2, "3-(5)")] {
        let xml = part(&path, &format!("xl/worksheets/sheet{k}.xml"));
        assert!(xml.contains("paperSize=\"9\"") && xml.contains("orientation=\"portrait\""));
        assert!(
            !xml.contains("fitToPage"),
            "Excel ignores breaks on a fitted sheet"
        );
        assert!(xml.contains("&amp;P / &amp;N") && xml.contains("令和7年度 評価シート"));
        let rows = read_sheet(&path, name);
        for brk in xml.split("<brk id=\"").skip(1) {
            let r: usize = brk[..brk.find('"').unwrap()].parse().unwrap();
            // Break after 1-based row r: the next page starts at 0-based r.
            assert!(
                ["主な事業", "今後の取組方針"].contains(&rows[r][0].as_str()),
                "{name}: page starts at row {} with {:?}",
                r + 1,
                rows[r][0]
            );
            breaks += 1;
        }
    }
    assert!(breaks >= 2, "the samples' items do not fit on one page");
    let wb = part(&path, "xl/workbook.xml");
    assert!(wb.contains("'3-(4)'!$1:$2") && wb.contains("数値目標!$1:$1"));
    let xml = part(&path, "xl/worksheets/sheet3.xml");
    assert!(xml.contains("paperSize=\"9\"") && xml.contains("orientation=\"landscape\""));
    assert!(xml.contains("<pageSetUpPr fitToPage=\"1\"/>") && xml.contains("fitToHeight=\"0\""));
    assert!(xml.contains("令和7年度 数値目標") && xml.contains("&amp;P / &amp;N"));
}

/// A template says its year before any grade is written: `check` without
/// `--year` takes 令和7 from it and reports the empty grades, for a blank
/// template (its 成果・効果 headings, or its name when `-o` is a folder) and
/// for one carrying last year's grades.
#[test]
fn a_template_is_checked_for_its_own_year() {
    let w = Workdir::new();
    std::fs::create_dir(w.path("out")).unwrap();
    w.run(
        &[
            "template",
            "--dept",
            "財政課",
            "--year",
            "令和7",
            "-o",
            "out",
        ],
        0,
    );
    assert!(w.path("out/財政課_令和7年度.xlsx").is_file());
    w.run(
        &[
            "template",
            "--dept",
            "財政課",
            "--year",
            "令和7",
            "-o",
            "t.xlsx",
        ],
        0,
    );
    template_from_samples(&w, "from.xlsx");
    for (file, basis) in [
        ("out/財政課_令和7年度.xlsx", "file_names"),
        ("t.xlsx", "panels"),
        ("from.xlsx", "panels"),
    ] {
        let out = w.run(&["check", file, "--ignore", "P003"], 1);
        let stdout = String::from_utf8_lossy(&out.stdout);
        let last = stdout.trim_end().lines().last().unwrap();
        assert!(last.starts_with("令和7年度"), "{file}: {last}");
        assert!(
            stdout.contains("令和7年度の評価が空欄です"),
            "{file}: {stdout}"
        );
        let doc = json(&w.run(&["check", file, "--ignore", "P003", "--format", "json"], 1));
        assert_eq!(doc["year_basis"]["kind"], basis, "{file}");
        let findings = doc["findings"].as_array().unwrap();
        assert!(findings.iter().any(|f| f["code"] == "G003"));
        assert!(
            findings
                .iter()
                .all(|f| f["code"] == "G003" || f["code"] == "S005" || f["code"] == "N001"),
            "{file}: {findings:?}"
        );
    }
}
