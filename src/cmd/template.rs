//! `hyoka template`: write the blank workbook a department fills in.
//!
//! Usage:
//!     hyoka template --dept 財政課 --year 令和6 -o 財政課_令和6年度.xlsx
//!     hyoka template --item "3-(4)" --year 令和6 -o 3-4.xlsx
//!     hyoka template --dept 財政課 --year 令和7 --from 財政課_令和6年度.xlsx -o 財政課_令和7年度.xlsx
//!
//! One 評価シート per item the department owns (the first department named for
//! the item in the plan), pre-filled from the plan; a 数値目標 sheet for its
//! targets. `--from` carries last year's texts, grades (the item's and each
//! 主な事業's) and 数値目標 values into the previous-year columns; the year
//! being evaluated is left to fill. `-o` may be a folder: the workbook is then
//! named after the department (or item) and year, `財政課_令和7年度.xlsx`.

use std::path::PathBuf;

use crate::error::ToolError;
use crate::model::plan::ItemId;
use crate::model::year::parse_year_arg;
use crate::report::template::{CarriedBook, build, carried_from, carried_targets};

/// Write a fill-in template / 記入用の評価シートを作成
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Department (担当課) whose items to include
    #[arg(long, value_name = "担当課", required_unless_present = "item")]
    pub dept: Option<String>,

    /// One item instead, like 3-(4)
    #[arg(long, value_name = "ID")]
    pub item: Option<String>,

    /// Fiscal year being evaluated: 令和6, R6 or 2024
    #[arg(long, value_name = "YEAR")]
    pub year: String,

    /// Last year's workbook, whose texts and grades are carried over
    #[arg(long, value_name = "FILE")]
    pub from: Option<PathBuf>,

    /// Plan file (TOML) of another municipality
    #[arg(long, value_name = "FILE")]
    pub plan: Option<PathBuf>,

    /// Output workbook, or the folder to write it in
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
}

pub fn run(mut args: Args) -> Result<i32, ToolError> {
    let year = parse_year_arg(&args.year).ok_or_else(|| ToolError::BadYear(args.year.clone()))?;
    if args.output.is_dir() {
        // The name says the year, so that `check` finds it before any grade
        // is written (the department's part is what the file name's
        // department reader takes: `財政課_…`).
        let who = match (&args.dept, &args.item) {
            (Some(d), _) => d.clone(),
            (None, Some(i)) => i.clone(),
            (None, None) => unreachable!("clap requires one"),
        };
        let name: String = who
            .chars()
            .map(|c| if r#"/\:*?"<>|"#.contains(c) { '_' } else { c })
            .collect();
        args.output = args.output.join(format!("{name}_{}.xlsx", year.label()));
    }
    args.output = crate::report::atomic::workbook_path(&args.output)?;
    let plan = super::load_plan_file(args.plan.as_deref())?;
    let items: Vec<_> = match (&args.item, &args.dept) {
        (Some(id), _) => {
            let id = ItemId::parse(id).ok_or_else(|| {
                ToolError::Other(format!("取組項目「{id}」を読めません（例: 3-(4)）"))
            })?;
            vec![
                plan.item(id)
                    .ok_or_else(|| ToolError::Other(format!("取組項目 {id} は計画にありません")))?,
            ]
        }
        (None, Some(d)) => {
            let key = crate::model::text::key(d);
            plan.items()
                .filter(|i| {
                    i.item
                        .departments
                        .first()
                        .is_some_and(|f| crate::model::text::key(f) == key)
                })
                .collect()
        }
        (None, None) => unreachable!("clap requires one"),
    };
    if items.is_empty() {
        let owners: std::collections::BTreeSet<&str> = plan
            .items()
            .filter_map(|i| i.item.departments.first().map(String::as_str))
            .collect();
        return Err(ToolError::Other(format!(
            "担当課「{}」が最初に名前の挙がる取組項目は計画にありません。計画の担当課: {}",
            args.dept.unwrap_or_default(),
            owners.into_iter().collect::<Vec<_>>().join("、")
        )));
    }
    let from = match &args.from {
        None => CarriedBook::default(),
        Some(p) => {
            let settings = crate::read::Settings {
                form: &plan.form,
                encoding: None,
            };
            let s = crate::read::read_submission(p, p.display().to_string().into(), settings);
            let wb = s
                .workbook()
                .ok_or_else(|| ToolError::Other(format!("{} を読めません", p.display())))?;
            CarriedBook {
                sheets: wb
                    .eval_sheets
                    .iter()
                    .filter_map(|e| Some((e.item_id()?, carried_from(e))))
                    .collect(),
                targets: carried_targets(&wb.targets),
            }
        }
    };
    crate::report::atomic::refuse_inputs(&args.output, args.from.as_slice())?;
    let bytes = build(&plan, &items, year, &from)
        .map_err(|e| crate::report::atomic::xlsx_error(&args.output, e))?;
    crate::report::atomic::write(&args.output, &bytes)?;
    eprintln!(
        "{} の評価シート {} 枚を書き出しました: {}",
        year,
        items.len(),
        args.output.display()
    );
    Ok(0)
}
