//! Resubmissions: a department sends `財政課.xlsx`, is asked to correct it
//! and sends `財政課_修正.xlsx` (or `財政課（2）.xlsx`, `財政課_再提出_v2.xlsx`),
//! and both end up in the folder. Files of one *family* have the same name
//! once the resubmission words and version numbers are taken off; within a
//! family the later version is the newer submission.

use crate::model::text::fold;

/// Words that mark a corrected submission, longest first so that `修正版`
/// is taken whole.
const MARKERS: [&str; 14] = [
    "差し替え",
    "再提出",
    "差替え",
    "修正版",
    "訂正版",
    "改訂版",
    "最新版",
    "差替",
    "修正",
    "訂正",
    "改訂",
    "最新",
    "更新",
    "再",
];

/// Separators between a name and its marks.
fn is_separator(c: char) -> bool {
    matches!(c, '_' | '-' | ' ' | '.' | '　' | '－' | '＿' | '・')
}

/// A file stem split into its family and its version: `財政課_修正2` is
/// (`財政課`, 3). No mark is version 1; a marker alone 2; a marker, `v` or
/// `第…版` with a number, that number plus one (`v2` → 3); a bracketed
/// number as it is (`財政課 (2)`, what Windows names a second copy). Marks
/// follow a separator (`_`, `-`, a space) or stand in brackets.
pub fn split(stem: &str) -> (String, u32) {
    let mut s = fold(stem).trim().to_string();
    let mut version = 1u32;
    loop {
        let (rest, v) = match s.strip_suffix(')').and_then(|b| b.rsplit_once('(')) {
            Some((rest, inner)) => {
                let inner = inner.trim();
                match inner.parse::<u32>() {
                    Ok(n) => (rest, Some(n.min(99))),
                    Err(_) => (rest, mark_version(inner)),
                }
            }
            None => match s.rfind(is_separator) {
                Some(i) => (
                    &s[..i],
                    mark_version(s[i..].trim_start_matches(is_separator)),
                ),
                None => (s.as_str(), None),
            },
        };
        let Some(v) = v else { break };
        let rest = rest.trim_end_matches(is_separator);
        if rest.is_empty() {
            break;
        }
        version = version.max(v);
        s = rest.to_string();
    }
    (s, version)
}

/// The version a mark stands for: `修正` 2, `修正2` 3, `v3` 4, `第2版` 3.
fn mark_version(t: &str) -> Option<u32> {
    let (body, number) = trailing_number(t);
    let next = |n: Option<u32>| n.map_or(2, |n| n.min(98) + 1);
    let lower = body.to_ascii_lowercase();
    if MARKERS.contains(&body) {
        return Some(next(number));
    }
    if number.is_some() && matches!(lower.as_str(), "v" | "ver" | "ver." | "rev") {
        return Some(next(number));
    }
    if let Some(n) = t.strip_prefix('第').and_then(|r| r.strip_suffix('版')) {
        return n.parse::<u32>().ok().map(|n| n.min(98) + 1);
    }
    None
}

/// `修正2` → (`修正`, Some(2)); a longer run of digits (a date) is no
/// version number.
fn trailing_number(s: &str) -> (&str, Option<u32>) {
    let start = s
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_digit())
        .last()
        .map(|(i, _)| i);
    match start {
        Some(i) if s.len() - i <= 2 => (&s[..i], s[i..].parse().ok()),
        _ => (s, None),
    }
}

/// Whether two file names are one department's submission and its
/// resubmission (or two resubmissions): same family, other versions, or
/// the same name in two folders.
pub fn same_family(a: &str, b: &str) -> bool {
    family(a) == family(b)
}

/// The family of a path's file: its stem without resubmission marks.
pub fn family(path: &str) -> String {
    split(stem(path)).0
}

/// A path's file name, without its folder (`/` or `\`).
pub fn file_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

/// A path's file name without folder and extension.
pub fn stem(path: &str) -> &str {
    let name = file_name(path);
    name.rsplit_once('.').map_or(name, |(s, _)| s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn families_and_versions() {
        let cases = [
            ("財政課_令和6年度", ("財政課_令和6年度", 1)),
            ("財政課_令和6年度_修正", ("財政課_令和6年度", 2)),
            ("財政課_令和6年度（修正版）", ("財政課_令和6年度", 2)),
            ("財政課_令和6年度_修正_v2", ("財政課_令和6年度", 3)),
            ("財政課　令和6年度　再提出", ("財政課 令和6年度", 2)),
            ("基幹システム更新計画", ("基幹システム更新計画", 1)),
            ("財政課_令和6年度 (2)", ("財政課_令和6年度", 2)),
            ("財政課_令和6年度_再提出", ("財政課_令和6年度", 2)),
            ("財政課_令和6年度_修正2", ("財政課_令和6年度", 3)),
            ("財政課_令和6年度_v3", ("財政課_令和6年度", 4)),
            ("財政課_令和6年度_差し替え", ("財政課_令和6年度", 2)),
            ("財政課_令和6年度-訂正", ("財政課_令和6年度", 2)),
            ("財政課_令和6年度_第2版", ("財政課_令和6年度", 3)),
            (
                "財政課_令和6年度_20250110",
                ("財政課_令和6年度_20250110", 1),
            ),
            ("修正", ("修正", 1)),
        ];
        for (stem, (family, version)) in cases {
            assert_eq!(split(stem), (family.to_string(), version), "{stem}");
        }
    }

    #[test]
    fn resubmissions_are_one_family() {
        assert!(same_family("提出/財政課.xlsx", "提出/財政課_修正.xlsx"));
        assert!(same_family("財政課.xls", "再提出/財政課 (2).xlsx"));
        assert!(!same_family("財政課.xlsx", "納税課_修正.xlsx"));
        assert!(!same_family(
            "財政課_令和5年度.xlsx",
            "財政課_令和6年度.xlsx"
        ));
    }
}
