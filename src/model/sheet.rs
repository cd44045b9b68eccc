//! What was read from a submitted workbook: its sheets, and for each 評価シート
//! the blocks (基本方針, 取組項目名, 取組内容, 担当課, 評価, 主な事業 …) with the
//! cell every value came from.

use std::sync::Arc;

use crate::model::cell::CellValue;
use crate::model::form::{PanelKind, RowKind};
use crate::model::grade::{Grade, GradeReading, read_grade};
use crate::model::location::{CellRef, Located, Location};
use crate::model::plan::{ActionId, ItemId};
use crate::model::text::{fold_width, key};
use crate::model::year::FiscalYear;

/// What kind of sheet hyoka recognised.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SheetKind {
    /// 評価シート
    Evaluation,
    /// 数値目標
    Targets,
    /// 評価コメント (the secretariat's draft)
    Comments,
    /// Anything else: listed, not read further.
    Other,
    /// No cell holds anything.
    Empty,
}

impl SheetKind {
    pub fn ja(self) -> &'static str {
        match self {
            SheetKind::Evaluation => "評価シート",
            SheetKind::Targets => "数値目標",
            SheetKind::Comments => "評価コメント",
            SheetKind::Other => "その他",
            SheetKind::Empty => "空",
        }
    }
}

#[derive(Clone, Debug)]
pub struct SheetInfo {
    pub name: Arc<str>,
    pub kind: SheetKind,
    pub hidden: bool,
}

/// One grade cell under a year header. Grades are kept for every sheet of a
/// run (the year-dependent rules read them after all files), so a cell is 12
/// bytes: its position (the sheet makes it a [`Location`]) and its reading;
/// what was typed, when it is not the canonical symbol, is kept by the row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GradeCell {
    pub year: FiscalYear,
    pub reading: GradeReading,
    pub cell: CellRef,
}

/// A 評価 or 個別評価 row: year headers and the grades below them.
#[derive(Clone, Debug)]
pub struct GradeRow {
    /// The label cell (`評価` / `個別評価`).
    pub label: CellRef,
    pub cells: Vec<GradeCell>,
    /// The text of the cells (by index) whose text is not exactly their
    /// canonical symbol, or empty: `Ａ`, `－`, `S` … Usually none.
    typed: Box<[(u8, Box<str>)]>,
    /// Text right of the grades on the same row (a 備考 or a reason for `—`).
    pub note: Option<Box<Located<String>>>,
}

impl GradeRow {
    /// A row of cells given as (year, text typed, position).
    pub fn new<'t>(
        label: CellRef,
        cells: impl IntoIterator<Item = (FiscalYear, &'t str, CellRef)>,
        note: Option<Box<Located<String>>>,
    ) -> GradeRow {
        let mut typed = Vec::new();
        let cells = cells
            .into_iter()
            .enumerate()
            .map(|(i, (year, raw, cell))| {
                let reading = read_grade(raw);
                let plain = match reading {
                    GradeReading::Canonical(g) => raw == g.symbol(),
                    GradeReading::Empty => raw.is_empty(),
                    _ => false,
                };
                if !plain {
                    typed.push((i as u8, raw.into()));
                }
                GradeCell {
                    year,
                    reading,
                    cell,
                }
            })
            .collect();
        GradeRow {
            label,
            cells,
            typed: typed.into_boxed_slice(),
            note,
        }
    }

    pub fn cell(&self, year: FiscalYear) -> Option<&GradeCell> {
        self.cells.iter().find(|c| c.year == year)
    }

    pub fn grade(&self, year: FiscalYear) -> Option<Grade> {
        self.cell(year).and_then(|c| c.reading.grade())
    }

    /// Every cell with the text typed in it.
    pub fn cells_with_raw(&self) -> impl Iterator<Item = (&GradeCell, &str)> {
        self.cells
            .iter()
            .enumerate()
            .map(|(i, c)| (c, self.raw_at(i)))
    }

    /// The text typed in the year's cell.
    pub fn raw(&self, year: FiscalYear) -> Option<&str> {
        let i = self.cells.iter().position(|c| c.year == year)?;
        Some(self.raw_at(i))
    }

    fn raw_at(&self, i: usize) -> &str {
        if let Some((_, t)) = self.typed.iter().find(|(k, _)| usize::from(*k) == i) {
            return t;
        }
        match self.cells[i].reading {
            GradeReading::Canonical(g) => g.symbol(),
            _ => "",
        }
    }
}

/// One 取組内容 as declared in the sheet's 取組内容 block.
#[derive(Clone, Debug)]
pub struct ActionDecl {
    pub number: u8,
    pub name: String,
    pub description: String,
    pub at: Location,
}

/// A header/text pair under a 具体的な取組 (`令和6年度の取組` and its text).
#[derive(Clone, Debug)]
pub struct Panel {
    pub header: Located<String>,
    /// The year the panel is read as: its header's, unless the reader
    /// re-read it (see `written_year`).
    pub year: Option<FiscalYear>,
    /// The header's year when the panel is read as another year: the
    /// header duplicates another panel's while the text is about the
    /// measure's missing year (`read::panel_years`).
    pub written_year: Option<FiscalYear>,
    pub kind: PanelKind,
    pub text: Located<CellValue>,
}

/// 具体的な取組: one concrete measure of a project.
#[derive(Clone, Debug)]
pub struct Measure {
    pub name: Located<String>,
    pub panels: Vec<Panel>,
}

/// 主な事業: a project block, which evaluates one 取組内容.
#[derive(Clone, Debug)]
pub struct Project {
    pub heading: Located<String>,
    /// The circled number the heading starts with.
    pub number: Option<u8>,
    /// The heading without number and （再掲） marker.
    pub name: String,
    pub relisted: bool,
    pub measures: Vec<Measure>,
    /// The 個別評価 row closing the block.
    pub grades: Option<GradeRow>,
}

/// A 評価シート as read.
#[derive(Clone, Debug)]
pub struct EvalSheet {
    pub file: Arc<str>,
    pub sheet: Arc<str>,
    pub policy: Option<Located<String>>,
    /// The 基本方針 number and name in the policy cell (`基本方針3 自主財源…`
    /// → 3, `自主財源…`), read with the form's words.
    pub policy_number: Option<u8>,
    pub policy_name: Option<String>,
    pub item: Option<Located<String>>,
    pub actions_label: Option<Location>,
    pub actions: Vec<ActionDecl>,
    pub departments: Option<Located<String>>,
    /// Where the 担当課 value belongs (beside its label), filled or not.
    pub departments_at: Option<Location>,
    pub item_grades: Option<GradeRow>,
    pub projects: Vec<Project>,
    pub future: Option<Located<String>>,
    /// Where the 今後の取組方針 text belongs, filled or not.
    pub future_at: Option<Location>,
}

impl EvalSheet {
    /// A cell of this sheet as a location.
    pub fn loc(&self, cell: CellRef) -> Location {
        Location::cell(self.file.clone(), self.sheet.clone(), cell)
    }

    /// The sheet as a whole, for findings about no single cell.
    pub fn whole(&self) -> Location {
        Location::sheet(self.file.clone(), self.sheet.clone())
    }

    /// Every 取組 / 成果・効果 panel of every 具体的な取組.
    pub fn panels(&self) -> impl Iterator<Item = &Panel> {
        self.projects
            .iter()
            .flat_map(|p| &p.measures)
            .flat_map(|m| &m.panels)
    }

    /// Every grade row: the item's, then each project's.
    pub fn grade_rows(&self) -> impl Iterator<Item = &GradeRow> {
        self.item_grades
            .iter()
            .chain(self.projects.iter().filter_map(|p| p.grades.as_ref()))
    }

    /// The 基本方針 number written in the policy cell (`基本方針 ３ …` → 3).
    pub fn policy_number(&self) -> Option<u8> {
        self.policy_number
    }

    /// The 取組項目 number written in the item cell (`（４）…` → 4).
    pub fn item_number(&self) -> Option<u8> {
        let k = key(&self.item.as_ref()?.value);
        let rest = k.strip_prefix('(')?;
        let n = leading_number(rest)?;
        rest[n.to_string().len()..].starts_with(')').then_some(n)
    }

    pub fn item_id(&self) -> Option<ItemId> {
        Some(ItemId {
            policy: self.policy_number()?,
            item: self.item_number()?,
        })
    }

    /// The policy name after its number (`基本方針3 自主財源…` → `自主財源…`).
    pub fn policy_name(&self) -> Option<String> {
        self.policy_name.clone()
    }

    /// The item name after its number.
    pub fn item_name(&self) -> Option<String> {
        let v = &self.item.as_ref()?.value;
        let folded: String = v.chars().map(fold_width).collect();
        let t = folded.trim_start();
        let rest = t
            .strip_prefix('(')
            .and_then(|r| r.split_once(')'))
            .map(|(_, r)| r)
            .unwrap_or(t);
        Some(rest.trim().to_string())
    }

    /// The department that owns the sheet: the first one named in 担当課.
    pub fn owner(&self) -> Option<String> {
        first_department(&self.departments.as_ref()?.value)
    }
}

/// The first department name of a 担当課 text: `①②財政課 ③収納課` → `財政課`.
pub fn first_department(text: &str) -> Option<String> {
    let name: String = text
        .trim_start_matches(|c: char| {
            c.is_whitespace() || crate::model::text::circled_value(c).is_some()
        })
        .chars()
        .take_while(|c| {
            !c.is_whitespace()
                && crate::model::text::circled_value(*c).is_none()
                && !matches!(c, '・' | '、' | ',' | '，' | '/' | '／')
        })
        .collect();
    (!name.is_empty()).then_some(name)
}

fn leading_number(s: &str) -> Option<u8> {
    let d: String = s.chars().take_while(|c| c.is_ascii_digit()).collect();
    d.parse().ok()
}

/// One row of a 数値目標 sheet.
#[derive(Clone, Debug)]
pub struct TargetRow {
    pub action: Located<String>,
    pub action_id: Option<ActionId>,
    pub indicator: Option<Located<String>>,
    /// 区分 as typed: 目標 or 実績.
    pub kind: Option<Located<String>>,
    /// What 区分 says the row is.
    pub row_kind: Option<RowKind>,
    pub values: Vec<(FiscalYear, Located<CellValue>)>,
    pub unit: Option<Located<String>>,
    pub comparator: Option<Located<String>>,
}

/// A 数値目標 sheet.
#[derive(Clone, Debug)]
pub struct TargetSheet {
    pub file: Arc<str>,
    pub sheet: Arc<str>,
    pub rows: Vec<TargetRow>,
}

/// One paragraph of a 評価コメント sheet.
#[derive(Clone, Debug)]
pub struct CommentRow {
    /// The 取組項目 cell (`2-(3)`), possibly inherited from a row above.
    pub item: Located<String>,
    pub item_id: Option<ItemId>,
    pub text: Located<String>,
}

/// A 評価コメント sheet: the secretariat's draft of chapter 1's comments.
#[derive(Clone, Debug)]
pub struct CommentSheet {
    pub file: Arc<str>,
    pub sheet: Arc<str>,
    pub rows: Vec<CommentRow>,
}

/// A submitted file after reading.
#[derive(Clone, Debug, Default)]
pub struct Workbook {
    pub sheets: Vec<SheetInfo>,
    pub eval_sheets: Vec<EvalSheet>,
    pub targets: Vec<TargetSheet>,
    pub comments: Vec<CommentSheet>,
    /// Fingerprint of the file's bytes (identical files are reported, P005).
    pub digest: Option<u64>,
    /// What the read limits left out, per sheet (rule F004).
    pub read_notes: Vec<(Location, crate::model::finding::Text)>,
    /// Cells holding a formula error (`#REF!` …) in the parts hyoka reads.
    pub error_cells: Vec<Located<String>>,
    /// Struck-through text (見え消し) left out of the cells (rule F006).
    pub struck: Vec<Located<Struck>>,
    /// Hidden 評価シート: read when no visible sheet holds their item, set
    /// aside as leftover copies when one does (rule F007).
    pub hidden_sheets: Vec<HiddenSheet>,
}

/// A hidden 評価シート.
#[derive(Clone, Debug)]
pub struct HiddenSheet {
    pub at: Location,
    pub item: Option<ItemId>,
    /// The visible sheet of the same item: the hidden one was not read.
    pub copy_of: Option<Arc<str>>,
    /// Whether its grades differ from the visible sheet's.
    pub grades_differ: bool,
}

/// Text struck through in a cell, not read as its content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Struck {
    pub text: String,
    /// The whole cell is struck: nothing of it was read.
    pub whole: bool,
}

/// Why a file could not be read.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct ReadFailure {
    /// What is wrong, for a person.
    pub reason: crate::model::finding::Text,
}

/// One input file and what became of it.
#[derive(Clone, Debug)]
pub struct Submission {
    /// The path as shown to people (relative to where hyoka runs, when given so).
    pub path: Arc<str>,
    pub result: Result<Workbook, ReadFailure>,
}

impl Submission {
    pub fn workbook(&self) -> Option<&Workbook> {
        self.result.as_ref().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grade_rows_keep_what_was_typed() {
        let typed = ["A", "Ａ", " B ", "—", "－", "", "S", "A評価"];
        let row = GradeRow::new(
            CellRef::new(4, 0),
            typed
                .iter()
                .enumerate()
                .map(|(i, t)| (FiscalYear(2020 + i as u16), *t, CellRef::new(5, i as u32))),
            None,
        );
        for (i, t) in typed.iter().enumerate() {
            assert_eq!(row.raw(FiscalYear(2020 + i as u16)), Some(*t));
            assert_eq!(row.cells[i].reading, read_grade(t));
        }
        let all: Vec<&str> = row.cells_with_raw().map(|(_, r)| r).collect();
        assert_eq!(all, typed);
        assert_eq!(std::mem::size_of::<GradeCell>(), 12);
    }

    #[test]
    fn departments() {
        assert_eq!(
            first_department("①②財政課 ③収納課").as_deref(),
            Some("財政課")
        );
        assert_eq!(
            first_department("①生活コミュニティ課\n②市民").as_deref(),
            Some("生活コミュニティ課")
        );
        assert_eq!(
            first_department("①②③広報課 関係各課").as_deref(),
            Some("広報課")
        );
        assert_eq!(
            first_department("企画政策課・産業活性化課").as_deref(),
            Some("企画政策課")
        );
        assert_eq!(first_department("①"), None);
    }
}
