//! Puts the submissions onto the plan: which sheet holds which 取組項目, which
//! 主な事業 evaluates which 取組内容, and per year the submitted item grade
//! next to the one the rule derives. Rules and reports read this.

use std::collections::HashMap;

use crate::derive::grades::{Derived, Tally, derive};
use crate::model::grade::Grade;
use crate::model::plan::{ActionId, ItemId, Plan};
use crate::model::sheet::{EvalSheet, GradeCell, Project, Submission};
use crate::model::text::key;
use crate::model::year::FiscalYear;

/// An evaluation sheet: submission index and sheet index within it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SheetRef {
    pub file: usize,
    pub sheet: usize,
}

/// How a submitted item grade relates to the derived one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Agreement {
    Agrees,
    /// A tie, and the submitted grade is one of the tied grades.
    Tie,
    Differs,
    /// No readable submitted grade.
    Missing,
}

impl Agreement {
    pub fn ja(self) -> &'static str {
        match self {
            Agreement::Agrees => "一致",
            Agreement::Tie => "同率（協議）",
            Agreement::Differs => "不一致",
            Agreement::Missing => "未記入",
        }
    }
}

/// One item in one year.
#[derive(Clone, Debug)]
pub struct ItemYear {
    pub year: FiscalYear,
    pub submitted: Option<Grade>,
    pub tally: Tally,
    pub derived: Derived,
    pub agreement: Agreement,
}

#[derive(Clone, Debug)]
pub struct ItemResult {
    pub id: ItemId,
    /// Every sheet submitted for the item, in file order; the first is used.
    pub sheets: Vec<SheetRef>,
    pub years: Vec<ItemYear>,
}

impl ItemResult {
    pub fn year(&self, y: FiscalYear) -> Option<&ItemYear> {
        self.years.iter().find(|iy| iy.year == y)
    }
}

#[derive(Clone, Debug)]
pub struct ActionResult {
    pub id: ActionId,
    /// The sheet and 主な事業 (project index) that evaluates the action.
    pub source: Option<(SheetRef, usize)>,
    pub grades: Vec<(FiscalYear, Option<Grade>)>,
}

impl ActionResult {
    pub fn grade(&self, y: FiscalYear) -> Option<Grade> {
        self.grades
            .iter()
            .find(|(yy, _)| *yy == y)
            .and_then(|(_, g)| *g)
    }
}

/// Everything read and derived for one run.
pub struct Batch<'p> {
    pub plan: &'p Plan,
    pub year: FiscalYear,
    pub submissions: Vec<crate::model::sheet::Submission>,
    pub items: Vec<ItemResult>,
    pub actions: Vec<ActionResult>,
    /// Evaluation sheets whose 取組項目 the plan does not have (or cannot be told).
    pub unplaced: Vec<SheetRef>,
    /// The item each placed sheet is for.
    placed: HashMap<SheetRef, ItemId>,
    /// Files in the input folders that are not spreadsheets (not read).
    pub skipped: Vec<String>,
    /// Figures read out of texts and 数値目標 sheets, computed once on demand.
    figures: std::sync::OnceLock<Figures>,
}

/// The figures of a batch (see [`crate::derive::figures`]).
pub struct Figures {
    pub panels: Vec<crate::derive::figures::Placed>,
    pub targets: Vec<crate::derive::figures::TargetValue>,
}

impl<'p> Batch<'p> {
    pub fn new(plan: &'p Plan, year: FiscalYear, submissions: Vec<Submission>) -> Batch<'p> {
        let mut by_item: HashMap<ItemId, Vec<SheetRef>> = HashMap::new();
        let mut unplaced = Vec::new();
        for (fi, sub) in submissions.iter().enumerate() {
            for (si, sheet) in sub
                .workbook()
                .map(|w| &w.eval_sheets[..])
                .unwrap_or(&[])
                .iter()
                .enumerate()
            {
                let r = SheetRef {
                    file: fi,
                    sheet: si,
                };
                match place(plan, sheet) {
                    Some(id) => by_item.entry(id).or_default().push(r),
                    None => unplaced.push(r),
                }
            }
        }
        let mut b = Batch {
            plan,
            year,
            submissions,
            items: Vec::new(),
            actions: Vec::new(),
            unplaced,
            skipped: Vec::new(),
            placed: HashMap::new(),
            figures: std::sync::OnceLock::new(),
        };
        for item in plan.items() {
            let sheets = by_item.remove(&item.id).unwrap_or_default();
            b.placed.extend(sheets.iter().map(|r| (*r, item.id)));
            let years = match sheets.first() {
                Some(&r) => plan
                    .years()
                    .into_iter()
                    .map(|y| item_year(b.sheet(r), y))
                    .collect(),
                None => Vec::new(),
            };
            b.items.push(ItemResult {
                id: item.id,
                sheets,
                years,
            });
        }
        for action in plan.actions() {
            let source = b
                .item(action.id.item)
                .and_then(|i| i.sheets.first().copied())
                .and_then(|r| {
                    project_for(b.sheet(r), action.id.number, &action.action.name).map(|p| (r, p))
                });
            let grades = plan
                .years()
                .into_iter()
                .map(|y| {
                    let g = source.and_then(|(r, p)| {
                        b.sheet(r).projects[p]
                            .grades
                            .as_ref()
                            .and_then(|row| row.grade(y))
                    });
                    (y, g)
                })
                .collect();
            b.actions.push(ActionResult {
                id: action.id,
                source,
                grades,
            });
        }
        b
    }

    /// Every figure of the texts and 数値目標 sheets.
    pub fn figures(&self) -> &Figures {
        self.figures.get_or_init(|| Figures {
            panels: crate::derive::figures::panel_figures(self),
            targets: crate::derive::figures::target_values(self),
        })
    }

    /// The plan item a sheet was placed on.
    pub fn item_of_sheet(&self, r: SheetRef) -> Option<ItemId> {
        self.placed.get(&r).copied()
    }

    pub fn sheet(&self, r: SheetRef) -> &EvalSheet {
        &self.submissions[r.file]
            .workbook()
            .expect("placed sheets come from read workbooks")
            .eval_sheets[r.sheet]
    }

    pub fn project(&self, r: SheetRef, p: usize) -> &Project {
        &self.sheet(r).projects[p]
    }

    pub fn item(&self, id: ItemId) -> Option<&ItemResult> {
        self.items.iter().find(|i| i.id == id)
    }

    pub fn action(&self, id: ActionId) -> Option<&ActionResult> {
        self.actions.iter().find(|a| a.id == id)
    }

    /// Every evaluation sheet read, with its reference.
    pub fn eval_sheets(&self) -> impl Iterator<Item = (SheetRef, &EvalSheet)> {
        self.submissions.iter().enumerate().flat_map(|(fi, s)| {
            s.workbook()
                .map(|w| &w.eval_sheets[..])
                .unwrap_or(&[])
                .iter()
                .enumerate()
                .map(move |(si, sh)| {
                    (
                        SheetRef {
                            file: fi,
                            sheet: si,
                        },
                        sh,
                    )
                })
        })
    }

    /// Every grade cell of a sheet: the item row and each project row.
    pub fn grade_cells(sheet: &EvalSheet) -> impl Iterator<Item = &GradeCell> {
        sheet
            .item_grades
            .iter()
            .chain(sheet.projects.iter().filter_map(|p| p.grades.as_ref()))
            .flat_map(|r| &r.cells)
    }
}

/// The plan item a sheet is for: by its numbers, else by its item name.
fn place(plan: &Plan, sheet: &EvalSheet) -> Option<ItemId> {
    if let Some(id) = sheet.item_id()
        && plan.item(id).is_some()
    {
        return Some(id);
    }
    let name = key(&sheet.item_name()?);
    plan.items()
        .find(|i| key(&i.item.name) == name)
        .map(|i| i.id)
}

/// The project evaluating action `number`: by circled number, else by name.
fn project_for(sheet: &EvalSheet, number: u8, name: &str) -> Option<usize> {
    sheet
        .projects
        .iter()
        .position(|p| p.number == Some(number))
        .or_else(|| {
            let k = key(name);
            sheet.projects.iter().position(|p| key(&p.name) == k)
        })
}

/// The submitted and derived item grade of a sheet for one year.
pub fn item_year(sheet: &EvalSheet, year: FiscalYear) -> ItemYear {
    let tally = Tally::of(
        sheet
            .projects
            .iter()
            .filter_map(|p| p.grades.as_ref().and_then(|r| r.grade(year))),
    );
    let derived = derive(&tally);
    let submitted = sheet.item_grades.as_ref().and_then(|r| r.grade(year));
    let agreement = match submitted {
        None => Agreement::Missing,
        Some(g) if !derived.allows(g) => Agreement::Differs,
        Some(_) if matches!(derived, Derived::Tie(..)) => Agreement::Tie,
        Some(_) => Agreement::Agrees,
    };
    ItemYear {
        year,
        submitted,
        tally,
        derived,
        agreement,
    }
}
