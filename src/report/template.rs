//! The blank workbook a department fills in (`hyoka template`): one 評価シート
//! per item it owns, laid out as the format README describes and pre-filled
//! from the plan, plus a 数値目標 sheet for its targets. Grade cells offer a
//! dropdown (A / B / C / —); years after the evaluated one are pre-filled with
//! — and locked; labels are locked (sheet protection without a password) and
//! input cells shaded. `--from` carries last year's texts and grades over.

use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, Format, FormatAlign, FormatBorder, Workbook,
    Worksheet, XlsxError,
};

use crate::model::form::{Label, PanelKind, RowKind, TargetColumn};
use crate::model::grade::Grade;
use crate::model::plan::{ItemRef, Plan};
use crate::model::sheet::EvalSheet;
use crate::model::text::circled;
use crate::model::year::FiscalYear;

const FONT: &str = "游ゴシック";
/// Input cells: shaded so departments see where to write.
const INPUT_FILL: u32 = 0xFFF2CC;

struct Styles {
    label: Format,
    fixed: Format,
    input: Format,
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
        input: base
            .clone()
            .set_unlocked()
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
    pub grades: Vec<(FiscalYear, String)>,
}

/// Last year's sheet, per action number.
pub fn carried_from(sheet: &EvalSheet) -> Vec<(u8, Carried)> {
    sheet
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
            let grades = p
                .grades
                .as_ref()
                .map(|g| {
                    g.cells_with_raw()
                        .map(|(c, raw)| (c.year, raw.to_string()))
                        .collect()
                })
                .unwrap_or_default();
            Some((n, Carried { measures, grades }))
        })
        .collect()
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
    from: &[(u8, Carried)],
) -> Result<(), XlsxError> {
    ws.set_name(item.id.to_string())?;
    let form = &plan.form;
    let years = plan.years();
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
        &st.fixed,
    )?;
    row += 1;
    line(
        ws,
        row,
        form.label(Label::Item),
        &format!("({}) {}", item.item.number, item.item.name),
        &st.fixed,
    )?;
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
        &st.fixed,
    )?;
    ws.set_row_height(row, 14.0 * (actions.len() as f64 * 2.0).max(2.0))?;
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
        &st.fixed,
    )?;
    row += 1;
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
    grades(ws, row, form.label(Label::ItemGrade), &[])?;
    row += 3;
    let (y0, y1, y2) = (FiscalYear(year.0 - 2), year.prev(), year);
    for a in &item.item.actions {
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
            &st.fixed,
        )?;
        row += 1;
        let carried = from
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
                ws.set_row_height(row + 2, 60.0)?;
                row += 2;
            }
            row += 1;
        }
        grades(ws, row, form.label(Label::ActionGrade), &carried.grades)?;
        row += 3;
    }
    ws.write_string_with_format(row, 0, form.label(Label::Future), &st.label)?;
    ws.merge_range(row, 1, row, 5, "", &st.input)?;
    ws.set_row_height(row, 80.0)?;
    ws.set_column_width(0, 14)?;
    for c in 1..=5 {
        ws.set_column_width(c, 18)?;
    }
    ws.set_landscape()
        .set_paper_size(9)
        .set_print_fit_to_pages(1, 0);
    ws.protect();
    Ok(())
}

/// The 数値目標 sheet: one 目標 and one 実績 row per target action, values
/// as numbers in the unit of their row.
fn targets_sheet(
    ws: &mut Worksheet,
    st: &Styles,
    plan: &Plan,
    items: &[ItemRef],
    year: FiscalYear,
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
    let years = [year.prev(), year];
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
    let mut r = 1u32;
    for (item, a) in rows {
        for kind in [RowKind::Target, RowKind::Actual].map(|k| form.row_word(k)) {
            let id = format!("{}-{}", item, circled(a.number));
            ws.write_string_with_format(r, 0, &id, &st.fixed)?;
            ws.write_string_with_format(
                r,
                1,
                a.indicator.as_deref().unwrap_or(&a.name),
                &st.fixed,
            )?;
            ws.write_string_with_format(r, 2, kind, &st.fixed)?;
            for c in 0..years.len() as u16 {
                ws.write_blank(r, 3 + c, &st.input)?;
            }
            ws.add_data_validation(r, 3, r, 2 + years.len() as u16, &numbers)?;
            ws.write_string_with_format(
                r,
                3 + years.len() as u16,
                a.unit.as_deref().unwrap_or(""),
                &st.fixed,
            )?;
            ws.write_string_with_format(
                r,
                4 + years.len() as u16,
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
    ws.protect();
    Ok(true)
}

/// Builds the template for `items`.
pub fn build(
    plan: &Plan,
    items: &[ItemRef],
    year: FiscalYear,
    from: &[(crate::model::plan::ItemId, Vec<(u8, Carried)>)],
) -> Result<Vec<u8>, XlsxError> {
    let st = styles();
    let mut wb = Workbook::new();
    for item in items {
        let carried = from
            .iter()
            .find(|(id, _)| *id == item.id)
            .map_or(&[][..], |(_, c)| c.as_slice());
        eval_sheet(wb.add_worksheet(), &st, plan, *item, year, carried)?;
    }
    let mut ws = Worksheet::new();
    if targets_sheet(&mut ws, &st, plan, items, year)? {
        wb.push_worksheet(ws);
    }
    wb.save_to_buffer()
}
