//! シートのどの取組内容も示していない主な事業を指摘します。
//!
//! ## 点検内容
//! 各主な事業の見出し（`② 公共施設整備等資金積立基金現在高（数値目標）`）は、シートの
//! 取組内容の一つを、丸数字で、または見出しに番号がないときは名前で示していなければ
//! なりません。
//!
//! ## 理由
//! 主な事業の欄は、取組内容の個別評価を付ける場所です。どの取組内容とも合わない欄は、
//! 何もないものに評価を付けることになり、本来の取組内容は評価のないものとして扱われ
//! ます。
//!
//! ## 例
//! 指摘あり: 取組内容に ① と ② があり、ある欄の見出しが `③ 基金の運用`。
//! 指摘なし: 欄の見出しが `② 公共施設整備等資金積立基金現在高（数値目標）`。
//!
//! ---
//!
//! A 主な事業 that names no 取組内容 of its sheet.
//!
//! ## What it checks
//! Each 主な事業 heading (`② 公共施設整備等資金積立基金現在高（数値目標）`) must
//! name one of the sheet's 取組内容: by its circled number, or — when the heading
//! has no number — by its name.
//!
//! ## Why it matters
//! The 主な事業 block is where an action's 個別評価 is given. A block that
//! matches no action gives a grade to nothing, and the action it was meant for
//! shows up ungraded.
//!
//! ## Example
//! Fails: 取組内容 lists ① and ②, and a block is headed `③ 基金の運用`.
//! Passes: the block is headed `② 公共施設整備等資金積立基金現在高（数値目標）`.

use serde::Serialize;

use crate::facts::file::FileCx;
use crate::model::finding::{Lang, Violation};
use crate::model::text::circled;
use crate::rules::{Findings, Rule};

pub struct ProjectWithoutAction;

/// A 主な事業 naming no 取組内容 of its sheet.
#[derive(Debug, Serialize)]
pub struct NoAction {
    pub project: String,
    /// The sheet's 取組内容, numbered.
    pub actions: Vec<String>,
}

impl Violation for NoAction {
    fn message(&self, lang: Lang) -> String {
        let p = &self.project;
        match lang {
            Lang::Ja => format!("主な事業「{p}」に当たる取組内容がこのシートにありません。"),
            Lang::En => format!("The project `{p}` names no action (取組内容) of this sheet."),
        }
    }
    fn found(&self) -> Option<String> {
        Some(self.project.clone())
    }
    fn expected(&self) -> Option<String> {
        Some(self.actions.join(" / "))
    }
}

impl Rule for ProjectWithoutAction {
    fn check_file(&self, f: &FileCx, out: &mut Findings) {
        for (_, s) in f.eval_sheets() {
            if s.actions.is_empty() {
                continue; // no 取組内容 block: S001 reports it
            }
            for p in &s.projects {
                let known = match p.number {
                    Some(n) => s.actions.iter().any(|a| a.number == n),
                    None => s
                        .actions
                        .iter()
                        .any(|a| f.plan.form.same_name(&a.name, &p.name)),
                };
                if known || (p.number.is_none() && p.name.is_empty()) {
                    continue;
                }
                let at = if p.heading.value.is_empty() {
                    p.measures
                        .first()
                        .map_or(p.heading.at.clone(), |m| m.name.at.clone())
                } else {
                    p.heading.at.clone()
                };
                out.push(
                    at,
                    NoAction {
                        project: p.heading.value.trim().to_string(),
                        actions: s
                            .actions
                            .iter()
                            .map(|a| format!("{}{}", circled(a.number), a.name))
                            .collect(),
                    },
                );
            }
        }
    }
}
