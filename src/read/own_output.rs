//! hyoka's own outputs (集約ブック, 修正依頼) among the inputs. Staff keep the
//! consolidated workbook in the submissions folder; read again, it would be
//! a submission without evaluation sheets (F002) and could never be
//! overwritten. Each output carries a custom document property
//! ([`crate::model::output::PROPERTY`]); a folder's files are looked at for it before reading.
//!
//! The look is cheap for the files that are not hyoka's: the end of the
//! file is searched for the custom-properties part's name in the zip
//! directory; only a file that has one is opened as a zip.

use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

/// How much of a file's end is searched for the part's name: a hyoka
/// output's zip directory (a dozen parts) is well within it.
const TAIL: u64 = 16 * 1024;

/// The most of the custom-properties part that is read.
const MAX_PART: u64 = 64 * 1024;

const PART: &[u8] = b"docProps/custom.xml";

/// Which hyoka output `path` is, or None when it is none (or not readable:
/// reading then says why).
pub fn kind(path: &Path) -> Option<String> {
    if !path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
    {
        return None;
    }
    // Only a regular file is opened: opening a pipe named like a workbook
    // would wait for a writer (reading then says what it is).
    let meta = std::fs::metadata(path).ok()?;
    if !meta.is_file() {
        return None;
    }
    let mut f = std::fs::File::open(path).ok()?;
    let len = meta.len();
    f.seek(SeekFrom::Start(len.saturating_sub(TAIL))).ok()?;
    let mut tail = Vec::with_capacity(TAIL as usize);
    (&mut f).take(TAIL).read_to_end(&mut tail).ok()?;
    memchr::memmem::find(&tail, PART)?;
    f.rewind().ok()?;
    let mut z = zip::ZipArchive::new(std::io::BufReader::new(f)).ok()?;
    let part = z.by_name("docProps/custom.xml").ok()?;
    let mut xml = String::new();
    part.take(MAX_PART).read_to_string(&mut xml).ok()?;
    value_of(&xml, crate::model::output::PROPERTY)
}

/// The text value of the custom property `name` in a `docProps/custom.xml`.
fn value_of(xml: &str, name: &str) -> Option<String> {
    let at = xml.find(&format!("name=\"{name}\""))?;
    let rest = &xml[at..];
    let end_of_property = rest.find("</property>")?;
    let rest = &rest[..end_of_property];
    let open = rest.find("<vt:lpwstr>")? + "<vt:lpwstr>".len();
    let close = rest[open..].find("</vt:lpwstr>")?;
    Some(rest[open..open + close].to_string())
}

#[cfg(test)]
mod tests {
    use super::value_of;

    #[test]
    fn the_property_is_read_by_name() {
        let xml = r#"<Properties><property fmtid="{D5CDD505}" pid="2" name="hyoka-run"><vt:lpwstr>r1</vt:lpwstr></property><property fmtid="{D5CDD505}" pid="3" name="hyoka-output"><vt:lpwstr>集約ブック</vt:lpwstr></property></Properties>"#;
        assert_eq!(value_of(xml, "hyoka-output").as_deref(), Some("集約ブック"));
        assert_eq!(value_of(xml, "hyoka-run").as_deref(), Some("r1"));
        assert_eq!(value_of(xml, "other"), None);
        // A property of another type is not taken for text.
        let xml = r#"<property name="hyoka-output"><vt:i4>3</vt:i4></property><property name="x"><vt:lpwstr>y</vt:lpwstr></property>"#;
        assert_eq!(value_of(xml, "hyoka-output"), None);
    }
}
