//! 数値目標: every target of the 数値目標 sheets with its actual, both in the
//! column's unit (so `8,447,029円` in a 千円 column shows as 8,447.029), whether
//! it was achieved under its comparator, and the gap.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::links::Linker;
use super::{Styles, Widths, header_row, write_linked};
use crate::derive::batch::Batch;
use crate::derive::figures::TargetValue;
use crate::model::figure::{Comparator, from_number};

/// The value in the column's unit (`千円` → thousands of yen).
fn in_column_unit(v: &TargetValue) -> f64 {
    let scale = v
        .column_unit
        .as_deref()
        .map_or(1.0, |u| from_number(1.0, u).value);
    v.figure.value / scale
}

pub(super) fn sheet(
    ws: &mut Worksheet,
    st: &Styles,
    b: &Batch,
    links: &Linker,
) -> Result<(), XlsxError> {
    ws.set_name("数値目標")?;
    let headers = [
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
    header_row(ws, st, &headers)?;
    ws.set_row_height(0, 30)?;
    let mut widths = Widths::new(&headers);
    let t = &b.figures().targets;
    for (row, actual) in (1u32..).zip(t.iter().filter(|v| !v.is_target)) {
        let target = t.iter().find(|v| {
            v.is_target
                && v.action == actual.action
                && v.indicator == actual.indicator
                && v.year == actual.year
        });
        let cmp = target
            .and_then(|v| v.comparator)
            .or(actual.comparator)
            .unwrap_or(Comparator::AtLeast);
        let texts = [
            actual.action.map(|a| a.to_string()).unwrap_or_default(),
            actual.indicator.clone(),
            actual.year.label(),
            target.map(|v| v.raw.clone()).unwrap_or_default(),
            actual.raw.clone(),
            actual.column_unit.clone().unwrap_or_default(),
            cmp.ja().to_string(),
        ];
        for (c, v) in texts.iter().enumerate() {
            ws.write_string_with_format(row, c as u16, v, &st.text)?;
            widths.see(c, v);
        }
        let a = in_column_unit(actual);
        if let Some(tv) = target {
            ws.write_number_with_format(row, 7, in_column_unit(tv), &st.number)?;
        }
        ws.write_number_with_format(row, 8, a, &st.number)?;
        if let Some(tv) = target.filter(|tv| tv.figure.unit.same_kind(&actual.figure.unit)) {
            let met = cmp.met(actual.figure.value, tv.figure.value);
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
            links,
            &st.link,
        )?;
        widths.see(11, &actual.at.to_string());
    }
    widths.apply(ws, &[10, 30, 12, 16, 16, 6, 6, 14, 14, 8, 14, 50])?;
    for c in 7..=10 {
        ws.set_column_width(c, 14)?;
    }
    Ok(())
}
