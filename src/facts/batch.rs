//! Puts the kept files onto the plan: which sheet holds which 取組項目, which
//! 主な事業 evaluates which 取組内容, and per year the submitted item grade
//! next to the one the rule derives. Cross-file rules and reports read this.

use std::collections::{BTreeMap, HashMap};

use crate::facts::grading::{Derived, Tally, derive};
use crate::facts::quantity::{Facts, Place, gather};
use crate::facts::record::{FileRecord, SheetRecord};
use crate::facts::relations::Relation;
use crate::facts::targets::Targets;
use crate::facts::year::YearChoice;
use crate::model::grade::Grade;
use crate::model::location::Location;
use crate::model::plan::{ActionId, ItemId, Plan};
use crate::model::sheet::{CommentRow, EvalSheet, GradeCell, Project};
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

/// Everything kept and derived for one run: a record of every file, and the
/// sheet that evaluates each plan item (the first submitted for it) whole.
pub struct Batch<'p> {
    pub plan: &'p Plan,
    pub year: FiscalYear,
    /// What decided `year` (`--year`, the sheets' grades, the file names).
    pub year_choice: YearChoice,
    pub files: Vec<FileRecord>,
    pub items: Vec<ItemResult>,
    pub actions: Vec<ActionResult>,
    /// The sheets `items` use, texts and all.
    sources: BTreeMap<SheetRef, EvalSheet>,
    /// Files in the input folders that are not spreadsheets (not read).
    pub skipped: Vec<String>,
    /// hyoka's own outputs among the inputs, passed over: (path, which output).
    pub own_outputs: Vec<(String, String)>,
    /// Every file's 数値目標 values.
    targets: Targets,
    /// The facts of the source sheets' texts, read on first use.
    quantities: std::sync::OnceLock<SourceQuantities>,
}

/// The facts of the sheets that evaluate the plan's items (their `Place`s
/// number the sheets as in `sheets`), and the relations among them.
pub struct SourceQuantities {
    pub facts: Facts,
    pub sheets: Vec<SheetRef>,
    pub relations: Vec<Relation>,
    /// Identities between measures of different sheets, and between the
    /// comment drafts' figures and their items' sheets.
    pub across: Vec<Relation>,
}

impl SourceQuantities {
    /// The facts of a 主な事業's panels in a year, in text order.
    pub fn of_project(
        &self,
        r: SheetRef,
        project: usize,
        year: FiscalYear,
    ) -> impl Iterator<Item = u32> + '_ {
        let si = self.sheets.iter().position(|s| *s == r);
        self.facts.texts.iter().flat_map(move |t| {
            let here = matches!(t.place, Place::Panel { sheet, project: p, year: y, .. }
                if Some(sheet as usize) == si && p as usize == project && y == year);
            (if here { t.facts.clone() } else { 0..0 })
                .filter(move |&i| self.facts.facts[i as usize].year(&t.place) == Some(year))
        })
    }
}

impl<'p> Batch<'p> {
    /// Places the records onto the plan. `whole` must hold (at least) the
    /// first sheet placed on each item; other sheets in it are dropped.
    pub fn new(
        plan: &'p Plan,
        year: FiscalYear,
        mut files: Vec<FileRecord>,
        whole: Vec<(SheetRef, EvalSheet)>,
    ) -> Batch<'p> {
        // Every file's 数値目標 values, moved into the batch's figures (sized
        // first: a growing vector of tens of thousands would be copied into
        // fresh pages again and again).
        let n: usize = files
            .iter()
            .filter_map(FileRecord::kept)
            .map(|k| k.targets.len())
            .sum();
        let mut targets = Vec::with_capacity(n);
        for k in files.iter_mut().filter_map(|f| f.result.as_mut().ok()) {
            // Taken, not appended from: `append` would leave each file's
            // emptied vector holding its memory.
            targets.append(&mut std::mem::take(&mut k.targets));
        }
        let mut by_item: HashMap<ItemId, Vec<SheetRef>> = HashMap::new();
        for (fi, f) in files.iter().enumerate() {
            for (si, sheet) in f.eval_sheets().iter().enumerate() {
                if let Some(id) = sheet.item {
                    by_item.entry(id).or_default().push(SheetRef {
                        file: fi,
                        sheet: si,
                    });
                }
            }
        }
        let mut whole: BTreeMap<SheetRef, EvalSheet> = whole.into_iter().collect();
        let mut b = Batch {
            plan,
            year,
            files,
            items: Vec::new(),
            actions: Vec::new(),
            sources: BTreeMap::new(),
            skipped: Vec::new(),
            own_outputs: Vec::new(),
            year_choice: YearChoice::given(year),
            targets: Targets::new(targets),
            quantities: std::sync::OnceLock::new(),
        };
        for item in plan.items() {
            let sheets = by_item.remove(&item.id).unwrap_or_default();
            let years = match sheets.first() {
                Some(&r) => {
                    if let Some(s) = whole.remove(&r) {
                        b.sources.insert(r, s);
                    }
                    plan.years()
                        .into_iter()
                        .map(|y| item_year(b.record(r), y))
                        .collect()
                }
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
                    project_for(b.record(r), action.id.number, &action.action.name).map(|p| (r, p))
                });
            let grades = plan
                .years()
                .into_iter()
                .map(|y| {
                    let g = source.and_then(|(r, p)| {
                        b.record(r).projects[p]
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

    /// Every file's 数値目標 values.
    pub fn targets(&self) -> &Targets {
        &self.targets
    }

    /// Every file's 数値目標 rows: the sheet and the action of each.
    pub fn target_rows(&self) -> impl Iterator<Item = &(Location, ActionId)> {
        self.files
            .iter()
            .filter_map(|f| f.result.as_ref().ok())
            .flat_map(|k| k.target_rows.iter())
    }

    /// The facts of the source sheets' texts, and their relations.
    pub fn quantities(&self) -> &SourceQuantities {
        self.quantities.get_or_init(|| {
            let sheets: Vec<SheetRef> = self.sources.keys().copied().collect();
            let mut facts = Facts::default();
            gather::sheets(
                &mut facts,
                self.sources
                    .values()
                    .enumerate()
                    .map(|(i, s)| (i as u16, s)),
            );
            // The comment drafts, so that their figures meet the sheets'.
            gather::comment_rows(&mut facts, self.comment_rows());
            let relations = crate::facts::relations::find_all(&facts);
            let names = self
                .sources
                .values()
                .enumerate()
                .flat_map(|(si, s)| {
                    s.projects.iter().enumerate().flat_map(move |(pi, p)| {
                        p.measures.iter().enumerate().map(move |(mi, m)| {
                            (
                                (si as u16, pi as u16, mi as u16),
                                self.plan.form.name_key(&m.name.value),
                            )
                        })
                    })
                })
                .collect();
            let mut across = crate::facts::relations::identity::across(&facts, &names);
            let row_items: Vec<_> = self.comment_rows().map(|r| r.item_id).collect();
            let sheet_items: Vec<_> = sheets.iter().map(|&r| self.item_of_sheet(r)).collect();
            across.extend(crate::facts::relations::comment::find(
                &facts,
                &row_items,
                &sheet_items,
                self.year,
            ));
            SourceQuantities {
                facts,
                sheets,
                relations,
                across,
            }
        })
    }

    /// The plan item a sheet was placed on.
    pub fn item_of_sheet(&self, r: SheetRef) -> Option<ItemId> {
        self.record(r).item
    }

    /// What is kept of an evaluation sheet.
    pub fn record(&self, r: SheetRef) -> &SheetRecord {
        &self.files[r.file].eval_sheets()[r.sheet]
    }

    /// A sheet that evaluates a plan item, whole (texts included); `None` for
    /// every other sheet, whose texts were dropped after its file was checked.
    pub fn source(&self, r: SheetRef) -> Option<&EvalSheet> {
        self.sources.get(&r)
    }

    /// The sheets that evaluate plan items, whole, in file order.
    pub fn sources(&self) -> impl Iterator<Item = (SheetRef, &EvalSheet)> {
        self.sources.iter().map(|(r, s)| (*r, s))
    }

    /// The 主な事業 `p` of a source sheet, whole.
    pub fn project(&self, r: SheetRef, p: usize) -> Option<&Project> {
        self.source(r).map(|s| &s.projects[p])
    }

    pub fn item(&self, id: ItemId) -> Option<&ItemResult> {
        self.items.iter().find(|i| i.id == id)
    }

    pub fn action(&self, id: ActionId) -> Option<&ActionResult> {
        self.actions.iter().find(|a| a.id == id)
    }

    /// Drops the grades of the sheets no report shows (all but the sheets the
    /// items use) once the cross-file checks are done: at national scale they
    /// are most of what a run holds, and the report writer needs the room.
    pub fn release_checked(&mut self) {
        let used: std::collections::HashSet<SheetRef> = self
            .items
            .iter()
            .filter_map(|i| i.sheets.first().copied())
            .collect();
        for (fi, f) in self.files.iter_mut().enumerate() {
            let Ok(kept) = &mut f.result else { continue };
            for (si, s) in kept.eval_sheets.iter_mut().enumerate() {
                if !used.contains(&SheetRef {
                    file: fi,
                    sheet: si,
                }) {
                    s.item_grades = None;
                    s.projects = Vec::new();
                }
            }
        }
    }

    /// Every item grade (評価) cell of every sheet up to the evaluated year,
    /// with the grade the rule derives for that year.
    pub fn item_grades(&self) -> impl Iterator<Item = (&SheetRecord, &GradeCell, ItemYear)> {
        self.records().flat_map(move |(_, sheet)| {
            sheet
                .item_grades
                .iter()
                .flat_map(|row| &row.cells)
                .filter(move |c| c.year <= self.year)
                .map(move |c| (sheet, c, item_year(sheet, c.year)))
        })
    }

    /// Every paragraph of every 評価コメント sheet.
    pub fn comment_rows(&self) -> impl Iterator<Item = &CommentRow> {
        self.files
            .iter()
            .filter_map(FileRecord::kept)
            .flat_map(|w| &w.comments)
            .flat_map(|c| &c.rows)
    }

    /// Every evaluation sheet's record, with its reference.
    pub fn records(&self) -> impl Iterator<Item = (SheetRef, &SheetRecord)> {
        self.files.iter().enumerate().flat_map(|(fi, f)| {
            f.eval_sheets().iter().enumerate().map(move |(si, sh)| {
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
}

/// The project evaluating action `number`: by circled number, else by name.
fn project_for(sheet: &SheetRecord, number: u8, name: &str) -> Option<usize> {
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
pub fn item_year(sheet: &SheetRecord, year: FiscalYear) -> ItemYear {
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
