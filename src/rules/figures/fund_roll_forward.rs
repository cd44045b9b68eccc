//! 残高が、前年度の残高とその年度の増減額から導かれないことを指摘します。
//!
//! ## 点検内容
//! 基金や地方債（残高、現在高）について、具体的な取組の各年度で、年度末の残高は、
//! 前年度末の残高に、増えた額（積立、借入、発行）を加え、減った額（取崩、償還）を
//! 差し引いたものでなければなりません。項の順番、記載されている欄、記載の桁
//! （円、千円、億円）は問いません。前年度の残高は、その具体的な取組の文章にある
//! 前年度のものとします。端数処理の前にだけ成り立つ残高は N016 で指摘します。
//!
//! ## 理由
//! 残高は計画の主要な数値です。計算の合わない残高は、残高、積立額、取崩額の
//! いずれかの入力誤りを意味します。
//!
//! ## 例
//! 指摘あり: 令和5年度末 `9,249,275,327円`、続いて `積立額 752,672,314円`、`取崩額
//! 800,000,000円`、`令和6年度末現在高 9,201,902,641円`（計算すると 9,201,947,641円）。
//! 指摘なし: `積立額 752,627,314円`。
//!
//! ---
//!
//! A balance that last year's balance and the year's inflows and outflows do
//! not give.
//!
//! ## What it checks
//! For a fund or a debt (残高, 現在高), in each year of a 具体的な取組: the year-end
//! balance must equal the previous year-end balance plus what came in (積立,
//! 借入, 発行) minus what went out (取崩, 償還), whatever the order of the
//! terms, the panels they stand in, or the scale they are printed in (円,
//! 千円, 億円). The previous balance is the previous year's in the measure's
//! texts. A balance that holds only before rounding is N016's.
//!
//! ## Why it matters
//! The balances are the plan's headline figures; one that does not roll
//! forward means a typo in a balance, a deposit or a withdrawal.
//!
//! ## Example
//! Fails: 令和5年度末 `9,249,275,327円`, then `積立額 752,672,314円`, `取崩額
//! 800,000,000円` and `令和6年度末現在高 9,201,902,641円` (the terms give
//! 9,201,947,641円). Passes: `積立額 752,627,314円`.

use crate::facts::file::FileCx;
use crate::facts::relations::Kind;
use crate::rules::figures::judged::report_failures;
use crate::rules::{Findings, Rule};

pub struct FundRollForward;

impl Rule for FundRollForward {
    fn check_file(&self, f: &FileCx, out: &mut Findings) {
        let q = f.quantities();
        report_failures(&q.facts, &q.relations, Kind::Balance, out);
    }
}
