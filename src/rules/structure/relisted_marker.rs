//! A relisted action without its （再掲） marker, or a marker on an action
//! the plan does not relist.
//!
//! ## What it checks
//! The plan says which actions repeat an action of another item (`relists`
//! in the plan file). On the sheet of such an item, the action's line in the
//! 取組内容 block and its 主な事業 heading each carry `（再掲）`; an action the
//! plan does not relist carries none. Each line or heading that differs is
//! reported with the action it relists. Read: the 取組内容 lines and 主な事業
//! headings (the markers of `markers.relisted` in the form). Not read: the
//! texts, which may name the other item freely.
//!
//! ## Why it matters
//! （再掲） tells the committee that the action is evaluated once, under the
//! item it comes from, and graded alike in both: without it the same work
//! reads as two achievements, and with it on a new action the reader looks
//! for an original that does not exist.
//!
//! ## Example
//! Fails: 2-(3)'s `② 指定管理者制度導入施設の拡充` (the plan: relists 2-(2)-③).
//! Passes: `② 指定管理者制度導入施設の拡充 （再掲）`.

use serde::Serialize;

use crate::facts::file::FileCx;
use crate::model::finding::{Lang, Violation};
use crate::model::plan::ActionId;
use crate::model::text::circled;
use crate::rules::{Findings, Rule};

pub struct RelistedMarker;

#[derive(Debug, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Marker {
    /// The plan relists `of`; the line has no marker.
    Missing { line: String, of: ActionId, marker: String },
    /// The line has a marker; the plan relists nothing.
    Unexpected { line: String, action: ActionId },
}

impl Violation for Marker {
    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Marker::Missing { line, of, marker }, Lang::Ja) => format!(
                "「{line}」は計画では{of}の再掲ですが、「{marker}」がありません。"
            ),
            (Marker::Missing { line, of, .. }, Lang::En) => {
                format!("`{line}` relists {of} in the plan but is not marked （再掲）.")
            }
            (Marker::Unexpected { line, action }, Lang::Ja) => format!(
                "「{line}」に再掲の印がありますが、計画では{action}は再掲ではありません。"
            ),
            (Marker::Unexpected { line, action }, Lang::En) => {
                format!("`{line}` is marked （再掲）, but the plan's {action} relists nothing.")
            }
        }
    }
    fn found(&self) -> Option<String> {
        Some(match self {
            Marker::Missing { line, .. } | Marker::Unexpected { line, .. } => line.clone(),
        })
    }
    fn suggestion(&self, lang: Lang) -> Option<String> {
        Some(match (self, lang) {
            (Marker::Missing { marker, .. }, Lang::Ja) => format!("末尾に「{marker}」を付ける"),
            (Marker::Missing { marker, .. }, Lang::En) => format!("add `{marker}` at the end"),
            (Marker::Unexpected { .. }, Lang::Ja) => "再掲の印を削除するか、計画を確かめる".into(),
            (Marker::Unexpected { .. }, Lang::En) => "remove the marker, or check the plan".into(),
        })
    }
}

impl Rule for RelistedMarker {
    fn check_file(&self, f: &FileCx, out: &mut Findings) {
        let form = &f.plan.form;
        for (r, s) in f.eval_sheets() {
            let Some(item) = f.item_of(r) else { continue };
            // (number, text as written, marked, cell): the 取組内容 lines,
            // then the 主な事業 headings.
            let lines = s
                .actions
                .iter()
                .map(|a| {
                    let (_, marked) = form.strip_relisted(&a.name);
                    let line = format!("{} {}", circled(a.number), a.name.trim());
                    (a.number, line, marked, &a.at)
                })
                .chain(s.projects.iter().filter_map(|p| {
                    let line = p.heading.value.trim().to_string();
                    Some((p.number?, line, p.relisted, &p.heading.at))
                }));
            for (number, line, marked, at) in lines {
                let Some(pa) = item.item.actions.iter().find(|a| a.number == number) else {
                    continue; // P002 / S002
                };
                let violation = match (pa.relists_id(), marked) {
                    (Some(of), false) => Marker::Missing {
                        line,
                        of,
                        marker: form.relisted_marker().to_string(),
                    },
                    (None, true) => Marker::Unexpected {
                        line,
                        action: ActionId { item: item.id, number },
                    },
                    _ => continue,
                };
                out.push(at.clone(), violation);
            }
        }
    }
}
