//! Failures of hyoka itself (bad arguments, unwritable output), as opposed to
//! problems in the submitted files, which are findings. These exit with 2.
//! Each says what happened and what to do, in the run's language
//! ([`ToolError::message`]); `Display` is the Japanese.

use std::path::PathBuf;

use crate::model::finding::Lang;

#[derive(Debug)]
pub enum ToolError {
    YearUndecided,
    BadYear(String),
    InputNotFound {
        path: PathBuf,
        /// Similar names in the folder, already a sentence (Japanese).
        hint: String,
    },
    NoInput(String),
    Plan {
        path: PathBuf,
        message: String,
    },
    Config {
        path: PathBuf,
        message: String,
    },
    OutputIsInput {
        path: PathBuf,
    },
    BadRuleSelector(String),
    /// An output could not be written.
    Write {
        path: PathBuf,
        cause: WriteCause,
    },
    /// `-o` names a file hyoka cannot write (`.xls`, `.csv` …).
    OutputKind {
        path: PathBuf,
    },
    /// Two outputs of one run given the same path.
    SameOutput {
        path: PathBuf,
    },
    /// A message in both languages.
    Said(crate::model::finding::Text),
    /// A message in Japanese only (the language of most users).
    Other(String),
}

/// Why an output could not be written, in words for staff rather than the
/// operating system's (which name the temporary file).
#[derive(Debug)]
pub enum WriteCause {
    FolderMissing,
    NotAFolder,
    Denied,
    DiskFull,
    /// What else went wrong, as the library said it.
    Other(String),
}

impl WriteCause {
    pub fn of_io(e: &std::io::Error) -> WriteCause {
        use std::io::ErrorKind as K;
        match e.kind() {
            K::NotFound => WriteCause::FolderMissing,
            K::NotADirectory => WriteCause::NotAFolder,
            K::PermissionDenied | K::ReadOnlyFilesystem => WriteCause::Denied,
            K::StorageFull | K::QuotaExceeded => WriteCause::DiskFull,
            _ => WriteCause::Other(match e.raw_os_error() {
                Some(code) => format!("{:?} (OS {code})", e.kind()),
                None => format!("{:?}", e.kind()),
            }),
        }
    }
}

impl ToolError {
    pub const EXIT_CODE: i32 = 2;

    pub fn message(&self, lang: Lang) -> String {
        let ja = lang == Lang::Ja;
        let pick = |j: String, e: String| if ja { j } else { e };
        match self {
            ToolError::YearUndecided => pick(
                "評価年度を決められません。--year 令和6 のように指定してください。".into(),
                "Cannot tell the evaluated fiscal year; give it, e.g. --year 令和6.".into(),
            ),
            ToolError::BadYear(y) => pick(
                format!("--year「{y}」を年度として読めません（例: 令和6, R6, 2024）。"),
                format!("Cannot read --year \"{y}\" as a fiscal year (e.g. 令和6, R6, 2024)."),
            ),
            ToolError::InputNotFound { path, hint } => pick(
                format!("入力 {} が見つかりません。{hint}", path.display()),
                format!("No such file or folder: {}. {hint}", path.display()),
            ),
            ToolError::NoInput(m) => {
                pick(format!("入力がありません: {m}"), format!("No input: {m}"))
            }
            ToolError::Plan { path, message } => pick(
                format!("計画ファイル {} を読めません: {message}", path.display()),
                format!("Cannot read the plan file {}: {message}", path.display()),
            ),
            ToolError::Config { path, message } => pick(
                format!("設定ファイル {} を読めません: {message}", path.display()),
                format!(
                    "Cannot read the configuration {}: {message}",
                    path.display()
                ),
            ),
            ToolError::OutputIsInput { path } => pick(
                format!(
                    "出力先 {} は入力ファイルです。上書きしませんので、別の名前を指定してください。",
                    path.display()
                ),
                format!(
                    "The output {} is one of the input files; it is not overwritten. Give another name.",
                    path.display()
                ),
            ),
            ToolError::BadRuleSelector(s) => pick(
                format!(
                    "ルール指定「{s}」に当てはまるルールがありません。一覧は hyoka rules で確認できます。"
                ),
                format!("No rule matches \"{s}\" (see hyoka rules)."),
            ),
            ToolError::Write { path, cause } => write_message(path, cause, ja),
            ToolError::OutputKind { path } => pick(
                format!(
                    "出力先 {} の形式では書き出せません。hyoka はブックを .xlsx で書き出しますので、名前を「….xlsx」にしてください。",
                    path.display()
                ),
                format!(
                    "Cannot write {}: hyoka writes .xlsx workbooks; name it \"….xlsx\".",
                    path.display()
                ),
            ),
            ToolError::SameOutput { path } => pick(
                format!(
                    "二つの出力に同じファイル {} が指定されています。--json には別の名前（例: 点検結果.json）を指定してください。",
                    path.display()
                ),
                format!(
                    "Two outputs are given the same file {}; give --json another name (e.g. report.json).",
                    path.display()
                ),
            ),
            ToolError::Said(t) => t.get(lang).to_string(),
            ToolError::Other(m) => m.clone(),
        }
    }
}

fn write_message(path: &std::path::Path, cause: &WriteCause, ja: bool) -> String {
    let p = path.display();
    let folder = crate::model::output::folder_of(path);
    let folder = folder.display();
    let (j, e) = match cause {
        WriteCause::FolderMissing => (
            format!(
                "出力先のフォルダ {folder} がありません。フォルダを作るか、別の場所を指定してください。"
            ),
            format!("The output folder {folder} does not exist; create it or give another place."),
        ),
        WriteCause::NotAFolder => (
            format!("出力先 {folder} はフォルダではありません。別の場所を指定してください。"),
            format!("{folder} is not a folder; give another place."),
        ),
        WriteCause::Denied => (
            format!(
                "出力ファイル {p} を書き込めません。書き込みが許可されていないか、ファイルがExcelなどで開かれています。開いていれば閉じてから、もう一度実行してください。"
            ),
            format!(
                "Cannot write {p}: no permission, or the file is open in Excel. Close it and run again."
            ),
        ),
        WriteCause::DiskFull => (
            format!("ディスクの空きが足りないため、{p} を書き込めません。"),
            format!("The disk is full; cannot write {p}."),
        ),
        WriteCause::Other(m) => (
            format!("出力ファイル {p} を書き込めません（{m}）。"),
            format!("Cannot write {p} ({m})."),
        ),
    };
    // Where the target could exist, say that it was left as it was.
    let kept = !matches!(cause, WriteCause::FolderMissing | WriteCause::NotAFolder);
    match (ja, kept) {
        (true, true) => j + "元のファイルは変更していません。",
        (false, true) => e + " Nothing was changed.",
        (true, false) => j,
        (false, false) => e,
    }
}

impl std::fmt::Display for ToolError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::Ja))
    }
}

impl std::error::Error for ToolError {}
