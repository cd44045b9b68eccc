//! What a cell's number format makes of its number: the text a person sees
//! in Excel, where that text carries meaning the bare number does not — a
//! percentage (`0.989` shown `98.9%`), a unit that lives only in the format
//! (`#,##0"千円"`, `#,##0\円`), a scale (`#,##0,` shows thousands), a year
//! header (`"令和"0"年度"` on the number 6, `ggge"年度"` on a date).
//! Formats that only round or group a plain number (`0.0`, `#,##0`) leave the
//! number as it is, so nothing the user typed is lost to display rounding.
//! `[DBNum1]` (kanji numerals) and locale tags only change how digits look:
//! the digits are rendered as ASCII, which is what they mean.

/// One section of a format (`pos;neg;zero;text`), as far as it is rendered.
#[derive(Clone, Debug, PartialEq)]
struct Section {
    /// Literal text and one number placeholder, in order.
    parts: Vec<Part>,
    percent: bool,
    /// Trailing commas after the digits: each divides by 1,000.
    thousands_scale: i32,
    /// A condition such as `[>=100]`: the section is not rendered.
    conditional: bool,
}

#[derive(Clone, Debug, PartialEq)]
enum Part {
    Literal(String),
    Number {
        decimals: usize,
        grouped: bool,
    },
    /// `General`: the number as typed.
    General,
    /// `g`, `gg`, `ggg`: the Japanese era's name of a date.
    Era(usize),
    /// `e`, `ee`: the year within the era.
    EraYear,
}

/// A parsed number format that changes what a number means; `None` from
/// [`NumFmt::parse`] when it only rounds or groups.
#[derive(Clone, Debug, PartialEq)]
pub struct NumFmt {
    sections: Vec<Section>,
}

impl NumFmt {
    /// Parses a format code. `None` when rendering would add nothing a
    /// reader of the number needs (no percent, scale, era or literal word).
    pub fn parse(code: &str) -> Option<NumFmt> {
        let sections: Vec<Section> = split_sections(code).iter().map(|s| section(s)).collect();
        let first = sections.first()?;
        let meaningful = |s: &Section| {
            !s.conditional
                && (s.percent
                    || s.thousands_scale > 0
                    || s.parts.iter().any(|p| match p {
                        Part::Literal(t) => t.chars().any(is_word_char),
                        Part::Era(_) | Part::EraYear => true,
                        Part::Number { .. } | Part::General => false,
                    }))
        };
        meaningful(first).then_some(NumFmt { sections })
    }

    /// The number as the format shows it.
    pub fn render(&self, value: f64) -> Option<String> {
        if !value.is_finite() {
            return None;
        }
        let (s, v, sign) = match self.sections.len() {
            n if n >= 3 && value == 0.0 => (&self.sections[2], 0.0, ""),
            n if n >= 2 && value < 0.0 => (&self.sections[1], -value, ""),
            _ => (
                &self.sections[0],
                value.abs(),
                if value < 0.0 { "-" } else { "" },
            ),
        };
        if s.conditional {
            return None;
        }
        let era_parts = s
            .parts
            .iter()
            .any(|p| matches!(p, Part::Era(_) | Part::EraYear));
        let era = if era_parts {
            Some(japanese_era(value)?)
        } else {
            None
        };
        let mut v = v;
        if s.percent {
            v *= 100.0;
        }
        v /= 1000f64.powi(s.thousands_scale);
        let mut out = String::new();
        let mut signed = false;
        for p in &s.parts {
            match p {
                Part::Literal(t) => out.push_str(t),
                Part::Number { decimals, grouped } => {
                    if !signed {
                        out.push_str(sign);
                        signed = true;
                    }
                    out.push_str(&number(v, *decimals, *grouped));
                }
                Part::General => {
                    if !signed {
                        out.push_str(sign);
                        signed = true;
                    }
                    out.push_str(&crate::model::cell::format_number(v));
                }
                Part::Era(n) => {
                    let (name, _) = era?;
                    out.push_str(match n {
                        1 => name.latin,
                        2 => name.short,
                        _ => name.full,
                    });
                }
                Part::EraYear => out.push_str(&era?.1.to_string()),
            }
        }
        if s.percent && !out.contains('%') {
            out.push('%');
        }
        Some(out)
    }
}

/// Characters that make a literal a word worth keeping (units, 年度 …), as
/// opposed to spacing and punctuation.
fn is_word_char(c: char) -> bool {
    !c.is_ascii() || c.is_ascii_alphabetic()
}

fn split_sections(code: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let (mut quoted, mut escaped) = (false, false);
    for c in code.chars() {
        let cur = out.last_mut().expect("one section");
        if escaped {
            escaped = false;
            cur.push(c);
            continue;
        }
        match c {
            '\\' => escaped = true,
            '"' => quoted = !quoted,
            ';' if !quoted => {
                out.push(String::new());
                continue;
            }
            _ => {}
        }
        cur.push(c);
    }
    out
}

fn section(s: &str) -> Section {
    let mut parts: Vec<Part> = Vec::new();
    let mut lit = String::new();
    let (mut percent, mut conditional) = (false, false);
    let mut thousands_scale = 0;
    let mut number_done = false;
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    let flush = |lit: &mut String, parts: &mut Vec<Part>| {
        if !lit.is_empty() {
            parts.push(Part::Literal(std::mem::take(lit)));
        }
    };
    while i < chars.len() {
        let c = chars[i];
        match c {
            '"' => {
                i += 1;
                while i < chars.len() && chars[i] != '"' {
                    lit.push(chars[i]);
                    i += 1;
                }
            }
            '\\' => {
                if let Some(&n) = chars.get(i + 1) {
                    lit.push(n);
                    i += 1;
                }
            }
            // Padding to a character's width, and fills: no visible text.
            '_' | '*' => i += 1,
            '[' => {
                let end = chars[i..].iter().position(|&c| c == ']').map(|p| i + p);
                let inner: String = chars[i + 1..end.unwrap_or(chars.len())].iter().collect();
                if inner.starts_with(['<', '>', '=']) {
                    conditional = true;
                }
                i = end.unwrap_or(chars.len());
            }
            '%' => {
                percent = true;
                lit.push('%');
            }
            '0' | '#' | '?' | '.' | ',' if !number_done => {
                flush(&mut lit, &mut parts);
                let start = i;
                while i < chars.len() && matches!(chars[i], '0' | '#' | '?' | '.' | ',') {
                    i += 1;
                }
                let run: String = chars[start..i].iter().collect();
                let trailing = run.len() - run.trim_end_matches(',').len();
                let body = run.trim_end_matches(',');
                let decimals = body.split_once('.').map_or(0, |(_, d)| {
                    d.chars().filter(|c| matches!(c, '0' | '#' | '?')).count()
                });
                let grouped = body.split('.').next().is_some_and(|w| w.contains(','));
                thousands_scale = trailing as i32;
                // `.` alone is a literal full stop, not a number.
                if body.chars().any(|c| matches!(c, '0' | '#' | '?')) {
                    parts.push(Part::Number { decimals, grouped });
                    number_done = true;
                } else {
                    lit.push_str(&run);
                }
                continue;
            }
            _ if chars[i..].len() >= 7
                && chars[i..i + 7]
                    .iter()
                    .collect::<String>()
                    .eq_ignore_ascii_case("general") =>
            {
                flush(&mut lit, &mut parts);
                parts.push(Part::General);
                number_done = true;
                i += 7;
                continue;
            }
            // Scientific notation and date or time codes: not rendered here
            // (calamine reads a date format's value as a date).
            'e' | 'E' if matches!(chars.get(i + 1), Some('+' | '-')) => conditional = true,
            'y' | 'Y' | 'm' | 'M' | 'd' | 'D' | 'h' | 'H' | 's' | 'S' | 'a' | 'A' => {
                conditional = true
            }
            'g' | 'G' => {
                flush(&mut lit, &mut parts);
                let n = chars[i..]
                    .iter()
                    .take_while(|&&c| c == 'g' || c == 'G')
                    .count();
                parts.push(Part::Era(n));
                i += n;
                continue;
            }
            'e' | 'E' => {
                flush(&mut lit, &mut parts);
                let n = chars[i..]
                    .iter()
                    .take_while(|&&c| c == 'e' || c == 'E')
                    .count();
                parts.push(Part::EraYear);
                i += n;
                continue;
            }
            '@' => {}
            c => lit.push(c),
        }
        i += 1;
    }
    flush(&mut lit, &mut parts);
    Section {
        parts,
        percent,
        thousands_scale,
        conditional,
    }
}

fn number(v: f64, decimals: usize, grouped: bool) -> String {
    let s = format!("{v:.decimals$}");
    if !grouped {
        return s;
    }
    let (whole, frac) = s
        .split_once('.')
        .map_or((s.as_str(), None), |(w, f)| (w, Some(f)));
    let mut g = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            g.push(',');
        }
        g.push(c);
    }
    if let Some(f) = frac {
        g.push('.');
        g.push_str(f);
    }
    g
}

struct EraName {
    full: &'static str,
    short: &'static str,
    latin: &'static str,
}

/// The era and year within it of an Excel serial date (1900 system).
fn japanese_era(serial: f64) -> Option<(&'static EraName, i32)> {
    static ERAS: [(i32, u32, u32, EraName); 2] = [
        (
            2019,
            5,
            1,
            EraName {
                full: "令和",
                short: "令",
                latin: "R",
            },
        ),
        (
            1989,
            1,
            8,
            EraName {
                full: "平成",
                short: "平",
                latin: "H",
            },
        ),
    ];
    let (y, m, d) = civil_from_serial(serial)?;
    ERAS.iter()
        .find(|(ey, em, ed, _)| (y, m, d) >= (*ey, *em, *ed))
        .map(|(ey, _, _, name)| (name, y - ey + 1))
}

/// (year, month, day) of an Excel 1900-system serial number.
fn civil_from_serial(serial: f64) -> Option<(i32, u32, u32)> {
    if !(61.0..2_958_466.0).contains(&serial) {
        return None;
    }
    // Serial 25569 is 1970-01-01 (Excel counts a 29 February 1900 that was not).
    let days = serial.floor() as i64 - 25569;
    // Howard Hinnant's days-from-civil inverse.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = (yoe + era * 400 + i64::from(m <= 2)) as i32;
    Some((y, m, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(code: &str, v: f64) -> Option<String> {
        NumFmt::parse(code).and_then(|f| f.render(v))
    }

    #[test]
    fn percentages_are_shown_as_percentages() {
        assert_eq!(shown("0.0%", 0.989).as_deref(), Some("98.9%"));
        assert_eq!(shown("0%", 0.5).as_deref(), Some("50%"));
        assert_eq!(shown("0.0%", -0.451).as_deref(), Some("-45.1%"));
        assert_eq!(
            shown("0.00%;[Red]-0.00%", -0.004).as_deref(),
            Some("-0.40%")
        );
        assert_eq!(shown("#,##0.0%", 12.345).as_deref(), Some("1,234.5%"));
    }

    #[test]
    fn units_in_the_format_are_kept() {
        assert_eq!(
            shown("#,##0\"千円\"", 8_447_029.0).as_deref(),
            Some("8,447,029千円")
        );
        assert_eq!(
            shown("#,##0\\円", 8_447_029.0).as_deref(),
            Some("8,447,029円")
        );
        assert_eq!(shown("#,##0\"人\"", 660.0).as_deref(), Some("660人"));
        assert_eq!(shown("0.0\"時間\"", 10.84).as_deref(), Some("10.8時間"));
        assert_eq!(
            shown("#,##0\"円\";\"▲\"#,##0\"円\"", -1200.0).as_deref(),
            Some("▲1,200円")
        );
        assert_eq!(
            shown("#,##0,\"千円\"", 8_447_029_000.0).as_deref(),
            Some("8,447,029千円")
        );
    }

    #[test]
    fn year_headers_from_numbers_and_dates() {
        assert_eq!(
            shown("\"令和\"0\"年度\"", 6.0).as_deref(),
            Some("令和6年度")
        );
        assert_eq!(
            shown("[DBNum1]\"令和\"0\"年度\"", 4.0).as_deref(),
            Some("令和4年度")
        );
        // 2023-04-01 and 2024-04-01 as serials.
        assert_eq!(
            shown("[$-ja-JP-x-gannen]ggge\"年度\"", 45017.0).as_deref(),
            Some("令和5年度")
        );
        assert_eq!(
            shown("[$-411]ggge\"年度\"", 45383.0).as_deref(),
            Some("令和6年度")
        );
        assert_eq!(
            shown("[$-411]ge\"年度\"", 45383.0).as_deref(),
            Some("R6年度")
        );
        // 2019-04-30 is still 平成31年.
        assert_eq!(shown("ggge\"年\"", 43585.0).as_deref(), Some("平成31年"));
    }

    #[test]
    fn plain_formats_leave_the_number() {
        for code in [
            "General",
            "0",
            "0.0",
            "0.00",
            "#,##0",
            "#,##0.0",
            "@",
            "[DBNum1][$-411]General",
            "[Red]#,##0;-#,##0",
            "0_ ",
            "#,##0_);(#,##0)",
            "[>=100]0;0.0",
        ] {
            assert_eq!(NumFmt::parse(code), None, "{code}");
        }
    }

    #[test]
    fn serial_dates() {
        assert_eq!(civil_from_serial(45383.0), Some((2024, 4, 1)));
        assert_eq!(civil_from_serial(25569.0), Some((1970, 1, 1)));
        assert_eq!(civil_from_serial(45717.0), Some((2025, 3, 1)));
        assert_eq!(civil_from_serial(1.0), None);
    }
}
