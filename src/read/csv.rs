//! Submissions exported as CSV: one sheet per file, in UTF-8 (with or without
//! BOM) or Shift_JIS / CP932, decided from the bytes or forced with
//! `--encoding`. Cells keep their row and column, so findings point at the
//! CSV's row and column as in a sheet (A1 = first field of the first line).

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
        "Cannot tell the CSV's encoding (neither UTF-8 nor Shift_JIS); force it with --encoding utf-8|shift_jis.",
    )
}

fn shift_jis(bytes: &[u8]) -> Option<String> {
    encoding_rs::SHIFT_JIS
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|c| c.into_owned())
}

/// Decodes the bytes: a UTF-8 BOM or valid UTF-8 is UTF-8; else valid
/// Shift_JIS is Shift_JIS; else the encoding cannot be decided.
pub fn decode(bytes: &[u8], forced: Option<CsvEncoding>) -> Result<(String, CsvEncoding), Text> {
    let bom = bytes.starts_with(&[0xEF, 0xBB, 0xBF]);
    let utf8 = |b: &[u8]| std::str::from_utf8(b).ok().map(str::to_string);
    match forced {
        Some(CsvEncoding::ShiftJis) => shift_jis(bytes)
            .map(|s| (s, CsvEncoding::ShiftJis))
            .ok_or_else(undecided),
        Some(_) if bom => utf8(&bytes[3..])
            .map(|s| (s, CsvEncoding::Utf8Bom))
            .ok_or_else(undecided),
        Some(_) => utf8(bytes)
            .map(|s| (s, CsvEncoding::Utf8))
            .ok_or_else(undecided),
        None if bom => utf8(&bytes[3..])
            .map(|s| (s, CsvEncoding::Utf8Bom))
            .ok_or_else(undecided),
        None => utf8(bytes)
            .map(|s| (s, CsvEncoding::Utf8))
            .or_else(|| shift_jis(bytes).map(|s| (s, CsvEncoding::ShiftJis)))
            .ok_or_else(undecided),
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

/// Decodes and parses a CSV file into a grid named `sheet`.
pub fn to_grid(
    bytes: &[u8],
    forced: Option<CsvEncoding>,
    file: Arc<str>,
    sheet: Arc<str>,
) -> Result<(Grid, CsvEncoding), Text> {
    let (text, enc) = decode(bytes, forced)?;
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
        assert!(decode(&sjis, Some(CsvEncoding::Utf8)).is_err());
        assert_eq!(parse_encoding_arg("CP932"), Some(CsvEncoding::ShiftJis));
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
