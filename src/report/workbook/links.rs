//! Hyperlinks from the consolidated workbook to the cells of the submitted
//! files: a path relative to the output's folder (so the folder can be moved or
//! zipped with its inputs) and the sheet and cell as anchor, which Excel and
//! LibreOffice open at that cell.
//!
//! The path is percent-encoded: `#`, `%`, `?`, spaces, brackets and control
//! characters as `%XX` of their UTF-8, other characters as they are (as
//! Excel writes them). rust_xlsxwriter would read a `#` as the anchor and
//! escapes `%` again unless the link holds one of a few escapes it knows, so
//! the escapes are handed to it with [`MARK`] for `%`, and the workbook's
//! relationship parts get their `%` back after it is written
//! ([`restore_percent`]).

use std::path::{Component, Path, PathBuf};

use rust_xlsxwriter::Url;

use crate::model::location::Location;

/// Excel's longest link, in UTF-16 units (rust_xlsxwriter's check).
const MAX_LINK_UNITS: usize = 2080;

/// Whether XML 1.0 can hold the character at all (not a control
/// character, not U+FFFE or U+FFFF).
fn in_xml(c: char) -> bool {
    !c.is_control() && !matches!(c, '\u{FFFE}' | '\u{FFFF}')
}

/// Stands for `%` in the links handed to the writer: a private-use
/// character no path holds unencoded (one that does has it encoded).
pub const MARK: char = '\u{E000}';

pub struct Linker {
    /// The output's folder, absolute; `None` when it cannot be resolved.
    out_dir: Option<PathBuf>,
    /// Whether a link holds an escape (and the written parts need
    /// [`restore_percent`]).
    escaped: std::sync::atomic::AtomicBool,
    /// Each input's path relative to the output, resolved and encoded once.
    resolved: std::sync::Mutex<std::collections::HashMap<String, Option<String>>>,
}

impl Linker {
    pub fn new(output: &Path) -> Linker {
        Linker {
            out_dir: crate::report::atomic::folder_of(output).canonicalize().ok(),
            escaped: Default::default(),
            resolved: Default::default(),
        }
    }

    /// The link target for a location: `../提出/財政課.xlsx#'(4)基金'!D7`,
    /// its path percent-encoded ([`encode`]). `None` for places that are no
    /// file (`計画`), a file the output's folder cannot reach, or a target
    /// beyond Excel's length. A sheet name with a character XML cannot hold
    /// (even escaped) leaves the cell out.
    pub fn target(&self, at: &Location) -> Option<String> {
        let mut link = self.file_link(&at.file)?;
        if let Some(sheet) = at.sheet.as_deref().filter(|s| s.chars().all(in_xml)) {
            let cell = at.cell.map_or("A1".to_string(), |c| c.to_string());
            link += &format!("#'{}'!{}", sheet.replace('\'', "''"), cell);
        }
        // The writer refuses a longer link; the place is then shown as text.
        (link.encode_utf16().count() <= MAX_LINK_UNITS).then_some(link)
    }

    /// The file's path relative to the output folder, with `/` separators,
    /// encoded; worked out once per file.
    fn file_link(&self, file: &str) -> Option<String> {
        let mut cache = self.resolved.lock().ok()?;
        cache
            .entry(file.to_string())
            .or_insert_with(|| {
                let abs = Path::new(file).canonicalize().ok()?;
                let rel = relative(self.out_dir.as_deref()?, &abs)?;
                let path = rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect::<Vec<_>>()
                    .join("/");
                Some(encode(&path))
            })
            .clone()
    }

    /// The link to a location, when one can be written ([`Linker::target`]).
    pub fn url(&self, at: &Location) -> Option<Url> {
        let link = self.target(at)?;
        if link.contains(MARK) {
            self.escaped
                .store(true, std::sync::atomic::Ordering::Relaxed);
        }
        Some(Url::new(format!("file:///{link}")))
    }

    /// True when the written workbook needs [`restore_percent`].
    pub fn escaped(&self) -> bool {
        self.escaped.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// The links of one worksheet.
    pub fn sheet(&self) -> SheetLinks<'_> {
        SheetLinks {
            linker: self,
            left: MAX_LINKS_PER_SHEET,
        }
    }
}

/// Links written per worksheet: Excel opens at most 65,530, and the writer
/// holds each until it saves (docs/performance.md). Later rows show file,
/// sheet and cell as text; programs read the JSON report instead.
pub const MAX_LINKS_PER_SHEET: usize = 20_000;

/// The links of one worksheet: rows after the first
/// [`MAX_LINKS_PER_SHEET`] are plain text.
pub struct SheetLinks<'a> {
    linker: &'a Linker,
    left: usize,
}

impl SheetLinks<'_> {
    /// The next link of the sheet, while the sheet may have one.
    pub fn url(&mut self, at: &Location) -> Option<Url> {
        if self.left == 0 {
            return None;
        }
        let url = self.linker.url(at)?;
        self.left -= 1;
        Some(url)
    }
}

/// A relative path as a link: what a URI or the writer would read as syntax
/// becomes `%XX` (written with [`MARK`] for `%`).
pub fn encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for ch in path.chars() {
        // `:` too: `ab:提出/…` would read as a URI scheme, `a:…` as a drive.
        let plain = ch.is_ascii_alphanumeric()
            || "-._~/!$&'()*+,;=@".contains(ch)
            || (!ch.is_ascii() && in_xml(ch) && ch != MARK);
        if plain {
            out.push(ch);
        } else {
            let mut buf = [0u8; 4];
            for b in ch.encode_utf8(&mut buf).bytes() {
                out.push(MARK);
                out += &format!("{b:02X}");
            }
        }
    }
    out
}

/// Copies a written workbook, turning [`MARK`] back into `%` in its
/// relationship parts (where link targets are); every other part is copied
/// as it is, compressed.
pub fn restore_percent(
    from: impl std::io::Read + std::io::Seek,
    to: impl std::io::Write + std::io::Seek,
) -> zip::result::ZipResult<()> {
    use std::io::{Read, Write};
    let mut src = zip::ZipArchive::new(from)?;
    let mut dst = zip::ZipWriter::new(to);
    let mark = MARK.to_string();
    for i in 0..src.len() {
        let mut part = src.by_index(i)?;
        let name = part.name()?.into_owned();
        if !name.ends_with(".rels") {
            dst.raw_copy_file(part)?;
            continue;
        }
        let mut xml = String::new();
        part.read_to_string(&mut xml)?;
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        dst.start_file(name, options)?;
        dst.write_all(xml.replace(&mark, "%").as_bytes())?;
    }
    dst.finish()?;
    Ok(())
}

/// `to` relative to the folder `from` (both absolute).
pub fn relative(from: &Path, to: &Path) -> Option<PathBuf> {
    let f: Vec<Component> = from.components().collect();
    let t: Vec<Component> = to.components().collect();
    // Different roots (another drive on Windows): no relative path.
    if f.first() != t.first() {
        return None;
    }
    let common = f.iter().zip(&t).take_while(|(a, b)| a == b).count();
    let mut out = PathBuf::new();
    for _ in common..f.len() {
        out.push("..");
    }
    for c in &t[common..] {
        out.push(c.as_os_str());
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sheet_gets_a_bounded_number_of_links() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("財政課.xlsx");
        std::fs::write(&input, b"x").unwrap();
        let linker = Linker::new(&dir.path().join("out.xlsx"));
        let at = Location::cell(
            input.display().to_string().into(),
            "(4)基金".into(),
            crate::model::location::CellRef::new(6, 3),
        );
        assert_eq!(
            linker.target(&at).as_deref(),
            Some("財政課.xlsx#'(4)基金'!D7")
        );
        let mut sheet = linker.sheet();
        for _ in 0..MAX_LINKS_PER_SHEET {
            assert!(sheet.url(&at).is_some());
        }
        assert!(sheet.url(&at).is_none(), "one link too many");
        // Another sheet has its own allowance.
        assert!(linker.sheet().url(&at).is_some());
    }

    #[test]
    fn paths_are_percent_encoded_where_a_uri_would_misread_them() {
        let e = |p: &str| encode(p).replace(MARK, "%");
        assert_eq!(e("../提出/財政課.xlsx"), "../提出/財政課.xlsx");
        assert_eq!(e("提出 2025/a.xlsx"), "提出%202025/a.xlsx");
        assert_eq!(e("提出#2/a.xlsx"), "提出%232/a.xlsx");
        assert_eq!(e("a?b.xlsx"), "a%3Fb.xlsx");
        assert_eq!(e("100%/x%20y.xlsx"), "100%25/x%2520y.xlsx");
        assert_eq!(e("改行\nあり"), "改行%0Aあり");
        assert_eq!(e("\u{1b}[2J"), "%1B%5B2J");
        assert_eq!(e("[a]{b}^`\"<>|\\"), "%5Ba%5D%7Bb%7D%5E%60%22%3C%3E%7C%5C");
        assert_eq!(e("\u{E000}"), "%EE%80%80");
        assert_eq!(e("ff\u{FFFF}"), "ff%EF%BF%BF");
        assert_eq!(e("ab:提出/a.xlsx"), "ab%3A提出/a.xlsx");
        assert!(!encode("../提出/財政課.xlsx").contains(MARK));
    }

    #[test]
    fn no_link_that_would_break_or_point_elsewhere() {
        let dir = tempfile::tempdir().unwrap();
        let linker = Linker::new(&dir.path().join("out.xlsx"));
        // Every place gets a link; a sheet name XML cannot hold leaves the
        // cell out of it. A link beyond Excel's length is none.
        for (folder, sheet, anchored) in [
            ("提出", "(4)基金", true),
            ("提出 2025", "(4)基金", true),
            ("提出#2", "(4)基金", true),
            ("提出?", "(4)基金", true),
            ("提出", "(1)\x1b[2J地域", false),
            ("提出", "改行\nあり", false),
            ("提出", "\u{FFFF}", false),
        ] {
            let d = dir.path().join(folder);
            std::fs::create_dir_all(&d).unwrap();
            let input = d.join("財政課.xlsx");
            std::fs::write(&input, b"x").unwrap();
            let at = Location::cell(
                input.display().to_string().into(),
                sheet.into(),
                crate::model::location::CellRef::new(6, 3),
            );
            let url = linker.url(&at).expect("a link");
            let shown = format!("{url:?}");
            assert_eq!(shown.contains("!D7"), anchored, "{folder} {sheet}: {shown}");
            assert!(!shown.contains("提出#"), "{shown}");
        }
        // 45 folders of `空 白`×10: 2,295 units once encoded.
        let d = (0..45).fold(dir.path().to_path_buf(), |d, _| d.join("空 白".repeat(10)));
        std::fs::create_dir_all(&d).unwrap();
        let input = d.join("財政課.xlsx");
        std::fs::write(&input, b"x").unwrap();
        let at = Location::cell(
            input.display().to_string().into(),
            "s".into(),
            crate::model::location::CellRef::new(0, 0),
        );
        assert!(linker.url(&at).is_none(), "beyond Excel's 2,080");
    }

    #[test]
    fn relative_paths() {
        assert_eq!(
            relative(Path::new("/a/out"), Path::new("/a/in/x.xlsx")).unwrap(),
            PathBuf::from("../in/x.xlsx")
        );
        assert_eq!(
            relative(Path::new("/a"), Path::new("/a/x.xlsx")).unwrap(),
            PathBuf::from("x.xlsx")
        );
    }
}
