//! 合計が内訳の和になっていないことを指摘します。
//!
//! ## 点検内容
//! 合計と内訳を、どのように書かれていても読み取ります（和を読み取る処理
//! `facts::relations::sum` を参照してください）。合計の後ろのかっこ内の内訳
//! （`計187団体（運営費補助164団体、集会施設修繕補助23団体）`、`（内訳：来所196件、…）`）、
//! その下の字下げした行、合計・計・差引 と記した合計の前にある内訳（`…崖線（1団体：
//! 40名） 合計43団体 648名`、`…（計100.0%）`）、同じ行で合計の後ろに続く内訳
//! （`職員数 660人（…） 一般行政職 632人（…） 技能労務職 28人（…）` と、その横の増減）、
//! 符号付きの内訳を持つ増減（`前年同期比＋6人（一般行政職＋11人、技能労務職▲4人…）`）
//! です。うち と記した内訳は加算しません。合計は、記載された内訳の和でなければ
//! なりません（件数と円は完全に一致し、それ以外はその数値自身の端数の範囲で一致
//! すること）。内訳が別の値から端数処理されていた場合にだけ成り立つものは、
//! N016 で指摘します。
//!
//! ## 理由
//! 足し算の合わない内訳は、そのどれかの数値が誤っていることを意味しますが、
//! 読む人にはどれが誤りか分かりません。
//!
//! ## 例
//! 指摘あり: `【参考：類似団体7市平均727人】 一般行政職 702人 技能労務職 27人`
//! （702 + 27 = 729）。指摘なし: `計187団体（運営費補助164団体、集会施設修繕補助23団体）`。
//!
//! ---
//!
//! A total that is not the sum of its parts.
//!
//! ## What it checks
//! Totals and their parts however they are written (see the sum extractor,
//! `facts::relations::sum`): the parts in brackets after the total (`計187団体
//! （運営費補助164団体、集会施設修繕補助23団体）`, `（内訳：来所196件、…）`), on the
//! indented line below it, before a total marked 合計 / 計 / 差引 (`…崖線（1団体：
//! 40名） 合計43団体 648名`, `…（計100.0%）`), or after it on the same line
//! (`職員数 660人（…） 一般行政職 632人（…） 技能労務職 28人（…）`, and the changes
//! beside them); and a change with its signed parts (`前年同期比＋6人（一般行政職
//! ＋11人、技能労務職▲4人…）`). A part marked うち is not an addend. The total
//! must be the sum of the printed parts (exactly for counts and yen; to its
//! own rounding otherwise); one that holds only if the parts were rounded from
//! other values is N016's.
//!
//! ## Why it matters
//! A breakdown that does not add up means one of its figures is wrong, and
//! the reader cannot tell which.
//!
//! ## Example
//! Fails: `【参考：類似団体7市平均727人】 一般行政職 702人 技能労務職 27人` (702 + 27 =
//! 729). Passes: `計187団体（運営費補助164団体、集会施設修繕補助23団体）`.

use crate::facts::file::FileCx;
use crate::facts::relations::Kind;
use crate::rules::figures::judged::report_failures;
use crate::rules::{Findings, Rule};

pub struct TotalMismatch;

impl Rule for TotalMismatch {
    fn check_file(&self, f: &FileCx, out: &mut Findings) {
        let q = f.quantities();
        report_failures(&q.facts, &q.relations, Kind::Sum, out);
    }
}
