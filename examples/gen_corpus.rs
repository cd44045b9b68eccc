//! Generates a synthetic corpus of submissions for benchmarks: for each of N
//! municipalities about 20 department workbooks, one or two 評価シート each,
//! laid out as `../shared/format/README.md` describes and varied the way real
//! submissions are (column shift, blank rows, full-width grades, year header
//! styles, text lengths), with a known fraction of injected mistakes.
//!
//! Usage:
//!     cargo run --release --example gen_corpus -- --municipalities 1741 --out /tmp/corpus
//!     [--seed 1] [--mistakes 0.05]
//!
//! About one workbook in five also has a 数値目標 sheet for its item's actions
//! (counts and amounts, typed as numbers or as text with a unit), whose
//! achievements agree with the actions' 個別評価: A met, B either way.
//!
//! An action's grades are the same in every municipality (they follow from
//! the seed, the item and the action): a national corpus is checked as one
//! plan, where an item's grades are read from its first sheet, so a 数値目標
//! of another city must meet the same grades to be free of findings.
//!
//! Writes `manifest.json` beside the workbooks: files, sheets and mistakes.

use std::path::PathBuf;

use hyoka::model::plan::{ActionId, Plan};
use rust_xlsxwriter::{Workbook, Worksheet, XlsxError};

/// A small deterministic generator (xorshift64*), so corpora are reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545F4914F6CDD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
}

struct Args {
    municipalities: usize,
    out: PathBuf,
    seed: u64,
    mistakes: f64,
}

fn args() -> Args {
    let mut a = Args {
        municipalities: 10,
        out: PathBuf::from("corpus"),
        seed: 1,
        mistakes: 0.05,
    };
    let v: Vec<String> = std::env::args().skip(1).collect();
    let mut i = 0;
    while i + 1 < v.len() {
        match v[i].as_str() {
            "--municipalities" => a.municipalities = v[i + 1].parse().expect("a number"),
            "--out" => a.out = PathBuf::from(&v[i + 1]),
            "--seed" => a.seed = v[i + 1].parse().expect("a number"),
            "--mistakes" => a.mistakes = v[i + 1].parse().expect("a fraction"),
            other => panic!("unknown argument {other}"),
        }
        i += 2;
    }
    a
}

const GRADES: [&str; 3] = ["A", "B", "C"];
const FULLWIDTH: [&str; 3] = ["Ａ", "Ｂ", "Ｃ"];

fn year_header(style: u64, n: u16) -> String {
    match style {
        0 => format!("令和{n}年度"),
        1 => format!(
            "令和{}年度",
            n.to_string()
                .chars()
                .map(|c| char::from_u32(c as u32 + 0xFEE0).unwrap())
                .collect::<String>()
        ),
        2 => format!("R{n}"),
        _ => format!("{}年度", 2018 + n),
    }
}

/// The item grade the committee's rule gives (ties resolved to the first).
fn derive(gs: &[usize]) -> usize {
    let (a, b, c) = (
        gs.iter().filter(|g| **g == 0).count(),
        gs.iter().filter(|g| **g == 1).count(),
        gs.iter().filter(|g| **g == 2).count(),
    );
    if c == 0 {
        if a >= b { 0 } else { 1 }
    } else if a + b >= c {
        1
    } else {
        2
    }
}

/// The （再掲） marker an action repeated from another item carries.
fn relisted(a: &hyoka::model::plan::Action) -> &'static str {
    if a.relists.is_some() {
        " （再掲）"
    } else {
        ""
    }
}

/// A generator for what is the same in every municipality about action
/// `action` of item `item` (a repeated action, （再掲）, is its original):
/// its grades and the figures of its texts. `k` tells the uses apart.
fn shared(plan: &Plan, seed: u64, item: usize, action: usize, k: u64) -> Rng {
    let it = plan.items().nth(item).expect("item");
    let a = &it.item.actions[action];
    let id = a
        .relists
        .as_deref()
        .and_then(ActionId::parse)
        .unwrap_or(ActionId {
            item: it.id,
            number: a.number,
        });
    let key = (u64::from(id.item.policy) << 48)
        ^ (u64::from(id.item.item) << 40)
        ^ (u64::from(id.number) << 32)
        ^ k;
    let mut r = Rng((seed ^ key).wrapping_mul(0x9E3779B97F4A7C15) | 1);
    r.next();
    r
}

/// The 個別評価 (0 = A, 1 = B) of an action in graded year `k` (令和4年度 = 0).
fn action_grade(plan: &Plan, seed: u64, item: usize, action: usize, k: usize) -> usize {
    shared(plan, seed, item, action, k as u64).below(2) as usize
}

/// The injected mistakes: where each was put and the code that should
/// report it (at that cell, or naming it among the related cells).
#[derive(Default)]
struct Injected {
    /// The workbook being written, relative to the corpus folder.
    file: String,
    list: Vec<serde_json::Value>,
}

impl Injected {
    fn add(&mut self, sheet: &str, row: u32, col: u16, code: &str) {
        self.list.push(serde_json::json!({
            "file": self.file,
            "sheet": sheet,
            "cell": a1(row, col),
            "code": code,
        }));
    }
}

/// Zero-based row and column as `B12`.
fn a1(row: u32, col: u16) -> String {
    let mut letters = Vec::new();
    let mut c = col as u32 + 1;
    while c > 0 {
        letters.push(b'A' + ((c - 1) % 26) as u8);
        c = (c - 1) / 26;
    }
    letters.reverse();
    format!("{}{}", String::from_utf8(letters).expect("ascii"), row + 1)
}

struct Gen<'a> {
    rng: Rng,
    plan: &'a Plan,
    seed: u64,
    mistakes: f64,
    injected: Injected,
}

fn write_sheet(g: &mut Gen, ws: &mut Worksheet, name: &str, item: usize) -> Result<(), XlsxError> {
    let (rng, plan, mistakes) = (&mut g.rng, g.plan, g.mistakes);
    let injected = &mut g.injected;
    ws.set_name(name)?;
    let it = plan.items().nth(item).expect("item");
    let shift = if rng.chance(0.15) { 1u16 } else { 0 };
    let blank = rng.chance(0.1);
    let full = rng.chance(0.1);
    let ystyle = rng.below(4);
    let mut row = 0u32;
    let label = |ws: &mut Worksheet, row: u32, s: &str| ws.write_string(row, shift, s).map(|_| ());
    let value = |ws: &mut Worksheet, row: u32, col: u16, s: &str| {
        ws.write_string(row, shift + col, s).map(|_| ())
    };
    label(ws, row, "基本方針")?;
    value(
        ws,
        row,
        1,
        &format!("基本方針{} {}", it.policy.number, it.policy.name),
    )?;
    row += 1;
    label(ws, row, "取組項目名")?;
    value(
        ws,
        row,
        1,
        &format!("({}) {}", it.item.number, it.item.name),
    )?;
    row += 1;
    let actions = &it.item.actions;
    let decl: Vec<String> = actions
        .iter()
        .map(|a| {
            format!(
                "{} {}{}\n取組の説明。",
                hyoka::model::text::circled(a.number),
                a.name,
                relisted(a)
            )
        })
        .collect();
    label(ws, row, "取組内容")?;
    value(ws, row, 1, &decl.join("\n"))?;
    row += 1;
    label(ws, row, "担当課")?;
    value(ws, row, 1, &it.item.departments.join(" "))?;
    row += 1;
    // Action grades first, so the item grade can follow the rule.
    let years: Vec<u16> = (4..=8).collect();
    let grades: Vec<Vec<usize>> = (0..actions.len())
        .map(|ai| {
            (0..3)
                .map(|k| action_grade(plan, g.seed, item, ai, k))
                .collect()
        })
        .collect();
    let sym = |g: usize| if full { FULLWIDTH[g] } else { GRADES[g] };
    label(ws, row, "評価")?;
    for (k, y) in years.iter().enumerate() {
        value(ws, row, 1 + k as u16, &year_header(ystyle, *y))?;
    }
    row += 1;
    if blank {
        row += 1;
    }
    for k in 0..5 {
        let s = if k < 3 {
            let year: Vec<usize> = grades.iter().map(|a| a[k]).collect();
            let mut d = derive(&year);
            if k == 2 && rng.chance(mistakes) {
                // Injected: an item grade against the rule. Under an A–B tie
                // the committee may give either, so only C is wrong there.
                let tie = !year.contains(&2)
                    && year.iter().filter(|x| **x == 0).count() * 2 == year.len();
                d = if tie { 2 } else { (d + 1) % 3 };
                injected.add(name, row, shift + 1 + k as u16, "G010");
            }
            sym(d).to_string()
        } else {
            "—".to_string()
        };
        value(ws, row, 1 + k as u16, &s)?;
    }
    row += 2;
    for (ai, a) in actions.iter().enumerate() {
        label(ws, row, "主な事業")?;
        value(
            ws,
            row,
            1,
            &format!(
                "{} {}{}",
                hyoka::model::text::circled(a.number),
                a.name,
                relisted(a)
            ),
        )?;
        row += 1;
        for m in 0..(1 + rng.below(3)) {
            label(ws, row, "具体的な取組")?;
            value(ws, row, 1, &format!("{}の推進{}", a.name, m + 1))?;
            row += 1;
            // The same measure of the same action reports the same figures
            // wherever it appears.
            let mut fig = shared(plan, g.seed, item, ai, 100 + m);
            let prev = 10 + fig.below(90);
            let delta = fig.below(20);
            let mut claimed = delta;
            let wrong_claim = rng.chance(mistakes);
            if wrong_claim {
                claimed += 1 + rng.below(5); // injected: a change the figures do not give
            }
            let filler =
                "・関係各課と連携し、取組を着実に実施した。".repeat(1 + rng.below(4) as usize);
            for (h1, t1, h2, t2) in [
                (
                    "令和6年度の取組",
                    format!(
                        "{filler}運用実績：{}件（対前年度比{}件増）",
                        prev + delta,
                        claimed
                    ),
                    "令和6年度の成果・効果",
                    filler.clone(),
                ),
                (
                    "令和4年度の取組",
                    filler.clone(),
                    "令和5年度の取組",
                    format!("{filler}運用実績：{prev}件"),
                ),
            ] {
                value(ws, row, 1, h1)?;
                value(ws, row, 3, h2)?;
                row += 1;
                if wrong_claim && h1 == "令和6年度の取組" {
                    injected.add(name, row, shift + 1, "N005");
                }
                value(ws, row, 1, &t1)?;
                value(ws, row, 3, &t2)?;
                row += 1;
            }
        }
        label(ws, row, "個別評価")?;
        for (k, y) in years.iter().enumerate() {
            value(ws, row, 1 + k as u16, &year_header(ystyle, *y))?;
        }
        row += 1;
        for k in 0..5 {
            let mut s = grades[ai]
                .get(k)
                .map_or("—".to_string(), |x| sym(*x).to_string());
            if k == 2 && rng.chance(mistakes / 2.0) {
                s = "S".into(); // injected: not a grade
                injected.add(name, row, shift + 1 + k as u16, "G001");
            }
            value(ws, row, 1 + k as u16, &s)?;
        }
        row += 2;
    }
    label(ws, row, "今後の取組方針")?;
    value(ws, row, 1, "引き続き取り組む。")?;
    ws.set_column_width(shift, 14)?;
    Ok(())
}

/// A 数値目標 sheet for the actions of `items`: 目標 and 実績 rows per
/// indicator, 令和4–6年度, met or missed as the action's grade says.
/// Injected: an amount in 円 in the 千円 column (N001); a target missed under
/// grade A (N003).
fn write_targets(g: &mut Gen, ws: &mut Worksheet, items: &[usize]) -> Result<(), XlsxError> {
    let (rng, plan, mistakes) = (&mut g.rng, g.plan, g.mistakes);
    ws.set_name("数値目標")?;
    let header = [
        "取組内容",
        "指標",
        "区分",
        "令和4年度",
        "令和5年度",
        "令和6年度",
        "単位",
        "比較",
    ];
    for (c, h) in header.iter().enumerate() {
        ws.write_string(0, c as u16, *h)?;
    }
    let mut row = 1u32;
    for &item in items {
        let it = plan.items().nth(item).expect("item");
        for (ai, a) in it.item.actions.iter().enumerate() {
            // The plan's 数値目標 actions always have rows (S012); others
            // now and then, as departments add their own indicators.
            if !rng.chance(0.5) && !a.target {
                continue;
            }
            let id = format!(
                "{}-({})-{}",
                it.policy.number,
                it.item.number,
                hyoka::model::text::circled(a.number)
            );
            let amount = rng.chance(0.5);
            let (indicator, unit, cmp) = if amount {
                ("事業費", "千円", "以下")
            } else {
                ("実施件数", "件", "以上")
            };
            let base = if amount {
                10_000 + rng.below(490_000)
            } else {
                10 + rng.below(90)
            };
            // (目標, 実績, 実績 injected in 円) per year.
            let mut years = Vec::new();
            for k in 0..3 {
                let target = base + rng.below(base / 5 + 1);
                let spread = rng.below(target / 10 + 1);
                let met = action_grade(plan, g.seed, item, ai, k) == 0 || rng.chance(0.5);
                let mut missed = !met;
                if k == 2
                    && met
                    && action_grade(plan, g.seed, item, ai, k) == 0
                    && rng.chance(mistakes)
                {
                    missed = true; // injected: missed, yet graded A
                }
                // 以上: met at or above the target; 以下: at or below.
                let up = amount == missed;
                let actual = if up {
                    target + spread + u64::from(missed)
                } else {
                    target - spread.min(target - 1) - u64::from(missed)
                };
                let yen = amount && k == 2 && !missed && rng.chance(mistakes);
                let graded_a = action_grade(plan, g.seed, item, ai, k) == 0;
                years.push((target, actual, yen, missed && graded_a));
            }
            for kind in ["目標", "実績"] {
                ws.write_string(row, 0, &id)?;
                ws.write_string(row, 1, indicator)?;
                ws.write_string(row, 2, kind)?;
                for (y, &(target, actual, yen, missed_a)) in years.iter().enumerate() {
                    let col = 3 + y as u16;
                    let v = if kind == "目標" { target } else { actual };
                    if kind == "実績" && missed_a && y == 2 {
                        g.injected.add("数値目標", row, col, "N003");
                    }
                    if kind == "実績" && yen {
                        g.injected.add("数値目標", row, col, "N001");
                        // Injected: the amount in 円, typed with its unit.
                        ws.write_string(row, col, format!("{}円", group(v * 1000)))?;
                    } else if rng.chance(0.2) {
                        ws.write_string(row, col, format!("{}{unit}", group(v)))?;
                    } else {
                        ws.write_number(row, col, v as f64)?;
                    }
                }
                ws.write_string(row, 6, unit)?;
                ws.write_string(row, 7, cmp)?;
                row += 1;
            }
        }
    }
    Ok(())
}

/// `12345678` → `12,345,678`.
fn group(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn main() -> Result<(), XlsxError> {
    let a = args();
    let plan = Plan::embedded();
    let n_items = plan.items().count();
    let mut g = Gen {
        rng: Rng(a.seed.wrapping_mul(0x9E3779B97F4A7C15) | 1),
        plan: &plan,
        seed: a.seed,
        mistakes: a.mistakes,
        injected: Injected::default(),
    };
    let mut files = 0usize;
    let mut sheets = 0usize;
    let mut target_sheets = 0usize;
    for city in 0..a.municipalities {
        let dir = a.out.join(format!("{:04}", city + 1));
        std::fs::create_dir_all(&dir).expect("output folder");
        let n_files = 15 + g.rng.below(11) as usize; // about 20 per municipality
        for f in 0..n_files {
            let mut wb = Workbook::new();
            let name = format!("課{:02}_令和6年度.xlsx", f + 1);
            g.injected.file = format!("{:04}/{name}", city + 1);
            let n_sheets = if g.rng.chance(0.2) { 2 } else { 1 };
            let items: Vec<usize> = (0..n_sheets).map(|s| (f * 2 + s) % n_items).collect();
            for (s, &item) in items.iter().enumerate() {
                write_sheet(
                    &mut g,
                    wb.add_worksheet(),
                    &format!("評価シート{}", s + 1),
                    item,
                )?;
                sheets += 1;
            }
            if g.rng.chance(0.2) {
                write_targets(&mut g, wb.add_worksheet(), &items)?;
                target_sheets += 1;
            }
            wb.save(dir.join(&name))?;
            files += 1;
        }
    }
    let mut counts = std::collections::BTreeMap::<String, usize>::new();
    for m in &g.injected.list {
        *counts
            .entry(m["code"].as_str().expect("code").to_string())
            .or_default() += 1;
    }
    let summary = serde_json::json!({
        "municipalities": a.municipalities,
        "files": files,
        "sheets": sheets,
        "target_sheets": target_sheets,
        "seed": a.seed,
        "mistake_rate": a.mistakes,
        "injected": counts,
    });
    let mut manifest = summary.clone();
    manifest["mistakes"] = serde_json::Value::Array(g.injected.list);
    let manifest = serde_json::to_string_pretty(&manifest).expect("json");
    std::fs::write(a.out.join("manifest.json"), &manifest).expect("manifest");
    eprintln!("{summary}");
    Ok(())
}
