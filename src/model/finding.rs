//! A finding is data: which rule, how serious, where, and what to do. Rules
//! produce findings; the terminal, JSON and workbook reports render them.

use serde::Serialize;
use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

use crate::model::location::Location;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    /// The Japanese word shown in the workbook.
    pub fn ja(self) -> &'static str {
        match self {
            Severity::Error => "エラー",
            Severity::Warning => "警告",
            Severity::Info => "情報",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Severity {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "error" => Ok(Severity::Error),
            "warning" | "warn" => Ok(Severity::Warning),
            "info" => Ok(Severity::Info),
            other => Err(format!("unknown severity `{other}` (error, warning, info)")),
        }
    }
}

/// Message language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    Ja,
    En,
}

/// A text in both languages; rules write both, reports pick one. Boxed
/// strings: a national run keeps a hundred thousand of them, and `format!`
/// leaves spare capacity a `String` would keep.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Text {
    pub ja: Box<str>,
    pub en: Box<str>,
}

impl Text {
    pub fn new(ja: impl Into<String>, en: impl Into<String>) -> Self {
        Text {
            ja: ja.into().into_boxed_str(),
            en: en.into().into_boxed_str(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ja => &self.ja,
            Lang::En => &self.en,
        }
    }
}

/// One thing a person should look at. Kept small: every finding of a run is
/// held until the report is sorted and written.
#[derive(Clone, Debug)]
pub struct Finding {
    pub code: &'static str,
    pub severity: Severity,
    pub at: Location,
    /// Further cells involved (the other side of a mismatch).
    pub related: Box<[Location]>,
    pub message: Text,
    pub found: Option<Box<str>>,
    pub expected: Option<Box<str>>,
    pub suggestion: Option<Box<Text>>,
    /// 担当課 of the sheet the finding is in, when known (shared by the
    /// findings of one sheet).
    pub department: Option<Arc<str>>,
}

impl Finding {
    pub fn new(code: &'static str, severity: Severity, at: Location, message: Text) -> Self {
        Finding {
            code,
            severity,
            at,
            related: Box::new([]),
            message,
            found: None,
            expected: None,
            suggestion: None,
            department: None,
        }
    }

    pub fn found(mut self, v: impl Into<String>) -> Self {
        self.found = Some(v.into().into_boxed_str());
        self
    }

    pub fn expected(mut self, v: impl Into<String>) -> Self {
        self.expected = Some(v.into().into_boxed_str());
        self
    }

    pub fn suggest(mut self, t: Text) -> Self {
        self.suggestion = Some(Box::new(t));
        self
    }

    pub fn department(mut self, d: Option<&str>) -> Self {
        self.department = d.map(Arc::from);
        self
    }

    pub fn related(mut self, at: Location) -> Self {
        let mut all = std::mem::take(&mut self.related).into_vec();
        all.push(at);
        self.related = all.into_boxed_slice();
        self
    }

    /// Sort key: severity, then file, sheet, cell, code, and the message, so
    /// the order never depends on which rule or thread reported first.
    pub fn sort_key(&self) -> (Severity, &Location, &'static str, &str) {
        (self.severity, &self.at, self.code, &self.message.ja)
    }
}
