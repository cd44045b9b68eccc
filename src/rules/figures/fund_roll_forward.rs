//! A fund balance that does not follow from last year's balance and the
//! year's deposits and withdrawals.
//!
//! ## What it checks
//! Within one 具体的な取組, when two consecutive years state the balance
//! (`…現在高`), and the later year states the deposit (`積立額`) and the
//! withdrawal (`取崩額`, 0 when not stated but a deposit is):
//! previous balance + deposit − withdrawal = balance, exactly (yen amounts are
//! exact; amounts in 千円 or 億円 allow their rounding).
//!
//! ## Why it matters
//! The balance is the 数値目標 of 3-(4); a figure that does not roll forward
//! means one of the four was copied wrong, and the table built on it is wrong.
//!
//! ## Example
//! Fails: 令和5年度末現在高 8,447,028,953円; 令和6年度 積立額 307,801,629円,
//! 取崩額 300,000,000円, 令和6年度末現在高 8,454,803,582円.
//! Passes: 令和6年度末現在高 8,454,830,582円.

use crate::facts::figures::Placed;
use crate::facts::file::FileCx;
use crate::model::figure::{Unit, group_digits};
use crate::model::finding::{Lang, Violation};
use crate::rules::{Findings, Rule};
use serde::Serialize;

pub struct FundRollForward;

/// A year-end balance that last year's balance, deposits and withdrawals do
/// not give.
#[derive(Debug, Serialize)]
pub struct RollForward {
    pub label: String,
    pub balance: String,
    pub previous: String,
    pub deposits: String,
    pub withdrawals: String,
    /// The balance they give, printed in the balance's unit.
    pub computed: String,
}

impl Violation for RollForward {
    fn message(&self, lang: Lang) -> String {
        let (b, p, d, w, c) = (
            &self.balance,
            &self.previous,
            &self.deposits,
            &self.withdrawals,
            &self.computed,
        );
        match lang {
            Lang::Ja => format!(
                "{}「{b}」が、前年度末 {p} ＋ 積立額 {d} − 取崩額 {w} ＝ {c} と合いません。",
                self.label
            ),
            Lang::En => format!(
                "The balance `{b}` does not equal last year's {p} + deposits {d} − withdrawals {w} = {c}."
            ),
        }
    }
    fn found(&self) -> Option<String> {
        Some(self.balance.clone())
    }
    fn expected(&self) -> Option<String> {
        Some(self.computed.clone())
    }
}

fn find<'b>(panels: &'b [Placed], like: &Placed, year_back: u16, word: &str) -> Option<&'b Placed> {
    panels.iter().find(|p| {
        p.sheet == like.sheet
            && p.project == like.project
            && p.measure == like.measure
            && p.year.0 + year_back == like.year.0
            && p.fig.figure.unit == Unit::Yen
            && p.fig.label.ends_with(word)
    })
}

impl Rule for FundRollForward {
    fn check_file(&self, f: &FileCx, out: &mut Findings) {
        let panels = &f.figures().panels;
        for bal in panels
            .iter()
            .filter(|p| p.fig.figure.unit == Unit::Yen && p.fig.label.ends_with("現在高"))
        {
            // Only the first balance of a year counts (a text may repeat it).
            if find(panels, bal, 0, "現在高").is_some_and(|f| !std::ptr::eq(f, bal)) {
                continue;
            }
            let (Some(prev), Some(dep)) = (
                find(panels, bal, 1, "現在高"),
                find(panels, bal, 0, "積立額"),
            ) else {
                continue;
            };
            let wd = find(panels, bal, 0, "取崩額");
            let expected = prev.fig.figure.value + dep.fig.figure.value
                - wd.map_or(0.0, |w| w.fig.figure.value);
            let tol: f64 = [Some(bal), Some(prev), Some(dep), wd]
                .iter()
                .flatten()
                .map(|p| p.fig.figure.rounding())
                .sum::<f64>()
                + 1e-6;
            if (expected - bal.fig.figure.value).abs() <= tol {
                continue;
            }
            let scale = bal.fig.figure.value / bal.fig.figure.printed_value();
            let shown = format!(
                "{}{}",
                group_digits(expected / scale, 0),
                bal.fig.figure.printed_unit
            );
            let wd_raw = wd.map_or("0円".to_string(), |w| w.fig.raw.clone());
            out.push(
                bal.at.clone(),
                RollForward {
                    label: bal.fig.label.clone(),
                    balance: bal.fig.raw.clone(),
                    previous: prev.fig.raw.clone(),
                    deposits: dep.fig.raw.clone(),
                    withdrawals: wd_raw,
                    computed: shown,
                },
            )
            .related(prev.at.clone());
        }
    }
}
