//! Relations between facts: a total and its parts, a change and the two
//! figures it is between, a rate and its numerator and denominator, an
//! average, a written-out equation, a fund's roll-forward, a running total,
//! a distance to a target, and one quantity stated in two places. Each
//! family is found by its own extractor, from the structure and the words of
//! the texts — never from the arithmetic holding, so that a wrong figure
//! breaks the relation instead of hiding it.
//!
//! A relation names the figure it judges (the claim) and an expression of
//! the others that gives it. [`Relation::verdict`] compares the two as
//! printed: a claim the printed figures give holds; one that holds only if
//! the printed figures were rounded from other values is reported as such
//! (the committee reads the printed figures); any other fails.

pub mod average;
pub mod balance;
pub mod change;
pub mod comment;
pub mod equation;
pub mod identity;
pub mod rate;
pub mod series;
pub mod sum;
pub mod target;

use crate::facts::quantity::scan::Amount;
use crate::facts::quantity::unit::Dim;
use crate::facts::quantity::{Fact, Facts};

/// Which family a relation is of (each is one rule's).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A total and its parts (`計187団体（164団体、23団体）`), or a net
    /// change and its signed parts.
    Sum,
    /// A change and the figures it is between (absolute, in points, in %,
    /// or as a factor).
    Change,
    /// A rate or share and its numerator and denominator.
    Rate,
    /// An average: a total divided by a count.
    Average,
    /// An equation written out (`60千円×164団体＝9,840千円`).
    Equation,
    /// A balance rolled forward: last year's + inflows − outflows.
    Balance,
    /// A running total (累計): last year's + this year's.
    Running,
    /// A distance to a target (`目標を2.1ポイント上回った`).
    TargetGap,
    /// One quantity stated in two places (two panels, a text and the
    /// 数値目標 sheet, two sheets): the claim is the coarser printing.
    Identity,
    /// One quantity in two years' panels of a measure: it may change, not
    /// jump by a slipped scale.
    Series,
}

/// How a fact's value enters an expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Use {
    /// In the dimension's base unit (yen, minutes, …).
    Value,
    /// In the printed unit (`640時間` as 640 when multiplied by a wage).
    Printed,
    /// A percentage as a fraction (`5.1%` as 0.051).
    Fraction,
}

/// An expression of facts.
#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    Fact(u32, Use),
    Const(f64),
    /// A signed sum: Σ coefficient × term.
    Sum(Vec<(f64, Expr)>),
    Product(Vec<Expr>),
    Quotient(Box<Expr>, Box<Expr>),
}

impl Expr {
    pub fn fact(i: u32) -> Expr {
        Expr::Fact(i, Use::Value)
    }

    /// Whether the expression divides (its value is then a rounded one).
    pub fn divides(&self) -> bool {
        match self {
            Expr::Quotient(..) => true,
            Expr::Fact(_, u) => *u == Use::Fraction,
            Expr::Const(_) => false,
            Expr::Sum(ts) => ts.iter().any(|(_, e)| e.divides()),
            Expr::Product(fs) => fs.iter().any(Expr::divides),
        }
    }

    /// The facts the expression reads.
    pub fn facts(&self, out: &mut Vec<u32>) {
        match self {
            Expr::Fact(i, _) => out.push(*i),
            Expr::Const(_) => {}
            Expr::Sum(ts) => ts.iter().for_each(|(_, e)| e.facts(out)),
            Expr::Product(fs) => fs.iter().for_each(|e| e.facts(out)),
            Expr::Quotient(a, b) => {
                a.facts(out);
                b.facts(out);
            }
        }
    }

    /// The value on the printed figures, and the interval it may lie in if
    /// the printed figures were rounded (or truncated) from the true ones.
    fn eval(&self, f: &Facts) -> Option<(f64, f64, f64)> {
        Some(match self {
            Expr::Fact(i, u) => {
                let a = &f.facts[*i as usize].amount;
                let (v, lo, hi) = interval(a);
                let k = match u {
                    Use::Value => 1.0,
                    Use::Printed => 1.0 / a.scale,
                    Use::Fraction => 0.01,
                };
                let (x, y) = (lo * k, hi * k);
                (v * k, x.min(y), x.max(y))
            }
            Expr::Const(c) => (*c, *c, *c),
            Expr::Sum(ts) => {
                let (mut v, mut lo, mut hi) = (0.0, 0.0, 0.0);
                for (c, e) in ts {
                    let (ev, el, eh) = e.eval(f)?;
                    v += c * ev;
                    let (a, b) = (c * el, c * eh);
                    lo += a.min(b);
                    hi += a.max(b);
                }
                (v, lo, hi)
            }
            Expr::Product(fs) => {
                let (mut v, mut lo, mut hi) = (1.0, 1.0, 1.0);
                for e in fs {
                    let (ev, el, eh) = e.eval(f)?;
                    v *= ev;
                    let c = [lo * el, lo * eh, hi * el, hi * eh];
                    lo = c.iter().copied().fold(f64::INFINITY, f64::min);
                    hi = c.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                }
                (v, lo, hi)
            }
            Expr::Quotient(a, b) => {
                let (av, al, ah) = a.eval(f)?;
                let (bv, bl, bh) = b.eval(f)?;
                if bv == 0.0 || bl <= 0.0 && bh >= 0.0 {
                    return None;
                }
                let c = [al / bl, al / bh, ah / bl, ah / bh];
                (
                    av / bv,
                    c.iter().copied().fold(f64::INFINITY, f64::min),
                    c.iter().copied().fold(f64::NEG_INFINITY, f64::max),
                )
            }
        })
    }
}

/// Where the true value of a printed figure may lie: rounded (half a step
/// either side) or truncated (up to a step above), a step either side when
/// it says 約.
fn interval(a: &Amount) -> (f64, f64, f64) {
    let r = a.rounding();
    let v = a.value;
    if a.approx {
        let w = a.step.max(r * 2.0);
        return (v, v - w, v + w);
    }
    if r == 0.0 {
        return (v, v, v);
    }
    // Truncation goes towards zero: up from a positive figure, down from a
    // negative one.
    if v >= 0.0 {
        (v, v - r, v + 2.0 * r)
    } else {
        (v, v - 2.0 * r, v + r)
    }
}

/// A relation: the claim, and what the other figures give for it.
#[derive(Clone, Debug, PartialEq)]
pub struct Relation {
    pub kind: Kind,
    /// The figure judged.
    pub claim: u32,
    pub expr: Expr,
    /// How it was recognised, for the message (`合計`, `内訳`, `前年度比` …).
    pub cue: &'static str,
}

/// What the printed figures say about a relation.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Verdict {
    Holds,
    /// The printed figures give `expected` (in the claim's base unit); the
    /// claim holds only if they were rounded from other values.
    Rounded {
        expected: f64,
    },
    Fails {
        expected: f64,
    },
}

impl Relation {
    /// Every fact the relation involves, the claim first.
    pub fn members(&self) -> Vec<u32> {
        let mut v = vec![self.claim];
        self.expr.facts(&mut v);
        v
    }

    pub fn verdict(&self, f: &Facts) -> Option<Verdict> {
        let claim = &f.facts[self.claim as usize].amount;
        let (e, lo, hi) = self.expr.eval(f)?;
        let c = claim.value;
        if self.kind == Kind::Series {
            // A slip fails with the claim at its neighbour's scale.
            return Some(match series::slipped_power(c, e) {
                Some(k) => Verdict::Fails {
                    expected: c / 10f64.powi(k),
                },
                None => Verdict::Holds,
            });
        }
        // Float noise only: one yen of a ten-billion-yen balance must count.
        let eps = 1e-12 * c.abs().max(e.abs()).max(1.0);
        // One quantity printed twice to the same digit and scale prints the
        // same digits: `1,579時間` for `1,580時間` is no rounding of it.
        if self.kind == Kind::Identity
            && let [_, other] = self.members()[..]
        {
            let o = &f.facts[other as usize].amount;
            if o.step == claim.step && o.scale == claim.scale && !claim.approx && !o.approx {
                return Some(if (e - c).abs() <= eps {
                    Verdict::Holds
                } else {
                    Verdict::Fails { expected: e }
                });
            }
        }
        // A quotient is printed rounded, whatever its unit (`平均18,152円`).
        let r = if self.expr.divides() && claim.rounding() == 0.0 {
            claim.step / 2.0
        } else {
            claim.rounding()
        };
        let (clo, chi) = if claim.approx {
            let w = claim.step.max(r * 2.0);
            (c - w, c + w)
        } else if c >= 0.0 {
            (c - r, c + 2.0 * r)
        } else {
            (c - 2.0 * r, c + r)
        };
        // As printed: the claim is what the printed figures give, rounded
        // or truncated to the claim's own precision.
        let as_printed = if claim.approx {
            (e - c).abs() <= claim.step.max(2.0 * r) + eps
        } else if r == 0.0 {
            (e - c).abs() <= eps
        } else if self.kind == Kind::Identity {
            // Two printings of one amount: one may be truncated
            // (`8,454,830,582円` printed `8,454,830千円`).
            e >= c - r - eps && e < c + 2.0 * r - eps
        } else {
            // A result the text computed is rounded from what the figures give.
            (e - c).abs() <= r + eps
        };
        if as_printed {
            return Some(Verdict::Holds);
        }
        // The claim's own interval is half-open on its far side: `7億円`
        // truncates values up to, not including, 8億円.
        let meets = if c >= 0.0 {
            lo < chi - eps && hi >= clo - eps
        } else {
            lo <= chi + eps && hi > clo + eps
        };
        if meets {
            return Some(Verdict::Rounded { expected: e });
        }
        Some(Verdict::Fails { expected: e })
    }
}

/// A value printed in the unit and precision of `like` (`1,430千円`, `2.4`).
pub fn shown_like(value: f64, like: &Amount) -> String {
    let step = like.step / like.scale;
    let decimals = {
        let mut d = 0;
        let mut s = step;
        while s < 0.999 && d < 6 {
            s *= 10.0;
            d += 1;
        }
        d
    };
    let v = value / like.scale;
    let v = if decimals == 0 { v.round() } else { v };
    format!(
        "{}{}",
        crate::model::figure::group_digits(v, decimals),
        like.unit
    )
}

/// The facts of `f` whose dimension is `d`, by index.
pub fn of_dim<'a>(f: &'a Facts, d: &'a Dim) -> impl Iterator<Item = (u32, &'a Fact)> + 'a {
    f.facts
        .iter()
        .enumerate()
        .filter(move |(_, x)| x.amount.dim.same(d))
        .map(|(i, x)| (i as u32, x))
}

/// Every relation among one file's facts, in a fixed order.
pub fn find_all(f: &Facts) -> Vec<Relation> {
    let mut out = Vec::new();
    equation::find(f, &mut out);
    sum::find(f, &mut out);
    change::find(f, &mut out);
    rate::find(f, &mut out);
    average::find(f, &mut out);
    balance::find(f, &mut out);
    target::find(f, &mut out);
    identity::find(f, &mut out);
    series::find(f, &mut out);
    // One relation per claim and family: the first found is kept (the
    // extractors run from the most explicit form to the least).
    let mut seen = std::collections::HashSet::new();
    out.retain(|r| seen.insert((r.kind, r.claim, r.cue == change::POINTS_AS_PERCENT)));
    out
}

#[cfg(test)]
pub(crate) mod testing {
    use super::*;
    use crate::facts::quantity::Place;
    use crate::model::form::PanelKind;
    use crate::model::location::{CellRef, Location};
    use crate::model::year::FiscalYear;

    /// The facts of panels of one measure: (year, text).
    pub fn measure(panels: &[(u16, &str)]) -> Facts {
        let mut f = Facts::default();
        for (i, (y, t)) in panels.iter().enumerate() {
            f.add(
                t,
                Location::cell("f".into(), "s".into(), CellRef::new(i as u32, 1)),
                Place::Panel {
                    sheet: 0,
                    project: 0,
                    measure: 0,
                    year: FiscalYear(*y),
                    kind: PanelKind::Work,
                },
            );
        }
        f
    }

    pub fn one(text: &str) -> Facts {
        measure(&[(2025, text)])
    }

    /// The relations of `kind` as (claim, members), printed.
    pub fn found(f: &Facts, kind: Kind) -> Vec<(String, Vec<String>, Verdict)> {
        find_all(f)
            .into_iter()
            .filter(|r| r.kind == kind)
            .map(|r| {
                let members = r.members()[1..]
                    .iter()
                    .map(|&i| f.raw(&f.facts[i as usize]).to_string())
                    .collect();
                (
                    f.raw(&f.facts[r.claim as usize]).to_string(),
                    members,
                    r.verdict(f).expect("evaluates"),
                )
            })
            .collect()
    }

    /// The claims of `kind` found in `f`, with whether they hold.
    pub fn claims(f: &Facts, kind: Kind) -> Vec<(String, bool)> {
        found(f, kind)
            .into_iter()
            .map(|(c, _, v)| (c, v == Verdict::Holds))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::testing::*;
    use super::*;

    #[test]
    fn printed_figures_decide() {
        // 29.3 → 26.9 is 2.4 points as printed; 2.5 only before rounding.
        let f = measure(&[
            (2023, "自治会加入率29.3%"),
            (2024, "加入率は前年比2.5ポイント減の26.9%"),
        ]);
        let v = found(&f, Kind::Change);
        assert_eq!(v.len(), 1, "{v:?}");
        match v[0].2 {
            Verdict::Rounded { expected } => assert!((expected - 2.4).abs() < 1e-9, "{expected}"),
            other => panic!("{other:?}"),
        }
        assert_eq!(shown_like(2.4, &f.facts[1].amount), "2.4ポイント");
    }
}
