//! 具体的な取組のほかの年度の値の数百倍以上になっている数値を指摘します。
//!
//! ## 点検内容
//! 一つの具体的な取組の二つの年度の欄に記載された同じ数量（対象、種類、単位の次元が
//! 同じもの。`facts::relations::series` を参照してください）は、増えることも減ることも
//! ありますが、隣の年度の約1,000倍（または10,000倍、10^6倍 …）で、1年間に起こりうる
//! 半減や倍増の範囲に収まるものは、単位か桁の入力誤りです。各数値は、ほかの年度の
//! 数値のうち最も近い数量のものと比べます。10未満の数値（試行の年度の `2人`）と、
//! 基金の増減額（積立額、取崩額。その年度の判断によって決まるもの）は対象にしません。
//!
//! ## 理由
//! `千円` と `円` は一文字違いで、千円の表から円の文章へ写した数値は1,000分の1に
//! 読めてしまいます。推進会議の報告書は、数値目標の表で 8,447,029千円 を
//! `8,447,029円` と記載しました。文章の中の同じ誤りは、ほかの年度と比べることで
//! しか見つけられません。
//!
//! ## 例
//! 指摘あり: 令和5年度 `ホームページバナー掲載 12社 1,590,000円`、令和6年度 `12社
//! 1,545,000千円`。指摘なし: `1,545,000円`、`アクセス数 5,760件` → `12,236件`。
//!
//! ---
//!
//! A figure hundreds of times its value in the measure's other years.
//!
//! ## What it checks
//! The same quantity stated in two years' panels of one 具体的な取組 (same
//! subject, kind and unit dimension; see `facts::relations::series`) may
//! grow or shrink, but a figure about 1,000 times (or 10,000, 10^6 …) its
//! neighbour, within the halving or doubling a year brings, is a unit or a
//! scale typed wrong. Each figure is compared with the other year's figure
//! of the quantity closest to it; figures under 10 (a trial year's `2人`)
//! and a fund's flows (積立額, 取崩額, which follow the year's decisions) are
//! left out.
//!
//! ## Why it matters
//! `千円` and `円` are one character apart, and a figure copied from a
//! 千円 table into a sentence in 円 reads a thousand times too small. The
//! committee's report printed `8,447,029円` for 8,447,029千円 in its 数値目標
//! table; the same slip in a text is caught only against the other years.
//!
//! ## Example
//! Warns: 令和5年度 `ホームページバナー掲載 12社 1,590,000円`, 令和6年度 `12社
//! 1,545,000千円`. Passes: `1,545,000円`; `アクセス数 5,760件` → `12,236件`.

use serde::Serialize;

use crate::facts::file::FileCx;
use crate::facts::relations::{Kind, Verdict, shown_like};
use crate::model::figure::group_digits;
use crate::model::finding::{Lang, Violation};
use crate::model::year::FiscalYear;
use crate::rules::figures::judged::judged;
use crate::rules::{Findings, Rule};

pub struct ScaleJump;

#[derive(Debug, Serialize)]
pub struct Jump {
    pub year: Option<FiscalYear>,
    pub figure: String,
    pub other_year: Option<FiscalYear>,
    pub other: String,
    /// The figure divided by the other (`972`, `0.001`).
    pub ratio: f64,
    /// The figure at the other's scale, printed like it.
    pub rescaled: String,
}

fn year_ja(y: Option<FiscalYear>) -> String {
    y.map(|y| format!("{y}の")).unwrap_or_default()
}

fn times(r: f64, lang: Lang) -> String {
    match (lang, r >= 1.0) {
        (Lang::Ja, true) => format!("約{}倍", group_digits(r.round(), 0)),
        (Lang::Ja, false) => format!("約{}分の1", group_digits((1.0 / r).round(), 0)),
        (Lang::En, true) => format!("about {}×", group_digits(r.round(), 0)),
        (Lang::En, false) => format!("about 1/{}", group_digits((1.0 / r).round(), 0)),
    }
}

impl Violation for Jump {
    fn message(&self, lang: Lang) -> String {
        let (f, o) = (&self.figure, &self.other);
        let t = times(self.ratio, lang);
        match lang {
            Lang::Ja => format!(
                "{}「{f}」が、同じ具体的な取組の{}「{o}」の{t}です。単位（円・千円など）か桁の誤りではありませんか。",
                year_ja(self.year),
                year_ja(self.other_year)
            ),
            Lang::En => format!(
                "`{f}` is {t} the same measure's `{o}` of another year: a unit or scale typed wrong?"
            ),
        }
    }
    fn found(&self) -> Option<String> {
        Some(self.figure.clone())
    }
    fn expected(&self) -> Option<String> {
        Some(self.rescaled.clone())
    }
    fn suggestion(&self, lang: Lang) -> Option<String> {
        let (f, r) = (&self.figure, &self.rescaled);
        Some(match lang {
            Lang::Ja => format!("「{f}」が「{r}」の誤りでないか、単位と桁を確認してください。"),
            Lang::En => format!("check whether `{f}` should read `{r}`"),
        })
    }
}

impl Rule for ScaleJump {
    fn check_file(&self, cx: &FileCx, out: &mut Findings) {
        let q = cx.quantities();
        let facts = &q.facts;
        for (r, v) in judged(facts, &q.relations, Kind::Series) {
            let Verdict::Fails { expected } = v else {
                continue;
            };
            let (c, o) = (r.claim, r.members()[1]);
            let (x, y) = (&facts.facts[c as usize], &facts.facts[o as usize]);
            let (at, other_at) = (facts.text_of(x).at.clone(), facts.text_of(y).at.clone());
            let f = out.push(
                at.clone(),
                Jump {
                    year: facts.year_of(x),
                    figure: facts.raw(x).to_string(),
                    other_year: facts.year_of(y),
                    other: facts.raw(y).to_string(),
                    ratio: x.amount.value / y.amount.value,
                    rescaled: shown_like(expected, &x.amount),
                },
            );
            if other_at != at {
                f.related(other_at);
            }
        }
    }
}
