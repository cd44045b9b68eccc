//! Text normalisation for matching what people type against what is expected:
//! full-width ASCII folded to half-width, spaces of every width ignored, circled
//! numbers (①…⑳) kept as they are because they carry meaning.

/// Folds full-width ASCII (`Ａ`, `１`, `（`) to half-width and the ideographic
/// space to a plain space. Other characters are returned unchanged.
pub fn fold_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// The comparison key of a label or name: width folded, all white space removed.
pub fn key(s: &str) -> String {
    s.chars()
        .map(fold_width)
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// The value of a circled number `①`…`⑳`.
pub fn circled_value(c: char) -> Option<u8> {
    match c {
        '\u{2460}'..='\u{2473}' => Some((c as u32 - 0x2460 + 1) as u8),
        _ => None,
    }
}

/// The circled number for 1…20.
pub fn circled(n: u8) -> char {
    if (1..=20).contains(&n) {
        char::from_u32(0x2460 + n as u32 - 1).unwrap_or('?')
    } else {
        '?'
    }
}

/// Splits a leading circled number off a line: `"① 地域"` → `(1, "地域")`.
pub fn split_circled(s: &str) -> Option<(u8, &str)> {
    let t = s.trim_start_matches(|c: char| c.is_whitespace());
    let first = t.chars().next()?;
    let n = circled_value(first)?;
    Some((n, t[first.len_utf8()..].trim()))
}

/// All circled numbers in a text, in order of appearance.
pub fn circled_numbers(s: &str) -> Vec<u8> {
    s.chars().filter_map(circled_value).collect()
}

/// Parses a small integer written with half- or full-width digits.
pub fn parse_digits(s: &str) -> Option<u32> {
    let k: String = s.chars().map(fold_width).collect();
    if k.is_empty() || !k.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    k.parse().ok()
}

/// Removes a trailing `（再掲）` / `(再掲)` marker; tells whether it was there.
pub fn strip_relisted(name: &str) -> (String, bool) {
    let k: String = name.chars().map(fold_width).collect();
    let t = k.trim_end();
    match t.strip_suffix("(再掲)") {
        Some(rest) => (rest.trim_end().to_string(), true),
        None => (t.to_string(), false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_ignore_width_and_spaces() {
        assert_eq!(key(" 取組 項目名\u{3000}"), "取組項目名");
        assert_eq!(key("（４）"), "(4)");
        assert_eq!(key("Ａ Ｉ"), "AI");
    }

    #[test]
    fn circled_numbers_round_trip() {
        for n in 1..=20 {
            assert_eq!(circled_value(circled(n)), Some(n));
        }
        assert_eq!(split_circled("  ③ 滞納整理"), Some((3, "滞納整理")));
        assert_eq!(split_circled("滞納整理"), None);
        assert_eq!(circled_numbers("①②財政課 ④課"), vec![1, 2, 4]);
    }

    #[test]
    fn relisted_marker() {
        assert_eq!(
            strip_relisted("指定管理（再掲）"),
            ("指定管理".into(), true)
        );
        assert_eq!(strip_relisted("指定管理"), ("指定管理".into(), false));
    }

    #[test]
    fn digits() {
        assert_eq!(parse_digits("１２"), Some(12));
        assert_eq!(parse_digits("1a"), None);
    }
}
