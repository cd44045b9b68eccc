//! Where a finding stands in the office's round-trip with the departments:
//! new since the last check, still there, or accepted by the office (a
//! list in `hyoka.toml`); and the findings of the last check that are gone
//! (解消).

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    /// Not in the baseline: 新規.
    New,
    /// In the baseline too: 継続.
    Continued,
    /// On the office's list of accepted findings: 承認済み. It does not
    /// count towards the exit status.
    Accepted,
}

impl Standing {
    pub fn ja(self) -> &'static str {
        match self {
            Standing::New => "新規",
            Standing::Continued => "継続",
            Standing::Accepted => "承認済み",
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            Standing::New => "new",
            Standing::Continued => "continued",
            Standing::Accepted => "accepted",
        }
    }
}

/// A finding the office accepted (`[[accepted]]` in hyoka.toml): a rule's
/// code and where, by file and cell or by item.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Accepted {
    pub code: String,
    /// The file's name (`財政課_令和6年度.xlsx`); its resubmissions match too.
    pub file: Option<String>,
    /// `シート!セル` or a cell alone (`D12`).
    pub cell: Option<String>,
    /// An item id (`3-(4)`): every finding of the rule on that item's sheets.
    pub item: Option<String>,
    /// Why, for the record (shown nowhere but the file).
    pub reason: Option<String>,
}

/// A finding of the baseline run that this run no longer reports: 解消.
#[derive(Clone, Debug, Serialize)]
pub struct Resolved {
    pub code: String,
    pub file: String,
    pub sheet: Option<String>,
    pub cell: Option<String>,
    pub message: String,
}
