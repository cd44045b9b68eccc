//! シートの文章に記載された目標が、数値目標のシートと異なることを指摘します。
//!
//! ## 点検内容
//! 具体的な取組には、山かっこで目標を記載することがあります
//! （`財政調整基金現在高 <目標：令和8年度末現在高 55億円>`）。数値目標のシートに
//! その取組内容の同じ種類の目標値があるときは、文章の目標は、桁の違いにかかわらず
//! （`55億円` = `5,500,000千円`）そのいずれかと一致しなければなりません。文章が
//! 年度を示し、その年度がシートにあるときはその年度の目標と比べます。シートにない
//! 年度のときは、シートの目標が毎年度同じである場合に限って比べます（令和9年度の
//! 目標を、そこへ向かう令和6・7年度の途中の目標とは比べません）。
//!
//! ## 理由
//! 目標を一か所だけ変えてもう一方を変えないと、推進会議は、担当課がもう使って
//! いない数値に照らして達成度を判断することになります。
//!
//! ## 例
//! 指摘あり: `<目標：令和8年度末現在高 50億円>` で、目標が `5,500,000千円`。
//! 指摘なし: `<目標：令和8年度末現在高 55億円>`。
//!
//! ---
//!
//! A target stated in the sheet text that differs from the 数値目標 sheet.
//!
//! ## What it checks
//! A 具体的な取組 may carry its target in angle brackets:
//! `財政調整基金現在高 <目標：令和8年度末現在高 55億円>`. When the 数値目標 sheet has
//! 目標 values of the same kind for that action, the text's target must agree
//! with one of them, whatever the scale (`55億円` = `5,500,000千円`); with the
//! target of the year it names, when it names one the sheet has; for a year
//! the sheet does not show, with the sheet's target only when that is the
//! same every year (a target for 令和9年度 is not compared with the sheet's
//! 令和6・7年度 steps towards it).
//!
//! ## Why it matters
//! A target changed in one place and not the other leaves the committee judging
//! achievement against a figure the department no longer uses.
//!
//! ## Example
//! Fails: `<目標：令和8年度末現在高 50億円>` with 目標 `5,500,000千円`.
//! Passes: `<目標：令和8年度末現在高 55億円>`.

use crate::facts::batch::Batch;
use crate::facts::quantity::Place;
use crate::facts::quantity::label::{Quals, YearRef};
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
                "本文の目標「{}」が、数値目標シートの目標「{}」と一致しません。",
                self.stated,
                self.on_sheet.join("」「")
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

impl Rule for TargetRestated {
    fn check_batch(&self, b: &Batch, out: &mut Findings) {
        let q = b.quantities();
        let targets = &b.targets().values;
        for t in &q.facts.texts {
            let Place::MeasureName { sheet, project, .. } = t.place else {
                continue;
            };
            let r = q.sheets[sheet as usize];
            let Some(s) = b.source(r) else { continue };
            let (Some(item), Some(n)) = (s.item_id(), s.projects[project as usize].number) else {
                continue;
            };
            let id = ActionId { item, number: n };
            if b.action(id)
                .and_then(|a| a.source)
                .is_none_or(|(sr, _)| sr != r)
            {
                continue;
            }
            // The text's target: the first figure under 目標 in the name.
            let Some(stated) = t
                .facts
                .clone()
                .map(|i| &q.facts.facts[i as usize])
                .find(|x| x.label.quals.has(Quals::TARGET))
            else {
                continue;
            };
            let year = match stated.label.year {
                YearRef::Explicit(y) => Some(y),
                _ => None,
            };
            let all: Vec<_> = targets
                .iter()
                .filter(|v| {
                    v.is_target
                        && !v.own_unit
                        && v.action == Some(id)
                        && v.amount.dim.same(&stated.amount.dim)
                })
                .collect();
            // A target for a named year is the sheet's target of that year;
            // for a year the sheet does not show, the sheet's target when it
            // is the same every year (the end target, not steps towards it).
            let named: Vec<_> = all
                .iter()
                .copied()
                .filter(|v| year.is_none_or(|y| v.year == y))
                .collect();
            let constant = all
                .windows(2)
                .all(|w| w[0].amount.value == w[1].amount.value);
            let sheet = if !named.is_empty() || !constant {
                named
            } else {
                all
            };
            if sheet.is_empty() || sheet.iter().any(|v| v.amount.agrees(&stated.amount)) {
                continue;
            }
            out.push(
                t.at.clone(),
                OtherTarget {
                    stated: q.facts.raw(stated).to_string(),
                    on_sheet: sheet.iter().map(|v| v.raw.to_string()).collect(),
                },
            )
            .related(sheet[0].at.clone());
        }
    }
}
