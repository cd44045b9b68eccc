//! hyoka's outputs: what marks a workbook as one of them (a custom document
//! property written by the reports and looked for by the reader,
//! `read::own_output`, so a later run passes it over as an input), and the
//! folder an output path goes to.

/// The custom document property's name (Excel: ファイル → 情報 → プロパティ
/// → 詳細プロパティ → ユーザー設定).
pub const PROPERTY: &str = "hyoka-output";

/// Its value on the consolidated workbook.
pub const CONSOLIDATED: &str = "集約ブック";

/// Its value on a department's 修正依頼 workbook.
pub const REQUESTS: &str = "修正依頼";

/// The folder an output goes to: its parent, or `.` for a bare file name.
pub fn folder_of(output: &std::path::Path) -> std::path::PathBuf {
    match output.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    }
}
