//! Reading: from paths on disk to [`Submission`]s. Files are found
//! (`discover`), opened whatever their format (`workbook`), each sheet turned
//! into a [`grid::Grid`], recognised (`classify`) and parsed by its labels
//! (`eval_sheet`, `targets`, `comments`). Nothing here judges the content; rules do.

pub mod classify;
pub mod comments;
pub mod discover;
pub mod eval_sheet;
pub mod grid;
pub mod labels;
pub mod limits;
pub mod targets;
pub mod workbook;

use std::path::Path;
use std::sync::Arc;

use crate::model::sheet::{SheetInfo, SheetKind, Submission, Workbook};

/// Reads one file. Never fails: an unreadable file becomes a submission whose
/// result says why.
pub fn read_submission(path: &Path, shown: Arc<str>) -> Submission {
    let result = workbook::read_file(path).and_then(|bytes| {
        let digest = digest(&bytes);
        workbook::open_bytes(bytes, &shown).map(|raw| {
            let mut wb = build_workbook(raw);
            wb.digest = Some(digest);
            wb
        })
    });
    Submission {
        path: shown,
        result,
    }
}

/// A fingerprint of a file's bytes, to tell identical submissions apart.
fn digest(bytes: &[u8]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut h);
    h.finish()
}

/// Recognises and parses every sheet of an opened workbook.
pub fn build_workbook(raw: Vec<workbook::RawSheet>) -> Workbook {
    let mut wb = Workbook::default();
    for s in raw {
        let at = crate::model::location::Location {
            file: s.grid.file.clone(),
            sheet: Some(s.grid.sheet.clone()),
            cell: None,
        };
        wb.read_notes
            .extend(s.notes.into_iter().map(|n| (at.clone(), n)));
        let kind = classify::classify(&s.grid);
        wb.sheets.push(SheetInfo {
            name: s.grid.sheet.clone(),
            kind,
            hidden: s.hidden,
        });
        match kind {
            SheetKind::Evaluation => {
                wb.error_cells.extend(s.grid.error_cells());
                wb.eval_sheets.push(eval_sheet::parse(&s.grid));
            }
            SheetKind::Targets => {
                wb.error_cells.extend(s.grid.error_cells());
                wb.targets.push(targets::parse(&s.grid));
            }
            SheetKind::Comments => {
                wb.error_cells.extend(s.grid.error_cells());
                wb.comments.push(comments::parse(&s.grid));
            }
            SheetKind::Other | SheetKind::Empty => {}
        }
    }
    wb
}
