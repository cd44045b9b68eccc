//! 集計: the counts of chapter 1 per year, in total and per 基本方針, and two
//! charts: the grade distribution per 基本方針 for the evaluated year, and the
//! years side by side.

use rust_xlsxwriter::{Chart, ChartType, Workbook, XlsxError};

use super::print::{self, Page, column_px};
use super::{Styles, header_row};
use crate::facts::batch::Batch;
use crate::report::counts::all_counts;

pub(super) fn sheet(wb: &mut Workbook, st: &Styles, b: &Batch) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name("集計")?;
    let headers = [
        "年度",
        "範囲",
        "個別評価 A",
        "個別評価 B",
        "個別評価 C",
        "個別評価 —",
        "個別評価 未記入",
        "評価 A",
        "評価 B",
        "評価 C",
        "評価 —",
        "評価 未記入",
        "評価 同率",
    ];
    header_row(ws, st, &headers)?;
    ws.set_row_height(0, HEADER_HEIGHT)?;
    // Years after the evaluated one carry no grades yet: they would only add
    // rows of —.
    let rows: Vec<_> = all_counts(b)
        .into_iter()
        .filter(|c| c.year <= b.year)
        .collect();
    for (i, c) in rows.iter().enumerate() {
        let row = (i + 1) as u32;
        let scope = match c.policy {
            None => "全体".to_string(),
            Some(p) => format!("基本方針{p}"),
        };
        ws.write_string_with_format(row, 0, c.year.label(), &st.text)?;
        ws.write_string_with_format(row, 1, scope, &st.text)?;
        let nums = c
            .actions
            .iter()
            .chain([&c.actions_missing])
            .chain(c.items.iter())
            .chain([&c.items_missing, &c.items_tied]);
        for (j, n) in nums.enumerate() {
            ws.write_number_with_format(row, (j + 2) as u16, *n as f64, &st.center)?;
        }
    }
    let mut columns = vec![12.0, 12.0];
    columns.resize(headers.len(), 10.0);
    for (c, w) in columns.iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    // The evaluated year's rows per 基本方針, for the first chart.
    let policy_rows: Vec<u32> = rows
        .iter()
        .enumerate()
        .filter(|(_, c)| c.year == b.year && c.policy.is_some())
        .map(|(i, _)| (i + 1) as u32)
        .collect();
    // A small table of the totals of each year up to the evaluated one, for the
    // second chart (its rows are not contiguous in the table above).
    let top = rows.len() as u32 + 3;
    ws.write_string_with_format(top, 0, "年度（全体）", &st.header)?;
    for (j, h) in ["A", "B", "C"].iter().enumerate() {
        ws.write_string_with_format(top, (j + 1) as u16, *h, &st.header)?;
    }
    let totals: Vec<_> = rows
        .iter()
        .filter(|c| c.policy.is_none() && c.year <= b.year)
        .collect();
    for (i, c) in totals.iter().enumerate() {
        let r = top + 1 + i as u32;
        ws.write_string_with_format(r, 0, c.year.label(), &st.text)?;
        for j in 0..3 {
            ws.write_number_with_format(r, (j + 1) as u16, c.actions[j] as f64, &st.center)?;
        }
    }
    let name = "集計";
    let chart_row = top + totals.len() as u32 + 3;
    if let (Some(&first), Some(&last)) = (policy_rows.first(), policy_rows.last()) {
        let mut chart = Chart::new(ChartType::Column);
        for (j, g) in ["A", "B", "C"].iter().enumerate() {
            chart
                .add_series()
                .set_name(&format!("個別評価 {g}"))
                .set_categories((name, first, 1, last, 1))
                .set_values((name, first, (j + 2) as u16, last, (j + 2) as u16))
                .set_format(rust_xlsxwriter::ChartFormat::new().set_solid_fill(
                    rust_xlsxwriter::ChartSolidFill::new().set_color(CHART_COLORS[j]),
                ));
        }
        chart
            .title()
            .set_name(&format!("{} 基本方針別の個別評価", b.year));
        chart.x_axis().set_name("基本方針");
        chart.y_axis().set_name("取組内容の数");
        chart.set_width(CHART_WIDTH).set_height(CHART_HEIGHT);
        ws.insert_chart(chart_row, 0, &chart)?;
    }
    if !totals.is_empty() {
        let (first, last) = (top + 1, top + totals.len() as u32);
        let mut chart = Chart::new(ChartType::Column);
        for (j, g) in ["A", "B", "C"].iter().enumerate() {
            chart
                .add_series()
                .set_name(&format!("個別評価 {g}"))
                .set_categories((name, first, 0, last, 0))
                .set_values((name, first, (j + 1) as u16, last, (j + 1) as u16))
                .set_format(rust_xlsxwriter::ChartFormat::new().set_solid_fill(
                    rust_xlsxwriter::ChartSolidFill::new().set_color(CHART_COLORS[j]),
                ));
        }
        chart.title().set_name("年度別の個別評価");
        chart.y_axis().set_name("取組内容の数");
        chart.set_width(CHART_WIDTH).set_height(CHART_HEIGHT);
        ws.insert_chart(chart_row, CHART2_COL, &chart)?;
    }
    // One page across, the charts included; they start a page of their own
    // when the tables leave no room for them.
    let charts_right = (columns.iter().take(CHART2_COL as usize))
        .map(|w| column_px(*w))
        .sum::<f64>()
        + f64::from(CHART_WIDTH);
    let tables = HEADER_HEIGHT + 15.0 * f64::from(chart_row - 1);
    let charts = f64::from(CHART_HEIGHT) * 0.75;
    let page = Page::new("集計", Some(b.year))
        .landscape()
        .columns(&columns)
        .min_width_px(charts_right)
        .fit_height(tables + charts);
    let printed = print::setup(ws, &page)?;
    if tables + charts > printed.body_height {
        ws.set_page_breaks(&[chart_row])?;
    }
    Ok(())
}

/// Points of the header row.
const HEADER_HEIGHT: f64 = 30.0;
/// The second chart's column, and the charts' size in pixels.
const CHART2_COL: u16 = 7;
const CHART_WIDTH: u32 = 560;
const CHART_HEIGHT: u32 = 280;

/// Chart colours of A, B, C: darker than the cell fills so bars stand out.
const CHART_COLORS: [u32; 3] = [0x4E9A06, 0x3465A4, 0xCC0000];
