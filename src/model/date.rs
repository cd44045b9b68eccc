//! Calendar dates as the documents print them (`令和7年3月31日`, `2025年3月31日`,
//! `令和元年5月1日`) and the fiscal year they lie in: 年度 runs April to March,
//! so 令和7年3月31日 belongs to 令和6年度.

use crate::model::text::fold_width;
use crate::model::year::FiscalYear;

/// A date found in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Date {
    /// Western calendar year.
    pub year: u16,
    pub month: u8,
    pub day: Option<u8>,
}

impl Date {
    pub fn fiscal_year(self) -> FiscalYear {
        FiscalYear(if self.month >= 4 {
            self.year
        } else {
            self.year - 1
        })
    }
}

/// Every date in `text` with its byte range in the width-folded text.
pub fn find_dates(text: &str) -> Vec<(Date, std::ops::Range<usize>)> {
    // Every date has 月; most texts have none, and the regex is the cost.
    if !text.contains('月') {
        return Vec::new();
    }
    let folded: String = text.chars().map(fold_width).collect();
    let re = date_re();
    re.captures_iter(&folded)
        .filter_map(|c| {
            let era = c.name("era").map_or("", |m| m.as_str());
            let y = c.name("y")?.as_str();
            let n: u16 = if y == "元" { 1 } else { y.parse().ok()? };
            let year = match era {
                "令和" => 2018 + n,
                "平成" => 1988 + n,
                _ if n > 1900 => n,
                _ => return None,
            };
            let month: u8 = c.name("m")?.as_str().parse().ok()?;
            let day = c.name("d").and_then(|d| d.as_str().parse().ok());
            (1..=12)
                .contains(&month)
                .then_some((Date { year, month, day }, c.get(0)?.range()))
        })
        .collect()
}

fn date_re() -> &'static regex::Regex {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    RE.get_or_init(|| {
        regex::Regex::new(r"(?P<era>令和|平成)?\s*(?P<y>元|\d{1,4})\s*年\s*(?P<m>\d{1,2})\s*月(?:\s*(?P<d>\d{1,2})\s*日)?")
            .expect("date regex")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fiscal_years_of_dates() {
        let d = find_dates("令和7年3月31日時点");
        assert_eq!(d[0].0.fiscal_year(), FiscalYear(2024));
        let d = find_dates("令和６年４月１日から");
        assert_eq!(d[0].0.fiscal_year(), FiscalYear(2024));
        let d = find_dates("2025年3月31日現在");
        assert_eq!(d[0].0.fiscal_year(), FiscalYear(2024));
        assert_eq!(find_dates("令和元年5月")[0].0.year, 2019);
        assert!(find_dates("令和6年度").is_empty());
    }
}
