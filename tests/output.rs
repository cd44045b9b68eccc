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
    let inputs = w.path("提出");
    std::fs::create_dir(&inputs).unwrap();
    crate::util::copy_samples(&inputs);
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
    // Only warnings (G002 full-width grades, N011 dates) once coverage is ignored.
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
