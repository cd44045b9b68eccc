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

/// A text in both languages, for what the reader says about a file (why it
/// cannot be read, what the read limits left out); rules render their own
/// messages from their violations' data instead.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
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

/// What a rule found, as data: each rule defines its violations (what was
/// found, what was expected, the values it computed) and renders their
/// messages here, per language, in one place. The rule's code, name and
/// severity come from the registry; where it was found, from the
/// [`Finding`] that carries it.
pub trait Violation: erased_serde::Serialize + fmt::Debug + Send + Sync {
    /// The message for a person, in `lang`.
    fn message(&self, lang: Lang) -> String;

    /// The value as found, when one value is at fault.
    fn found(&self) -> Option<String> {
        None
    }

    /// The value expected instead.
    fn expected(&self) -> Option<String> {
        None
    }

    /// How to fix it, in `lang`.
    fn suggestion(&self, _lang: Lang) -> Option<String> {
        None
    }
}

// A violation's data for programs (the JSON report's `data`) is its
// `Serialize`: derive it on the violation.
erased_serde::serialize_trait_object!(Violation);

/// One thing a person should look at: a rule's violation at a place. Kept
/// small: every finding of a run is held until the report is sorted and
/// written, and messages are rendered only then.
#[derive(Debug)]
pub struct Finding {
    pub code: &'static str,
    pub severity: Severity,
    pub at: Location,
    /// Further cells involved (the other side of a mismatch).
    pub related: Box<[Location]>,
    pub violation: Box<dyn Violation>,
    /// 担当課 of the sheet the finding is in, when known (shared by the
    /// findings of one sheet).
    pub department: Option<Arc<str>>,
    /// 新規 / 継続 / 承認済み, when a baseline or an accepted list says.
    pub standing: Option<crate::model::standing::Standing>,
}

impl Finding {
    pub fn new(
        code: &'static str,
        severity: Severity,
        at: Location,
        violation: impl Violation + 'static,
    ) -> Self {
        Finding {
            code,
            severity,
            at,
            related: Box::new([]),
            violation: Box::new(violation),
            department: None,
            standing: None,
        }
    }

    /// Adds a related cell; the finding's own cell and repeats are dropped.
    pub fn related(&mut self, at: Location) -> &mut Self {
        if at == self.at || self.related.contains(&at) {
            return self;
        }
        let mut all = std::mem::take(&mut self.related).into_vec();
        all.push(at);
        self.related = all.into_boxed_slice();
        self
    }

    pub fn department(&mut self, d: Option<&str>) -> &mut Self {
        self.department = d.map(Arc::from);
        self
    }

    pub fn message(&self, lang: Lang) -> String {
        self.violation.message(lang)
    }

    pub fn found(&self) -> Option<String> {
        self.violation.found()
    }

    pub fn expected(&self) -> Option<String> {
        self.violation.expected()
    }

    pub fn suggestion(&self, lang: Lang) -> Option<String> {
        self.violation.suggestion(lang)
    }

    /// Report order: severity, then file, sheet, cell, code, and the message,
    /// so the order never depends on which rule or thread reported first.
    /// The message is rendered only to break a tie.
    pub fn report_order(&self, other: &Finding) -> std::cmp::Ordering {
        (self.severity, &self.at, self.code)
            .cmp(&(other.severity, &other.at, other.code))
            .then_with(|| self.message(Lang::Ja).cmp(&other.message(Lang::Ja)))
    }
}
