//! Numbers as Japanese administrative documents print them: the number at
//! the start of a text (`9,201,902,641`, `1万811`, `5.6億`) with the step of
//! its last printed digit, the comparison words after a figure (以上, 以下),
//! and digits grouped for messages. What a figure measures and its unit are
//! read by [`crate::facts::quantity`].

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_with_their_last_digit() {
        assert_eq!(
            scan_number("9,201,902,641円"),
            Some((9_201_902_641.0, 1.0, 13))
        );
        assert_eq!(scan_number("1万811回").map(|(v, _, _)| v), Some(10_811.0));
        let (v, step, _) = scan_number("5.6億円").unwrap();
        assert_eq!((v, step), (560_000_000.0, 10_000_000.0));
        assert_eq!(scan_number("円"), None);
    }

    #[test]
    fn grouped_digits() {
        assert_eq!(group_digits(1_234_567.5, 1), "1,234,567.5");
        assert_eq!(group_digits(98_304_000.0, 0), "98,304,000");
    }
}
