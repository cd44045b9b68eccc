//! The list of rules. Each group's `mod.rs` lists its rules with the
//! [`rules!`] macro — code, name, default severity, file and type, one line
//! each — and this module puts the groups together. A rule's documentation
//! is the `//!` comment at the top of its file, read with `include_str!` so
//! code and docs cannot drift.

use std::sync::OnceLock;

use crate::model::finding::Severity;
use crate::rules::{Rule, comments, figures, files, grades, plan, structure};

pub struct Registered {
    /// Stable code, never reused: `G001`.
    pub code: &'static str,
    /// Short kebab-case name: `unknown-grade`.
    pub name: &'static str,
    /// Severity unless configured otherwise.
    pub severity: Severity,
    pub rule: &'static dyn Rule,
    /// The rule file's source; its leading `//!` lines are the documentation.
    pub source: &'static str,
}

impl Registered {
    /// The rule's documentation in Markdown.
    pub fn doc(&self) -> String {
        let mut lines = Vec::new();
        for line in self.source.lines() {
            match line.strip_prefix("//!") {
                Some(rest) => lines.push(rest.strip_prefix(' ').unwrap_or(rest)),
                None => break,
            }
        }
        lines.join("\n").trim().to_string()
    }

    /// The first paragraph of the documentation: what the rule checks, in a phrase.
    pub fn summary(&self) -> String {
        let doc = self.doc();
        doc.lines()
            .take_while(|l| !l.trim().is_empty())
            .map(str::trim)
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Declares a group's rule files and lists them, one line per rule:
/// `G001 "unknown-grade" Error unknown_grade::UnknownGrade`.
macro_rules! rules {
    ($($code:ident $name:literal $severity:ident $module:ident :: $rule:ident),* $(,)?) => {
        $(pub mod $module;)*

        /// The rules of this group, in code order.
        pub static RULES: &[$crate::rules::registry::Registered] = &[$(
            $crate::rules::registry::Registered {
                code: stringify!($code),
                name: $name,
                severity: $crate::model::finding::Severity::$severity,
                rule: &$module::$rule,
                source: include_str!(concat!(stringify!($module), ".rs")),
            },
        )*];
    };
}
pub(crate) use rules;

/// Every rule, grouped by code letter: F files, G grades, K comments, N
/// figures, P plan, S structure.
pub fn all() -> &'static [&'static Registered] {
    static ALL: OnceLock<Vec<&'static Registered>> = OnceLock::new();
    ALL.get_or_init(|| {
        [
            files::RULES,
            grades::RULES,
            comments::RULES,
            figures::RULES,
            plan::RULES,
            structure::RULES,
        ]
        .into_iter()
        .flatten()
        .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_ordered_and_documented() {
        let mut seen = std::collections::HashSet::new();
        let codes: Vec<&str> = all().iter().map(|r| r.code).collect();
        let mut sorted = codes.clone();
        sorted.sort();
        assert_eq!(codes, sorted, "rules are listed in code order");
        for r in all() {
            assert!(seen.insert(r.code), "duplicate code {}", r.code);
            assert!(
                r.code.len() == 4 && r.code[1..].chars().all(|c| c.is_ascii_digit()),
                "{}",
                r.code
            );
            let doc = r.doc();
            for heading in ["## What it checks", "## Why it matters", "## Example"] {
                assert!(doc.contains(heading), "{} lacks `{heading}`", r.code);
            }
        }
    }
}
