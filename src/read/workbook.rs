//! Opens a spreadsheet file by what its bytes are, not by its name, so that a
//! mislabelled or encrypted file gets a precise message, and turns every sheet
//! into a [`Grid`].

use std::io::Cursor;
use std::path::Path;
use std::sync::Arc;

use calamine::{Data, DataRef, Ods, Reader, SheetVisible, Xls, Xlsb, Xlsx};

use crate::model::cell::CellValue;
use crate::model::finding::Text;
use crate::model::sheet::ReadFailure;
use crate::read::grid::Grid;
use crate::read::numfmt::NumFmt;
use crate::read::struck::{self, StruckStrings};
use crate::read::{declared, limits, ods_shown, zipdir};

/// A sheet as opened, before recognition.
pub struct RawSheet {
    pub grid: Grid,
    pub hidden: bool,
    /// What the read limits left out of this sheet (rule F004).
    pub notes: Vec<Text>,
    /// Cells whose struck-through text (見え消し) was left out (rule F006).
    pub struck: Vec<StruckCell>,
}

impl RawSheet {
    /// A sheet with nothing left out.
    pub fn new(grid: Grid, hidden: bool) -> RawSheet {
        RawSheet {
            grid,
            hidden,
            notes: Vec::new(),
            struck: Vec::new(),
        }
    }
}

/// A cell whose struck-through text was not read as its content.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct StruckCell {
    pub row: u32,
    pub col: u32,
    /// The struck text.
    pub struck: String,
    /// Whether the whole cell is struck (its font), so nothing of it is read.
    pub whole: bool,
}

/// What the first bytes of a file say it is.
#[derive(Debug, PartialEq, Eq)]
pub enum Sniffed {
    /// A zip container: xlsx, xlsm, xlsb or ods.
    Zip,
    /// A compound file: xls, or an encrypted xlsx.
    Compound,
    Empty,
    Pdf,
    Image,
    Other,
}

pub fn sniff(bytes: &[u8]) -> Sniffed {
    if bytes.is_empty() {
        Sniffed::Empty
    } else if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        Sniffed::Zip
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        Sniffed::Compound
    } else if bytes.starts_with(b"%PDF") {
        Sniffed::Pdf
    } else if bytes.starts_with(b"\x89PNG") || bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Sniffed::Image
    } else {
        Sniffed::Other
    }
}

fn fail(ja: impl Into<String>, en: impl Into<String>) -> ReadFailure {
    ReadFailure {
        reason: Text::new(ja, en),
    }
}

fn password() -> ReadFailure {
    fail(
        "パスワードで保護（暗号化）されているため読めません。保護を解除して保存し直したファイルを提出してもらってください。",
        "The workbook is password-protected (encrypted). Ask for a copy saved without protection.",
    )
}

fn broken(kind: &str, e: impl std::fmt::Display) -> ReadFailure {
    fail(
        format!(
            "{kind}として開けません（ファイルが壊れている可能性があります）: {e}。Excelで開けるか確認し、保存し直したものを提出してもらってください。"
        ),
        format!(
            "Cannot open the file as {kind} (it may be damaged): {e}. Check that it opens in Excel and ask for a re-saved copy."
        ),
    )
}

/// Opens a workbook and returns its sheets as grids, in workbook order.
pub fn open_grids(path: &Path, shown: &Arc<str>) -> Result<Vec<RawSheet>, ReadFailure> {
    open_bytes(read_file(path)?, shown)
}

/// A file's bytes, refused beyond [`limits::MAX_FILE_BYTES`]. The size is
/// asked of the open file, so the path is looked up once.
pub fn read_file(path: &Path) -> Result<Vec<u8>, ReadFailure> {
    use std::io::Read;
    let cannot = |e: std::io::Error| {
        fail(
            format!("ファイルを読めません: {e}。アクセス権とファイルの場所を確認してください。"),
            format!("Cannot read the file: {e}. Check permissions and location."),
        )
    };
    let meta = std::fs::metadata(path).map_err(cannot)?;
    // A FIFO, a device or a socket named .xlsx: opening one may block.
    if !meta.is_file() {
        return Err(fail(
            "通常のファイルではありません（パイプ・デバイスなど）。Excelファイルそのものを提出してもらってください。",
            "Not a regular file (a pipe, a device …); not read.",
        ));
    }
    let too_big = |len: u64| {
        fail(
            format!(
                "ファイルが {} MB あり、評価シートとしては大きすぎるため読みません（上限 {} MB）。不要なシートや画像を除いて保存し直してもらってください。",
                len / (1024 * 1024),
                limits::MAX_FILE_BYTES / (1024 * 1024)
            ),
            format!(
                "The file is {} MB, too large for an evaluation workbook; not read.",
                len / (1024 * 1024)
            ),
        )
    };
    let f = std::fs::File::open(path).map_err(cannot)?;
    let len = f.metadata().map_err(cannot)?.len();
    if len > limits::MAX_FILE_BYTES {
        return Err(too_big(len));
    }
    // The limit holds while reading too: the file may be growing, or be a
    // kernel file whose size says 0.
    let mut bytes = Vec::with_capacity(len as usize + 1);
    f.take(limits::MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    if bytes.len() as u64 > limits::MAX_FILE_BYTES {
        return Err(too_big(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Opens a workbook held in memory.
pub fn open_bytes(bytes: Vec<u8>, shown: &Arc<str>) -> Result<Vec<RawSheet>, ReadFailure> {
    match sniff(&bytes) {
        Sniffed::Empty => Err(fail(
            "空のファイルです（0バイト）。保存し直したものを提出してもらってください。",
            "The file is empty (0 bytes). Ask for the file again.",
        )),
        Sniffed::Pdf => Err(fail(
            "PDFファイルです。Excel形式（.xlsx）で提出してもらってください。",
            "This is a PDF file. Ask for the Excel (.xlsx) file.",
        )),
        Sniffed::Image => Err(fail(
            "画像ファイルです。Excel形式（.xlsx）で提出してもらってください。",
            "This is an image file. Ask for the Excel (.xlsx) file.",
        )),
        Sniffed::Other => Err(fail(
            "Excel・ODS形式のファイルではありません。Excel形式（.xlsx）で提出してもらってください。",
            "Not an Excel or ODS file. Ask for the Excel (.xlsx) file.",
        )),
        Sniffed::Compound => {
            // An encrypted xlsx is a compound file too; the xlsx reader tells.
            if let Err(calamine::XlsxError::Password) = Xlsx::new(Cursor::new(&bytes[..])) {
                return Err(password());
            }
            declared::check_xls(&bytes).map_err(|reason| ReadFailure { reason })?;
            let mut wb = Xls::new(Cursor::new(bytes)).map_err(|e| match e {
                calamine::XlsError::Password => password(),
                e => broken("Excel 97-2003 (.xls)", e),
            })?;
            collect(&mut wb, shown, &ods_shown::Shown::new())
        }
        Sniffed::Zip => {
            let dir = zipdir::read(&bytes);
            if let Some(d) = &dir {
                limits::check_zip(d).map_err(|reason| ReadFailure { reason })?;
            }
            // The shared-string table, inflated once for the checks and the
            // struck search.
            let shared = declared::check_zip(&bytes, is_ods(&bytes))
                .map_err(|reason| ReadFailure { reason })?;
            if is_ods(&bytes) {
                let numbers = ods_shown::shown_numbers(&bytes);
                let mut wb = Ods::new(Cursor::new(bytes)).map_err(|e| match e {
                    calamine::OdsError::Password => password(),
                    e => broken("ODS", e),
                })?;
                collect(&mut wb, shown, &numbers)
            } else if dir
                .as_ref()
                .map_or_else(|| zip_has(&bytes, b"xl/workbook.bin"), |d| d.xlsb)
            {
                let mut wb =
                    Xlsb::new(Cursor::new(bytes)).map_err(|e| broken("Excel (.xlsb)", e))?;
                collect(&mut wb, shown, &ods_shown::Shown::new())
            } else {
                let mut bytes = bytes;
                if let Some(d) = &dir {
                    zipdir::hide_theme(&mut bytes, d);
                }
                let struck = shared
                    .as_deref()
                    .map(struck::shared_strings)
                    .unwrap_or_default();
                let mut wb = Xlsx::new(Cursor::new(bytes)).map_err(|e| match e {
                    calamine::XlsxError::Password => password(),
                    e => broken("Excel (.xlsx)", e),
                })?;
                collect_xlsx(&mut wb, shown, &struck)
            }
        }
    }
}

/// ODS files start with a stored `mimetype` entry naming the format.
fn is_ods(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(120)];
    head.windows(8).any(|w| w == b"mimetype")
        && head.windows(24).any(|w| w == b"opendocument.spreadsheet")
}

fn zip_has(bytes: &[u8], name: &[u8]) -> bool {
    memchr::memmem::find(bytes, name).is_some()
}

fn sheet_list<R, RS>(wb: &R) -> Vec<(String, bool)>
where
    R: Reader<RS>,
    RS: std::io::Read + std::io::Seek,
{
    wb.sheets_metadata()
        .iter()
        .map(|s| (s.name.clone(), s.visible != SheetVisible::Visible))
        .collect()
}

fn sheet_failure(name: &str, e: impl std::fmt::Display) -> ReadFailure {
    fail(
        format!(
            "シート「{name}」を読めません（ファイルが壊れている可能性があります）: {e}。Excelで開けるか確認し、保存し直したものを提出してもらってください。"
        ),
        format!("Cannot read sheet `{name}`: {e}"),
    )
}

/// xls, xlsb, ods: calamine builds each sheet's range; the limits apply while
/// copying it out. `numbers` are the shown texts of an .ods's number cells
/// (`ods_shown`), read instead of the numbers.
fn collect<R, RS>(
    wb: &mut R,
    shown: &Arc<str>,
    numbers: &ods_shown::Shown,
) -> Result<Vec<RawSheet>, ReadFailure>
where
    R: Reader<RS>,
    RS: std::io::Read + std::io::Seek,
    R::Error: std::fmt::Display,
{
    let mut out = Vec::new();
    for (name, hidden) in sheet_list(wb) {
        let mut range = wb
            .worksheet_range(&name)
            .map_err(|e| sheet_failure(&name, e))?;
        let (r0, c0) = range.start().unwrap_or((0, 0));
        let (height, width) = range.get_size();
        let mut b = SheetBuilder::default();
        for r in 0..height.min(limits::MAX_ROWS as usize + 1) {
            for c in 0..width.min(limits::MAX_COLS as usize + 1) {
                let d = std::mem::take(&mut range[(r, c)]);
                let (row, col) = (r0 + r as u32, c0 + c as u32);
                let mut v = convert(d);
                if !numbers.is_empty()
                    && matches!(v, CellValue::Number(_))
                    && let Some(t) = numbers.get(&(name.clone(), row, col))
                {
                    v = CellValue::Text(t.clone());
                }
                b.push(row, col, v);
            }
        }
        // Cells beyond the limits, counted without copying.
        let outside = range.cells().filter(|(r, c, d)| {
            (*r >= limits::MAX_ROWS as usize || *c >= limits::MAX_COLS as usize)
                && !matches!(d, Data::Empty)
        });
        b.ignored += outside.count();
        out.push(b.finish(shown.clone(), name.into(), hidden));
    }
    Ok(out)
}

/// xlsx: cells are streamed, so a sheet claiming a million rows costs only
/// the cells it really holds, and those beyond the limits are skipped. A
/// number is read as its format shows it where the format carries meaning
/// (`numfmt`); struck-through text is left out (`struck`).
fn collect_xlsx<RS>(
    wb: &mut Xlsx<RS>,
    shown: &Arc<str>,
    struck: &StruckStrings,
) -> Result<Vec<RawSheet>, ReadFailure>
where
    RS: std::io::Read + std::io::Seek,
{
    let mut out = Vec::new();
    // What each style does to a value, worked out the first time it is used.
    let mut styles: Vec<Option<StyleUse>> = Vec::new();
    for (name, hidden) in sheet_list(wb) {
        let b = {
            let mut cells = wb
                .worksheet_cells_reader(&name)
                .map_err(|e| sheet_failure(&name, e))?;
            let mut b = SheetBuilder::default();
            while let Some((cell, style)) = cells
                .next_cell_with_style_id()
                .map_err(|e| sheet_failure(&name, e))?
            {
                let (r, c) = cell.get_position();
                let value = cell.get_value();
                let mut v = convert_ref(value);
                if style > 0 {
                    if styles.len() <= style {
                        styles.resize(style + 1, None);
                    }
                    let u = styles[style]
                        .get_or_insert_with(|| StyleUse::of(cells.styles().get(style)));
                    if u.struck && !v.is_empty() {
                        b.struck.push(StruckCell {
                            row: r,
                            col: c,
                            struck: v.text(),
                            whole: true,
                        });
                        continue;
                    }
                    if let (Some(f), CellValue::Number(n)) = (&u.format, &v)
                        && let Some(t) = f.render(*n)
                    {
                        v = CellValue::Text(t);
                    }
                }
                if let (DataRef::SharedString(s), false) = (value, struck.is_empty())
                    && let Some(k) = struck.get(*s)
                {
                    b.struck.push(StruckCell {
                        row: r,
                        col: c,
                        struck: k.struck.clone(),
                        whole: false,
                    });
                    v = CellValue::Text(k.kept.clone());
                }
                b.push(r, c, v);
            }
            b
        };
        out.push(b.finish(shown.clone(), name.into(), hidden));
    }
    Ok(out)
}

/// What a cell style changes in how its value is read.
#[derive(Clone, Debug, Default)]
struct StyleUse {
    format: Option<NumFmt>,
    /// The font is struck through: the whole cell is a deletion.
    struck: bool,
}

impl StyleUse {
    fn of(style: Option<&calamine::Style>) -> StyleUse {
        let Some(s) = style else {
            return StyleUse::default();
        };
        StyleUse {
            format: s
                .number_format
                .as_ref()
                .and_then(|f| NumFmt::parse(&f.format_code)),
            struck: s.font.as_ref().is_some_and(|f| f.has_strikethrough()),
        }
    }
}

/// Collects a sheet's cells within the limits.
#[derive(Default)]
struct SheetBuilder {
    cells: Vec<(u32, u32, CellValue)>,
    struck: Vec<StruckCell>,
    ignored: usize,
    truncated: Vec<usize>,
}

impl SheetBuilder {
    /// Keeps a cell within the limits (counting those beyond); one holding
    /// only white space is not kept, so the grid holds only cells with content.
    fn push(&mut self, row: u32, col: u32, mut v: CellValue) {
        if matches!(v, CellValue::Empty) {
            return;
        }
        if row >= limits::MAX_ROWS || col >= limits::MAX_COLS {
            self.ignored += 1;
            return;
        }
        if v.is_empty() {
            return;
        }
        if let CellValue::Text(t) = &mut v
            && t.len() > limits::MAX_TEXT_CHARS
        {
            let n = t.chars().count();
            if n > limits::MAX_TEXT_CHARS {
                let cut = t
                    .char_indices()
                    .nth(limits::MAX_TEXT_CHARS)
                    .map_or(t.len(), |(i, _)| i);
                t.truncate(cut);
                self.truncated.push(n);
            }
        }
        self.cells.push((row, col, v));
    }

    fn finish(self, file: Arc<str>, sheet: Arc<str>, hidden: bool) -> RawSheet {
        let mut notes = Vec::new();
        if self.ignored > 0 {
            notes.push(limits::cells_ignored(
                limits::MAX_ROWS,
                limits::MAX_COLS,
                self.ignored,
            ));
        }
        notes.extend(self.truncated.iter().map(|n| limits::text_truncated(*n)));
        RawSheet {
            grid: Grid::from_cells(file, sheet, self.cells),
            hidden,
            notes,
            struck: self.struck,
        }
    }
}

/// A streamed xlsx cell's value, copied out of calamine's buffers once.
fn convert_ref(d: &DataRef<'_>) -> CellValue {
    match d {
        DataRef::SharedString(s) => CellValue::Text((*s).to_string()),
        DataRef::String(s) => CellValue::Text(s.clone()),
        DataRef::Int(i) => CellValue::Number(*i as f64),
        DataRef::Float(f) => CellValue::Number(*f),
        DataRef::Empty => CellValue::Empty,
        other => convert(Data::from(other.clone())),
    }
}

fn convert(d: Data) -> CellValue {
    match d {
        Data::Empty => CellValue::Empty,
        Data::String(s) => CellValue::Text(s),
        Data::Int(i) => CellValue::Number(i as f64),
        Data::Float(f) => CellValue::Number(f),
        Data::Bool(b) => CellValue::Bool(b),
        Data::Error(e) => CellValue::Error(e.to_string()),
        Data::DateTime(dt) => CellValue::Date(match dt.as_datetime() {
            Some(t) => {
                let s = t.to_string();
                s.strip_suffix(" 00:00:00").map(str::to_string).unwrap_or(s)
            }
            None => dt.as_f64().to_string(),
        }),
        Data::DateTimeIso(s) | Data::DurationIso(s) => CellValue::Date(s),
    }
}
