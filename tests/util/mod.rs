//! Test helpers: a private working directory per test, running the binary,
//! reading workbooks back.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use calamine::{Data, Reader, open_workbook_auto};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn samples() -> PathBuf {
    root().join("samples")
}

/// Copies the sample workbooks (not their README or scripts) into `dir`.
pub fn copy_samples(dir: &Path) {
    for e in std::fs::read_dir(samples()).unwrap() {
        let p = e.unwrap().path();
        if p.is_file() && hyoka::read::discover::is_spreadsheet(&p) {
            std::fs::copy(&p, dir.join(p.file_name().unwrap())).unwrap();
        }
    }
}

pub fn fixture(rel: &str) -> PathBuf {
    root().join("tests/fixtures").join(rel)
}

/// A temporary directory that runs `hyoka` and prints everything on failure.
pub struct Workdir {
    pub dir: tempfile::TempDir,
}

impl Workdir {
    pub fn new() -> Workdir {
        Workdir {
            dir: tempfile::tempdir().expect("tempdir"),
        }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// A submissions folder `提出` holding a copy of the samples.
    pub fn submissions(&self) -> PathBuf {
        let inputs = self.path("提出");
        std::fs::create_dir(&inputs).unwrap();
        copy_samples(&inputs);
        inputs
    }

    pub fn command(&self, args: &[&str]) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_hyoka"));
        c.args(args)
            .current_dir(self.dir.path())
            .env("NO_COLOR", "1");
        c
    }

    /// Runs hyoka; panics with the full output unless the exit code is `code`.
    pub fn run(&self, args: &[&str], code: i32) -> Output {
        let out = self.command(args).output().expect("run hyoka");
        if out.status.code() != Some(code) {
            panic!(
                "hyoka {:?} exited {:?}, expected {code}\n--- stdout\n{}\n--- stderr\n{}",
                args,
                out.status.code(),
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
        }
        out
    }
}

/// A sheet of a workbook as rows of display strings.
pub fn read_sheet(path: &Path, name: &str) -> Vec<Vec<String>> {
    let mut wb =
        open_workbook_auto(path).unwrap_or_else(|e| panic!("open {}: {e}", path.display()));
    let range = wb
        .worksheet_range(name)
        .unwrap_or_else(|e| panic!("sheet {name} in {}: {e}", path.display()));
    range
        .rows()
        .map(|r| {
            r.iter()
                .map(|d| match d {
                    Data::Empty => String::new(),
                    Data::Float(f) if f.fract() == 0.0 => format!("{}", *f as i64),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect()
}

/// Column index of a header in the first row.
pub fn col(rows: &[Vec<String>], header: &str) -> usize {
    rows[0]
        .iter()
        .position(|h| h == header)
        .unwrap_or_else(|| panic!("no column `{header}` in {:?}", rows[0]))
}

pub fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).expect("JSON on stdout")
}

/// Findings as `code place message` lines, for assertions that show them.
pub fn rendered(findings: &[hyoka::model::finding::Finding]) -> Vec<String> {
    findings
        .iter()
        .map(|f| {
            format!(
                "{} {} {}",
                f.code,
                f.at,
                f.message(hyoka::model::finding::Lang::Ja)
            )
        })
        .collect()
}
