//! Hyperlinks from the consolidated workbook to the cells of the submitted
//! files: a path relative to the output's folder (so the folder can be moved or
//! zipped with its inputs) and the sheet and cell as anchor, which Excel and
//! LibreOffice open at that cell.

use std::path::{Component, Path, PathBuf};

use rust_xlsxwriter::Url;

use crate::model::location::Location;

pub struct Linker {
    /// The output's folder, absolute; `None` when it cannot be resolved.
    out_dir: Option<PathBuf>,
    /// Each input's path relative to the output, resolved once.
    resolved: std::sync::Mutex<std::collections::HashMap<String, Option<String>>>,
}

impl Linker {
    pub fn new(output: &Path) -> Linker {
        Linker {
            out_dir: crate::report::atomic::folder_of(output).canonicalize().ok(),
            resolved: Default::default(),
        }
    }

    /// The link target for a location: `../提出/財政課.xlsx#'(4)基金'!D7`.
    /// `None` for places that are no file (`計画`).
    pub fn target(&self, at: &Location) -> Option<String> {
        let mut s = self.file_target(&at.file)?;
        if let Some(sheet) = &at.sheet {
            let cell = at.cell.map_or("A1".to_string(), |c| c.to_string());
            s += &format!("#'{}'!{}", sheet.replace('\'', "''"), cell);
        }
        Some(s)
    }

    /// The file's path relative to the output folder, with `/` separators.
    fn file_target(&self, file: &str) -> Option<String> {
        let mut cache = self.resolved.lock().ok()?;
        cache
            .entry(file.to_string())
            .or_insert_with(|| {
                let abs = Path::new(file).canonicalize().ok()?;
                let rel = relative(self.out_dir.as_deref()?, &abs)?;
                Some(
                    rel.components()
                        .map(|c| c.as_os_str().to_string_lossy().into_owned())
                        .collect::<Vec<_>>()
                        .join("/"),
                )
            })
            .clone()
    }

    /// The link to a location, when one can be written: a control
    /// character (not allowed in XML, even escaped) in the path or the
    /// sheet name, or a `#` or `?` in the path (the writer takes the first
    /// `#` for the anchor), leave the cell as text naming the place.
    pub fn url(&self, at: &Location) -> Option<Url> {
        let path = self.file_target(&at.file)?;
        let sheet = at.sheet.as_deref().unwrap_or("");
        if path.contains(['#', '?']) || path.chars().chain(sheet.chars()).any(char::is_control) {
            return None;
        }
        self.target(at).map(|t| Url::new(format!("file:///{t}")))
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
    fn no_link_that_would_break_or_point_elsewhere() {
        let dir = tempfile::tempdir().unwrap();
        let linker = Linker::new(&dir.path().join("out.xlsx"));
        for (folder, sheet, linked) in [
            ("提出", "(4)基金", true),
            ("提出 2025", "(4)基金", true),
            ("提出#2", "(4)基金", false),
            ("提出?", "(4)基金", false),
            ("提出", "(1)\x1b[2J地域", false),
            ("提出", "改行\nあり", false),
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
            assert_eq!(linker.url(&at).is_some(), linked, "{folder} {sheet}");
        }
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
