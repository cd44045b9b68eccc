//! 数値目標の値の単位の誤りを指摘します（千円の数値の中の `8,447,029円` など）。
//!
//! ## 点検内容
//! 数値目標のシートの各値は、文字列であればその値自身の単位（`8,447,029円`）で、
//! 数値であれば単位の列の単位で読みます。次のいずれかに当たるときに指摘します。
//! - 値自身の単位が、列の単位と桁が異なる（千円の列に 円）。
//! - ほかの箇所の同じ数値と、約1,000倍（または10,000倍、1/1,000 …: 3桁以上の
//!   10のべき乗で、差が2%以内）離れている。ほかの箇所とは、同じ行の前年度、同じ
//!   年度のもう一方の行（目標・実績）、またはシートの文章に記載された同じ数量です。
//!
//! 指摘には根拠を示し、それと合う値と単位を提案します。
//!
//! ## 理由
//! 令和6年度の報告書では、公共施設整備等資金積立基金の令和5年度末の現在高を、
//! 千円の数値の中に `8,447,029円` と記載していました。公表した表の中の1,000倍の
//! 誤りです。シートの文章には `令和5年度末現在高 8,447,028,953円` とありました。
//!
//! ## 例
//! 指摘あり: 単位が `千円` で令和5年度 実績が `8,447,029円`、シートの文章が
//! `令和5年度末現在高 8,447,028,953円` → `8,447,029千円` を提案します。
//! 指摘なし: `8,447,029千円`、または千円の列に数値 `8447029`。
//!
//! ---
//!
//! A 数値目標 value in the wrong unit: `8,447,029円` among 千円 figures.
//!
//! ## What it checks
//! Each value of a 数値目標 sheet is read with its own unit when it is text
//! (`8,447,029円`) and with the 単位 column's unit when it is a number. It is
//! reported when
//! - its own unit differs in scale from the column's (円 in a 千円 column), or
//! - it is about 1,000× (or 10,000×, 1/1,000 …: a power of ten of at least 3,
//!   within 2%) away from the same figure elsewhere: the previous year of the
//!   same row, the other row (目標/実績) of the same year, or the same quantity
//!   stated in the sheet text.
//!
//! The finding names the evidence and suggests the value and unit that agree
//! with it.
//!
//! ## Why it matters
//! The report for 令和6年度 printed the 公共施設整備等資金積立基金 balance for
//! 令和5年度末 as `8,447,029円` among 千円 figures — a thousandfold error in a
//! published table. The sheet text said `令和5年度末現在高 8,447,028,953円`.
//!
//! ## Example
//! Fails: 単位 `千円`, 令和5年度 実績 `8,447,029円`, sheet text
//! `令和5年度末現在高 8,447,028,953円` → suggest `8,447,029千円`.
//! Passes: `8,447,029千円`, or the number `8447029` in the 千円 column.

use serde::Serialize;

use crate::facts::batch::{Batch, SourceQuantities};
use crate::facts::quantity::Fact;
use crate::facts::quantity::amount::Amount;
use crate::facts::targets::TargetValue;
use crate::model::figure::group_digits;
use crate::model::finding::{Lang, Violation};
use crate::model::location::Location;
use crate::model::year::FiscalYear;
use crate::rules::figures::{action_facts, evidence, magnitude_slip};
use crate::rules::{Findings, Rule};

pub struct UnitSlip;

/// Why a 数値目標 value looks like a unit slip.
#[derive(Debug, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Why {
    /// Its own unit is not the column's.
    OwnUnit { column: String },
    /// It is a power of ten away from a neighbouring value.
    Neighbour {
        year: FiscalYear,
        value: String,
        power: i32,
        #[serde(skip)]
        at: Location,
    },
    /// It is a power of ten away from the same quantity in the text.
    Text,
}

/// The text figure the corrected value agrees with.
#[derive(Debug, Serialize)]
pub struct Evidence {
    pub label: String,
    pub figure: String,
    #[serde(skip)]
    pub at: Location,
}

/// A 数値目標 value typed in the wrong unit or scale.
#[derive(Debug, Serialize)]
pub struct Slip {
    pub year: FiscalYear,
    pub value: String,
    pub why: Why,
    /// The value in the column's unit, as it was probably meant.
    pub fixed: Option<String>,
    pub evidence: Option<Evidence>,
}

impl Violation for Slip {
    fn message(&self, lang: Lang) -> String {
        let (y, v) = (self.year, &self.value);
        let mut m = match (&self.why, lang) {
            (Why::OwnUnit { column }, Lang::Ja) => {
                format!("{y}の値「{v}」の単位が列の単位「{column}」と違います。")
            }
            (Why::OwnUnit { column }, Lang::En) => format!(
                "The {} value `{v}` is not in the column's unit `{column}`.",
                y.short()
            ),
            (
                Why::Neighbour {
                    year,
                    value,
                    power,
                    at,
                },
                Lang::Ja,
            ) => format!(
                "{y}の値「{v}」が{year}の「{value}」（{at}）の{}です。単位の誤りではありませんか。",
                times(*power)
            ),
            (
                Why::Neighbour {
                    value, power, at, ..
                },
                Lang::En,
            ) => format!(
                "The {} value `{v}` is about 10^{power} times `{value}` ({at}); a unit slip?",
                y.short()
            ),
            (Why::Text, Lang::Ja) => format!("{y}の値「{v}」が本文の数値と桁が合いません。"),
            (Why::Text, Lang::En) => format!(
                "The {} value `{v}` is off by a power of ten from the text.",
                y.short()
            ),
        };
        if let Some(e) = &self.evidence {
            let (l, f, at) = (&e.label, &e.figure, &e.at);
            match lang {
                // Say what agrees with the text: the suggested value, not the one found.
                Lang::Ja => match &self.fixed {
                    Some(fx) => {
                        m += &format!("「{fx}」とすれば、本文の{l} {f}（{at}）と一致します。")
                    }
                    None => m += &format!("本文の{l} {f}（{at}）と一致します。"),
                },
                Lang::En => m += &format!(" It matches the text's {l} {f} ({at})."),
            }
        }
        m
    }
    fn found(&self) -> Option<String> {
        Some(self.value.clone())
    }
    fn expected(&self) -> Option<String> {
        self.fixed.clone()
    }
    fn suggestion(&self, _lang: Lang) -> Option<String> {
        self.fixed.as_ref().map(|f| format!("{} → {f}", self.value))
    }
}

fn report(
    tv: &TargetValue,
    why: Why,
    fixed: Option<Amount>,
    ev: Option<(&SourceQuantities, &Fact)>,
    out: &mut Findings,
) {
    let ev = ev.map(|(q, e)| Evidence {
        label: q.facts.written_label(e),
        figure: q.facts.raw(e).to_string(),
        at: q.facts.text_of(e).at.clone(),
    });
    let at = ev.as_ref().map(|e| e.at.clone());
    let f = out.push(
        tv.at.clone(),
        Slip {
            year: tv.year,
            value: tv.raw.to_string(),
            why,
            fixed: fixed.map(|f| f.shown()),
            evidence: ev,
        },
    );
    if let Some(at) = at {
        f.related(at);
    }
}

impl Rule for UnitSlip {
    fn check_batch(&self, b: &Batch, out: &mut Findings) {
        let figs = b.targets();
        for tv in &figs.values {
            let column = tv.column_unit.clone().unwrap_or_default();
            if tv.own_unit {
                let fixed = Amount::of_number(tv.amount.printed_value(), &column);
                let ev = evidence(b, tv, &fixed);
                let column = column.to_string();
                report(tv, Why::OwnUnit { column }, Some(fixed), ev, out);
                continue;
            }
            // Magnitude against the same row's previous year and the other row.
            // The same row's previous year and the other row's same year, in
            // sheet order.
            let mut others: Vec<(usize, &TargetValue)> = figs
                .paired(tv, tv.is_target, tv.year.prev())
                .chain(figs.paired(tv, !tv.is_target, tv.year))
                .filter(|(_, o)| !o.own_unit)
                .collect();
            others.sort_by_key(|(i, _)| *i);
            let others = others.into_iter().map(|(_, o)| o);
            let mut done = false;
            for o in others {
                if let Some(k) = magnitude_slip(tv.amount.value, o.amount.value) {
                    // Only when the text, if it speaks, sides with the other figure.
                    let fixed_value = tv.amount.printed_value() / 10f64.powi(k);
                    let fixed = Amount::of_number(fixed_value, &column);
                    let ev = evidence(b, tv, &fixed);
                    let text_agrees_as_is = evidence(b, tv, &tv.amount).is_some();
                    if text_agrees_as_is {
                        continue;
                    }
                    report(
                        tv,
                        Why::Neighbour {
                            year: o.year,
                            value: o.raw.to_string(),
                            power: k,
                            at: o.at.clone(),
                        },
                        Some(fixed),
                        ev,
                        out,
                    );
                    done = true;
                    break;
                }
            }
            if done {
                continue;
            }
            // Magnitude against the same quantity in the text.
            let Some(id) = tv.action else { continue };
            for (q, p) in action_facts(b, id, tv.year) {
                if !p.amount.dim.same(&tv.amount.dim) {
                    continue;
                }
                if let Some(k) = magnitude_slip(tv.amount.value, p.amount.value) {
                    let fixed =
                        Amount::of_number(tv.amount.printed_value() / 10f64.powi(k), &column);
                    if !fixed.agrees(&p.amount) {
                        continue;
                    }
                    report(tv, Why::Text, Some(fixed), Some((q, p)), out);
                    break;
                }
            }
        }
    }
}

/// `約1,000倍` / `約1,000分の1`.
fn times(k: i32) -> String {
    let n = group_digits(10f64.powi(k.abs()), 0);
    if k > 0 {
        format!("約{n}倍")
    } else {
        format!("約{n}分の1")
    }
}
