//! Fiscal years (年度). A 年度 runs from April to March; hyoka stores it as the
//! western year it starts in (令和6年度 = 2024) and prints it in 令和.

use serde::Serialize;
use std::fmt;

/// A fiscal year, stored as the western year it starts in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct FiscalYear(pub u16);

/// First western year of each era hyoka understands.
const REIWA: u16 = 2019;
const HEISEI: u16 = 1989;

impl FiscalYear {
    /// `令和6年度`.
    pub fn label(self) -> String {
        self.to_string()
    }

    /// `R6`.
    pub fn short(self) -> String {
        if self.0 >= REIWA {
            format!("R{}", self.0 - REIWA + 1)
        } else {
            format!("{}", self.0)
        }
    }

    pub fn prev(self) -> FiscalYear {
        FiscalYear(self.0 - 1)
    }
}

impl fmt::Display for FiscalYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0 >= REIWA {
            let n = self.0 - REIWA + 1;
            if n == 1 {
                write!(f, "令和元年度")
            } else {
                write!(f, "令和{n}年度")
            }
        } else if self.0 >= HEISEI {
            write!(f, "平成{}年度", self.0 - HEISEI + 1)
        } else {
            write!(f, "{}年度", self.0)
        }
    }
}

/// Splits an era year at the start of `s`: `令和６年度の取組` → (2024, "年度の取組").
/// Understands 令和N / 令和元 / 平成N / RN / HN / 20XX, width-folded, spaces ignored.
pub fn split_year(s: &str) -> Option<(FiscalYear, String)> {
    // A year starts within the first few characters; long free texts (asked
    // about every cell while reading) are rejected without copying them.
    let first = s.chars().find(|c| !c.is_whitespace())?;
    if !matches!(
        first,
        '令' | '平' | 'R' | 'r' | 'H' | 'h' | 'Ｒ' | 'ｒ' | 'Ｈ' | 'ｈ'
    ) && !first.is_ascii_digit()
        && !('０'..='９').contains(&first)
    {
        return None;
    }
    let k = crate::model::text::key(s);
    let (base, era) = if k.starts_with("令和") {
        (Some(REIWA), "令和".len())
    } else if k.starts_with("平成") {
        (Some(HEISEI), "平成".len())
    } else if k.starts_with(['R', 'r']) {
        (Some(REIWA), 1)
    } else if k.starts_with(['H', 'h']) {
        (Some(HEISEI), 1)
    } else {
        (None, 0)
    };
    let rest = &k[era..];
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    // The rest of the key after the year, cut off in place.
    let after = |mut k: String, cut: usize| {
        k.drain(..cut);
        k
    };
    if let Some(base) = base {
        if rest.starts_with('元') {
            return Some((FiscalYear(base), after(k, era + '元'.len_utf8())));
        }
        if digits == 0 || digits > 2 {
            return None;
        }
        let n: u16 = rest[..digits].parse().ok()?;
        if n == 0 {
            return None;
        }
        return Some((FiscalYear(base + n - 1), after(k, era + digits)));
    }
    if digits != 4 {
        return None;
    }
    let y: u16 = rest[..4].parse().ok()?;
    if !(1900..=2199).contains(&y) {
        return None;
    }
    Some((FiscalYear(y), after(k, 4)))
}

/// A year header cell: `令和6年度`, `令和６年度`, `R6`, `R6年度`, `2024年度`.
pub fn parse_year_header(s: &str) -> Option<FiscalYear> {
    let (y, rest) = split_year(s)?;
    matches!(rest.as_str(), "" | "年度" | "年").then_some(y)
}

/// The `--year` argument: `令和6`, `R6`, `2024`, or any header form.
pub fn parse_year_arg(s: &str) -> Option<FiscalYear> {
    parse_year_header(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_forms() {
        for s in [
            "令和6年度",
            "令和６年度",
            "R6",
            "R6年度",
            "2024年度",
            " 令和 6 年度 ",
            "Ｒ６",
            "令和6",
        ] {
            assert_eq!(parse_year_header(s), Some(FiscalYear(2024)), "{s}");
        }
        assert_eq!(parse_year_header("令和元年度"), Some(FiscalYear(2019)));
        assert_eq!(parse_year_header("平成30年度"), Some(FiscalYear(2018)));
        for s in [
            "年度",
            "令和",
            "R",
            "24年度",
            "令和6年度の取組",
            "B",
            "2024-1",
        ] {
            assert_eq!(parse_year_header(s), None, "{s}");
        }
    }

    #[test]
    fn split_keeps_rest() {
        assert_eq!(
            split_year("令和６年度の成果・効果"),
            Some((FiscalYear(2024), "年度の成果・効果".into()))
        );
    }

    #[test]
    fn display() {
        assert_eq!(FiscalYear(2024).to_string(), "令和6年度");
        assert_eq!(FiscalYear(2019).to_string(), "令和元年度");
        assert_eq!(FiscalYear(2024).short(), "R6");
    }
}
