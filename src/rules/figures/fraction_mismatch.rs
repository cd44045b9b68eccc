//! A percentage that is not the fraction or rate printed with it.
//!
//! ## What it checks
//! - `55.6%（5/9名）`: the percentage must be the fraction, rounded to its last
//!   digit.
//! - `達成率126%`: when the same text states the target (`目標額`, `目標`) and the
//!   amount achieved (the nearest figure of the target's unit before the rate),
//!   the rate must be amount ÷ target.
//!
//! ## Why it matters
//! A rate left over from an earlier count, or computed on the wrong base, is
//! printed next to the figures that contradict it.
//!
//! ## Example
//! Fails: `出産介護休暇：66.7%（5/9名）` (5/9 = 55.6%).
//! Passes: `出産介護休暇：55.6%（5/9名）`.

use crate::facts::figures::Placed;
use crate::facts::file::FileCx;
use crate::model::figure::{Unit, group_digits};
use crate::model::finding::{Lang, Violation};
use crate::rules::{Findings, Rule};
use serde::Serialize;

pub struct FractionMismatch;

/// A percentage that its fraction (or amount and target) does not give.
#[derive(Debug, Serialize)]
pub struct RateDiffers {
    pub rate: String,
    pub computed: f64,
    /// What it was computed from: `5/9`, `912件 ÷ 1,000件`.
    pub from: String,
    /// Whether `from` is a fraction (else an amount and its target).
    pub fraction: bool,
}

impl RateDiffers {
    fn shown(&self) -> String {
        format!("{}%", group_digits(self.computed, 1))
    }
}

impl Violation for RateDiffers {
    fn message(&self, lang: Lang) -> String {
        let shown = self.shown();
        match lang {
            Lang::Ja => format!(
                "「{}」が{}から計算した{}と合いません。",
                self.rate, self.from, shown
            ),
            Lang::En => format!(
                "`{}` does not match {} computed from {}.",
                self.rate,
                shown,
                if self.fraction {
                    "the fraction"
                } else {
                    "amount and target"
                }
            ),
        }
    }
    fn found(&self) -> Option<String> {
        Some(self.rate.clone())
    }
    fn expected(&self) -> Option<String> {
        Some(self.shown())
    }
}

fn report(p: &Placed, computed: f64, from: String, fraction: bool, out: &mut Findings) {
    out.push(
        p.at.clone(),
        RateDiffers {
            rate: p.fig.raw.clone(),
            computed,
            from,
            fraction,
        },
    );
}

impl Rule for FractionMismatch {
    fn check_file(&self, f: &FileCx, out: &mut Findings) {
        let panels = &f.figures().panels;
        for (i, p) in panels.iter().enumerate() {
            if p.fig.figure.unit != Unit::Percent {
                continue;
            }
            let same = |k: usize| panels.get(k).filter(|q| q.at == p.at);
            // `V%（a/b名）`
            if let (Some(a), Some(bq)) = (same(i + 1), same(i + 2)) {
                let open = p.text[p.fig.end..a.fig.start].trim();
                let slash = p.text[a.fig.end..bq.fig.start].trim();
                if (open == "(" || open == "（") && slash == "/" && bq.fig.figure.value != 0.0 {
                    let computed = 100.0 * a.fig.figure.value / bq.fig.figure.value;
                    if (computed - p.fig.figure.value).abs() > p.fig.figure.rounding() + 1e-9 {
                        report(
                            p,
                            computed,
                            format!("{}/{}", a.fig.raw, bq.fig.raw),
                            true,
                            out,
                        );
                    }
                    continue;
                }
            }
            // `達成率126%` with a target in the same text.
            if !p.fig.label.contains("達成率") {
                continue;
            }
            let in_text: Vec<&Placed> = panels
                .iter()
                .filter(|q| q.at == p.at && !std::ptr::eq(*q, p))
                .collect();
            let Some(target) = in_text
                .iter()
                .find(|q| q.fig.label.contains("目標") && q.fig.figure.unit != Unit::Percent)
            else {
                continue;
            };
            let Some(actual) = in_text.iter().rev().find(|q| {
                q.fig.start < p.fig.start
                    && q.fig.figure.unit.same_kind(&target.fig.figure.unit)
                    && !std::ptr::eq(**q, *target)
            }) else {
                continue;
            };
            if target.fig.figure.value == 0.0 {
                continue;
            }
            let computed = 100.0 * actual.fig.figure.value / target.fig.figure.value;
            let tol = p.fig.figure.rounding()
                + 100.0 * (actual.fig.figure.rounding() + target.fig.figure.rounding())
                    / target.fig.figure.value.abs();
            if (computed - p.fig.figure.value).abs() > tol + 1e-9 {
                report(
                    p,
                    computed,
                    format!("{} ÷ {}", actual.fig.raw, target.fig.raw),
                    false,
                    out,
                );
            }
        }
    }
}
