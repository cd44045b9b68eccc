//! What a run keeps of each file once it has been read and checked: its
//! sheets, where each evaluation sheet was placed on the plan, its grades with
//! the cells they came from, its 数値目標 and 評価コメント sheets, and two facts
//! taken from its texts. The texts themselves are dropped with the file, so
//! memory grows with the number of files only by these records; the rules that
//! read texts run while the file is in memory (`Rule::check_file`).

use std::sync::Arc;

use crate::facts::targets::TargetValue;
use crate::model::location::{CellRef, Location};
use crate::model::plan::{ActionId, ItemId};
use crate::model::sheet::{CommentSheet, GradeRow, ReadFailure, SheetInfo};
use crate::model::year::FiscalYear;

/// One input file as kept.
#[derive(Clone, Debug)]
pub struct FileRecord {
    /// The path as shown to people.
    pub path: Arc<str>,
    pub result: Result<KeptFile, ReadFailure>,
}

impl FileRecord {
    pub fn kept(&self) -> Option<&KeptFile> {
        self.result.as_ref().ok()
    }

    /// The file's department: its evaluation sheets' owner, else the one
    /// its name starts with (`事務局_評価コメント案.xlsx`).
    pub fn department(&self) -> Option<&str> {
        (self.kept().and_then(KeptFile::owner)).or_else(|| department_in_name(&self.path))
    }

    /// The evaluation sheets kept of the file (none when it was unreadable).
    pub fn eval_sheets(&self) -> &[SheetRecord] {
        self.kept().map_or(&[], |k| &k.eval_sheets)
    }
}

/// What is kept of a file that could be read.
#[derive(Clone, Debug, Default)]
pub struct KeptFile {
    pub sheets: Vec<SheetInfo>,
    /// Fingerprint of the file's bytes (identical files, P005).
    pub digest: Option<u64>,
    pub eval_sheets: Vec<SheetRecord>,
    /// Every value of the file's 数値目標 sheets, read.
    pub targets: Vec<TargetValue>,
    /// The actions with a row on the file's 数値目標 sheets, filled or not,
    /// each with the sheet of its first row (S012).
    pub target_rows: Box<[(Location, ActionId)]>,
    pub comments: Vec<CommentSheet>,
    /// The latest year of a `…年度の成果・効果` panel (deciding the evaluated
    /// year when no sheet holds a grade).
    pub result_year: Option<FiscalYear>,
}

impl KeptFile {
    /// The department of the file: the owner of its first evaluation sheet.
    pub fn owner(&self) -> Option<&str> {
        self.eval_sheets.iter().find_map(|s| s.owner.as_deref())
    }
}

/// What is kept of an evaluation sheet.
#[derive(Clone, Debug)]
pub struct SheetRecord {
    pub file: Arc<str>,
    pub sheet: Arc<str>,
    /// The plan item the sheet was placed on (by its numbers, else its name).
    pub item: Option<ItemId>,
    /// The 取組項目名 cell, where findings about the sheet's item point.
    pub item_cell: Option<CellRef>,
    /// 担当課: the first department named (shared with the sheet's findings).
    pub owner: Option<Arc<str>>,
    pub item_grades: Option<GradeRow>,
    pub projects: Vec<ProjectRecord>,
    /// The latest year of the sheet's `…年度の成果・効果` panels.
    pub result_year: Option<FiscalYear>,
    /// Fingerprint of everything but the grades, when a rule asked for it
    /// while the file was checked ([`crate::facts::file::FileCx::contents`]).
    pub content: Option<u64>,
}

/// What is kept of a 主な事業 block.
#[derive(Clone, Debug)]
pub struct ProjectRecord {
    /// The circled number of its heading.
    pub number: Option<u8>,
    /// The heading without number and （再掲）.
    pub name: Box<str>,
    pub grades: Option<GradeRow>,
    /// Years graded `—` whose 取組 / 成果 texts give a reason for not
    /// evaluating (see [`crate::model::grade::gives_reason`]).
    pub reasons: Box<[FiscalYear]>,
}

impl SheetRecord {
    /// A cell of this sheet as a location.
    pub fn loc(&self, cell: CellRef) -> Location {
        Location::cell(self.file.clone(), self.sheet.clone(), cell)
    }

    /// The sheet as a whole, for findings about no single cell.
    pub fn whole(&self) -> Location {
        Location::sheet(self.file.clone(), self.sheet.clone())
    }

    /// Where findings about the sheet's item point: its 取組項目名 cell.
    pub fn item_loc(&self) -> Location {
        self.item_cell.map_or_else(|| self.whole(), |c| self.loc(c))
    }

    /// Every grade row: the item's, then each project's.
    pub fn grade_rows(&self) -> impl Iterator<Item = &GradeRow> {
        self.item_grades
            .iter()
            .chain(self.projects.iter().filter_map(|p| p.grades.as_ref()))
    }
}

/// Words that end the name of a section of a city hall.
const SECTION_ENDINGS: &[&str] = &["課", "室", "局", "部", "担当", "所", "センター"];

/// The department a file's name starts with: `財政課_令和6年度.xlsx` → 財政課,
/// `事務局_評価コメント案.xlsx` → 事務局; nothing for `提出.xlsx`.
fn department_in_name(path: &str) -> Option<&str> {
    let name = path.rsplit(['/', '\\']).next()?;
    let first = name.split(['_', '-', ' ', '.', '（', '(']).next()?;
    (first.chars().count() >= 2 && SECTION_ENDINGS.iter().any(|e| first.ends_with(e)))
        .then_some(first)
}

#[cfg(test)]
mod tests {
    use super::department_in_name;

    #[test]
    fn departments_in_file_names() {
        for (p, d) in [
            ("samples/財政課_令和6年度.ods", Some("財政課")),
            ("事務局_評価コメント案.xlsx", Some("事務局")),
            ("提出/行政経営担当_令和6年度.xlsx", Some("行政経営担当")),
            ("情報システム課.xlsx", Some("情報システム課")),
            ("C:\\提出\\納税課 令和6年度.xlsx", Some("納税課")),
            ("提出.xlsx", None),
            ("評価シート_財政課.xlsx", None),
        ] {
            assert_eq!(department_in_name(p), d, "{p}");
        }
    }
}
