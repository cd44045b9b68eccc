//! 記載された増減が、その前後の数値から導かれないことを指摘します。
//!
//! ## 点検内容
//! 数量がどれだけ動いたかを述べる数値を対象にします。後ろに向きを示す語がある
//! もの（`245人増`、`0.8ポイント低下`、`35分短縮`、`15.8%増加`）、前に基準を示す語が
//! あるもの（`前年度比`、`対令和5年度比`、`前年度から`）、値の後ろのかっこ内のもの
//! （`18件（対前年度比1件減）`）、倍率（`約1.4倍`、`倍増`、`半減`）です。これを二つの
//! 数値と比べます。現在の数値は、その増減が説明する値（`44件増の138件`、`AからBへ`。
//! なければその年度の具体的な取組の文章にある同じ数量）で、以前の数値は、示されて
//! いればその値（`前年度の42.6%から`、`前年度（98世帯）を`）、なければ基準年度の
//! 文章にある同じ数量です。ポイントの増減は差、数量の % は比率、倍 は倍率として
//! 判断します。割合の増減を % で記載し、それがポイントの差と等しいものは N009 で、
//! 端数処理の前にだけ成り立つものは N016 で指摘します。
//!
//! ## 理由
//! 数値から導かれない増減は、数値の入力誤りか、以前の下書きから写した記載です。
//! 報告書はそれをそのまま載せてしまいます。
//!
//! ## 例
//! 指摘あり: 令和5年度 `運用実績：19件`、令和6年度 `運用実績：18件（対前年度比2件減）`。
//! 指摘なし: `（対前年度比1件減）`。
//!
//! ---
//!
//! A change that the figures it is between do not give.
//!
//! ## What it checks
//! A figure that says how much a quantity moved — a direction after it
//! (`245人増`, `0.8ポイント低下`, `35分短縮`, `15.8%増加`), a base before it (`前年度比`,
//! `対令和5年度比`, `前年度から`), brackets after the value (`18件（対前年度比1件減）`),
//! a factor (`約1.4倍`, `倍増`, `半減`) — against the two figures: the current one
//! (the value it qualifies, `44件増の138件`, `AからBへ`, else the same quantity in
//! the year's texts of the 具体的な取組) and the previous one (named: `前年度の42.6%
//! から`, `前年度（98世帯）を`; else the same quantity in the base year's texts). A
//! change in points is a difference; in % of a quantity, relative; in 倍, a
//! factor. Changes of percentages claimed in % that equal the points
//! difference are N009's; claims that hold only before rounding, N016's.
//!
//! ## Why it matters
//! A change the figures do not support is a typo in a figure or a claim
//! copied from an earlier draft; the report repeats it.
//!
//! ## Example
//! Fails: 令和5年度 `運用実績：19件`, 令和6年度 `運用実績：18件（対前年度比2件減）`.
//! Passes: `（対前年度比1件減）`.

use crate::facts::file::FileCx;
use crate::facts::relations::change::POINTS_AS_PERCENT;
use crate::facts::relations::{Kind, Verdict};
use crate::rules::figures::judged::{judged, report};
use crate::rules::{Findings, Rule};

pub struct ChangeClaim;

impl Rule for ChangeClaim {
    fn check_file(&self, f: &FileCx, out: &mut Findings) {
        let q = f.quantities();
        let points_hold: Vec<u32> = judged(&q.facts, &q.relations, Kind::Change)
            .filter(|(r, v)| r.cue == POINTS_AS_PERCENT && *v == Verdict::Holds)
            .map(|(r, _)| r.claim)
            .collect();
        for (r, v) in judged(&q.facts, &q.relations, Kind::Change) {
            if r.cue == POINTS_AS_PERCENT || points_hold.contains(&r.claim) {
                continue;
            }
            if let Verdict::Fails { expected } = v {
                report(&q.facts, r, expected, false, out);
            }
        }
    }
}
