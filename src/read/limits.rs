//! Limits that bound the time and memory one submitted file can take, so a
//! broken or hostile file (a zip bomb, a sheet claiming a million rows, a
//! megabyte in one cell) cannot stop the batch. Evaluation sheets are a few
//! hundred rows and a dozen columns; the limits are far above that.

use crate::model::finding::Text;
use crate::read::zipdir::Directory;

/// Largest file read at all.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
/// Largest total a zip (xlsx, ods) may inflate to, by its own directory.
pub const MAX_INFLATED_BYTES: u64 = 512 * 1024 * 1024;
/// Largest single part of a zip, inflated.
pub const MAX_PART_BYTES: u64 = 256 * 1024 * 1024;
/// Rows and columns read from a sheet; cells beyond are ignored and reported.
pub const MAX_ROWS: u32 = 10_000;
pub const MAX_COLS: u32 = 200;
/// Memory of one reading worker (docs/robustness.md): the readers of an
/// evaluation workbook take tens of megabytes.
pub const WORKER_MEMORY_BYTES: u64 = 1024 * 1024 * 1024;
/// Seconds one file may take to read; a workbook takes milliseconds.
pub const FILE_SECONDS: u64 = 60;
/// Characters kept of one cell's text.
pub const MAX_TEXT_CHARS: usize = 100_000;

/// Checks a zip's directory before anything is inflated. Declared sizes are
/// what the directory says; a part that inflates beyond its declared size is
/// stopped by the zip reader's CRC and size checks.
pub fn check_zip(d: &Directory) -> Result<(), Text> {
    if let Some((name, size)) = &d.largest
        && *size > MAX_PART_BYTES
    {
        return Err(too_big(name, *size));
    }
    if d.total > MAX_INFLATED_BYTES {
        return Err(too_big("（全体）", d.total));
    }
    Ok(())
}

fn too_big(part: &str, size: u64) -> Text {
    let mb = size / (1024 * 1024);
    Text::new(
        format!(
            "展開すると {mb} MB になる部分（{part}）があり、評価シートとしては大きすぎるため読みません（圧縮爆弾の疑い）。中身を確認し、保存し直したファイルを提出してもらってください。"
        ),
        format!(
            "Part `{part}` inflates to {mb} MB, far beyond an evaluation sheet (a zip bomb?); not read."
        ),
    )
}

/// A note about cells not read because of the limits, for rule F004.
pub fn cells_ignored(rows: u32, cols: u32, n: usize) -> Text {
    Text::new(
        format!(
            "{}行×{}列を超える範囲にある {n} 個のセルは読みませんでした（シートの範囲が大きすぎます）。不要なセルを削除してください。",
            rows, cols
        ),
        format!(
            "{n} cells beyond {rows} rows × {cols} columns were not read (the sheet's range is too large)."
        ),
    )
}

pub fn text_truncated(chars: usize) -> Text {
    Text::new(
        format!("セルの文字数が {chars} 字あり、先頭の {MAX_TEXT_CHARS} 字だけを読みました。"),
        format!("A cell holds {chars} characters; only the first {MAX_TEXT_CHARS} were read."),
    )
}
