//! 計画で数値目標を持つ取組内容に、数値目標のシートの行がないことを指摘します。
//!
//! ## 点検内容
//! シートを集約するすべての取組項目について、計画が `target = true` とする各取組内容には、
//! 数値目標のシートの行が必要です。同じブックに数値目標のシートがあればそのシートに、
//! なければ点検対象のいずれかのブックのシートにあれば足ります（事務局が数値目標を一つの
//! ファイルにまとめることがあるためです）。指摘は、ブックの数値目標のシートで行い、ブックに
//! 数値目標のシートがないときは取組内容のセルで行います。読むもの: 数値目標の行の取組内容の列。
//! 値がまだ空欄の行も、行があるものとみなします。読まないもの: 指標が計画のものかどうか
//! （値は N のルールが比べます）。
//!
//! ## 理由
//! 隣の行と一緒に削除された行や、追加されなかった数値目標のシートがあると、推進会議は
//! 取組内容を判断する数値を得られず、ほかの点検では気付けません。ほかのルールは、そこに
//! ある値を比べるものだからです。
//!
//! ## 例
//! 指摘あり: 財政課の数値目標のシートに 3-(4)-① の行があり、② の行がない。
//! 指摘なし: 両方の行がある。
//!
//! ---
//!
//! A 取組内容 that carries a 数値目標 in the plan, with no row on the 数値目標
//! sheet.
//!
//! ## What it checks
//! For every item whose sheet is consolidated, each action the plan marks
//! `target = true` needs a row on a 数値目標 sheet: of the same
//! workbook when it has one, else of any workbook of the batch (a planning
//! office may collect the 数値目標 in one file). Reported at the workbook's
//! 数値目標 sheet, or at the 取組内容 cell when the workbook has none. Read:
//! the 取組内容 column of the 数値目標 rows; a row whose values are still
//! empty counts as there. Not read: whether the indicator is the plan's (N
//! rules compare the values).
//!
//! ## Why it matters
//! A row deleted with its neighbour, or a 数値目標 sheet that was never
//! added, leaves the committee without the figure the action is judged by,
//! and nothing else notices: the other rules compare values that are there.
//!
//! ## Example
//! Fails: 財政課's 数値目標 sheet with the rows of 3-(4)-① but none of ②.
//! Passes: rows of both.

use serde::Serialize;

use crate::facts::batch::Batch;
use crate::model::finding::{Lang, Violation};
use crate::model::location::Location;
use crate::model::plan::ActionId;
use crate::rules::{Findings, Rule};

pub struct TargetRowMissing;

#[derive(Debug, Serialize)]
pub struct NoTargetRow {
    pub action: ActionId,
    pub name: String,
    /// The plan's indicator, when it names one.
    pub indicator: Option<String>,
}

impl Violation for NoTargetRow {
    fn message(&self, lang: Lang) -> String {
        let (a, n) = (self.action, &self.name);
        match lang {
            Lang::Ja => format!(
                "計画では{a}（{n}）に数値目標がありますが、数値目標シートにその行がありません。"
            ),
            Lang::En => {
                format!("The plan gives {a} ({n}) a 数値目標, but no 数値目標 row holds it.")
            }
        }
    }
    fn expected(&self) -> Option<String> {
        self.indicator.clone()
    }
    fn suggestion(&self, lang: Lang) -> Option<String> {
        Some(match lang {
            Lang::Ja => format!(
                "数値目標シートに{}の目標と実績の行を加えてください。",
                self.action
            ),
            Lang::En => format!(
                "add the 目標 and 実績 rows of {} to the 数値目標 sheet",
                self.action
            ),
        })
    }
}

impl Rule for TargetRowMissing {
    fn check_batch(&self, b: &Batch, out: &mut Findings) {
        let rows: Vec<&(Location, ActionId)> = b.target_rows().collect();
        for (r, s) in b.sources() {
            let Some(item) = b.item_of_sheet(r).and_then(|id| b.plan.item(id)) else {
                continue;
            };
            let own: Vec<_> = rows.iter().filter(|(at, _)| at.file == s.file).collect();
            for a in item.item.actions.iter().filter(|a| a.target) {
                let id = ActionId {
                    item: item.id,
                    number: a.number,
                };
                let found = if own.is_empty() {
                    rows.iter().any(|(_, x)| *x == id)
                } else {
                    own.iter().any(|(_, x)| *x == id)
                };
                if found {
                    continue;
                }
                let at = match own.first() {
                    Some((sheet, _)) => sheet.clone(),
                    None => s
                        .actions
                        .iter()
                        .find(|d| d.number == a.number)
                        .map_or_else(|| s.whole(), |d| d.at.clone()),
                };
                out.push(
                    at,
                    NoTargetRow {
                        action: id,
                        name: a.name.clone(),
                        indicator: a.indicator.clone(),
                    },
                );
            }
        }
    }
}
