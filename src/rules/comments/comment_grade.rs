//! 評価コメントの段落が引用する評価が、その取組内容の個別評価と異なることを指摘します。
//!
//! ## 点検内容
//! 評価コメントのシートの段落が 個別評価を「A」としました（または
//! 個別評価は「B」）と述べているとき、その評価は、段落が名前で示す取組内容の、
//! 評価年度の個別評価（シートに記載されたもの）でなければなりません。取組内容は
//! 段落が名前で示すものとします（番号は K001 で点検します）。
//!
//! ## 理由
//! コメントとまとめの表は並べて印刷されます。`B` と示す表の隣で `A` と引用する
//! コメントは、読む人が真っ先に気付く誤りです。
//!
//! ## 例
//! 指摘あり: シートでは 4-(4) ① 令和6年度が `A` であるのに、段落に
//! 「①人事制度の見直し」は、…個別評価を「B」としました。とある。
//! 指摘なし: 段落が「A」と引用している。
//!
//! ---
//!
//! A comment paragraph quoting a grade that is not the action's grade.
//!
//! ## What it checks
//! When a paragraph of the 評価コメント sheet says 個別評価を「A」としました (or
//! 個別評価は「B」), the grade must be the 個別評価 of the action it names, for
//! the evaluated year, as the sheets give it. The action is the one the
//! paragraph names by name (K001 checks the number).
//!
//! ## Why it matters
//! The comment and the summary table are printed side by side; a comment
//! quoting `A` next to a table showing `B` is the kind of slip a reader spots
//! first.
//!
//! ## Example
//! Fails: 「①人事制度の見直し」は、…個別評価を「B」としました。 while 4-(4) ①
//! 令和6年度 is `A` in the sheet.
//! Passes: the paragraph quotes 「A」.

use serde::Serialize;

use crate::facts::batch::Batch;
use crate::model::finding::{Lang, Violation};
use crate::model::grade::Grade;
use crate::model::text::circled;
use crate::model::year::FiscalYear;
use crate::rules::comments::{action_by_name, item, named_actions, quoted_grade};
use crate::rules::{Findings, Rule, action_grade_cell};

pub struct CommentGrade;

/// A paragraph quoting another grade than the sheet gives.
#[derive(Debug, Serialize)]
pub struct OtherGrade {
    pub number: u8,
    pub name: String,
    /// The grade as quoted in the paragraph.
    pub quoted: String,
    pub year: FiscalYear,
    pub sheet_grade: Grade,
}

impl Violation for OtherGrade {
    fn message(&self, lang: Lang) -> String {
        let (n, name, raw, g) = (
            circled(self.number),
            &self.name,
            &self.quoted,
            self.sheet_grade,
        );
        match lang {
            Lang::Ja => format!(
                "コメントは「{n}{name}」の個別評価を「{raw}」としていますが、評価シートの{}は「{g}」です。",
                self.year
            ),
            Lang::En => format!(
                "The comment gives `{n}{name}` the grade `{raw}`, but its {} grade in the sheet is `{g}`.",
                self.year.short()
            ),
        }
    }
    fn found(&self) -> Option<String> {
        Some(self.quoted.clone())
    }
    fn expected(&self) -> Option<String> {
        Some(self.sheet_grade.symbol().into())
    }
}

impl Rule for CommentGrade {
    fn check_batch(&self, b: &Batch, out: &mut Findings) {
        for row in b.comment_rows() {
            let Some(item) = item(b, row) else { continue };
            let Some((quoted, raw)) = quoted_grade(&row.text.value) else {
                continue;
            };
            for (n, name) in named_actions(&row.text.value) {
                let id = action_by_name(b, item, &name).map(|a| a.id).or_else(|| {
                    item.item.actions.iter().any(|a| a.number == n).then_some(
                        crate::model::plan::ActionId {
                            item: item.id,
                            number: n,
                        },
                    )
                });
                let Some(id) = id else { continue };
                let Some((cell, cell_at)) = action_grade_cell(b, id, b.year) else {
                    continue;
                };
                let Some(g) = cell.reading.grade() else {
                    continue;
                };
                if g != quoted {
                    out.push(
                        row.text.at.clone(),
                        OtherGrade {
                            number: n,
                            name,
                            quoted: raw.clone(),
                            year: b.year,
                            sheet_grade: g,
                        },
                    )
                    .related(cell_at);
                }
            }
        }
    }
}
