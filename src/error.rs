//! Failures of hyoka itself (bad arguments, unwritable output), as opposed to
//! problems in the submitted files, which are findings. These exit with 2.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum ToolError {
    #[error(
        "評価年度を決められません。--year 令和6 のように指定してください。(cannot tell the evaluated fiscal year; give --year)"
    )]
    YearUndecided,
    #[error("--year「{0}」を年度として読めません（例: 令和6, R6, 2024）。(cannot read --year)")]
    BadYear(String),
    #[error("入力 {} が見つかりません。{hint}(no such file or folder)", path.display())]
    InputNotFound { path: PathBuf, hint: String },
    #[error("入力がありません: {0} (no input)")]
    NoInput(String),
    #[error("計画ファイル {path} を読めません: {message}")]
    Plan { path: PathBuf, message: String },
    #[error("設定ファイル {path} を読めません: {message}")]
    Config { path: PathBuf, message: String },
    #[error(
        "出力先 {path} は入力ファイルです。上書きしません。別の名前を指定してください。(refusing to overwrite an input file)"
    )]
    OutputIsInput { path: PathBuf },
    #[error(
        "ルール指定「{0}」に当てはまるルールがありません（hyoka rules で一覧）。(no rule matches this selector)"
    )]
    BadRuleSelector(String),
    #[error(
        "出力ファイル {path} を書き込めません: {message}（Excelで開いている場合は閉じてから再実行してください）。元のファイルは変更していません。"
    )]
    Write { path: PathBuf, message: String },
    #[error("{0}")]
    Other(String),
}

impl ToolError {
    pub const EXIT_CODE: i32 = 2;
}
