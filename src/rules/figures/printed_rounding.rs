//! 記載された数値が別の値から端数処理されたものである場合にだけ成り立つ記載を指摘します。
//!
//! ## 点検内容
//! ほかの数値のルールが扱う関係（和、増減、率、平均、計算式、残高、累計、目標との差）は、
//! すべて記載された数値で判断します。記載された数値からはその記載が導かれないものの、
//! 記載されていない値から端数処理したものであれば導かれる場合（`29.3%` →
//! `前年比2.5ポイント減の26.9%`: 記載された数値では2.4。`3.39t-CO2 × 64世帯 × 5.1% ＝
//! 11.0t-CO2`: 11.06）に、このルールで記載された数値から導かれる値を示します。推進会議が
//! 読むのは記載された数値です。
//!
//! ## 理由
//! 計算を確かめた読む人には、端数処理の前には正しかった計算が誤りに見えます。
//! シートには一致する数値を記載するか、率を端数処理の前の値で計算している旨を
//! 記載してください。
//!
//! ## 例
//! 指摘あり: `自治会加入率29.3%` の後に `加入率は前年比2.5ポイント減の26.9%`
//! （表示値では2.4ポイント減）。指摘なし: `前年比2.4ポイント減の26.9%`。
//!
//! ---
//!
//! A claim that holds only if the printed figures were rounded from other
//! values.
//!
//! ## What it checks
//! Every relation of the other figure rules (sums, changes, rates, averages,
//! equations, balances, running totals, distances to targets) is judged on
//! the figures as printed. When the printed figures do not give the claim,
//! but would if they were rounded from unprinted values (`29.3%` → `前年比2.5
//! ポイント減の26.9%`: the printed figures give 2.4; `3.39t-CO2 × 64世帯 × 5.1% ＝
//! 11.0t-CO2`: 11.06), this rule reports what the printed figures give. The
//! committee reads the printed figures.
//!
//! ## Why it matters
//! A reader who checks the arithmetic finds it wrong, although it was right
//! before rounding; the sheet should print figures that agree, or say that
//! its rates are computed before rounding.
//!
//! ## Example
//! Reported: `自治会加入率29.3%`, then `加入率は前年比2.5ポイント減の26.9%`
//! (表示値では2.4ポイント減). Not reported: `前年比2.4ポイント減の26.9%`.

use crate::facts::file::FileCx;
use crate::facts::relations::change::POINTS_AS_PERCENT;
use crate::facts::relations::{Kind, Verdict};
use crate::rules::figures::judged::{judged, report};
use crate::rules::{Findings, Rule};

pub struct PrintedRounding;

const FAMILIES: [Kind; 8] = [
    Kind::Sum,
    Kind::Change,
    Kind::Rate,
    Kind::Average,
    Kind::Equation,
    Kind::Balance,
    Kind::Running,
    Kind::TargetGap,
];

impl Rule for PrintedRounding {
    fn check_file(&self, f: &FileCx, out: &mut Findings) {
        let q = f.quantities();
        for kind in FAMILIES {
            for (r, v) in judged(&q.facts, &q.relations, kind) {
                if r.cue == POINTS_AS_PERCENT {
                    continue;
                }
                if let Verdict::Rounded { expected } = v {
                    report(&q.facts, r, expected, true, out);
                }
            }
        }
    }
}
