//! 欄の見出しの年度が、その具体的な取組に合わないことを指摘します。
//!
//! ## 点検内容
//! 一つの具体的な取組の中では、各年度に取組の欄と成果・効果の欄が一つずつまでです。同じ
//! 種類の二つの欄が同じ年度を持ち、その間の年度が欠けているときは、文章（述べている
//! 年度）や隣の見出しが欠けた年度のことを述べている欄をその年度のものとして読み、その
//! 見出しを、記入すべき年度を示して指摘します。同じ種類・同じ年度の二つの欄で、何も
//! 区別できないものは、重複として二つ目で指摘します。
//!
//! 読むもの: 欄の見出し（`令和N年度の取組` / `令和N年度の成果・効果`）と、欄の文章にある
//! 和暦の年（`令和N年`）。読まないもの: 文章の中の西暦の年、別の具体的な取組の欄。
//!
//! ## 理由
//! 前年度のファイルから作り始めたシートでは、新しい文章の上に `令和5年度の取組` が残り
//! ます。推進会議は見出しを読みます。見出しで年度を判断していた hyoka は、令和6年度の
//! 残高を令和5年度の数値と比べ、誤って N008 / N010 / N002 を指摘していました。
//!
//! ## 例
//! 指摘あり: `令和6年度の成果・効果` の横に `令和5年度の取組` があり、その下に
//! `令和6年度末現在高 9,201,902,641円`、さらにその下にもう一つ `令和5年度の取組` がある。
//! 指摘なし: 見出しが `令和6年度の取組`。
//!
//! ---
//!
//! A panel header whose year does not fit its 具体的な取組.
//!
//! ## What it checks
//! Within one 具体的な取組, each year has at most one 取組 panel and one
//! 成果・効果 panel. When two panels of one kind carry the same year and the
//! measure lacks a year in between, the panel whose text (the years it
//! names) or whose neighbouring header speaks of the missing year is read
//! as that year, and its header is reported with the year to write. Two
//! panels of one kind and year that nothing tells apart are reported as a
//! duplicate, at the second.
//!
//! Read: the panel headers (`令和N年度の取組` / `令和N年度の成果・効果`) and the
//! era years (`令和N年`) in the panel texts. Not read: years in western
//! numerals inside the texts, and panels of different 具体的な取組.
//!
//! ## Why it matters
//! A sheet started from last year's file keeps `令和5年度の取組` over the
//! new text. The committee reads the header; hyoka, reading by the header,
//! compared the 令和6年度 balance with 令和5年度's figures and raised false
//! N008 / N010 / N002.
//!
//! ## Example
//! Fails: `令和5年度の取組` beside `令和6年度の成果・効果`, over
//! `令和6年度末現在高 9,201,902,641円`, with another `令和5年度の取組` below.
//! Passes: the header `令和6年度の取組`.

use serde::Serialize;

use crate::facts::file::FileCx;
use crate::model::finding::{Lang, Violation};
use crate::model::year::FiscalYear;
use crate::rules::{Findings, Rule};

pub struct PanelYearDiffers;

#[derive(Debug, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PanelYear {
    /// Read as `read_as`: the header says `written`, which another panel
    /// (`other`, a cell) already has.
    Reread {
        header: String,
        written: FiscalYear,
        read_as: FiscalYear,
        other: String,
        fix: String,
    },
    /// The same kind and year twice, nothing telling which is meant.
    Duplicate { header: String, first: String },
}

impl Violation for PanelYear {
    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (
                PanelYear::Reread {
                    header,
                    read_as,
                    other,
                    fix,
                    ..
                },
                Lang::Ja,
            ) => format!(
                "「{header}」とありますが、この具体的な取組には同じ見出しが{other}にもあり、「{fix}」がありません。本文が{read_as}のことを述べているため、「{fix}」として点検しました。"
            ),
            (
                PanelYear::Reread {
                    header,
                    written,
                    read_as,
                    other,
                    ..
                },
                Lang::En,
            ) => format!(
                "The header says `{header}`, but this measure has another {} panel of that kind ({other}) and none for {}; its text is about {}, so it was checked as {}.",
                written.short(),
                read_as.short(),
                read_as.short(),
                read_as.short()
            ),
            (PanelYear::Duplicate { header, first }, Lang::Ja) => format!(
                "この具体的な取組に「{header}」が二つあります。もう一つは{first}にあります。どちらかの年度が違っていないか確認してください。"
            ),
            (PanelYear::Duplicate { header, first }, Lang::En) => {
                format!("This measure has `{header}` twice (the other at {first}).")
            }
        }
    }
    fn found(&self) -> Option<String> {
        Some(match self {
            PanelYear::Reread { header, .. } | PanelYear::Duplicate { header, .. } => {
                header.clone()
            }
        })
    }
    fn suggestion(&self, lang: Lang) -> Option<String> {
        match (self, lang) {
            (PanelYear::Reread { fix, .. }, Lang::Ja) => {
                Some(format!("見出しを「{fix}」に直してください。"))
            }
            (PanelYear::Reread { fix, .. }, Lang::En) => {
                Some(format!("change the header to `{fix}`"))
            }
            _ => None,
        }
    }
}

impl Rule for PanelYearDiffers {
    fn check_file(&self, f: &FileCx, out: &mut Findings) {
        let form = &f.plan.form;
        for (_, s) in f.eval_sheets() {
            for m in s.projects.iter().flat_map(|p| &p.measures) {
                for (i, p) in m.panels.iter().enumerate() {
                    if let (Some(written), Some(read_as)) = (p.written_year, p.year) {
                        let Some(other) = m
                            .panels
                            .iter()
                            .find(|q| q.kind == p.kind && q.year == Some(written))
                        else {
                            continue;
                        };
                        out.push(
                            p.header.at.clone(),
                            PanelYear::Reread {
                                header: p.header.value.trim().to_string(),
                                written,
                                read_as,
                                other: other.header.at.cell_name(),
                                fix: form.panel_title(read_as, p.kind),
                            },
                        );
                    } else if let Some(first) = m.panels[..i]
                        .iter()
                        .find(|q| q.written_year.is_none() && q.kind == p.kind && q.year == p.year)
                    {
                        out.push(
                            p.header.at.clone(),
                            PanelYear::Duplicate {
                                header: p.header.value.trim().to_string(),
                                first: first.header.at.cell_name(),
                            },
                        );
                    }
                }
            }
        }
    }
}
