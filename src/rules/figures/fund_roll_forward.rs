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

use crate::derive::figures::Placed;
use crate::derive::file::FileCx;
use crate::model::figure::{Unit, group_digits};
use crate::model::finding::{Finding, Severity, Text};
use crate::rules::Rule;

pub struct FundRollForward;

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
    fn code(&self) -> &'static str {
        "N008"
    }
    fn name(&self) -> &'static str {
        "fund-roll-forward"
    }
    fn severity(&self) -> Severity {
        Severity::Error
    }
    fn check_file(&self, f: &FileCx, out: &mut Vec<Finding>) {
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
                self.finding(
                    bal.at.clone(),
                    Text::new(
                        format!(
                            "{}「{}」が、前年度末 {} ＋ 積立額 {} − 取崩額 {} ＝ {} と合いません。",
                            bal.fig.label, bal.fig.raw, prev.fig.raw, dep.fig.raw, wd_raw, shown
                        ),
                        format!(
                            "The balance `{}` does not equal last year's {} + deposits {} − withdrawals {} = {}.",
                            bal.fig.raw, prev.fig.raw, dep.fig.raw, wd_raw, shown
                        ),
                    ),
                )
                .found(bal.fig.raw.clone())
                .expected(shown)
                .related(prev.at.clone()),
            );
        }
    }
}
