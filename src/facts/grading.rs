//! The committee's rule for an item grade (評価) from its action grades
//! (個別評価) of the same year:
//!
//! - **A**: no C, and A outnumbers B.
//! - **B**: no C, and B outnumbers A; or some C, and A+B outnumber C.
//! - **C**: some C, and C outnumbers A+B.
//! - a tie (A = B, or A+B = C) is decided by the committee (協議).
//! - `—` grades are not counted; with nothing to count the item is `—`.

use std::fmt;

use crate::model::grade::Grade;

/// How many actions got each grade.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Tally {
    pub a: usize,
    pub b: usize,
    pub c: usize,
    pub not_evaluable: usize,
}

impl Tally {
    pub fn of(grades: impl IntoIterator<Item = Grade>) -> Tally {
        let mut t = Tally::default();
        for g in grades {
            t.add(g);
        }
        t
    }

    pub fn add(&mut self, g: Grade) {
        match g {
            Grade::A => self.a += 1,
            Grade::B => self.b += 1,
            Grade::C => self.c += 1,
            Grade::NotEvaluable => self.not_evaluable += 1,
        }
    }

    pub fn get(&self, g: Grade) -> usize {
        match g {
            Grade::A => self.a,
            Grade::B => self.b,
            Grade::C => self.c,
            Grade::NotEvaluable => self.not_evaluable,
        }
    }
}

impl fmt::Display for Tally {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "A {}, B {}, C {}", self.a, self.b, self.c)
    }
}

/// The item grade the rule gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Derived {
    Grade(Grade),
    /// A tie between two grades; the committee decides (協議).
    Tie(Grade, Grade),
}

impl Derived {
    /// Whether a submitted grade is what the rule allows.
    pub fn allows(self, g: Grade) -> bool {
        match self {
            Derived::Grade(d) => d == g,
            Derived::Tie(x, y) => g == x || g == y,
        }
    }
}

/// Written as printed: `A`, `A/B（同率）`.
impl serde::Serialize for Derived {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl fmt::Display for Derived {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Derived::Grade(g) => write!(f, "{g}"),
            Derived::Tie(x, y) => write!(f, "{x}/{y}（同率）"),
        }
    }
}

pub fn derive(t: &Tally) -> Derived {
    use std::cmp::Ordering::*;
    if t.c == 0 {
        match t.a.cmp(&t.b) {
            Greater => Derived::Grade(Grade::A),
            Less => Derived::Grade(Grade::B),
            Equal if t.a == 0 => Derived::Grade(Grade::NotEvaluable),
            Equal => Derived::Tie(Grade::A, Grade::B),
        }
    } else {
        match (t.a + t.b).cmp(&t.c) {
            Greater => Derived::Grade(Grade::B),
            Less => Derived::Grade(Grade::C),
            Equal => Derived::Tie(Grade::B, Grade::C),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Grade::*;

    fn d(gs: &[Grade]) -> Derived {
        derive(&Tally::of(gs.iter().copied()))
    }

    #[test]
    fn the_committee_rule() {
        assert_eq!(d(&[A, A, B]), Derived::Grade(A));
        assert_eq!(d(&[A, B, B]), Derived::Grade(B));
        assert_eq!(d(&[A, B]), Derived::Tie(A, B));
        assert_eq!(d(&[A, A, C]), Derived::Grade(B));
        assert_eq!(d(&[A, C, C]), Derived::Grade(C));
        assert_eq!(d(&[B, C]), Derived::Tie(B, C));
        assert_eq!(d(&[C]), Derived::Grade(C));
        assert_eq!(
            d(&[NotEvaluable, NotEvaluable]),
            Derived::Grade(NotEvaluable)
        );
        assert_eq!(d(&[]), Derived::Grade(NotEvaluable));
        assert_eq!(d(&[A, NotEvaluable]), Derived::Grade(A));
    }

    #[test]
    fn ties_allow_either() {
        assert!(Derived::Tie(A, B).allows(B));
        assert!(!Derived::Tie(A, B).allows(C));
        assert_eq!(Tally::of([A, B, B]).to_string(), "A 1, B 2, C 0");
    }
}
