//! その種類の数量としてありえない数値を指摘します。負の件数・人数、全体に対する割合で100%を超えるもの、期間より長い時間、時間の後ろの分が60分以上のものです。
//!
//! ## 点検内容
//! - 実在するものの数（数 で終わる対象。職員数、件数、登録者数、またはそれらの平均）
//!   で、マイナスの符号（`▲`、`△`、`-`）が付いたもの。ただし、増減であることを示す
//!   もの（増減、対前年度、後ろに向きを示す語）がある場合は除きます。
//! - 水準を示す数の並びの中の負の数。並びの中で隣にある数（同じかっこの深さのもの）が
//!   符号なしで増減でない場合です（`一般行政職 ▲702人 技能労務職 27人`）。増減の内訳は
//!   隣にも符号が付いている（`（一般行政職＋11人、技能労務職▲4人）`）ため、指摘しません。
//! - 全体に対する割合（収納率、加入率、受診率、割合 …: 集団の一部を数える率）で100%を
//!   超えるもの。100%を超えうる率（達成率、比率、増加率、伸び率）は割合ではありません。
//!   集団の一部として書かれた % は、名前にかかわらず割合です（`受講者の91.3%が…回答`、
//!   `全体の45%を占める`、`うち62.0%`）。
//! - 時間と分で表す時間で、分が60分以上のもの（`1時間75分`）、および月・週・日あたりの
//!   時間で、その期間より長いもの（`月平均1,080時間`、`1日平均26時間`）。
//!
//! ## 理由
//! これらは符号や小数点の誤り（職員数の `▲660人`、収納率98.9%の `989%`）で、その数値が
//! 単独で記載されているときは、ほかの数値との関係からは見つけられません。
//!
//! ## 例
//! 指摘あり: `令和6年4月1日職員数 ▲660人`、`収納率989%`、`最長待ち時間 1時間50分` を
//! `1時間500分` と記載したもの。
//! 指摘なし: `職員数 660人（対前年度▲5人）`、`達成率126%`。
//!
//! ---
//!
//! A figure no quantity of its kind can take: a negative count, a share of a
//! whole above 100%, a duration longer than its period or with 60 minutes
//! or more after its hours.
//!
//! ## What it checks
//! - A count of something that exists (a subject ending in 数 — 職員数,
//!   件数, 登録者数 — or an average of a count) printed with a minus sign
//!   (`▲`, `△`, `-`), when nothing marks it as a change (増減, 対前年度, a
//!   direction word after it).
//! - A negative count in a list of counts that are levels: its neighbours
//!   in the list (at its bracket depth) are unsigned and no change
//!   (`一般行政職 ▲702人 技能労務職 27人`). A breakdown of a change has
//!   signed neighbours (`（一般行政職＋11人、技能労務職▲4人）`) and passes.
//! - A share of a whole (収納率, 加入率, 受診率, 割合 … : rates that count
//!   part of a population) above 100%. Rates that may exceed 100% (達成率,
//!   比率, 増加率, 伸び率) are not shares. A percentage written as a part of
//!   a group is a share whatever its name: `受講者の91.3%が…回答`, `全体の
//!   45%を占める`, `うち62.0%`.
//! - A duration of hours and minutes with 60 minutes or more (`1時間75分`),
//!   and a duration per month, week or day longer than the period
//!   (`月平均1,080時間`, `1日平均26時間`).
//!
//! ## Why it matters
//! These are slips of the sign or the decimal point (`▲660人` for the
//! staff count, `989%` for a collection rate of 98.9%) that no relation
//! with another figure may reveal when the figure stands alone.
//!
//! ## Example
//! Fails: `令和6年4月1日職員数 ▲660人`, `収納率989%`, `最長待ち時間 1時間50分`
//! written `1時間500分`.
//! Passes: `職員数 660人（対前年度▲5人）`, `達成率126%`.

use serde::Serialize;

use crate::facts::file::FileCx;
use crate::facts::quantity::label::Quals;
use crate::facts::quantity::unit::Dim;
use crate::facts::quantity::{Fact, Facts};
use crate::facts::relations::sum::is_change;
use crate::model::figure::scan_number;
use crate::model::finding::{Lang, Violation};
use crate::rules::{Findings, Rule};

pub struct ImplausibleFigure;

/// Rates that count a part of a whole, so at most 100%.
const SHARES: &[&str] = &[
    "収納率",
    "加入率",
    "普及率",
    "利用率",
    "受診率",
    "回収率",
    "実施率",
    "参加率",
    "投票率",
    "就職率",
    "出席率",
    "稼働率",
    "接種率",
    "交付率",
    "登録率",
    "導入率",
    "設置率",
    "整備率",
    "耐震化率",
    "電子化率",
    "オンライン化率",
    "回答率",
    "割合",
    "構成比",
];

/// What makes the figure implausible.
#[derive(Debug, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Why {
    NegativeCount,
    ShareAbove100,
    MinutesOver60,
    LongerThanPeriod,
}

#[derive(Debug, Serialize)]
pub struct Implausible {
    pub why: Why,
    pub label: String,
    pub figure: String,
}

impl Violation for Implausible {
    fn message(&self, lang: Lang) -> String {
        let (l, f) = (&self.label, &self.figure);
        match (&self.why, lang) {
            (Why::NegativeCount, Lang::Ja) => format!(
                "{l}「{f}」がマイナスです。数は負になりません。符号の誤りか、増減であればその旨（対前年度など）を記載してください。"
            ),
            (Why::NegativeCount, Lang::En) => {
                format!(
                    "{l} `{f}` is negative; a count cannot be (a sign slip, or an unmarked change?)."
                )
            }
            (Why::ShareAbove100, Lang::Ja) => format!(
                "{l}「{f}」が100%を超えています。全体に占める割合は100%以下です。小数点の位置を確認してください。"
            ),
            (Why::ShareAbove100, Lang::En) => {
                format!(
                    "{l} `{f}` is above 100%; a share of a whole cannot be (a misplaced decimal point?)."
                )
            }
            (Why::MinutesOver60, Lang::Ja) => format!(
                "{l}「{f}」の分が60以上です。時間と分で書く時間は60分未満になります。桁か単位を確認してください。"
            ),
            (Why::MinutesOver60, Lang::En) => {
                format!("{l} `{f}` has 60 minutes or more after its hours (a digit slip?).")
            }
            (Why::LongerThanPeriod, Lang::Ja) => format!(
                "{l}「{f}」が、その期間（月・週・日）の長さを超えています。桁か単位を確認してください。"
            ),
            (Why::LongerThanPeriod, Lang::En) => {
                format!("{l} `{f}` is longer than the period it is per (a digit slip?).")
            }
        }
    }
    fn found(&self) -> Option<String> {
        Some(self.figure.clone())
    }
}

/// Whether the fact's subject is written right before it (`職員数 ▲660人`,
/// `登録者数は-1,240人`), not carried over from a list it closes
/// (`登録団体数 253団体(前年度末から+19団体、−7団体…)`).
fn labelled_here(f: &Facts, x: &Fact) -> bool {
    let (before, _) = f.around(x);
    let before = before
        .strip_suffix(['は', 'が', ':', '：'])
        .unwrap_or(before)
        .trim_end();
    before.ends_with(x.label.subject.as_str())
}

fn negative_count(f: &Facts, x: &Fact) -> bool {
    let s = &x.label.subject;
    let counted = s.ends_with('数') || x.label.quals.has(Quals::AVERAGE);
    x.amount.dim.is_count()
        && counted
        && x.amount.value < 0.0
        && !marked_as_change(x)
        && labelled_here(f, x)
}

/// Whether words mark the figure as a change: 対前年度 and the like, a
/// direction word after it, 増減 or 差 in its subject.
fn marked_as_change(x: &Fact) -> bool {
    let s = &x.label.subject;
    x.label.quals.has(Quals::CHANGE)
        || x.direction.is_some()
        || s.contains("増減")
        || s.ends_with('差')
}

/// A negative count among levels: the figures next to it in its list (the
/// nearest before and after at its bracket depth) are counts, unsigned and
/// no changes, and there is at least one.
fn negative_among_levels(f: &Facts, x: &Fact) -> bool {
    use crate::facts::quantity::scan::Tok;
    let negative = x.amount.dim.is_count()
        && x.amount.value < 0.0
        && !marked_as_change(x)
        && !x.label.quals.has(Quals::NET);
    if !negative {
        return false;
    }
    let t = f.text_of(x);
    let k = x.token as usize;
    // The nearest figure at depth 0 relative to the figure, walking out.
    let neighbour = |step: isize| -> Option<&Fact> {
        let mut depth = 0i32;
        let mut j = k as isize + step;
        while j >= 0 && (j as usize) < t.tokens.len() {
            match t.tokens[j as usize].tok {
                Tok::Open(_) => depth += step.signum() as i32,
                Tok::Close(_) => depth -= step.signum() as i32,
                Tok::Figure(_) if depth == 0 => {
                    return t
                        .facts
                        .clone()
                        .map(|i| &f.facts[i as usize])
                        .find(|y| y.token as usize == j as usize);
                }
                _ => {}
            }
            // Left the figure's own group.
            if depth < 0 {
                return None;
            }
            j += step;
        }
        None
    };
    let level = |y: &Fact| y.amount.dim.is_count() && !is_change(y);
    let (before, after) = (neighbour(-1), neighbour(1));
    (before.is_some() || after.is_some()) && before.is_none_or(level) && after.is_none_or(level)
}

fn share_above_100(f: &Facts, x: &Fact) -> bool {
    x.amount.dim == Dim::Percent
        && x.amount.value > 100.0
        && x.amount.comparator.is_none()
        && x.direction.is_none()
        && !x.label.quals.has(Quals::CHANGE)
        && (SHARES.iter().any(|w| x.label.subject.ends_with(w)) || part_of_group(f, x))
}

/// A percentage written as a part of a group: `受講者の91.3%が`, `全体の45%を
/// 占める`, `うち62.0%`.
fn part_of_group(f: &Facts, x: &Fact) -> bool {
    let (before, after) = f.around(x);
    after.starts_with("を占め")
        || before.ends_with("うち")
        || before.ends_with('の') && after.starts_with('が')
}

/// The minutes after the hours of `1時間75分`, when printed so (read as the
/// scanner reads them).
fn minutes_part(raw: &str) -> Option<f64> {
    let (_, m) = raw.split_once("時間")?;
    let (v, _, used) = scan_number(m)?;
    (&m[used..] == "分").then_some(v)
}

/// A duration that cannot be: 60 minutes or more after the hours, or longer
/// than the month, week or day it is per.
fn impossible_duration(f: &Facts, x: &Fact) -> Option<Why> {
    if x.amount.dim != Dim::Minutes {
        return None;
    }
    if minutes_part(f.raw(x)).is_some_and(|m| m >= 60.0) {
        return Some(Why::MinutesOver60);
    }
    let (before, after) = f.around(x);
    // An operand of the average written out (`月平均 134,136時間÷(1,035人×
    // 12か月)=10.8時間`) is the total, not the average.
    if after.starts_with(['÷', '×', '/', '*', '=', '+', '-']) {
        return None;
    }
    let before = before
        .trim_end_matches(['は', 'が', ':', '：', '約'])
        .trim_end();
    const PERIODS: &[(&[&str], f64)] = &[
        (&["月平均", "月間", "1か月", "1ヶ月", "ひと月"], 31.0),
        (&["週平均", "1週間"], 7.0),
        (&["日平均", "1日", "一日", "1日あたり", "1日当たり"], 1.0),
    ];
    let days = PERIODS
        .iter()
        .find(|(ws, _)| ws.iter().any(|w| before.ends_with(w)))?
        .1;
    (x.amount.value > days * 24.0 * 60.0).then_some(Why::LongerThanPeriod)
}

impl Rule for ImplausibleFigure {
    fn check_file(&self, f: &FileCx, out: &mut Findings) {
        let q = f.quantities();
        for x in &q.facts.facts {
            let why = if negative_count(&q.facts, x) || negative_among_levels(&q.facts, x) {
                Why::NegativeCount
            } else if share_above_100(&q.facts, x) {
                Why::ShareAbove100
            } else if let Some(why) = impossible_duration(&q.facts, x) {
                why
            } else {
                continue;
            };
            out.push(
                q.facts.text_of(x).at.clone(),
                Implausible {
                    why,
                    label: q.facts.written_label(x),
                    figure: q.facts.raw(x).to_string(),
                },
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::relations::testing::one;

    fn flagged(text: &str) -> Vec<String> {
        let f = one(text);
        f.facts
            .iter()
            .filter(|x| {
                negative_count(&f, x)
                    || negative_among_levels(&f, x)
                    || share_above_100(&f, x)
                    || impossible_duration(&f, x).is_some()
            })
            .map(|x| f.raw(x).to_string())
            .collect()
    }

    #[test]
    fn negative_counts_and_shares_above_the_whole() {
        for (text, want) in [
            ("令和6年4月1日職員数 ▲660人", "▲660人"),
            ("・登録者数は-1,240人となった", "-1,240人"),
            ("相談件数：△35件", "△35件"),
            ("国民健康保険税の収納率は989%となった", "989%"),
            ("特定健診受診率 412.5%（前年度41.2%）", "412.5%"),
            ("自治会加入率：269%", "269%"),
            ("【参考】 一般行政職 ▲702人 技能労務職 27人", "▲702人"),
            (
                "・正規職員 812人\n・会計年度任用職員 △341人\n・再任用 45人",
                "△341人",
            ),
            ("参加者は、市民 -120名、職員 35名でした", "-120名"),
            ("避難所 12か所、備蓄倉庫 ▲8か所", "▲8か所"),
            ("登録団体 98団体 うち新規 ▲4団体", "▲4団体"),
            ("受講者の913%が業務に役立つと回答した", "913%"),
            ("回答者のうち162.5%が満足と答えた", "162.5%"),
            ("市税収入は歳入全体の345%を占める", "345%"),
            ("・最長待ち時間 1時間500分", "1時間500分"),
            ("窓口の平均待ち時間は2時間75分から短縮した", "2時間75分"),
            ("時間外勤務は月平均1,080時間となった", "1,080時間"),
            ("1日平均26時間の稼働", "26時間"),
            ("電話応対は週平均190時間", "190時間"),
        ] {
            assert_eq!(flagged(text), [want], "{text}");
        }
    }

    #[test]
    fn changes_and_rates_that_may_pass_the_whole() {
        for text in [
            "職員数 660人（対前年度▲5人）",
            "登録者数は前年度より▲12人",
            "目標額への達成率126%",
            "経常収支比率：101.3%",
            "利用件数の伸び率は135%",
            "加入率29.3%（対前年比2.4ポイント減）",
            "職員数の増減 ▲7人",
            "登録団体数 253団体(前年度末から+19団体、−7団体で差引+12団体)",
            "前年同期比＋6人（一般行政職＋11人、技能労務職▲4人、保育士等▲1人、その他±0人）",
            "職員数 660人（対前年度+12人） 一般行政職 632人（対前年度+17人） 技能労務職 28人（対前年度▲5人）",
            "・転入 1,204人\n・転出 1,310人\n・差引 ▲106人",
            "将来負担比率 ▲45.1%（26市平均 ▲23.5%）",
            "収支 ▲12,300千円、契約 30件",
            "利用件数は前年度の135%となった",
            "受講者の91.3%が業務に役立つと回答",
            "最長待ち時間 1時間59分",
            "時間外勤務は月平均108時間",
            "年間の残業時間は1,080時間",
            "延べ720時間（1日平均4時間）",
            "職員1人当たり月平均 134,136時間÷(1,035人×12か月)=10.8時間",
            "前年度比の120%が目標",
        ] {
            assert_eq!(flagged(text), Vec::<String>::new(), "{text}");
        }
    }
}
