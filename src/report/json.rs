//! The JSON report: one document with the evaluated year, the files read and
//! every finding. The shape is documented in `docs/json-report.md` and kept
//! stable; `version` changes when it does not.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;

use crate::facts::record::FileRecord;
use crate::model::finding::{Finding, Lang, Severity};
use crate::model::location::Location;
use crate::report::Results;

pub const VERSION: u32 = 1;

/// The document, serialized as it is walked: files and findings are not
/// collected first (a national run has tens of thousands of each).
struct Document<'a> {
    out: &'a Results<'a, 'a>,
}

impl Serialize for Document<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let out = self.out;
        let mut m = s.serialize_struct("Document", 8)?;
        m.serialize_field("version", &VERSION)?;
        if let Some(run) = out.run {
            m.serialize_field("run", run)?;
        }
        m.serialize_field("year", &out.batch.year.label())?;
        m.serialize_field("fiscal_year", &out.batch.year.0)?;
        m.serialize_field("year_basis", &YearBasisEntry::of(&out.batch.year_choice))?;
        m.serialize_field("files", &Seq(|| out.batch.files.iter().map(file_entry)))?;
        m.serialize_field(
            "passed_over",
            &Seq(|| {
                (out.batch.own_outputs.iter()).map(|(path, output)| PassedOver { path, output })
            }),
        )?;
        m.serialize_field("findings", &Seq(|| out.findings.iter().map(entry)))?;
        m.serialize_field("resolved", out.resolved)?;
        m.serialize_field("summary", &summary(out.findings))?;
        m.end()
    }
}

/// An input passed over as one of hyoka's own outputs.
#[derive(Serialize)]
struct PassedOver<'a> {
    path: &'a str,
    output: &'a str,
}

/// A sequence serialized from an iterator made on demand.
struct Seq<F>(F);

impl<F, I> Serialize for Seq<F>
where
    F: Fn() -> I,
    I: Iterator,
    I::Item: Serialize,
{
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq((self.0)())
    }
}

/// What decided the year, with the sheets graded up to another one.
#[derive(Serialize)]
struct YearBasisEntry<'a> {
    #[serde(flatten)]
    basis: &'a crate::facts::year::YearBasis,
    reason: String,
    reason_en: String,
    outliers: Vec<OutlierEntry<'a>>,
}

#[derive(Serialize)]
struct OutlierEntry<'a> {
    file: &'a str,
    sheet: Option<&'a str>,
    cell: Option<crate::model::location::CellRef>,
    fiscal_year: u16,
}

impl<'a> YearBasisEntry<'a> {
    fn of(c: &'a crate::facts::year::YearChoice) -> Self {
        YearBasisEntry {
            basis: &c.basis,
            reason: c.reason_ja(),
            reason_en: c.reason_en(),
            outliers: (c.outliers.iter())
                .map(|(at, y)| OutlierEntry {
                    file: &at.file,
                    sheet: at.sheet.as_deref(),
                    cell: at.cell,
                    fiscal_year: y.0,
                })
                .collect(),
        }
    }
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
    cell: Option<crate::model::location::CellRef>,
    message: String,
    message_en: String,
    found: Option<String>,
    expected: Option<String>,
    suggestion: Option<String>,
    department: Option<&'a str>,
    standing: Option<crate::model::standing::Standing>,
    related: Related<'a>,
    /// The violation's own data (what was found, expected, computed).
    data: &'a dyn crate::model::finding::Violation,
}

/// The related places of a finding, each written as its text (no strings
/// built for it).
struct Related<'a>(&'a [Location]);

impl Serialize for Related<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct Shown<'a>(&'a Location);
        impl Serialize for Shown<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self.0)
            }
        }
        s.collect_seq(self.0.iter().map(Shown))
    }
}

#[derive(Serialize)]
struct Summary {
    error: usize,
    warning: usize,
    info: usize,
    accepted: usize,
    by_code: BTreeMap<String, usize>,
}

fn entry(f: &Finding) -> FindingEntry<'_> {
    FindingEntry {
        code: f.code,
        severity: f.severity,
        file: &f.at.file,
        sheet: f.at.sheet.as_deref(),
        cell: f.at.cell,
        message: f.message(Lang::Ja),
        message_en: f.message(Lang::En),
        found: f.found(),
        expected: f.expected(),
        suggestion: f.suggestion(Lang::Ja),
        department: f.department.as_deref(),
        standing: f.standing,
        related: Related(&f.related),
        data: &*f.violation,
    }
}

fn kind(k: crate::model::sheet::SheetKind) -> &'static str {
    use crate::model::sheet::SheetKind::*;
    match k {
        Evaluation => "evaluation",
        Targets => "targets",
        Comments => "comments",
        Other => "other",
        Empty => "empty",
    }
}

fn file_entry(s: &FileRecord) -> FileEntry<'_> {
    FileEntry {
        path: &s.path,
        status: if s.kept().is_some() {
            "ok"
        } else {
            "unreadable"
        },
        error: s.result.as_ref().err().map(|e| &*e.reason.ja),
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
    }
}

fn summary(findings: &[Finding]) -> Summary {
    let n = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    let mut by_code = BTreeMap::new();
    for f in findings {
        *by_code.entry(f.code.to_string()).or_insert(0) += 1;
    }
    Summary {
        error: n(Severity::Error),
        warning: n(Severity::Warning),
        info: n(Severity::Info),
        accepted: (findings.iter())
            .filter(|f| f.standing == Some(crate::model::standing::Standing::Accepted))
            .count(),
        by_code,
    }
}

pub fn write(w: &mut dyn Write, out: &Results) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *w, &Document { out }).map_err(io::Error::other)?;
    writeln!(w)
}
