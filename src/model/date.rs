//! Calendar dates as the documents print them (`令和7年3月31日`, `2025年3月31日`,
//! `令和元年5月1日`) and the fiscal year they lie in: 年度 runs April to March,
//! so 令和7年3月31日 belongs to 令和6年度.

use crate::model::text::fold;
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
    dates_in(&fold(text))
}

/// Every date in a text already width-folded (folding is the cost of a text
/// that has dates: callers that hold the folded text do not fold it again).
pub fn find_dates_folded(folded: &str) -> Vec<(Date, std::ops::Range<usize>)> {
    if !folded.contains('月') {
        return Vec::new();
    }
    dates_in(folded)
}

fn dates_in(folded: &str) -> Vec<(Date, std::ops::Range<usize>)> {
    date_re()
        .captures_iter(folded)
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

/// Days in a month of the Gregorian calendar.
pub fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The weekday of a date, 0 = Sunday (Sakamoto's method).
pub fn weekday(year: u16, month: u8, day: u8) -> u8 {
    const T: [i32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let y = i32::from(year) - i32::from(month < 3);
    ((y + y / 4 - y / 100 + y / 400 + T[usize::from(month) - 1] + i32::from(day)) % 7) as u8
}

pub const WEEKDAYS: [char; 7] = ['日', '月', '火', '水', '木', '金', '土'];

/// What can be wrong with a date as written, whatever the year it is under.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateProblem {
    /// `令和6年2月30日`: no such day.
    NoSuchDay { date: String },
    /// `2025年（令和6年）`: the western year and the era year disagree.
    EraMismatch {
        written: String,
        western: u16,
        era_year: u16,
    },
    /// `令和6年10月1日（水）` when that day is a Tuesday.
    Weekday {
        date: String,
        written: char,
        actual: char,
    },
    /// `令和6年10月1日～令和6年9月1日`: the range ends before it starts.
    Backwards { range: String },
}

/// The problems of the dates in a text (already width-folded or not).
pub fn date_problems(text: &str) -> Vec<DateProblem> {
    // What each check needs, asked of the text as written (folding makes no
    // 年, 月 or era name, and `(` only of `（`): every check a 年; dates a 月;
    // a western and an era year together a bracket and the era's name. Most
    // texts fail these, and the folded copy and the regexes are the cost.
    if !text.contains('年') {
        return Vec::new();
    }
    let dated = text.contains('月');
    // Two searches for one character each: a set of characters is matched
    // character by character, a single one by memchr.
    let bracket = text.contains('(') || text.contains('（');
    let paired = bracket && (text.contains("令和") || text.contains("平成"));
    if !dated && !paired {
        return Vec::new();
    }
    let folded = fold(text);
    let mut out = Vec::new();
    let dates = if dated { dates_in(&folded) } else { Vec::new() };
    for (d, r) in &dates {
        let Some(day) = d.day else { continue };
        let written = &folded[r.clone()];
        if day == 0 || day > days_in_month(d.year, d.month) {
            out.push(DateProblem::NoSuchDay {
                date: written.to_string(),
            });
            continue;
        }
        // A weekday is in brackets: no regex for a date without one after it.
        let after = &folded[r.end..];
        if !after.trim_start().starts_with('(') {
            continue;
        }
        if let Some(c) = weekday_re().captures(after) {
            let w = c[1].chars().next().expect("one weekday");
            let actual = WEEKDAYS[usize::from(weekday(d.year, d.month, day))];
            if w != actual {
                out.push(DateProblem::Weekday {
                    date: format!("{written}{}", &c[0]),
                    written: w,
                    actual,
                });
            }
        }
    }
    // The regexes below are built and run only for texts they may match.
    let pairs = paired.then(era_pair_re).into_iter();
    for c in pairs.flat_map(|re| re.captures_iter(&folded)) {
        let (western, era, n) = match (c.name("w1"), c.name("w2")) {
            (Some(w), _) => (w.as_str(), &c["era1"], &c["n1"]),
            (None, Some(w)) => (w.as_str(), &c["era2"], &c["n2"]),
            _ => continue,
        };
        let (Ok(western), Ok(n)) = (western.parse::<u16>(), era_number(n)) else {
            continue;
        };
        let era_year = match era {
            "令和" => 2018 + n,
            _ => 1988 + n,
        };
        if western != era_year {
            out.push(DateProblem::EraMismatch {
                written: c[0].to_string(),
                western,
                era_year,
            });
        }
    }
    // A range needs two dates and a range word.
    let ranged =
        dates.len() >= 2 && (folded.contains("から") || folded.contains(['～', '〜', '~']));
    let ranges = ranged.then(range_re).into_iter();
    for c in ranges.flat_map(|re| re.captures_iter(&folded)) {
        let (Some(a), Some(b)) = (dates_in(&c["a"]).first().map(|x| x.0), range_end(&c)) else {
            continue;
        };
        let key = |d: Date| (d.year, d.month, d.day.unwrap_or(0));
        if b.day.is_some() == a.day.is_some() && key(b) < key(a) {
            out.push(DateProblem::Backwards {
                range: c[0].to_string(),
            });
        }
    }
    out
}

fn era_number(n: &str) -> Result<u16, std::num::ParseIntError> {
    if n == "元" { Ok(1) } else { n.parse() }
}

/// The end of a range when it gives its own year: `令和6年12月1日から
/// 1月15日まで` crosses the new year, so an end without a year is never
/// earlier than its start.
fn range_end(c: &regex::Captures) -> Option<Date> {
    dates_in(&c["b"]).first().map(|d| d.0)
}

fn weekday_re() -> &'static regex::Regex {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    RE.get_or_init(|| {
        regex::Regex::new(r"^\s*\(\s*([日月火水木金土])(?:曜日?)?\s*\)").expect("weekday regex")
    })
}

fn era_pair_re() -> &'static regex::Regex {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    RE.get_or_init(|| {
        regex::Regex::new(
            r"(?:(?P<w1>\d{4})\s*年?\s*\(\s*(?P<era1>令和|平成)\s*(?P<n1>元|\d{1,2})\s*年?\s*\))|(?:(?P<era2>令和|平成)\s*(?P<n2>元|\d{1,2})\s*年?\s*\(\s*(?P<w2>\d{4})\s*年?\s*\))",
        )
        .expect("era pair regex")
    })
}

fn range_re() -> &'static regex::Regex {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    RE.get_or_init(|| {
        let date = r"(?:(?:令和|平成)?\s*(?:元|\d{1,4})\s*年\s*)?\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?";
        regex::Regex::new(&format!(
            r"(?P<a>(?:令和|平成)?\s*(?:元|\d{{1,4}})\s*年\s*\d{{1,2}}\s*月(?:\s*\d{{1,2}}\s*日)?)(?:\s*\([日月火水木金土](?:曜日?)?\))?\s*(?:～|〜|~|から)\s*(?P<b>{date})"
        ))
        .expect("range regex")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(t: &str) -> Vec<&'static str> {
        date_problems(t)
            .iter()
            .map(|p| match p {
                DateProblem::NoSuchDay { .. } => "day",
                DateProblem::EraMismatch { .. } => "era",
                DateProblem::Weekday { .. } => "weekday",
                DateProblem::Backwards { .. } => "backwards",
            })
            .collect()
    }

    #[test]
    fn impossible_days() {
        assert_eq!(kinds("令和6年2月30日に積み立てた"), ["day"]);
        assert_eq!(kinds("2023年2月29日の会議"), ["day"]);
        assert_eq!(kinds("令和5年4月31日付けで"), ["day"]);
        assert_eq!(kinds("令和６年６月３１日開催"), ["day"]);
        assert_eq!(kinds("平成31年2月29日"), ["day"]);
        // 2024 is a leap year; 2000 too.
        assert!(kinds("令和6年2月29日に").is_empty());
        assert!(kinds("2000年2月29日").is_empty());
        assert!(kinds("令和6年4月30日現在").is_empty());
    }

    #[test]
    fn era_and_western_years() {
        assert_eq!(kinds("2025年（令和6年）3月に見直した"), ["era"]);
        assert_eq!(kinds("令和5年（2024年）度末"), ["era"]);
        assert_eq!(kinds("2019(平成30年)"), ["era"]);
        assert!(kinds("2024年（令和6年）3月").is_empty());
        assert!(kinds("令和元年（2019年）5月").is_empty());
        assert!(kinds("2030年(令和12年)までに").is_empty());
    }

    #[test]
    fn weekdays() {
        assert_eq!(kinds("令和6年10月1日（水）に改正"), ["weekday"]);
        assert_eq!(kinds("2025年3月31日(火曜日)"), ["weekday"]);
        assert_eq!(kinds("令和7年1月1日（木）"), ["weekday"]);
        assert!(kinds("令和6年10月1日（火）に改正").is_empty());
        assert!(kinds("2025年3月31日(月曜日)").is_empty());
        assert!(kinds("令和5年7月2日（日）開催").is_empty());
    }

    #[test]
    fn ranges() {
        assert_eq!(kinds("令和6年10月1日～令和6年9月1日に実施"), ["backwards"]);
        assert_eq!(kinds("令和7年3月1日から令和6年3月31日まで"), ["backwards"]);
        assert_eq!(kinds("2024年8月〜2024年7月"), ["backwards"]);
        assert!(kinds("令和6年9月1日～令和6年10月1日").is_empty());
        assert!(kinds("令和6年12月1日から令和7年1月15日まで").is_empty());
        assert!(kinds("令和6年4月～9月").is_empty());
        // An end without its year may cross the new year.
        assert!(kinds("令和6年12月1日から1月15日まで").is_empty());
        assert!(kinds("令和6年10月1日（火）～10月31日（木）").is_empty());
    }

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
