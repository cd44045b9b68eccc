//! The consolidated workbook as printed: every sheet on A4 with a scale that
//! keeps 10-point text at 8 points or more (its columns fit the pages across
//! at that scale), title and page numbers in the header and footer, and the
//! header row repeated on every page (print titles).

use std::io::Read;

use crate::util::{Workdir, samples};

/// A part of the xlsx package as text.
fn part(path: &std::path::Path, name: &str) -> String {
    let mut z = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut s = String::new();
    z.by_name(name)
        .unwrap_or_else(|_| panic!("{name} in the package"))
        .read_to_string(&mut s)
        .unwrap();
    s
}

/// The value of attribute `name` in the first `<tag …>` of `xml`.
fn attr<'x>(xml: &'x str, tag: &str, name: &str) -> Option<&'x str> {
    let start = xml.find(&format!("<{tag} "))?;
    let element = &xml[start..start + xml[start..].find('>')?];
    let key = format!(" {name}=\"");
    let at = element.find(&key)? + key.len();
    Some(&element[at..at + element[at..].find('"')?])
}

/// Pixels at 96 dpi of each column (Excel's width `w` is stored as
/// `(7w + 5) / 7`), from `<col min max width>`; `None` for a default column.
fn column_px(xml: &str) -> Vec<Option<f64>> {
    let mut px = Vec::new();
    for col in xml.split("<col ").skip(1) {
        let col = format!("<col {col}");
        let min: usize = attr(&col, "col", "min").unwrap().parse().unwrap();
        let max: usize = attr(&col, "col", "max").unwrap().parse().unwrap();
        let width: f64 = attr(&col, "col", "width").unwrap().parse().unwrap();
        px.resize(max, None);
        for c in min..=max {
            px[c - 1] = Some((width * 7.0).round());
        }
    }
    px
}

/// The vertical page breaks: the columns (0-based) starting a page across.
fn column_breaks(xml: &str) -> Vec<usize> {
    let Some(start) = xml.find("<colBreaks") else {
        return Vec::new();
    };
    let end = xml[start..].find("</colBreaks>").unwrap() + start;
    xml[start..end]
        .split("<brk ")
        .skip(1)
        .map(|b| {
            attr(&format!("<brk {b}"), "brk", "id")
                .unwrap()
                .parse()
                .unwrap()
        })
        .collect()
}

/// Column letters (`C`) to a 0-based index.
fn col_index(letters: &str) -> usize {
    letters
        .bytes()
        .fold(0, |n, b| n * 26 + (b - b'A' + 1) as usize)
        - 1
}

#[test]
fn every_sheet_prints_on_a4_at_8_points_or_more() {
    let w = Workdir::new();
    let samples = samples();
    w.run(
        &["consolidate", samples.to_str().unwrap(), "-o", "集約.xlsx"],
        1,
    );
    let out = w.path("集約.xlsx");
    let workbook = part(&out, "xl/workbook.xml");
    let sheets = ["評価一覧", "集計", "数値目標", "エラー報告", "提出状況"];
    for (i, name) in sheets.iter().enumerate() {
        let xml = part(&out, &format!("xl/worksheets/sheet{}.xml", i + 1));
        assert_eq!(
            attr(&xml, "pageSetup", "paperSize"),
            Some("9"),
            "{name}: A4"
        );
        // A scale of its own, not "fit to one page wide" (which shrank
        // 評価一覧's 20 columns to 4-point text).
        assert!(
            !xml.contains("fitToPage=\"1\""),
            "{name}: fitted to pages instead of a readable scale"
        );
        let scale: f64 = attr(&xml, "pageSetup", "scale").map_or(100.0, |s| s.parse().unwrap());
        assert!(scale >= 80.0, "{name}: printed at {scale}%, below 8 points");

        // Each page across holds its columns at that scale.
        let landscape = attr(&xml, "pageSetup", "orientation") == Some("landscape");
        let paper = if landscape { 11.69 } else { 8.27 };
        let margin = |side| -> f64 { attr(&xml, "pageMargins", side).unwrap().parse().unwrap() };
        let usable = (paper - margin("left") - margin("right")) * 96.0;
        let px: Vec<f64> = column_px(&xml)
            .into_iter()
            .map(|p| p.unwrap_or(64.0))
            .collect();
        let titles = workbook
            .split("<definedName ")
            .find(|d| {
                d.starts_with("name=\"_xlnm.Print_Titles\"")
                    && d.contains(&format!("localSheetId=\"{i}\""))
            })
            .unwrap_or_else(|| panic!("{name}: no print titles"));
        let titles = &titles[titles.find('>').unwrap() + 1..titles.find('<').unwrap()];
        assert!(
            titles.contains("!$1:$1"),
            "{name}: header row on every page: {titles}"
        );
        // Key columns repeated on every page across (`評価一覧!$A:$A`).
        let key: f64 = titles
            .split(',')
            .filter_map(|t| t.split('!').nth(1))
            .filter(|r| !r.starts_with("$1"))
            .map(|r| {
                let (a, b) = r.split_once(':').unwrap();
                let (a, b) = (col_index(&a[1..]), col_index(&b[1..]));
                px[a..=b].iter().sum::<f64>()
            })
            .sum();
        let breaks = column_breaks(&xml);
        let mut starts = vec![0];
        starts.extend(&breaks);
        for (p, &s) in starts.iter().enumerate() {
            let end = starts.get(p + 1).copied().unwrap_or(px.len());
            let width = px[s..end].iter().sum::<f64>() + if p > 0 { key } else { 0.0 };
            assert!(
                width * scale / 100.0 <= usable,
                "{name}: page {} across is {width} px at {scale}% on {usable} px",
                p + 1
            );
        }

        // Title, year, page of pages and print date.
        let header = &xml[xml.find("<oddHeader>").expect("a page header")..];
        assert!(
            header.contains(&format!("評価シート集約 — {name}")) && header.contains("令和6年度"),
            "{name}: {header}"
        );
        let footer = &xml[xml.find("<oddFooter>").expect("a page footer")..];
        assert!(
            footer.contains("&amp;P / &amp;N ページ") && footer.contains("&amp;D"),
            "{name}: {footer}"
        );
    }
    // 評価一覧 is too wide for one page at 80%: ファイル and シート print on
    // pages of their own, the ID repeated on them.
    let summary = part(&out, "xl/worksheets/sheet1.xml");
    assert_eq!(column_breaks(&summary), [18]);
    assert!(
        workbook.contains("評価一覧!$A:$A,評価一覧!$1:$1"),
        "{workbook}"
    );
}
