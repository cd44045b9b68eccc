//! One file while it is checked: the workbook as read (texts included), the
//! plan item each of its evaluation sheets is for, and its figures. Rules that
//! read texts check this ([`crate::rules::Rule::check_file`]); then
//! [`FileCx::keep`] turns it into the [`FileRecord`] the rest of the run keeps.

use std::hash::Hasher;
use std::sync::{Arc, OnceLock};

use crate::facts::batch::SheetRef;
use crate::facts::placement::{Placement, place};
use crate::facts::quantity::{Facts, gather};
use crate::facts::record::{FileRecord, KeptFile, ProjectRecord, SheetRecord};
use crate::facts::relations::Relation;
use crate::facts::targets::target_values;
use crate::model::grade::{Grade, gives_reason};
use crate::model::location::Location;
use crate::model::plan::{ActionId, ItemId, ItemRef, Plan};
use crate::model::sheet::{EvalSheet, GradeCell, GradeRow, Project, Submission, Workbook};
use crate::model::text::fold_chunks;
use crate::model::year::FiscalYear;

/// A file's facts and the relations among them.
pub struct Quantities {
    pub facts: Facts,
    pub relations: Vec<Relation>,
}

pub struct FileCx<'a> {
    pub plan: &'a Plan,
    /// The file's place in the run (input order).
    pub index: usize,
    submission: Submission,
    /// Where each evaluation sheet was placed on the plan, in sheet order.
    placed: Vec<Placement>,

    contents: OnceLock<Vec<u64>>,
    quantities: OnceLock<Quantities>,
}

impl<'a> FileCx<'a> {
    pub fn new(plan: &'a Plan, index: usize, submission: Submission) -> FileCx<'a> {
        let placed = submission
            .workbook()
            .map(|w| w.eval_sheets.iter().map(|s| place(plan, s)).collect())
            .unwrap_or_default();
        FileCx {
            plan,
            index,
            submission,
            placed,

            contents: OnceLock::new(),
            quantities: OnceLock::new(),
        }
    }

    pub fn submission(&self) -> &Submission {
        &self.submission
    }

    pub fn path(&self) -> &Arc<str> {
        &self.submission.path
    }

    pub fn workbook(&self) -> Option<&Workbook> {
        self.submission.workbook()
    }

    /// The file's evaluation sheets with their references.
    pub fn eval_sheets(&self) -> impl Iterator<Item = (SheetRef, &EvalSheet)> {
        let file = self.index;
        self.workbook()
            .map_or(&[][..], |w| &w.eval_sheets[..])
            .iter()
            .enumerate()
            .map(move |(sheet, s)| (SheetRef { file, sheet }, s))
    }

    /// Every grade cell of the file's evaluation sheets (評価 and 個別評価
    /// rows), with its sheet and what was typed in it.
    pub fn grade_cells(&self) -> impl Iterator<Item = (&EvalSheet, &GradeCell, &str)> {
        self.eval_sheets().flat_map(|(_, s)| {
            s.grade_rows()
                .flat_map(GradeRow::cells_with_raw)
                .map(move |(c, raw)| (s, c, raw))
        })
    }

    /// An evaluation sheet of this file.
    pub fn sheet(&self, r: SheetRef) -> &EvalSheet {
        debug_assert_eq!(r.file, self.index, "a sheet of another file");
        &self
            .workbook()
            .expect("sheet refs come from read workbooks")
            .eval_sheets[r.sheet]
    }

    /// The plan item a sheet of this file is for.
    pub fn item_of_sheet(&self, r: SheetRef) -> Option<ItemId> {
        self.placed.get(r.sheet).and_then(|p| p.item)
    }

    /// How a sheet of this file was placed, signal by signal.
    pub fn placement(&self, r: SheetRef) -> &Placement {
        &self.placed[r.sheet]
    }

    /// The plan item of a sheet of this file.
    pub fn item_of(&self, r: SheetRef) -> Option<ItemRef<'a>> {
        self.plan.item(self.item_of_sheet(r)?)
    }

    /// Every figure of the file's texts, 数値目標 values and comment
    /// paragraphs as facts, and the relations among them, found once.
    pub fn quantities(&self) -> &Quantities {
        self.quantities.get_or_init(|| {
            let mut facts = Facts::default();
            if let Some(w) = self.workbook() {
                gather::sheets(
                    &mut facts,
                    w.eval_sheets.iter().enumerate().map(|(i, s)| (i as u16, s)),
                );
                gather::targets(&mut facts, w.targets.iter());
                gather::comments(&mut facts, w.comments.iter());
            }
            let relations = crate::facts::relations::find_all(&facts);
            Quantities { facts, relations }
        })
    }

    /// A fingerprint of each evaluation sheet's content apart from its
    /// grades ([`content_fingerprint`]), computed once when a rule asks; the
    /// record keeps them for the cross-file comparison of resubmitted items.
    pub fn contents(&self) -> &[u64] {
        self.contents.get_or_init(|| {
            self.eval_sheets()
                .map(|(_, s)| content_fingerprint(s))
                .collect()
        })
    }

    /// What the run keeps of the file. Sheets for which `whole` says yes are
    /// returned entire besides (the first sheet of each plan item: reports and
    /// cross-file rules read its texts).
    pub fn keep(
        self,
        whole: impl Fn(ItemId, SheetRef) -> bool,
    ) -> (FileRecord, Vec<(SheetRef, EvalSheet)>) {
        // The 数値目標 values, read once: by the rules if one asked, else now.
        let mut targets = target_values(self.submission.workbook().iter().flat_map(|w| &w.targets));
        // Kept until the batch is placed: no spare capacity.
        targets.shrink_to_fit();
        let contents = self.contents.into_inner().unwrap_or_default();
        let path = self.submission.path;
        let wb = match self.submission.result {
            Ok(wb) => wb,
            Err(e) => {
                let record = FileRecord {
                    path,
                    result: Err(e),
                };
                return (record, Vec::new());
            }
        };
        let mut entire = Vec::new();
        let mut eval_sheets = Vec::with_capacity(wb.eval_sheets.len());
        let mut result_year: Option<FiscalYear> = None;
        for (i, mut s) in wb.eval_sheets.into_iter().enumerate() {
            let item = self.placed.get(i).and_then(|p| p.item);
            result_year = result_year.max(result_panel_year(&s));
            let r = SheetRef {
                file: self.index,
                sheet: i,
            };
            let keep_whole = item.is_some_and(|id| whole(id, r));
            eval_sheets.push(record(&mut s, item, keep_whole, contents.get(i).copied()));
            if keep_whole {
                entire.push((r, s));
            }
        }
        let mut target_rows: Vec<(Location, ActionId)> = Vec::new();
        for t in &wb.targets {
            for id in t.rows.iter().filter_map(|r| r.action_id) {
                if !target_rows.iter().any(|(_, a)| *a == id) {
                    target_rows.push((Location::sheet(t.file.clone(), t.sheet.clone()), id));
                }
            }
        }
        let kept = KeptFile {
            sheets: wb.sheets,
            digest: wb.digest,
            eval_sheets,
            targets,
            target_rows: target_rows.into_boxed_slice(),
            comments: wb.comments,
            result_year,
        };
        let record = FileRecord {
            path,
            result: Ok(kept),
        };
        (record, entire)
    }
}

/// The record of an evaluation sheet: placement, grades, and the facts
/// taken from its texts. The grades are moved out of the sheet unless it is
/// kept whole besides.
fn record(
    s: &mut EvalSheet,
    item: Option<ItemId>,
    whole: bool,
    content: Option<u64>,
) -> SheetRecord {
    let take = |g: &mut Option<GradeRow>| if whole { g.clone() } else { g.take() };
    let projects = s
        .projects
        .iter_mut()
        .map(|p| ProjectRecord {
            number: p.number,
            reasons: reasons(p),
            name: p.name.as_str().into(),
            grades: take(&mut p.grades),
        })
        .collect();
    SheetRecord {
        file: s.file.clone(),
        sheet: s.sheet.clone(),
        item,
        item_cell: s.item.as_ref().and_then(|i| i.at.cell),
        owner: s.owner().map(Arc::from),
        item_grades: take(&mut s.item_grades),
        projects,
        result_year: result_panel_year(s),
        content,
    }
}

/// The years in which a project is graded `—` and one of its 取組 / 成果
/// texts of that year gives a reason (the only years G005 asks about).
fn reasons(p: &Project) -> Box<[FiscalYear]> {
    let Some(row) = &p.grades else {
        return Box::new([]);
    };
    let mut years: Vec<FiscalYear> = row
        .cells
        .iter()
        .filter(|c| c.reading.grade() == Some(Grade::NotEvaluable))
        .map(|c| c.year)
        .filter(|y| {
            p.measures
                .iter()
                .flat_map(|m| &m.panels)
                .filter(|pa| pa.year == Some(*y))
                .any(|pa| pa.text.value.as_text().is_some_and(gives_reason))
        })
        .collect();
    years.sort();
    years.dedup();
    years.into_boxed_slice()
}

/// The latest year of a `…年度の成果・効果` panel in the sheet.
fn result_panel_year(s: &EvalSheet) -> Option<FiscalYear> {
    s.projects
        .iter()
        .flat_map(|p| &p.measures)
        .flat_map(|m| &m.panels)
        .filter(|p| p.kind == crate::model::form::PanelKind::Result)
        .filter_map(|p| p.year)
        .max()
}

/// A fingerprint of a sheet's content apart from its grades: 取組内容, 主な事業,
/// 具体的な取組, every panel text and 今後の取組方針, each compared as a key
/// (width folded, white space ignored). Two sheets with the same content have
/// the same fingerprint.
pub fn content_fingerprint(s: &EvalSheet) -> u64 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    let mut part = |parts: &[&str]| {
        for t in parts {
            fold_chunks(t, true, |chunk| h.write(chunk.as_bytes()));
        }
        // A separator no key contains keeps `ab|c` apart from `a|bc`.
        h.write(&[0xFF]);
    };
    for a in &s.actions {
        part(&[&a.name, &a.description]);
    }
    for p in &s.projects {
        part(&[&p.heading.value]);
        for m in &p.measures {
            part(&[&m.name.value]);
            for pa in &m.panels {
                match &pa.text.value {
                    crate::model::cell::CellValue::Text(t) => part(&[t]),
                    other => part(&[&other.text()]),
                }
            }
        }
    }
    part(&[s.future.as_ref().map_or("", |f| f.value.as_str())]);
    h.finish()
}
