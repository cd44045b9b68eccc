//! One file while it is checked: the workbook as read (texts included), the
//! plan item each of its evaluation sheets is for, and its figures. Rules that
//! read texts check this ([`crate::rules::Rule::check_file`]); then
//! [`FileCx::keep`] turns it into the [`FileRecord`] the rest of the run keeps.

use std::hash::Hasher;
use std::sync::{Arc, OnceLock};

use crate::derive::batch::SheetRef;
use crate::derive::figures::{Figures, panel_figures, target_values};
use crate::model::grade::gives_reason;
use crate::model::plan::{ItemId, ItemRef, Plan};
use crate::model::record::{FileRecord, KeptFile, ProjectRecord, SheetRecord};
use crate::model::sheet::{EvalSheet, Submission, Workbook};
use crate::model::text::{fold_width, key};
use crate::model::year::FiscalYear;

pub struct FileCx<'a> {
    pub plan: &'a Plan,
    /// The file's place in the run (input order).
    pub index: usize,
    submission: Submission,
    /// The plan item of each evaluation sheet, in sheet order.
    placed: Vec<Option<ItemId>>,
    figures: OnceLock<Figures>,
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
            figures: OnceLock::new(),
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
        self.placed.get(r.sheet).copied().flatten()
    }

    /// The plan item of a sheet of this file.
    pub fn item_of(&self, r: SheetRef) -> Option<ItemRef<'a>> {
        self.plan.item(self.item_of_sheet(r)?)
    }

    /// The figures of this file's texts and 数値目標 sheets, read once.
    pub fn figures(&self) -> &Figures {
        self.figures.get_or_init(|| Figures {
            panels: panel_figures(self.eval_sheets()),
            targets: target_values(self.workbook().iter().flat_map(|w| &w.targets)),
        })
    }

    /// What the run keeps of the file. Sheets for which `whole` says yes are
    /// returned entire besides (the first sheet of each plan item: reports and
    /// cross-file rules read its texts).
    pub fn keep(
        self,
        whole: impl Fn(ItemId, SheetRef) -> bool,
    ) -> (FileRecord, Vec<(SheetRef, EvalSheet)>) {
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
        for (i, s) in wb.eval_sheets.into_iter().enumerate() {
            let item = self.placed.get(i).copied().flatten();
            result_year = result_year.max(result_panel_year(&s));
            eval_sheets.push(record(&s, item));
            let r = SheetRef {
                file: self.index,
                sheet: i,
            };
            if item.is_some_and(|id| whole(id, r)) {
                entire.push((r, s));
            }
        }
        let kept = KeptFile {
            sheets: wb.sheets,
            digest: wb.digest,
            eval_sheets,
            targets: wb.targets,
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

/// The plan item a sheet is for: by its numbers, else by its item name.
pub fn place(plan: &Plan, sheet: &EvalSheet) -> Option<ItemId> {
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

/// The record of an evaluation sheet: placement, grades, and the facts
/// taken from its texts.
fn record(s: &EvalSheet, item: Option<ItemId>) -> SheetRecord {
    let projects = s
        .projects
        .iter()
        .map(|p| {
            let mut reasons: Vec<FiscalYear> = p
                .measures
                .iter()
                .flat_map(|m| &m.panels)
                .filter_map(|pa| {
                    let y = pa.year?;
                    let t = pa.text.value.as_text()?;
                    gives_reason(t).then_some(y)
                })
                .collect();
            reasons.sort();
            reasons.dedup();
            ProjectRecord {
                number: p.number,
                name: p.name.clone(),
                grades: p.grades.clone(),
                reasons: reasons.into_boxed_slice(),
            }
        })
        .collect();
    SheetRecord {
        file: s.file.clone(),
        sheet: s.sheet.clone(),
        item,
        item_cell: s.item.as_ref().and_then(|i| i.at.cell),
        owner: s.owner(),
        item_grades: s.item_grades.clone(),
        projects,
        content: content_fingerprint(s),
    }
}

/// The latest year of a `…年度の成果・効果` panel in the sheet.
fn result_panel_year(s: &EvalSheet) -> Option<FiscalYear> {
    s.projects
        .iter()
        .flat_map(|p| &p.measures)
        .flat_map(|m| &m.panels)
        .filter(|p| p.header.value.contains("成果"))
        .filter_map(|p| p.year)
        .max()
}

/// A fingerprint of a sheet's content apart from its grades: 取組内容, 主な事業,
/// 具体的な取組, every panel text and 今後の取組方針, each compared as a key
/// (width folded, white space ignored). Two sheets with the same content have
/// the same fingerprint.
pub fn content_fingerprint(s: &EvalSheet) -> u64 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    let mut buf = String::new();
    let mut part = |parts: &[&str]| {
        buf.clear();
        for t in parts {
            buf.extend(t.chars().map(fold_width).filter(|c| !c.is_whitespace()));
        }
        h.write(buf.as_bytes());
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
