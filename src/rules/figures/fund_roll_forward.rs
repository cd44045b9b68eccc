//! A balance that last year's balance and the year's inflows and outflows do
//! not give.
//!
//! ## What it checks
//! For a fund or a debt (残高, 現在高), in each year of a 具体的な取組: the year-end
//! balance must equal the previous year-end balance plus what came in (積立,
//! 借入, 発行) minus what went out (取崩, 償還), whatever the order of the
//! terms, the panels they stand in, or the scale they are printed in (円,
//! 千円, 億円). The previous balance is the previous year's in the measure's
//! texts. A balance that holds only before rounding is N016's.
//!
//! ## Why it matters
//! The balances are the plan's headline figures; one that does not roll
//! forward means a typo in a balance, a deposit or a withdrawal.
//!
//! ## Example
//! Fails: 令和5年度末 `9,249,275,327円`, then `積立額 752,672,314円`, `取崩額
//! 800,000,000円` and `令和6年度末現在高 9,201,902,641円` (the terms give
//! 9,201,947,641円). Passes: `積立額 752,627,314円`.

use crate::facts::file::FileCx;
use crate::facts::relations::Kind;
use crate::rules::figures::judged::report_failures;
use crate::rules::{Findings, Rule};

pub struct FundRollForward;

impl Rule for FundRollForward {
    fn check_file(&self, f: &FileCx, out: &mut Findings) {
        let q = f.quantities();
        report_failures(&q.facts, &q.relations, Kind::Balance, out);
    }
}
