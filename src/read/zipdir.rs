//! One pass over a zip's central directory (xlsx, xlsb, ods) before calamine
//! opens the file: the declared sizes the read limits check, whether it is an
//! xlsb, and where the theme part is named, so that it can be hidden.
//!
//! Why hide the theme: calamine resolves every workbook's theme colours when
//! it opens an xlsx (`xl/theme/theme1.xml`, a few KB of XML that Excel
//! writes into every file), about 7% of checking one. hyoka reads values,
//! never colours, and calamine falls back to the default palette when the
//! part is missing. Renaming the part in hyoka's in-memory copy of the
//! directory skips that work; the file on disk is not touched, and every
//! other part is found and read as before.

use std::io::Cursor;

/// What hyoka needs from a zip's directory.
#[derive(Debug, Default)]
pub struct Directory {
    /// The sum of the parts' declared inflated sizes.
    pub total: u64,
    /// The largest part: (name, declared inflated size).
    pub largest: Option<(String, u64)>,
    /// Whether it holds `xl/workbook.bin` (an xlsb).
    pub xlsb: bool,
    /// Where in the bytes the theme part's name lies in the directory.
    theme_name: Option<std::ops::Range<usize>>,
}

/// The part calamine reads theme colours from (its lookup ignores case and
/// takes `\` for `/`).
const THEME: &str = "xl/theme/theme1.xml";

/// Reads the directory; None when the bytes are not a readable zip (the
/// workbook reader then says why).
pub fn read(bytes: &[u8]) -> Option<Directory> {
    let mut z = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let mut d = Directory::default();
    for i in 0..z.len() {
        let Ok(f) = z.by_index_raw(i) else { continue };
        let size = f.size();
        d.total = d.total.saturating_add(size);
        if d.largest.as_ref().is_none_or(|(_, s)| size > *s) {
            let name = f.name().map(|n| n.into_owned()).unwrap_or_default();
            d.largest = Some((name, size));
        }
        let raw = f.name_raw();
        if raw == b"xl/workbook.bin" {
            d.xlsb = true;
        }
        if raw.len() == THEME.len()
            && raw
                .iter()
                .map(|b| {
                    if *b == b'\\' {
                        b'/'
                    } else {
                        b.to_ascii_lowercase()
                    }
                })
                .eq(THEME.bytes())
        {
            // A directory record: signature, 42 bytes, then the name.
            let record = usize::try_from(f.central_header_start()).unwrap_or(usize::MAX);
            let name = record.saturating_add(46)..record.saturating_add(46 + raw.len());
            if bytes.get(record..record.saturating_add(4)) == Some(b"PK\x01\x02")
                && bytes.get(name.clone()) == Some(raw)
            {
                d.theme_name = Some(name);
            }
        }
    }
    Some(d)
}

impl Directory {
    /// Whether there is a theme part for [`hide_theme`] to hide.
    pub fn has_theme(&self) -> bool {
        self.theme_name.is_some()
    }
}

/// Renames the theme part in the directory of `bytes` (hyoka's copy of the
/// file) so that calamine does not find it. The local header keeps its name;
/// nothing reads it by that name.
pub fn hide_theme(bytes: &mut [u8], d: &Directory) {
    if let Some(name) = &d.theme_name {
        bytes[name.end - 1] = b'_';
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::io::Write;

    /// A zip of the given parts, for tests of the readers of zip parts.
    pub(crate) fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, data) in parts {
            w.start_file(*name, zip::write::SimpleFileOptions::default())
                .unwrap();
            w.write_all(data).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    #[test]
    fn sizes_kind_and_theme() {
        let bytes = zip_of(&[
            ("xl/workbook.bin", b"x"),
            ("XL\\Theme\\theme1.xml", b"<a:theme/>"),
            ("big", &[0u8; 100]),
        ]);
        let d = read(&bytes).unwrap();
        assert_eq!(d.total, 111);
        assert_eq!(d.largest, Some(("big".to_string(), 100)));
        assert!(d.xlsb);
        assert!(
            d.theme_name.is_some(),
            "found whatever its case and slashes"
        );
        assert!(read(b"PK\x03\x04 not a zip").is_none());
    }

    #[test]
    fn hidden_theme_is_not_found_and_the_rest_is_read_as_before() {
        let mut bytes = zip_of(&[
            ("xl/theme/theme1.xml", b"<a:theme/>"),
            ("xl/workbook.xml", b"<workbook/>"),
        ]);
        let d = read(&bytes).unwrap();
        hide_theme(&mut bytes, &d);
        let mut z = zip::ZipArchive::new(Cursor::new(&bytes[..])).unwrap();
        assert!(z.by_name("xl/theme/theme1.xml").is_err());
        let mut s = String::new();
        std::io::Read::read_to_string(&mut z.by_name("xl/workbook.xml").unwrap(), &mut s).unwrap();
        assert_eq!(s, "<workbook/>");
    }
}
