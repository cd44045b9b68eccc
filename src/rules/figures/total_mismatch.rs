//! A total (合計) that is not the sum of the parts listed before it.
//!
//! ## What it checks
//! In one text, the figures right after `合計` (`合計43団体 648名`) are compared
//! with the sum of the figures of the same unit listed before it (since the
//! previous 合計): `道路（26団体：354名） 公園（14団体：246名） …`. Only amounts
//! that add up are checked (counts and money, not % or bare numbers), and only
//! when at least two parts are listed. The sum must be exact, within the
//! rounding of the figures when they are rounded (see the figures module).
//!
//! ## Why it matters
//! A list updated without its total (or the reverse) is the most common
//! arithmetic slip in these sheets.
//!
//! ## Example
//! Fails: `道路（26団体：354名） 公園（14団体：246名） 合計41団体 600名`.
//! Passes: `… 合計40団体 600名`.

use serde::Serialize;

use crate::facts::figures::Placed;
use crate::facts::file::FileCx;
use crate::model::figure::{Unit, group_digits};
use crate::model::finding::{Lang, Violation};
use crate::rules::{Findings, Rule};

pub struct TotalMismatch;

/// A 合計 that is not the sum of the figures before it.
#[derive(Debug, Serialize)]
pub struct NotTheSum {
    pub total: String,
    pub parts: usize,
    pub sum: f64,
    /// The sum as printed in the total's unit.
    pub shown: String,
}

impl Violation for NotTheSum {
    fn message(&self, lang: Lang) -> String {
        let (t, n, s) = (&self.total, self.parts, &self.shown);
        match lang {
            Lang::Ja => format!("合計「{t}」が内訳{n}件の和（{s}）と合いません。"),
            Lang::En => format!("The total `{t}` is not the sum of its {n} parts ({s})."),
        }
    }
    fn found(&self) -> Option<String> {
        Some(self.total.clone())
    }
    fn expected(&self) -> Option<String> {
        Some(self.shown.clone())
    }
}

fn additive(u: &Unit) -> bool {
    matches!(u, Unit::Yen | Unit::Count(_) | Unit::Minutes)
}

impl Rule for TotalMismatch {
    fn check_file(&self, f: &FileCx, out: &mut Findings) {
        let panels = &f.figures().panels;
        let mut i = 0;
        while i < panels.len() {
            // One text at a time.
            let at = &panels[i].at;
            let j = panels[i..]
                .iter()
                .position(|p| &p.at != at)
                .map_or(panels.len(), |k| i + k);
            let figs: Vec<&Placed> = panels[i..j].iter().collect();
            let mut from = 0;
            for (k, f) in figs.iter().enumerate() {
                let before = &f.text[..f.fig.start];
                let is_total = before.trim_end().ends_with("合計")
                    || (k > 0
                        && figs[k - 1].text[..figs[k - 1].fig.start]
                            .trim_end()
                            .ends_with("合計")
                        && f.text[figs[k - 1].fig.end..f.fig.start].trim().is_empty());
                if !is_total {
                    continue;
                }
                let unit = &f.fig.figure.unit;
                if !additive(unit) {
                    continue;
                }
                // Parts: same unit, not another total, not the denominator of a fraction (`5/9名`).
                let parts: Vec<&&Placed> = figs[from..k]
                    .iter()
                    .filter(|p| {
                        let before = p.text[..p.fig.start].trim_end();
                        p.fig.figure.unit.same_kind(unit)
                            && !before.ends_with("合計")
                            && !before.ends_with('/')
                    })
                    .collect();
                if parts.len() >= 2 {
                    let sum: f64 = parts.iter().map(|p| p.fig.figure.value).sum();
                    let tol = parts.iter().map(|p| p.fig.figure.rounding()).sum::<f64>()
                        + f.fig.figure.rounding()
                        + 1e-6;
                    if (sum - f.fig.figure.value).abs() > tol {
                        let scale = f.fig.figure.value / f.fig.figure.printed_value();
                        let shown = format!(
                            "{}{}",
                            group_digits(sum / scale, 0),
                            f.fig.figure.printed_unit
                        );
                        out.push(
                            f.at.clone(),
                            NotTheSum {
                                total: f.fig.raw.clone(),
                                parts: parts.len(),
                                sum,
                                shown,
                            },
                        );
                    }
                }
                // The next total sums what follows this one's group.
                if k + 1 >= figs.len()
                    || !figs[k + 1].text[f.fig.end..figs[k + 1].fig.start]
                        .trim()
                        .is_empty()
                {
                    from = k + 1;
                }
            }
            i = j;
        }
    }
}
