//! 今後の取組方針の段落が、別の取組項目の取組内容について述べていることを指摘します。
//!
//! ## 点検内容
//! 今後の取組方針の欄は、取組内容ごとに一つの段落を設け、各段落をその取組内容の丸数字と
//! 名前で始めます（`① 財政調整基金現在高（数値目標） 令和6年度末時点において…`）。計画の
//! 別の取組項目の取組内容の名前で始まり、この取組項目のどの取組内容の名前でも始まらない
//! 段落は、それが属する取組項目を添えて指摘します。読むもの: 丸数字で始まる各行の冒頭
//! （名前は全角・半角をそろえ、空白とかっこを無視して比べます）。読まないもの: 取組内容の
//! 名前で始まらない段落。
//!
//! ## 理由
//! シートは隣の取組項目のファイルから作り始めることがあります。そこから貼り付けた今後の
//! 取組方針は、推進会議に別の担当課の取組を約束することになり、シートのほかの部分には
//! 誤りがありません。
//!
//! ## 例
//! 指摘あり: 3-(4) に `① 経常収支比率（数値目標） 市税や普通交付税の動向を…`（これは
//! 3-(5)① のものです）。
//! 指摘なし: `① 財政調整基金現在高（数値目標） 令和6年度末時点において…`。
//!
//! ---
//!
//! A 今後の取組方針 paragraph that speaks of another item's action.
//!
//! ## What it checks
//! The 今後の取組方針 block gives one paragraph per action, each opening with
//! the action's circled number and name (`① 財政調整基金現在高（数値目標）
//! 令和6年度末時点において…`). A paragraph that opens with the name of an
//! action of another plan item, and with none of this item's, is reported
//! with the item it belongs to. Read: the opening of each line that starts
//! with a circled number (names compared width-folded, white space and
//! brackets ignored). Not read: paragraphs that open with no action name.
//!
//! ## Why it matters
//! Sheets are started from the neighbouring item's file: a 今後の取組方針
//! pasted from it promises the committee another department's work, and
//! nothing else on the sheet is wrong.
//!
//! ## Example
//! Fails: on 3-(4), `① 経常収支比率（数値目標） 市税や普通交付税の動向を…`
//! (that is 3-(5)①).
//! Passes: `① 財政調整基金現在高（数値目標） 令和6年度末時点において…`.

use serde::Serialize;

use crate::facts::file::FileCx;
use crate::model::finding::{Lang, Violation};
use crate::model::plan::{ActionId, ActionRef};
use crate::model::text::{key, split_circled};
use crate::rules::{Findings, Rule};

pub struct FutureOtherItem;

#[derive(Debug, Serialize)]
pub struct OtherItemsAction {
    pub line: String,
    pub of: ActionId,
    pub name: String,
}

impl Violation for OtherItemsAction {
    fn message(&self, lang: Lang) -> String {
        let (of, n) = (self.of, &self.name);
        match lang {
            Lang::Ja => format!(
                "今後の取組方針の段落が{of}（{n}）の内容で始まっています。この取組項目の取組内容ではありません。別のシートからの貼り付けでないか確認してください。"
            ),
            Lang::En => format!(
                "A 今後の取組方針 paragraph opens with {of} ({n}), an action of another item."
            ),
        }
    }
    fn found(&self) -> Option<String> {
        Some(self.line.clone())
    }
}

impl Rule for FutureOtherItem {
    fn check_file(&self, f: &FileCx, out: &mut Findings) {
        // Every plan action's name as a key, once per file.
        let mut names: Option<Vec<(ActionRef, String)>> = None;
        for (r, s) in f.eval_sheets() {
            let (Some(item), Some(future)) = (f.item_of(r), &s.future) else {
                continue;
            };
            let names = names.get_or_insert_with(|| {
                let form = &f.plan.form;
                f.plan
                    .actions()
                    .map(|a| (a, form.name_key(&a.action.name)))
                    .filter(|(_, k)| !k.is_empty())
                    .collect()
            });
            for line in future.value.lines() {
                let Some((_, rest)) = split_circled(line) else {
                    continue;
                };
                let opening = key(rest);
                let mut named = names
                    .iter()
                    .filter(|(_, k)| opening.starts_with(k.as_str()));
                if named.clone().any(|(a, _)| a.id.item == item.id) {
                    continue;
                }
                if let Some((a, _)) = named.next() {
                    let shown: String = line.trim().chars().take(40).collect();
                    out.push(
                        future.at.clone(),
                        OtherItemsAction {
                            line: shown,
                            of: a.id,
                            name: a.action.name.clone(),
                        },
                    );
                }
            }
        }
    }
}
