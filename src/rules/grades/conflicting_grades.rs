//! 同じ取組内容に、二つのブックまたは二つのシートで異なる評価が付いていることを指摘します。
//!
//! ## 点検内容
//! 一つの取組項目が複数のシートで提出されたとき（古い版がフォルダに残っていた、
//! 二つの担当課がどちらも提出したなど）、すべての年度の個別評価と評価は、すべての
//! シートで同じでなければなりません。食い違いは両方のセルで指摘します。
//! 同じ担当課の提出と再提出（`財政課.xlsx` と `財政課_修正.xlsx`、`財政課 (2).xlsx`、
//! `財政課_v2.xlsx`）は、ファイル名の版、次に更新日時で新旧を決め、新しい提出を
//! 集約に使います。古い提出のセルでは新しい提出の評価を、新しい提出のセルでは
//! 古い提出の評価を示します。
//!
//! ## 理由
//! 推進会議がどちらの版を目にするかが、たまたまファイルを読んだ順番で決まって
//! しまいます。再提出なら古い提出をフォルダから外し、別々の提出なら事務局が
//! どちらの評価とするかを決める必要があります。
//!
//! ## 例
//! 指摘あり: `財政課.xlsx` では 3-(4) ① 令和6年度が `A`、`財政課_修正.xlsx` では `B`
//! （集約には `財政課_修正.xlsx` の `B` を使います）。
//! 指摘なし: どちらも `A`（または 3-(4) を持つファイルが一つだけ）。
//!
//! ---
//!
//! The same action graded differently in two workbooks or two sheets.
//!
//! ## What it checks
//! When one 取組項目 arrives in more than one sheet (an old version was left in
//! the folder, or two departments both submitted it), the 個別評価 and 評価 of
//! every year must be the same in all of them. Each difference is reported at
//! both cells. A department's submission and its resubmission (`財政課.xlsx`
//! and `財政課_修正.xlsx`, `財政課 (2).xlsx`, `財政課_v2.xlsx`) are told apart
//! by the version in the name, then by the modification time; the newer is
//! consolidated. The old one's cell names the new grade, the new one's the
//! old grade.
//!
//! ## Why it matters
//! Which version the committee sees would depend on the order files happen to
//! be read in. A resubmission's old file should leave the folder; of two
//! separate submissions the office must decide which grade stands.
//!
//! ## Example
//! Fails: `財政課.xlsx` gives 3-(4) ① 令和6年度 `A`, `財政課_修正.xlsx` gives `B`
//! (the consolidation uses `財政課_修正.xlsx`'s `B`).
//! Passes: both give `A` (or only one file holds 3-(4)).

use serde::Serialize;

use crate::facts::batch::Batch;
use crate::facts::record::SheetRecord;
use crate::model::finding::{Lang, Violation};
use crate::model::grade::Grade;
use crate::model::location::Location;
use crate::model::resubmission::same_family;
use crate::model::sheet::GradeRow;
use crate::model::year::FiscalYear;
use crate::rules::{Findings, Rule};

pub struct ConflictingGrades;

/// What the sheet of a finding is to the other one.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The newer submission of a department, the one consolidated.
    Newer,
    /// The older submission a resubmission replaces.
    Older,
    /// Another sheet than the one consolidated, not a resubmission of it.
    Other,
    /// The sheet consolidated, another file disagreeing with it.
    Used,
}

/// One grade of an item or action that differs between two submissions,
/// reported at each of the two cells.
#[derive(Debug, Serialize)]
pub struct Conflict {
    /// The item or action id (`3-(4)`, `3-(4)-①`).
    pub what: String,
    pub year: FiscalYear,
    pub grade: Grade,
    pub role: Role,
    /// The grade of the other submission, and where it is.
    pub other_grade: Grade,
    #[serde(skip)]
    pub other_at: Location,
}

impl Violation for Conflict {
    fn message(&self, lang: Lang) -> String {
        let (w, y, g, g2, at) = (
            &self.what,
            self.year,
            self.grade,
            self.other_grade,
            &self.other_at,
        );
        let ys = y.short();
        match (self.role, lang) {
            (Role::Older, Lang::Ja) => format!(
                "{w}の{y}の評価「{g}」は、新しい提出（{at}）では「{g2}」になっています。集約には新しい提出を使いました。古い提出はフォルダから外してください。"
            ),
            (Role::Newer, Lang::Ja) => format!(
                "{w}の{y}の評価「{g}」は、古い提出（{at}）では「{g2}」でした。集約にはこの新しい提出を使いました。"
            ),
            (Role::Other, Lang::Ja) => format!(
                "{w}の{y}の評価「{g}」が、別の提出（{at}）の「{g2}」と異なります。集約には別の提出を使いました。どちらが正しいか担当課に確認してください。"
            ),
            (Role::Used, Lang::Ja) => format!(
                "{w}の{y}の評価「{g}」が、別の提出（{at}）の「{g2}」と異なります。集約にはこのシートを使いました。どちらが正しいか担当課に確認してください。"
            ),
            (Role::Older, Lang::En) => format!(
                "The {ys} grade `{g}` of {w} is `{g2}` in the newer submission ({at}), which is consolidated; remove the old one from the folder."
            ),
            (Role::Newer, Lang::En) => format!(
                "The {ys} grade `{g}` of {w} was `{g2}` in the older submission ({at}); this newer one is consolidated."
            ),
            (Role::Other, Lang::En) => format!(
                "The {ys} grade `{g}` of {w} differs from `{g2}` in another submission ({at}), which is consolidated; ask which is right."
            ),
            (Role::Used, Lang::En) => format!(
                "The {ys} grade `{g}` of {w} differs from `{g2}` in another submission ({at}); this sheet is consolidated; ask which is right."
            ),
        }
    }
    fn found(&self) -> Option<String> {
        Some(self.grade.symbol().into())
    }
}

/// The two sheets compared: the one consolidated and another.
struct Pair<'a> {
    what: &'a str,
    used: (&'a GradeRow, &'a SheetRecord),
    other: (&'a GradeRow, &'a SheetRecord),
    /// Whether `other` is an older submission of the same department.
    resubmitted: bool,
}

fn compare(p: &Pair, out: &mut Findings) {
    let ((first, first_sheet), (other, other_sheet)) = (p.used, p.other);
    let (used_role, other_role) = if p.resubmitted {
        (Role::Newer, Role::Older)
    } else {
        (Role::Used, Role::Other)
    };
    for c in &other.cells {
        let Some(f) = first.cell(c.year) else {
            continue;
        };
        let (Some(g1), Some(g2)) = (f.reading.grade(), c.reading.grade()) else {
            continue;
        };
        if g1 == g2 {
            continue;
        }
        let (first_at, other_at) = (first_sheet.loc(f.cell), other_sheet.loc(c.cell));
        for (at, grade, role, other_grade, there) in [
            (&other_at, g2, other_role, g1, &first_at),
            (&first_at, g1, used_role, g2, &other_at),
        ] {
            let conflict = Conflict {
                what: p.what.to_string(),
                year: c.year,
                grade,
                role,
                other_grade,
                other_at: there.clone(),
            };
            out.push(at.clone(), conflict).related(there.clone());
        }
    }
}

impl Rule for ConflictingGrades {
    fn check_batch(&self, b: &Batch, out: &mut Findings) {
        for item in b.items.iter().filter(|i| i.sheets.len() > 1) {
            let first = b.record(item.sheets[0]);
            let first_file = &b.files[item.sheets[0].file].path;
            for &r in &item.sheets[1..] {
                let other = b.record(r);
                let resubmitted = same_family(first_file, &b.files[r.file].path);
                let item_id = item.id.to_string();
                if let (Some(a), Some(c)) = (&first.item_grades, &other.item_grades) {
                    let what = &item_id;
                    let used = (a, first);
                    let p = Pair { what, used, other: (c, other), resubmitted };
                    compare(&p, out);
                }
                for p in &other.projects {
                    let Some(n) = p.number else { continue };
                    let Some(fp) = first.projects.iter().find(|q| q.number == Some(n)) else {
                        continue;
                    };
                    if let (Some(a), Some(c)) = (&fp.grades, &p.grades) {
                        let id = format!("{item_id}-{}", crate::model::text::circled(n));
                        let pair = Pair {
                            what: &id,
                            used: (a, first),
                            other: (c, other),
                            resubmitted,
                        };
                        compare(&pair, out);
                    }
                }
            }
        }
    }
}
