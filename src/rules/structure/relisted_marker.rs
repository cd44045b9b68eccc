//! 再掲の取組内容に（再掲）の表示がないこと、または計画が再掲としていない取組内容に表示があることを指摘します。
//!
//! ## 点検内容
//! 計画は、どの取組内容が他の取組項目の取組内容の再掲であるかを定めています（計画
//! ファイルの `relists`）。そのような取組項目のシートでは、取組内容の欄のその取組内容の
//! 行と、その主な事業の見出しのそれぞれに `（再掲）` を付けます。計画が再掲としていない
//! 取組内容には付けません。これと異なる行や見出しは、再掲元の取組内容を添えて指摘します。
//! 読むもの: 取組内容の行と主な事業の見出し（様式の `markers.relisted` の表示）。読まない
//! もの: 文章（他の取組項目に自由に触れてよいものです）。
//!
//! ## 理由
//! （再掲）は、その取組内容が再掲元の取組項目で一度評価され、両方で同じ評価が付くことを
//! 推進会議に伝えるものです。表示がなければ同じ取組が二つの実績のように読め、新しい
//! 取組内容に表示があれば、読む人は存在しない再掲元を探すことになります。
//!
//! ## 例
//! 指摘あり: 2-(3) の `② 指定管理者制度導入施設の拡充`（計画では 2-(2)-③ の再掲です）。
//! 指摘なし: `② 指定管理者制度導入施設の拡充 （再掲）`。
//!
//! ---
//!
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
    Missing {
        line: String,
        of: ActionId,
        marker: String,
    },
    /// The line has a marker; the plan relists nothing.
    Unexpected { line: String, action: ActionId },
}

impl Violation for Marker {
    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Marker::Missing { line, of, marker }, Lang::Ja) => {
                format!("「{line}」は計画では{of}の再掲ですが、「{marker}」がありません。")
            }
            (Marker::Missing { line, of, .. }, Lang::En) => {
                format!("`{line}` relists {of} in the plan but is not marked （再掲）.")
            }
            (Marker::Unexpected { line, action }, Lang::Ja) => {
                format!("「{line}」に再掲の印がありますが、計画では{action}は再掲ではありません。")
            }
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
            (Marker::Missing { marker, .. }, Lang::Ja) => {
                format!("末尾に「{marker}」を付けてください。")
            }
            (Marker::Missing { marker, .. }, Lang::En) => format!("add `{marker}` at the end"),
            (Marker::Unexpected { .. }, Lang::Ja) => {
                "再掲の印を削除するか、計画を確認してください。".into()
            }
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
                        action: ActionId {
                            item: item.id,
                            number,
                        },
                    },
                    _ => continue,
                };
                out.push(at.clone(), violation);
            }
        }
    }
}
