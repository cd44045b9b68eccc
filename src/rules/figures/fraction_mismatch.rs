//! 率や割合が、その分子と分母から導かれないことを指摘します。
//!
//! ## 点検内容
//! 率（%）と、その比のもととなる二つの数値を対象にします。率の後ろのかっこ内に
//! あるもの（`加入率41.8%（加入世帯数32,416世帯／世帯数77,550世帯）`、
//! `（32,790世帯÷76,970世帯）`、`（対象34人中26人）`、`（5/9名）`）、示された全体に
//! 対する割合（`回収58件のうち、「賛成」は19件（32.8%）`）、その具体的な取組の文章に
//! ある目標に対する達成率（`目標（500人）に対する進捗率は80.0%`、
//! `（目標額への達成率126%）`）です。率は、記載された数値の商を、その率自身の
//! 桁で端数処理したものでなければなりません。
//!
//! ## 理由
//! 率は推進会議が引用するものです。自らの数値と矛盾する率は、別の数値から計算
//! したか、入力を誤ったものです。
//!
//! ## 例
//! 指摘あり: `取得率 56.6%（5/9名）`（5 ÷ 9 = 55.6%）。指摘なし: `55.6%（5/9名）`。
//!
//! ---
//!
//! A rate or share that its numerator and denominator do not give.
//!
//! ## What it checks
//! A percentage with the two figures it is the ratio of: in brackets after it
//! (`加入率41.8%（加入世帯数32,416世帯／世帯数77,550世帯）`, `（32,790世帯÷76,970世帯）`,
//! `（対象34人中26人）`, `（5/9名）`); a share of a named whole (`回収58件のうち、
//! 「賛成」は19件（32.8%）`); an achieved rate against a target in the measure's
//! texts (`目標（500人）に対する進捗率は80.0%`, `（目標額への達成率126%）`). The rate
//! must be the quotient of the printed figures, rounded to its own precision.
//!
//! ## Why it matters
//! A rate is what the committee quotes; a rate that its own figures contradict
//! was computed from other figures, or mistyped.
//!
//! ## Example
//! Fails: `取得率 56.6%（5/9名）` (5 ÷ 9 = 55.6%). Passes: `55.6%（5/9名）`.

use crate::facts::file::FileCx;
use crate::facts::relations::Kind;
use crate::rules::figures::judged::report_failures;
use crate::rules::{Findings, Rule};

pub struct FractionMismatch;

impl Rule for FractionMismatch {
    fn check_file(&self, f: &FileCx, out: &mut Findings) {
        let q = f.quantities();
        report_failures(&q.facts, &q.relations, Kind::Rate, out);
    }
}
