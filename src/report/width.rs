//! Display width of text, for column widths and terminal alignment: CJK and
//! other wide characters count two columns.

/// Columns a character takes in a monospace terminal or an Excel column unit.
pub fn char_width(c: char) -> usize {
    let u = c as u32;
    let wide = matches!(u,
        0x1100..=0x115F | 0x2460..=0x24FF | 0x2E80..=0x303E | 0x3041..=0x33FF |
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 |
        0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 |
        0x2014 | 0x2015 | 0x25A0..=0x25FF | 0x2190..=0x21FF | 0x2600..=0x26FF);
    if wide { 2 } else { 1 }
}

/// Width of the widest line of a text.
pub fn text_width(s: &str) -> usize {
    s.lines()
        .map(|l| l.chars().map(char_width).sum())
        .max()
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths() {
        assert_eq!(text_width("abc"), 3);
        assert_eq!(text_width("財政課"), 6);
        assert_eq!(text_width("A\n評価"), 4);
        assert_eq!(text_width("①"), 2);
    }
}
