//! A rate or share that its numerator and denominator do not give.
//!
//! ## What it checks
//! A percentage with the two figures it is the ratio of: in brackets after it
//! (`加入率41.8%（加入世帯数32,416世帯／世帯数77,550世帯）`, `（32,790世帯÷76,970世帯）`,
//! `（対象34人中26人）`, `（5/9名）`); a share of a named whole (`回収58件のうち、
//! 「賛成」は19件（32.8%）`); an achieved rate against a target in the measure's
//! texts (`目標（500人）に対する進捗率は80.0%`, `（目標額への達成率126%）`). The rate
//! must be the quotient of the printed figures, rounded to its own precision.
//!
//! ## Why it matters
//! A rate is what the committee quotes; a rate that its own figures contradict
//! was computed from other figures, or mistyped.
//!
//! ## Example
//! Fails: `取得率 56.6%（5/9名）` (5 ÷ 9 = 55.6%). Passes: `55.6%（5/9名）`.

use crate::facts::file::FileCx;
use crate::facts::relations::Kind;
use crate::rules::figures::judged::report_failures;
use crate::rules::{Findings, Rule};

pub struct FractionMismatch;

impl Rule for FractionMismatch {
    fn check_file(&self, f: &FileCx, out: &mut Findings) {
        let q = f.quantities();
        report_failures(&q.facts, &q.relations, Kind::Rate, out);
    }
}
