//! Figures as Japanese administrative documents print them, with the unit kept
//! apart from the number: `9,201,902,641円`, `5,500,000千円`, `55億円`,
//! `約5.6億円`, `▲26.8%以下`, `2.5ポイント`, `1万811回`, `973時間16分`.
//!
//! A [`Figure`] holds the value in its base unit (yen, percent, points,
//! minutes, or the count's own unit) and how precisely it was printed, so two
//! figures can be compared within the rounding of their last printed digit.

use std::fmt;

use crate::model::text::fold_width;

/// What a figure measures.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Unit {
    /// Money; the value is in yen whatever the printed scale (円, 千円, 億円 …).
    Yen,
    Percent,
    /// Percentage points (ポイント, pt, %ポイント).
    Point,
    /// Durations; the value is in minutes (日 is a count, not a duration).
    Minutes,
    /// A count of something: 人, 件, 回, 団体 … (the word as printed).
    Count(String),
    /// A bare number.
    Bare,
}

impl Unit {
    /// Units hyoka can compare with each other: same kind, not just same word.
    pub fn same_kind(&self, other: &Unit) -> bool {
        match (self, other) {
            (Unit::Count(a), Unit::Count(b)) => a == b || (is_person(a) && is_person(b)),
            (a, b) => a == b,
        }
    }
}

fn is_person(u: &str) -> bool {
    matches!(u, "人" | "名")
}

/// 以上 / 以下 / 未満 / 超 after a figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Comparator {
    AtLeast,
    AtMost,
    Below,
    Above,
}

impl Comparator {
    pub fn parse(s: &str) -> Option<Comparator> {
        Some(match s.trim() {
            "以上" => Comparator::AtLeast,
            "以下" => Comparator::AtMost,
            "未満" => Comparator::Below,
            "超" | "超え" | "を超える" | "を超え" => Comparator::Above,
            _ => return None,
        })
    }

    pub fn ja(self) -> &'static str {
        match self {
            Comparator::AtLeast => "以上",
            Comparator::AtMost => "以下",
            Comparator::Below => "未満",
            Comparator::Above => "超",
        }
    }

    /// Whether `actual` meets a target of `target` under this comparator.
    pub fn met(self, actual: f64, target: f64) -> bool {
        match self {
            Comparator::AtLeast => actual >= target,
            Comparator::AtMost => actual <= target,
            Comparator::Below => actual < target,
            Comparator::Above => actual > target,
        }
    }
}

/// A parsed figure.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    /// In the base unit of [`Unit`].
    pub value: f64,
    pub unit: Unit,
    /// The unit word as printed (`千円`, `億円`, `%`, `人`).
    pub printed_unit: String,
    /// Base units per unit of the last printed digit (千円 with no decimals:
    /// 1000; `5.6億円`: 10,000,000). Half of it is the rounding tolerance.
    pub step: f64,
    pub comparator: Option<Comparator>,
    /// Printed with 約 (about) or 以上-like hedges in the number itself.
    pub approx: bool,
}

impl Figure {
    /// Whether two printings can be the same amount: they differ by less than
    /// one step of the coarser one (rounding and truncation both happen in
    /// the documents), or by 5% when either says 約.
    pub fn agrees(&self, other: &Figure) -> bool {
        if !self.unit.same_kind(&other.unit) {
            return false;
        }
        let diff = (self.value - other.value).abs();
        let step = self.step.max(other.step);
        if self.approx || other.approx {
            return diff <= 0.05 * self.value.abs().max(other.value.abs()) + step;
        }
        diff < step * 0.999_999 + 1e-12 * self.value.abs().max(1.0)
    }

    /// How far the printed figure may be from the true amount: half its last
    /// digit when it is rounded (percentages, decimals, 千円 and other scaled
    /// units), nothing when it is an exact count or yen amount. Arithmetic
    /// checks add these up.
    pub fn rounding(&self) -> f64 {
        let scaled = unit_scale(&self.printed_unit) != 1.0 || self.printed_unit.ends_with("億円");
        let exact = matches!(
            self.unit,
            Unit::Yen | Unit::Count(_) | Unit::Minutes | Unit::Bare
        ) && !scaled
            && self.step >= 1.0
            && !self.approx;
        if exact { 0.0 } else { self.step / 2.0 }
    }

    /// The value in the printed unit (`8,447,029` for `8,447,029千円`).
    pub fn printed_value(&self) -> f64 {
        self.value / unit_scale(&self.printed_unit)
    }
}

impl fmt::Display for Figure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let decimals = decimals_of(self.step / unit_scale(&self.printed_unit));
        write!(
            f,
            "{}{}",
            group_digits(self.printed_value(), decimals),
            self.printed_unit
        )?;
        if let Some(c) = self.comparator {
            f.write_str(c.ja())?;
        }
        Ok(())
    }
}

fn decimals_of(step: f64) -> usize {
    let mut d = 0;
    let mut s = step;
    while s < 0.999 && d < 6 {
        s *= 10.0;
        d += 1;
    }
    d
}

/// `1234567.5` → `1,234,567.5` (with `decimals` places).
pub fn group_digits(v: f64, decimals: usize) -> String {
    let s = format!("{:.*}", decimals, v.abs());
    let (int, frac) = s.split_once('.').map_or((s.as_str(), ""), |(a, b)| (a, b));
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    if v < 0.0 && v.abs() >= 0.5 * 10f64.powi(-(decimals as i32)) {
        out.insert(0, '-');
    }
    out
}

/// Money units by length, longest first so `百万円` wins over `円`.
const MONEY: &[(&str, f64)] = &[
    ("百万円", 1e6),
    ("千万円", 1e7),
    ("千円", 1e3),
    ("万円", 1e4),
    ("億円", 1e8),
    ("兆円", 1e12),
    ("円", 1.0),
];

/// Count words, longest first.
pub const COUNTS: &[&str] = &[
    "団体", "世帯", "施設", "箇所", "か所", "ヶ所", "か月", "ヶ月", "事業", "時間", "人", "名",
    "件", "回", "本", "台", "店", "校", "日", "分", "社", "者", "個", "基", "冊", "枚", "園", "市",
    "区", "課", "種", "点", "部", "文字",
];

fn unit_scale(printed: &str) -> f64 {
    MONEY
        .iter()
        .find(|(u, _)| *u == printed)
        .map_or(1.0, |(_, s)| *s)
}

/// Kanji multipliers inside a number: `1万811`, `55億`, `2兆3,000億`.
fn multiplier(c: char) -> Option<f64> {
    match c {
        '万' => Some(1e4),
        '億' => Some(1e8),
        '兆' => Some(1e12),
        _ => None,
    }
}

/// The number at the start of `s` (already width-folded): value, the step of
/// its last printed digit, and the bytes it used. Handles commas, decimals and
/// kanji multipliers (`1万811`, `5.6億`).
pub fn scan_number(s: &str) -> Option<(f64, f64, usize)> {
    let b = s.as_bytes();
    let mut i = 0;
    let mut total = 0.0;
    let mut step = 1.0;
    let mut any = false;
    loop {
        let start = i;
        let mut digits = String::new();
        let mut decimals: i32 = -1;
        while i < b.len() {
            let c = b[i] as char;
            if c.is_ascii_digit() {
                digits.push(c);
                if decimals >= 0 {
                    decimals += 1;
                }
                i += 1;
            } else if c == ','
                && i + 1 < b.len()
                && (b[i + 1] as char).is_ascii_digit()
                && !digits.is_empty()
                && decimals < 0
            {
                i += 1;
            } else if c == '.'
                && decimals < 0
                && !digits.is_empty()
                && i + 1 < b.len()
                && (b[i + 1] as char).is_ascii_digit()
            {
                digits.push('.');
                decimals = 0;
                i += 1;
            } else {
                break;
            }
        }
        if digits.is_empty() {
            i = start;
            break;
        }
        let n: f64 = digits.parse().ok()?;
        let digit_step = 10f64.powi(-decimals.max(0));
        let rest = &s[i..];
        match rest.chars().next().and_then(multiplier) {
            Some(m) => {
                total += n * m;
                step = digit_step * m;
                i += rest.chars().next()?.len_utf8();
                any = true;
            }
            None => {
                total += n;
                step = if any {
                    1.0_f64.max(digit_step)
                } else {
                    digit_step
                };
                any = true;
                break;
            }
        }
    }
    any.then_some((total, step, i))
}

/// What follows a number: its unit word, as the longest match.
fn scan_unit(rest: &str) -> (Unit, String, f64, usize) {
    // Most unit words differ in their first byte: compare that first (this
    // runs for every figure of every text).
    let first = rest.as_bytes().first().copied().unwrap_or(0);
    let starts = |w: &str| w.as_bytes()[0] == first && rest.starts_with(w);
    for (u, scale) in MONEY {
        if starts(u) {
            return (Unit::Yen, u.to_string(), *scale, u.len());
        }
    }
    for (w, unit) in [
        ("%ポイント", Unit::Point),
        ("ポイント", Unit::Point),
        ("pt", Unit::Point),
        ("%", Unit::Percent),
        ("パーセント", Unit::Percent),
    ] {
        if starts(w) {
            return (unit, w.to_string(), 1.0, w.len());
        }
    }
    for w in COUNTS {
        if starts(w) {
            if *w == "時間" {
                return (Unit::Minutes, "時間".into(), 60.0, w.len());
            }
            if *w == "分" && !rest.starts_with("分の") {
                return (Unit::Minutes, "分".into(), 1.0, w.len());
            }
            if *w == "分" {
                break;
            }
            return (Unit::Count(w.to_string()), w.to_string(), 1.0, w.len());
        }
    }
    (Unit::Bare, String::new(), 1.0, 0)
}

/// A figure found at the start of `s` (width-folded); with the bytes it used.
pub fn scan_figure(s: &str) -> Option<(Figure, usize)> {
    let mut i = 0;
    let mut approx = false;
    if let Some(r) = s.strip_prefix('約') {
        approx = true;
        i += s.len() - r.len();
    }
    let mut negative = false;
    let rest = &s[i..];
    if let Some(c) = rest.chars().next()
        && matches!(c, '▲' | '△' | '-' | '−' | '‐' | '+')
    {
        negative = c != '+';
        i += c.len_utf8();
    }
    let (n, digit_step, used) = scan_number(&s[i..])?;
    i += used;
    let (unit, printed, scale, uused) = scan_unit(&s[i..]);
    i += uused;
    let mut value = n * scale;
    let mut step = digit_step * scale;
    // 973時間16分: minutes after hours.
    if unit == Unit::Minutes
        && printed == "時間"
        && let Some((m, _, mu)) = scan_number(&s[i..])
        && s[i + mu..].starts_with('分')
    {
        value += m;
        step = 1.0;
        i += mu + '分'.len_utf8();
    }
    if negative {
        value = -value;
    }
    let mut comparator = None;
    for w in ["以上", "以下", "未満", "を超える", "超え", "超"] {
        if s[i..].starts_with(w) {
            comparator = Comparator::parse(w);
            i += w.len();
            break;
        }
    }
    // A kanji multiplier printed before 円 (`55億円`) is shown as `億円`.
    let printed_unit = if unit == Unit::Yen && printed == "円" {
        kanji_money_unit(&s[..i]).unwrap_or(printed)
    } else {
        printed
    };
    Some((
        Figure {
            value,
            unit,
            printed_unit,
            step,
            comparator,
            approx,
        },
        i,
    ))
}

fn kanji_money_unit(s: &str) -> Option<String> {
    let before = s.strip_suffix('円')?;
    let last = before.chars().last()?;
    multiplier(last).map(|_| format!("{last}円"))
}

/// Parses a whole cell as one figure (`9,249,275千円`, `▲26.8%以下`, `99.0`).
/// Surrounding spaces are ignored; anything else left over means it is not a
/// figure.
pub fn parse_figure(text: &str) -> Option<Figure> {
    let folded: String = text.chars().map(fold_width).collect();
    let t = folded.trim();
    let (f, used) = scan_figure(t)?;
    t[used..].trim().is_empty().then_some(f)
}

/// A figure typed as a number in a cell whose column gives the unit.
pub fn from_number(n: f64, unit_word: &str) -> Figure {
    let folded: String = unit_word.chars().map(fold_width).collect();
    let (unit, printed, scale, _) = scan_unit(folded.trim());
    let step = if n.fract() == 0.0 {
        1.0
    } else {
        0.1f64.powi(decimals_in(n))
    };
    Figure {
        value: n * scale,
        unit,
        printed_unit: printed,
        step: step * scale,
        comparator: None,
        approx: false,
    }
}

fn decimals_in(n: f64) -> i32 {
    let s = format!("{n}");
    s.split_once('.').map_or(0, |(_, f)| f.len() as i32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Figure {
        parse_figure(s).unwrap_or_else(|| panic!("{s} does not parse"))
    }

    #[test]
    fn money_scales() {
        assert_eq!(p("9,201,902,641円").value, 9_201_902_641.0);
        assert_eq!(p("5,500,000千円").value, 5_500_000_000.0);
        assert_eq!(p("５，５００，０００千円").value, 5_500_000_000.0);
        assert_eq!(p("55億円").value, 5_500_000_000.0);
        assert_eq!(p("55億円").printed_unit, "億円");
        let f = p("約5.6億円");
        assert!(f.approx);
        assert_eq!(f.value, 560_000_000.0);
        assert_eq!(f.step, 10_000_000.0);
        assert_eq!(p("2億円以上").comparator, Some(Comparator::AtLeast));
        assert_eq!(p("12百万円").value, 12_000_000.0);
    }

    #[test]
    fn signs_percent_points() {
        assert_eq!(p("▲26.8%以下").value, -26.8);
        assert_eq!(p("△1.5%").value, -1.5);
        assert_eq!(p("▲26.8%以下").comparator, Some(Comparator::AtMost));
        assert_eq!(p("2.5ポイント").unit, Unit::Point);
        assert_eq!(p("3.2%ポイント").unit, Unit::Point);
        assert_eq!(p("99.0%").step, 0.1);
    }

    #[test]
    fn counts_and_durations() {
        assert_eq!(p("1万811回").value, 10_811.0);
        assert_eq!(p("1万811回").unit, Unit::Count("回".into()));
        assert_eq!(p("973時間16分").value, 973.0 * 60.0 + 16.0);
        assert_eq!(p("8,359人").value, 8359.0);
        assert!(p("8,359人").unit.same_kind(&Unit::Count("名".into())));
        assert_eq!(parse_figure("令和6年度"), None);
        assert_eq!(parse_figure("A"), None);
    }

    #[test]
    fn agreement_within_the_last_digit() {
        // Rounded and truncated printings of the same amounts in the report.
        assert!(p("9,201,903千円").agrees(&p("9,201,902,641円")));
        assert!(p("8,454,830千円").agrees(&p("8,454,830,582円")));
        assert!(p("55億円").agrees(&p("5,500,000千円")));
        assert!(!p("8,447,029円").agrees(&p("8,447,028,953円")));
        assert!(!p("9,201,900千円").agrees(&p("9,201,902,641円")));
        assert!(p("約5.6億円").agrees(&p("561,100,000円")));
    }

    #[test]
    fn display_keeps_the_printed_unit() {
        assert_eq!(p("8,447,029千円").to_string(), "8,447,029千円");
        assert_eq!(p("▲26.8%以下").to_string(), "-26.8%以下");
    }
}
