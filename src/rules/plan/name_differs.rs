//! 基本方針、取組項目、取組内容の名前が、計画の名前と異なることを指摘します。
//!
//! ## 点検内容
//! 計画上の位置が定まった各シートについて、基本方針の名前、取組項目の名前、各取組内容の
//! 名前、各主な事業の見出しを、同じ番号の計画の名前と比べます。空白、全角・半角の違い、
//! （再掲）・（数値目標）の表示は、指摘せずに許容します。それ以外の違いは、計画の名前を
//! 修正案として示して指摘します。
//!
//! ## 理由
//! 報告書はシートの名前を印刷します。一つのシートで名前を編集する（または前年度から
//! 写す）と、報告書が議会で決定した計画と食い違ってしまいます。
//!
//! ## 例
//! 指摘あり: 1-(1) の主な事業 `②市民総合交流拠点の整備`（計画: `市民総合交流拠点施設の整備`）。
//! 指摘なし: `② 市民総合交流拠点施設の整備`、または全角で入力した `②市民総合交流拠点施設の整備`。
//!
//! ---
//!
//! A 基本方針, 取組項目 or 取組内容 name that differs from the plan's.
//!
//! ## What it checks
//! For each sheet placed on the plan, the policy name, the item name, each
//! 取組内容 name and each 主な事業 heading are compared with the plan's names of
//! the same numbers. Spacing, full/half width and the （再掲） / （数値目標）
//! markers are tolerated silently; any other difference is reported with the
//! plan's name as the fix.
//!
//! ## Why it matters
//! The report prints the names from the sheets; a name edited on one sheet (or
//! copied from last year) makes the report disagree with the plan the council
//! adopted.
//!
//! ## Example
//! Fails: 1-(1) 主な事業 `②市民総合交流拠点の整備` (plan: `市民総合交流拠点施設の整備`).
//! Passes: `② 市民総合交流拠点施設の整備`, or `②市民総合交流拠点施設の整備` typed full-width.

use serde::Serialize;

use crate::facts::file::FileCx;
use crate::model::finding::{Lang, Violation};
use crate::model::form::Form;
use crate::model::location::Location;
use crate::rules::{Findings, Rule};

pub struct NameDiffers;

/// Which name of the sheet differs from the plan.
#[derive(Clone, Copy, Debug, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Named {
    Policy,
    Item,
    Action,
    Project,
}

impl Named {
    fn word(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Named::Policy, Lang::Ja) => "基本方針",
            (Named::Item, Lang::Ja) => "取組項目",
            (Named::Action, Lang::Ja) => "取組内容",
            (Named::Project, Lang::Ja) => "主な事業",
            (Named::Policy, Lang::En) => "policy",
            (Named::Item, Lang::En) => "item",
            (Named::Action, Lang::En) => "action",
            (Named::Project, Lang::En) => "project",
        }
    }
}

/// A name written otherwise than the plan writes it.
#[derive(Debug, Serialize)]
pub struct OtherName {
    pub what: Named,
    pub written: String,
    pub plan: String,
}

impl Violation for OtherName {
    fn message(&self, lang: Lang) -> String {
        let (w, f, p) = (self.what.word(lang), &self.written, &self.plan);
        match lang {
            Lang::Ja => format!("{w}の名称「{f}」が計画の「{p}」と異なります。"),
            Lang::En => format!("The {w} name `{f}` differs from the plan's `{p}`."),
        }
    }
    fn found(&self) -> Option<String> {
        Some(self.written.clone())
    }
    fn expected(&self) -> Option<String> {
        Some(self.plan.clone())
    }
    fn suggestion(&self, lang: Lang) -> Option<String> {
        let p = &self.plan;
        Some(match lang {
            Lang::Ja => format!("「{p}」に直してください。"),
            Lang::En => format!("write `{p}`"),
        })
    }
}

fn compare(form: &Form, what: Named, found: &str, plan: &str, at: &Location, out: &mut Findings) {
    if found.trim().is_empty() || form.same_name(found, plan) {
        return;
    }
    out.push(
        at.clone(),
        OtherName {
            what,
            written: found.trim().to_string(),
            plan: plan.to_string(),
        },
    );
}

impl Rule for NameDiffers {
    fn check_file(&self, f: &FileCx, out: &mut Findings) {
        for (r, s) in f.eval_sheets() {
            let Some(item) = f.item_of(r) else { continue };
            if let (Some(cell), Some(name)) = (&s.policy, s.policy_name()) {
                compare(
                    &f.plan.form,
                    Named::Policy,
                    &name,
                    &item.policy.name,
                    &cell.at,
                    out,
                );
            }
            // A name that is another item's is S006's finding.
            let names_other = f
                .placement(r)
                .disagreeing()
                .any(|d| d.signal == crate::facts::placement::Signal::Name);
            if let (Some(cell), Some(name), false) = (&s.item, s.item_name(), names_other) {
                compare(
                    &f.plan.form,
                    Named::Item,
                    &name,
                    &item.item.name,
                    &cell.at,
                    out,
                );
            }
            let plan_action = |n: u8| item.item.actions.iter().find(|a| a.number == n);
            for a in &s.actions {
                if let Some(pa) = plan_action(a.number) {
                    compare(&f.plan.form, Named::Action, &a.name, &pa.name, &a.at, out);
                }
            }
            for p in &s.projects {
                if let Some(pa) = p.number.and_then(plan_action)
                    && !p.heading.value.trim().is_empty()
                {
                    compare(
                        &f.plan.form,
                        Named::Project,
                        &p.name,
                        &pa.name,
                        &p.heading.at,
                        out,
                    );
                }
            }
        }
    }
}
