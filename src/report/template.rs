//! The blank workbook a department fills in (`hyoka template`): one 評価シート
//! per item it owns, laid out as the format README describes and pre-filled
//! from the plan, plus a 数値目標 sheet for its targets. Grade cells offer a
//! dropdown (A / B / C / —); years after the evaluated one are pre-filled with
//! — and locked; labels are locked (sheet protection without a password,
//! rows may still be inserted, deleted and resized and cells formatted) and
//! input cells shaded. `--from` carries last year's texts, grades and
//! 数値目標 values over. Sheets print on A4 with page breaks between the
//! 主な事業 blocks.

use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, Format, FormatAlign, FormatBorder,
    ProtectionOptions, Workbook, Worksheet, XlsxError,
};

use crate::model::cell::CellValue;
use crate::model::form::{Label, PanelKind, RowKind, TargetColumn};
use crate::model::grade::Grade;
use crate::model::plan::{ActionId, ItemId, ItemRef, Plan};
use crate::model::sheet::{EvalSheet, GradeRow, TargetSheet};
use crate::model::text::circled;
use crate::model::year::FiscalYear;
use crate::report::workbook::print;

const FONT: &str = "游ゴシック";
/// Input cells: shaded so departments see where to write.
const INPUT_FILL: u32 = 0xFFF2CC;

struct Styles {
    label: Format,
    fixed: Format,
    /// Pre-filled from the plan, but the department may correct it.
    editable: Format,
    input: Format,
    /// A whole number carried into a 数値目標 cell: `9,201,903`.
    input_integer: Format,
    grade: Format,
    locked_grade: Format,
    header: Format,
}

fn styles() -> Styles {
    let base = Format::new()
        .set_font_name(FONT)
        .set_font_size(10)
        .set_align(FormatAlign::Top)
        .set_text_wrap()
        .set_border(FormatBorder::Thin);
    Styles {
        label: base
            .clone()
            .set_bold()
            .set_background_color(Color::RGB(0xDDEBF7)),
        fixed: base.clone(),
        editable: base.clone().set_unlocked(),
        input: base
            .clone()
            .set_unlocked()
            .set_background_color(Color::RGB(INPUT_FILL)),
        input_integer: base
            .clone()
            .set_unlocked()
            .set_num_format("#,##0")
            .set_background_color(Color::RGB(INPUT_FILL)),
        grade: base
            .clone()
            .set_align(FormatAlign::Center)
            .set_unlocked()
            .set_background_color(Color::RGB(INPUT_FILL)),
        locked_grade: base
            .clone()
            .set_align(FormatAlign::Center)
            .set_background_color(Color::RGB(0xEDEDED)),
        header: base.set_align(FormatAlign::Center).set_bold(),
    }
}

/// A panel carried over: its year, whether it is the 成果・効果 panel, its text.
pub type CarriedPanel = (FiscalYear, bool, String);

/// What last year's workbook said about one action (for `--from`).
#[derive(Default, Clone)]
pub struct Carried {
    /// Per measure: its name and panels.
    pub measures: Vec<(String, Vec<CarriedPanel>)>,
    /// The 個別評価, per year, as written.
    pub grades: Vec<(FiscalYear, String)>,
}

/// What last year's workbook said about one item (for `--from`).
#[derive(Default, Clone)]
pub struct CarriedSheet {
    /// The item's 評価, per year, as written.
    pub item_grades: Vec<(FiscalYear, String)>,
    /// Per action number.
    pub actions: Vec<(u8, Carried)>,
}

/// One 目標 or 実績 row of last year's 数値目標 sheet: its values per year.
pub type CarriedTarget = (ActionId, RowKind, Vec<(FiscalYear, CellValue)>);

/// Everything `--from` carries over.
#[derive(Default)]
pub struct CarriedBook {
    pub sheets: Vec<(ItemId, CarriedSheet)>,
    pub targets: Vec<CarriedTarget>,
}

fn raw_grades(row: Option<&GradeRow>) -> Vec<(FiscalYear, String)> {
    row.map(|g| {
        g.cells_with_raw()
            .map(|(c, raw)| (c.year, raw.to_string()))
            .collect()
    })
    .unwrap_or_default()
}

/// Last year's 数値目標 rows that name an action and say 目標 or 実績.
pub fn carried_targets(sheets: &[TargetSheet]) -> Vec<CarriedTarget> {
    sheets
        .iter()
        .flat_map(|t| &t.rows)
        .filter_map(|r| {
            let values = r
                .values
                .iter()
                .filter(|(_, v)| !v.value.is_empty())
                .map(|(y, v)| (*y, v.value.clone()))
                .collect();
            Some((r.action_id?, r.row_kind?, values))
        })
        .collect()
}

/// Last year's sheet: the item's grades and, per action number, its block.
pub fn carried_from(sheet: &EvalSheet) -> CarriedSheet {
    let actions = sheet
        .projects
        .iter()
        .filter_map(|p| {
            let n = p.number?;
            let measures = p
                .measures
                .iter()
                .map(|m| {
                    let panels = m
                        .panels
                        .iter()
                        .filter_map(|pa| {
                            let y = pa.year?;
                            Some((y, pa.kind == PanelKind::Result, pa.text.value.text()))
                        })
                        .collect();
                    (m.name.value.clone(), panels)
                })
                .collect();
            let grades = raw_grades(p.grades.as_ref());
            Some((n, Carried { measures, grades }))
        })
        .collect();
    CarriedSheet {
        item_grades: raw_grades(sheet.item_grades.as_ref()),
        actions,
    }
}

/// The options of every sheet's protection: the locked cells (labels, year
/// headers, the plan's names) cannot be changed, but rows can be inserted,
/// deleted and resized, columns resized and cells formatted.
fn protection() -> ProtectionOptions {
    ProtectionOptions {
        format_cells: true,
        format_columns: true,
        format_rows: true,
        insert_rows: true,
        delete_rows: true,
        ..ProtectionOptions::default()
    }
}

/// Page setup of an 評価シート: A4 portrait at a fixed scale (Excel ignores
/// manual page breaks on a sheet fitted to pages).
const EVAL_SCALE: u16 = 85;
/// The height of an A4 page available to rows at [`EVAL_SCALE`], in points,
/// with a margin for applications that draw rows a little taller.
const EVAL_PAGE_ROWS: f64 = (11.69 - 0.75 - 0.75) * 72.0 / (EVAL_SCALE as f64 / 100.0) * 0.97;
/// Height of a row of one line.
const LINE: f64 = 18.0;

/// Where pages should break so that no block (rows `start..end`) is split
/// unless it is longer than a page: before each block that does not fit in
/// what is left of the page. `repeated` is the height of the rows printed at
/// the top of every page.
fn page_breaks(blocks: &[(u32, u32)], height: impl Fn(u32) -> f64, repeated: f64) -> Vec<u32> {
    let mut breaks = Vec::new();
    let mut used = 0.0;
    let mut fresh = true;
    for &(start, end) in blocks {
        let h: f64 = (start..end).map(&height).sum();
        if !fresh && used + h > EVAL_PAGE_ROWS {
            breaks.push(start);
            used = repeated;
        }
        used += h;
        fresh = false;
    }
    breaks
}

fn grade_validation(year: FiscalYear) -> Result<DataValidation, XlsxError> {
    DataValidation::new()
        .allow_list_strings(&Grade::ALL.map(Grade::symbol))?
        .set_input_title(format!("{}の評価", year))?
        .set_input_message("A: 成果・効果が増大 / B: これまでと同様 / C: 成果・効果が確認できない / —: 評価不可（取組時期前など）")?
        .set_error_style(DataValidationErrorStyle::Stop)
        .set_error_message("A・B・C・— のいずれかを選んでください。")
}

/// Writes one 評価シート for `item`.
fn eval_sheet(
    ws: &mut Worksheet,
    st: &Styles,
    plan: &Plan,
    item: ItemRef,
    year: FiscalYear,
    from: &CarriedSheet,
) -> Result<(), XlsxError> {
    ws.set_name(item.id.to_string())?;
    let form = &plan.form;
    let years = plan.years();
    // Every row's height, so that the page breaks can be placed.
    let mut heights: Vec<f64> = Vec::new();
    let mut tall = |ws: &mut Worksheet, row: u32, h: f64| -> Result<(), XlsxError> {
        let r = row as usize;
        if heights.len() <= r {
            heights.resize(r + 1, LINE);
        }
        heights[r] = h;
        ws.set_row_height(row, h)?;
        Ok(())
    };
    let mut row = 0u32;
    let line = |ws: &mut Worksheet,
                row: u32,
                label: &str,
                value: &str,
                f: &Format|
     -> Result<(), XlsxError> {
        ws.write_string_with_format(row, 0, label, &st.label)?;
        ws.merge_range(row, 1, row, 5, value, f)?;
        Ok(())
    };
    let policy = form.label(Label::Policy);
    line(
        ws,
        row,
        policy,
        &format!("{policy}{} {}", item.policy.number, item.policy.name),
        &st.editable,
    )?;
    tall(ws, row, LINE)?;
    row += 1;
    line(
        ws,
        row,
        form.label(Label::Item),
        &format!("({}) {}", item.item.number, item.item.name),
        &st.editable,
    )?;
    tall(ws, row, LINE)?;
    row += 1;
    let actions: Vec<String> = item
        .item
        .actions
        .iter()
        .map(|a| {
            let head = format!("{} {}", circled(a.number), a.name);
            if a.description.is_empty() {
                head
            } else {
                format!("{head}\n{}", a.description)
            }
        })
        .collect();
    line(
        ws,
        row,
        form.label(Label::Actions),
        &actions.join("\n"),
        &st.editable,
    )?;
    tall(ws, row, 14.0 * (actions.len() as f64 * 2.0).max(2.0))?;
    row += 1;
    let depts: Vec<String> = item
        .item
        .actions
        .iter()
        .map(|a| format!("{}{}", circled(a.number), a.departments.join(" ")))
        .collect();
    line(
        ws,
        row,
        form.label(Label::Departments),
        &depts.join(" "),
        &st.editable,
    )?;
    tall(ws, row, LINE)?;
    row += 1;
    // A grade row: the year headers (locked) and below them one grade per
    // year: carried over for the years before `year`, empty for `year`, —
    // (locked) after it.
    let grades = |ws: &mut Worksheet,
                  row: u32,
                  label: &str,
                  carried: &[(FiscalYear, String)]|
     -> Result<(), XlsxError> {
        ws.write_string_with_format(row, 0, label, &st.label)?;
        for (k, y) in years.iter().enumerate() {
            let col = 1 + k as u16;
            ws.write_string_with_format(row, col, y.label(), &st.header)?;
            if *y > year {
                ws.write_string_with_format(row + 1, col, "—", &st.locked_grade)?;
            } else {
                let v = carried
                    .iter()
                    .find(|(cy, _)| cy == y && *y < year)
                    .map_or("", |(_, g)| g.as_str());
                ws.write_string_with_format(row + 1, col, v, &st.grade)?;
                ws.add_data_validation(row + 1, col, row + 1, col, &grade_validation(*y)?)?;
            }
        }
        ws.write_blank(row + 1, 0, &st.label)?;
        Ok(())
    };
    grades(ws, row, form.label(Label::ItemGrade), &from.item_grades)?;
    tall(ws, row, LINE)?;
    tall(ws, row + 1, LINE * 1.5)?;
    tall(ws, row + 2, LINE)?;
    row += 3;
    // Rows `start..end` of the header and of each block, for the page breaks.
    let mut blocks = vec![(0, row)];
    let (y0, y1, y2) = (FiscalYear(year.0 - 2), year.prev(), year);
    for a in &item.item.actions {
        let start = row;
        let relisted = if a.relists.is_some() {
            form.relisted_marker()
        } else {
            ""
        };
        line(
            ws,
            row,
            form.label(Label::Project),
            &format!("{} {}{}", circled(a.number), a.name, relisted),
            &st.editable,
        )?;
        tall(ws, row, LINE)?;
        row += 1;
        let carried = from
            .actions
            .iter()
            .find(|(n, _)| *n == a.number)
            .map(|(_, c)| c.clone())
            .unwrap_or_default();
        let measures = if carried.measures.is_empty() {
            vec![(String::new(), Vec::new())]
        } else {
            carried.measures.clone()
        };
        for (name, panels) in &measures {
            let text = |y: FiscalYear, result: bool| {
                panels
                    .iter()
                    .find(|(py, r, _)| *py == y && *r == result)
                    .map_or(String::new(), |(_, _, t)| t.clone())
            };
            ws.write_string_with_format(row, 0, form.label(Label::Measure), &st.label)?;
            ws.merge_range(row, 1, row, 5, name, &st.input)?;
            tall(ws, row, LINE * 2.0)?;
            for (h1, t1, h2, t2) in [
                (
                    form.panel_title(y2, PanelKind::Work),
                    String::new(),
                    form.panel_title(y2, PanelKind::Result),
                    String::new(),
                ),
                (
                    form.panel_title(y0, PanelKind::Work),
                    text(y0, false),
                    form.panel_title(y1, PanelKind::Work),
                    text(y1, false),
                ),
            ] {
                ws.write_blank(row + 1, 0, &st.label)?;
                ws.write_blank(row + 2, 0, &st.label)?;
                ws.merge_range(row + 1, 1, row + 1, 2, &h1, &st.header)?;
                ws.merge_range(row + 1, 3, row + 1, 5, &h2, &st.header)?;
                ws.merge_range(row + 2, 1, row + 2, 2, &t1, &st.input)?;
                ws.merge_range(row + 2, 3, row + 2, 5, &t2, &st.input)?;
                tall(ws, row + 1, LINE)?;
                tall(ws, row + 2, 80.0)?;
                row += 2;
            }
            row += 1;
        }
        grades(ws, row, form.label(Label::ActionGrade), &carried.grades)?;
        tall(ws, row, LINE)?;
        tall(ws, row + 1, LINE * 1.5)?;
        tall(ws, row + 2, LINE)?;
        row += 3;
        blocks.push((start, row));
    }
    ws.write_string_with_format(row, 0, form.label(Label::Future), &st.label)?;
    ws.merge_range(row, 1, row, 5, "", &st.input)?;
    tall(ws, row, 100.0)?;
    blocks.push((row, row + 1));
    ws.set_column_width(0, 14)?;
    for c in 1..=5 {
        ws.set_column_width(c, 18)?;
    }
    // A4 portrait, the item's two first rows on every page, breaks between
    // blocks.
    let height = |r: u32| heights.get(r as usize).copied().unwrap_or(LINE);
    let repeated = height(0) + height(1);
    let breaks = page_breaks(&blocks, height, repeated);
    ws.set_page_breaks(&breaks)?;
    ws.set_repeat_rows(0, 1)?;
    ws.set_portrait()
        .set_paper_size(print::A4)
        .set_print_scale(EVAL_SCALE)
        .set_margins(0.5, 0.5, 0.75, 0.75, 0.3, 0.3)
        .set_print_center_horizontally(true)
        .set_header(format!(
            "&L{}&R{}",
            print::escape(&format!("{} 評価シート", year)),
            print::escape(&item.id.to_string())
        ))
        .set_footer("&C&P / &N");
    ws.protect_with_options(&protection());
    Ok(())
}

/// The 数値目標 sheet: one 目標 and one 実績 row per target action, values
/// as numbers in the unit of their row. Carried values fill the years before
/// `year` (and give their columns); `year` is left to fill.
fn targets_sheet(
    ws: &mut Worksheet,
    st: &Styles,
    plan: &Plan,
    items: &[ItemRef],
    year: FiscalYear,
    carried: &[CarriedTarget],
) -> Result<bool, XlsxError> {
    let form = &plan.form;
    let rows: Vec<_> = items
        .iter()
        .flat_map(|i| i.item.actions.iter().map(move |a| (i.id, a)))
        .filter(|(_, a)| a.target)
        .collect();
    if rows.is_empty() {
        return Ok(false);
    }
    ws.set_name(form.targets_sheet())?;
    let carried_of = |id: ActionId, kind: RowKind| {
        carried
            .iter()
            .filter(move |(a, k, _)| *a == id && *k == kind)
            .flat_map(|(_, _, v)| v)
            .filter(|(y, _)| *y < year)
    };
    let mut years = vec![year.prev(), year];
    for (item, a) in &rows {
        let id = ActionId {
            item: *item,
            number: a.number,
        };
        for kind in [RowKind::Target, RowKind::Actual] {
            years.extend(carried_of(id, kind).map(|(y, _)| *y));
        }
    }
    years.sort();
    years.dedup();
    let header = |c| form.target_header(c).to_string();
    let mut headers = vec![
        header(TargetColumn::Action),
        header(TargetColumn::Indicator),
        header(TargetColumn::Kind),
    ];
    headers.extend(years.iter().map(|y| y.label()));
    headers.extend([header(TargetColumn::Unit), header(TargetColumn::Comparator)]);
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, h, &st.label)?;
    }
    let numbers = DataValidation::new()
        .allow_decimal_number(rust_xlsxwriter::DataValidationRule::Between(-1e15, 1e15))
        .set_input_message("数値だけを入力してください（単位は単位の列にあります）。")?
        .set_error_message("数値を入力してください。単位や「以上」は書きません。")?;
    let n = years.len() as u16;
    let mut r = 1u32;
    for (item, a) in rows {
        let action = ActionId {
            item,
            number: a.number,
        };
        for kind in [RowKind::Target, RowKind::Actual] {
            ws.write_string_with_format(r, 0, action.to_string(), &st.fixed)?;
            ws.write_string_with_format(
                r,
                1,
                a.indicator.as_deref().unwrap_or(&a.name),
                &st.fixed,
            )?;
            ws.write_string_with_format(r, 2, form.row_word(kind), &st.fixed)?;
            for (c, y) in years.iter().enumerate() {
                let col = 3 + c as u16;
                // The first value carried for the year (a workbook with two
                // rows for one action keeps the first).
                match carried_of(action, kind)
                    .find(|(cy, _)| cy == y)
                    .map(|(_, v)| v)
                {
                    Some(CellValue::Number(x)) if x.fract() == 0.0 => {
                        ws.write_number_with_format(r, col, *x, &st.input_integer)?
                    }
                    Some(CellValue::Number(x)) => {
                        ws.write_number_with_format(r, col, *x, &st.input)?
                    }
                    Some(v) => ws.write_string_with_format(r, col, v.text(), &st.input)?,
                    None => ws.write_blank(r, col, &st.input)?,
                };
            }
            ws.add_data_validation(r, 3, r, 2 + n, &numbers)?;
            ws.write_string_with_format(r, 3 + n, a.unit.as_deref().unwrap_or(""), &st.fixed)?;
            ws.write_string_with_format(
                r,
                4 + n,
                a.comparator.as_deref().unwrap_or("以上"),
                &st.fixed,
            )?;
            r += 1;
        }
    }
    ws.set_column_width(0, 10)?;
    ws.set_column_width(1, 30)?;
    for c in 2..headers.len() as u16 {
        ws.set_column_width(c, 14)?;
    }
    // A4 landscape, one page wide, the header row on every page.
    ws.set_repeat_rows(0, 0)?;
    ws.set_landscape()
        .set_paper_size(print::A4)
        .set_print_fit_to_pages(1, 0)
        .set_print_center_horizontally(true)
        .set_header(format!(
            "&L{}",
            print::escape(&format!("{} {}", year, form.targets_sheet()))
        ))
        .set_footer("&C&P / &N");
    ws.protect_with_options(&protection());
    Ok(true)
}

/// Builds the template for `items`.
pub fn build(
    plan: &Plan,
    items: &[ItemRef],
    year: FiscalYear,
    from: &CarriedBook,
) -> Result<Vec<u8>, XlsxError> {
    let st = styles();
    let mut wb = Workbook::new();
    let none = CarriedSheet::default();
    for item in items {
        let carried = from
            .sheets
            .iter()
            .find(|(id, _)| *id == item.id)
            .map_or(&none, |(_, c)| c);
        eval_sheet(wb.add_worksheet(), &st, plan, *item, year, carried)?;
    }
    let mut ws = Worksheet::new();
    if targets_sheet(&mut ws, &st, plan, items, year, &from.targets)? {
        wb.push_worksheet(ws);
    }
    wb.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_break_before_a_block_that_does_not_fit() {
        // Rows of 100pt: a header of 2 rows, then blocks of 3 rows.
        let page = (EVAL_PAGE_ROWS / 100.0).floor() as u32;
        let blocks: Vec<(u32, u32)> = std::iter::once((0, 2))
            .chain((0..6).map(|k| (2 + 3 * k, 5 + 3 * k)))
            .collect();
        let breaks = page_breaks(&blocks, |_| 100.0, 0.0);
        assert!(!breaks.is_empty());
        for b in &breaks {
            assert!(blocks.iter().any(|(s, _)| s == b), "{b} starts a block");
        }
        // Each page holds what fits of whole blocks.
        let mut starts = vec![0];
        starts.extend(&breaks);
        starts.push(blocks.last().unwrap().1);
        for w in starts.windows(2) {
            assert!(w[1] - w[0] <= page, "{w:?}");
        }
        // A block longer than a page still starts a page of its own.
        assert_eq!(page_breaks(&[(0, 1), (1, 100)], |_| 100.0, 0.0), [1]);
    }
}
