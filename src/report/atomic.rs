//! Safe output: written to a temporary file in the target folder and renamed
//! into place, so a crash or Ctrl-C never leaves half a file and a failure
//! leaves the old file untouched; an input file is never a target. A run
//! holds a lock file in each folder it writes to (`.hyoka.lock`), so two
//! runs cannot mix their outputs, and removes the temporary files an
//! earlier run left there when it was killed.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::error::{ToolError, WriteCause};

/// Fails when `target` is one of the input files.
pub fn refuse_inputs(target: &Path, inputs: &[PathBuf]) -> Result<(), ToolError> {
    let Ok(t) = target.canonicalize() else {
        return Ok(()); // does not exist yet, so it is no input
    };
    if inputs
        .iter()
        .any(|i| i.canonicalize().is_ok_and(|c| c == t))
    {
        return Err(ToolError::OutputIsInput {
            path: target.to_path_buf(),
        });
    }
    Ok(())
}

/// Temporary files being written, removed by the Ctrl-C handler.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// On Ctrl-C, SIGTERM or SIGHUP (a closed terminal, a stopped service):
/// remove the temporary files being written, then exit 130, so an
/// interrupted run leaves neither a partial workbook nor a stray `.tmp`.
pub fn install_interrupt_cleanup() {
    let _ = ctrlc::set_handler(|| {
        if let Ok(list) = PENDING.lock() {
            for p in list.iter() {
                let _ = std::fs::remove_file(p);
            }
        }
        release_locks();
        eprintln!(
            "\nhyoka: 中断しました。出力ファイルは書き込んでいません。(interrupted; no output written)"
        );
        std::process::exit(130);
    });
}

fn pending(path: &Path, add: bool) {
    if let Ok(mut list) = PENDING.lock() {
        if add {
            list.push(path.to_path_buf());
        } else {
            list.retain(|p| p != path);
        }
    }
}

/// Writes `bytes` to `target` atomically.
pub fn write(target: &Path, bytes: &[u8]) -> Result<(), ToolError> {
    write_with(target, |w| w.write_all(bytes))
}

/// Writes `target` atomically from what `write` puts into a buffered writer,
/// never holding the whole output in memory.
pub fn write_with(
    target: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), ToolError> {
    let mut staged = Staged::new(target)?;
    let mut w = std::io::BufWriter::new(staged.file());
    // A failed flush must fail the write, not vanish in BufWriter's drop.
    let written = write(&mut w).and_then(|()| w.flush());
    drop(w);
    staged.wrote(written)?;
    staged.commit()
}

/// An output being written: a temporary file beside `target` that becomes
/// `target` only on [`Staged::commit`]; dropped uncommitted, it is removed.
/// Large outputs are written straight into it, never held whole in memory.
pub struct Staged {
    target: PathBuf,
    /// Taken by `commit`.
    tmp: Option<tempfile::NamedTempFile>,
}

/// The folders this run holds the lock of, with the open lock files.
static LOCKED: Mutex<Vec<(PathBuf, std::fs::File)>> = Mutex::new(Vec::new());

/// Name of the lock file, and prefix of the temporary files, in an output
/// folder (the reader passes them over).
pub const LOCK_FILE: &str = ".hyoka.lock";
pub const TEMP_PREFIX: &str = ".hyoka-";

/// Takes the output lock of `dir` for the rest of the run, once; then
/// removes the temporary files of earlier runs there (no other run can be
/// writing them while the lock is held).
fn lock_folder(dir: &Path, target: &Path) -> Result<(), ToolError> {
    let key = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    let mut held = LOCKED.lock().map_err(|_| write_error(target, &"lock"))?;
    if held.iter().any(|(d, _)| *d == key) {
        return Ok(());
    }
    let f = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.join(LOCK_FILE))
        .map_err(|e| io_error(target, &e))?;
    match f.try_lock() {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => {
            return Err(ToolError::Said(crate::model::finding::Text::new(
                format!(
                    "別の hyoka が同じフォルダ（{}）に出力を書いています。終わってからもう一度実行してください。",
                    dir.display()
                ),
                format!(
                    "Another hyoka run is writing to {}; run again when it is done.",
                    dir.display()
                ),
            )));
        }
        Err(std::fs::TryLockError::Error(e)) => return Err(io_error(target, &e)),
    }
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let name = e.file_name();
            let name = name.to_string_lossy();
            if name.starts_with(TEMP_PREFIX) && name.ends_with(".tmp") {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
    held.push((key, f));
    Ok(())
}

impl Staged {
    pub fn new(target: &Path) -> Result<Staged, ToolError> {
        let dir = folder_of(target);
        lock_folder(&dir, target)?;
        let tmp = tempfile::Builder::new()
            .prefix(TEMP_PREFIX)
            .suffix(".tmp")
            .tempfile_in(&dir)
            .map_err(|e| io_error(target, &e))?;
        pending(tmp.path(), true);
        Ok(Staged {
            target: target.to_path_buf(),
            tmp: Some(tmp),
        })
    }

    /// The temporary file to write to.
    pub fn file(&mut self) -> &mut std::fs::File {
        self.tmp.as_mut().expect("not committed").as_file_mut()
    }

    /// Turns a write's result into the error that names the target.
    pub fn wrote<T>(&self, result: std::io::Result<T>) -> Result<T, ToolError> {
        result.map_err(|e| io_error(&self.target, &e))
    }

    /// Flushes the file to disk and renames it to the target.
    pub fn commit(mut self) -> Result<(), ToolError> {
        let target = self.target.clone();
        let tmp = self.tmp.take().expect("committed once");
        let tmp_path = tmp.path().to_path_buf();
        let result = (|| {
            tmp.as_file()
                .sync_all()
                .map_err(|e| io_error(&target, &e))?;
            // Temporary files are private (0600); the output is an ordinary file.
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                let _ = tmp
                    .as_file()
                    .set_permissions(std::fs::Permissions::from_mode(0o644));
            }
            tmp.persist(&target)
                .map_err(|e| io_error(&target, &e.error))?;
            Ok(())
        })();
        pending(&tmp_path, false);
        result
    }
}

/// Gives up the output folders' locks at the end of a run, removing the lock
/// files so no trace of hyoka stays beside the outputs.
pub fn release_locks() {
    if let Ok(mut held) = LOCKED.lock() {
        for (dir, f) in held.drain(..) {
            let _ = std::fs::remove_file(dir.join(LOCK_FILE));
            drop(f);
        }
    }
}

/// Commits staged outputs one after the other, after all were written
/// whole: a failure while writing any leaves every old output as it was.
pub fn commit_all(staged: Vec<Staged>) -> Result<(), ToolError> {
    for s in staged {
        s.commit()?;
    }
    Ok(())
}

impl Drop for Staged {
    fn drop(&mut self) {
        // Not committed: the temporary file is removed with `tmp`.
        if let Some(tmp) = &self.tmp {
            pending(tmp.path(), false);
        }
    }
}

pub use crate::model::output::folder_of;

fn write_error(target: &Path, e: &dyn std::fmt::Display) -> ToolError {
    ToolError::Write {
        path: target.to_path_buf(),
        cause: WriteCause::Other(e.to_string()),
    }
}

fn io_error(target: &Path, e: &std::io::Error) -> ToolError {
    ToolError::Write {
        path: target.to_path_buf(),
        cause: WriteCause::of_io(e),
    }
}

/// An error of the workbook writer as a write failure of `target` (its
/// disk errors in staff's words).
pub fn xlsx_error(target: &Path, e: rust_xlsxwriter::XlsxError) -> ToolError {
    match e {
        rust_xlsxwriter::XlsxError::IoError(e) => io_error(target, &e),
        e => write_error(target, &e),
    }
}

/// The workbook path `-o` means: `集約` is `集約.xlsx`; a name of another
/// kind (`.xls`, `.csv`) is refused, hyoka writes xlsx only. Its folder must
/// exist: checked before the files are read, not after.
pub fn workbook_path(given: &Path) -> Result<PathBuf, ToolError> {
    let path = match given.extension() {
        None => given.with_extension("xlsx"),
        Some(e) if e.eq_ignore_ascii_case("xlsx") => given.to_path_buf(),
        Some(_) => {
            return Err(ToolError::OutputKind {
                path: given.to_path_buf(),
            });
        }
    };
    writable_folder(&path)?;
    Ok(path)
}

/// Fails unless the folder `output` goes to exists.
pub fn writable_folder(output: &Path) -> Result<(), ToolError> {
    let folder = folder_of(output);
    let cause = match std::fs::metadata(&folder) {
        Ok(m) if m.is_dir() => return Ok(()),
        Ok(_) => WriteCause::NotAFolder,
        Err(e) => WriteCause::of_io(&e),
    };
    Err(ToolError::Write {
        path: output.to_path_buf(),
        cause,
    })
}

/// Fails when two outputs of a run are one file (the second would replace
/// the first).
pub fn refuse_same(a: &Path, b: &Path) -> Result<(), ToolError> {
    let key = |p: &Path| {
        let folder = folder_of(p);
        (
            folder.canonicalize().unwrap_or(folder),
            p.file_name().map(|n| n.to_os_string()),
        )
    };
    if key(a) == key(b) {
        return Err(ToolError::SameOutput {
            path: b.to_path_buf(),
        });
    }
    Ok(())
}
