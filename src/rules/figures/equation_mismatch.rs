//! 文章に書かれた計算式の結果が、数値から導かれるものと異なることを指摘します。
//!
//! ## 点検内容
//! 数値の間にあるすべての `＝` を対象にします（`単価2,850円×延べ640時間＝1,824,000円`、
//! `165団体＋21団体＝186団体`、`118／142＝83.1%`、`134,136時間÷（1,035人×12か月）＝
//! 10.8時間`、`年度末残高…円＝前年度末…円−取崩…円＋積立…円`）。一つの数値だけの辺は、
//! もう一方の辺から導かれるものでなければなりません。各数値はその単位で扱い（金額に
//! 掛ける件数は単なる数、% は小数、% で記載した比は100倍）、結果の桁で端数処理します。
//! 記載された入力値が端数処理されていた場合にだけ成り立つ結果は N016 で指摘します。
//!
//! ## 理由
//! 計算式を書いた担当課は、読む人にその確認を促しています。誤った結果は、印刷した
//! 報告書ですぐに気付かれます。
//!
//! ## 例
//! 指摘あり: `165団体＋21団体＝196団体`。指摘なし: `165団体＋21団体＝186団体`。
//!
//! ---
//!
//! Arithmetic written out in a text whose result is not what the figures give.
//!
//! ## What it checks
//! Every `＝` between figures: `単価2,850円×延べ640時間＝1,824,000円`,
//! `165団体＋21団体＝186団体`, `118／142＝83.1%`, `134,136時間÷（1,035人×12か月）＝
//! 10.8時間`, `年度末残高…円＝前年度末…円−取崩…円＋積立…円`. The side that is one
//! figure must be what the other side gives, each figure taken in its unit (a
//! count multiplying money as a number, a percentage as a fraction, a ratio
//! claimed in % times 100), rounded to the result's precision. A result that
//! holds only if the printed inputs were rounded is N016's.
//!
//! ## Why it matters
//! A department that writes out its arithmetic invites the reader to check
//! it; a wrong result is seen at once in the printed report.
//!
//! ## Example
//! Fails: `165団体＋21団体＝196団体`. Passes: `165団体＋21団体＝186団体`.

use crate::facts::file::FileCx;
use crate::facts::relations::Kind;
use crate::rules::figures::judged::report_failures;
use crate::rules::{Findings, Rule};

pub struct EquationMismatch;

impl Rule for EquationMismatch {
    fn check_file(&self, f: &FileCx, out: &mut Findings) {
        let q = f.quantities();
        report_failures(&q.facts, &q.relations, Kind::Equation, out);
    }
}
