//! Parses a 評価シート by its labels, top to bottom. Blocks are found by the
//! label in the label column (normally A, sometimes shifted right); values are
//! the non-empty cells to the right of it, so inserted blank rows, merged cells
//! and shifted columns do not matter.

use crate::model::cell::CellValue;
use crate::model::form::{Form, Label, PanelKind};
use crate::model::location::{CellRef, Located, Location};
use crate::model::sheet::{ActionDecl, EvalSheet, GradeRow, Measure, Panel, Project};
use crate::model::text::split_circled;
use crate::model::year::{FiscalYear, parse_year_header};
use crate::read::grid::Grid;
use crate::read::panel_years;

/// What the rows after a label belong to.
enum State {
    None,
    /// A single-value label whose value was not in its own row.
    AwaitValue(Label, Location),
    /// Free text collected over several rows.
    Text(Label),
    /// Year headers read; the grade row comes next.
    AwaitGrades {
        label: Label,
        at: Location,
        header_row: u32,
        headers: Vec<(u32, FiscalYear)>,
    },
    /// Inside a 具体的な取組, with panel headers (column, header, year, kind)
    /// waiting for their text row.
    Measure(Vec<PendingPanel>),
}

/// A panel header waiting for its text: column, header, year, kind.
type PendingPanel = (u32, Located<String>, FiscalYear, PanelKind);

/// Parses an evaluation sheet whose label column is `lc` (found when the
/// sheet was classified). Panel texts are moved out of the grid.
pub fn parse_at(g: &mut Grid, lc: u32, form: &Form) -> EvalSheet {
    let rows = g.first_row()..g.end_row();
    parse_rows(g, lc, form, rows)
}

/// Every 取組項目 of a sheet: departments sometimes stack two items' blocks
/// on one sheet (`3-(4)(5)`), each starting again with 基本方針 and
/// 取組項目名. Each is read as its own sheet, so that the second item's
/// grades are never given to the first.
pub fn parse_items(g: &mut Grid, lc: u32, form: &Form) -> Vec<EvalSheet> {
    let starts = item_starts(g, lc, form);
    if starts.len() < 2 {
        return vec![parse_at(g, lc, form)];
    }
    let mut bounds = starts.clone();
    bounds[0] = g.first_row();
    bounds.push(g.end_row());
    bounds
        .windows(2)
        .map(|w| parse_rows(g, lc, form, w[0]..w[1]))
        .collect()
}

/// The rows where an item starts: each 取組項目名 row naming another item
/// than the one before (a title repeated for printing is not a new item), or
/// the 基本方針 row right above it.
fn item_starts(g: &Grid, lc: u32, form: &Form) -> Vec<u32> {
    let mut starts = Vec::new();
    let mut policy_row = None;
    let mut last_item: Option<String> = None;
    for row in g.first_row()..g.end_row() {
        match g.get(row, lc).as_text().and_then(|t| form.label_of(t)) {
            Some(Label::Policy) => policy_row = Some(row),
            Some(Label::Item) => {
                if let Some(v) = first_value(g, row, lc + 1) {
                    let k = crate::model::text::key(&v.value);
                    if last_item.as_ref() != Some(&k) {
                        starts.push(policy_row.filter(|p| row - p <= 2).unwrap_or(row));
                        last_item = Some(k);
                    }
                }
                policy_row = None;
            }
            Some(_) => policy_row = None,
            None => {}
        }
    }
    starts
}

fn parse_rows(g: &mut Grid, lc: u32, form: &Form, rows: std::ops::Range<u32>) -> EvalSheet {
    let vc = lc + 1;
    let mut s = EvalSheet {
        file: g.file.clone(),
        sheet: g.sheet.clone(),
        policy: None,
        policy_number: None,
        policy_name: None,
        item: None,
        actions_label: None,
        actions: Vec::new(),
        departments: None,
        departments_at: None,
        item_grades: None,
        projects: Vec::new(),
        future: None,
        future_at: None,
    };
    let mut state = State::None;
    for row in rows {
        let label = g.get(row, lc).as_text().and_then(|t| form.label_of(t));
        if let Some(label) = label {
            if let State::Measure(pending) = &mut state {
                empty_panels(&mut s, g, std::mem::take(pending));
            }
            if let State::AwaitGrades {
                label,
                at,
                header_row,
                headers,
            } = std::mem::replace(&mut state, State::None)
            {
                // The grade row never came: record empty cells below the headers.
                let cells = grade_cells(g, header_row + 1, &headers);
                finish_grades(&mut s, g, label, at, cells, form);
            }
            state = start(&mut s, g, row, lc, vc, label, form);
            continue;
        }
        if g.row_cells(row, vc).next().is_none() {
            continue;
        }
        state = match state {
            State::None => State::None,
            State::AwaitValue(label, at) => {
                let v = first_value(g, row, vc);
                if let Some(v) = v {
                    set_single(&mut s, label, v, form);
                } else {
                    let _ = at;
                }
                State::None
            }
            State::Text(label) => {
                append_text(&mut s, g, row, vc, label);
                State::Text(label)
            }
            State::AwaitGrades {
                label, at, headers, ..
            } => {
                let cells = grade_cells(g, row, &headers);
                finish_grades(&mut s, g, label, at, cells, form);
                State::None
            }
            State::Measure(pending) => measure_row(&mut s, g, row, vc, pending, form),
        };
    }
    if let State::AwaitGrades {
        label,
        at,
        header_row,
        headers,
    } = state
    {
        let cells = grade_cells(g, header_row + 1, &headers);
        finish_grades(&mut s, g, label, at, cells, form);
    }
    (s.policy_number, s.policy_name) = policy_parts(s.policy.as_ref(), form);
    for m in s.projects.iter_mut().flat_map(|p| &mut p.measures) {
        panel_years::settle(m);
    }
    s
}

/// The 基本方針 number and name written in the policy cell
/// (`基本方針 ３ 自主財源…` → 3, `自主財源…`): after the label's word, if the
/// cell repeats it.
fn policy_parts(policy: Option<&Located<String>>, form: &Form) -> (Option<u8>, Option<String>) {
    let Some(v) = policy else {
        return (None, None);
    };
    let word = crate::model::text::key(form.label(Label::Policy));
    let k = crate::model::text::key(&v.value);
    let rest = k.strip_prefix(word.as_str()).unwrap_or(&k);
    let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
    let folded: String = v
        .value
        .chars()
        .map(crate::model::text::fold_width)
        .collect();
    let t = folded.trim_start();
    let t = t.strip_prefix(form.label(Label::Policy)).unwrap_or(t);
    let name = t
        .trim_start()
        .trim_start_matches(|c: char| c.is_ascii_digit())
        .trim()
        .to_string();
    (digits.parse().ok(), Some(name))
}

fn first_value(g: &Grid, row: u32, vc: u32) -> Option<Located<String>> {
    g.row_cells(row, vc).next().map(|(c, v)| Located {
        value: v.text(),
        at: g.loc(row, c),
    })
}

fn set_single(s: &mut EvalSheet, label: Label, v: Located<String>, form: &Form) {
    match label {
        Label::Policy => s.policy = Some(v),
        Label::Item => s.item = Some(v),
        Label::Project => s.projects.push(project(v, form)),
        Label::Measure => {
            let p = current_project(s, &v.at, form);
            if p.heading.value.is_empty() && p.measures.is_empty() {
                // No 主な事業 row: departments then name the block in its first
                // measure (`② 広域連携サミットの実施`), which places it.
                let named = project(v.clone(), form);
                (p.number, p.name, p.relisted) = (named.number, named.name, named.relisted);
            }
            p.measures.push(Measure {
                name: v,
                panels: Vec::new(),
            })
        }
        _ => {}
    }
}

fn project(heading: Located<String>, form: &Form) -> Project {
    let (number, rest) = match split_circled(&heading.value) {
        Some((n, rest)) => (Some(n), rest.to_string()),
        None => (None, heading.value.trim().to_string()),
    };
    let (name, relisted) = form.strip_relisted(&rest);
    Project {
        heading,
        number,
        name,
        relisted,
        measures: Vec::new(),
        grades: None,
    }
}

/// The project that rows now belong to; a block without its 主な事業 gets an
/// empty one so nothing read is dropped (rules report the missing label).
fn current_project<'s>(s: &'s mut EvalSheet, at: &Location, form: &Form) -> &'s mut Project {
    if s.projects.is_empty() || s.projects.last().is_some_and(|p| p.grades.is_some()) {
        s.projects.push(project(
            Located {
                value: String::new(),
                at: at.clone(),
            },
            form,
        ));
    }
    s.projects.last_mut().expect("just ensured")
}

fn start(
    s: &mut EvalSheet,
    g: &Grid,
    row: u32,
    lc: u32,
    vc: u32,
    label: Label,
    form: &Form,
) -> State {
    let label_at = g.loc(row, lc);
    match label {
        Label::Policy | Label::Item | Label::Project | Label::Measure => {
            match first_value(g, row, vc) {
                Some(v) => {
                    let is_measure = label == Label::Measure;
                    set_single(s, label, v, form);
                    if is_measure {
                        State::Measure(Vec::new())
                    } else {
                        State::None
                    }
                }
                None if label == Label::Measure => {
                    set_single(
                        s,
                        label,
                        Located {
                            value: String::new(),
                            at: label_at,
                        },
                        form,
                    );
                    State::Measure(Vec::new())
                }
                None => State::AwaitValue(label, label_at),
            }
        }
        Label::Actions | Label::Departments | Label::Future => {
            match label {
                Label::Actions => s.actions_label = Some(label_at),
                Label::Departments => s.departments_at = Some(g.loc(row, vc)),
                _ => s.future_at = Some(g.loc(row, vc)),
            }
            append_text(s, g, row, vc, label);
            State::Text(label)
        }
        Label::ItemGrade | Label::ActionGrade => {
            let headers: Vec<(u32, FiscalYear)> = g
                .row_cells(row, vc)
                .filter_map(|(c, v)| parse_year_header(&v.text()).map(|y| (c, y)))
                .collect();
            State::AwaitGrades {
                label,
                at: label_at,
                header_row: row,
                headers,
            }
        }
    }
}

fn append_text(s: &mut EvalSheet, g: &Grid, row: u32, vc: u32, label: Label) {
    for (c, v) in g.row_cells(row, vc) {
        let text = v.text();
        let at = g.loc(row, c);
        match label {
            Label::Actions => add_action_lines(s, &text, at),
            Label::Departments => join(&mut s.departments, text, at),
            Label::Future => join(&mut s.future, text, at),
            _ => {}
        }
    }
}

fn join(slot: &mut Option<Located<String>>, text: String, at: Location) {
    match slot {
        Some(v) => {
            v.value.push('\n');
            v.value.push_str(&text);
        }
        None => *slot = Some(Located { value: text, at }),
    }
}

/// Each line starting with a circled number opens a 取組内容; the lines after
/// it are its description.
fn add_action_lines(s: &mut EvalSheet, text: &str, at: Location) {
    for line in text.lines() {
        if let Some((n, rest)) = split_circled(line) {
            s.actions.push(ActionDecl {
                number: n,
                name: rest.to_string(),
                description: String::new(),
                at: at.clone(),
            });
        } else if let Some(a) = s.actions.last_mut() {
            let t = line.trim();
            if !t.is_empty() {
                if !a.description.is_empty() {
                    a.description.push('\n');
                }
                a.description.push_str(t);
            }
        }
    }
}

/// The grade cells below the year headers: year, text, position.
type Cells<'g> = Vec<(FiscalYear, std::borrow::Cow<'g, str>, CellRef)>;

fn grade_cells<'g>(g: &'g Grid, row: u32, headers: &[(u32, FiscalYear)]) -> Cells<'g> {
    headers
        .iter()
        .map(|&(c, year)| {
            let raw = match g.get(row, c) {
                CellValue::Text(t) => std::borrow::Cow::Borrowed(t.as_str()),
                other => std::borrow::Cow::Owned(other.text()),
            };
            (year, raw, CellRef::new(row, c))
        })
        .collect()
}

fn finish_grades(
    s: &mut EvalSheet,
    g: &Grid,
    label: Label,
    at: Location,
    cells: Cells,
    form: &Form,
) {
    // A note typed right of the grades (備考, a reason for `—`) belongs to the row.
    let note = cells.last().map(|c| c.2).and_then(|last| {
        g.row_cells(last.row, last.col + 1).next().map(|(c, v)| {
            Box::new(Located {
                value: v.text(),
                at: g.loc(last.row, c),
            })
        })
    });
    let row = GradeRow::new(
        at.cell.unwrap_or(CellRef::new(0, 0)),
        cells.iter().map(|(y, raw, at)| (*y, raw.as_ref(), *at)),
        note,
    );
    match label {
        Label::ItemGrade => s.item_grades = Some(row),
        _ => current_project(s, &at, form).grades = Some(row),
    }
}

/// Panel headers whose text row never came (the texts left empty): kept as
/// panels with an empty text at the cell below the header, so that the
/// empty text of a graded year is seen (rule S005).
fn empty_panels(s: &mut EvalSheet, g: &Grid, pending: Vec<PendingPanel>) {
    let Some(measure) = s.projects.last_mut().and_then(|p| p.measures.last_mut()) else {
        return;
    };
    for (hc, header, year, kind) in pending {
        let row = header.at.cell.map_or(0, |c| c.row + 1);
        measure.panels.push(Panel {
            year: Some(year),
            written_year: None,
            kind,
            header,
            text: Located {
                value: CellValue::Empty,
                at: g.loc(row, hc),
            },
        });
    }
}

fn measure_row(
    s: &mut EvalSheet,
    g: &mut Grid,
    row: u32,
    vc: u32,
    pending: Vec<PendingPanel>,
    form: &Form,
) -> State {
    let headers: Vec<PendingPanel> = g
        .row_cells(row, vc)
        .filter_map(|(c, v)| {
            let t = v.as_text()?;
            let (year, kind) = form.panel_header(t)?;
            let header = Located {
                value: t.to_string(),
                at: g.loc(row, c),
            };
            Some((c, header, year, kind))
        })
        .collect();
    if !headers.is_empty() {
        empty_panels(s, g, pending);
        return State::Measure(headers);
    }
    let Some(measure) = s.projects.last_mut().and_then(|p| p.measures.last_mut()) else {
        return State::Measure(Vec::new());
    };
    if pending.is_empty() {
        // Text with no header above it continues the last panel.
        if let Some(last) = measure.panels.last_mut() {
            for (_, v) in g.row_cells(row, vc) {
                let mut t = last.text.value.text();
                t.push('\n');
                t.push_str(&v.text());
                last.text.value = CellValue::Text(t);
            }
        }
        return State::Measure(Vec::new());
    }
    let ends: Vec<u32> = pending
        .iter()
        .skip(1)
        .map(|(c, ..)| *c)
        .chain([g.end_col()])
        .collect();
    for ((hc, header, year, kind), end) in pending.into_iter().zip(ends) {
        let col = (hc..end).find(|&c| !g.get(row, c).is_empty()).unwrap_or(hc);
        measure.panels.push(Panel {
            year: Some(year),
            written_year: None,
            kind,
            header,
            text: Located {
                value: g.take(row, col),
                at: g.loc(row, col),
            },
        });
    }
    State::Measure(Vec::new())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::grade::{Grade, GradeReading};
    use crate::read::classify::label_column;

    /// A sheet parsed as the reader does: label column found, then parsed.
    fn parse(g: &Grid) -> EvalSheet {
        let mut g = g.clone();
        let form = Form::standard();
        let lc = label_column(&g, form).unwrap_or(g.first_col());
        parse_at(&mut g, lc, form)
    }

    fn t(s: &str) -> CellValue {
        if s.is_empty() {
            CellValue::Empty
        } else {
            CellValue::Text(s.into())
        }
    }

    fn grid(rows: &[&[&str]]) -> Grid {
        Grid::from_rows(
            "f.xlsx",
            "S",
            rows.iter()
                .map(|r| r.iter().map(|c| t(c)).collect())
                .collect(),
        )
    }

    const YEARS: [&str; 5] = [
        "令和4年度",
        "令和5年度",
        "令和6年度",
        "令和7年度",
        "令和8年度",
    ];

    fn sheet_rows(shift: usize) -> Vec<Vec<String>> {
        let mut rows: Vec<Vec<&str>> = vec![
            vec!["基本方針", "基本方針3 自主財源の確保と健全な財政運営の維持"],
            vec!["取組項目名", "（４） 財政見通しを踏まえた基金の積立て"],
            vec![
                "取組内容",
                "① 財政調整基金現在高（数値目標）\n説明1\n② 公共施設整備等資金積立基金現在高（数値目標）\n説明2",
            ],
            vec!["担当課", "①②財政課"],
            vec!["評価", YEARS[0], YEARS[1], YEARS[2], YEARS[3], YEARS[4]],
            vec!["", "A", "A", "A", "—", "—"],
            vec![],
            vec!["主な事業", "① 財政調整基金現在高（数値目標）"],
            vec!["具体的な取組", "財政調整基金現在高(数値目標)"],
            vec!["", "令和6年度の取組", "", "令和6年度の成果・効果"],
            vec!["", "・積立", "", "令和6年度末現在高 9,201,902,641円"],
            vec!["", "令和4年度の取組", "", "令和5年度の取組"],
            vec!["", "x", "", "y"],
            vec!["個別評価", YEARS[0], YEARS[1], YEARS[2], YEARS[3], YEARS[4]],
            vec![],
            vec!["", "A", "Ａ", "A", "—", "－"],
            vec!["主な事業", "② 公共施設整備等資金積立基金現在高（再掲）"],
            vec!["具体的な取組", "積立"],
            vec!["個別評価", "R4", "R5", "R6", "R7", "R8"],
            vec!["", "A", "A", "?", "", "—"],
            vec!["今後の取組方針", "続ける"],
        ];
        for r in &mut rows {
            for _ in 0..shift {
                r.insert(0, "");
            }
        }
        rows.into_iter()
            .map(|r| r.into_iter().map(String::from).collect())
            .collect()
    }

    fn parse_rows(rows: Vec<Vec<String>>) -> EvalSheet {
        let refs: Vec<Vec<&str>> = rows
            .iter()
            .map(|r| r.iter().map(String::as_str).collect())
            .collect();
        let slices: Vec<&[&str]> = refs.iter().map(Vec::as_slice).collect();
        parse(&grid(&slices))
    }

    #[test]
    fn reads_all_blocks() {
        let s = parse_rows(sheet_rows(0));
        assert_eq!(s.item_id().unwrap().to_string(), "3-(4)");
        assert_eq!(s.item_name().unwrap(), "財政見通しを踏まえた基金の積立て");
        assert_eq!(s.actions.len(), 2);
        assert_eq!(s.actions[1].number, 2);
        assert_eq!(s.actions[1].description, "説明2");
        assert_eq!(s.owner().as_deref(), Some("財政課"));
        let ig = s.item_grades.as_ref().unwrap();
        assert_eq!(ig.cells.len(), 5);
        assert_eq!(ig.grade(FiscalYear(2024)), Some(Grade::A));
        assert_eq!(ig.cell(FiscalYear(2024)).unwrap().cell.to_string(), "D6");
        assert_eq!(s.projects.len(), 2);
        let p = &s.projects[0];
        assert_eq!(p.number, Some(1));
        assert_eq!(p.measures[0].panels.len(), 4);
        assert_eq!(
            p.measures[0].panels[1].text.at.cell.unwrap().to_string(),
            "D11"
        );
        let g = p.grades.as_ref().unwrap();
        assert_eq!(
            g.cell(FiscalYear(2023)).unwrap().reading,
            GradeReading::Variant(Grade::A)
        );
        assert_eq!(g.cell(FiscalYear(2023)).unwrap().cell.to_string(), "C16");
        let p2 = &s.projects[1];
        assert!(p2.relisted);
        assert_eq!(p2.name, "公共施設整備等資金積立基金現在高");
        let g2 = p2.grades.as_ref().unwrap();
        assert_eq!(
            g2.cell(FiscalYear(2024)).unwrap().reading,
            GradeReading::Unknown
        );
        assert_eq!(
            g2.cell(FiscalYear(2025)).unwrap().reading,
            GradeReading::Empty
        );
        assert_eq!(s.future.as_ref().unwrap().value, "続ける");
    }

    #[test]
    fn shifted_columns_read_the_same() {
        let a = parse_rows(sheet_rows(0));
        let b = parse_rows(sheet_rows(1));
        assert_eq!(b.item_id(), a.item_id());
        assert_eq!(b.projects.len(), 2);
        let cell = b.projects[0]
            .grades
            .as_ref()
            .unwrap()
            .cell(FiscalYear(2024))
            .unwrap();
        assert_eq!(cell.cell.to_string(), "E16");
    }

    #[test]
    fn a_block_without_its_project_row_is_named_by_its_first_measure() {
        let mut rows = sheet_rows(0);
        // Replace the second 主な事業 row by nothing: the measure names the block.
        let at = rows
            .iter()
            .position(|r| r.len() > 1 && r[0] == "主な事業" && r[1].starts_with('②'));
        rows.remove(at.unwrap());
        let k = rows
            .iter()
            .position(|r| r.get(1).is_some_and(|v| v == "積立"))
            .unwrap();
        rows[k][1] = "② 公共施設整備等資金積立基金現在高".into();
        let s = parse_rows(rows);
        assert_eq!(s.projects.len(), 2);
        let p = &s.projects[1];
        assert_eq!(
            (p.number, p.name.as_str()),
            (Some(2), "公共施設整備等資金積立基金現在高")
        );
        assert!(
            p.heading.value.is_empty(),
            "the missing row stays visible to rules"
        );
        assert!(p.grades.is_some());
    }
}
