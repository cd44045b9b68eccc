//! The benchmark floor: calamine opening every workbook under a folder and
//! touching every cell of every sheet, nothing else. `hyoka check` is
//! measured against this.
//!
//! Usage: cargo run --release --example floor -- DIR

use calamine::{Data, Reader, open_workbook_auto};

// The allocator hyoka uses, so the floor measures the same reading.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let dir = std::env::args().nth(1).expect("a folder");
    let mut files = 0usize;
    let mut cells = 0usize;
    let mut bytes = 0usize;
    for e in walkdir::WalkDir::new(&dir).sort_by_file_name() {
        let e = e.expect("walk");
        if !e.file_type().is_file() || e.path().extension().is_none_or(|x| x != "xlsx") {
            continue;
        }
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
        files += 1;
    }
    println!("files={files} cells={cells} text_bytes={bytes}");
}
