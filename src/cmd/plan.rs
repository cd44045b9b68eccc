//! `hyoka plan`: show the plan in use, or print the embedded one as a
//! starting point for another municipality's plan file.
//!
//! Usage:
//!     hyoka plan --print > 南市_令和7-11.toml     the embedded plan (TOML)
//!     hyoka plan --plan 南市.toml                  check a plan file and list it

use std::path::PathBuf;

use crate::error::ToolError;

/// Show or print the plan / 計画の表示
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Print the embedded 令和4～8年度 plan as TOML (docs/plan-format.md)
    #[arg(long)]
    pub print: bool,

    /// A plan file to check and list
    #[arg(long, value_name = "FILE")]
    pub plan: Option<PathBuf>,
}

pub fn run(args: Args) -> Result<i32, ToolError> {
    if args.print {
        print!("{}", crate::model::plan::EMBEDDED_PLAN);
        return Ok(0);
    }
    let plan = super::load_plan_file(args.plan.as_deref())?;
    println!(
        "{}（{}）{}～{}: 基本方針 {}、取組項目 {}、取組内容 {}",
        plan.name,
        plan.municipality,
        plan.first_year,
        plan.last_year,
        plan.policies.len(),
        plan.items().count(),
        plan.actions().count()
    );
    for i in plan.items() {
        println!(
            "  {} {}（{}）",
            i.id,
            i.item.name,
            i.item.departments.join("・")
        );
    }
    Ok(0)
}
