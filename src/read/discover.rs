//! Finds the input files: the paths given, folders searched recursively,
//! spreadsheets kept, everything in a stable order so output is deterministic.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

/// Extensions hyoka reads (compared case-insensitively).
pub const SPREADSHEET_EXTENSIONS: [&str; 5] = ["xlsx", "xlsm", "xls", "ods", "xlsb"];

/// A problem met while searching, reported but not fatal.
#[derive(Debug, Clone)]
pub struct WalkProblem {
    pub path: PathBuf,
    pub message: String,
}

#[derive(Debug, Default)]
pub struct Discovered {
    pub files: Vec<PathBuf>,
    /// Files in the folders that are not spreadsheets (listed, not read).
    pub skipped: Vec<PathBuf>,
    pub problems: Vec<WalkProblem>,
}

pub fn is_spreadsheet(p: &Path) -> bool {
    p.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        SPREADSHEET_EXTENSIONS
            .iter()
            .any(|x| x.eq_ignore_ascii_case(e))
    })
}

/// Excel's lock files (`~$book.xlsx`) are not submissions.
fn is_lock_file(p: &Path) -> bool {
    p.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with("~$") || n.starts_with(".~lock."))
}

/// Expands the given paths. A file named explicitly is always taken, whatever
/// its extension, so that a mislabelled file gets a clear error instead of
/// being silently ignored.
pub fn discover(paths: &[PathBuf]) -> Discovered {
    let mut d = Discovered::default();
    for p in paths {
        if p.is_file() {
            d.files.push(p.clone());
            continue;
        }
        if !p.exists() {
            d.problems.push(WalkProblem {
                path: p.clone(),
                message: "見つかりません".into(),
            });
            continue;
        }
        for entry in WalkDir::new(p).follow_links(true).sort_by_file_name() {
            match entry {
                Ok(e) if e.file_type().is_file() => {
                    let path = e.into_path();
                    if is_lock_file(&path) {
                        continue;
                    }
                    if is_spreadsheet(&path) {
                        d.files.push(path);
                    } else {
                        d.skipped.push(path);
                    }
                }
                Ok(_) => {}
                Err(e) => d.problems.push(WalkProblem {
                    path: e.path().map(Path::to_path_buf).unwrap_or_else(|| p.clone()),
                    message: e.to_string(),
                }),
            }
        }
    }
    d.files.sort();
    d.files.dedup();
    d
}
