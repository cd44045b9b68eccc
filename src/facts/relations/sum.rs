//! Totals and their parts, however they are written:
//! - the parts in brackets after the total: `計187団体（運営費補助164団体、
//!   集会施設修繕補助23団体）`, `1,467件（郵送918件、Web549件）`, or on the next
//!   line `（内訳：来所196件、電話143件…）`;
//! - the parts on an indented line under it: `職員数 1,302人` /
//!   `　一般行政職1,048人、技能労務職96人…`;
//! - the parts first, then the total: `… 崖線（1団体：40名） 合計43団体 648名`,
//!   `…（計100.0%）`, `+19団体、−7団体で差引+12団体`;
//! - the total, then its labelled parts on the same line: `職員数 660人 一般行政職
//!   632人 技能労務職 28人`;
//! - a change and its signed parts: `前年同期比＋6人（一般行政職＋11人、技能労務職
//!   ▲4人…）`, and the changes of parts beside their figures.
//!
//! `うち` marks a part that is not an addend (`総額28,450千円（うち修繕9,870千円）`):
//! it is not summed. Percentages of parts only add up when the text marks a
//! total (`計`, `合わせて`); so do counts of different things (`計7施設（小学校2校、
//! …1棟）`).

use crate::facts::quantity::label::{Direction, Quals, YearRef};
use crate::facts::quantity::scan::Tok;
use crate::facts::quantity::unit::Dim;
use crate::facts::quantity::{Fact, Facts, Text, matching_close, same_stretch};
use crate::facts::relations::{Expr, Kind, Relation, balance};

/// Words inside brackets that make them something else than a breakdown.
const NOT_PARTS: &[&str] = &[
    "前年",
    "昨年",
    "比",
    "対",
    "から",
    "より",
    "増",
    "減",
    "うち",
    "当たり",
    "平均",
    "新規",
    "抹消",
    "廃止",
    "終了",
    "追加",
    "削除",
    "累計",
    "目標",
    "計画",
    "予定",
    "現在",
    "時点",
    // Extremes and capacities are no addends (`（最多月18件、最少月5件）`,
    // `（定員100人、申込92人）`).
    "最多",
    "最少",
    "最大",
    "最小",
    "最高",
    "最低",
    "定員",
];

/// Whether `part` can be a part of `total` (same dimension; counts of other
/// things under a marked total; bare numbers under a counted change).
fn fits(total: &Fact, part: &Fact) -> bool {
    fits_as(total, part, false)
}

/// [`fits`], allowing counts of other things under a marked total when
/// `mixed` (a bracketed breakdown: `計7施設（小学校2校、…1棟）`).
fn fits_as(total: &Fact, part: &Fact, mixed: bool) -> bool {
    let (t, p) = (&total.amount.dim, &part.amount.dim);
    if t.same(p) {
        return t.additive()
            || total.label.quals.has(Quals::TOTAL)
            || total.label.quals.has(Quals::NET);
    }
    match (t, p) {
        (Dim::Count(_), Dim::Count(_)) => mixed && total.label.quals.has(Quals::TOTAL),
        (Dim::Count(_) | Dim::Money, Dim::Bare) => is_change(total) && part.amount.signed.is_some(),
        _ => false,
    }
}

/// A figure that states a change (signed, 前年度比, or a direction word).
pub fn is_change(f: &Fact) -> bool {
    f.amount.signed.is_some() || f.label.quals.has(Quals::CHANGE) || f.direction.is_some()
}

/// The coefficient a figure takes in a signed sum: `5人減` counts as −5.
pub fn signed(f: &Fact) -> f64 {
    if f.amount.signed.is_none() && f.direction == Some(Direction::Down) {
        -1.0
    } else {
        1.0
    }
}

/// The fact index of token `k` of `text`.
pub fn fact_at(text: &Text, k: usize) -> Option<u32> {
    if !matches!(text.tokens.get(k)?.tok, Tok::Figure(_)) {
        return None;
    }
    Some(
        text.facts.start
            + text.tokens[..k]
                .iter()
                .filter(|x| matches!(x.tok, Tok::Figure(_)))
                .count() as u32,
    )
}

/// The figures (fact indices) between tokens `a` and `b`, at bracket depth 0
/// relative to `a`.
fn figures_between(text: &Text, a: usize, b: usize) -> Vec<u32> {
    let mut out = Vec::new();
    let mut depth = 0;
    for k in a..b {
        match text.tokens[k].tok {
            Tok::Open(_) => depth += 1,
            Tok::Close(_) => depth -= 1,
            Tok::Figure(_) if depth == 0 => out.extend(fact_at(text, k)),
            _ => {}
        }
    }
    out
}

fn words_between(text: &Text, a: usize, b: usize) -> String {
    text.tokens[a..b]
        .iter()
        .filter(|x| x.tok == Tok::Word)
        .map(|x| &text.folded[x.span.clone()])
        .collect()
}

/// The next token after `k` that is not white space.
fn next_solid(text: &Text, k: usize) -> Option<usize> {
    (k + 1..text.tokens.len()).find(|&j| text.tokens[j].tok != Tok::Space)
}

fn sum_of(total: u32, parts: &[u32], f: &Facts, cue: &'static str, out: &mut Vec<Relation>) {
    if parts.len() < 2 {
        return;
    }
    let t = &f.facts[total as usize];
    let change = is_change(t);
    let terms = parts
        .iter()
        .map(|&p| {
            let c = if change {
                signed(&f.facts[p as usize])
            } else {
                1.0
            };
            (c, Expr::fact(p))
        })
        .collect();
    let expr = Expr::Sum(terms);
    // A total stated as a decrease (`5人減`) is compared as a negative sum.
    let expr = if change && signed(t) < 0.0 {
        Expr::Sum(vec![(-1.0, expr)])
    } else {
        expr
    };
    out.push(Relation {
        kind: Kind::Sum,
        claim: total,
        expr,
        cue,
    });
}

/// Parts in brackets right after a figure (or opening the next line).
fn bracketed(text: &Text, f: &Facts, out: &mut Vec<Relation>) {
    let toks = &text.tokens;
    for (k, tok) in toks.iter().enumerate() {
        let Tok::Figure(_) = tok.tok else { continue };
        let Some(total) = fact_at(text, k) else {
            continue;
        };
        let Some(mut o) = next_solid(text, k) else {
            continue;
        };
        // `5人減（…）`: the direction word of a change before its parts.
        if toks[o].tok == Tok::Word
            && crate::facts::quantity::label::direction_after(&text.folded[toks[o].span.clone()])
                .is_some()
            && let Some(n) = next_solid(text, o)
        {
            o = n;
        }
        // `延べ412件` / `（内訳：…）` on the next line.
        if toks[o].tok == Tok::Line
            && let Some(n) = next_solid(text, o)
        {
            o = n;
        }
        let Tok::Open(_) = toks[o].tok else { continue };
        let Some(c) = matching_close(toks, o) else {
            continue;
        };
        let words = words_between(text, o + 1, c);
        let t = &f.facts[total as usize];
        let change_total = is_change(t);
        if toks[o + 1..c]
            .iter()
            .any(|x| matches!(x.tok, Tok::Slash | Tok::Div | Tok::Equals | Tok::Times))
            || (!change_total && NOT_PARTS.iter().any(|w| words.contains(w)))
        {
            continue;
        }
        let parts = figures_between(text, o + 1, c);
        if parts.len() < 2
            || !parts
                .iter()
                .all(|&p| fits_as(t, &f.facts[p as usize], true))
        {
            continue;
        }
        // Percentages only add up under a marked total.
        if !t.amount.dim.additive() && !t.label.quals.has(Quals::TOTAL) && !change_total {
            continue;
        }
        // Figures of other years beside a year's figure are a series
        // (`120件（令和5年度98件、令和4年度87件）`), unless the total is
        // marked one (`2か年計120件（令和6年度80件、…）`).
        if !t.label.quals.has(Quals::TOTAL)
            && !t.label.quals.has(Quals::YEARS)
            && parts.iter().any(|&p| {
                let y = f.facts[p as usize].label.year;
                y != YearRef::Column && y != t.label.year
            })
        {
            continue;
        }
        // A balance's flows beside it are its roll-forward, not its parts
        // (`基金残高 610,000千円（積立 120,000千円、取崩 40,000千円）`).
        if balance::role(t) == Some(balance::Role::Balance)
            && parts.iter().any(|&p| {
                matches!(
                    balance::role(&f.facts[p as usize]),
                    Some(balance::Role::In | balance::Role::Out)
                )
            })
        {
            continue;
        }
        // Signed parts under a change; plain parts under an amount.
        if change_total != parts.iter().all(|&p| is_change(&f.facts[p as usize])) {
            continue;
        }
        sum_of(total, &parts, f, "内訳", out);
    }
}

/// Parts on the indented line under a figure ending its line.
fn indented(text: &Text, f: &Facts, out: &mut Vec<Relation>) {
    let toks = &text.tokens;
    for (k, tok) in toks.iter().enumerate() {
        let Tok::Figure(_) = tok.tok else { continue };
        let Some(total) = fact_at(text, k) else {
            continue;
        };
        // The figure ends its line (but for a bracket without figures).
        let mut j = k + 1;
        while j < toks.len() && toks[j].tok != Tok::Line {
            match toks[j].tok {
                Tok::Open(_) => match matching_close(toks, j) {
                    Some(c) if figures_between(text, j + 1, c).is_empty() => j = c,
                    _ => break,
                },
                Tok::Space | Tok::Word => {}
                _ => break,
            }
            j += 1;
        }
        if j >= toks.len() || toks[j].tok != Tok::Line {
            continue;
        }
        // The next line is indented, or opens with 内訳 (`・内訳　自治会 240人　学校
        // 98人…`), and holds only the parts.
        let mut s = j + 1;
        while toks.get(s).is_some_and(|x| x.tok == Tok::Line) {
            s += 1;
        }
        let breakdown = toks
            .get(s)
            .is_some_and(|x| x.tok == Tok::Word && text.folded[x.span.clone()].starts_with("内訳"));
        if toks.get(j + 1).is_none_or(|x| x.tok != Tok::Space) && !breakdown {
            continue;
        }
        let j = if breakdown { s - 1 } else { j };
        let end = (j + 1..toks.len())
            .find(|&e| toks[e].tok == Tok::Line)
            .unwrap_or(toks.len());
        if toks[j + 1..end]
            .iter()
            .any(|x| matches!(x.tok, Tok::Open(_) | Tok::Slash | Tok::Equals | Tok::Times))
        {
            continue;
        }
        let t = &f.facts[total as usize];
        let parts = figures_between(text, j + 1, end);
        if parts.len() < 2
            || !parts.iter().all(|&p| {
                fits(t, &f.facts[p as usize]) && !f.facts[p as usize].label.subject.is_empty()
            })
            || !t.amount.dim.additive()
        {
            continue;
        }
        sum_of(total, &parts, f, "内訳", out);
    }
}

/// A marked total after its parts.
fn parts_first(text: &Text, f: &Facts, out: &mut Vec<Relation>) {
    let toks = &text.tokens;
    let figs: Vec<(usize, u32)> = toks
        .iter()
        .enumerate()
        .filter_map(|(k, _)| fact_at(text, k).map(|i| (k, i)))
        .collect();
    for (n, &(k, total)) in figs.iter().enumerate() {
        let t = &f.facts[total as usize];
        let q = t.label.quals;
        if !(q.has(Quals::TOTAL) || q.has(Quals::NET))
            || q.has(Quals::YEARS)
            || q.has(Quals::AVERAGE)
            || q.has(Quals::CUMULATIVE)
        {
            continue;
        }
        // `合計98.9%` is an overall rate, not a sum; shares add up to 100%.
        if t.amount.dim == Dim::Percent && (t.amount.value - 100.0).abs() > 0.5 {
            continue;
        }
        // Inside brackets, the parts are in the same brackets, unless the
        // total opens them (`…17.7%（計100.0%）`).
        let open = enclosing_open(text, k);
        let from = match open {
            Some(o) if figs.iter().any(|&(j, _)| j > o && j < k) => o,
            Some(o) => (0..o)
                .rev()
                .find(|&j| toks[j].tok == Tok::Line)
                .map_or(0, |j| j),
            None => 0,
        };
        let mut parts: Vec<u32> = Vec::new();
        for &(j, p) in figs[..n].iter().rev() {
            if j < from {
                break;
            }
            let x = &f.facts[p as usize];
            // Up to the previous total of the same dimension.
            if x.amount.dim.same(&t.amount.dim)
                && (x.label.quals.has(Quals::TOTAL) || x.label.quals.has(Quals::NET))
            {
                break;
            }
            let ok = fits(t, x)
                && !x.label.quals.has(Quals::AVERAGE)
                && !x.label.quals.has(Quals::TARGET)
                && !x.label.quals.has(Quals::CUMULATIVE)
                && x.per.is_none()
                && (q.has(Quals::NET) || !is_change(x) || is_change(t));
            if ok {
                parts.push(p);
            }
        }
        parts.reverse();
        // Where the parts start, when earlier figures of the kind are not
        // parts: the longest run ending at the total that adds up as printed.
        let start = (0..parts.len().saturating_sub(1)).find(|&s| {
            let mut tmp = Vec::new();
            sum_of(total, &parts[s..], f, "合計", &mut tmp);
            tmp.first()
                .and_then(|r| r.verdict(f))
                .is_some_and(|v| v == crate::facts::relations::Verdict::Holds)
        });
        let parts = &parts[start.unwrap_or(0)..];
        sum_of(total, parts, f, "合計", out);
    }
}

/// The `Open` of the brackets token `k` stands in, if any.
fn enclosing_open(text: &Text, k: usize) -> Option<usize> {
    let toks = &text.tokens;
    let mut depth = 0;
    for j in (0..k).rev() {
        match toks[j].tok {
            Tok::Close(_) => depth += 1,
            Tok::Open(_) if depth == 0 => return Some(j),
            Tok::Open(_) => depth -= 1,
            Tok::Line => return None,
            _ => {}
        }
    }
    None
}

/// A total followed on its line by labelled parts: `職員数 660人（…） 一般行政職
/// 632人（…） 技能労務職 28人（…）`. Each part has a label of its own without a
/// colon (`電話催告：5,024件` is a sibling, not a part); the changes beside the
/// figures add up too. A list of labelled figures after a figure is as often
/// a list of siblings (`口座振替 89,924件 コンビニ 63,570件 …`), so the first
/// figure must say it is a whole (a count, `職員数`; a total, `計`), or the
/// parts must repeat the labels of parts found so (`…平均727人 一般行政職 702人
/// 技能労務職 27人`).
/// A whole, its parts, and the change beside the whole with the parts' changes.
type PartGroup = (u32, Vec<u32>, Option<(u32, Vec<u32>)>);

fn labelled_parts(text: &Text, f: &Facts, out: &mut Vec<Relation>) {
    let mut groups: Vec<PartGroup> = Vec::new();
    let toks = &text.tokens;
    for (k, tok) in toks.iter().enumerate() {
        let Tok::Figure(_) = tok.tok else { continue };
        let Some(total) = fact_at(text, k) else {
            continue;
        };
        let t = &f.facts[total as usize];
        if !t.amount.dim.additive()
            || is_change(t)
            || enclosing_open(text, k).is_some_and(|o| {
                !matches!(
                    toks[o].tok,
                    Tok::Open('【') | Tok::Open('[') | Tok::Open('<')
                )
            })
        {
            continue;
        }
        // After the total: its own bracket (a change), closing brackets, space.
        let mut j = k + 1;
        let mut own_change: Option<u32> = None;
        while j < toks.len() {
            match toks[j].tok {
                Tok::Space | Tok::Close(_) => j += 1,
                Tok::Open(_) => {
                    let Some(c) = matching_close(toks, j) else {
                        break;
                    };
                    let inner = figures_between(text, j + 1, c);
                    if let [d] = inner[..]
                        && is_change(&f.facts[d as usize])
                    {
                        own_change = Some(d);
                    } else if !inner.is_empty() {
                        break;
                    }
                    j = c + 1;
                }
                _ => break,
            }
        }
        // A list after the total (`1,048人、技能労務職96人…`) is of siblings.
        if toks[k + 1..j.min(toks.len())]
            .iter()
            .any(|x| x.tok == Tok::Sep)
            || toks.get(j).is_some_and(|x| x.tok == Tok::Sep)
        {
            continue;
        }
        let mut parts: Vec<u32> = Vec::new();
        let mut changes: Vec<u32> = Vec::new();
        let mut i = j;
        loop {
            // A label, then the part.
            let mut had_label = false;
            while i < toks.len() && matches!(toks[i].tok, Tok::Word | Tok::Space | Tok::Sep) {
                had_label |= toks[i].tok == Tok::Word;
                i += 1;
            }
            let Some(p) = fact_at(text, i) else { break };
            let x = &f.facts[p as usize];
            if !had_label
                || !x.amount.dim.same(&t.amount.dim)
                || is_change(x)
                || x.label.subject.is_empty()
            {
                break;
            }
            parts.push(p);
            i += 1;
            // Its own bracket, holding its change.
            while i < toks.len() && toks[i].tok == Tok::Space {
                i += 1;
            }
            if let Some(Tok::Open(_)) = toks.get(i).map(|x| &x.tok) {
                let Some(c) = matching_close(toks, i) else {
                    break;
                };
                if let [d] = figures_between(text, i + 1, c)[..]
                    && is_change(&f.facts[d as usize])
                {
                    changes.push(d);
                }
                i = c + 1;
            }
        }
        let labels: std::collections::HashSet<&str> = parts
            .iter()
            .map(|&p| f.facts[p as usize].label.subject.as_str())
            .collect();
        if parts.len() < 2
            || labels.len() < parts.len()
            || labels.contains(t.label.subject.as_str())
        {
            continue;
        }
        if !same_stretch(toks, k, i.min(toks.len() - 1)) {
            continue;
        }
        let change = own_change
            .filter(|_| changes.len() == parts.len())
            .map(|d| (d, changes));
        groups.push((total, parts, change));
    }
    let is_whole = |t: &Fact| {
        let s = &t.label.subject;
        t.label.quals.has(Quals::TOTAL)
            || s.ends_with('数')
            || s.ends_with("総数")
            || s.ends_with("全体")
    };
    let label_set = |parts: &[u32]| -> Vec<String> {
        let mut v: Vec<String> = parts
            .iter()
            .map(|&p| f.facts[p as usize].label.subject.clone())
            .collect();
        v.sort();
        v
    };
    let wholes: Vec<Vec<String>> = groups
        .iter()
        .filter(|(t, ..)| is_whole(&f.facts[*t as usize]))
        .map(|(_, p, _)| label_set(p))
        .collect();
    for (total, parts, change) in groups {
        if !is_whole(&f.facts[total as usize]) && !wholes.contains(&label_set(&parts)) {
            continue;
        }
        sum_of(total, &parts, f, "内訳", out);
        if let Some((d, changes)) = change {
            sum_of(d, &changes, f, "内訳", out);
        }
    }
}

/// Every total-and-parts relation of `f`'s texts.
pub fn find(f: &Facts, out: &mut Vec<Relation>) {
    for text in &f.texts {
        bracketed(text, f, out);
        indented(text, f, out);
        labelled_parts(text, f, out);
        parts_first(text, f, out);
    }
}

#[cfg(test)]
mod tests {
    use crate::facts::relations::Kind;
    use crate::facts::relations::testing::{claims, one};

    fn sums(s: &str) -> Vec<(String, bool)> {
        claims(&one(s), Kind::Sum)
    }

    #[test]
    fn a_total_before_its_parts_in_brackets() {
        assert_eq!(
            sums("・交付団体数　計187団体（運営費補助164団体、集会施設修繕補助23団体）"),
            [("187団体".into(), true)]
        );
        assert_eq!(
            sums("回答数1,467件（郵送918件、Web549件）"),
            [("1,467件".into(), true)]
        );
        assert_eq!(
            sums("相談対応　延べ412件\n　（内訳：来所196件、電話143件、メール・Webフォーム73件）"),
            [("412件".into(), true)]
        );
        assert_eq!(
            sums("改修工事　計7施設（小学校2校、中学校1校、地区センター3施設、市営住宅1棟）"),
            [("7施設".into(), true)]
        );
        assert_eq!(
            sums("削減時間　年間4,960時間（RPA 3,720時間、AI-OCR 1,250時間）"),
            [("4,960時間".into(), false)]
        );
    }

    #[test]
    fn brackets_that_are_no_breakdown() {
        assert!(sums("登録団体数　241団体（新規登録16団体、登録抹消4団体）").is_empty());
        assert!(sums("総額28,450千円（うち集会施設修繕補助9,870千円）").is_empty());
        assert!(sums("収納率　99.0%（現年分99.6%、滞納繰越分48.4%）").is_empty());
        assert!(sums("加入率41.8%（加入世帯数32,416世帯／世帯数77,550世帯）").is_empty());
        assert!(sums("職員数660人（対前年度+12人）").is_empty());
    }

    #[test]
    fn parts_on_the_indented_line() {
        assert_eq!(
            sums(
                "・職員数　1,302人（令和7年10月1日現在）\n　一般行政職1,048人、技能労務職96人、保育士・幼稚園教諭112人、その他46人"
            ),
            [("1,302人".into(), true)]
        );
    }

    #[test]
    fn parts_then_a_marked_total() {
        assert_eq!(
            sums(
                "道路（26団体：354名） 公園（14団体：246名） 花壇（2団体：8名） 崖線（1団体：40名） 合計43団体 648名"
            ),
            [("43団体".into(), true), ("648名".into(), true)]
        );
        assert_eq!(
            sums("口座振替41.2%、コンビニ28.5%、スマホ決済12.6%、窓口等17.7%（計100.0%）"),
            [("100.0%".into(), true)]
        );
        assert_eq!(
            sums("前年度末から＋19団体、−7団体で差引＋12団体"),
            [("+12団体".into(), true)]
        );
        // Earlier figures of the kind that are not parts are left out.
        assert_eq!(
            sums("回収58件のうち、賛成19件、どちらかといえば賛成25件で、合わせて44件"),
            [("44件".into(), true)]
        );
    }

    #[test]
    fn a_total_then_labelled_parts_and_their_changes() {
        let v = sums(
            "令和6年4月1日職員数 660人（対前年度+12人） 一般行政職 632人（対前年度+17人） 技能労務職 28人（対前年度▲5人） 【参考：東京都内類似団体7市平均727人】 一般行政職 702人 技能労務職 27人",
        );
        assert_eq!(
            v,
            [
                ("660人".into(), true),
                ("+12人".into(), true),
                ("727人".into(), false)
            ]
        );
        assert!(
            sums("休日夜間催告訪問：254件 電話催告：5,024件 差押件数：不動産8件、動産0件")
                .is_empty()
        );
    }

    /// Other counters, orders and printings: each text with the totals it
    /// claims and whether they hold.
    #[test]
    fn totals_and_parts_in_other_wordings() {
        for (text, want) in [
            // Breakdowns in brackets, 全角 digits, other counters and units.
            (
                "相談件数　計１２０件（窓口８０件、郵送４０件）",
                &[("120件", true)][..],
            ),
            (
                "整備拠点　合計15拠点（新設9拠点、更新6拠点）",
                &[("15拠点", true)],
            ),
            (
                "改修延長　計12.5km（市道8.2km、生活道路4.3km）",
                &[("12.5km", true)],
            ),
            (
                "参加団体は計42団体（自治会31団体、NPO法人7団体、事業者4団体）",
                &[("42団体", true)],
            ),
            ("約120件（窓口約80件、郵送約40件）", &[("約120件", true)]),
            (
                "【計】23団体（町会18団体、商店会5団体）",
                &[("23団体", true)],
            ),
            (
                "相談件数（計）412件【来所196件・電話143件・メール73件】",
                &[("412件", true)],
            ),
            // Years under a marked total; a repayment as a part of a cost.
            (
                "計120件（令和6年度80件、令和7年度40件）",
                &[("120件", true)],
            ),
            (
                "公債費 計 2,350百万円（元金償還 2,100百万円、利子 250百万円）",
                &[("2,350百万円", true)],
            ),
            // Parts on the next line: indented, or opened by 内訳.
            (
                "・整備施設数　18施設\n　保育所7施設、児童館6施設、学童クラブ5施設",
                &[("18施設", true)],
            ),
            (
                "・清掃活動の参加者　合計 368人\n・内訳　自治会 240人　学校 98人　企業 30人",
                &[("368人", true)],
            ),
            // A whole, then its labelled parts.
            (
                "対象世帯数 1,200世帯 高齢者世帯 760世帯 子育て世帯 440世帯",
                &[("1,200世帯", true)],
            ),
            // The parts first.
            (
                "窓口80件、郵送40件、電子申請35件の合計155件",
                &[("155件", true)],
            ),
            (
                "A地区3回、B地区5回、C地区4回の計12回開催",
                &[("12回", true)],
            ),
            (
                "公園10か所、広場4か所、計14か所を点検した",
                &[("14か所", true)],
            ),
            // Signed parts of a change.
            ("前年度比▲5件（窓口▲8件、郵送＋3件）", &[("▲5件", true)]),
            (
                "前年度比＋１２人（正規職員＋１５人、会計年度任用職員▲３人）",
                &[("+12人", true)],
            ),
            // Parts that do not add up.
            ("実施回数 計24回（前期12回、後期11回）", &[("24回", false)]),
            (
                "補助金交付額 計5,400千円（A地区3,200千円、B地区2,100千円）",
                &[("5,400千円", false)],
            ),
            (
                "施設数　18施設\n　保育所7施設、児童館6施設、学童クラブ4施設",
                &[("18施設", false)],
            ),
            (
                "清掃活動の参加者　368人\n内訳　自治会 240人、学校 98人、企業 35人",
                &[("368人", false)],
            ),
            (
                "A地区3回、B地区5回、C地区4回の計13回開催",
                &[("13回", false)],
            ),
            ("前年度比▲5件（窓口▲8件、郵送＋4件）", &[("▲5件", false)]),
        ] {
            let want: Vec<(String, bool)> = want.iter().map(|&(c, h)| (c.into(), h)).collect();
            assert_eq!(sums(text), want, "{text}");
        }
    }

    #[test]
    fn figures_beside_a_figure_that_are_no_parts() {
        for text in [
            // Other years, extremes, a capacity: not what the total is made of.
            "受付件数120件（令和5年度98件、令和4年度87件）",
            "相談件数120件（最多月18件、最少月5件）",
            "相談件数120件（最大18件、最小5件）",
            "参加者数 85人（定員100人、申込92人）",
            // A balance's flows are its roll-forward.
            "基金残高 610,000千円（積立 120,000千円、取崩 40,000千円）",
            "点検箇所 14か所（うち要修繕4か所、要経過観察3か所）",
            // The next line is another list, not indented and not a 内訳.
            "・職員数　1,302人\n・採用 48人、退職 41人",
            "・清掃活動の参加者　合計 368人\n・実施回数 12回、協力団体 24団体",
            "窓口80件、郵送40件",
        ] {
            assert_eq!(sums(text), [], "{text}");
        }
    }

    #[test]
    fn signed_parts_of_a_change() {
        assert_eq!(
            sums("前年同期比＋6人（一般行政職＋11人、技能労務職▲4人、保育士等▲1人、その他±0人）"),
            [("+6人".into(), true)]
        );
        assert_eq!(
            sums("前年比5人減（一般行政職＋7、技能労務職△4、保育士等△6、その他△2）"),
            [("5人".into(), true)]
        );
    }
}
