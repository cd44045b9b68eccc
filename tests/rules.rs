//! Fixture tests per rule, the way ruff does them: `tests/fixtures/rules/<CODE>/`
//! holds `fail*.txt` (the rule must fire at exactly the cells listed) and
//! `pass*.txt` (it must not fire). Every registered rule needs both, so a rule
//! that stops working — or is removed — fails here.
//!
//! A fixture describes workbooks in text:
//!
//! ```text
//! # year: 令和6                     evaluated year (default 令和6)
//! # expect: G003 (4)基金!D12        one line per expected finding: code and
//! #                                 place (SHEET!CELL, SHEET, FILE:…, or 計画);
//! #                                 the file may be left out when there is one
//! [file 財政課.xlsx]                a workbook; `[file x.xlsx raw=TEXT]` is a
//!                                   file whose bytes are TEXT, `[file x.xlsx
//!                                   path=bad/y.xlsx]` a fixture file read as is
//! # skipped: 提出/メモ.pdf           a non-spreadsheet file of the input folder
//! [sheet (4)基金 < base/3-4.txt]    a sheet, starting from a base sheet…
//! set D12 =                         …with cells changed (empty = cleared),
//! row 5 = 担当課 | ①②財政課         rows replaced, `insert 5 = …` and `delete 5`
//! [sheet 数値目標]                  or given row by row: cells split by ` | `,
//! 取組内容 | 指標 | 区分              `\n` a line break, `#n:1.5` a number,
//!                                   `#err:#REF!` a formula error,
//!                                   `#date:2024-09-20` a date, `#bool:true`
//! ```

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Arc;

use hyoka::model::cell::CellValue;
use hyoka::model::finding::Lang;
use hyoka::model::form::Form;
use hyoka::model::plan::Plan;
use hyoka::model::sheet::Submission;
use hyoka::model::year::parse_year_arg;
use hyoka::pipeline::check_submissions;
use hyoka::read::build_workbook;
use hyoka::read::grid::Grid;
use hyoka::read::workbook::{RawSheet, open_bytes};
use hyoka::rules::registry;

use crate::util::fixture;

struct Fixture {
    year: String,
    /// Non-spreadsheet files of the input folders (`# skipped: …`).
    skipped: Vec<String>,
    expect: BTreeSet<String>,
    files: Vec<FileSpec>,
}

struct FileSpec {
    name: String,
    raw: Option<String>,
    /// A real file under tests/fixtures to read as this submission.
    path: Option<String>,
    sheets: Vec<(String, Vec<Vec<String>>)>,
}

fn cells(line: &str) -> Vec<String> {
    line.split('|')
        .map(|c| c.trim().replace("\\n", "\n"))
        .collect()
}

fn cell_ref(a1: &str) -> (usize, usize) {
    let letters: String = a1.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
    let col = letters.chars().fold(0usize, |n, c| {
        n * 26 + (c.to_ascii_uppercase() as usize - 'A' as usize + 1)
    }) - 1;
    let row: usize = a1[letters.len()..].parse().expect("row number");
    (row - 1, col)
}

fn parse(path: &Path) -> Fixture {
    let text = std::fs::read_to_string(path).unwrap();
    let mut fx = Fixture {
        year: "令和6".into(),
        skipped: Vec::new(),
        expect: BTreeSet::new(),
        files: Vec::new(),
    };
    for line in text.lines() {
        let sheet = fx.files.last_mut().and_then(|f| f.sheets.last_mut());
        if let Some(rest) = line.strip_prefix("# year:") {
            fx.year = rest.trim().into();
        } else if let Some(rest) = line.strip_prefix("# skipped:") {
            fx.skipped.push(rest.trim().to_string());
        } else if let Some(rest) = line.strip_prefix("# expect:") {
            if rest.trim() != "none" {
                fx.expect.insert(rest.trim().to_string());
            }
        } else if line.starts_with('#') {
        } else if let Some(rest) = line
            .strip_prefix("[file ")
            .and_then(|r| r.strip_suffix(']'))
        {
            let (name, raw, path) = if let Some((n, r)) = rest.split_once(" raw=") {
                (n.to_string(), Some(r.to_string()), None)
            } else if let Some((n, p)) = rest.split_once(" path=") {
                (n.to_string(), None, Some(p.to_string()))
            } else {
                (rest.to_string(), None, None)
            };
            fx.files.push(FileSpec {
                name,
                raw,
                path,
                sheets: Vec::new(),
            });
        } else if let Some(rest) = line
            .strip_prefix("[sheet ")
            .and_then(|r| r.strip_suffix(']'))
        {
            let (name, rows) = match rest.split_once(" < ") {
                Some((n, base)) => {
                    let base = std::fs::read_to_string(fixture(&format!("rules/{base}"))).unwrap();
                    let rows = base
                        .lines()
                        .filter(|l| !l.starts_with('#'))
                        .map(cells)
                        .collect();
                    (n.to_string(), rows)
                }
                None => (rest.to_string(), Vec::new()),
            };
            fx.files
                .last_mut()
                .expect("[file] first")
                .sheets
                .push((name, rows));
        } else if let Some(sheet) = sheet {
            let rows = &mut sheet.1;
            if let Some(rest) = line.strip_prefix("set ") {
                let (a1, v) = rest.split_once('=').expect("set A1 = value");
                let (r, c) = cell_ref(a1.trim());
                while rows.len() <= r {
                    rows.push(Vec::new());
                }
                while rows[r].len() <= c {
                    rows[r].push(String::new());
                }
                rows[r][c] = v.trim().replace("\\n", "\n");
            } else if let Some(rest) = line.strip_prefix("row ") {
                let (n, v) = rest.split_once('=').unwrap();
                rows[n.trim().parse::<usize>().unwrap() - 1] = cells(v.trim_start());
            } else if let Some(rest) = line.strip_prefix("insert ") {
                let (n, v) = rest.split_once('=').unwrap();
                rows.insert(
                    n.trim().parse::<usize>().unwrap() - 1,
                    cells(v.trim_start()),
                );
            } else if let Some(rest) = line.strip_prefix("delete ") {
                rows.remove(rest.trim().parse::<usize>().unwrap() - 1);
            } else if line.trim().is_empty() {
                rows.push(Vec::new());
            } else {
                rows.push(cells(line));
            }
        }
    }
    fx
}

fn value(s: &str) -> CellValue {
    if s.is_empty() {
        CellValue::Empty
    } else if let Some(n) = s.strip_prefix("#n:") {
        CellValue::Number(n.parse().expect("number"))
    } else if let Some(e) = s.strip_prefix("#err:") {
        CellValue::Error(e.into())
    } else if let Some(d) = s.strip_prefix("#date:") {
        CellValue::Date(d.into())
    } else if let Some(b) = s.strip_prefix("#bool:") {
        CellValue::Bool(b == "true")
    } else {
        CellValue::Text(s.into())
    }
}

fn submissions(fx: &Fixture) -> Vec<Submission> {
    fx.files
        .iter()
        .map(|f| {
            let shown: Arc<str> = f.name.as_str().into();
            if let Some(p) = &f.path {
                return hyoka::read::read_submission(&fixture(p), shown, Default::default());
            }
            let result = match &f.raw {
                Some(raw) => open_bytes(raw.as_bytes().to_vec(), &shown)
                    .map(|raw| build_workbook(raw, Form::standard())),
                None => Ok(build_workbook(
                    f.sheets
                        .iter()
                        .map(|(name, rows)| {
                            let rows = rows
                                .iter()
                                .map(|r| r.iter().map(|c| value(c)).collect())
                                .collect();
                            RawSheet::new(Grid::from_rows(&f.name, name, rows), false)
                        })
                        .collect(),
                    Form::standard(),
                )),
            };
            Submission {
                path: shown,
                result,
            }
        })
        .collect()
}

/// Runs one rule on one fixture; the places it reported, as `code place`,
/// and the findings it reported more than once (same place and message:
/// expectations are sets, so a repeat would pass unseen).
fn run(code: &str, path: &Path) -> (Fixture, BTreeSet<String>, Vec<String>) {
    let fx = parse(path);
    let plan = Plan::embedded();
    let year = parse_year_arg(&fx.year).expect("fixture year");
    let rule = registry::all()
        .iter()
        .find(|r| r.code == code)
        .unwrap_or_else(|| panic!("no rule {code} in the registry"));
    let subs = submissions(&fx);
    let skipped = fx.skipped.clone();
    let (_, findings) = check_submissions(
        &plan,
        Some(year),
        &[rule],
        &Default::default(),
        subs,
        skipped,
    )
    .expect("checked");
    // With one file, places are written without it.
    let prefix = match fx.files.as_slice() {
        [only] => format!("{}:", only.name),
        _ => String::new(),
    };
    let mut seen = BTreeSet::new();
    let repeated = findings
        .iter()
        .map(|f| format!("{} {} {}", f.code, f.at, f.message(Lang::Ja)))
        .filter(|k| !seen.insert(k.clone()))
        .collect();
    let got = findings
        .iter()
        .map(|f| {
            let at = f.at.to_string();
            let at = match at.strip_prefix(&prefix) {
                Some(rest) if !prefix.is_empty() => rest.to_string(),
                _ => at,
            };
            format!("{} {}", f.code, at)
        })
        .collect();
    (fx, got, repeated)
}

#[test]
fn every_rule_fires_on_its_failing_fixtures_and_only_there() {
    let dir = fixture("rules");
    let mut problems = Vec::new();
    for r in registry::all() {
        let code = r.code;
        let mut fails = 0;
        let mut passes = 0;
        let rule_dir = dir.join(code);
        let entries = std::fs::read_dir(&rule_dir)
            .map(|d| d.map(|e| e.unwrap().path()).collect::<Vec<_>>())
            .unwrap_or_default();
        for path in entries {
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            let (fx, got, repeated) = run(code, &path);
            if !repeated.is_empty() {
                problems.push(format!(
                    "{code}/{name}: reported more than once: {repeated:?}"
                ));
            }
            if name.starts_with("fail") {
                fails += 1;
                if fx.expect.is_empty() {
                    problems.push(format!(
                        "{code}/{name}: a failing fixture must list `# expect:` lines"
                    ));
                }
                if got != fx.expect {
                    problems.push(format!(
                        "{code}/{name}: expected {:?}, got {:?}",
                        fx.expect, got
                    ));
                }
            } else if name.starts_with("pass") {
                passes += 1;
                if !got.is_empty() {
                    problems.push(format!("{code}/{name}: expected no finding, got {got:?}"));
                }
            }
        }
        if fails == 0 || passes == 0 {
            problems.push(format!(
                "{code}: needs fail*.txt and pass*.txt in tests/fixtures/rules/{code}/"
            ));
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn base_sheets_are_clean() {
    // The bases every fixture edits must give no error or warning, except for
    // coverage (P003: one sheet alone leaves the other items unsubmitted;
    // S012: nor has it the 数値目標 sheet).
    for base in ["3-4", "2-2", "2-3"] {
        let path =
            std::env::temp_dir().join(format!("hyoka-base-{base}-{}.txt", std::process::id()));
        std::fs::write(
            &path,
            format!("[file base.xlsx]\n[sheet S < base/{base}.txt]\n"),
        )
        .unwrap();
        // S012 as P003: a sheet alone has no 数値目標 sheet beside it.
        for r in registry::all()
            .iter()
            .filter(|r| r.code != "P003" && r.code != "S012")
        {
            if r.severity == hyoka::model::finding::Severity::Info {
                continue; // 2-(3) keeps the report's tie (G011)
            }
            let (_, got, _) = run(r.code, &path);
            assert!(got.is_empty(), "base {base}: {got:?}");
        }
        std::fs::remove_file(&path).ok();
    }
}

#[test]
fn cell_refs() {
    assert_eq!(cell_ref("A1"), (0, 0));
    assert_eq!(cell_ref("D12"), (11, 3));
    assert_eq!(cell_ref("AA3"), (2, 26));
}

/// Every rule file is registered: a file under `src/rules/<group>/` whose
/// line in the group's `rules!` list is missing would never run.
#[test]
fn every_rule_file_is_registered() {
    let sources: BTreeSet<&str> = registry::all().iter().map(|r| r.source).collect();
    let rules = crate::util::root().join("src/rules");
    let mut files = 0;
    for group in std::fs::read_dir(&rules).unwrap() {
        let group = group.unwrap().path();
        if !group.is_dir() {
            continue;
        }
        for f in std::fs::read_dir(&group).unwrap() {
            let f = f.unwrap().path();
            if f.file_name().is_some_and(|n| n == "mod.rs") {
                continue;
            }
            let text = std::fs::read_to_string(&f).unwrap();
            if text.contains("impl Rule for") {
                files += 1;
                assert!(
                    sources.contains(text.as_str()),
                    "{} is not registered",
                    f.display()
                );
            }
        }
    }
    assert_eq!(files, registry::all().len());
}
