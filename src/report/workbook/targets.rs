//! 数値目標: every target of the 数値目標 sheets with its actual, both in the
//! column's unit (so `8,447,029円` in a 千円 column shows as 8,447.029), whether
//! it was achieved under its comparator, and the gap.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::links::Linker;
use super::{Styles, Widths, header_row, write_linked};
use crate::facts::batch::Batch;
use crate::facts::quantity::amount::Amount;
use crate::facts::targets::{TargetValue, Targets};
use crate::model::figure::Comparator;

/// The value in the column's unit (`千円` → thousands of yen).
fn in_column_unit(v: &TargetValue) -> f64 {
    let scale = v
        .column_unit
        .as_deref()
        .map_or(1.0, |u| Amount::of_number(1.0, u).value);
    v.amount.value / scale
}

const HEADERS: [&str; 12] = [
    "ID",
    "指標",
    "年度",
    "目標",
    "実績",
    "単位",
    "比較",
    "目標\n（単位換算）",
    "実績\n（単位換算）",
    "達成",
    "差\n（実績−目標）",
    "出典",
];

/// An actual with its target (same action, indicator and year) and the
/// comparator that judges it.
struct Line<'a> {
    actual: &'a TargetValue,
    target: Option<&'a TargetValue>,
    cmp: Comparator,
}

impl Line<'_> {
    /// The texts of columns A–G.
    fn texts(&self) -> [String; 7] {
        let a = self.actual;
        [
            a.action.map(|a| a.to_string()).unwrap_or_default(),
            a.indicator.to_string(),
            a.year.label(),
            self.target.map(|v| v.raw.to_string()).unwrap_or_default(),
            a.raw.to_string(),
            a.column_unit.as_deref().unwrap_or_default().to_string(),
            self.cmp.ja().to_string(),
        ]
    }
}

/// Every actual of the 数値目標 sheets with its target, in sheet order.
fn lines(figs: &Targets) -> Vec<Line<'_>> {
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
            Line {
                actual,
                target,
                cmp,
            }
        })
        .collect()
}

pub(super) fn sheet(
    ws: &mut Worksheet,
    st: &Styles,
    b: &Batch,
    links: &Linker,
) -> Result<(), XlsxError> {
    ws.set_name("数値目標")?;
    let mut links = links.sheet();
    let lines = lines(b.targets());
    let mut widths = Widths::new(&HEADERS);
    for line in &lines {
        for (c, v) in line.texts().iter().enumerate() {
            widths.see(c, v);
        }
        widths.see(11, &line.actual.at.to_string());
    }
    widths.fix(ws, &[10, 30, 12, 16, 16, 6, 6, 14, 14, 8, 14, 50])?;
    for c in 7..=10 {
        ws.set_column_width(c, 14)?;
    }
    header_row(ws, st, &HEADERS)?;
    ws.set_row_height(0, 30)?;
    for (row, line) in (1u32..).zip(&lines) {
        let (actual, target, cmp) = (line.actual, line.target, line.cmp);
        for (c, v) in line.texts().iter().enumerate() {
            ws.write_string_with_format(row, c as u16, &*super::fit(v), &st.text)?;
        }
        let a = in_column_unit(actual);
        if let Some(tv) = target {
            ws.write_number_with_format(row, 7, in_column_unit(tv), &st.number)?;
        }
        ws.write_number_with_format(row, 8, a, &st.number)?;
        if let Some(tv) = target.filter(|tv| tv.amount.dim.same(&actual.amount.dim)) {
            let met = cmp.met(actual.amount.value, tv.amount.value);
            let (label, fmt) = if met {
                ("達成", &st.center)
            } else {
                ("未達成", &st.agreement_tie)
            };
            ws.write_string_with_format(row, 9, label, fmt)?;
            // Rounded: the difference of two decimals carries float noise.
            let gap = ((a - in_column_unit(tv)) * 1e6).round() / 1e6;
            ws.write_number_with_format(row, 10, gap, &st.number)?;
        }
        write_linked(
            ws,
            row,
            11,
            &actual.at.to_string(),
            Some(&actual.at),
            &mut links,
            &st.link,
        )?;
    }
    Ok(())
}
