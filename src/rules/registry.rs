//! The list of rules. Each group's `mod.rs` lists its rules with the
//! [`rules!`] macro — code, name, default severity, file and type, one line
//! each — and this module puts the groups together. A rule's documentation
//! is the `//!` comment at the top of its file, read with `include_str!` so
//! code and docs cannot drift.
//!
//! The comment holds two languages, Japanese first: the Japanese doc (summary
//! paragraph, `## 点検内容`, `## 理由`, `## 例`), a line holding only `---`
//! ([`DOC_SEPARATOR`]), then the English doc (summary, `## What it checks`,
//! `## Why it matters`, `## Example`). Japanese comes first because it is
//! what the departments and the secretariat read.

use std::sync::OnceLock;

use crate::model::finding::{Lang, Severity};
use crate::rules::{Rule, comments, figures, files, grades, plan, structure};

/// The line of a rule's doc comment between its Japanese and English docs.
pub const DOC_SEPARATOR: &str = "---";

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
    /// The rule's documentation in Markdown, in `lang`. A rule missing its
    /// English doc shows the Japanese one (tests require both).
    pub fn doc(&self, lang: Lang) -> String {
        let (ja, en) = self.docs();
        match (lang, en) {
            (Lang::En, Some(en)) if !en.is_empty() => en,
            _ => ja,
        }
    }

    /// The first paragraph of the documentation in `lang`: what the rule
    /// checks, in a phrase.
    pub fn summary(&self, lang: Lang) -> String {
        let doc = self.doc(lang);
        let mut out = String::new();
        for line in doc.lines().take_while(|l| !l.trim().is_empty()) {
            let line = line.trim();
            // Japanese lines join without a space, unless the break falls
            // between two ASCII words; English words always need one.
            let ascii_break =
                out.ends_with(|c: char| c.is_ascii()) && line.starts_with(|c: char| c.is_ascii());
            if !out.is_empty() && (lang == Lang::En || ascii_break) {
                out.push(' ');
            }
            out += line;
        }
        out
    }

    /// The Japanese and (after [`DOC_SEPARATOR`]) English docs. Without a
    /// separator the whole comment counts as Japanese.
    pub fn docs(&self) -> (String, Option<String>) {
        let mut parts = vec![Vec::new()];
        for line in self.source.lines() {
            let Some(rest) = line.strip_prefix("//!") else {
                break;
            };
            let rest = rest.strip_prefix(' ').unwrap_or(rest);
            if rest.trim_end() == DOC_SEPARATOR && parts.len() == 1 {
                parts.push(Vec::new());
            } else {
                parts.last_mut().expect("one part at least").push(rest);
            }
        }
        let mut parts = parts.into_iter().map(|p| p.join("\n").trim().to_string());
        let ja = parts.next().unwrap_or_default();
        (ja, parts.next())
    }
}

/// The rule of a code, case-insensitive (`n001`).
pub fn by_code(code: &str) -> Option<&'static Registered> {
    all()
        .iter()
        .copied()
        .find(|r| r.code.eq_ignore_ascii_case(code.trim()))
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
        }
    }

    /// Every rule has both docs, each with its three sections, and a
    /// Japanese summary written in Japanese.
    #[test]
    fn every_rule_is_documented_in_both_languages() {
        for r in all() {
            let (ja, en) = r.docs();
            let en = en.unwrap_or_else(|| panic!("{} has no English doc after `---`", r.code));
            for heading in ["## 点検内容", "## 理由", "## 例"] {
                assert!(ja.contains(heading), "{} lacks `{heading}`", r.code);
            }
            for heading in ["## What it checks", "## Why it matters", "## Example"] {
                assert!(en.contains(heading), "{} lacks `{heading}`", r.code);
                assert!(
                    !ja.contains(heading),
                    "{}: `{heading}` in the Japanese doc",
                    r.code
                );
            }
            let summary = r.summary(Lang::Ja);
            assert!(
                summary.ends_with('。') && !summary.is_ascii(),
                "{}: Japanese summary `{summary}`",
                r.code
            );
            assert!(!r.summary(Lang::En).is_empty(), "{}", r.code);
        }
    }
}
