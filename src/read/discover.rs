//! Finds the input files: the paths given, folders searched recursively,
//! spreadsheets kept, everything in a stable order so output is deterministic.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

/// Extensions hyoka reads (compared case-insensitively).
pub const SPREADSHEET_EXTENSIONS: [&str; 6] = ["xlsx", "xlsm", "xls", "ods", "xlsb", "csv"];

/// A problem met while searching, reported but not fatal.
#[derive(Debug, Clone)]
pub struct WalkProblem {
    pub path: PathBuf,
    pub message: String,
    pub kind: ProblemKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProblemKind {
    NotFound,
    Loop,
    Permission,
    Other,
}

/// What to tell people about a search problem.
pub fn explain(p: &WalkProblem) -> crate::model::finding::Text {
    use crate::model::finding::Text;
    match p.kind {
        ProblemKind::NotFound => Text::new(
            "見つかりません（リンク先がないか、名前が違います）。場所と名前を確認してください。",
            "Not found (a link to nothing, or a wrong name).",
        ),
        ProblemKind::Loop => Text::new(
            "フォルダのリンク（ショートカット）が循環しているため、この先は読みません。リンクを外してください。",
            "A folder link loops back on itself; not followed.",
        ),
        ProblemKind::Permission => Text::new(
            "アクセス権がないため読めません。ファイルの権限を確認してください。",
            "No permission to read it.",
        ),
        ProblemKind::Other => Text::new(
            format!("読めません: {}", p.message),
            format!("Cannot read: {}", p.message),
        ),
    }
}

#[derive(Debug, Default)]
pub struct Discovered {
    pub files: Vec<PathBuf>,
    /// Files in the folders that are not spreadsheets (listed, not read).
    pub skipped: Vec<PathBuf>,
    pub problems: Vec<WalkProblem>,
    /// hyoka's own outputs among the files (passed over), with which
    /// output each is (`集約ブック`).
    pub own_outputs: Vec<(PathBuf, String)>,
}

pub fn is_spreadsheet(p: &Path) -> bool {
    p.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        SPREADSHEET_EXTENSIONS
            .iter()
            .any(|x| x.eq_ignore_ascii_case(e))
    })
}

/// Excel's lock files (`~$book.xlsx`), LibreOffice's and hyoka's own lock
/// and temporary files are not submissions.
fn is_lock_file(p: &Path) -> bool {
    p.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with("~$") || n.starts_with(".~lock.") || n.starts_with(".hyoka"))
}

/// For a path that does not exist: the spreadsheets beside it whose names
/// start like it (`財政課.xlsx` → `財政課_令和6年度.ods`), as a sentence, or
/// nothing.
pub fn similar_names(missing: &Path) -> String {
    let Some(stem) = missing.file_stem().map(|s| s.to_string_lossy().to_string()) else {
        return String::new();
    };
    let dir = crate::model::output::folder_of(missing);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return String::new();
    };
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| is_spreadsheet(p) || p.is_dir())
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().to_string()))
        .filter(|n| n.starts_with(&stem) && stem.chars().count() >= 2)
        .collect();
    names.sort();
    names.truncate(3);
    if names.is_empty() {
        return String::new();
    }
    let shown: Vec<String> = names
        .iter()
        .map(|n| dir.join(n).display().to_string())
        .collect();
    format!("似た名前: {}。", shown.join("、"))
}

/// Expands the given paths. A file named explicitly is always taken, whatever
/// its extension, so that a mislabelled file gets a clear error instead of
/// being silently ignored.
pub fn discover(paths: &[PathBuf]) -> Discovered {
    let mut d = Discovered::default();
    for p in paths {
        // A pipe or a device named explicitly is taken too: reading says
        // it is not a regular file.
        if p.is_file() || (p.exists() && !p.is_dir()) {
            d.files.push(p.clone());
            continue;
        }
        if !p.exists() {
            d.problems.push(WalkProblem {
                path: p.clone(),
                message: "見つかりません".into(),
                kind: ProblemKind::NotFound,
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
                // A pipe, socket or device named like a workbook is not
                // passed over silently: reading it says what it is.
                Ok(e) if !e.file_type().is_dir() && is_spreadsheet(e.path()) => {
                    d.files.push(e.into_path());
                }
                Ok(_) => {}
                Err(e) => {
                    let kind = if e.loop_ancestor().is_some() {
                        ProblemKind::Loop
                    } else {
                        match e.io_error().map(|io| io.kind()) {
                            Some(std::io::ErrorKind::NotFound) => ProblemKind::NotFound,
                            Some(std::io::ErrorKind::PermissionDenied) => ProblemKind::Permission,
                            _ => ProblemKind::Other,
                        }
                    };
                    d.problems.push(WalkProblem {
                        path: e.path().map(Path::to_path_buf).unwrap_or_else(|| p.clone()),
                        message: e.to_string(),
                        kind,
                    })
                }
            }
        }
    }
    d.files.sort();
    d.files.dedup();
    pass_over_own_outputs(&mut d);
    newest_first(&mut d.files);
    d
}

/// Puts each department's resubmissions before the submissions they replace
/// (`財政課_修正.xlsx` before `財政課.xlsx`): the first sheet of an item in
/// input order is the one consolidated. Newer is the higher version in the
/// name ([`crate::model::resubmission`]), then the later modification time.
/// Files of other families keep their name order.
fn newest_first(files: &mut [PathBuf]) {
    use crate::model::resubmission::{split, stem};
    let keys: Vec<(String, u32)> = files
        .iter()
        .map(|p| split(stem(&p.to_string_lossy())))
        .collect();
    let mut families: std::collections::HashMap<&str, Vec<usize>> = Default::default();
    for (i, (family, _)) in keys.iter().enumerate() {
        families.entry(family).or_default().push(i);
    }
    let mut moves: Vec<(usize, PathBuf)> = Vec::new();
    for slots in families.values().filter(|s| s.len() > 1) {
        // Newest first: version, then modification time, each read once.
        let mut members: Vec<(u32, Option<std::time::SystemTime>, usize)> = slots
            .iter()
            .map(|&i| {
                let modified = std::fs::metadata(&files[i]).and_then(|m| m.modified());
                (keys[i].1, modified.ok(), i)
            })
            .collect();
        members.sort_by_key(|&(version, modified, _)| std::cmp::Reverse((version, modified)));
        for (&slot, &(_, _, member)) in slots.iter().zip(&members) {
            moves.push((slot, files[member].clone()));
        }
    }
    for (slot, path) in moves {
        files[slot] = path;
    }
}

/// Moves hyoka's own outputs from the files to read to `own_outputs`.
fn pass_over_own_outputs(d: &mut Discovered) {
    use rayon::prelude::*;
    let kinds: Vec<Option<String>> = d
        .files
        .par_iter()
        .map(|p| crate::read::own_output::kind(p))
        .collect();
    if kinds.iter().all(Option::is_none) {
        return;
    }
    let files = std::mem::take(&mut d.files);
    for (p, k) in files.into_iter().zip(kinds) {
        match k {
            Some(k) => d.own_outputs.push((p, k)),
            None => d.files.push(p),
        }
    }
}
