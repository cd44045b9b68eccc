//! What a file declares about its own size, checked before calamine trusts
//! it. Readers allocate from declarations: the number of shared strings an
//! xlsx says it holds, the extent an xls DIMENSIONS record gives, the
//! repeat counts of an ods row or cell, a cell placed at the far corner of a
//! sheet. A file of a few kilobytes can declare terabytes; the limits of
//! [`crate::read::limits`] bound bytes on disk and inflated, not those. Each
//! check here reads the declaration cheaply (the start of one part, the
//! record headers of the xls stream, the row and cell tags of an ods) and
//! refuses the file, with the reason, when what it declares could not be an
//! evaluation workbook.
//!
//! The shared-string table of an xlsx is inflated whole here and handed back:
//! the search for struck-through runs ([`crate::read::struck`]) needs all of
//! it, and opening a part (its inflater and first tables) costs about as
//! much as inflating it, so the part is opened once for both.

use std::io::{Cursor, Read};

use quick_xml::events::Event;

use crate::model::finding::Text;

/// Most sheets one workbook may list (evaluation workbooks hold a few dozen).
pub const MAX_SHEETS: usize = 255;
/// Most cells one sheet's declared extent may span, rows × columns: far
/// beyond an evaluation sheet (a few hundred rows, a dozen columns), and
/// what the dense grid a reader builds may cost (about 100 MB).
pub const MAX_EXTENT_CELLS: u64 = 4_000_000;
/// Most cells all the sheets of one workbook may span together: forty
/// sheets just within the limit above are 150 million cells, half a minute
/// and gigabytes of reading.
pub const MAX_WORKBOOK_CELLS: u64 = 2 * MAX_EXTENT_CELLS;

/// The most of the shared-string table that is inflated for the struck
/// search.
const MAX_SHARED_STRINGS: u64 = 64 * 1024 * 1024;

/// How a workbook part lists a sheet.
const SHEET_TAG: &[u8] = b"<sheet ";

/// The part of the shared-string table its `uniqueCount` is looked for in.
const SHARED_STRINGS_HEAD: usize = 4096;

/// Checks the declarations of a zip workbook (xlsx, xlsb, ods). Returns the
/// inflated `xl/sharedStrings.xml` (the first of that name, at most
/// `MAX_SHARED_STRINGS`), or None when there is none or it could not be
/// inflated.
pub fn check_zip(bytes: &[u8], ods: bool) -> Result<Option<Vec<u8>>, Text> {
    let Ok(mut z) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(None); // the reader says why it cannot open it
    };
    // Names first: opening a part sets up its decompressor, and a workbook
    // has a dozen parts of which two or three are looked at.
    let wanted: Vec<(usize, String)> = (0..z.len())
        .filter_map(|i| {
            let name = z
                .name_for_index(i)?
                .ok()?
                .replace('\\', "/")
                .to_ascii_lowercase();
            let looked_at = matches!(name.as_str(), "xl/sharedstrings.xml" | "xl/workbook.xml")
                || (ods && name == "content.xml");
            looked_at.then_some((i, name))
        })
        .collect();
    // A zip may name a part twice; the struck search reads the first.
    let first_shared = wanted
        .iter()
        .find(|(_, name)| name == "xl/sharedstrings.xml")
        .map(|(i, _)| *i);
    let mut shared = None;
    for (i, name) in wanted {
        let Ok(f) = z.by_index(i) else { continue };
        let size = f.size();
        match name.as_str() {
            "xl/sharedstrings.xml" => {
                let xml = shared_strings(f, size)?;
                if Some(i) == first_shared {
                    shared = xml;
                }
            }
            // The zip reader refuses a part that inflates past its declared
            // size, so a part too small for more than MAX_SHEETS tags is not
            // read (most are: a few sheets take a kilobyte).
            "xl/workbook.xml" if size < (SHEET_TAG.len() * MAX_SHEETS) as u64 => {}
            "xl/workbook.xml" => sheets_listed(f, SHEET_TAG)?,
            "content.xml" => ods_content(f)?,
            _ => {}
        }
    }
    Ok(shared)
}

/// Checks the `uniqueCount` of the shared-string table, then reads the rest
/// of it: each string takes at least `<si><t/></si>`, so a count beyond the
/// part's size is false. The count is looked for in the first 4 KiB, read on
/// their own first as they always were, so a part that breaks off is judged
/// by the same bytes. The table is None when the part could not be inflated.
fn shared_strings(f: impl Read, size: u64) -> Result<Option<Vec<u8>>, Text> {
    let mut f = f.take(MAX_SHARED_STRINGS);
    let mut xml = Vec::with_capacity(size.min(MAX_SHARED_STRINGS) as usize);
    xml.resize(SHARED_STRINGS_HEAD, 0);
    let (len, end) = fill_until(&mut f, &mut xml);
    xml.truncate(len);
    check_unique_count(&xml, size)?;
    let whole = match end {
        End::Full => f.read_to_end(&mut xml).is_ok(),
        End::Ended => true,
        End::Failed => false,
    };
    Ok(whole.then_some(xml))
}

/// How filling a buffer ended.
enum End {
    /// The buffer is full; the part may go on.
    Full,
    /// The part ended.
    Ended,
    /// The part could not be read further.
    Failed,
}

/// Reads into `buf` until it is full or the part ends; the bytes read and
/// how it ended.
fn fill_until(mut f: impl Read, buf: &mut [u8]) -> (usize, End) {
    let mut len = 0;
    while len < buf.len() {
        match f.read(&mut buf[len..]) {
            Ok(0) => return (len, End::Ended),
            Err(_) => return (len, End::Failed),
            Ok(k) => len += k,
        }
    }
    (len, End::Full)
}

/// Refuses a shared-string table whose `uniqueCount` (in `head`) is beyond
/// its size.
fn check_unique_count(head: &[u8], size: u64) -> Result<(), Text> {
    let Some(n) = attr_number(head, b"uniqueCount=\"") else {
        return Ok(());
    };
    if n > size / 8 + 16 {
        return Err(Text::new(
            format!(
                "共有文字列の件数指定が不正です（{} 件と書かれていますが、部分の大きさは {} バイトです）。Excelで開いて保存し直したファイルを提出してもらってください。",
                grouped(n),
                grouped(size)
            ),
            format!(
                "The shared-string table claims {n} strings in {size} bytes; the file is malformed. Ask for it to be saved again from Excel."
            ),
        ));
    }
    Ok(())
}

/// The sheets a workbook part lists.
fn sheets_listed(f: impl Read, tag: &[u8]) -> Result<(), Text> {
    let mut f = f.take(64 * 1024 * 1024);
    // Counted in chunks (a part may inflate to far more than it declares);
    // the last bytes of a chunk are kept so a tag across two is seen once.
    let mut buf = vec![0u8; 64 * 1024];
    let keep = tag.len() - 1;
    let (mut held, mut n) = (0, 0);
    loop {
        let len = fill(&mut f, &mut buf[held..]);
        if len == 0 {
            break;
        }
        let end = held + len;
        n += memchr::memmem::find_iter(&buf[..end], tag).count();
        held = keep.min(end);
        buf.copy_within(end - held..end, 0);
    }
    too_many_sheets(n)
}

/// Reads into `buf` until it is full or the part ends; the bytes read.
/// (Whole-buffer reads keep the inflater on its fast path; a part that
/// cannot be inflated reads as what came before the error.)
fn fill(f: impl Read, buf: &mut [u8]) -> usize {
    fill_until(f, buf).0
}

fn too_many_sheets(n: usize) -> Result<(), Text> {
    if n <= MAX_SHEETS {
        return Ok(());
    }
    Err(Text::new(
        format!(
            "シートが {n} 枚あり、評価シートのファイルとしては多すぎるため読みません（上限 {MAX_SHEETS} 枚）。不要なシートを削除して保存し直してもらってください。"
        ),
        format!("The workbook lists {n} sheets (at most {MAX_SHEETS} are read); not read."),
    ))
}

fn workbook_too_large(cells: u64) -> Text {
    Text::new(
        format!(
            "シートの範囲が合わせて {} セルになり、評価シートのファイルとしては大きすぎるため読みません（行・列の繰り返し指定か、大きなシートが多数あります）。不要なシートや行・列を削除して保存し直してもらってください。",
            grouped(cells)
        ),
        format!(
            "The sheets span {cells} cells together, far beyond an evaluation workbook; not read."
        ),
    )
}

/// Refuses a sheet, or the workbook, beyond the extent limits; `before` is
/// what the earlier sheets span.
fn check_extent(sheet: impl FnOnce() -> String, cells: u64, before: u64) -> Result<(), Text> {
    if cells > MAX_EXTENT_CELLS {
        return Err(extent_too_large(&sheet(), cells));
    }
    let total = before.saturating_add(cells);
    if total > MAX_WORKBOOK_CELLS {
        return Err(workbook_too_large(total));
    }
    Ok(())
}

fn extent_too_large(sheet: &str, cells: u64) -> Text {
    Text::new(
        format!(
            "シート「{sheet}」の範囲が {} セルになり、評価シートとしては大きすぎるため読みません（行・列の繰り返し指定か、離れた位置のセルがあります）。不要な行・列を削除して保存し直してもらってください。",
            grouped(cells)
        ),
        format!(
            "Sheet `{sheet}` spans {cells} cells (repeats or a far-away cell), far beyond an evaluation sheet; not read."
        ),
    )
}

/// `98,304,000`.
fn grouped(n: u64) -> String {
    crate::model::figure::group_digits(n as f64, 0)
}

/// The number after `key` in `xml` (`uniqueCount="233"`).
fn attr_number(xml: &[u8], key: &[u8]) -> Option<u64> {
    let at = memchr::memmem::find(xml, key)? + key.len();
    let digits: Vec<u8> = xml[at..]
        .iter()
        .copied()
        .take_while(u8::is_ascii_digit)
        .collect();
    // More digits than a u64 holds is a false count too.
    std::str::from_utf8(&digits)
        .ok()?
        .parse()
        .ok()
        .or(Some(u64::MAX))
}

/// An ods table's rows and cells as calamine expands them: each row
/// repeated, each cell up to the row's last one with content repeated.
/// Trailing empty repeats (LibreOffice writes `number-rows-repeated=
/// "1048553"` after the last row) cost nothing and are not counted.
fn ods_content(f: impl Read) -> Result<(), Text> {
    let mut r = quick_xml::Reader::from_reader(std::io::BufReader::new(f));
    let mut buf = Vec::new();
    let mut tables = 0usize;
    let mut table = String::new();
    let mut cells: u64 = 0; // of the table, expanded
    let mut before: u64 = 0; // of the tables before it
    let mut row_repeat: u64 = 1;
    let mut row_cells: u64 = 0; // expanded, up to the last with content
    let mut row_pending: u64 = 0; // expanded empties after the last content
    let repeat = |e: &quick_xml::events::BytesStart, key: &str| -> u64 {
        e.attributes()
            .flatten()
            .find(|a| a.key.as_ref() == key)
            .and_then(|a| a.value.parse().ok())
            .unwrap_or(1)
    };
    loop {
        let ev = match r.read_event_into(&mut buf) {
            Ok(Event::Eof) | Err(_) => break,
            Ok(ev) => ev,
        };
        match ev {
            Event::Start(e) if e.name().as_ref() == "table:table" => {
                tables += 1;
                too_many_sheets(tables)?;
                before = before.saturating_add(cells);
                table = e
                    .attributes()
                    .flatten()
                    .find(|a| a.key.as_ref() == "table:name")
                    .map(|a| a.value.into_owned())
                    .unwrap_or_default();
                cells = 0;
            }
            Event::Start(e) if e.name().as_ref() == "table:table-row" => {
                row_repeat = repeat(&e, "table:number-rows-repeated");
                row_cells = 0;
                row_pending = 0;
            }
            Event::End(e) if e.name().as_ref() == "table:table-row" => {
                cells = cells.saturating_add(row_repeat.saturating_mul(row_cells));
                check_extent(|| table.clone(), cells, before)?;
            }
            // A cell with children (text) or a value has content.
            Event::Start(e) if e.name().as_ref() == "table:table-cell" => {
                let n = repeat(&e, "table:number-columns-repeated");
                row_cells = row_cells.saturating_add(row_pending).saturating_add(n);
                row_pending = 0;
            }
            Event::Empty(e) if e.name().as_ref() == "table:table-cell" => {
                let n = repeat(&e, "table:number-columns-repeated");
                let valued = e
                    .attributes()
                    .flatten()
                    .any(|a| a.key.as_ref() == "office:value-type");
                if valued {
                    row_cells = row_cells.saturating_add(row_pending).saturating_add(n);
                    row_pending = 0;
                } else {
                    row_pending = row_pending.saturating_add(n);
                }
            }
            _ => {}
        }
        buf.clear();
    }
    Ok(())
}

/// Checks the declarations of an xls: each sheet's DIMENSIONS and the
/// positions of its cells, by the record headers of the workbook stream.
pub fn check_xls(bytes: &[u8]) -> Result<(), Text> {
    let Ok(mut cf) = cfb::CompoundFile::open(Cursor::new(bytes)) else {
        return Ok(());
    };
    let name = ["/Workbook", "/Book"].into_iter().find(|n| cf.is_stream(n));
    let Some(name) = name else { return Ok(()) };
    let mut stream = Vec::new();
    match cf.open_stream(name) {
        Ok(s) => {
            s.take(bytes.len() as u64 * 2).read_to_end(&mut stream).ok();
        }
        Err(_) => return Ok(()),
    }
    let mut sheet = 0usize;
    let (mut max_row, mut max_col) = (0u64, 0u64);
    // The cells of the sheets before this one, by their furthest cells.
    let mut before: u64 = 0;
    let mut spanned: u64 = 0;
    let mut at = 0usize;
    while at + 4 <= stream.len() {
        let kind = u16::from_le_bytes([stream[at], stream[at + 1]]);
        let len = u16::from_le_bytes([stream[at + 2], stream[at + 3]]) as usize;
        let data = &stream[at + 4..(at + 4 + len).min(stream.len())];
        at += 4 + len;
        let u16_at = |i: usize| {
            data.get(i..i + 2)
                .map(|b| u16::from_le_bytes([b[0], b[1]]) as u64)
        };
        let u32_at = |i: usize| {
            data.get(i..i + 4)
                .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as u64)
        };
        match kind {
            // BOF: a new substream (the globals, then each sheet).
            0x0809 => {
                sheet += 1;
                before = before.saturating_add(spanned);
                (max_row, max_col, spanned) = (0, 0, 0);
            }
            // DIMENSIONS: first and last+1 row and column.
            0x0200 => {
                let (rows, cols) = if len >= 14 {
                    (
                        u32_at(4).zip(u32_at(0)).map(|(b, a)| b.saturating_sub(a)),
                        u16_at(10).zip(u16_at(8)).map(|(b, a)| b.saturating_sub(a)),
                    )
                } else {
                    (
                        u16_at(2).zip(u16_at(0)).map(|(b, a)| b.saturating_sub(a)),
                        u16_at(6).zip(u16_at(4)).map(|(b, a)| b.saturating_sub(a)),
                    )
                };
                let cells = rows.unwrap_or(0).saturating_mul(cols.unwrap_or(0));
                if cells > MAX_EXTENT_CELLS {
                    return Err(extent_too_large(
                        &format!("{}枚目", sheet.saturating_sub(1)),
                        cells,
                    ));
                }
            }
            // Cells: row, then column (MULRK/MULBLANK: the last column at
            // the end).
            0x00FD | 0x0203 | 0x027E | 0x0204 | 0x0006 | 0x0205 | 0x00D6 | 0x0201 | 0x00BD
            | 0x00BE => {
                let row = u16_at(0).unwrap_or(0);
                let mut col = u16_at(2).unwrap_or(0);
                if matches!(kind, 0x00BD | 0x00BE) && len >= 2 {
                    col = col.max(u16_at(len - 2).unwrap_or(0));
                }
                max_row = max_row.max(row);
                max_col = max_col.max(col);
                spanned = (max_row + 1).saturating_mul(max_col + 1);
                check_extent(
                    || format!("{}枚目", sheet.saturating_sub(1)),
                    spanned,
                    before,
                )?;
            }
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::zipdir::tests::zip_of;

    /// `n` sheets as a workbook part lists them.
    fn workbook_of(n: usize) -> Vec<u8> {
        let sheets: String = (0..n)
            .map(|i| format!(r#"<sheet name="S{i}" sheetId="{i}" r:id="rId{i}"/>"#))
            .collect();
        format!("<workbook><sheets>{sheets}</sheets></workbook>").into_bytes()
    }

    #[test]
    fn shared_strings_are_handed_back_whole() {
        // Beyond the 4 KiB head the count is looked for in.
        let mut sst = br#"<sst uniqueCount="1"><si><t>"#.to_vec();
        sst.extend(std::iter::repeat_n(b'a', 10_000));
        sst.extend_from_slice(b"</t></si></sst>");
        let bytes = zip_of(&[
            ("xl/workbook.xml", &workbook_of(2)),
            ("XL\\SharedStrings.xml", &sst),
        ]);
        assert_eq!(check_zip(&bytes, false), Ok(Some(sst)));
        let bytes = zip_of(&[("xl/workbook.xml", &workbook_of(2))]);
        assert_eq!(check_zip(&bytes, false), Ok(None));
        let lying = zip_of(&[("xl/sharedStrings.xml", br#"<sst uniqueCount="9999">"#)]);
        assert!(check_zip(&lying, false).is_err());
    }

    #[test]
    fn a_small_workbook_part_cannot_list_too_many_sheets() {
        let xml = workbook_of(300);
        let bytes = zip_of(&[("xl/workbook.xml", &xml)]);
        assert!(check_zip(&bytes, false).is_err(), "300 > 255");
        // The same part declaring a size too small for 255 tags: the zip
        // reader gives no more than the declared size, which is why such a
        // part is not read (no reader could see the 300 tags).
        let declared = (SHEET_TAG.len() * MAX_SHEETS - 1) as u32;
        let mut small = bytes.clone();
        let size_at =
            |sig: &[u8], off: usize| memchr::memmem::find(&bytes, sig).expect("header") + off;
        for at in [size_at(b"PK\x03\x04", 22), size_at(b"PK\x01\x02", 24)] {
            small[at..at + 4].copy_from_slice(&declared.to_le_bytes());
        }
        assert_eq!(check_zip(&small, false), Ok(None));
        let mut z = zip::ZipArchive::new(Cursor::new(&small[..])).unwrap();
        let mut f = z.by_index(0).unwrap();
        assert_eq!(f.size(), u64::from(declared));
        let mut buf = vec![0u8; 64 * 1024];
        assert!(fill(&mut f, &mut buf) <= declared as usize);
    }

    #[test]
    fn sheets_are_counted_across_chunks() {
        // 300 tags, one straddling each 64 KiB chunk boundary and the rest
        // spread out: all counted once.
        for offset in [0usize, 1, 3, 6] {
            let mut xml = vec![b' '; 64 * 1024 - offset];
            for _ in 0..300 {
                xml.extend_from_slice(b"<sheet name=\"x\"/>");
                xml.extend(std::iter::repeat_n(b' ', 500));
            }
            let err = sheets_listed(&xml[..], b"<sheet ").expect_err("300 > 255");
            assert!(err.ja.contains("300 枚"), "{}", err.ja);
        }
        assert!(sheets_listed(&b"<sheet a/><sheet b/>"[..], b"<sheet ").is_ok());
    }

    #[test]
    fn counts_after_keys() {
        assert_eq!(
            attr_number(br#"<sst count="240" uniqueCount="233">"#, b"uniqueCount=\""),
            Some(233)
        );
        assert_eq!(
            attr_number(
                br#"<sst uniqueCount="99999999999999999999999">"#,
                b"uniqueCount=\""
            ),
            Some(u64::MAX)
        );
        assert_eq!(attr_number(b"<sst>", b"uniqueCount=\""), None);
    }

    #[test]
    fn ods_repeats_are_counted_only_up_to_content() {
        let row = |rep: u64, cells: &str| {
            format!(
                r#"<table:table-row table:number-rows-repeated="{rep}">{cells}</table:table-row>"#
            )
        };
        let doc = |rows: String| {
            format!(
                r#"<office:document-content><table:table table:name="S">{rows}</table:table></office:document-content>"#
            )
        };
        // LibreOffice's trailing empties: a million rows of empty cells.
        let empty = doc(row(
            1_048_553,
            r#"<table:table-cell table:number-columns-repeated="16384"/>"#,
        ));
        assert!(ods_content(empty.as_bytes()).is_ok());
        let text = r#"<table:table-cell table:number-columns-repeated="16384" office:value-type="string"><text:p>A</text:p></table:table-cell>"#;
        assert!(ods_content(doc(row(6000, text)).as_bytes()).is_err());
        assert!(ods_content(doc(row(200, text)).as_bytes()).is_ok());
    }
}
