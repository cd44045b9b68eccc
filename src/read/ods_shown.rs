//! What an .ods number cell shows, where that text means more than the
//! number: LibreOffice keeps a percentage as `office:value="0.944"` and a
//! unit of the number style (`8,447,029円`) only in the cell's paragraph,
//! which calamine does not read for numbers. The number module of xlsx
//! (`numfmt`) has the same purpose; an .ods says the shown text itself, so
//! it is taken from there.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};

/// Shown texts by (sheet, row, column), 0-based as calamine counts.
pub type Shown = HashMap<(String, u32, u32), String>;

/// The most `content.xml` is inflated to (the declared-size check has
/// already bounded what an .ods may hold).
const MAX_PART: u64 = 256 * 1024 * 1024;

/// The number cells of an .ods whose shown text carries a percent sign or a
/// word (a unit, 年度), by position.
pub fn shown_numbers(bytes: &[u8]) -> Shown {
    let Ok(mut z) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return HashMap::new();
    };
    let Ok(f) = z.by_name("content.xml") else {
        return HashMap::new();
    };
    let mut xml = Vec::new();
    if f.take(MAX_PART).read_to_end(&mut xml).is_err() {
        return HashMap::new();
    }
    parse(&xml)
}

fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.try_get_attribute(name).ok().flatten().map(|a| {
        quick_xml::escape::unescape(&a.value)
            .map_or_else(|_| a.value.to_string(), |v| v.into_owned())
    })
}

fn repeat(e: &BytesStart, name: &str) -> u32 {
    attr(e, name)
        .and_then(|v| v.parse().ok())
        .unwrap_or(1)
        .max(1)
}

/// Whether a shown number says more than its digits.
fn meaningful(shown: &str) -> bool {
    shown.contains('%') || !shown.is_ascii()
}

pub fn parse(xml: &[u8]) -> Shown {
    let mut out = HashMap::new();
    let mut r = quick_xml::Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut sheet = String::new();
    let (mut row, mut col) = (0u32, 0u32);
    // How many rows the open row element stands for.
    let mut row_span = 1u32;
    // The number cell being read: its column span and text.
    let mut cell: Option<(u32, String)> = None;
    let mut depth_p = 0u32;
    // A comment's paragraphs are not the cell's text.
    let mut in_note = false;
    loop {
        let ev = match r.read_event_into(&mut buf) {
            Ok(Event::Eof) | Err(_) => break,
            Ok(e) => e,
        };
        match &ev {
            Event::Start(e) | Event::Empty(e) => {
                let empty = matches!(ev, Event::Empty(_));
                match e.name().as_ref() {
                    "table:table" => {
                        sheet = attr(e, "table:name").unwrap_or_default();
                        row = 0;
                    }
                    "table:table-row" => {
                        col = 0;
                        row_span = repeat(e, "table:number-rows-repeated");
                    }
                    "table:table-cell" | "table:covered-table-cell" => {
                        let span = repeat(e, "table:number-columns-repeated");
                        let numeric = matches!(
                            attr(e, "office:value-type").as_deref(),
                            Some("percentage" | "currency" | "float")
                        );
                        if numeric && !empty && span == 1 {
                            cell = Some((col, String::new()));
                        }
                        col = col.saturating_add(span);
                    }
                    "text:p" if cell.is_some() => depth_p += 1,
                    "office:annotation" if !empty => in_note = true,
                    _ => {}
                }
                if empty && e.name().as_ref() == "table:table-row" {
                    row = row.saturating_add(repeat(e, "table:number-rows-repeated"));
                }
            }
            Event::End(e) => match e.name().as_ref() {
                // LibreOffice writes blank styled rows as one repeated row
                // holding cells; it stands for all of them.
                "table:table-row" => row = row.saturating_add(row_span),
                "text:p" => depth_p = depth_p.saturating_sub(1),
                "office:annotation" => in_note = false,
                "table:table-cell" => {
                    if let Some((c, text)) = cell.take()
                        && meaningful(&text)
                    {
                        out.insert((sheet.clone(), row, c), text);
                    }
                }
                _ => {}
            },
            Event::Text(t) if depth_p > 0 && !in_note => {
                if let Some((_, text)) = &mut cell {
                    text.push_str(&t.xml10_content());
                }
            }
            _ => {}
        }
        buf.clear();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_and_unit_cells_by_position() {
        let xml = r#"<office:document-content><office:body><office:spreadsheet>
<table:table table:name="数値目標">
<table:table-row><table:table-cell office:value-type="string"><text:p>区分</text:p></table:table-cell></table:table-row>
<table:table-row table:number-rows-repeated="1"/>
<table:table-row table:number-rows-repeated="1"><table:table-cell table:number-columns-repeated="8"/></table:table-row>
<table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="8"/></table:table-row>
<table:table-row><table:table-cell table:number-columns-repeated="3"/><table:table-cell office:value-type="percentage" office:value="0.944"><text:p>94.4%</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="8447029"><text:p>8,447,029円</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="12"><text:p>12</text:p></table:table-cell></table:table-row>
</table:table></office:spreadsheet></office:body></office:document-content>"#;
        let m = parse(xml.as_bytes());
        assert_eq!(m.len(), 2);
        assert_eq!(m[&("数値目標".to_string(), 5, 3)], "94.4%");
        assert_eq!(m[&("数値目標".to_string(), 5, 4)], "8,447,029円");
    }
}
