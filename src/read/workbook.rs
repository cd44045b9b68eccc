//! Opens a spreadsheet file by what its bytes are, not by its name, so that a
//! mislabelled or encrypted file gets a precise message, and turns every sheet
//! into a [`Grid`].

use std::io::Cursor;
use std::path::Path;
use std::sync::Arc;

use calamine::{Data, Ods, Range, Reader, SheetVisible, Xls, Xlsb, Xlsx};

use crate::model::cell::CellValue;
use crate::model::finding::Text;
use crate::model::sheet::ReadFailure;
use crate::read::grid::Grid;

/// A sheet as opened, before recognition.
pub struct RawSheet {
    pub grid: Grid,
    pub hidden: bool,
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
    let bytes = std::fs::read(path).map_err(|e| {
        fail(
            format!("ファイルを読めません: {e}。アクセス権とファイルの場所を確認してください。"),
            format!("Cannot read the file: {e}. Check permissions and location."),
        )
    })?;
    open_bytes(bytes, shown)
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
            let mut wb = Xls::new(Cursor::new(bytes)).map_err(|e| match e {
                calamine::XlsError::Password => password(),
                e => broken("Excel 97-2003 (.xls)", e),
            })?;
            collect(&mut wb, shown)
        }
        Sniffed::Zip => {
            if is_ods(&bytes) {
                let mut wb = Ods::new(Cursor::new(bytes)).map_err(|e| match e {
                    calamine::OdsError::Password => password(),
                    e => broken("ODS", e),
                })?;
                collect(&mut wb, shown)
            } else if zip_has(&bytes, b"xl/workbook.bin") {
                let mut wb =
                    Xlsb::new(Cursor::new(bytes)).map_err(|e| broken("Excel (.xlsb)", e))?;
                collect(&mut wb, shown)
            } else {
                let mut wb = Xlsx::new(Cursor::new(bytes)).map_err(|e| match e {
                    calamine::XlsxError::Password => password(),
                    e => broken("Excel (.xlsx)", e),
                })?;
                collect(&mut wb, shown)
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
    bytes.windows(name.len()).any(|w| w == name)
}

fn collect<R, RS>(wb: &mut R, shown: &Arc<str>) -> Result<Vec<RawSheet>, ReadFailure>
where
    R: Reader<RS>,
    RS: std::io::Read + std::io::Seek,
    R::Error: std::fmt::Display,
{
    let meta: Vec<(String, bool)> = wb
        .sheets_metadata()
        .iter()
        .map(|s| (s.name.clone(), s.visible != SheetVisible::Visible))
        .collect();
    let mut out = Vec::with_capacity(meta.len());
    for (name, hidden) in meta {
        let range = wb.worksheet_range(&name).map_err(|e| {
            fail(
                format!("シート「{name}」を読めません: {e}"),
                format!("Cannot read sheet `{name}`: {e}"),
            )
        })?;
        out.push(RawSheet {
            grid: to_grid(range, shown.clone(), name.into()),
            hidden,
        });
    }
    Ok(out)
}

/// Moves the cells out of calamine's range without copying strings.
pub fn to_grid(mut range: Range<Data>, file: Arc<str>, sheet: Arc<str>) -> Grid {
    let origin = range.start().unwrap_or((0, 0));
    let (height, width) = range.get_size();
    let mut cells = Vec::with_capacity(height * width);
    for r in 0..height {
        for c in 0..width {
            let d = std::mem::take(&mut range[(r, c)]);
            cells.push(convert(d));
        }
    }
    Grid::new(file, sheet, origin, width, cells)
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
