//! A claim that holds only if the printed figures were rounded from other
//! values.
//!
//! ## What it checks
//! Every relation of the other figure rules (sums, changes, rates, averages,
//! equations, balances, running totals, distances to targets) is judged on
//! the figures as printed. When the printed figures do not give the claim,
//! but would if they were rounded from unprinted values (`29.3%` → `前年比2.5
//! ポイント減の26.9%`: the printed figures give 2.4; `3.39t-CO2 × 64世帯 × 5.1% ＝
//! 11.0t-CO2`: 11.06), this rule reports what the printed figures give. The
//! committee reads the printed figures.
//!
//! ## Why it matters
//! A reader who checks the arithmetic finds it wrong, although it was right
//! before rounding; the sheet should print figures that agree, or say that
//! its rates are computed before rounding.
//!
//! ## Example
//! Reported: `自治会加入率29.3%`, then `加入率は前年比2.5ポイント減の26.9%`
//! (表示値では2.4ポイント減). Not reported: `前年比2.4ポイント減の26.9%`.

use crate::facts::file::FileCx;
use crate::facts::relations::change::POINTS_AS_PERCENT;
use crate::facts::relations::{Kind, Verdict};
use crate::rules::figures::judged::{judged, report};
use crate::rules::{Findings, Rule};

pub struct PrintedRounding;

const FAMILIES: [Kind; 8] = [
    Kind::Sum,
    Kind::Change,
    Kind::Rate,
    Kind::Average,
    Kind::Equation,
    Kind::Balance,
    Kind::Running,
    Kind::TargetGap,
];

impl Rule for PrintedRounding {
    fn check_file(&self, f: &FileCx, out: &mut Findings) {
        let q = f.quantities();
        for kind in FAMILIES {
            for (r, v) in judged(&q.facts, &q.relations, kind) {
                if r.cue == POINTS_AS_PERCENT {
                    continue;
                }
                if let Verdict::Rounded { expected } = v {
                    report(&q.facts, r, expected, true, out);
                }
            }
        }
    }
}
