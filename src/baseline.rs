//! The round-trip's memory: each finding marked 新規 or 継続 against the JSON
//! of an earlier run (`--baseline 前回の点検結果.json`), or 承認済み when the
//! office accepted it in hyoka.toml; the earlier findings no longer
//! reported are 解消.
//!
//! A finding is the same as an earlier one when code, file, sheet and cell
//! agree; the file by its family (`財政課.xlsx` and its resubmission
//! `財政課_修正.xlsx` are one), as the office renames nothing but the
//! departments do. Messages are not compared: they carry the values, which
//! the correction changes.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use crate::error::ToolError;
use crate::facts::batch::Batch;
use crate::model::finding::{Finding, Text};
use crate::model::resubmission::{family, file_name};
use crate::model::standing::{Accepted, Resolved, Standing};

/// (code, file family, sheet, cell).
type Key = (String, String, Option<String>, Option<String>);

fn key_of(f: &Finding) -> Key {
    (
        f.code.to_string(),
        family(&f.at.file),
        f.at.sheet.as_deref().map(str::to_string),
        f.at.cell.map(|c| c.to_string()),
    )
}

/// The findings of an earlier run.
pub struct Baseline {
    findings: Vec<(Key, Resolved)>,
}

impl Baseline {
    /// Reads the JSON report of an earlier run (`check --format json`,
    /// `consolidate --json`).
    pub fn load(path: &Path) -> Result<Baseline, ToolError> {
        let fail = |ja: String, en: String| ToolError::Said(Text::new(ja, en));
        let p = path.display();
        let text = std::fs::read_to_string(path).map_err(|e| {
            fail(
                format!("前回の点検結果 {p} を読めません（{:?}）。", e.kind()),
                format!("Cannot read the baseline {p} ({:?}).", e.kind()),
            )
        })?;
        let doc: serde_json::Value = serde_json::from_str(&text).map_err(|_| {
            fail(
                format!(
                    "前回の点検結果 {p} は hyoka の JSON ではありません。hyoka check --format json か consolidate --json で書き出したファイルを指定してください。"
                ),
                format!("The baseline {p} is not a hyoka JSON report."),
            )
        })?;
        let Some(list) = doc.get("findings").and_then(|f| f.as_array()) else {
            return Err(fail(
                format!("前回の点検結果 {p} に findings がありません。"),
                format!("The baseline {p} has no findings."),
            ));
        };
        let text =
            |v: &serde_json::Value, k: &str| v.get(k).and_then(|s| s.as_str()).map(String::from);
        let findings = list
            .iter()
            .filter_map(|f| {
                let r = Resolved {
                    code: text(f, "code")?,
                    file: text(f, "file")?,
                    sheet: text(f, "sheet"),
                    cell: text(f, "cell"),
                    message: text(f, "message").unwrap_or_default(),
                };
                let key = (
                    r.code.clone(),
                    family(&r.file),
                    r.sheet.clone(),
                    r.cell.clone(),
                );
                Some((key, r))
            })
            .collect();
        Ok(Baseline { findings })
    }
}

/// Marks each finding's standing; returns the baseline's findings that are
/// gone. Without a baseline only the accepted ones are marked.
pub fn mark(
    findings: &mut [Finding],
    batch: &Batch,
    accepted: &[Accepted],
    baseline: Option<&Baseline>,
) -> Vec<Resolved> {
    let items = sheet_items(batch);
    let mut seen: HashSet<Key> = HashSet::new();
    let earlier: HashSet<&Key> = baseline
        .map(|b| b.findings.iter().map(|(k, _)| k).collect())
        .unwrap_or_default();
    for f in findings.iter_mut() {
        let key = key_of(f);
        let item =
            f.at.sheet
                .as_ref()
                .and_then(|s| items.get(&(&*f.at.file, &**s)).cloned());
        f.standing = if accepted.iter().any(|a| matches(a, f, item.as_deref())) {
            Some(Standing::Accepted)
        } else if baseline.is_some() {
            Some(if earlier.contains(&key) {
                Standing::Continued
            } else {
                Standing::New
            })
        } else {
            None
        };
        seen.insert(key);
    }
    let Some(b) = baseline else {
        return Vec::new();
    };
    let mut gone: Vec<Resolved> = Vec::new();
    let mut listed: HashSet<&Key> = HashSet::new();
    for (k, r) in &b.findings {
        if !seen.contains(k) && listed.insert(k) {
            gone.push(r.clone());
        }
    }
    gone
}

/// The item of each evaluation sheet, by (file, sheet name).
fn sheet_items<'b>(batch: &'b Batch) -> HashMap<(&'b str, &'b str), String> {
    let mut m = HashMap::new();
    for f in &batch.files {
        for s in f.eval_sheets() {
            if let Some(id) = s.item {
                m.insert((&*f.path, &*s.sheet), id.to_string());
            }
        }
    }
    m
}

/// Whether the office's entry covers the finding.
fn matches(a: &Accepted, f: &Finding, item: Option<&str>) -> bool {
    if !a.code.eq_ignore_ascii_case(f.code) {
        return false;
    }
    if let Some(file) = &a.file {
        let name = file_name(&f.at.file);
        if name != file && family(name) != family(file) {
            return false;
        }
    }
    if let Some(cell) = &a.cell {
        let here = f.at.cell.map(|c| c.to_string()).unwrap_or_default();
        let ok = match cell.rsplit_once('!') {
            Some((sheet, c)) => {
                f.at.sheet.as_deref() == Some(sheet.trim_matches('\'')) && c == here
            }
            None => *cell == here,
        };
        if !ok {
            return false;
        }
    }
    if let Some(id) = &a.item {
        // P003 (未提出) names the item as its place.
        let on = item == Some(id.as_str()) || f.at.sheet.as_deref() == Some(id.as_str());
        if !on {
            return false;
        }
    }
    true
}
