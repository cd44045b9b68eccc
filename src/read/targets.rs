//! Parses a 数値目標 sheet: a table whose columns are found by their header
//! text (取組内容, 指標, 区分, year columns, 単位, 比較), wherever the table starts.

use crate::model::form::{Form, TargetColumn};
use crate::model::location::Located;
use crate::model::plan::ActionId;
use crate::model::sheet::{TargetRow, TargetSheet};
use crate::model::text::key;
use crate::model::year::{FiscalYear, split_year};
use crate::read::grid::Grid;

/// How far down the header row may be.
const HEADER_SCAN_ROWS: u32 = 30;

#[derive(Default, Debug)]
struct Columns {
    action: Option<u32>,
    indicator: Option<u32>,
    kind: Option<u32>,
    unit: Option<u32>,
    comparator: Option<u32>,
    years: Vec<(u32, FiscalYear)>,
}

fn columns(g: &Grid, row: u32, form: &Form) -> Columns {
    let mut c = Columns::default();
    for (col, v) in g.row_cells(row, 0) {
        let k = key(&v.text());
        match form.target_column(&k) {
            Some(TargetColumn::Action) => c.action = Some(col),
            Some(TargetColumn::Indicator) => c.indicator = Some(col),
            Some(TargetColumn::Kind) => c.kind = Some(col),
            Some(TargetColumn::Unit) => c.unit = Some(col),
            Some(TargetColumn::Comparator) => c.comparator = Some(col),
            None => {
                if let Some((y, rest)) = split_year(&k)
                    && (rest.is_empty() || rest.starts_with('年'))
                {
                    c.years.push((col, y));
                }
            }
        }
    }
    c
}

/// The header row: 区分, at least one year column, and 取組内容 or 指標.
pub fn header_row(g: &Grid, form: &Form) -> Option<u32> {
    (g.first_row()..g.end_row().min(g.first_row() + HEADER_SCAN_ROWS)).find(|&row| {
        let c = columns(g, row, form);
        c.kind.is_some() && !c.years.is_empty() && (c.action.is_some() || c.indicator.is_some())
    })
}

pub fn parse(g: &Grid, form: &Form) -> TargetSheet {
    let mut sheet = TargetSheet {
        file: g.file.clone(),
        sheet: g.sheet.clone(),
        rows: Vec::new(),
    };
    let Some(h) = header_row(g, form) else {
        return sheet;
    };
    let c = columns(g, h, form);
    let text = |row: u32, col: Option<u32>| {
        col.map(|col| g.located_text(row, col))
            .filter(|v: &Located<String>| !v.value.trim().is_empty())
    };
    let mut last_action: Option<Located<String>> = None;
    for row in h + 1..g.end_row() {
        if g.row_is_empty(row) {
            continue;
        }
        // A merged 取組内容 cell covers the rows below it.
        let action = text(row, c.action).or_else(|| last_action.clone());
        let indicator = text(row, c.indicator);
        let Some(action) = action.or_else(|| indicator.clone()) else {
            continue;
        };
        last_action = Some(action.clone());
        let kind = text(row, c.kind);
        sheet.rows.push(TargetRow {
            action_id: ActionId::parse(&action.value),
            action,
            indicator,
            row_kind: kind.as_ref().and_then(|k| form.row_kind(&key(&k.value))),
            kind,
            values: c
                .years
                .iter()
                .map(|&(col, y)| {
                    (
                        y,
                        Located {
                            value: g.get(row, col).clone(),
                            at: g.loc(row, col),
                        },
                    )
                })
                .collect(),
            unit: text(row, c.unit),
            comparator: text(row, c.comparator),
        });
    }
    sheet
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::cell::CellValue;

    #[test]
    fn finds_columns_by_header() {
        let t = |s: &str| CellValue::Text(s.into());
        let g = Grid::from_rows(
            "f",
            "数値目標",
            vec![
                vec![t("数値目標")],
                vec![
                    t("取組内容"),
                    t("指標"),
                    t("区分"),
                    t("令和5年度"),
                    t("令和６年度"),
                    t("単位"),
                    t("比較"),
                ],
                vec![
                    t("3-(4)-①"),
                    t("財政調整基金現在高"),
                    t("目標"),
                    CellValue::Number(5500000.0),
                    CellValue::Number(5500000.0),
                    t("千円"),
                    t("以上"),
                ],
                vec![
                    CellValue::Empty,
                    t("財政調整基金現在高"),
                    t("実績"),
                    t("9,249,275千円"),
                    CellValue::Number(9201903.0),
                    t("千円"),
                    t("以上"),
                ],
            ],
        );
        let form = Form::standard();
        assert_eq!(header_row(&g, form), Some(1));
        let s = parse(&g, form);
        assert_eq!(s.rows.len(), 2);
        assert_eq!(s.rows[1].action_id.unwrap().to_string(), "3-(4)-①");
        assert_eq!(s.rows[1].values[0].0, FiscalYear(2023));
        assert_eq!(s.rows[1].values[0].1.at.cell.unwrap().to_string(), "D4");
        assert_eq!(s.rows[0].unit.as_ref().unwrap().value, "千円");
    }
}
