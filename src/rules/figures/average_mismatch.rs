//! 平均が、その合計と割る数から導かれないことを指摘します。
//!
//! ## 点検内容
//! 何かあたりの数値（`1人当たり平均37千円`、`1日平均367枚`、`1講座平均42.0人`、
//! `月平均2,040回`）は、同じ文章にある同じ種類の合計（計・総額・延べ と記したもの、
//! またはそれしかないもの）を、あたりの対象の数（人、日、講座、か月 …。同じ文にあるか、
//! 合計として記したもの）で割った商です。平均は、記載された商を、その平均自身の桁で
//! 端数処理したものでなければなりません。
//!
//! ## 理由
//! 平均は、多くの場合、横にある数値から手計算で求めます。それと合わなければ、
//! 三つの数値のどれかが更新されていません。
//!
//! ## 例
//! 指摘あり: `来庁者計1,044人、1回平均88人` で `年12回`（1,044 ÷ 12 = 87）。
//! 指摘なし: `1回平均87人`。
//!
//! ---
//!
//! An average that the total and the count it divides do not give.
//!
//! ## What it checks
//! A figure per something (`1人当たり平均37千円`, `1日平均367枚`, `1講座平均42.0人`,
//! `月平均2,040回`) is the quotient of the total of its kind in the same text
//! (the one marked 計 / 総額 / 延べ, or the only one) and the count of what it is
//! per (人, 日, 講座, か月 …, in the same sentence or marked as a total). The
//! average must be the printed quotient, rounded to its own precision.
//!
//! ## Why it matters
//! An average is usually computed by hand from the figures beside it; when it
//! disagrees with them, one of the three was not updated.
//!
//! ## Example
//! Fails: `来庁者計1,044人、1回平均88人` with `年12回` (1,044 ÷ 12 = 87).
//! Passes: `1回平均87人`.

use crate::facts::file::FileCx;
use crate::facts::relations::Kind;
use crate::rules::figures::judged::report_failures;
use crate::rules::{Findings, Rule};

pub struct AverageMismatch;

impl Rule for AverageMismatch {
    fn check_file(&self, f: &FileCx, out: &mut Findings) {
        let q = f.quantities();
        report_failures(&q.facts, &q.relations, Kind::Average, out);
    }
}
