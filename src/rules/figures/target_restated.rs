//! A target stated in the sheet text that differs from the 数値目標 sheet.
//!
//! ## What it checks
//! A 具体的な取組 may carry its target in angle brackets:
//! `財政調整基金現在高 <目標：令和8年度末現在高 55億円>`. When the 数値目標 sheet has
//! 目標 values of the same kind for that action, the text's target must agree
//! with at least one of them, whatever the scale (`55億円` = `5,500,000千円`).
//!
//! ## Why it matters
//! A target changed in one place and not the other leaves the committee judging
//! achievement against a figure the department no longer uses.
//!
//! ## Example
//! Fails: `<目標：令和8年度末現在高 50億円>` with 目標 `5,500,000千円`.
//! Passes: `<目標：令和8年度末現在高 55億円>`.

use crate::facts::batch::Batch;
use crate::facts::figures::extract;
use crate::model::finding::{Lang, Violation};
use crate::model::plan::ActionId;
use crate::rules::{Findings, Rule};
use serde::Serialize;

pub struct TargetRestated;

/// A target in a measure's name that the 数値目標 sheet does not hold.
#[derive(Debug, Serialize)]
pub struct OtherTarget {
    pub stated: String,
    pub on_sheet: Vec<String>,
}

impl Violation for OtherTarget {
    fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::Ja => format!(
                "本文の目標「{}」が数値目標シートの目標（{}）と一致しません。",
                self.stated,
                self.on_sheet.join("、")
            ),
            Lang::En => format!(
                "The text's target `{}` differs from the 数値目標 sheet's ({}).",
                self.stated,
                self.on_sheet.join(", ")
            ),
        }
    }
    fn found(&self) -> Option<String> {
        Some(self.stated.clone())
    }
    fn expected(&self) -> Option<String> {
        Some(self.on_sheet.join(" / "))
    }
}

/// The text inside `<目標：…>` (any bracket width), if any.
fn bracket_target(name: &str) -> Option<String> {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re =
        RE.get_or_init(|| regex::Regex::new(r"[<(]\s*目標\s*[:：]?\s*([^>)]*)").expect("regex"));
    let t: String = name.chars().map(crate::model::text::fold_width).collect();
    re.captures(&t).map(|c| c[1].to_string())
}

impl Rule for TargetRestated {
    fn check_batch(&self, b: &Batch, out: &mut Findings) {
        let targets = &b.figures().targets;
        for (r, s) in b.sources() {
            let Some(item) = s.item_id() else { continue };
            for p in &s.projects {
                let Some(n) = p.number else { continue };
                let id = ActionId { item, number: n };
                if b.action(id)
                    .and_then(|a| a.source)
                    .is_none_or(|(sr, _)| sr != r)
                {
                    continue;
                }
                for m in &p.measures {
                    let Some(inner) = bracket_target(&m.name.value) else {
                        continue;
                    };
                    let Some(stated) = extract(&inner).into_iter().next() else {
                        continue;
                    };
                    let sheet: Vec<_> = targets
                        .iter()
                        .filter(|t| {
                            t.is_target
                                && !t.own_unit
                                && t.action == Some(id)
                                && t.figure.unit.same_kind(&stated.figure.unit)
                        })
                        .collect();
                    if sheet.is_empty() || sheet.iter().any(|t| t.figure.agrees(&stated.figure)) {
                        continue;
                    }
                    out.push(
                        m.name.at.clone(),
                        OtherTarget {
                            stated: stated.raw.clone(),
                            on_sheet: sheet.iter().map(|t| t.raw.to_string()).collect(),
                        },
                    )
                    .related(sheet[0].at.clone());
                }
            }
        }
    }
}
