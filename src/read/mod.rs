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
pub mod numfmt;
pub mod ods_shown;
pub mod own_output;
pub mod panel_years;
pub mod pool;
pub mod struck;
pub mod targets;
pub mod wire;
pub mod workbook;
pub mod worker;
pub mod zipdir;

use std::path::Path;
use std::sync::Arc;

use crate::model::form::Form;
use crate::model::location::Located;
use crate::model::sheet::{SheetInfo, SheetKind, Submission, Workbook};

/// How files are read: the words of the form they are written in, and the
/// encoding of the CSV files whose bytes cannot tell it (`--encoding`; see
/// [`csv`]).
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
    let result = read_raw(path, &shown, settings.encoding).and_then(|raw| raw.build(settings.form));
    Submission {
        path: shown,
        result,
    }
}

/// A file as far as the reader libraries take it: its sheets as grids, in
/// workbook order, not yet recognised. This is the part of reading that runs
/// calamine and the zip and XML readers on the file's bytes, and so the part
/// a supervised worker process does (`pool`); the rest is hyoka's own code.
pub struct RawFile {
    pub digest: u64,
    pub sheets: Vec<workbook::RawSheet>,
}

impl RawFile {
    /// Recognises and parses every sheet. A panic in that (hyoka's own code,
    /// on whatever grids a file gave) costs this file, as a reader's does.
    pub fn build(self, form: &Form) -> Result<Workbook, crate::model::sheet::ReadFailure> {
        let digest = self.digest;
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            build_workbook(self.sheets, form)
        }))
        .map(|mut wb| {
            wb.digest = Some(digest);
            wb
        })
        .map_err(|_| reader_crashed())
    }
}

/// Reads a file from disk through the reader libraries (CSV by its
/// extension, anything else by its first bytes).
pub fn read_raw(
    path: &Path,
    shown: &Arc<str>,
    encoding: Option<csv::CsvEncoding>,
) -> Result<RawFile, crate::model::sheet::ReadFailure> {
    let bytes = workbook::read_file(path)?;
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
    {
        return read_csv(path, bytes, shown, encoding);
    }
    raw_from_bytes(bytes, shown)
}

/// Reads a workbook held in memory.
pub fn read_bytes(
    bytes: Vec<u8>,
    shown: &Arc<str>,
    form: &Form,
) -> Result<Workbook, crate::model::sheet::ReadFailure> {
    raw_from_bytes(bytes, shown).and_then(|raw| raw.build(form))
}

/// A panic inside a reader library (the fuzzer found an overflow in
/// calamine's cell references) costs this file, not the batch.
fn raw_from_bytes(
    bytes: Vec<u8>,
    shown: &Arc<str>,
) -> Result<RawFile, crate::model::sheet::ReadFailure> {
    let digest = digest(&bytes);
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        workbook::open_bytes(bytes, shown)
    }))
    .unwrap_or_else(|_| Err(reader_crashed()))
    .map(|sheets| RawFile { digest, sheets })
}

/// A CSV file as a workbook of one sheet named after the file.
fn read_csv(
    path: &Path,
    bytes: Vec<u8>,
    shown: &Arc<str>,
    encoding: Option<csv::CsvEncoding>,
) -> Result<RawFile, crate::model::sheet::ReadFailure> {
    let sheet: Arc<str> = path
        .file_stem()
        .map_or("CSV".into(), |s| s.to_string_lossy().into());
    let digest = digest(&bytes);
    let (grid, _) = csv::to_grid(&bytes, encoding, shown.clone(), sheet)
        .map_err(|reason| crate::model::sheet::ReadFailure { reason })?;
    Ok(RawFile {
        digest,
        sheets: vec![workbook::RawSheet::new(grid, false)],
    })
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
    // Which of `wb.eval_sheets` are hidden.
    let mut hidden_eval = Vec::new();
    for mut s in raw {
        let at = crate::model::location::Location {
            file: s.grid.file.clone(),
            sheet: Some(s.grid.sheet.clone()),
            cell: None,
        };
        wb.read_notes
            .extend(s.notes.into_iter().map(|n| (at.clone(), n)));
        wb.struck.extend(s.struck.into_iter().map(|c| Located {
            at: s.grid.loc(c.row, c.col),
            value: crate::model::sheet::Struck {
                text: c.struck,
                whole: c.whole,
            },
        }));
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
                for e in eval_sheet::parse_items(&mut s.grid, lc, form) {
                    wb.eval_sheets.push(e);
                    hidden_eval.push(s.hidden);
                }
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
    set_hidden_copies_aside(&mut wb, &hidden_eval);
    wb
}

/// A hidden 評価シート of an item that a visible sheet of the file also
/// holds is a leftover copy: it is not read as the item (a hidden copy never
/// overrides what the department sees), and is listed for rule F007.
fn set_hidden_copies_aside(wb: &mut Workbook, hidden: &[bool]) {
    if !hidden.contains(&true) {
        return;
    }
    let visible: Vec<(crate::model::plan::ItemId, std::sync::Arc<str>, usize)> = wb
        .eval_sheets
        .iter()
        .enumerate()
        .filter(|(i, _)| !hidden[*i])
        .filter_map(|(i, e)| Some((e.item_id()?, e.sheet.clone(), i)))
        .collect();
    let grades = |e: &crate::model::sheet::EvalSheet| -> Vec<_> {
        e.grade_rows()
            .flat_map(|r| r.cells.iter().map(|c| (c.year, c.reading.grade())))
            .collect()
    };
    let mut keep = Vec::with_capacity(wb.eval_sheets.len());
    let mut copies = Vec::new();
    for (i, e) in wb.eval_sheets.iter().enumerate() {
        let twin = hidden[i]
            .then(|| e.item_id())
            .flatten()
            .and_then(|id| visible.iter().find(|(v, _, _)| *v == id));
        match twin {
            Some((id, name, vi)) => {
                copies.push(crate::model::sheet::HiddenSheet {
                    at: e.whole(),
                    item: Some(*id),
                    copy_of: Some(name.clone()),
                    grades_differ: grades(e) != grades(&wb.eval_sheets[*vi]),
                });
                keep.push(false);
            }
            None => {
                if hidden[i] {
                    copies.push(crate::model::sheet::HiddenSheet {
                        at: e.whole(),
                        item: e.item_id(),
                        copy_of: None,
                        grades_differ: false,
                    });
                }
                keep.push(true);
            }
        }
    }
    let mut k = keep.into_iter();
    wb.eval_sheets.retain(|_| k.next().unwrap_or(true));
    wb.hidden_sheets = copies;
}
