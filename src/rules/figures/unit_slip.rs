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

use crate::derive::batch::Batch;
use crate::derive::figures::TargetValue;
use crate::model::figure::{Figure, from_number, group_digits};
use crate::model::finding::{Finding, Severity, Text};
use crate::rules::Rule;
use crate::rules::figures::{action_figures, magnitude_slip};

pub struct UnitSlip;

impl UnitSlip {
    /// A text figure of the action, same year, that the corrected value agrees with.
    fn evidence<'b>(
        b: &'b Batch,
        tv: &TargetValue,
        fixed: &Figure,
    ) -> Option<&'b crate::derive::figures::Placed> {
        let id = tv.action?;
        action_figures(b, id, tv.year).find(|p| p.fig.figure.agrees(fixed))
    }

    fn report(
        &self,
        tv: &TargetValue,
        why: Text,
        fixed: Option<Figure>,
        ev: Option<&crate::derive::figures::Placed>,
        out: &mut Vec<Finding>,
    ) {
        let mut ja = why.ja.into_string();
        let mut en = why.en.into_string();
        if let Some(e) = ev {
            ja += &format!(
                "本文の{} {} と一致します（{}）。",
                e.fig.label, e.fig.raw, e.at
            );
            en += &format!(
                " It matches the text's {} {} ({}).",
                e.fig.label, e.fig.raw, e.at
            );
        }
        let mut f = self
            .finding(tv.at.clone(), Text::new(ja, en))
            .found(tv.raw.clone());
        if let Some(fx) = fixed {
            let s = fx.to_string();
            f = f.expected(s.clone()).suggest(Text::new(
                format!("{} → {}", tv.raw, s),
                format!("{} → {}", tv.raw, s),
            ));
        }
        if let Some(e) = ev {
            f = f.related(e.at.clone());
        }
        out.push(f);
    }
}

impl Rule for UnitSlip {
    fn code(&self) -> &'static str {
        "N001"
    }
    fn name(&self) -> &'static str {
        "unit-slip"
    }
    fn severity(&self) -> Severity {
        Severity::Error
    }
    fn check_batch(&self, b: &Batch, out: &mut Vec<Finding>) {
        let figs = b.figures();
        for tv in &figs.targets {
            let column = tv.column_unit.clone().unwrap_or_default();
            if tv.own_unit {
                let fixed = from_number(tv.figure.printed_value(), &column);
                let ev = Self::evidence(b, tv, &fixed);
                self.report(
                    tv,
                    Text::new(
                        format!(
                            "{}の値「{}」の単位が列の単位「{}」と違います。",
                            tv.year, tv.raw, column
                        ),
                        format!(
                            "The {} value `{}` is not in the column's unit `{}`.",
                            tv.year.short(),
                            tv.raw,
                            column
                        ),
                    ),
                    Some(fixed),
                    ev,
                    out,
                );
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
                if let Some(k) = magnitude_slip(tv.figure.value, o.figure.value) {
                    // Only when the text, if it speaks, sides with the other figure.
                    let fixed_value = tv.figure.printed_value() / 10f64.powi(k);
                    let fixed = from_number(fixed_value, &column);
                    let ev = Self::evidence(b, tv, &fixed);
                    let text_agrees_as_is = tv.action.is_some_and(|id| {
                        action_figures(b, id, tv.year).any(|p| p.fig.figure.agrees(&tv.figure))
                    });
                    if text_agrees_as_is {
                        continue;
                    }
                    self.report(
                        tv,
                        Text::new(
                            format!("{}の値「{}」が{}の「{}」（{}）の{}です。単位の誤りではありませんか。", tv.year, tv.raw, o.year, o.raw, o.at, times(k)),
                            format!("The {} value `{}` is about 10^{} times `{}` ({}); a unit slip?", tv.year.short(), tv.raw, k, o.raw, o.at),
                        ),
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
            for p in action_figures(b, id, tv.year) {
                if !p.fig.figure.unit.same_kind(&tv.figure.unit) {
                    continue;
                }
                if let Some(k) = magnitude_slip(tv.figure.value, p.fig.figure.value) {
                    let fixed = from_number(tv.figure.printed_value() / 10f64.powi(k), &column);
                    if !fixed.agrees(&p.fig.figure) {
                        continue;
                    }
                    self.report(
                        tv,
                        Text::new(
                            format!(
                                "{}の値「{}」が本文の数値と桁が合いません。",
                                tv.year, tv.raw
                            ),
                            format!(
                                "The {} value `{}` is off by a power of ten from the text.",
                                tv.year.short(),
                                tv.raw
                            ),
                        ),
                        Some(fixed),
                        Some(p),
                        out,
                    );
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
