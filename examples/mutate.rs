//! Mutation coverage of hyoka's figure checks: of the mistakes a department
//! could make in a figure, how many does hyoka catch?
//!
//! Every workbook of a folder is read once. Every figure of every text cell
//! of the evaluation sheets (panel texts, 取組内容 descriptions, 具体的な取組
//! names, 今後の取組方針), every 数値目標 value and every 評価コメント paragraph is
//! found by a scanner of this file's own (not hyoka's extractor, so that
//! figures hyoka does not see are counted too). Each figure is then changed
//! alone, one plausible slip at a time (a mutant: the whole set of workbooks
//! with that one change, in memory), and all rules are run on the mutant. A
//! mutant is caught when hyoka reports a new error or warning (one not in the
//! clean run, compared by code, location and message) at the changed cell or
//! naming it among its related cells.
//!
//! Usage:
//!     cargo run --release --example mutate -- [DIR] [--year 令和6] [--plan FILE]
//!         [--json FILE] [--survivors FILE] [--ops swap,last+1,…] [--only TEXT]
//!         [--figures FILE]
//!
//! DIR defaults to `samples`. `--only` mutates only cells whose file or sheet
//! name contains TEXT (the whole folder is still checked). The survivors
//! (mutants nothing caught) are written as TSV to `--survivors`
//! (default `target/mutation/survivors.tsv`). Deterministic: no randomness,
//! mutants in a fixed order, rayon only to run them.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use rayon::prelude::*;

use hyoka::facts::file::FileCx;
use hyoka::facts::quantity::{Fact, Facts};
use hyoka::facts::relations::Relation;
use hyoka::model::cell::CellValue;
use hyoka::model::finding::{Finding, Severity};
use hyoka::model::location::Location;
use hyoka::model::plan::Plan;
use hyoka::model::sheet::Submission;
use hyoka::model::year::{FiscalYear, parse_year_arg};
use hyoka::pipeline::check_submissions;
use hyoka::rules::registry::{self, Registered};

#[cfg(all(feature = "mimalloc", not(test)))]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

// ---------------------------------------------------------------------------
// Where a figure is: one value of the in-memory model.
// ---------------------------------------------------------------------------

/// One value of the model that a mutant may change (indices into the
/// submissions' workbooks).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Slot {
    /// The text of a 具体的な取組 panel (`令和6年度の取組` …).
    Panel {
        file: usize,
        sheet: usize,
        project: usize,
        measure: usize,
        panel: usize,
    },
    /// The name of a 具体的な取組 (which may carry `<目標：… 55億円>`).
    Measure {
        file: usize,
        sheet: usize,
        project: usize,
        measure: usize,
    },
    /// The description of a 取組内容.
    Action {
        file: usize,
        sheet: usize,
        action: usize,
    },
    /// 今後の取組方針.
    Future { file: usize, sheet: usize },
    /// A year value of a 数値目標 row.
    Target {
        file: usize,
        sheet: usize,
        row: usize,
        value: usize,
    },
    /// A paragraph of a 評価コメント sheet.
    Comment {
        file: usize,
        sheet: usize,
        row: usize,
    },
}

/// The kind of cell a figure is in, for the report.
pub fn slot_kind(slot: Slot, v: &CellValue) -> &'static str {
    match slot {
        Slot::Panel { .. } => "panel",
        Slot::Measure { .. } => "measure-name",
        Slot::Action { .. } => "action-description",
        Slot::Future { .. } => "future",
        Slot::Target { .. } => match v {
            CellValue::Number(_) => "target-number",
            CellValue::Date(_) => "target-date",
            _ => "target-text",
        },
        Slot::Comment { .. } => "comment",
    }
}

/// Every slot of the submissions, in a fixed order, with its value, cell and
/// (for panels) the panel header.
pub fn slots(subs: &[Submission]) -> Vec<(Slot, CellValue, Location, String)> {
    let mut out = Vec::new();
    for (file, s) in subs.iter().enumerate() {
        let Some(wb) = s.workbook() else { continue };
        for (sheet, es) in wb.eval_sheets.iter().enumerate() {
            for (action, a) in es.actions.iter().enumerate() {
                out.push((
                    Slot::Action {
                        file,
                        sheet,
                        action,
                    },
                    CellValue::Text(a.description.clone()),
                    a.at.clone(),
                    String::new(),
                ));
            }
            for (project, p) in es.projects.iter().enumerate() {
                for (measure, m) in p.measures.iter().enumerate() {
                    out.push((
                        Slot::Measure {
                            file,
                            sheet,
                            project,
                            measure,
                        },
                        CellValue::Text(m.name.value.clone()),
                        m.name.at.clone(),
                        String::new(),
                    ));
                    for (panel, pa) in m.panels.iter().enumerate() {
                        out.push((
                            Slot::Panel {
                                file,
                                sheet,
                                project,
                                measure,
                                panel,
                            },
                            pa.text.value.clone(),
                            pa.text.at.clone(),
                            pa.header.value.clone(),
                        ));
                    }
                }
            }
            if let Some(f) = &es.future {
                out.push((
                    Slot::Future { file, sheet },
                    CellValue::Text(f.value.clone()),
                    f.at.clone(),
                    String::new(),
                ));
            }
        }
        for (sheet, ts) in wb.targets.iter().enumerate() {
            for (row, r) in ts.rows.iter().enumerate() {
                for (value, (_, v)) in r.values.iter().enumerate() {
                    out.push((
                        Slot::Target {
                            file,
                            sheet,
                            row,
                            value,
                        },
                        v.value.clone(),
                        v.at.clone(),
                        String::new(),
                    ));
                }
            }
        }
        for (sheet, cs) in wb.comments.iter().enumerate() {
            for (row, r) in cs.rows.iter().enumerate() {
                out.push((
                    Slot::Comment { file, sheet, row },
                    CellValue::Text(r.text.value.clone()),
                    r.text.at.clone(),
                    String::new(),
                ));
            }
        }
    }
    out
}

/// Puts a value into a slot of (a copy of) the submissions.
pub fn set_slot(subs: &mut [Submission], slot: Slot, v: CellValue) {
    let file = match slot {
        Slot::Panel { file, .. }
        | Slot::Measure { file, .. }
        | Slot::Action { file, .. }
        | Slot::Future { file, .. }
        | Slot::Target { file, .. }
        | Slot::Comment { file, .. } => file,
    };
    let wb = subs[file]
        .result
        .as_mut()
        .expect("slots come from read workbooks");
    let text = v.text();
    match slot {
        Slot::Panel {
            sheet,
            project,
            measure,
            panel,
            ..
        } => {
            wb.eval_sheets[sheet].projects[project].measures[measure].panels[panel]
                .text
                .value = v
        }
        Slot::Measure {
            sheet,
            project,
            measure,
            ..
        } => {
            wb.eval_sheets[sheet].projects[project].measures[measure]
                .name
                .value = text
        }
        Slot::Action { sheet, action, .. } => {
            wb.eval_sheets[sheet].actions[action].description = text
        }
        Slot::Future { sheet, .. } => {
            wb.eval_sheets[sheet]
                .future
                .as_mut()
                .expect("slot exists")
                .value = text
        }
        Slot::Target {
            sheet, row, value, ..
        } => wb.targets[sheet].rows[row].values[value].1.value = v,
        Slot::Comment { sheet, row, .. } => wb.comments[sheet].rows[row].text.value = text,
    }
}

// ---------------------------------------------------------------------------
// The scanner: figures of a text, independent of hyoka's extractor.
// ---------------------------------------------------------------------------

/// Width folding of one character: full-width ASCII to half-width, the minus
/// sign U+2212 to `-`.
fn fold(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{2212}' | '\u{2010}' | '\u{2011}' => '-',
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// Units recognised after a number, longest first where one is a prefix of
/// another. Anything else after a number is taken as a word of up to four
/// kanji or katakana (`拠点`, `協定`, `市平均`).
const UNITS: &[&str] = &[
    "百万円",
    "千円",
    "万円",
    "億円",
    "円",
    "%ポイント",
    "ポイント",
    "%",
    "t-CO2",
    "kWh",
    "kW",
    "km",
    "㎞",
    "㎡",
    "m2",
    "か年",
    "か月",
    "ヶ月",
    "カ月",
    "か所",
    "ヶ所",
    "箇所",
    "万人",
    "万件",
    "年間",
    "時間",
    "手続き",
    "フォーム",
    "世帯",
    "団体",
    "施設",
    "拠点",
    "店舗",
    "会場",
    "部署",
    "校",
    "件",
    "人",
    "名",
    "回",
    "本",
    "台",
    "社",
    "局",
    "日",
    "倍",
    "割",
    "t",
];

/// ASCII units a number may be glued to; any other ASCII letter after a
/// number makes it part of a word (`5G`).
const ASCII_UNITS: &[&str] = &["t-CO2", "kWh", "kW", "km", "m2", "t"];

const MONEY: &[&str] = &["百万円", "千円", "万円", "億円", "円"];

/// Direction words next to a figure and their opposites, longest first.
const DIRECTIONS: &[(&str, &str)] = &[
    ("増加", "減少"),
    ("減少", "増加"),
    ("上昇", "低下"),
    ("低下", "上昇"),
    ("改善", "悪化"),
    ("悪化", "改善"),
    ("上回", "下回"),
    ("下回", "上回"),
    ("増", "減"),
    ("減", "増"),
];

/// A figure found in a text. Positions are char indices into the text.
#[derive(Clone, Debug)]
pub struct Fig {
    /// First char (the sign when there is one).
    pub start: usize,
    pub num_start: usize,
    pub num_end: usize,
    pub sign: Option<char>,
    pub unit: String,
    /// Char range of the unit (after the spaces that may precede it).
    pub unit_start: usize,
    pub unit_end: usize,
    /// A direction word right after the unit: (start, end, its opposite).
    pub direction: Option<(usize, usize, &'static str)>,
    /// A date (`令和6年3月31日`): the year's digits.
    pub date_year: Option<(usize, usize)>,
    /// Whether the digits were typed full width.
    pub wide: bool,
}

/// Numbers the scanner passed over, by reason (for the report).
#[derive(Default, Debug, Clone)]
pub struct Skipped(pub BTreeMap<&'static str, usize>);

fn starts_with(f: &[char], i: usize, s: &str) -> bool {
    (i..).zip(s.chars()).all(|(k, c)| f.get(k) == Some(&c))
}

fn digits_end(f: &[char], mut i: usize) -> usize {
    while i < f.len() && f[i].is_ascii_digit() {
        i += 1;
    }
    i
}

fn is_kanji_or_kana(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{30A0}'..='\u{30FF}' | '々')
}

/// A date at `i` with at least a month: (end, year digits). Era (`令和6年3月
/// 31日`) or western (`2024年3月`, `2024/3/31`).
fn date_at(f: &[char], i: usize) -> Option<(usize, (usize, usize))> {
    let (ys, ye) = if ["令和", "平成", "昭和"]
        .iter()
        .any(|e| starts_with(f, i, e))
    {
        let s = i + 2;
        let e = digits_end(f, s);
        if e == s || e - s > 2 {
            return None;
        }
        (s, e)
    } else if f[i].is_ascii_digit() && (i == 0 || !f[i - 1].is_ascii_digit()) {
        let e = digits_end(f, i);
        let y: u32 = f[i..e].iter().collect::<String>().parse().ok()?;
        if e - i != 4 || !(1900..=2100).contains(&y) {
            return None;
        }
        if f.get(e) == Some(&'/') {
            // 2024/3/31
            let ms = e + 1;
            let me = digits_end(f, ms);
            if me == ms || me - ms > 2 || f.get(me) != Some(&'/') {
                return None;
            }
            let ds = me + 1;
            let de = digits_end(f, ds);
            if de == ds || de - ds > 2 {
                return None;
            }
            return Some((de, (i, e)));
        }
        (i, e)
    } else {
        return None;
    };
    if f.get(ye) != Some(&'年') {
        return None;
    }
    let ms = ye + 1;
    let me = digits_end(f, ms);
    if me == ms || me - ms > 2 || f.get(me) != Some(&'月') {
        return None;
    }
    let mut end = me + 1;
    let ds = end;
    let de = digits_end(f, ds);
    if de > ds && de - ds <= 2 && f.get(de) == Some(&'日') {
        end = de + 1;
    }
    Some((end, (ys, ye)))
}

/// The end of the number starting at `i` (a digit): digits with thousands
/// separators, one decimal part, and `万`/`億`/`兆` followed by more digits
/// (`1万811`).
fn number_end(f: &[char], i: usize) -> usize {
    let mut j = digits_end(f, i);
    loop {
        // 1,234 — a comma followed by exactly three digits.
        if f.get(j) == Some(&',') && digits_end(f, j + 1) == j + 4 && j > i {
            j += 4;
            continue;
        }
        break;
    }
    if f.get(j) == Some(&'.') && f.get(j + 1).is_some_and(char::is_ascii_digit) {
        return digits_end(f, j + 1);
    }
    if matches!(f.get(j), Some('万' | '億' | '兆'))
        && f.get(j + 1).is_some_and(char::is_ascii_digit)
    {
        return number_end(f, j + 1);
    }
    j
}

/// The unit after a number.
fn unit_at(f: &[char], i: usize) -> String {
    for u in UNITS {
        if starts_with(f, i, u) {
            return (*u).to_string();
        }
    }
    f[i..]
        .iter()
        .take_while(|c| is_kanji_or_kana(**c))
        .take(4)
        .collect()
}

/// Every figure of a text, and what was passed over.
pub fn scan(text: &str, skipped: &mut Skipped) -> Vec<Fig> {
    let orig: Vec<char> = text.chars().collect();
    let f: Vec<char> = orig.iter().map(|&c| fold(c)).collect();
    let wide_at = |s: usize, e: usize| orig[s..e].iter().any(|c| ('０'..='９').contains(c));
    let mut out = Vec::new();
    let mut skip = |why: &'static str| *skipped.0.entry(why).or_default() += 1;
    let mut i = 0;
    while i < f.len() {
        if let Some((end, (ys, ye))) = date_at(&f, i) {
            out.push(Fig {
                start: i,
                num_start: ys,
                num_end: end,
                sign: None,
                unit: "date".into(),
                unit_start: end,
                unit_end: end,
                direction: None,
                date_year: Some((ys, ye)),
                wide: wide_at(ys, ye),
            });
            i = end;
            continue;
        }
        if !f[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let end = number_end(&f, i);
        // A unit of the list may follow after spaces (`450 件`, `9.8 ポイント`).
        let mut unit_start = end;
        while f.get(unit_start) == Some(&' ') {
            unit_start += 1;
        }
        if unit_start > end && !UNITS.iter().any(|u| starts_with(&f, unit_start, u)) {
            unit_start = end;
        }
        let unit = unit_at(&f, unit_start);
        let unit_end = unit_start + unit.chars().count();
        // An era before the number, spaces allowed (`令和 6 年度`, `令和5、6年度`).
        let mut b = i;
        while b > 0 && f[b - 1] == ' ' {
            b -= 1;
        }
        let after_era = b >= 2
            && ["令和", "平成", "昭和"]
                .iter()
                .any(|e| starts_with(&f, b - 2, e));
        let prev = (i > 0).then(|| f[i - 1]);
        let prev2 = (i > 1).then(|| f[i - 2]);
        let next = f.get(end).copied();
        let why: Option<&'static str> = if prev.is_some_and(|c| c.is_ascii_alphabetic())
            || (prev == Some('-') && prev2.is_some_and(|c| c.is_ascii_alphabetic()))
            || (next.is_some_and(|c| c.is_ascii_alphabetic())
                && !ASCII_UNITS.contains(&unit.as_str()))
        {
            Some("glued to an ASCII word")
        } else if prev == Some('第') {
            Some("ordinal")
        } else if after_era
            || unit.starts_with("年度")
            || (unit.starts_with('年')
                && !unit.starts_with("年間")
                && f[i..end]
                    .iter()
                    .collect::<String>()
                    .parse::<u32>()
                    .is_ok_and(|y| (1900..=2100).contains(&y)))
        {
            Some("year")
        } else if unit.starts_with('月') || (unit.starts_with('日') && prev == Some('月')) {
            Some("month or day")
        } else if (next == Some('-') && f.get(end + 1) == Some(&'('))
            || (prev == Some('(') && next == Some(')') && unit.is_empty())
            || (prev == Some('-') && prev2 == Some(')'))
        {
            Some("item reference")
        } else {
            None
        };
        if let Some(why) = why {
            skip(why);
            i = end;
            continue;
        }
        let sign = match prev {
            Some(c @ ('▲' | '△')) => Some(c),
            Some(c @ ('-' | '+'))
                if prev2.is_none_or(|p| {
                    !p.is_ascii_alphanumeric() && !('\u{30A0}'..='\u{30FF}').contains(&p)
                }) =>
            {
                Some(c)
            }
            _ => None,
        };
        let mut d = unit_end;
        while f.get(d) == Some(&' ') {
            d += 1;
        }
        let direction = DIRECTIONS
            .iter()
            .find(|(w, _)| starts_with(&f, d, w))
            .map(|(w, o)| (d, d + w.chars().count(), *o));
        out.push(Fig {
            start: if sign.is_some() { i - 1 } else { i },
            num_start: i,
            num_end: end,
            sign,
            unit,
            unit_start,
            unit_end,
            direction,
            date_year: None,
            wide: wide_at(i, end),
        });
        i = end;
    }
    out
}

// ---------------------------------------------------------------------------
// Numbers: exact decimal arithmetic on what is printed.
// ---------------------------------------------------------------------------

/// A printed number: `units` in steps of 10^-`decimals`.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Dec {
    units: u128,
    decimals: u32,
}

fn pow10(n: u32) -> u128 {
    10u128.pow(n)
}

/// Parses `1,234.5` (ASCII); None when it is not a plain number or too long.
fn parse_dec(s: &str) -> Option<(Dec, bool)> {
    let commas = s.contains(',');
    let t: String = s.chars().filter(|c| *c != ',').collect();
    let (int, frac) = t.split_once('.').unwrap_or((&t, ""));
    if int.is_empty()
        || !int.chars().all(|c| c.is_ascii_digit())
        || !frac.chars().all(|c| c.is_ascii_digit())
        || int.len() + frac.len() > 30
    {
        return None;
    }
    let units: u128 = format!("{int}{frac}").parse().ok()?;
    Some((
        Dec {
            units,
            decimals: frac.len() as u32,
        },
        commas,
    ))
}

fn group(int: u128) -> String {
    let s = int.to_string();
    let mut out = String::new();
    for (k, c) in s.chars().enumerate() {
        if k > 0 && (s.len() - k).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn render(d: Dec, commas: bool) -> String {
    let p = pow10(d.decimals);
    let int = d.units / p;
    let mut s = if commas { group(int) } else { int.to_string() };
    if d.decimals > 0 {
        s.push('.');
        s.push_str(&format!("{:0w$}", d.units % p, w = d.decimals as usize));
    }
    s
}

/// The arithmetic operators on a printed number.
fn arith(op: Op, d: Dec) -> Option<Dec> {
    match op {
        Op::Plus1 => Some(Dec {
            units: d.units + 1,
            ..d
        }),
        Op::Minus1 => d.units.checked_sub(1).map(|u| Dec { units: u, ..d }),
        // The decimal point moved (12.5 → 125), or a zero typed too many.
        Op::Times10 => Some(if d.decimals > 0 {
            Dec {
                units: d.units,
                decimals: d.decimals - 1,
            }
        } else {
            Dec {
                units: d.units * 10,
                decimals: 0,
            }
        }),
        Op::Times1000 => {
            let moved = d.decimals.min(3);
            Some(Dec {
                units: d.units * pow10(3 - moved),
                decimals: d.decimals - moved,
            })
        }
        // The figure in thousands: exact when that prints with at most one
        // more decimal than the original (5,500 → 5.5), else rounded to the
        // original's decimals (752,627,314 → 752,627); never below 1.
        Op::Div1000 => {
            let mut exact = Dec {
                units: d.units,
                decimals: d.decimals + 3,
            };
            while exact.decimals > 0 && exact.units.is_multiple_of(10) {
                exact.units /= 10;
                exact.decimals -= 1;
            }
            let r = if exact.decimals <= d.decimals.max(1) {
                exact
            } else {
                Dec {
                    units: (d.units + 500) / 1000,
                    decimals: d.decimals,
                }
            };
            (r.units / pow10(r.decimals) >= 1).then_some(r)
        }
        _ => None,
    }
}

fn widen(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' | ',' | '.' => char::from_u32(c as u32 + 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// The value of a compound number `1万811` (no decimals), with its groups.
fn compound_value(s: &str) -> Option<u128> {
    let mut total: u128 = 0;
    let mut cur = String::new();
    for c in s.chars() {
        let mag = match c {
            '兆' => Some(12),
            '億' => Some(8),
            '万' => Some(4),
            _ => None,
        };
        match mag {
            Some(m) => {
                let (d, _) = parse_dec(&cur)?;
                if d.decimals > 0 {
                    return None;
                }
                total = total.checked_add(d.units.checked_mul(pow10(m))?)?;
                cur.clear();
            }
            None => cur.push(c),
        }
    }
    let (d, _) = parse_dec(&cur)?;
    (d.decimals == 0).then_some(total + d.units)
}

fn render_compound(mut v: u128) -> String {
    let mut s = String::new();
    for (m, w) in [(12, '兆'), (8, '億'), (4, '万')] {
        let p = pow10(m);
        if v >= p {
            s.push_str(&(v / p).to_string());
            s.push(w);
            v %= p;
        }
    }
    if v > 0 || s.is_empty() {
        s.push_str(&v.to_string());
    }
    s
}

// ---------------------------------------------------------------------------
// Operators and mutants.
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Op {
    Swap,
    Plus1,
    Minus1,
    Times10,
    Times1000,
    Div1000,
    Unit,
    Direction,
    Sign,
    YearPlus1,
    YearMinus1,
}

pub const ALL_OPS: &[Op] = &[
    Op::Swap,
    Op::Plus1,
    Op::Minus1,
    Op::Times10,
    Op::Times1000,
    Op::Div1000,
    Op::Unit,
    Op::Direction,
    Op::Sign,
    Op::YearPlus1,
    Op::YearMinus1,
];

impl Op {
    pub fn name(self) -> &'static str {
        match self {
            Op::Swap => "swap",
            Op::Plus1 => "last+1",
            Op::Minus1 => "last-1",
            Op::Times10 => "x10",
            Op::Times1000 => "x1000",
            Op::Div1000 => "div1000",
            Op::Unit => "unit",
            Op::Direction => "direction",
            Op::Sign => "sign",
            Op::YearPlus1 => "date-year+1",
            Op::YearMinus1 => "date-year-1",
        }
    }

    pub fn what(self) -> &'static str {
        match self {
            Op::Swap => "two adjacent different digits swapped",
            Op::Plus1 => "last printed digit +1",
            Op::Minus1 => "last printed digit −1",
            Op::Times10 => "×10 (decimal point moved, or a zero added)",
            Op::Times1000 => "×1000",
            Op::Div1000 => "÷1000",
            Op::Unit => "千円 ↔ 円 (万円/百万円/億円 → 円)",
            Op::Direction => "増↔減, 増加↔減少, 上昇↔低下, 改善↔悪化, 上回↔下回 after the figure",
            Op::Sign => "▲/△/+/- dropped, or ▲ added",
            Op::YearPlus1 => "the year of a date +1",
            Op::YearMinus1 => "the year of a date −1",
        }
    }

    pub fn parse(s: &str) -> Option<Op> {
        ALL_OPS.iter().copied().find(|o| o.name() == s)
    }
}

/// A figure of the folder: where it is and what it is.
#[derive(Clone, Debug)]
pub struct Figure {
    pub slot: Slot,
    pub kind: &'static str,
    pub at: Location,
    /// The panel header, for panels.
    pub header: String,
    pub unit: String,
    /// The text around the figure.
    pub context: String,
    /// How it is in the text (`▲9人`, `令和6年3月31日`).
    pub printed: String,
    /// Char range of the figure in its cell's text (0..0 for a number cell).
    pub span: (usize, usize),
}

/// One mutant: one value changed.
#[derive(Clone, Debug)]
pub struct Mutant {
    pub figure: usize,
    pub op: Op,
    pub value: CellValue,
    pub before: String,
    pub after: String,
}

/// Context of a char range, line breaks shown as ⏎.
fn snippet(chars: &[char], s: usize, e: usize) -> String {
    let a = s.saturating_sub(14);
    let b = (e + 14).min(chars.len());
    chars[a..b]
        .iter()
        .map(|c| if *c == '\n' { '⏎' } else { *c })
        .collect()
}

/// The text with chars s..e replaced.
fn splice(chars: &[char], s: usize, e: usize, with: &str) -> (String, Vec<char>) {
    let mut v: Vec<char> = chars[..s].to_vec();
    v.extend(with.chars());
    v.extend_from_slice(&chars[e..]);
    (v.iter().collect(), v)
}

/// Every figure of the folder and the mutants of each, in a fixed order.
pub fn enumerate(
    subs: &[Submission],
    ops: &[Op],
    only: Option<&str>,
) -> (Vec<Figure>, Vec<Mutant>, Skipped) {
    let mut figures = Vec::new();
    let mut mutants = Vec::new();
    let mut skipped = Skipped::default();
    for (slot, value, at, header) in slots(subs) {
        if let Some(o) = only
            && !at.file.contains(o)
            && !at.sheet.as_deref().is_some_and(|s| s.contains(o))
        {
            continue;
        }
        let kind = slot_kind(slot, &value);
        match &value {
            CellValue::Number(n) => {
                let fi = figures.len();
                let printed = hyoka::model::cell::format_number(*n);
                figures.push(Figure {
                    slot,
                    kind,
                    at: at.clone(),
                    header: header.clone(),
                    unit: String::new(),
                    context: printed.clone(),
                    printed: printed.clone(),
                    span: (0, 0),
                });
                for (op, s) in number_mutants(&printed, ops) {
                    let Ok(v) = s.replace(',', "").parse::<f64>() else {
                        continue;
                    };
                    if v == *n {
                        continue;
                    }
                    mutants.push(Mutant {
                        figure: fi,
                        op,
                        value: CellValue::Number(v),
                        before: printed.clone(),
                        after: s,
                    });
                }
            }
            CellValue::Date(iso) => {
                let fi = figures.len();
                figures.push(Figure {
                    slot,
                    kind,
                    at: at.clone(),
                    header: header.clone(),
                    unit: "date".into(),
                    context: iso.clone(),
                    printed: iso.clone(),
                    span: (0, 0),
                });
                if let Some(y) = iso.get(..4).and_then(|y| y.parse::<u32>().ok()) {
                    for op in [Op::YearPlus1, Op::YearMinus1] {
                        if ops.contains(&op) {
                            let ny = if op == Op::YearPlus1 { y + 1 } else { y - 1 };
                            let s = format!("{ny}{}", &iso[4..]);
                            mutants.push(Mutant {
                                figure: fi,
                                op,
                                value: CellValue::Date(s.clone()),
                                before: iso.clone(),
                                after: s,
                            });
                        }
                    }
                }
            }
            CellValue::Text(t) => {
                let chars: Vec<char> = t.chars().collect();
                let uses_triangle = t.contains('▲') || t.contains('△');
                let triangle = if t.contains('△') && !t.contains('▲') {
                    '△'
                } else {
                    '▲'
                };
                for fig in scan(t, &mut skipped) {
                    let fi = figures.len();
                    let end = fig.direction.map_or(fig.unit_end, |d| d.1);
                    figures.push(Figure {
                        slot,
                        kind,
                        at: at.clone(),
                        header: header.clone(),
                        unit: fig.unit.clone(),
                        context: snippet(&chars, fig.start, end),
                        printed: chars[fig.start..end].iter().collect(),
                        span: (fig.start, end),
                    });
                    let signs = uses_triangle || kind == "target-text";
                    for (op, s, e, with) in text_mutants(&chars, &fig, ops, signs, triangle) {
                        let (text, mchars) = splice(&chars, s, e, &with);
                        if text == *t {
                            continue;
                        }
                        let shift = with.chars().count() as isize - (e - s) as isize;
                        let me = (end as isize + shift).max(fig.start as isize) as usize;
                        mutants.push(Mutant {
                            figure: fi,
                            op,
                            value: CellValue::Text(text),
                            before: snippet(&chars, fig.start, end),
                            after: snippet(&mchars, fig.start.min(s), me),
                        });
                    }
                }
            }
            _ => {}
        }
    }
    (figures, mutants, skipped)
}

/// Mutants of a printed number (a 数値目標 number cell): the new text.
fn number_mutants(printed: &str, ops: &[Op]) -> Vec<(Op, String)> {
    let mut out = Vec::new();
    let neg = printed.starts_with('-');
    let body = printed.trim_start_matches('-');
    let sign = if neg { "-" } else { "" };
    if ops.contains(&Op::Swap) {
        let c: Vec<char> = body.chars().collect();
        for k in 0..c.len().saturating_sub(1) {
            if c[k].is_ascii_digit()
                && c[k + 1].is_ascii_digit()
                && c[k] != c[k + 1]
                && !(k == 0 && c[1] == '0')
            {
                let mut d = c.clone();
                d.swap(k, k + 1);
                out.push((Op::Swap, format!("{sign}{}", d.iter().collect::<String>())));
            }
        }
    }
    if let Some((d, commas)) = parse_dec(body) {
        for op in [
            Op::Plus1,
            Op::Minus1,
            Op::Times10,
            Op::Times1000,
            Op::Div1000,
        ] {
            if !ops.contains(&op) {
                continue;
            }
            if op == Op::Div1000 && d.units / pow10(d.decimals) < 1000 {
                continue;
            }
            if let Some(r) = arith(op, d) {
                out.push((op, format!("{sign}{}", render(r, commas))));
            }
        }
    }
    out
}

/// Mutants of a figure in a text: (op, replaced char range, replacement).
fn text_mutants(
    chars: &[char],
    fig: &Fig,
    ops: &[Op],
    signs: bool,
    triangle: char,
) -> Vec<(Op, usize, usize, String)> {
    let mut out = Vec::new();
    let f: Vec<char> = chars.iter().map(|&c| fold(c)).collect();
    let style = |s: String| if fig.wide { widen(&s) } else { s };
    if let Some((ys, ye)) = fig.date_year {
        let y: u32 = f[ys..ye].iter().collect::<String>().parse().unwrap_or(0);
        for (op, ny) in [(Op::YearPlus1, y + 1), (Op::YearMinus1, y.wrapping_sub(1))] {
            if ops.contains(&op) && (1..10_000).contains(&ny) {
                out.push((op, ys, ye, style(ny.to_string())));
            }
        }
        return out;
    }
    let (ns, ne) = (fig.num_start, fig.num_end);
    let num: String = f[ns..ne].iter().collect();
    if ops.contains(&Op::Swap) {
        // Within each run of digits; never a leading zero made.
        for k in ns..ne.saturating_sub(1) {
            if f[k].is_ascii_digit()
                && f[k + 1].is_ascii_digit()
                && f[k] != f[k + 1]
                && !(f[k + 1] == '0' && (k == ns || matches!(f[k - 1], '万' | '億' | '兆')))
            {
                let with: String = [chars[k + 1], chars[k]].iter().collect();
                out.push((Op::Swap, k, k + 2, with));
            }
        }
    }
    let compound = num.contains(['万', '億', '兆']);
    for op in [
        Op::Plus1,
        Op::Minus1,
        Op::Times10,
        Op::Times1000,
        Op::Div1000,
    ] {
        if !ops.contains(&op) {
            continue;
        }
        if compound {
            let Some(v) = compound_value(&num) else {
                continue;
            };
            let nv = match op {
                Op::Plus1 => Some(v + 1),
                Op::Minus1 => v.checked_sub(1),
                Op::Times10 => Some(v * 10),
                Op::Times1000 => Some(v * 1000),
                Op::Div1000 => (v >= 1000).then(|| (v + 500) / 1000),
                _ => None,
            };
            if let Some(nv) = nv.filter(|n| *n > 0) {
                out.push((op, ns, ne, style(render_compound(nv))));
            }
            continue;
        }
        let Some((d, commas)) = parse_dec(&num) else {
            continue;
        };
        let commas = commas || d.units / pow10(d.decimals) < 1000;
        if let Some(r) = arith(op, d) {
            out.push((op, ns, ne, style(render(r, commas))));
        }
    }
    if ops.contains(&Op::Unit) && MONEY.contains(&fig.unit.as_str()) {
        let to = if fig.unit == "円" { "千円" } else { "円" };
        out.push((Op::Unit, fig.unit_start, fig.unit_end, to.to_string()));
    }
    if ops.contains(&Op::Direction)
        && let Some((s, e, opposite)) = fig.direction
    {
        out.push((Op::Direction, s, e, opposite.to_string()));
    }
    if ops.contains(&Op::Sign) {
        if fig.sign.is_some() {
            out.push((Op::Sign, fig.start, ns, String::new()));
        } else if signs {
            out.push((Op::Sign, ns, ns, triangle.to_string()));
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Running: the clean check, then every mutant.
// ---------------------------------------------------------------------------

/// The folder read once.
pub struct Corpus {
    pub plan: Plan,
    pub subs: Vec<Submission>,
    pub skipped: Vec<String>,
}

/// Reads every workbook of a folder (as the pipeline finds them), each
/// shown by its path relative to the folder; or one workbook, shown by its
/// name.
pub fn load(dir: &Path, plan: Plan) -> Corpus {
    let found = hyoka::read::discover::discover(&[dir.to_path_buf()]);
    let base = if dir.is_file() {
        dir.parent().unwrap_or(dir)
    } else {
        dir
    };
    let shown = |p: &Path| -> Arc<str> {
        p.strip_prefix(base)
            .unwrap_or(p)
            .display()
            .to_string()
            .into()
    };
    let settings = hyoka::read::Settings {
        form: &plan.form,
        encoding: None,
    };
    let subs = found
        .files
        .par_iter()
        .map(|p| hyoka::read::read_submission(p, shown(p), settings))
        .collect();
    Corpus {
        plan,
        subs,
        skipped: found.skipped.iter().map(|p| shown(p).to_string()).collect(),
    }
}

pub fn all_rules() -> Vec<&'static Registered> {
    registry::all().to_vec()
}

/// A finding's identity for "new" (code, location, message).
type Key = (&'static str, Location, String);

fn key(f: &Finding) -> Key {
    (
        f.code,
        f.at.clone(),
        f.message(hyoka::model::finding::Lang::Ja),
    )
}

/// A char range in a cell's text.
type Span = (usize, usize);
/// A fact of a relation: (set of `Clean::sets`, fact index, its span).
type Member = (usize, u32, Span);
use hyoka::facts::quantity::amount::Amount;

pub struct Clean {
    pub year: FiscalYear,
    pub findings: Vec<Finding>,
    /// Per cell, the char ranges of the facts that take part in a relation
    /// hyoka judges on the clean data (of a file, or across the batch).
    pub related: HashMap<Location, Vec<(usize, usize)>>,
    keys: HashSet<Key>,
    /// (code, location) of the clean findings: a "new" finding there is a
    /// clean finding whose message changed.
    places: HashSet<(&'static str, Location)>,
    /// The facts and relations of each file and of the batch, to judge
    /// whether a mutant could be seen by the relations its figure is in.
    sets: Vec<(Facts, Vec<Relation>)>,
    /// Per cell, the facts of `sets` in a relation: (set, fact, char span).
    members: HashMap<Location, Vec<Member>>,
    /// Per cell, the text figures a 数値目標 value restates: (char span, value).
    restating: HashMap<Location, Vec<(Span, Amount)>>,
}

pub fn check(
    c: &Corpus,
    year: Option<FiscalYear>,
    subs: Vec<Submission>,
) -> (FiscalYear, Vec<Finding>) {
    let rules = all_rules();
    let (batch, findings) = check_submissions(
        &c.plan,
        year,
        &rules,
        &Default::default(),
        subs,
        c.skipped.clone(),
    )
    .unwrap_or_else(|e| panic!("check failed: {e}"));
    (batch.year, findings)
}

pub fn clean(c: &Corpus, year: Option<FiscalYear>) -> Clean {
    let rules = all_rules();
    let (batch, findings) = check_submissions(
        &c.plan,
        year,
        &rules,
        &Default::default(),
        c.subs.clone(),
        c.skipped.clone(),
    )
    .unwrap_or_else(|e| panic!("check failed: {e}"));
    let mut related = HashMap::new();
    let mut sets = Vec::new();
    for (i, s) in c.subs.iter().enumerate() {
        let cx = FileCx::new(&c.plan, i, s.clone());
        let q = cx.quantities();
        mark_related(&q.facts, &q.relations, &mut related);
        sets.push((q.facts.clone(), q.relations.clone()));
    }
    let q = batch.quantities();
    mark_related(&q.facts, &q.relations, &mut related);
    mark_related(&q.facts, &q.across, &mut related);
    let batch_relations = q.relations.iter().chain(&q.across).cloned().collect();
    sets.push((q.facts.clone(), batch_relations));
    let mut members: HashMap<Location, Vec<Member>> = HashMap::new();
    for (si, (facts, rels)) in sets.iter().enumerate() {
        for r in rels.iter().filter(|r| r.verdict(facts).is_some()) {
            for m in r.members() {
                let x = &facts.facts[m as usize];
                let v = members.entry(facts.text_of(x).at.clone()).or_default();
                let e = (si, m, char_span(facts, x));
                if !v.contains(&e) {
                    v.push(e);
                }
            }
        }
    }
    // A 数値目標 value and the text figure it restates (N002, N004, N010).
    let mut restating: HashMap<Location, Vec<_>> = HashMap::new();
    for tv in &batch.targets().values {
        if let Some((q, p)) = hyoka::facts::restated::restated(&batch, tv) {
            related
                .entry(tv.at.clone())
                .or_default()
                .push((0, usize::MAX));
            mark_fact(&q.facts, p, &mut related);
            restating
                .entry(q.facts.text_of(p).at.clone())
                .or_default()
                .push((char_span(&q.facts, p), tv.amount.clone()));
        }
    }
    Clean {
        year: batch.year,
        related,
        keys: findings.iter().map(key).collect(),
        places: findings.iter().map(|f| (f.code, f.at.clone())).collect(),
        findings,
        sets,
        members,
        restating,
    }
}

/// A fact's char range in its text.
fn char_span(facts: &Facts, x: &Fact) -> (usize, usize) {
    let t = facts.text_of(x);
    let chars = |b: u32| t.folded[..b as usize].chars().count();
    (chars(x.span.start), chars(x.span.end))
}

/// Records the char ranges of every fact of a relation with a verdict.
fn mark_related(
    facts: &Facts,
    rels: &[Relation],
    out: &mut HashMap<Location, Vec<(usize, usize)>>,
) {
    for r in rels.iter().filter(|r| r.verdict(facts).is_some()) {
        for m in r.members() {
            mark_fact(facts, &facts.facts[m as usize], out);
        }
    }
}

fn mark_fact(facts: &Facts, x: &Fact, out: &mut HashMap<Location, Vec<(usize, usize)>>) {
    let span = char_span(facts, x);
    let v = out.entry(facts.text_of(x).at.clone()).or_default();
    if !v.contains(&span) {
        v.push(span);
    }
}

impl Clean {
    /// Whether a mutant of a figure in a relation changes what one of its
    /// relations says, judged with the mutated value in the clean relation:
    /// a last-digit slip of `1,580時間` under `約1.9倍` does not, and no check
    /// of that relation can see it (an equivalent mutant). Mutants of other
    /// kinds than a changed number, of number cells and of 数値目標 values
    /// count as visible.
    pub fn visible(&self, fig: &Figure, m: &Mutant) -> bool {
        let numeric = matches!(
            m.op,
            Op::Swap
                | Op::Plus1
                | Op::Minus1
                | Op::Times10
                | Op::Times1000
                | Op::Div1000
                | Op::Sign
        );
        let CellValue::Text(text) = &m.value else {
            return true;
        };
        if !numeric || fig.span == (0, 0) {
            return true;
        }
        let overlaps = |(a, b): (usize, usize)| a < fig.span.1 && fig.span.0 < b;
        // The mutated figure, read as hyoka reads it, at the figure's start.
        let mut scratch = Facts::default();
        let place = hyoka::facts::quantity::Place::Comment { row: 0 };
        scratch.add(text, fig.at.clone(), place);
        let Some(new) = scratch
            .facts
            .iter()
            .find(|x| char_span(&scratch, x).0 == fig.span.0)
            .map(|x| x.amount.clone())
        else {
            return true;
        };
        for &(span, ref target) in self.restating.get(&fig.at).into_iter().flatten() {
            if overlaps(span) && !new.agrees(target) {
                return true;
            }
        }
        for &(si, i, span) in self.members.get(&fig.at).into_iter().flatten() {
            if !overlaps(span) {
                continue;
            }
            let (facts, rels) = &self.sets[si];
            let mut changed = facts.clone();
            changed.facts[i as usize].amount = new.clone();
            let differs = rels
                .iter()
                .filter(|r| r.members().contains(&i))
                .any(|r| r.verdict(facts) != r.verdict(&changed));
            if differs {
                return true;
            }
        }
        false
    }

    /// Whether a figure takes part in a relation: a fact of a relation
    /// overlaps it (a number cell: any fact of the cell).
    pub fn in_relation(&self, f: &Figure) -> bool {
        self.related.get(&f.at).is_some_and(|spans| {
            f.span == (0, 0) || spans.iter().any(|&(a, b)| a < f.span.1 && f.span.0 < b)
        })
    }
}

/// What became of one mutant.
#[derive(Clone, Debug, Default)]
pub struct Verdict {
    /// Rules that reported a new error or warning at (or naming) the cell.
    pub caught_by: BTreeSet<&'static str>,
    /// Whether all of those are clean findings at the same place whose
    /// message changed (the cell was already reported).
    pub only_changed: bool,
    /// Rules with a new error or warning elsewhere only.
    pub elsewhere: BTreeSet<&'static str>,
}

impl Verdict {
    pub fn caught(&self) -> bool {
        !self.caught_by.is_empty()
    }
}

fn same_cell(a: &Location, b: &Location) -> bool {
    a == b
}

pub fn run_mutant(c: &Corpus, cl: &Clean, figures: &[Figure], m: &Mutant) -> Verdict {
    let fig = &figures[m.figure];
    let mut subs = c.subs.clone();
    set_slot(&mut subs, fig.slot, m.value.clone());
    let (_, found) = check(c, Some(cl.year), subs);
    let mut v = Verdict {
        only_changed: true,
        ..Verdict::default()
    };
    for f in &found {
        if f.severity == Severity::Info || cl.keys.contains(&key(f)) {
            continue;
        }
        if same_cell(&f.at, &fig.at) || f.related.iter().any(|r| same_cell(r, &fig.at)) {
            v.caught_by.insert(f.code);
            if !cl.places.contains(&(f.code, f.at.clone())) {
                v.only_changed = false;
            }
        } else {
            v.elsewhere.insert(f.code);
        }
    }
    if !v.caught() {
        v.only_changed = false;
    }
    v
}

pub fn run_all(c: &Corpus, cl: &Clean, figures: &[Figure], mutants: &[Mutant]) -> Vec<Verdict> {
    mutants
        .par_iter()
        .map(|m| run_mutant(c, cl, figures, m))
        .collect()
}

// ---------------------------------------------------------------------------
// The report.
// ---------------------------------------------------------------------------

#[derive(Default, Clone, Copy)]
struct Tally {
    mutants: usize,
    caught: usize,
}

impl Tally {
    fn add(&mut self, caught: bool) {
        self.mutants += 1;
        self.caught += caught as usize;
    }
    fn rate(self) -> f64 {
        if self.mutants == 0 {
            0.0
        } else {
            100.0 * self.caught as f64 / self.mutants as f64
        }
    }
}

fn unit_class(u: &str) -> &'static str {
    match u {
        "date" => "date",
        _ if MONEY.contains(&u) => "money",
        "%" | "%ポイント" | "ポイント" => "percent/points",
        "" => "bare number",
        "件" | "人" | "名" | "団体" | "回" | "本" | "校" | "世帯" | "日" | "時間" => {
            "count (common counters)"
        }
        _ => "other word",
    }
}

pub struct Report {
    pub json: serde_json::Value,
    pub text: String,
    pub survivors_tsv: String,
    /// Every figure with its mutants, how many were caught and by which rules.
    pub figures_tsv: String,
}

pub fn report(
    dir: &Path,
    cl: &Clean,
    figures: &[Figure],
    mutants: &[Mutant],
    verdicts: &[Verdict],
    skipped: &Skipped,
    seconds: f64,
) -> Report {
    use serde_json::json;
    use std::fmt::Write;
    let mut by_kind: BTreeMap<&str, (usize, Tally)> = BTreeMap::new();
    for f in figures {
        by_kind.entry(f.kind).or_default().0 += 1;
    }
    let mut by_op: BTreeMap<Op, Tally> = BTreeMap::new();
    let mut by_class: BTreeMap<&str, (BTreeSet<usize>, BTreeSet<usize>, Tally)> = BTreeMap::new();
    let mut by_rule: BTreeMap<&str, (usize, usize)> = BTreeMap::new(); // caught by, caught by alone
    let mut total = Tally::default();
    let mut fig_caught = vec![false; figures.len()];
    let mut fig_mutated = vec![false; figures.len()];
    let mut only_changed = 0;
    let mut changed_list = Vec::new();
    let mut elsewhere_only = 0;
    for (m, v) in mutants.iter().zip(verdicts) {
        let fig = &figures[m.figure];
        let caught = v.caught();
        total.add(caught);
        by_op.entry(m.op).or_default().add(caught);
        by_kind.entry(fig.kind).or_default().1.add(caught);
        let cls = by_class.entry(unit_class(&fig.unit)).or_default();
        cls.0.insert(m.figure);
        if caught {
            cls.1.insert(m.figure);
        }
        cls.2.add(caught);
        fig_mutated[m.figure] = true;
        fig_caught[m.figure] |= caught;
        for r in &v.caught_by {
            let e = by_rule.entry(r).or_default();
            e.0 += 1;
            if v.caught_by.len() == 1 {
                e.1 += 1;
            }
        }
        only_changed += v.only_changed as usize;
        if v.only_changed {
            changed_list.push(serde_json::json!({
                "op": m.op.name(), "at": fig.at.to_string(), "after": m.after,
                "rules": v.caught_by.iter().collect::<Vec<_>>(),
            }));
        }
        elsewhere_only += (!caught && !v.elsewhere.is_empty()) as usize;
    }
    let mutated = fig_mutated.iter().filter(|b| **b).count();
    let related = fig_caught.iter().filter(|b| **b).count();
    // Relation coverage: the figures hyoka relates on the clean data, and
    // how many of their mutants are caught (the measure).
    let in_rel: Vec<bool> = figures.iter().map(|f| cl.in_relation(f)).collect();
    let covered = in_rel.iter().filter(|b| **b).count();
    let mut rel_total = Tally::default();
    let mut rel_by_op: BTreeMap<Op, Tally> = BTreeMap::new();
    let mut rel_by_rule: BTreeMap<&str, usize> = BTreeMap::new();
    // Of those, the mutants the figure's relations can see at all (see
    // `Clean::visible`): the rest are equivalent mutants.
    let visible: Vec<bool> = mutants
        .par_iter()
        .map(|m| in_rel[m.figure] && cl.visible(&figures[m.figure], m))
        .collect();
    let mut vis_total = Tally::default();
    let mut vis_by_op: BTreeMap<Op, Tally> = BTreeMap::new();
    for ((m, v), vis) in mutants.iter().zip(verdicts).zip(&visible) {
        if in_rel[m.figure] {
            rel_total.add(v.caught());
            rel_by_op.entry(m.op).or_default().add(v.caught());
            for r in &v.caught_by {
                *rel_by_rule.entry(r).or_default() += 1;
            }
        }
        if *vis {
            vis_total.add(v.caught());
            vis_by_op.entry(m.op).or_default().add(v.caught());
        }
    }
    // The same per operator, only on the figures that have a caught mutant:
    // how sensitive the relations hyoka checks are to each kind of slip.
    let mut by_op_related: BTreeMap<Op, Tally> = BTreeMap::new();
    for (m, v) in mutants.iter().zip(verdicts) {
        if fig_caught[m.figure] {
            by_op_related.entry(m.op).or_default().add(v.caught());
        }
    }
    let share = |a: usize, b: usize| {
        if b == 0 {
            0.0
        } else {
            100.0 * a as f64 / b as f64
        }
    };
    let clean_errors: Vec<&Finding> = cl
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    let clean_warnings = cl
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Warning)
        .count();

    // Text.
    let mut t = String::new();
    let _ = writeln!(
        t,
        "mutation coverage of {} ({}), {:.1} s",
        dir.display(),
        cl.year.label(),
        seconds
    );
    let _ = writeln!(
        t,
        "\nfigures by cell kind            figures  mutants  caught  kill%"
    );
    for (k, (n, tl)) in &by_kind {
        let _ = writeln!(
            t,
            "  {k:<28} {n:>8} {:>8} {:>7} {:>6.1}",
            tl.mutants,
            tl.caught,
            tl.rate()
        );
    }
    let _ = writeln!(
        t,
        "  {:<28} {:>8} {:>8} {:>7} {:>6.1}",
        "total",
        figures.len(),
        total.mutants,
        total.caught,
        total.rate()
    );
    let _ = writeln!(
        t,
        "  numbers passed over: {}",
        skipped
            .0
            .iter()
            .map(|(k, v)| format!("{k} {v}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let _ = writeln!(
        t,
        "\nmutants by operator             mutants  caught  kill%   on figures with a kill: mutants  caught  kill%"
    );
    for (op, tl) in &by_op {
        let r = by_op_related.get(op).copied().unwrap_or_default();
        let _ = writeln!(
            t,
            "  {:<28} {:>8} {:>7} {:>6.1}   {:>31} {:>7} {:>6.1}",
            op.name(),
            tl.mutants,
            tl.caught,
            tl.rate(),
            r.mutants,
            r.caught,
            r.rate()
        );
    }
    let _ = writeln!(
        t,
        "\nfigures by unit                 figures  w/ kill  mutants  caught  kill%"
    );
    for (c, (f, k, tl)) in &by_class {
        let _ = writeln!(
            t,
            "  {c:<30} {:>7} {:>8} {:>8} {:>7} {:>6.1}",
            f.len(),
            k.len(),
            tl.mutants,
            tl.caught,
            tl.rate()
        );
    }
    let _ = writeln!(
        t,
        "\ncaught by rule (a mutant may count for several)   caught  alone"
    );
    for (r, (n, alone)) in &by_rule {
        let _ = writeln!(t, "  {r:<48} {n:>6} {alone:>6}");
    }
    let _ = writeln!(
        t,
        "\nkill rate: {} of {} mutants caught ({:.1}%); {} of them only as a changed message of a clean finding at the cell",
        total.caught,
        total.mutants,
        total.rate(),
        only_changed
    );
    let _ = writeln!(
        t,
        "survivors with a new finding elsewhere only (not at the cell): {elsewhere_only}"
    );
    let _ = writeln!(
        t,
        "figures with at least one caught mutant (lower bound for figures taking part in a relation hyoka checks): {related} of {} ({:.1}%); of the {mutated} figures with a mutant: {:.1}%",
        figures.len(),
        share(related, figures.len()),
        share(related, mutated)
    );
    let _ = writeln!(
        t,
        "\nrelation coverage: {covered} of {} figures ({:.1}%) take part in a relation hyoka judges on the clean data",
        figures.len(),
        share(covered, figures.len())
    );
    let _ = writeln!(
        t,
        "kill rate on those figures: {} of {} mutants caught ({:.1}%)",
        rel_total.caught,
        rel_total.mutants,
        rel_total.rate()
    );
    let per_op = |t: &mut String, by: &BTreeMap<Op, Tally>| {
        for (op, tl) in by {
            let _ = writeln!(
                t,
                "  {:<28} {:>8} {:>7} {:>6.1}",
                op.name(),
                tl.mutants,
                tl.caught,
                tl.rate()
            );
        }
    };
    per_op(&mut t, &rel_by_op);
    let _ = writeln!(
        t,
        "of those, visible to the figure's relations (the mutated value changes what one of them says): {} of {} caught ({:.1}%); {} equivalent mutants",
        vis_total.caught,
        vis_total.mutants,
        vis_total.rate(),
        rel_total.mutants - vis_total.mutants
    );
    per_op(&mut t, &vis_by_op);
    let _ = writeln!(
        t,
        "  caught by: {}",
        rel_by_rule
            .iter()
            .map(|(r, n)| format!("{r} {n}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let _ = writeln!(
        t,
        "\nclean run: {} findings, {} errors, {} warnings",
        cl.findings.len(),
        clean_errors.len(),
        clean_warnings
    );
    for f in &clean_errors {
        let _ = writeln!(
            t,
            "  error {} {}: {}",
            f.code,
            f.at,
            f.message(hyoka::model::finding::Lang::Ja)
        );
    }

    // Survivors.
    let mut tsv = String::from(
        "op\tkind\tfile\tsheet\tcell\tpanel header\tunit\tbefore\tafter\tfigure caught by another op\tnew findings elsewhere\tin a relation\tvisible to its relations\n",
    );
    let mut survivors = Vec::new();
    for ((m, v), vis) in mutants.iter().zip(verdicts).zip(&visible) {
        if v.caught() {
            continue;
        }
        let fig = &figures[m.figure];
        let cell = fig.at.cell.map(|c| c.to_string()).unwrap_or_default();
        let clean_tab = |s: &str| s.replace(['\t', '\n'], " ");
        let _ = writeln!(
            tsv,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            m.op.name(),
            fig.kind,
            fig.at.file,
            fig.at.sheet.as_deref().unwrap_or(""),
            cell,
            clean_tab(&fig.header),
            fig.unit,
            clean_tab(&m.before),
            clean_tab(&m.after),
            if fig_caught[m.figure] { "yes" } else { "no" },
            v.elsewhere.iter().copied().collect::<Vec<_>>().join(","),
            if in_rel[m.figure] { "yes" } else { "no" },
            if *vis { "yes" } else { "no" }
        );
        survivors.push(json!({
            "op": m.op.name(), "kind": fig.kind, "file": &*fig.at.file,
            "sheet": fig.at.sheet.as_deref(), "cell": cell, "header": fig.header,
            "unit": fig.unit, "before": m.before, "after": m.after,
            "figure_caught_by_other_op": fig_caught[m.figure],
            "in_relation": in_rel[m.figure],
            "visible": vis,
            "elsewhere": v.elsewhere.iter().collect::<Vec<_>>(),
        }));
    }
    let tally =
        |tl: &Tally| json!({"mutants": tl.mutants, "caught": tl.caught, "kill_rate": tl.rate()});
    let json = json!({
        "folder": dir.display().to_string(),
        "year": cl.year.label(),
        "seconds": seconds,
        "figures": {
            "total": figures.len(),
            "by_kind": by_kind.iter().map(|(k, (n, _))| (k.to_string(), json!(n))).collect::<serde_json::Map<_, _>>(),
            "passed_over": skipped.0.iter().map(|(k, v)| (k.to_string(), json!(v))).collect::<serde_json::Map<_, _>>(),
            "with_mutants": mutated,
            "with_caught_mutant": related,
            "with_caught_mutant_share": share(related, figures.len()),
            "in_relation": covered,
            "relation_coverage": share(covered, figures.len()),
        },
        "in_relation": {
            "mutants": tally(&rel_total),
            "by_operator": rel_by_op.iter().map(|(o, tl)| (o.name().to_string(), tally(tl))).collect::<serde_json::Map<_, _>>(),
            "by_rule": rel_by_rule.iter().map(|(r, n)| (r.to_string(), json!(n))).collect::<serde_json::Map<_, _>>(),
            "visible": tally(&vis_total),
            "visible_by_operator": vis_by_op.iter().map(|(o, tl)| (o.name().to_string(), tally(tl))).collect::<serde_json::Map<_, _>>(),
        },
        "mutants": tally(&total),
        "by_operator": by_op.iter().map(|(o, tl)| (o.name().to_string(), tally(tl))).collect::<serde_json::Map<_, _>>(),
        "by_operator_on_figures_with_a_kill": by_op_related.iter().map(|(o, tl)| (o.name().to_string(), tally(tl))).collect::<serde_json::Map<_, _>>(),
        "by_kind": by_kind.iter().map(|(k, (_, tl))| (k.to_string(), tally(tl))).collect::<serde_json::Map<_, _>>(),
        "by_unit": by_class.iter().map(|(c, (f, k, tl))| (c.to_string(), json!({"figures": f.len(), "figures_with_caught_mutant": k.len(), "mutants": tl.mutants, "caught": tl.caught, "kill_rate": tl.rate()}))).collect::<serde_json::Map<_, _>>(),
        "by_rule": by_rule.iter().map(|(r, (n, a))| (r.to_string(), json!({"caught": n, "alone": a}))).collect::<serde_json::Map<_, _>>(),
        "caught_only_as_changed_message": only_changed,
        "caught_only_as_changed_message_list": changed_list,
        "survivors_with_findings_elsewhere_only": elsewhere_only,
        "clean": {
            "findings": cl.findings.len(),
            "warnings": clean_warnings,
            "errors": clean_errors.iter().map(|f| json!({"code": f.code, "at": f.at.to_string(), "message": f.message(hyoka::model::finding::Lang::Ja)})).collect::<Vec<_>>(),
        },
        "survivors": survivors,
    });
    let mut per_fig: Vec<(usize, usize, BTreeSet<&str>)> =
        vec![(0, 0, BTreeSet::new()); figures.len()];
    for (m, v) in mutants.iter().zip(verdicts) {
        let e = &mut per_fig[m.figure];
        e.0 += 1;
        e.1 += v.caught() as usize;
        e.2.extend(v.caught_by.iter().copied());
    }
    let mut ftsv = String::from(
        "kind\tfile\tsheet\tcell\tpanel header\tunit\tprinted\tcontext\tmutants\tcaught\trules\tin a relation\n",
    );
    for ((f, (n, k, rules)), rel) in figures.iter().zip(&per_fig).zip(&in_rel) {
        let _ = writeln!(
            ftsv,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{n}\t{k}\t{}\t{}",
            f.kind,
            f.at.file,
            f.at.sheet.as_deref().unwrap_or(""),
            f.at.cell.map(|c| c.to_string()).unwrap_or_default(),
            f.header.replace(['\t', '\n'], " "),
            f.unit,
            f.printed.replace(['\t', '\n'], " "),
            f.context.replace(['\t', '\n'], " "),
            rules.iter().copied().collect::<Vec<_>>().join(","),
            if *rel { "yes" } else { "no" }
        );
    }
    Report {
        json,
        text: t,
        survivors_tsv: tsv,
        figures_tsv: ftsv,
    }
}

// ---------------------------------------------------------------------------

struct Args {
    dir: PathBuf,
    plan: Option<PathBuf>,
    year: Option<String>,
    json: Option<PathBuf>,
    survivors: PathBuf,
    ops: Vec<Op>,
    only: Option<String>,
    figures: Option<PathBuf>,
}

fn args() -> Args {
    let mut a = Args {
        dir: PathBuf::from("samples"),
        plan: None,
        year: None,
        json: None,
        survivors: PathBuf::from("target/mutation/survivors.tsv"),
        ops: ALL_OPS.to_vec(),
        only: None,
        figures: None,
    };
    let mut it = std::env::args().skip(1);
    let usage = "usage: mutate [DIR] [--year 令和6] [--plan FILE] [--json FILE] [--survivors FILE] [--ops swap,x1000,…] [--only TEXT] [--figures FILE]";
    while let Some(x) = it.next() {
        let mut val = || {
            it.next()
                .unwrap_or_else(|| panic!("{x} needs a value\n{usage}"))
        };
        match x.as_str() {
            "--year" => a.year = Some(val()),
            "--plan" => a.plan = Some(val().into()),
            "--json" => a.json = Some(val().into()),
            "--survivors" => a.survivors = val().into(),
            "--only" => a.only = Some(val()),
            "--figures" => a.figures = Some(val().into()),
            "--ops" => {
                a.ops = val()
                    .split(',')
                    .map(|o| {
                        Op::parse(o).unwrap_or_else(|| {
                            panic!(
                                "unknown operator {o}: {}",
                                ALL_OPS
                                    .iter()
                                    .map(|o| o.name())
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            )
                        })
                    })
                    .collect()
            }
            "-h" | "--help" => {
                println!("{usage}");
                std::process::exit(0);
            }
            s if s.starts_with('-') => panic!("unknown option {s}\n{usage}"),
            _ => a.dir = x.into(),
        }
    }
    a
}

fn main() {
    let a = args();
    let t0 = Instant::now();
    let plan = match &a.plan {
        None => Plan::embedded(),
        Some(p) => Plan::from_toml(&std::fs::read_to_string(p).expect("read the plan"))
            .unwrap_or_else(|e| panic!("{}: {e}", p.display())),
    };
    let year = a
        .year
        .as_deref()
        .map(|y| parse_year_arg(y).unwrap_or_else(|| panic!("--year {y}: not a year")));
    let corpus = load(&a.dir, plan);
    let cl = clean(&corpus, year);
    let (figures, mutants, skipped) = enumerate(&corpus.subs, &a.ops, a.only.as_deref());
    eprintln!(
        "{} files, {} figures, {} mutants; checking…",
        corpus.subs.len(),
        figures.len(),
        mutants.len()
    );
    let verdicts = run_all(&corpus, &cl, &figures, &mutants);
    let seconds = t0.elapsed().as_secs_f64();
    let r = report(
        &a.dir, &cl, &figures, &mutants, &verdicts, &skipped, seconds,
    );
    print!("{}", r.text);
    if let Some(dir) = a.survivors.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    std::fs::write(&a.survivors, &r.survivors_tsv).expect("write survivors");
    if let Some(p) = &a.figures {
        std::fs::write(p, &r.figures_tsv).expect("write figures");
        println!("figures: {}", p.display());
    }
    println!("survivors: {}", a.survivors.display());
    if let Some(j) = &a.json {
        std::fs::write(j, serde_json::to_string_pretty(&r.json).expect("json"))
            .expect("write json");
        println!("json: {}", j.display());
    }
}
