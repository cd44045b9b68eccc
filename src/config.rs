//! Rule selection and severity overrides, the way linters do it: `--select` /
//! `--ignore` by code or prefix on the command line, and a `hyoka.toml` beside
//! the inputs (or `--config FILE`):
//!
//! ```toml
//! [rules]
//! select = ["G", "S", "P"]   # default: every rule
//! ignore = ["P003"]          # e.g. when checking one department's file alone
//!
//! [rules.severity]
//! G002 = "info"              # error | warning | info
//! ```
//!
//! Command-line lists extend the file's. Without `--config` the file is
//! looked for in the folder of the first input, then the folders above it,
//! then the current folder; the run says which it used. The findings the
//! office has accepted are listed there too; they are shown as 承認済み and
//! do not count towards the exit status:
//!
//! ```toml
//! [[accepted]]
//! code = "G002"
//! file = "財政課_令和6年度.xlsx"   # its resubmissions too
//! cell = "(4)基金!D12"            # or item = "3-(4)"
//! reason = "推進会議で了承済み"
//! ```
//!
//! The same file may set what one
//! submitted file may cost to read (docs/robustness.md):
//!
//! ```toml
//! [limits]
//! file_seconds = 60      # 1ファイルの読み込み時間の上限（秒）
//! file_memory_mb = 1024  # 読み込みプロセス1つのメモリ上限（MB）
//! isolate = true         # false: hyoka 自身のプロセスで読む（上限なし）
//! ```

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::ToolError;
use crate::model::finding::Severity;
use crate::model::standing::Accepted;
use crate::rules::registry::{self, Registered};

/// The name looked for beside the inputs.
pub const FILE_NAME: &str = "hyoka.toml";

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    rules: RulesSection,
    #[serde(default)]
    limits: ReadLimits,
    #[serde(default)]
    accepted: Vec<Accepted>,
}

/// `[limits]`: what reading one file may cost; unset means hyoka's defaults.
#[derive(Debug, Default, Clone, Copy, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReadLimits {
    pub file_seconds: Option<f64>,
    pub file_memory_mb: Option<u64>,
    /// false: files are read in hyoka's own process, without the limits.
    pub isolate: Option<bool>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RulesSection {
    #[serde(default)]
    select: Vec<String>,
    #[serde(default)]
    ignore: Vec<String>,
    #[serde(default)]
    severity: HashMap<String, String>,
}

/// The `hyoka.toml` a run uses: in the folder of the first input (the
/// input itself when it is a folder) or the nearest folder above it, else
/// in the current folder.
pub fn find(inputs: &[PathBuf]) -> Option<PathBuf> {
    let first = inputs.first()?;
    let start = if first.is_dir() {
        first.clone()
    } else {
        crate::model::output::folder_of(first)
    };
    let start = start.canonicalize().unwrap_or(start);
    let cwd = std::env::current_dir().ok();
    start
        .ancestors()
        .map(Path::to_path_buf)
        .chain(cwd)
        .map(|d| d.join(FILE_NAME))
        .find(|p| p.is_file())
}

/// The resolved configuration of a run.
#[derive(Debug, Default)]
pub struct Config {
    pub select: Vec<String>,
    pub ignore: Vec<String>,
    pub severity: HashMap<String, Severity>,
    pub limits: ReadLimits,
    /// Findings the office accepted (`[[accepted]]`).
    pub accepted: Vec<Accepted>,
    /// The file it came from, if any.
    pub source: Option<PathBuf>,
}

impl Config {
    /// Reads `explicit`, or else the nearest `hyoka.toml` ([`find`]).
    pub fn load(explicit: Option<&Path>, inputs: &[PathBuf]) -> Result<Config, ToolError> {
        let path = match explicit {
            Some(p) => Some(p.to_path_buf()),
            None => find(inputs),
        };
        let Some(path) = path else {
            return Ok(Config::default());
        };
        let err = |message: String| ToolError::Config {
            path: path.clone(),
            message,
        };
        let text = std::fs::read_to_string(&path).map_err(|e| err(e.to_string()))?;
        let file: File = toml::from_str(&text).map_err(|e| err(e.to_string()))?;
        let mut severity = HashMap::new();
        for (code, s) in file.rules.severity {
            let sev = s.parse::<Severity>().map_err(|_| {
                err(format!(
                    "{code} の重要度「{s}」は error / warning / info のいずれかです"
                ))
            })?;
            if !registry::all().iter().any(|r| r.code == code) {
                return Err(err(format!(
                    "ルール {code} はありません（hyoka rules で一覧）"
                )));
            }
            severity.insert(code, sev);
        }
        let l = file.limits;
        if l.file_seconds
            .is_some_and(|s| !(0.001..=86_400.0).contains(&s))
        {
            return Err(err(
                "[limits] file_seconds は0.001以上 86400 以下です（秒）".into(),
            ));
        }
        if l.file_memory_mb
            .is_some_and(|mb| !(16..=1 << 20).contains(&mb))
        {
            return Err(err(
                "[limits] file_memory_mb は16以上 1048576 以下です（MB）".into(),
            ));
        }
        for a in &file.accepted {
            if !registry::all()
                .iter()
                .any(|r| r.code.eq_ignore_ascii_case(&a.code))
            {
                return Err(err(format!(
                    "[[accepted]] のルール {} はありません（hyoka rules で一覧）",
                    a.code
                )));
            }
            if a.file.is_none() && a.cell.is_none() && a.item.is_none() {
                return Err(err(format!(
                    "[[accepted]] の {} には file、cell、item のいずれかを指定してください（ルール全体を外すには [rules] ignore）",
                    a.code
                )));
            }
        }
        Ok(Config {
            limits: l,
            accepted: file.accepted,
            select: file.rules.select,
            ignore: file.rules.ignore,
            severity,
            source: Some(path),
        })
    }

    /// The rules to run: those matching `select` (all when empty) minus `ignore`.
    /// A pattern that matches no rule is an error, so a typo does not silently
    /// switch a check off.
    pub fn rules(&self) -> Result<Vec<&'static Registered>, ToolError> {
        for p in self.select.iter().chain(&self.ignore) {
            if !registry::all().iter().any(|r| matches(r, p)) {
                return Err(ToolError::BadRuleSelector(p.clone()));
            }
        }
        Ok(registry::all()
            .iter()
            .copied()
            .filter(|r| self.select.is_empty() || self.select.iter().any(|p| matches(r, p)))
            .filter(|r| !self.ignore.iter().any(|p| matches(r, p)))
            .collect())
    }
}

/// A code (`G003`) or a prefix of codes (`G`, `G0`), case-insensitive.
fn matches(r: &Registered, pattern: &str) -> bool {
    let p = pattern.trim().to_ascii_uppercase();
    !p.is_empty() && r.code.starts_with(&p)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(c: &Config) -> Vec<&'static str> {
        c.rules().unwrap().iter().map(|r| r.code).collect()
    }

    #[test]
    fn select_and_ignore_by_prefix() {
        let c = Config {
            select: vec!["g".into()],
            ignore: vec!["G01".into()],
            ..Config::default()
        };
        let got = codes(&c);
        assert!(got.contains(&"G001"));
        assert!(
            got.iter()
                .all(|c| c.starts_with('G') && !c.starts_with("G01"))
        );
        assert!(codes(&Config::default()).len() == registry::all().len());
    }

    #[test]
    fn unknown_selector_is_refused() {
        let c = Config {
            ignore: vec!["Z9".into()],
            ..Config::default()
        };
        assert!(c.rules().is_err());
    }

    #[test]
    fn file_beside_inputs() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(FILE_NAME),
            "[rules]\nignore = [\"G011\"]\n[rules.severity]\nG001 = \"warning\"\n",
        )
        .unwrap();
        let c = Config::load(None, &[dir.path().to_path_buf()]).unwrap();
        assert_eq!(c.ignore, ["G011"]);
        assert_eq!(c.severity["G001"], Severity::Warning);
        std::fs::write(
            dir.path().join(FILE_NAME),
            "[rules]\nseverity = { G001 = \"fatal\" }\n",
        )
        .unwrap();
        let e = Config::load(None, &[dir.path().to_path_buf()]).unwrap_err();
        assert!(e.to_string().contains("fatal"));
    }

    #[test]
    fn read_limits_are_taken_and_checked() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(FILE_NAME);
        let load = |text: &str| {
            std::fs::write(&file, text).unwrap();
            Config::load(None, &[dir.path().to_path_buf()])
        };
        assert_eq!(load("").unwrap().limits, ReadLimits::default());
        let c =
            load("[limits]\nfile_seconds = 5\nfile_memory_mb = 256\nisolate = false\n").unwrap();
        assert_eq!(
            c.limits,
            ReadLimits {
                file_seconds: Some(5.0),
                file_memory_mb: Some(256),
                isolate: Some(false)
            }
        );
        for bad in [
            "[limits]\nfile_seconds = 0\n",
            "[limits]\nfile_seconds = -1.5\n",
            "[limits]\nfile_memory_mb = 1\n",
            "[limits]\nmemory = 1\n",
        ] {
            assert!(load(bad).is_err(), "{bad}");
        }
    }
}
