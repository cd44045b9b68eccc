//! シートの取組項目の番号または名前が、シートのほかの部分とは別の取組項目を示していることを指摘します。
//!
//! ## 点検内容
//! 評価シートは、どの取組項目のものであるかをいくつかの方法で示しています。基本方針と
//! 取組項目名のセルの番号、取組項目の名前、シート見出しの名前、シートが挙げる取組内容
//! （番号と名前）です。シートは、それらの多くが示す取組項目のものとして扱います（同数の
//! ときは番号を優先します）。印刷される手掛かり（番号または名前）が別の取組項目を示して
//! いれば、そのセルで、シートを扱った取組項目を添えて指摘します。シート見出しは印刷され
//! ないため、食い違っていても数に入らないだけです。計画のどの取組項目も示さない番号は
//! P002 で指摘します。
//!
//! ## 理由
//! 以前は、番号の入力誤り一つ（`(3)` を `(2)`）でシート全体が別の取組項目のものとして
//! 扱われていました。正しい取組項目は未提出と指摘され、もう一方は二回提出されたことに
//! なり、二十の名前と評価が誤った取組項目と比べられていました。そのうえ、報告書は入力
//! されたとおりの番号を印刷します。
//!
//! ## 例
//! 指摘あり: シート見出しが `2-(3)` で、取組項目名が `(2) 民間活力の積極的な導入`（計画の
//! (2) は 公共施設マネジメントの推進 で、民間活力の積極的な導入 は (3) です）、取組内容は
//! 2-(3) のもの。
//! 指摘なし: `(3) 民間活力の積極的な導入`。
//!
//! ---
//!
//! A sheet whose 取組項目 number or name names another item than the rest
//! of the sheet does.
//!
//! ## What it checks
//! A 評価シート says which item it is in several ways: the numbers in the
//! 基本方針 and 取組項目名 cells, the item name, the tab name, and the 取組内容
//! it declares (by number and name). The sheet is filed under the item most
//! of them name (on a tie, the numbers win). A printed signal — the numbers
//! or the name — that names another item is reported at its cell, with the
//! item the sheet was filed under. The tab is never printed, so a tab that
//! disagrees only loses its vote. A number naming no plan item at all is
//! P002's.
//!
//! ## Why it matters
//! One mistyped number (`(2)` for `(3)`) used to re-file the whole sheet
//! under another item: the right item was reported 未提出, the other one
//! submitted twice, and twenty names and grades compared with the wrong
//! item. And the report prints the number as typed.
//!
//! ## Example
//! Fails: tab `2-(3)`, 取組項目名 `(2) 民間活力の積極的な導入` (the plan's
//! (2) is 公共施設マネジメントの推進; 民間活力の積極的な導入 is (3)), with
//! the 取組内容 of 2-(3).
//! Passes: `(3) 民間活力の積極的な導入`.

use serde::Serialize;

use crate::facts::file::FileCx;
use crate::facts::placement::Signal;
use crate::model::finding::{Lang, Violation};
use crate::model::plan::ItemId;
use crate::rules::{Findings, Rule};

pub struct ItemSignalsDisagree;

/// A number or name that names another item than the sheet is filed under.
#[derive(Debug, Serialize)]
pub struct OtherItem {
    pub signal: Signal,
    /// The cell's text as typed.
    pub written: String,
    /// The item it names.
    pub names: ItemId,
    /// The item the sheet was filed under.
    pub filed: ItemId,
    /// The plan's item name of `filed`, for the fix.
    pub filed_name: String,
    /// The signals that name `filed`.
    pub by: Vec<Signal>,
}

fn word(s: Signal, lang: Lang) -> &'static str {
    match (s, lang) {
        (Signal::Number, Lang::Ja) => "番号",
        (Signal::Name, Lang::Ja) => "取組項目名",
        (Signal::Tab, Lang::Ja) => "シート名",
        (Signal::Actions, Lang::Ja) => "取組内容",
        (Signal::Number, Lang::En) => "number",
        (Signal::Name, Lang::En) => "item name",
        (Signal::Tab, Lang::En) => "tab name",
        (Signal::Actions, Lang::En) => "actions",
    }
}

impl Violation for OtherItem {
    fn message(&self, lang: Lang) -> String {
        let by: Vec<&str> = self.by.iter().map(|s| word(*s, lang)).collect();
        let (w, names, filed) = (word(self.signal, lang), self.names, self.filed);
        match lang {
            Lang::Ja => format!(
                "この{w}は{names}を指していますが、{}は{filed}を指しています。{filed}のシートとして点検しました。",
                by.join("・")
            ),
            Lang::En => format!(
                "This {w} names {names}, but the {} name {filed}; the sheet was checked as {filed}.",
                by.join(", ")
            ),
        }
    }
    fn found(&self) -> Option<String> {
        Some(self.written.clone())
    }
    fn suggestion(&self, lang: Lang) -> Option<String> {
        let (f, n) = (self.filed, &self.filed_name);
        Some(match lang {
            Lang::Ja => format!(
                "{f}（{n}）で正しいか確認し、{}を直してください。",
                word(self.signal, lang)
            ),
            Lang::En => format!(
                "check that the sheet is {f} ({n}) and correct the {}",
                word(self.signal, lang)
            ),
        })
    }
}

impl Rule for ItemSignalsDisagree {
    fn check_file(&self, f: &FileCx, out: &mut Findings) {
        for (r, s) in f.eval_sheets() {
            let placement = f.placement(r);
            let Some(filed) = placement.item.and_then(|id| f.plan.item(id)) else {
                continue;
            };
            let by: Vec<Signal> = placement.agreeing().map(|s| s.signal).collect();
            for d in placement
                .disagreeing()
                .filter(|d| f.plan.item(d.item).is_some())
            {
                let Some(at) = &d.at else { continue };
                let written = match (d.signal, &s.policy) {
                    (Signal::Number, Some(p)) if p.at == *at => p.value.trim().to_string(),
                    _ => s
                        .item
                        .as_ref()
                        .map_or(String::new(), |i| i.value.trim().to_string()),
                };
                out.push(
                    at.clone(),
                    OtherItem {
                        signal: d.signal,
                        written,
                        names: d.item,
                        filed: filed.id,
                        filed_name: filed.item.name.clone(),
                        by: by.clone(),
                    },
                );
            }
        }
    }
}
