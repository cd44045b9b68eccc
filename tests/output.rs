//! The consolidated workbook as a file: its sheets, hyperlinks to the source
//! cells, charts, text that looks like a formula kept inert, and safe writing.

use std::io::Read;

use calamine::{Data, Reader, open_workbook_auto};

use crate::util::{Workdir, fixture, samples};

/// A part of the xlsx package as text.
fn part(path: &std::path::Path, name: &str) -> Option<String> {
    let mut z = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut s = String::new();
    z.by_name(name).ok()?.read_to_string(&mut s).unwrap();
    Some(s)
}

fn names(path: &std::path::Path) -> Vec<String> {
    let z = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    z.file_names()
        .filter_map(|n| n.ok())
        .map(String::from)
        .collect()
}

#[test]
fn sheets_links_and_charts() {
    let w = Workdir::new();
    // Inputs beside an output folder, as the office would lay them out.
    w.submissions();
    std::fs::create_dir(w.path("結果")).unwrap();
    w.run(&["consolidate", "提出", "-o", "結果/集約.xlsx"], 1);
    let out = w.path("結果/集約.xlsx");
    let wb = open_workbook_auto(&out).unwrap();
    assert_eq!(
        wb.sheet_names(),
        ["評価一覧", "集計", "数値目標", "エラー報告", "提出状況"]
    );

    // Hyperlinks: relative to the output folder, anchored at sheet and cell.
    let rels = part(&out, "xl/worksheets/_rels/sheet1.xml.rels").expect("評価一覧 has links");
    assert!(
        rels.contains(r#"Target="../%E6%8F%90%E5%87%BA/"#) || rels.contains(r#"Target="../提出/"#),
        "{rels}"
    );
    assert!(rels.contains(r#"TargetMode="External""#));
    let sheet1 = part(&out, "xl/worksheets/sheet1.xml").unwrap();
    let hyperlinks = sheet1.matches("<hyperlink ").count();
    assert_eq!(hyperlinks, 52, "one link per action row");
    assert!(
        sheet1.contains(r#"location="'(4)基金'!D"#),
        "anchored at the grade cell"
    );
    let findings = part(&out, "xl/worksheets/sheet4.xml").unwrap();
    assert!(
        findings.contains(r#"location="'数値目標'!D5""#),
        "the N001 finding links to its cell"
    );
    let rels4 = part(&out, "xl/worksheets/_rels/sheet4.xml.rels").unwrap();
    assert!(
        rels4.contains("財政課_令和6年度.ods") || rels4.contains("%E8%B2%A1%E6%94%BF"),
        "{rels4}"
    );

    // Charts on 集計.
    let charts = names(&out)
        .into_iter()
        .filter(|n| n.starts_with("xl/charts/chart"))
        .count();
    assert_eq!(charts, 2);
    let drawing_rels = part(&out, "xl/worksheets/_rels/sheet2.xml.rels").unwrap();
    assert!(drawing_rels.contains("drawing"));
}

/// `%XX` sequences back to bytes, and the XML entities of an attribute.
fn decode_target(t: &str) -> String {
    let t = t
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&apos;", "'")
        .replace("&amp;", "&");
    let b = t.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            let hex = std::str::from_utf8(&b[i + 1..i + 3]).unwrap();
            out.push(u8::from_str_radix(hex, 16).unwrap());
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

/// Every hyperlink to a submitted file leads to it, whatever its folder and
/// file are named: `#` (which the writer would take for the anchor), `?`
/// (a query in a URI), a literal `%` and `%20`, spaces, a newline. Each
/// link's target, decoded and resolved from the output's folder, is the
/// file it was made for.
#[test]
fn every_link_resolves_to_its_file() {
    let w = Workdir::new();
    let paths = [
        "提出#2/生活コミュニティ課#1.xlsx",
        "質問?/生活コミュニティ課?.xlsx",
        "100%/x%20y.xlsx",
        "空 白/改行\nあり.xlsx",
        "普通/生活コミュニティ課.xlsx",
    ];
    let mut inputs = std::collections::BTreeSet::new();
    for n in paths {
        let p = w.path(&format!("提出/{n}"));
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::copy(samples().join("生活コミュニティ課_令和6年度.xlsx"), &p).unwrap();
        inputs.insert(p.canonicalize().unwrap());
    }
    std::fs::create_dir(w.path("結果")).unwrap();
    w.command(&[
        "consolidate",
        "提出",
        "-o",
        "結果/集約.xlsx",
        "-q",
        "--year",
        "令和6",
    ])
    .output()
    .unwrap();
    let out = w.path("結果/集約.xlsx");
    let mut reached = std::collections::BTreeSet::new();
    let mut links = 0;
    for name in names(&out).into_iter().filter(|n| n.ends_with(".xml.rels")) {
        let rels = part(&out, &name).unwrap();
        for rel in rels.split("<Relationship ").skip(1) {
            if !rel.contains("TargetMode=\"External\"") {
                continue;
            }
            let target = &rel[rel.find("Target=\"").unwrap() + 8..];
            let target = &target[..target.find('"').unwrap()];
            let path = w.path("結果").join(decode_target(target));
            let file = path
                .canonicalize()
                .unwrap_or_else(|e| panic!("{target} → {}: {e}", path.display()));
            assert!(
                inputs.contains(&file),
                "{target} leads to {}",
                file.display()
            );
            reached.insert(file);
            links += 1;
        }
    }
    assert_eq!(reached, inputs, "every input is linked");
    assert!(links >= inputs.len());
    // The anchors are there too.
    let sheet1 = part(&out, "xl/worksheets/sheet1.xml").unwrap();
    assert!(
        sheet1.contains("location=\"'(1)地域コミュニティ'!"),
        "anchored"
    );
}

#[test]
fn text_that_looks_like_a_formula_stays_text() {
    let w = Workdir::new();
    std::fs::copy(fixture("formula_text.xlsx"), w.path("in.xlsx")).unwrap();
    w.run(
        &[
            "consolidate",
            "in.xlsx",
            "-o",
            "out.xlsx",
            "--year",
            "令和6",
        ],
        1,
    );
    let out = w.path("out.xlsx");
    for n in names(&out)
        .into_iter()
        .filter(|n| n.starts_with("xl/worksheets/sheet"))
    {
        let xml = part(&out, &n).unwrap();
        assert!(!xml.contains("<f>"), "{n} holds a formula");
    }
    let mut wb = open_workbook_auto(&out).unwrap();
    let r = wb.worksheet_range("エラー報告").unwrap();
    let found: Vec<&Data> = r.rows().map(|row| &row[7]).collect();
    assert!(
        found
            .iter()
            .any(|d| matches!(d, Data::String(s) if s == "=1+1")),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|d| matches!(d, Data::String(s) if s == "@SUM(A1)")),
        "{found:?}"
    );
}

#[test]
fn an_unwritable_target_is_a_tool_error_and_the_old_file_stays() {
    let w = Workdir::new();
    std::fs::copy(samples().join("納税課_令和6年度.xlsx"), w.path("in.xlsx")).unwrap();
    // A folder where the workbook should go: it cannot be replaced.
    std::fs::create_dir(w.path("out.xlsx")).unwrap();
    let o = w.run(
        &[
            "consolidate",
            "in.xlsx",
            "-o",
            "out.xlsx",
            "--ignore",
            "P003",
        ],
        2,
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("out.xlsx"), "names the target: {err}");
    assert!(w.path("out.xlsx").is_dir(), "left as it was");
    // No stray temporary file.
    let left: Vec<_> = std::fs::read_dir(w.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left.len(), 2, "{left:?}");
    // A folder that does not exist.
    w.run(
        &[
            "consolidate",
            "in.xlsx",
            "-o",
            "no/such/dir/out.xlsx",
            "--ignore",
            "P003",
        ],
        2,
    );
}

#[test]
fn fail_on_warning() {
    let w = Workdir::new();
    std::fs::copy(
        samples().join("情報システム課_令和6年度.xlsx"),
        w.path("in.xlsx"),
    )
    .unwrap();
    // Only warnings (N011 dates) and information (G002 full-width grades)
    // once coverage is ignored.
    w.run(&["check", "in.xlsx", "--ignore", "P003"], 0);
    w.run(
        &[
            "check",
            "in.xlsx",
            "--ignore",
            "P003",
            "--fail-on",
            "warning",
        ],
        1,
    );
}

#[test]
fn output_paths_are_checked_first_and_explained_in_japanese() {
    let w = Workdir::new();
    std::fs::copy(samples().join("納税課_令和6年度.xlsx"), w.path("in.xlsx")).unwrap();
    let base = ["consolidate", "in.xlsx", "--ignore", "P003", "-q"];
    fn with<'a>(base: &[&'a str], more: &[&'a str]) -> Vec<&'a str> {
        [base, more].concat()
    }
    let with = |more: &[&'static str]| with(&base, more);
    // A folder that does not exist: named, in Japanese, without the
    // temporary file's name or the operating system's English.
    let o = w.run(&with(&["-o", "nodir/集約.xlsx"]), 2);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("出力先のフォルダ nodir がありません"), "{err}");
    assert!(
        !err.contains(".hyoka-") && !err.contains("os error"),
        "{err}"
    );
    assert!(
        !err.contains("Excel"),
        "no Excel hint for a missing folder: {err}"
    );
    assert!(
        o.stdout.is_empty(),
        "nothing read before the path was refused"
    );
    // The same in English with --lang en.
    let o = w.run(&with(&["-o", "nodir/集約.xlsx", "--lang", "en"]), 2);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("output folder nodir does not exist"), "{err}");
    // `-o 集約` writes 集約.xlsx.
    w.run(&with(&["-o", "集約"]), 0);
    assert!(w.path("集約.xlsx").is_file());
    assert!(!w.path("集約").exists());
    // Another kind of file is refused, nothing written.
    let o = w.run(&with(&["-o", "集約.xls"]), 2);
    assert!(String::from_utf8_lossy(&o.stderr).contains(".xlsx"));
    assert!(!w.path("集約.xls").exists());
    // --json onto the workbook's own path would lose one of them.
    let o = w.run(&with(&["-o", "b.xlsx", "--json", "./b.xlsx"]), 2);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("同じファイル"), "{err}");
    assert!(!w.path("b.xlsx").exists());
}

#[test]
fn own_outputs_in_the_submissions_folder_are_passed_over_and_replaced() {
    let w = Workdir::new();
    w.submissions();
    // The guide's loop: the consolidated workbook kept with the submissions.
    let first = w.run(
        &[
            "consolidate",
            "提出",
            "-o",
            "提出/集約.xlsx",
            "--json",
            "提出/点検.json",
        ],
        1,
    );
    let out = w.path("提出/集約.xlsx");
    let props = part(&out, "docProps/custom.xml").expect("custom properties");
    assert!(
        props.contains("hyoka-output") && props.contains("集約ブック"),
        "{props}"
    );
    let before = std::fs::metadata(&out).unwrap().modified().unwrap();
    // Run again: the old output is no submission, and it is replaced.
    let second = w.run(
        &[
            "consolidate",
            "提出",
            "-o",
            "提出/集約.xlsx",
            "--json",
            "提出/点検.json",
        ],
        1,
    );
    let after = std::fs::metadata(&out).unwrap().modified().unwrap();
    assert!(after >= before);
    let stdout = String::from_utf8_lossy(&second.stdout);
    // The workbook and the 修正依頼 folder beside it (one per department).
    let requests = std::fs::read_dir(w.path("提出/集約_修正依頼"))
        .unwrap()
        .count();
    assert!(requests > 5);
    assert!(
        stdout.contains(&format!(
            "hyoka の出力{}件（提出/集約.xlsx ほか）は読み飛ばしました",
            requests + 1
        )),
        "{stdout}"
    );
    assert!(!stdout.contains("集約.xlsx: error"), "{stdout}");
    let count = |o: &std::process::Output| {
        let s = String::from_utf8_lossy(&o.stdout).to_string();
        s.lines()
            .last()
            .unwrap()
            .split_once('—')
            .unwrap()
            .1
            .to_string()
    };
    assert_eq!(count(&first), count(&second), "the same findings");
    // check passes over it too, and says so in JSON.
    let o = w.run(&["check", "提出", "--format", "json"], 1);
    let j = crate::util::json(&o);
    let over = j["passed_over"].as_array().unwrap();
    assert_eq!(over.len(), requests + 1, "{over:?}");
    let kinds: Vec<&str> = over.iter().map(|o| o["output"].as_str().unwrap()).collect();
    assert_eq!(
        kinds.iter().filter(|k| **k == "集約ブック").count(),
        1,
        "{kinds:?}"
    );
    assert_eq!(
        kinds.iter().filter(|k| **k == "修正依頼").count(),
        requests,
        "{kinds:?}"
    );
    assert!(
        j["files"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| !f["path"].as_str().unwrap().ends_with("集約.xlsx"))
    );
    // A department's workbook that merely has custom properties is read.
    let realworld = crate::util::root().join("../shared/realworld");
    let with_custom = std::fs::read_dir(&realworld)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .find(|p| {
            p.extension().is_some_and(|e| e == "xlsx")
                && std::fs::File::open(p)
                    .ok()
                    .and_then(|f| zip::ZipArchive::new(f).ok())
                    .is_some_and(|mut z| z.by_name("docProps/custom.xml").is_ok())
        });
    let p = with_custom.expect("a real workbook with custom properties in ../shared/realworld");
    let o = w
        .command(&[
            "check",
            p.to_str().unwrap(),
            "--format",
            "json",
            "--year",
            "令和6",
        ])
        .output()
        .unwrap();
    let j = crate::util::json(&o);
    assert_eq!(
        j["passed_over"].as_array().unwrap().len(),
        0,
        "{}",
        p.display()
    );
    assert_eq!(j["files"].as_array().unwrap().len(), 1);
}

/// The 数値目標 sheet read back by openpyxl-independent calamine: numbers, and
/// a doubted figure shown as 要確認 with the achievement under the fix.
#[test]
fn a_doubted_target_figure_is_not_shown_as_a_result() {
    let w = Workdir::new();
    w.run(
        &[
            "consolidate",
            samples().to_str().unwrap(),
            "-o",
            "集約.xlsx",
        ],
        1,
    );
    let out = w.path("集約.xlsx");
    let mut wb = open_workbook_auto(&out).unwrap();
    let range = wb.worksheet_range("数値目標").unwrap();
    let rows: Vec<&[Data]> = range.rows().collect();
    let header: Vec<String> = rows[0].iter().map(|d| d.to_string()).collect();
    let col = |h: &str| header.iter().position(|x| x.starts_with(h)).unwrap();
    let (actual, verdict, gap, note, fixed, fixed_met) = (
        col("実績"),
        col("達成"),
        col("差"),
        col("点検"),
        col("修正案の実績"),
        col("修正案での"),
    );
    // Every 実績 is a number, not text.
    for r in &rows[1..] {
        assert!(matches!(r[actual], Data::Float(_) | Data::Int(_)), "{r:?}");
    }
    // The 8,447,029円 typed in a 千円 column (N001).
    let slip = rows[1..]
        .iter()
        .find(|r| r[note].to_string().contains("N001"))
        .expect("the N001 row");
    assert_eq!(slip[note].to_string(), "要確認（N001）");
    assert_eq!(slip[verdict].to_string(), "要確認");
    assert_eq!(slip[gap], Data::Empty, "no gap from a doubted figure");
    assert_eq!(calamine::DataType::as_f64(&slip[fixed]), Some(8_447_029.0));
    assert_eq!(slip[fixed_met].to_string(), "達成");
    // Rows without a finding keep their verdict and gap.
    let clean = rows[1..]
        .iter()
        .find(|r| r[note] == Data::Empty && r[verdict] == Data::String("未達成".into()))
        .expect("an unmet clean row");
    assert!(calamine::DataType::as_f64(&clean[gap]).is_some());
    // The note links into エラー報告, at the N001 row.
    let sheet = part(&out, "xl/worksheets/sheet3.xml").unwrap();
    let at = sheet
        .split("location=\"'エラー報告'!A")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .and_then(|n| n.parse::<usize>().ok())
        .expect("a link into エラー報告");
    let findings = wb.worksheet_range("エラー報告").unwrap();
    let code = findings.get((at - 1, 1)).unwrap().to_string();
    assert_eq!(code, "N001");
}
