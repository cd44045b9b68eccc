//! 評価一覧: one row per action of the plan, with its grades per year, the
//! change from the previous year, the item grade as submitted and as derived,
//! and a link to the source cell.

use rust_xlsxwriter::{
    Color, ConditionalFormatText, ConditionalFormatTextRule, Format, Worksheet, XlsxError,
};

use super::links::Linker;
use super::print::{self, Page};
use super::{GRADE_COLORS, Styles, Widths, header_row, write_linked};
use crate::facts::batch::{Agreement, Batch};
use crate::model::grade::Grade;
use crate::model::plan::ActionRef;

pub(super) fn departments(a: &ActionRef, b: &Batch) -> String {
    if !a.action.departments.is_empty() {
        return a.action.departments.join("・");
    }
    b.item(a.id.item)
        .and_then(|i| i.sheets.first())
        .and_then(|r| b.record(*r).owner.as_deref().map(str::to_string))
        .unwrap_or_default()
}

fn arrow(prev: Option<Grade>, cur: Option<Grade>) -> &'static str {
    match (prev.and_then(Grade::rank), cur.and_then(Grade::rank)) {
        (Some(p), Some(c)) if c > p => "↑",
        (Some(p), Some(c)) if c < p => "↓",
        (Some(_), Some(_)) => "→",
        _ => "",
    }
}

pub(super) fn sheet(
    ws: &mut Worksheet,
    st: &Styles,
    b: &Batch,
    links: &Linker,
) -> Result<(), XlsxError> {
    ws.set_name("評価一覧")?;
    let mut links = links.sheet();
    let years = b.plan.years();
    let y = b.year;
    let mut headers: Vec<String> = ["ID", "基本方針", "取組項目", "取組内容", "担当課"]
        .map(String::from)
        .to_vec();
    headers.extend(years.iter().map(|y| format!("個別評価\n{}", y.short())));
    headers.push(format!("前年度比\n{}", y.short()));
    headers.extend(years.iter().map(|y| format!("評価\n{}", y.short())));
    headers.push(format!("算定評価\n{}", y.short()));
    headers.push(format!("判定\n{}", y.short()));
    headers.push("ファイル".into());
    headers.push("シート".into());
    let hrefs: Vec<&str> = headers.iter().map(String::as_str).collect();
    header_row(ws, st, &hrefs)?;
    // The grade columns are narrow for printing: their headers take 3 lines.
    ws.set_row_height(0, HEADER_HEIGHT)?;
    let mut widths = Widths::new(&hrefs);
    let nyears = years.len();
    // 算定評価, 判定 and ファイル wrap too; シート holds the link.
    let file_col = (5 + 2 * nyears + 3) as u16;
    let wrapped = |col: u16| col <= 4 || (file_col - 2..=file_col).contains(&col);
    for (i, a) in b.plan.actions().enumerate() {
        let row = (i + 1) as u32;
        let res = &b.actions[i];
        let item = b.item(a.id.item);
        let mut col = 0u16;
        let mut put =
            |ws: &mut Worksheet, s: &str, f: &Format, col: &mut u16| -> Result<(), XlsxError> {
                ws.write_string_with_format(row, *col, &*super::fit(s), f)?;
                if wrapped(*col) {
                    widths.see_wrapped(row, *col as usize, s);
                } else {
                    widths.see(*col as usize, s);
                }
                *col += 1;
                Ok(())
            };
        let name = if a.action.relists.is_some() && !a.action.name.contains("再掲") {
            format!("{}（再掲）", a.action.name)
        } else {
            a.action.name.clone()
        };
        put(ws, &a.id.to_string(), &st.text, &mut col)?;
        put(
            ws,
            &format!("{} {}", a.item.policy.number, a.item.policy.name),
            &st.wrap,
            &mut col,
        )?;
        put(
            ws,
            &format!("({}) {}", a.item.item.number, a.item.item.name),
            &st.wrap,
            &mut col,
        )?;
        put(ws, &name, &st.wrap, &mut col)?;
        put(ws, &departments(&a, b), &st.wrap, &mut col)?;
        for yy in &years {
            let g = res.grade(*yy);
            put(ws, g.map(Grade::symbol).unwrap_or(""), &st.center, &mut col)?;
        }
        put(
            ws,
            arrow(res.grade(y.prev()), res.grade(y)),
            &st.center,
            &mut col,
        )?;
        for yy in &years {
            let g = item.and_then(|i| i.year(*yy)).and_then(|iy| iy.submitted);
            put(ws, g.map(Grade::symbol).unwrap_or(""), &st.center, &mut col)?;
        }
        let iy = item.and_then(|i| i.year(y));
        put(
            ws,
            &iy.map(|iy| iy.derived.to_string()).unwrap_or_default(),
            &st.center,
            &mut col,
        )?;
        let (verdict, vf) = match iy.map(|iy| iy.agreement) {
            Some(Agreement::Differs) => (Agreement::Differs.ja(), &st.agreement_bad),
            Some(Agreement::Tie) => (Agreement::Tie.ja(), &st.agreement_tie),
            Some(a) => (a.ja(), &st.center),
            None => ("未提出", &st.agreement_bad),
        };
        put(ws, verdict, vf, &mut col)?;
        let (file, sheet, at) = match res.source {
            Some((r, p)) => {
                let record = b.record(r);
                // The evaluated year's 個別評価, else the 主な事業 heading.
                let at = match record.projects[p].grades.as_ref().and_then(|g| g.cell(y)) {
                    Some(c) => Some(record.loc(c.cell)),
                    None => b.project(r, p).map(|project| project.heading.at.clone()),
                };
                // The file's name only: the full path is in 提出状況, the link has it.
                let path = &*b.files[r.file].path;
                let name = std::path::Path::new(path)
                    .file_name()
                    .map_or(path.to_string(), |n| n.to_string_lossy().into_owned());
                (name, record.sheet.to_string(), at)
            }
            None => (String::new(), String::new(), None),
        };
        put(ws, &file, &st.wrap, &mut col)?;
        write_linked(ws, row, col, &sheet, at.as_ref(), &mut links, &st.link)?;
        widths.see(col as usize, &sheet);
    }
    // Grade colours as conditional formats, so a grade corrected in Excel
    // recolours itself.
    let last_row = b.plan.actions().count() as u32;
    let grade_cols = [(5u16, nyears), ((5 + nyears + 1) as u16, nyears)];
    for (first, n) in grade_cols {
        for (sym, rgb) in ["A", "B", "C"].into_iter().zip(GRADE_COLORS) {
            let cf = ConditionalFormatText::new()
                .set_rule(ConditionalFormatTextRule::BeginsWith(sym.to_string()))
                .set_format(Format::new().set_background_color(Color::RGB(rgb)));
            ws.add_conditional_format(1, first, last_row, first + n as u16 - 1, &cf)?;
        }
    }
    // Narrow enough that ID to 判定 print on A4 landscape at 85%: the
    // grade columns one symbol wide, long names wrapped.
    let mut caps = vec![8, 10, 14, 24, 10];
    caps.extend(std::iter::repeat_n(3, nyears + 1 + nyears));
    caps.extend([7, 8, 34, 22]);
    let (fixed, heights) = widths.apply(ws, &caps)?;
    let last_col = (hrefs.len() - 1) as u16;
    ws.autofilter(0, 0, b.plan.actions().count() as u32, last_col)?;
    // What does not fit one page across (ファイル, シート) prints on pages
    // of its own after the grades, the ID repeated on the left.
    let breaks = [5, file_col];
    let page = Page::new("評価一覧", Some(y))
        .landscape()
        .columns(fixed.columns())
        .key_columns(0, 0)
        .breaks(&breaks);
    let printed = print::setup(ws, &page)?;
    // A page starts with a 取組項目 rather than split one, where it fits.
    let items: Vec<_> = b.plan.actions().map(|a| a.id.item).collect();
    let rows = items.iter().enumerate().map(|(i, item)| {
        let row = (i + 1) as u32;
        let starts = i == 0 || items[i - 1] != *item;
        (row, heights.get(&row).copied().unwrap_or(15.0), starts)
    });
    let mut breaks = print::group_breaks(rows, printed.body_height - HEADER_HEIGHT);
    breaks.truncate(1023);
    ws.set_page_breaks(&breaks)?;
    Ok(())
}

/// Points of the header row: three lines in the grade columns.
const HEADER_HEIGHT: f64 = 44.0;
