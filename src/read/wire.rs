//! What a reading worker and its supervisor say to each other over the
//! worker's stdin and stdout: one request (a file to read) and one reply (its
//! sheets, or why it cannot be read) at a time. Each message is a frame: its
//! length as 8 bytes little-endian, then the message in postcard.

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::model::finding::Text;
use crate::model::sheet::ReadFailure;
use crate::read::RawFile;
use crate::read::csv::CsvEncoding;
use crate::read::grid::Grid;
use crate::read::workbook::{RawSheet, StruckCell};

/// Buffers and pipe capacity for replies: most replies fit whole.
pub const PIPE_BYTES: usize = 1 << 20;

/// What a worker says first: which build it is, so a supervisor never talks
/// to a worker of another version (postcard does not describe itself).
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct Hello {
    version: String,
}

impl Hello {
    pub fn this_build() -> Hello {
        Hello {
            version: concat!(
                env!("CARGO_PKG_NAME"),
                " ",
                env!("CARGO_PKG_VERSION"),
                " wire 1"
            )
            .to_string(),
        }
    }
}

/// A file to read.
#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct Request {
    /// The path as the operating system's bytes.
    pub path: Vec<u8>,
    /// The name findings give the file.
    pub shown: String,
    pub encoding: Option<CsvEncoding>,
}

impl Request {
    /// None for a path that cannot cross (not UTF-8 outside Unix).
    pub fn new(path: &Path, shown: &str, encoding: Option<CsvEncoding>) -> Option<Request> {
        Some(Request {
            path: path_bytes(path)?,
            shown: shown.to_string(),
            encoding,
        })
    }

    pub fn path(&self) -> Option<PathBuf> {
        bytes_path(&self.path)
    }
}

#[cfg(unix)]
fn path_bytes(p: &Path) -> Option<Vec<u8>> {
    use std::os::unix::ffi::OsStrExt;
    Some(p.as_os_str().as_bytes().to_vec())
}

#[cfg(unix)]
fn bytes_path(b: &[u8]) -> Option<PathBuf> {
    use std::os::unix::ffi::OsStrExt;
    Some(std::ffi::OsStr::from_bytes(b).into())
}

#[cfg(not(unix))]
fn path_bytes(p: &Path) -> Option<Vec<u8>> {
    p.to_str().map(|s| s.as_bytes().to_vec())
}

#[cfg(not(unix))]
fn bytes_path(b: &[u8]) -> Option<PathBuf> {
    String::from_utf8(b.to_vec()).ok().map(PathBuf::from)
}

/// One sheet as it crosses: its grid as it is held (no file name).
#[derive(Debug, Serialize, Deserialize)]
struct Sheet {
    hidden: bool,
    notes: Vec<Text>,
    struck: Vec<StruckCell>,
    grid: Grid,
}

/// The reply: a file read, or why not.
#[derive(Debug, Serialize, Deserialize)]
pub struct Reply(Result<(u64, Vec<Sheet>), ReadFailure>);

impl Reply {
    pub fn new(read: Result<RawFile, ReadFailure>) -> Reply {
        Reply(read.map(|raw| {
            let sheets = raw
                .sheets
                .into_iter()
                .map(|s| Sheet {
                    hidden: s.hidden,
                    notes: s.notes,
                    struck: s.struck,
                    grid: s.grid,
                })
                .collect();
            (raw.digest, sheets)
        }))
    }

    /// The file read, its grids named after `shown`.
    pub fn into_raw(self, shown: &Arc<str>) -> Result<RawFile, ReadFailure> {
        self.0.map(|(digest, sheets)| RawFile {
            digest,
            sheets: sheets
                .into_iter()
                .map(|mut s| {
                    s.grid.file = shown.clone();
                    RawSheet {
                        grid: s.grid,
                        hidden: s.hidden,
                        notes: s.notes,
                        struck: s.struck,
                    }
                })
                .collect(),
        })
    }
}

/// Writes one message as a frame and flushes it.
pub fn send<T: Serialize>(out: &mut impl Write, message: &T) -> io::Result<()> {
    // Sized first, then serialized straight into the (buffered) output.
    let len = postcard::experimental::serialized_size(message).map_err(io::Error::other)?;
    out.write_all(&(len as u64).to_le_bytes())?;
    postcard::to_io(message, &mut *out).map_err(io::Error::other)?;
    out.flush()
}

/// Reads one frame; `Ok(None)` at the end of the stream. A frame longer than
/// `max` bytes is an error (the other side is not a hyoka of this build).
pub fn receive<T: for<'de> Deserialize<'de>>(
    input: &mut impl Read,
    max: u64,
) -> io::Result<Option<T>> {
    let mut len = [0u8; 8];
    match input.read_exact(&mut len) {
        Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => return Ok(None),
        r => r?,
    }
    let len = u64::from_le_bytes(len);
    if len > max {
        return Err(io::Error::other(format!("a frame of {len} bytes")));
    }
    let mut body = Vec::with_capacity(len as usize);
    input.take(len).read_to_end(&mut body)?;
    if body.len() as u64 != len {
        return Err(io::ErrorKind::UnexpectedEof.into());
    }
    postcard::from_bytes(&body)
        .map(Some)
        .map_err(io::Error::other)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::cell::CellValue;

    #[test]
    fn a_request_and_a_reply_cross_unchanged() {
        let req = Request::new(
            Path::new("令和6年度 提出/財政 課#1.xlsx"),
            "財政 課#1.xlsx",
            Some(CsvEncoding::ShiftJis),
        )
        .unwrap();
        let mut buf = Vec::new();
        send(&mut buf, &req).unwrap();
        send(&mut buf, &req).unwrap();
        let mut input = buf.as_slice();
        for _ in 0..2 {
            let back: Request = receive(&mut input, 1 << 20).unwrap().unwrap();
            assert_eq!(back, req);
            assert_eq!(
                back.path().unwrap(),
                Path::new("令和6年度 提出/財政 課#1.xlsx")
            );
        }
        assert_eq!(receive::<Request>(&mut input, 1 << 20).unwrap(), None);
    }

    #[test]
    fn sheets_cross_with_every_kind_of_value_and_their_positions() {
        let shown: Arc<str> = "a.xlsx".into();
        let grid = Grid::from_cells(
            shown.clone(),
            "評価シート".into(),
            vec![
                (2, 1, CellValue::Text("取組".into())),
                (2, 7, CellValue::Number(8_447_029.0)),
                (40, 3, CellValue::Date("2024-03-31".into())),
                (40, 4, CellValue::Error("#DIV/0!".into())),
                (41, 0, CellValue::Bool(true)),
            ],
        );
        let want: Vec<_> = grid.cells().map(|(r, c, v)| (r, c, v.clone())).collect();
        let raw = RawFile {
            digest: 7,
            sheets: vec![RawSheet {
                grid,
                hidden: true,
                notes: vec![Text::new("注", "note")],
                struck: vec![StruckCell {
                    row: 3,
                    col: 1,
                    struck: "B".into(),
                    whole: false,
                }],
            }],
        };
        let mut buf = Vec::new();
        send(&mut buf, &Reply::new(Ok(raw))).unwrap();
        let reply: Reply = receive(&mut buf.as_slice(), 1 << 20).unwrap().unwrap();
        let Ok(back) = reply.into_raw(&shown) else {
            panic!("read")
        };
        assert_eq!(back.digest, 7);
        let s = &back.sheets[0];
        assert!(s.hidden);
        assert_eq!(&*s.grid.sheet, "評価シート");
        assert_eq!(&*s.grid.file, "a.xlsx");
        assert_eq!(s.notes, vec![Text::new("注", "note")]);
        assert_eq!(s.struck[0].struck, "B");
        let got: Vec<_> = s.grid.cells().map(|(r, c, v)| (r, c, v.clone())).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn a_failure_crosses_and_an_oversized_frame_is_refused() {
        let fail = ReadFailure {
            reason: Text::new("空のファイルです", "empty"),
        };
        let mut buf = Vec::new();
        send(&mut buf, &Reply::new(Err(fail.clone()))).unwrap();
        let reply: Reply = receive(&mut buf.as_slice(), 1 << 20).unwrap().unwrap();
        assert_eq!(
            reply.into_raw(&"x".into()).err().unwrap().reason,
            fail.reason
        );
        assert!(receive::<Reply>(&mut buf.as_slice(), 4).is_err());
    }
}
