//! Submissions exported as CSV: one sheet per file, in UTF-8 (with or without
//! BOM) or Shift_JIS / CP932. Cells keep their row and column, so findings
//! point at the CSV's row and column as in a sheet (A1 = first field of the
//! first line).
//!
//! The encoding is decided per file, from its bytes:
//!
//! - a UTF-8 BOM: UTF-8 (the rest must be valid UTF-8);
//! - valid UTF-8 holding a multibyte sequence: UTF-8;
//! - not valid UTF-8 but valid Shift_JIS: Shift_JIS;
//! - only ASCII: no decision is needed, both read the same (UTF-8 unless
//!   `--encoding` says otherwise);
//! - valid as neither: undetectable.
//!
//! `--encoding` decides only the undetectable files, decoded in the encoding
//! it names with the bytes that do not fit it replaced by U+FFFD; without it
//! they are unreadable, with a message naming the option. When the option
//! contradicts a file's clear detection, the detection wins, so that
//! `--encoding shift_jis` on a folder still reads its UTF-8 files.

use std::sync::Arc;

use crate::model::cell::CellValue;
use crate::model::finding::Text;
use crate::read::grid::Grid;

/// The encoding the bytes were decoded with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum CsvEncoding {
    Utf8,
    Utf8Bom,
    ShiftJis,
}

/// `--encoding` values: utf-8 / shift_jis (and the usual aliases).
pub fn parse_encoding_arg(s: &str) -> Option<CsvEncoding> {
    match s.trim().to_ascii_lowercase().as_str() {
        "utf-8" | "utf8" => Some(CsvEncoding::Utf8),
        "shift_jis" | "shift-jis" | "sjis" | "cp932" | "windows-31j" => Some(CsvEncoding::ShiftJis),
        _ => None,
    }
}

fn undecided() -> Text {
    Text::new(
        "CSVの文字コードを判定できません（UTF-8でもShift_JISでもありません）。--encoding utf-8 か --encoding shift_jis で指定してください。",
        "Cannot tell the CSV's encoding (neither UTF-8 nor Shift_JIS); choose one with --encoding utf-8|shift_jis.",
    )
}

fn broken_after_bom() -> Text {
    Text::new(
        "CSVは先頭にUTF-8のBOMがありますが、UTF-8として正しくないバイトを含んでいます。UTF-8で保存し直してください。",
        "The CSV starts with a UTF-8 BOM but holds bytes that are not valid UTF-8; save it again as UTF-8.",
    )
}

fn shift_jis(bytes: &[u8]) -> Option<String> {
    encoding_rs::SHIFT_JIS
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|c| c.into_owned())
}

/// What the bytes alone say about a CSV's encoding.
#[derive(Debug, PartialEq, Eq)]
enum Detected {
    /// Clearly this encoding (BOM, UTF-8 multibyte sequences, or Shift_JIS
    /// bytes invalid as UTF-8), decoded.
    Clear(String, CsvEncoding),
    /// Only ASCII: every encoding reads the same text.
    Ascii(String),
    /// Valid as neither UTF-8 nor Shift_JIS.
    Neither,
}

fn detect(bytes: &[u8]) -> Result<Detected, Text> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return std::str::from_utf8(rest)
            .map(|s| Detected::Clear(s.to_string(), CsvEncoding::Utf8Bom))
            .map_err(|_| broken_after_bom());
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(if s.is_ascii() {
            Detected::Ascii(s.to_string())
        } else {
            Detected::Clear(s.to_string(), CsvEncoding::Utf8)
        });
    }
    Ok(shift_jis(bytes).map_or(Detected::Neither, |s| {
        Detected::Clear(s, CsvEncoding::ShiftJis)
    }))
}

/// Decodes the bytes in the encoding detected from them (see the module
/// doc); `fallback` (`--encoding`) decides only what the bytes cannot, and
/// never overrides a clear detection.
pub fn decode(bytes: &[u8], fallback: Option<CsvEncoding>) -> Result<(String, CsvEncoding), Text> {
    match (detect(bytes)?, fallback) {
        (Detected::Clear(s, enc), _) => Ok((s, enc)),
        (Detected::Ascii(s), f) => Ok((s, f.unwrap_or(CsvEncoding::Utf8))),
        (Detected::Neither, None) => Err(undecided()),
        (Detected::Neither, Some(CsvEncoding::ShiftJis)) => Ok((
            encoding_rs::SHIFT_JIS
                .decode_without_bom_handling(bytes)
                .0
                .into_owned(),
            CsvEncoding::ShiftJis,
        )),
        (Detected::Neither, Some(_)) => Ok((
            String::from_utf8_lossy(bytes).into_owned(),
            CsvEncoding::Utf8,
        )),
    }
}

/// RFC 4180 fields: quotes, `""` escapes, commas and line breaks inside quotes,
/// CRLF or LF. An unterminated quote runs to the end.
pub fn parse_rows(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') if chars.peek() == Some(&'\n') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

/// Decodes (`fallback` for undetectable bytes) and parses a CSV file into a
/// grid named `sheet`.
pub fn to_grid(
    bytes: &[u8],
    fallback: Option<CsvEncoding>,
    file: Arc<str>,
    sheet: Arc<str>,
) -> Result<(Grid, CsvEncoding), Text> {
    let (text, enc) = decode(bytes, fallback)?;
    let rows = parse_rows(&text)
        .into_iter()
        .map(|r| {
            r.into_iter()
                .map(|f| {
                    if f.trim().is_empty() {
                        CellValue::Empty
                    } else {
                        CellValue::Text(f)
                    }
                })
                .collect()
        })
        .collect();
    Ok((Grid::from_rows(&file, &sheet, rows), enc))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings() {
        let text = "基本方針,評価\r\n個別評価,Ａ\r\n";
        assert_eq!(decode(text.as_bytes(), None).unwrap().1, CsvEncoding::Utf8);
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(text.as_bytes());
        assert_eq!(
            decode(&bom, None).unwrap(),
            (text.to_string(), CsvEncoding::Utf8Bom)
        );
        let (sjis, _, bad) = encoding_rs::SHIFT_JIS.encode(text);
        assert!(!bad);
        assert_eq!(
            decode(&sjis, None).unwrap(),
            (text.to_string(), CsvEncoding::ShiftJis)
        );
        let junk: Vec<u8> = vec![0x81, 0x20, 0xFF, 0xFE];
        assert!(std::str::from_utf8(&junk).is_err() && shift_jis(&junk).is_none());
        assert!(decode(&junk, None).is_err());
        assert_eq!(parse_encoding_arg("CP932"), Some(CsvEncoding::ShiftJis));
    }

    #[test]
    fn the_flag_decides_only_what_the_bytes_cannot() {
        let text = "基本方針,評価\r\n個別評価,Ａ\r\n";
        let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(text);
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(text.as_bytes());
        for flag in [None, Some(CsvEncoding::Utf8), Some(CsvEncoding::ShiftJis)] {
            // Clear detections win over the flag.
            assert_eq!(
                decode(text.as_bytes(), flag).unwrap(),
                (text.to_string(), CsvEncoding::Utf8)
            );
            assert_eq!(
                decode(&bom, flag).unwrap(),
                (text.to_string(), CsvEncoding::Utf8Bom)
            );
            assert_eq!(
                decode(&sjis, flag).unwrap(),
                (text.to_string(), CsvEncoding::ShiftJis)
            );
            // ASCII reads the same whatever the flag.
            assert_eq!(decode(b"a,B\n", flag).unwrap().0, "a,B\n");
            // A BOM with broken UTF-8 after it is not for the flag to decide.
            assert!(decode(&[0xEF, 0xBB, 0xBF, 0x82, 0xA0], flag).is_err());
        }
        // Shift_JIS with one stray byte: neither; the flag decides.
        let mut stray = sjis.to_vec();
        stray.push(0xFF);
        assert!(decode(&stray, None).is_err());
        let (s, enc) = decode(&stray, Some(CsvEncoding::ShiftJis)).unwrap();
        assert_eq!((s, enc), (format!("{text}\u{FFFD}"), CsvEncoding::ShiftJis));
        let (s, enc) = decode(&stray, Some(CsvEncoding::Utf8)).unwrap();
        assert_eq!(enc, CsvEncoding::Utf8);
        assert!(s.contains('\u{FFFD}') && !s.contains("基本方針"));
    }

    #[test]
    fn fields_and_positions() {
        let rows = parse_rows("a,\"b,c\",\"d\"\"e\"\r\n\"f\ng\",,h\n");
        assert_eq!(rows, [vec!["a", "b,c", "d\"e"], vec!["f\ng", "", "h"]]);
        let (g, _) = to_grid("x\n\ny,z\n".as_bytes(), None, "f.csv".into(), "f".into()).unwrap();
        assert_eq!(g.get(2, 1).text(), "z");
        for nasty in ["\"", "\"\"\"", ",,,\n\r\n", "\r", "a\"b", ""] {
            let _ = parse_rows(nasty);
        }
    }
}
