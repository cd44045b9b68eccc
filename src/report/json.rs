//! The JSON report: one document with the evaluated year, the files read and
//! every finding. The shape is documented in `docs/json-report.md` and kept
//! stable; `version` changes when it does not.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;

use crate::model::finding::{Finding, Severity};
use crate::pipeline::Outcome;

pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    year: String,
    fiscal_year: u16,
    files: Vec<FileEntry<'a>>,
    findings: Vec<FindingEntry<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct FileEntry<'a> {
    path: &'a str,
    status: &'static str,
    error: Option<&'a str>,
    sheets: Vec<SheetEntry<'a>>,
}

#[derive(Serialize)]
struct SheetEntry<'a> {
    name: &'a str,
    kind: &'static str,
    hidden: bool,
}

#[derive(Serialize)]
struct FindingEntry<'a> {
    code: &'a str,
    severity: Severity,
    file: &'a str,
    sheet: Option<&'a str>,
    cell: Option<String>,
    message: &'a str,
    message_en: &'a str,
    found: Option<&'a str>,
    expected: Option<&'a str>,
    suggestion: Option<&'a str>,
    department: Option<&'a str>,
    related: Vec<String>,
}

#[derive(Serialize)]
struct Summary {
    error: usize,
    warning: usize,
    info: usize,
    by_code: BTreeMap<String, usize>,
}

fn entry(f: &Finding) -> FindingEntry<'_> {
    FindingEntry {
        code: f.code,
        severity: f.severity,
        file: &f.at.file,
        sheet: f.at.sheet.as_deref(),
        cell: f.at.cell.map(|c| c.to_string()),
        message: &f.message.ja,
        message_en: &f.message.en,
        found: f.found.as_deref(),
        expected: f.expected.as_deref(),
        suggestion: f.suggestion.as_ref().map(|s| s.ja.as_str()),
        department: f.department.as_deref(),
        related: f.related.iter().map(|r| r.to_string()).collect(),
    }
}

pub fn write(w: &mut dyn Write, out: &Outcome) -> io::Result<()> {
    let kind = |k: crate::model::sheet::SheetKind| {
        use crate::model::sheet::SheetKind::*;
        match k {
            Evaluation => "evaluation",
            Targets => "targets",
            Comments => "comments",
            Other => "other",
            Empty => "empty",
        }
    };
    let files = out
        .batch
        .files
        .iter()
        .map(|s| FileEntry {
            path: &s.path,
            status: if s.kept().is_some() {
                "ok"
            } else {
                "unreadable"
            },
            error: s.result.as_ref().err().map(|e| e.reason.ja.as_str()),
            sheets: s
                .kept()
                .map(|w| {
                    w.sheets
                        .iter()
                        .map(|sh| SheetEntry {
                            name: &sh.name,
                            kind: kind(sh.kind),
                            hidden: sh.hidden,
                        })
                        .collect()
                })
                .unwrap_or_default(),
        })
        .collect();
    let n = |s: Severity| out.findings.iter().filter(|f| f.severity == s).count();
    let mut by_code = BTreeMap::new();
    for f in &out.findings {
        *by_code.entry(f.code.to_string()).or_insert(0) += 1;
    }
    let doc = Document {
        version: VERSION,
        year: out.batch.year.label(),
        fiscal_year: out.batch.year.0,
        files,
        findings: out.findings.iter().map(entry).collect(),
        summary: Summary {
            error: n(Severity::Error),
            warning: n(Severity::Warning),
            info: n(Severity::Info),
            by_code,
        },
    };
    serde_json::to_writer_pretty(&mut *w, &doc).map_err(io::Error::other)?;
    writeln!(w)
}
