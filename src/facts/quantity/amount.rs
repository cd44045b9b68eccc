//! A figure as printed: its value in the dimension's base unit, the unit
//! word and scale, the precision of its last digit, its sign and hedges.
//! Text figures, 数値目標 values (a number in its row's unit, or a text with
//! its own) and computed values are all amounts.

use crate::facts::quantity::scan::{Tok, fold, tokens};
use crate::facts::quantity::unit::{Dim, unit_at};
use crate::model::figure::{Comparator, group_digits};

/// A number as printed, with what it measures.
#[derive(Clone, Debug, PartialEq)]
pub struct Amount {
    /// In the dimension's base unit (yen, percent, minutes, …), signed.
    pub value: f64,
    pub dim: Dim,
    /// The unit word as printed (`千円`, `拠点`, `%`; empty for a bare number).
    pub unit: Box<str>,
    /// Base units per printed unit.
    pub scale: f64,
    /// Base units of the last printed digit: half of it is the rounding.
    pub step: f64,
    /// A sign was printed (`▲`, `△`, `-`, `+`, `±`).
    pub signed: Option<char>,
    /// 約, 概ね, 程度: a rounded statement.
    pub approx: bool,
    pub comparator: Option<Comparator>,
}

impl Amount {
    /// The value in the printed unit (`8,447,029` for `8,447,029千円`).
    pub fn printed_value(&self) -> f64 {
        self.value / self.scale
    }

    /// Half the last printed digit when the figure is rounded; nothing for
    /// an exact count or yen amount printed whole.
    pub fn rounding(&self) -> f64 {
        let whole = self.step <= self.scale * 1.000_001 && self.scale <= 1.0;
        if self.dim.exact_when_whole() && whole && !self.approx {
            0.0
        } else {
            self.step / 2.0
        }
    }
}

impl Amount {
    /// A whole cell as one figure (`9,249,275千円`, `▲26.8%以下`, `99.0`):
    /// anything else in it means it is not one.
    pub fn parse(text: &str) -> Option<Amount> {
        let t = fold(text);
        let toks = tokens(t.trim());
        let mut figs = toks.iter().filter(|k| !matches!(k.tok, Tok::Space));
        let first = figs.next()?;
        match (&first.tok, figs.next()) {
            (Tok::Figure(a), None) => Some(a.clone()),
            _ => None,
        }
    }

    /// A number typed in a cell whose row or column gives the unit.
    pub fn of_number(n: f64, unit_word: &str) -> Amount {
        let w = fold(unit_word);
        let u = unit_at(w.trim());
        let (dim, scale, unit) = match u {
            Some(u) => (u.dim, u.scale, u.printed),
            None => (Dim::Bare, 1.0, String::new()),
        };
        let decimals = decimals_in(n);
        Amount {
            value: n * scale,
            dim,
            unit: unit.into(),
            scale,
            step: 0.1f64.powi(decimals) * scale,
            signed: None,
            approx: false,
            comparator: None,
        }
    }

    /// Whether two printings can be the same amount: they differ by less
    /// than one step of the coarser (printings both round and truncate), or
    /// by 5% when either says 約.
    pub fn agrees(&self, other: &Amount) -> bool {
        if !self.dim.same(&other.dim) {
            return false;
        }
        let diff = (self.value - other.value).abs();
        let step = self.step.max(other.step);
        if self.approx || other.approx {
            return diff <= 0.05 * self.value.abs().max(other.value.abs()) + step;
        }
        diff < step * 0.999_999 + 1e-12 * self.value.abs().max(1.0)
    }

    /// The amount as it would be printed: `8,447,029千円`, `-26.8%以下`.
    pub fn shown(&self) -> String {
        let mut d = 0;
        let mut s = self.step / self.scale;
        while s < 0.999 && d < 6 {
            s *= 10.0;
            d += 1;
        }
        let mut out = format!("{}{}", group_digits(self.printed_value(), d), self.unit);
        if let Some(c) = self.comparator {
            out.push_str(c.ja());
        }
        out
    }
}

fn decimals_in(n: f64) -> i32 {
    let s = format!("{n}");
    s.split_once('.').map_or(0, |(_, f)| f.len() as i32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Amount {
        Amount::parse(s).unwrap_or_else(|| panic!("{s} does not parse"))
    }

    #[test]
    fn cells_as_figures() {
        assert_eq!(p("9,201,902,641円").value, 9_201_902_641.0);
        assert_eq!(p("５，５００，０００千円").value, 5_500_000_000.0);
        assert_eq!(p("55億円").value, 5_500_000_000.0);
        assert_eq!(p("▲26.8%以下").value, -26.8);
        assert_eq!(p("▲26.8%以下").comparator, Some(Comparator::AtMost));
        assert_eq!(p("2.5ポイント").dim, Dim::Points);
        assert_eq!(p("99.0%").step, 0.1);
        assert_eq!(p("1万811回").value, 10_811.0);
        assert_eq!(p("973時間16分").value, 973.0 * 60.0 + 16.0);
        assert!(Amount::parse("令和6年度").is_none());
        assert!(Amount::parse("A").is_none());
        assert!(Amount::parse("集計中").is_none());
        assert!(Amount::parse("12件 と 3件").is_none());
    }

    #[test]
    fn numbers_in_their_unit() {
        let a = Amount::of_number(9_201_903.0, "千円");
        assert_eq!(a.value, 9_201_903_000.0);
        assert_eq!(a.step, 1000.0);
        assert_eq!(Amount::of_number(94.4, "%").step, 0.1);
        assert_eq!(Amount::of_number(12.0, "").dim, Dim::Bare);
    }

    #[test]
    fn agreement_within_the_last_digit() {
        assert!(p("9,201,903千円").agrees(&p("9,201,902,641円")));
        assert!(p("8,454,830千円").agrees(&p("8,454,830,582円")));
        assert!(p("55億円").agrees(&p("5,500,000千円")));
        assert!(!p("8,447,029円").agrees(&p("8,447,028,953円")));
        assert!(!p("9,201,900千円").agrees(&p("9,201,902,641円")));
        assert!(p("約5.6億円").agrees(&p("561,100,000円")));
    }

    #[test]
    fn shown_as_printed() {
        assert_eq!(p("8,447,029千円").shown(), "8,447,029千円");
        assert_eq!(p("▲26.8%以下").shown(), "-26.8%以下");
        assert_eq!(
            Amount::of_number(8_447_029.0, "千円").shown(),
            "8,447,029千円"
        );
    }
}

/// Relative difference of two values (0 when both are 0).
pub fn rel_diff(a: f64, b: f64) -> f64 {
    let m = a.abs().max(b.abs());
    if m == 0.0 { 0.0 } else { (a - b).abs() / m }
}

/// The power of ten `a` is of `b` (`a / b` ≈ 10^k, signs ignored) and how
/// far, in log10, the ratio is from it; None when either is zero.
pub fn powers_apart(a: f64, b: f64) -> Option<(i32, f64)> {
    if a == 0.0 || b == 0.0 {
        return None;
    }
    let l = (a / b).abs().log10();
    Some((l.round() as i32, l - l.round()))
}

/// Whether `a` and `b` are 10 to 10,000 times apart, or a unit word's scale
/// apart (10^6 百万円, 10^8 億円: `8円を取崩した` for 8億円), within 10%.
pub fn scale_slip(a: f64, b: f64) -> bool {
    let (lo, hi) = (a.abs().min(b.abs()), a.abs().max(b.abs()));
    let Some((k, _)) = powers_apart(hi, lo) else {
        return false;
    };
    ((1..=4).contains(&k) || k == 6 || k == 8) && rel_diff(hi / 10f64.powi(k), lo) <= 0.1
}

/// Whether one figure may be the other written again or with a slipped
/// scale: within 10%, or a power of ten apart within 10%.
pub fn near(a: f64, b: f64) -> bool {
    rel_diff(a, b) <= 0.1 || scale_slip(a, b)
}

/// Whether two whole numbers are one typing slip apart: the last digit off
/// by one, two adjacent digits swapped, or a power of ten (up to 1,000) off.
pub fn one_slip(a: f64, b: f64) -> bool {
    let whole = |v: f64| v.fract() == 0.0 && v > 0.0 && v < 1e15;
    if !whole(a) || !whole(b) || a == b {
        return false;
    }
    if (a - b).abs() == 1.0 {
        return true;
    }
    let (lo, hi) = (a.min(b), a.max(b));
    if [10.0, 100.0, 1000.0].contains(&(hi / lo)) {
        return true;
    }
    let (x, y) = (format!("{a:.0}"), format!("{b:.0}"));
    let (x, y) = (x.as_bytes(), y.as_bytes());
    if x.len() != y.len() {
        return false;
    }
    let differ: Vec<usize> = (0..x.len()).filter(|&i| x[i] != y[i]).collect();
    matches!(differ[..], [i, j] if j == i + 1 && x[i] == y[j] && x[j] == y[i])
}

#[cfg(test)]
mod slip_tests {
    use super::{one_slip, scale_slip};

    #[test]
    fn scales_apart() {
        for (a, b, want) in [
            (8.0, 800_000_000.0, true),       // 8円 for 8億円
            (3_853.0, 3_853_000_000.0, true), // 百万円 dropped
            (7.5, 750_000_000.0, true),
            (9_092_685.0, 9_092_685_000.0, true),
            (5.0, 500_000.0, false),     // 10^5 is no unit's scale
            (8.0, 600_000_000.0, false), // 25% off the power
            (0.0, 8.0, false),
        ] {
            assert_eq!(scale_slip(a, b), want, "{a} {b}");
        }
    }

    #[test]
    fn one_slip_apart() {
        for (a, b, want) in [
            (4.0, 5.0, true),
            (19.0, 18.0, true),
            (19.0, 91.0, true),
            (19.0, 190.0, true),
            (4.0, 4000.0, true),
            (1234.0, 1324.0, true),
            (16.0, 18.0, false),
            (1234.0, 4231.0, false),
            (19.0, 19.0, false),
            (2.5, 2.6, false),    // not whole: equal or nothing
            (120.0, 210.0, true), // 12 → 21
            (120.0, 201.0, false),
        ] {
            assert_eq!(one_slip(a, b), want, "{a} {b}");
        }
    }
}
