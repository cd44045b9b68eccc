//! Properties of the grade derivation: it is chapter 1's rule as written (in
//! ratios), it does not depend on the order of the actions, and it reports a
//! tie exactly when the ratios are equal.

use hyoka::facts::grading::{Derived, Tally, derive};
use hyoka::model::grade::Grade;
use proptest::prelude::*;

/// 評価の判断基準, read literally with ratios: A when there is no C and A's
/// share of A and B is higher; B when there is no C and B's share is higher,
/// or there is C and the share of A・B is higher than C's; C when C's share is
/// higher; equal shares are decided by the committee (協議).
fn by_the_text(a: usize, b: usize, c: usize) -> Option<Derived> {
    let n = (a + b + c) as f64;
    if n == 0.0 {
        return None; // nothing evaluated
    }
    let (ra, rb, rc) = (a as f64 / n, b as f64 / n, c as f64 / n);
    Some(if c == 0 {
        if ra > rb {
            Derived::Grade(Grade::A)
        } else if rb > ra {
            Derived::Grade(Grade::B)
        } else {
            Derived::Tie(Grade::A, Grade::B)
        }
    } else if ra + rb > rc {
        Derived::Grade(Grade::B)
    } else if rc > ra + rb {
        Derived::Grade(Grade::C)
    } else {
        Derived::Tie(Grade::B, Grade::C)
    })
}

fn grades(a: usize, b: usize, c: usize, dash: usize) -> Vec<Grade> {
    let mut v = Vec::new();
    v.extend(std::iter::repeat_n(Grade::A, a));
    v.extend(std::iter::repeat_n(Grade::B, b));
    v.extend(std::iter::repeat_n(Grade::C, c));
    v.extend(std::iter::repeat_n(Grade::NotEvaluable, dash));
    v
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn follows_the_written_rule(a in 0usize..12, b in 0usize..12, c in 0usize..12, dash in 0usize..4) {
        let got = derive(&Tally::of(grades(a, b, c, dash)));
        match by_the_text(a, b, c) {
            Some(expected) => prop_assert_eq!(got, expected),
            None => prop_assert_eq!(got, Derived::Grade(Grade::NotEvaluable)),
        }
    }

    #[test]
    fn order_of_actions_does_not_matter(a in 0usize..8, b in 0usize..8, c in 0usize..8, dash in 0usize..3, seed in any::<u64>()) {
        let mut v = grades(a, b, c, dash);
        let before = derive(&Tally::of(v.iter().copied()));
        // A deterministic shuffle from the seed.
        let mut s = seed;
        for i in (1..v.len()).rev() {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            v.swap(i, (s >> 33) as usize % (i + 1));
        }
        prop_assert_eq!(derive(&Tally::of(v)), before);
    }

    #[test]
    fn ties_exactly_when_shares_are_equal(a in 0usize..12, b in 0usize..12, c in 0usize..12) {
        let tie = matches!(derive(&Tally::of(grades(a, b, c, 0))), Derived::Tie(..));
        let equal = if c == 0 { a == b && a > 0 } else { a + b == c };
        prop_assert_eq!(tie, equal);
    }
}
