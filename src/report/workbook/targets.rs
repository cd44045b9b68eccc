//! 数値目標: every target of the 数値目標 sheets with its actual, as numbers in
//! the column's unit (so `8,447,029円` in a 千円 column is 8,447.029), whether
//! it was achieved under its comparator, and the gap.
//!
//! A figure the checks doubt is not presented as a result: its row says
//! 要確認 with a link to the finding in エラー報告, and, where the finding
//! suggests the value meant (`8,447,029千円`), the achievement under it.

use std::collections::HashMap;

use rust_xlsxwriter::{Format, Url, Worksheet, XlsxError};

use super::links::Linker;
use super::print::{self, Page};
use super::{Styles, Widths, header_row, write_linked};
use crate::facts::quantity::amount::Amount;
use crate::facts::targets::{TargetValue, Targets};
use crate::model::figure::Comparator;
use crate::model::finding::Finding;
use crate::model::location::Location;
use crate::report::Results;

/// The value in the column's unit (`千円` → thousands of yen).
fn in_column_unit(v: &TargetValue, amount: &Amount) -> f64 {
    amount.value / column_scale(v)
}

fn column_scale(v: &TargetValue) -> f64 {
    v.column_unit
        .as_deref()
        .map_or(1.0, |u| Amount::of_number(1.0, u).value)
}

const HEADERS: [&str; 13] = [
    "ID",
    "指標",
    "年度",
    "単位",
    "比較",
    "目標",
    "実績",
    "達成",
    "差\n（実績−目標）",
    "点検",
    "修正案の実績",
    "修正案での\n達成",
    "出典",
];

const NOTE: u16 = 9;
const SOURCE: u16 = 12;

/// An actual with its target (same action, indicator and year), the
/// comparator that judges it, and the findings at either cell.
struct Line<'a> {
    actual: &'a TargetValue,
    target: Option<&'a TargetValue>,
    cmp: Comparator,
    /// (row in エラー報告, finding), in report order.
    findings: Vec<(u32, &'a Finding)>,
}

impl Line<'_> {
    /// The texts of columns A–E.
    fn texts(&self) -> [String; 5] {
        let a = self.actual;
        [
            a.action.map(|a| a.to_string()).unwrap_or_default(),
            a.indicator.to_string(),
            a.year.label(),
            a.column_unit.as_deref().unwrap_or_default().to_string(),
            self.cmp.ja().to_string(),
        ]
    }

    /// 要確認 and the codes of the findings, or empty.
    fn note(&self) -> String {
        if self.findings.is_empty() {
            return String::new();
        }
        let mut codes: Vec<&str> = self.findings.iter().map(|(_, f)| f.code).collect();
        codes.dedup();
        format!("要確認（{}）", codes.join("・"))
    }

    /// The actual as a finding at its cell suggests it was meant, in the
    /// column's dimension.
    fn fixed_actual(&self) -> Option<Amount> {
        let a = self.actual;
        self.findings
            .iter()
            .filter(|(_, f)| f.at == a.at)
            .filter_map(|(_, f)| f.expected())
            .filter_map(|e| Amount::parse(&e))
            .map(|m| {
                if m.unit.is_empty() {
                    Amount::of_number(m.value, a.column_unit.as_deref().unwrap_or_default())
                } else {
                    m
                }
            })
            .find(|m| m.dim.same(&a.amount.dim) || a.own_unit)
    }

    /// Whether `actual` meets the target, when both are of one dimension.
    fn met(&self, actual: &Amount) -> Option<bool> {
        let t = self.target?;
        t.amount
            .dim
            .same(&actual.dim)
            .then(|| self.cmp.met(actual.value, t.amount.value))
    }
}

/// Every actual of the 数値目標 sheets with its target, in sheet order.
fn lines<'a>(figs: &'a Targets, findings: &'a [Finding]) -> Vec<Line<'a>> {
    let mut at: HashMap<&Location, Vec<(u32, &Finding)>> = HashMap::new();
    for (i, f) in findings.iter().enumerate() {
        if f.at.cell.is_some() {
            at.entry(&f.at).or_default().push((i as u32 + 1, f));
        }
    }
    figs.values
        .iter()
        .filter(|v| !v.is_target)
        .map(|actual| {
            let target = figs
                .paired(actual, true, actual.year)
                .next()
                .map(|(_, v)| v);
            let cmp = target
                .and_then(|v| v.comparator)
                .or(actual.comparator)
                .unwrap_or(Comparator::AtLeast);
            let mut found: Vec<(u32, &Finding)> = [Some(actual), target]
                .into_iter()
                .flatten()
                .filter_map(|v| at.get(&v.at))
                .flatten()
                .copied()
                .collect();
            found.sort_by_key(|(row, _)| *row);
            Line {
                actual,
                target,
                cmp,
                findings: found,
            }
        })
        .collect()
}

/// Number formats by decimals shown, so `94.4` stays `94.4` and
/// `9,201,903` gets its separators.
struct Numbers([Format; 4]);

impl Numbers {
    fn new() -> Numbers {
        Numbers([0, 1, 2, 3].map(|d| {
            let f = if d == 0 {
                "#,##0".to_string()
            } else {
                format!("#,##0.{}", "0".repeat(d))
            };
            super::base().set_num_format(f)
        }))
    }

    /// The format showing `v` as printed in the column's unit.
    fn of(&self, v: &TargetValue, amount: &Amount) -> &Format {
        let mut s = amount.step / column_scale(v);
        let mut d = 0;
        while s < 0.999 && d < 3 {
            s *= 10.0;
            d += 1;
        }
        &self.0[d]
    }
}

pub(super) fn sheet(
    ws: &mut Worksheet,
    st: &Styles,
    out: &Results,
    links: &Linker,
) -> Result<(), XlsxError> {
    ws.set_name("数値目標")?;
    let mut links = links.sheet();
    let lines = lines(out.batch.targets(), out.findings);
    let numbers = Numbers::new();
    let mut widths = Widths::new(&HEADERS);
    for line in &lines {
        for (c, v) in line.texts().iter().enumerate() {
            widths.see(c, v);
        }
        widths.see(NOTE as usize, &line.note());
        widths.see(SOURCE as usize, &line.actual.at.to_string());
    }
    let mut fixed = widths.fix(ws, &[10, 30, 12, 6, 6, 14, 14, 8, 14, 16, 14, 10, 50])?;
    for c in [5, 6, 8, 10] {
        fixed.set_width(ws, c, 14.0)?;
    }
    header_row(ws, st, &HEADERS)?;
    ws.set_row_height(0, 30)?;
    // Too wide for one A4 page at 80%: the checks (点検…) or the sources go
    // to pages of their own, ID, 指標 and 年度 repeated.
    let page = Page::new("数値目標", Some(out.batch.year))
        .landscape()
        .columns(fixed.columns())
        .key_columns(0, 2)
        .breaks(&[NOTE, SOURCE])
        .gridlines();
    print::setup(ws, &page)?;
    for (row, line) in (1u32..).zip(&lines) {
        let (actual, target) = (line.actual, line.target);
        for (c, v) in line.texts().iter().enumerate() {
            ws.write_string_with_format(row, c as u16, &*super::fit(v), &st.text)?;
        }
        if let Some(tv) = target {
            let v = in_column_unit(tv, &tv.amount);
            ws.write_number_with_format(row, 5, v, numbers.of(tv, &tv.amount))?;
        }
        let a = in_column_unit(actual, &actual.amount);
        ws.write_number_with_format(row, 6, a, numbers.of(actual, &actual.amount))?;
        let doubted = !line.findings.is_empty();
        let verdict = match line.met(&actual.amount) {
            _ if doubted => Some(("要確認", &st.agreement_tie)),
            Some(true) => Some(("達成", &st.center)),
            Some(false) => Some(("未達成", &st.agreement_tie)),
            None => None,
        };
        if let Some((label, fmt)) = verdict {
            ws.write_string_with_format(row, 7, label, fmt)?;
        }
        if let (Some(tv), false, Some(_)) = (target, doubted, line.met(&actual.amount)) {
            // Rounded: the difference of two decimals carries float noise.
            let gap = ((a - in_column_unit(tv, &tv.amount)) * 1e6).round() / 1e6;
            ws.write_number_with_format(row, 8, gap, numbers.of(actual, &actual.amount))?;
        }
        if let Some(&(first, _)) = line.findings.first() {
            let url = Url::new(format!("internal:'エラー報告'!A{}", first + 1))
                .set_text(line.note())
                .set_tip("エラー報告の該当行を開く");
            ws.write_url_with_format(row, NOTE, url, &st.link)?;
        }
        if let Some(fixed) = line.fixed_actual() {
            let v = in_column_unit(actual, &fixed);
            ws.write_number_with_format(row, 10, v, numbers.of(actual, &fixed))?;
            let label = match line.met(&fixed) {
                Some(true) => "達成",
                Some(false) => "未達成",
                None => "",
            };
            ws.write_string_with_format(row, 11, label, &st.center)?;
        }
        write_linked(
            ws,
            row,
            SOURCE,
            &actual.at.to_string(),
            Some(&actual.at),
            &mut links,
            &st.link,
        )?;
    }
    Ok(())
}
