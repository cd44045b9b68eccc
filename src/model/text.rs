//! Text normalisation for matching what people type against what is expected:
//! full-width ASCII folded to half-width, spaces of every width ignored, circled
//! numbers (①…⑳) kept as they are because they carry meaning.

/// Folds full-width ASCII (`Ａ`, `１`, `（`) to half-width and the ideographic
/// space to a plain space. Other characters are returned unchanged.
/// Hiragana (ぁ … ゖ).
pub fn is_hiragana(c: char) -> bool {
    ('\u{3041}'..='\u{3096}').contains(&c)
}

/// Katakana (ァ … ヺ) and the long-vowel mark ー.
pub fn is_katakana(c: char) -> bool {
    matches!(c, '\u{30A1}'..='\u{30FA}' | 'ー')
}

/// CJK unified ideographs (the kanji of the common block).
pub fn is_kanji(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// A character that shows nothing and is not white space: zero-width
/// spaces and joiners, the BOM, the soft hyphen. Pasted from web pages and
/// other programs, it makes `A` a different text from `A` on screen.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{00AD}' | '\u{180E}'
    )
}

/// The name of an invisible or unusual space character, for messages.
pub fn char_name(c: char) -> String {
    let name = match c {
        '\u{200B}' => "ゼロ幅スペース",
        '\u{200C}' | '\u{200D}' => "ゼロ幅接合子",
        '\u{200E}' | '\u{200F}' => "書字方向の制御文字",
        '\u{2060}' => "ワードジョイナー",
        '\u{FEFF}' => "BOM（ゼロ幅ノーブレークスペース）",
        '\u{00AD}' => "ソフトハイフン",
        '\u{00A0}' => "ノーブレークスペース",
        '\u{3000}' => "全角スペース",
        _ => "見えない文字",
    };
    format!("{name} U+{:04X}", c as u32)
}

pub fn fold_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// The comparison key of a label or name: width folded, all white space removed.
pub fn key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_chunks(s, true, |chunk| out.push_str(chunk));
    out
}

/// The width-folded form of a text (white space kept, the ideographic space
/// as a plain space): what figure offsets refer to.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_chunks(s, false, |chunk| out.push_str(chunk));
    out
}

/// Hands the width-folded text (without white space when `drop_space`) to
/// `emit` in pieces, copying runs that need no change as they are: most
/// Japanese text has nothing to fold, and the character-at-a-time version was
/// a large part of reading a workbook. Same result as mapping [`fold_width`]
/// over the characters (and dropping `char::is_whitespace`).
pub fn fold_chunks(s: &str, drop_space: bool, mut emit: impl FnMut(&str)) {
    let b = s.as_bytes();
    let mut run = 0; // start of the run not yet emitted
    let mut i = 0;
    let mut one = [0u8; 1];
    while i < b.len() {
        let x = b[i];
        // Fast lane for what Japanese text is made of: kanji (E4…EE) and kana
        // or punctuation (E3, except E3 80 80), kept as they are.
        if (0xE4..=0xEE).contains(&x) || (x == 0xE3 && (b[i + 1] != 0x80 || b[i + 2] != 0x80)) {
            i += 3;
            continue;
        }
        // (bytes the character takes, what replaces it); None: keep it.
        let change: Option<(usize, Option<u8>)> = match x {
            b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r' if drop_space => Some((1, None)),
            0x00..=0x7F => None,
            // U+3000 ideographic space: E3 80 80.
            0xE3 if b[i + 1] == 0x80 && b[i + 2] == 0x80 => {
                Some((3, (!drop_space).then_some(b' ')))
            }
            // U+FF01..U+FF5E full-width ASCII: EF BC 81..BF, EF BD 80..9E.
            0xEF if (b[i + 1] == 0xBC && b[i + 2] >= 0x81)
                || (b[i + 1] == 0xBD && b[i + 2] <= 0x9E) =>
            {
                let low = (b[i + 1] & 0x03) << 6 | (b[i + 2] & 0x3F); // U+FF00 + low
                Some((3, Some(low + 0x20)))
            }
            // Other white space starts with C2 (U+0085, U+00A0), E1 (U+1680)
            // or E2 (U+2000…U+205F).
            0xC2 | 0xE1 | 0xE2 if drop_space => {
                let c = s[i..].chars().next().expect("on a boundary");
                c.is_whitespace().then_some((c.len_utf8(), None))
            }
            _ => None,
        };
        match change {
            // Step over the whole character: Japanese text is mostly 3-byte
            // characters, checked once each.
            None => i += utf8_len(x),
            Some((len, with)) => {
                if run < i {
                    emit(&s[run..i]);
                }
                if let Some(ascii) = with {
                    one[0] = ascii;
                    emit(std::str::from_utf8(&one).expect("ASCII"));
                }
                i += len;
                run = i;
            }
        }
    }
    if run < b.len() {
        emit(&s[run..]);
    }
}

/// The length of the UTF-8 sequence a leading byte starts.
fn utf8_len(lead: u8) -> usize {
    match lead {
        0x00..=0xBF => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
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
    fn folding_by_chunks_equals_folding_by_characters() {
        let slow_key = |s: &str| -> String {
            s.chars()
                .map(fold_width)
                .filter(|c| !c.is_whitespace())
                .collect()
        };
        let slow_fold = |s: &str| -> String { s.chars().map(fold_width).collect() };
        for s in [
            "",
            " 取組 項目名\u{3000}",
            "（４）令和６年度 ＡＢＣ　ａｂｃ～！",
            "\u{00A0}a\u{2003}b\u{205F}c\u{1680}d\u{0085}e\u{2028}",
            "・関係各課と連携し、\n取組を着実に実施した。\r\n",
            "\u{FF00}\u{FF5F}\u{FFE5}￥＄",
            "é—–\u{2010}\u{200B}",
        ] {
            assert_eq!(key(s), slow_key(s), "{s:?}");
            assert_eq!(fold(s), slow_fold(s), "{s:?}");
        }
        for c in (0u32..0x11_0000).filter_map(char::from_u32) {
            let s = format!("a{c}b");
            assert_eq!(key(&s), slow_key(&s), "U+{:04X}", c as u32);
            assert_eq!(fold(&s), slow_fold(&s), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn digits() {
        assert_eq!(parse_digits("１２"), Some(12));
        assert_eq!(parse_digits("1a"), None);
    }
}
