//! 同じ年度の同じ数値が、二か所で異なって記載されていることを指摘します。
//!
//! ## 点検内容
//! 二か所に記載された一つの数量は、その記載の範囲で一致しなければなりません
//! （同一性を読み取る処理 `facts::relations::identity` を参照してください）。対象は、
//! 一つの具体的な取組の二つの文章にある、対象・種類・年度の同じもの（令和6年度の欄の
//! `加入率42.6%` と、令和7年度の欄の `前年度の42.6%から…`）、数値目標の値と、その
//! 取組内容のその年度の文章にある最も近い数値で同じ単位のもの（差が0.5%以内なら同じ
//! 数量とみなします。桁が異なるものは N002 で点検します）、二つの取組項目のシートに
//! ある一つの系列（他の取組項目の下に再掲（（再掲））した具体的な取組、または別の
//! 二つの年度で数値が等しく同じ対象を報告する二つの具体的な取組。例: 一つの
//! テレワークの制度についての二つの担当課のシート）です。一つのセルの中の二つの
//! 記載は比べません（多くの場合、二つの対象について述べています:
//! `26市平均：…滞納繰越分44.5% 昭島市：…滞納繰越分39.3%`）。
//!
//! ## 理由
//! 一か所で数値を直し、その写しを直さないと、報告書が自らと矛盾します。
//!
//! ## 例
//! 指摘あり: 2-(1) が `令和4年度：4件` `令和5年度：19件` `令和6年度の実績は16件` で、4-(4) が
//! `運用実績：4件` `運用実績：19件` `運用実績：18件`。または、数値目標の実績が `98.6%` で、
//! 文章には `昭島市収納率：合計98.9%` とある。指摘なし: どちらも `18件`。
//!
//! ---
//!
//! The same figure for the same year stated differently in two places.
//!
//! ## What it checks
//! One quantity stated in two places must agree within its printing (see the
//! identity extractor, `facts::relations::identity`): the same subject, kind
//! and year in two texts of a 具体的な取組 (`加入率42.6%` in the 令和6年度 panel,
//! `前年度の42.6%から…` in the 令和7年度 one); a 数値目標 value and the closest figure
//! of its action's text for that year, printed in the same unit (within 0.5%
//! they are taken to be the same quantity; other scales: N002); and one
//! series in two items' sheets — a measure repeated under another item
//! (（再掲）), or two measures reporting the same subject with equal figures in
//! two other years (two departments' sheets on one テレワーク scheme). Two
//! mentions in one cell are not compared (they usually speak of two
//! subjects: `26市平均：…滞納繰越分44.5% 昭島市：…滞納繰越分39.3%`).
//!
//! ## Why it matters
//! A figure corrected in one place and not in its copy leaves the report
//! contradicting itself.
//!
//! ## Example
//! Fails: 2-(1) `令和4年度：4件` `令和5年度：19件` `令和6年度の実績は16件`, and 4-(4)
//! `運用実績：4件` `運用実績：19件` `運用実績：18件`; or 数値目標 実績 `98.6%` while the
//! text says `昭島市収納率：合計98.9%`. Passes: `18件` in both.

use crate::facts::batch::Batch;
use crate::facts::file::FileCx;
use crate::facts::relations::{Kind, Verdict};
use crate::rules::figures::judged::{judged, report};
use crate::rules::figures::{report_target_text, two_scales};
use crate::rules::{Findings, Rule};

pub struct SameFigureDiffers;

impl Rule for SameFigureDiffers {
    /// Within a file: one quantity in two texts of a measure, in one scale.
    fn check_file(&self, f: &FileCx, out: &mut Findings) {
        let q = f.quantities();
        for (r, v) in judged(&q.facts, &q.relations, Kind::Identity) {
            let (a, o) = (
                &q.facts.facts[r.claim as usize],
                &q.facts.facts[r.members()[1] as usize],
            );
            if two_scales(a, o) {
                continue; // N002's
            }
            if let Verdict::Fails { expected } = v {
                report(&q.facts, r, expected, false, out);
            }
        }
    }

    /// Across files: a 数値目標 value against its action's text, and one
    /// series in two items' sheets.
    fn check_batch(&self, b: &Batch, out: &mut Findings) {
        report_target_text(b, true, out);
        let q = b.quantities();
        for r in &q.across {
            if let Some(Verdict::Fails { expected }) = r.verdict(&q.facts) {
                report(&q.facts, r, expected, false, out);
            }
        }
    }
}
