//! Reading: from paths on disk to [`Submission`]s. Files are found
//! (`discover`), opened whatever their format (`workbook`), each sheet turned
//! into a [`grid::Grid`], recognised (`classify`) and parsed by its labels
//! (`eval_sheet`, `targets`, `comments`). Nothing here judges the content; rules do.

pub mod classify;
pub mod comments;
pub mod csv;
pub mod declared;
pub mod discover;
pub mod eval_sheet;
pub mod grid;
pub mod limits;
pub mod targets;
pub mod workbook;
pub mod zipdir;

use std::path::Path;
use std::sync::Arc;

use crate::model::form::Form;
use crate::model::sheet::{SheetInfo, SheetKind, Submission, Workbook};

/// How files are read: the words of the form they are written in, and the
/// encoding of CSV files when it is forced.
#[derive(Clone, Copy, Debug)]
pub struct Settings<'a> {
    pub form: &'a Form,
    pub encoding: Option<csv::CsvEncoding>,
}

impl Default for Settings<'static> {
    fn default() -> Self {
        Settings {
            form: Form::standard(),
            encoding: None,
        }
    }
}

/// Reads one file. Never fails: an unreadable file becomes a submission whose
/// result says why.
pub fn read_submission(path: &Path, shown: Arc<str>, settings: Settings) -> Submission {
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
    {
        return read_csv(path, shown, settings);
    }
    let result =
        workbook::read_file(path).and_then(|bytes| read_bytes(bytes, &shown, settings.form));
    Submission {
        path: shown,
        result,
    }
}

/// Reads a workbook held in memory. A panic inside a reader library (the
/// fuzzer found an overflow in calamine's cell references) costs this file,
/// not the batch.
pub fn read_bytes(
    bytes: Vec<u8>,
    shown: &Arc<str>,
    form: &Form,
) -> Result<Workbook, crate::model::sheet::ReadFailure> {
    let digest = digest(&bytes);
    let opened = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        workbook::open_bytes(bytes, shown).map(|raw| build_workbook(raw, form))
    }))
    .unwrap_or_else(|_| Err(reader_crashed()));
    opened.map(|mut wb| {
        wb.digest = Some(digest);
        wb
    })
}

/// A CSV file as a workbook of one sheet named after the file.
fn read_csv(path: &Path, shown: Arc<str>, settings: Settings) -> Submission {
    let result = workbook::read_file(path).and_then(|bytes| {
        let sheet: Arc<str> = path
            .file_stem()
            .map_or("CSV".into(), |s| s.to_string_lossy().into());
        let digest = digest(&bytes);
        let (grid, _) = csv::to_grid(&bytes, settings.encoding, shown.clone(), sheet)
            .map_err(|reason| crate::model::sheet::ReadFailure { reason })?;
        let mut wb = build_workbook(
            vec![workbook::RawSheet {
                grid,
                hidden: false,
                notes: Vec::new(),
            }],
            settings.form,
        );
        wb.digest = Some(digest);
        Ok(wb)
    });
    Submission {
        path: shown,
        result,
    }
}

fn reader_crashed() -> crate::model::sheet::ReadFailure {
    crate::model::sheet::ReadFailure {
        reason: crate::model::finding::Text::new(
            "ファイルの内部構造が壊れていて、読み込み中に処理が止まりました。Excelで開けるか確認し、保存し直したものを提出してもらってください。",
            "The file's structure is broken and reading it failed. Ask for a re-saved copy.",
        ),
    }
}

/// A fingerprint of a file's bytes, to tell identical submissions apart.
fn digest(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

/// Recognises and parses every sheet of an opened workbook.
pub fn build_workbook(raw: Vec<workbook::RawSheet>, form: &Form) -> Workbook {
    let mut wb = Workbook::default();
    for mut s in raw {
        let at = crate::model::location::Location {
            file: s.grid.file.clone(),
            sheet: Some(s.grid.sheet.clone()),
            cell: None,
        };
        wb.read_notes
            .extend(s.notes.into_iter().map(|n| (at.clone(), n)));
        let (kind, label_col) = classify::classify(&s.grid, form);
        wb.sheets.push(SheetInfo {
            name: s.grid.sheet.clone(),
            kind,
            hidden: s.hidden,
        });
        match kind {
            SheetKind::Evaluation => {
                wb.error_cells.extend(s.grid.error_cells());
                let lc = label_col.unwrap_or(s.grid.first_col());
                wb.eval_sheets
                    .push(eval_sheet::parse_at(&mut s.grid, lc, form));
            }
            SheetKind::Targets => {
                wb.error_cells.extend(s.grid.error_cells());
                wb.targets.push(targets::parse(&s.grid, form));
            }
            SheetKind::Comments => {
                wb.error_cells.extend(s.grid.error_cells());
                wb.comments.push(comments::parse(&s.grid, form));
            }
            SheetKind::Other | SheetKind::Empty => {}
        }
    }
    wb
}
