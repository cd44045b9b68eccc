//! The benchmark floor: calamine opening every workbook under a folder and
//! touching every cell of every sheet, nothing else. `hyoka check` is
//! measured against this.
//!
//! Usage: cargo run --release --example floor -- DIR [--cells]
//!
//! By default each workbook is opened the standard way (`open_workbook_auto`,
//! `worksheet_range`). With `--cells` each file is read into memory and its
//! cells streamed (`worksheet_cells_reader`): the cheapest full read, and the
//! one hyoka itself does, so the difference to `hyoka check` is hyoka's own
//! work.

use std::io::Cursor;

use calamine::{Data, DataRef, Reader, Xlsx, open_workbook_auto};

// The allocator hyoka uses, so the floor measures the same reading.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let dir = std::env::args().nth(1).expect("a folder");
    let streamed = std::env::args().any(|a| a == "--cells");
    let mut files = 0usize;
    let mut cells = 0usize;
    let mut bytes = 0usize;
    for e in walkdir::WalkDir::new(&dir).sort_by_file_name() {
        let e = e.expect("walk");
        if !e.file_type().is_file() || e.path().extension().is_none_or(|x| x != "xlsx") {
            continue;
        }
        if streamed {
            let data = std::fs::read(e.path()).expect("read");
            let mut wb = Xlsx::new(Cursor::new(data)).expect("open");
            for name in wb.sheet_names() {
                let mut r = wb.worksheet_cells_reader(&name).expect("sheet");
                while let Some(c) = r.next_cell().expect("cell") {
                    cells += 1;
                    if let DataRef::SharedString(s) = c.get_value() {
                        bytes += s.len();
                    } else if let DataRef::String(s) = c.get_value() {
                        bytes += s.len();
                    }
                }
            }
        } else {
            let mut wb = open_workbook_auto(e.path()).expect("open");
            for name in wb.sheet_names() {
                let r = wb.worksheet_range(&name).expect("sheet");
                for c in r.used_cells() {
                    cells += 1;
                    if let (_, _, Data::String(s)) = c {
                        bytes += s.len();
                    }
                }
            }
        }
        files += 1;
    }
    println!("files={files} cells={cells} text_bytes={bytes}");
}
