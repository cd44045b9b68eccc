//! The injected-mistake suite for the figure rules (N…): each mistake is put
//! into its own in-memory copy of a clean sample workbook (a real file, as
//! openpyxl or LibreOffice wrote it) and must be reported at the right cell.
//! The clean copies must give no error-level figure finding. The suite is a
//! table: add a row to grow it.

use std::sync::Arc;

use hyoka::model::cell::CellValue;
use hyoka::model::finding::{Finding, Severity};
use hyoka::model::form::Form;
use hyoka::model::plan::Plan;
use hyoka::model::sheet::Submission;
use hyoka::model::year::FiscalYear;
use hyoka::pipeline::check_submissions;
use hyoka::read::build_workbook;
use hyoka::read::workbook::{RawSheet, open_grids};
use hyoka::rules::registry;

use crate::util::samples;

const R5: u16 = 2023;
const R6: u16 = 2024;

/// Where a mistake goes.
enum Edit {
    /// Replace `from` by `to` in the first text cell (of `sheet`, if given) holding it.
    Text {
        sheet: Option<&'static str>,
        from: &'static str,
        to: &'static str,
    },
    /// Set a cell of a sheet.
    Cell {
        sheet: &'static str,
        a1: &'static str,
        value: Value,
    },
    /// Set the 個別評価 of action `number` in `year`.
    Grade {
        sheet: &'static str,
        number: u8,
        year: u16,
        value: &'static str,
    },
}

#[derive(Clone, Copy)]
enum Value {
    Text(&'static str),
    Number(f64),
}

struct Mistake {
    file: &'static str,
    edit: Edit,
    code: &'static str,
    /// `sheet!A1` of the expected finding; None: the edited cell.
    at: Option<&'static str>,
}

const FIN: &str = "財政課_令和6年度.ods";
const STAFF: &str = "職員課_令和6年度.xls";
const PR: &str = "広報課_令和6年度.xlsx";
const COMM: &str = "生活コミュニティ課_令和6年度.xlsx";
const TAX: &str = "納税課_令和6年度.xlsx";

fn text(from: &'static str, to: &'static str) -> Edit {
    Edit::Text {
        sheet: None,
        from,
        to,
    }
}

fn cell(sheet: &'static str, a1: &'static str, value: Value) -> Edit {
    Edit::Cell { sheet, a1, value }
}

fn m(file: &'static str, edit: Edit, code: &'static str) -> Mistake {
    Mistake {
        file,
        edit,
        code,
        at: None,
    }
}

fn at(mut x: Mistake, place: &'static str) -> Mistake {
    x.at = Some(place);
    x
}

fn mistakes() -> Vec<Mistake> {
    use Value::{Number as N, Text as T};
    vec![
        // N001 unit slips in the 数値目標 sheet.
        m(FIN, cell("数値目標", "E3", T("9,201,903円")), "N001"),
        m(FIN, cell("数値目標", "E3", N(9_201_902_641.0)), "N001"),
        m(FIN, cell("数値目標", "E5", N(8454.83)), "N001"),
        m(FIN, cell("数値目標", "E2", N(5500.0)), "N001"),
        m(FIN, cell("数値目標", "D3", T("9,249,275円")), "N001"),
        m(FIN, cell("数値目標", "E11", N(-45100.0)), "N001"),
        m(TAX, cell("数値目標", "E3", T("98.9円")), "N001"),
        // N002 rounding.
        m(FIN, cell("数値目標", "E3", N(9_201_890.0)), "N002"),
        m(FIN, cell("数値目標", "D3", N(9_249_285.0)), "N002"),
        m(
            FIN,
            text(
                "令和6年度の実質収支を見込む中で8億円を取崩した",
                "令和6年度の実質収支を見込む中で8.1億円を取崩した",
            ),
            "N002",
        ),
        m(FIN, text("7.5億円を取崩した", "7.6億円を取崩した"), "N002"),
        m(
            FIN,
            text(
                "清掃センター焼却施設補修事業などの財源として3億円を取崩した",
                "清掃センター焼却施設補修事業などの財源として3.05億円を取崩した",
            ),
            "N002",
        ),
        m(TAX, cell("数値目標", "D3", T("98.6%")), "N010"),
        // N003 target against grade.
        at(
            m(
                FIN,
                Edit::Grade {
                    sheet: "(5)財政健全性",
                    number: 1,
                    year: R6,
                    value: "A",
                },
                "N003",
            ),
            "(5)財政健全性!D-grade",
        ),
        at(
            m(
                FIN,
                Edit::Grade {
                    sheet: "(4)基金",
                    number: 1,
                    year: R6,
                    value: "C",
                },
                "N003",
            ),
            "(4)基金!D-grade",
        ),
        at(
            m(
                FIN,
                Edit::Grade {
                    sheet: "(5)財政健全性",
                    number: 2,
                    year: R6,
                    value: "C",
                },
                "N003",
            ),
            "(5)財政健全性!D-grade",
        ),
        at(
            m(
                TAX,
                Edit::Grade {
                    sheet: "評価シート",
                    number: 1,
                    year: R6,
                    value: "A",
                },
                "N003",
            ),
            "評価シート!D-grade",
        ),
        at(
            m(
                FIN,
                Edit::Grade {
                    sheet: "(4)基金",
                    number: 2,
                    year: R5,
                    value: "C",
                },
                "N003",
            ),
            "(4)基金!C-grade",
        ),
        // N004 target restated.
        m(FIN, text("55億円", "50億円"), "N004"),
        m(FIN, text("80億円", "85億円"), "N004"),
        // N005 change claims.
        m(
            STAFF,
            text("（対前年度比1件減）", "（対前年度比2件減）"),
            "N005",
        ),
        m(
            STAFF,
            text("（対前年度比15件増）", "（対前年度比14件増）"),
            "N005",
        ),
        m(
            STAFF,
            text("（対前年度比0.7日増）", "（対前年度比0.9日増）"),
            "N005",
        ),
        m(
            PR,
            text("フォロワーが786人増加した", "フォロワーが768人増加した"),
            "N005",
        ),
        m(
            PR,
            text("フォロワーが563人増加した", "フォロワーが536人増加した"),
            "N005",
        ),
        m(
            PR,
            text("友だち数は2,353人増加した", "友だち数は2,335人増加した"),
            "N005",
        ),
        m(
            PR,
            text("ロケ実績数は44件増の138件", "ロケ実績数は45件増の138件"),
            "N005",
        ),
        m(
            STAFF,
            text("（対前年度比0.7日増）", "（対前年度比0.7日減）"),
            "N005",
        ),
        // N006 totals.
        m(COMM, text("合計43団体 648名", "合計44団体 648名"), "N006"),
        m(COMM, text("合計43団体 648名", "合計43団体 650名"), "N006"),
        m(COMM, text("合計45団体 698名", "合計45団体 699名"), "N006"),
        m(
            COMM,
            text(
                "公園（14団体：246名） 花壇（2団体：8名）",
                "公園（14団体：264名） 花壇（2団体：8名）",
            ),
            "N006",
        ),
        // N007 fractions.
        m(STAFF, text("55.6%（5/9名）", "56.6%（5/9名）"), "N007"),
        m(STAFF, text("66.7%（6/9名）", "66.7%（7/9名）"), "N007"),
        // N008 fund roll-forward.
        m(
            FIN,
            text(
                "令和6年度末現在高 9,201,902,641円",
                "令和6年度末現在高 9,201,092,641円",
            ),
            "N008",
        ),
        m(
            FIN,
            text("積立額 752,627,314円", "積立額 752,672,314円"),
            "N008",
        ),
        m(
            FIN,
            text(
                "取崩額 300,000,000円 決算剰余金の2分の1（当初予算措置分）",
                "取崩額 330,000,000円 決算剰余金の2分の1（当初予算措置分）",
            ),
            "N008",
        ),
        m(
            FIN,
            text("積立額 1,596,079,866円", "積立額 1,596,079,686円"),
            "N008",
        ),
        // N009 percent written for points.
        m(
            STAFF,
            text("（対前年比22.2ポイント減）", "（対前年比22.2%減）"),
            "N009",
        ),
        // N010 the same figure stated twice, differently.
        m(
            PR,
            text(
                "・積極的に投稿を行った結果、フォロワーが786人増加した。",
                "・フォロワー数8,395人",
            ),
            "N010",
        ),
        // Reported at the later statement of the two: the 成果 panel beside it.
        at(
            m(
                STAFF,
                text(
                    "各種制度の周知とともに職場環境で取得できるよう推進",
                    "各種制度の周知とともに職場環境で取得できるよう推進 年次休暇取得状況（1人平均）：15.8日",
                ),
                "N010",
            ),
            "(4)風土づくり!D35",
        ),
        // N011 as-of dates outside the year.
        m(
            FIN,
            text(
                "・令和6年度末現在高 9,201,902,641円",
                "・令和6年3月31日現在 9,201,902,641円",
            ),
            "N011",
        ),
        m(
            STAFF,
            text("運用実績：18件", "令和6年3月31日時点の運用実績：18件"),
            "N011",
        ),
        m(FIN, cell("数値目標", "E4", T("令和5年3月31日")), "N011"),
        // N012 distance to the target.
        m(
            FIN,
            text(
                "目標値を3.2%ポイント上回った",
                "目標値を2.3%ポイント上回った",
            ),
            "N012",
        ),
        m(
            FIN,
            text("目標値を1.1ポイント下回った", "目標値を1.4ポイント下回った"),
            "N012",
        ),
        m(
            FIN,
            text(
                "目標値を21.6ポイント下回った",
                "目標値を21.6ポイント上回った",
            ),
            "N012",
        ),
        at(
            m(FIN, cell("数値目標", "E9", N(0.7)), "N012"),
            "(5)財政健全性!text",
        ),
    ]
}

/// The clean copy of a sample: the report's own slips fixed, so that only the
/// injected mistake remains.
fn clean(file: &str) -> Vec<RawSheet> {
    let path = samples().join(file);
    let shown: Arc<str> = file.into();
    let mut raw = open_grids(&path, &shown).unwrap_or_else(|e| panic!("{file}: {:?}", e.reason));
    if file == FIN {
        set(&mut raw, "数値目標", "D5", CellValue::Number(8_447_029.0));
    }
    if file == "行政経営担当_令和6年度.xlsx" {
        // 702人 + 27人 is 729人: the sheet's (and the report's) own slip.
        replace_text(&mut raw, None, "7市平均727人", "7市平均729人");
    }
    if file == STAFF {
        replace_text(
            &mut raw,
            None,
            "（対前年比22.2%減）",
            "（対前年比22.2ポイント減）",
        );
    }
    raw
}

fn a1(s: &str) -> (u32, u32) {
    let letters: String = s.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
    let col = letters
        .chars()
        .fold(0u32, |n, c| n * 26 + (c as u32 - 'A' as u32 + 1))
        - 1;
    (s[letters.len()..].parse::<u32>().unwrap() - 1, col)
}

fn set(raw: &mut [RawSheet], sheet: &str, cell: &str, v: CellValue) {
    let (r, c) = a1(cell);
    let s = raw
        .iter_mut()
        .find(|s| &*s.grid.sheet == sheet)
        .unwrap_or_else(|| panic!("no sheet {sheet}"));
    assert!(s.grid.set(r, c, v), "{sheet}!{cell} outside the sheet");
}

/// Replaces text in the first cell holding `from`; returns `sheet!A1`.
fn replace_text(raw: &mut [RawSheet], sheet: Option<&str>, from: &str, to: &str) -> String {
    for s in raw
        .iter_mut()
        .filter(|s| sheet.is_none_or(|n| &*s.grid.sheet == n))
    {
        let hit = s.grid.cells().find_map(|(r, c, v)| match v {
            CellValue::Text(t) if t.contains(from) => Some((r, c, t.replacen(from, to, 1))),
            _ => None,
        });
        if let Some((r, c, t)) = hit {
            s.grid.set(r, c, CellValue::Text(t));
            return s.grid.loc(r, c).to_string();
        }
    }
    panic!("no cell holds {from:?}");
}

fn findings(file: &str, raw: Vec<RawSheet>) -> Vec<Finding> {
    let plan = Plan::embedded();
    let sub = Submission {
        path: file.into(),
        result: Ok(build_workbook(raw, Form::standard())),
    };
    let rules: Vec<_> = registry::all()
        .iter()
        .copied()
        .filter(|r| r.code.starts_with('N'))
        .collect();
    let year = Some(FiscalYear(R6));
    check_submissions(&plan, year, &rules, &Default::default(), vec![sub], vec![])
        .expect("checked")
        .1
}

/// The 個別評価 cell of an action, found through the reader on the clean copy.
fn grade_cell(file: &str, raw: &[RawSheet], sheet: &str, number: u8, year: u16) -> String {
    let wb = build_workbook(
        raw.iter()
            .map(|s| RawSheet::new(s.grid.clone(), s.hidden))
            .collect(),
        Form::standard(),
    );
    let s = wb
        .eval_sheets
        .iter()
        .find(|s| &*s.sheet == sheet)
        .unwrap_or_else(|| panic!("{file}: no sheet {sheet}"));
    let p = s
        .projects
        .iter()
        .find(|p| p.number == Some(number))
        .expect("project");
    let cell = p
        .grades
        .as_ref()
        .unwrap()
        .cell(FiscalYear(year))
        .unwrap()
        .cell;
    s.loc(cell).to_string()
}

#[test]
fn clean_samples_give_no_figure_error() {
    for file in [
        FIN,
        STAFF,
        PR,
        COMM,
        TAX,
        "情報システム課_令和6年度.xlsx",
        "行政経営担当_令和6年度.xlsx",
        "環境課_令和6年度.xlsx",
        "企画政策課_令和6年度.xlsx",
    ] {
        let all = findings(file, clean(file));
        let errors: Vec<Finding> = all
            .into_iter()
            .filter(|f| f.severity == Severity::Error)
            .collect();
        let errors = crate::util::rendered(&errors);
        assert!(errors.is_empty(), "{file}: {errors:#?}");
    }
}

#[test]
fn every_injected_mistake_is_reported_at_its_cell() {
    let all = mistakes();
    assert!(all.len() >= 40, "the suite holds {} mistakes", all.len());
    let mut missed = Vec::new();
    for (i, mk) in all.iter().enumerate() {
        let mut raw = clean(mk.file);
        let edited = match &mk.edit {
            Edit::Text { sheet, from, to } => replace_text(&mut raw, *sheet, from, to),
            Edit::Cell {
                sheet,
                a1: cell,
                value,
            } => {
                let v = match value {
                    Value::Text(t) => CellValue::Text(t.to_string()),
                    Value::Number(n) => CellValue::Number(*n),
                };
                set(&mut raw, sheet, cell, v);
                format!("{}:{}!{}", mk.file, sheet, cell)
            }
            Edit::Grade {
                sheet,
                number,
                year,
                value,
            } => {
                let at = grade_cell(mk.file, &raw, sheet, *number, *year);
                let a1 = at.rsplit('!').next().unwrap().to_string();
                let (r, c) = self::a1(&a1);
                let s = raw.iter_mut().find(|s| &*s.grid.sheet == *sheet).unwrap();
                s.grid.set(r, c, CellValue::Text(value.to_string()));
                at
            }
        };
        let expected_sheet = mk.at.map(|p| p.split('!').next().unwrap());
        let got = findings(mk.file, raw);
        let hit = got.iter().any(|f| {
            f.code == mk.code
                && match mk.at {
                    // A cell given: exactly there.
                    Some(p)
                        if p.split('!').nth(1).is_some_and(|c| {
                            c.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                                && c.chars().last().is_some_and(|c| c.is_ascii_digit())
                        }) =>
                    {
                        f.at.to_string() == format!("{}:{}", mk.file, p)
                    }
                    // A grade or the sheet's text: in that sheet.
                    Some(_) => f.at.sheet.as_deref() == expected_sheet,
                    None => f.at.to_string() == edited,
                }
        });
        if !hit {
            let seen: Vec<String> = got.iter().map(|f| format!("{} {}", f.code, f.at)).collect();
            missed.push(format!("#{i} {} at {edited}: got {seen:?}", mk.code));
        }
    }
    assert!(
        missed.is_empty(),
        "{} of {} injected mistakes not reported:\n{}",
        missed.len(),
        all.len(),
        missed.join("\n")
    );
}
