//! The same file submitted twice (identical bytes under two names).
//!
//! ## What it checks
//! Two input files whose contents are byte for byte the same. The later one
//! (in file order) is reported, naming the first. hyoka reads both, and the
//! duplicate sheets are then compared by P004 and G013 as usual.
//!
//! ## Why it matters
//! A copy (`財政課 - コピー.xlsx`) left in the folder is harmless today and a
//! trap tomorrow: the next correction goes into one of the two, and the
//! committee may see the other.
//!
//! ## Example
//! Fails: `財政課.xlsx` and `財政課 - コピー.xlsx` with the same content.
//! Passes: only `財政課.xlsx`.

use crate::derive::batch::Batch;
use crate::model::finding::{Finding, Severity, Text};
use crate::model::location::Location;
use crate::rules::Rule;

pub struct DuplicateFile;

impl Rule for DuplicateFile {
    fn code(&self) -> &'static str {
        "P005"
    }
    fn name(&self) -> &'static str {
        "duplicate-file"
    }
    fn severity(&self) -> Severity {
        Severity::Warning
    }
    fn check_batch(&self, b: &Batch, out: &mut Vec<Finding>) {
        let mut first_with: std::collections::HashMap<u64, usize> = Default::default();
        for (i, s) in b.files.iter().enumerate() {
            let Some(d) = s.kept().and_then(|w| w.digest) else {
                continue;
            };
            let first = &b.files[*first_with.entry(d).or_insert(i)];
            if std::ptr::eq(first, s) {
                continue;
            }
            out.push(
                self.finding(
                    Location::file(s.path.clone()),
                    Text::new(
                        format!("{} と中身がまったく同じファイルです。不要な方を提出フォルダから除いてください。", first.path),
                        format!("The file is identical to {}; remove the one not needed.", first.path),
                    ),
                )
                .related(Location::file(first.path.clone())),
            );
        }
    }
}
