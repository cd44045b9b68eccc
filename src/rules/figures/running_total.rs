//! 累計が、前年度の累計とその年度の数値から導かれないことを指摘します。
//!
//! ## 点検内容
//! 具体的な取組の年度の文章で 累計 と記した数値は、前年度の同じ種類の累計に、
//! その年度の数値を加えたものでなければなりません。その年度の数値は、累計の横に
//! 記載されたもの（`修了者 37人（累計355人）`、`47手続を追加し、累計176手続`、
//! `交付枚数（累計）142,318枚（…令和7年度中の交付6,113枚）`）か、その年度の新規の
//! ものとして記したもの（新規）です。
//!
//! ## 理由
//! 累計は、シートからシートへ手作業で引き継がれます。更新していない累計や、二度
//! 加えた累計は、年度ごとの数値とずれていきます。
//!
//! ## 例
//! 指摘あり: 令和6年度 `累計129手続`、令和7年度 `47手続を追加し、累計175手続`。
//! 指摘なし: `累計176手続`。
//!
//! ---
//!
//! A running total (累計) that last year's and the year's own figure do not
//! give.
//!
//! ## What it checks
//! A figure marked 累計 in a year's text of a 具体的な取組 must be the previous
//! year's 累計 of the same kind plus the year's own figure, stated beside it
//! (`修了者 37人（累計355人）`, `47手続を追加し、累計176手続`, `交付枚数（累計）142,318
//! 枚（…令和7年度中の交付6,113枚）`) or marked as the year's new ones (新規).
//!
//! ## Why it matters
//! Running totals are carried from sheet to sheet by hand; one that was not
//! updated, or updated twice, drifts from the yearly figures.
//!
//! ## Example
//! Fails: 令和6年度 `累計129手続`, 令和7年度 `47手続を追加し、累計175手続`.
//! Passes: `累計176手続`.

use crate::facts::file::FileCx;
use crate::facts::relations::Kind;
use crate::rules::figures::judged::report_failures;
use crate::rules::{Findings, Rule};

pub struct RunningTotal;

impl Rule for RunningTotal {
    fn check_file(&self, f: &FileCx, out: &mut Findings) {
        let q = f.quantities();
        report_failures(&q.facts, &q.relations, Kind::Running, out);
    }
}
