//! Arithmetic written out in a text: `単価2,850円×延べ640時間＝1,824,000円`,
//! `165団体＋21団体＝186団体`, `118／142＝83.1%`,
//! `134,136時間÷（1,035人×12か月）＝10.8時間`,
//! `年度末残高3,534,522,887円＝前年度末3,375,970,769円−取崩745,000,000円＋積立903,552,118円`.
//! The side that is one figure is the claim; the other is evaluated with the
//! units each figure has (a count multiplying money enters as a number; a
//! percentage as a fraction; a ratio of like quantities, claimed in %, is
//! multiplied by 100).

use crate::facts::quantity::scan::Tok;
use crate::facts::quantity::unit::Dim;
use crate::facts::quantity::{Facts, Text};
use crate::facts::relations::{Expr, Kind, Relation, Use};

/// A parsed side: terms of the expression with the facts they are.
#[derive(Clone, Debug)]
enum Node {
    Fact(u32),
    Add(Vec<(f64, Node)>),
    Mul(Vec<Node>),
    Div(Box<Node>, Box<Node>),
}

impl Node {
    fn single(&self) -> Option<u32> {
        match self {
            Node::Fact(i) => Some(*i),
            Node::Add(v) if v.len() == 1 && v[0].0 == 1.0 => v[0].1.single(),
            Node::Mul(v) if v.len() == 1 => v[0].single(),
            _ => None,
        }
    }
}

/// Tokens of one side, figures as fact indices, words dropped.
#[derive(Clone, Copy, Debug, PartialEq)]
enum T {
    Fig(u32),
    Plus,
    Minus,
    Times,
    Div,
    Open,
    Close,
}

fn side(text: &Text, from: usize, to: usize) -> Vec<T> {
    let mut out = Vec::new();
    for (k, tok) in text.tokens[from..to].iter().enumerate() {
        let k = from + k;
        // `t-CO2/世帯・年`: a slash between a unit and a word is part of the unit.
        if matches!(tok.tok, Tok::Slash)
            && text.tokens[..k]
                .last()
                .is_some_and(|x| matches!(x.tok, Tok::Figure(_)))
            && !text.tokens[k + 1..to]
                .iter()
                .find(|x| !matches!(x.tok, Tok::Space | Tok::Word))
                .is_some_and(|x| matches!(x.tok, Tok::Figure(_) | Tok::Open(_)))
        {
            continue;
        }
        out.push(match &tok.tok {
            Tok::Figure(_) => {
                let i = text.facts.start
                    + text.tokens[..k]
                        .iter()
                        .filter(|x| matches!(x.tok, Tok::Figure(_)))
                        .count() as u32;
                T::Fig(i)
            }
            Tok::Plus => T::Plus,
            Tok::Minus => T::Minus,
            Tok::Times => T::Times,
            Tok::Div | Tok::Slash => T::Div,
            Tok::Open(_) => T::Open,
            Tok::Close(_) => T::Close,
            _ => continue,
        });
    }
    out
}

/// expr := term (± term)* ; term := factor (×÷ factor)* ; factor := fig | ( expr ).
struct P<'a> {
    t: &'a [T],
    i: usize,
}

impl P<'_> {
    fn expr(&mut self) -> Option<Node> {
        let mut terms = Vec::new();
        let mut sign = 1.0;
        if self.t.get(self.i) == Some(&T::Minus) {
            sign = -1.0;
            self.i += 1;
        }
        terms.push((sign, self.term()?));
        while let Some(op) = self.t.get(self.i) {
            let s = match op {
                T::Plus => 1.0,
                T::Minus => -1.0,
                _ => break,
            };
            self.i += 1;
            terms.push((s, self.term()?));
        }
        Some(if terms.len() == 1 && terms[0].0 == 1.0 {
            terms.pop()?.1
        } else {
            Node::Add(terms)
        })
    }

    fn term(&mut self) -> Option<Node> {
        let mut f = self.factor()?;
        while let Some(op) = self.t.get(self.i) {
            match op {
                T::Times => {
                    self.i += 1;
                    let g = self.factor()?;
                    f = match f {
                        Node::Mul(mut v) => {
                            v.push(g);
                            Node::Mul(v)
                        }
                        other => Node::Mul(vec![other, g]),
                    };
                }
                T::Div => {
                    self.i += 1;
                    let g = self.factor()?;
                    f = Node::Div(Box::new(f), Box::new(g));
                }
                _ => break,
            }
        }
        Some(f)
    }

    fn factor(&mut self) -> Option<Node> {
        match self.t.get(self.i)? {
            T::Fig(i) => {
                self.i += 1;
                Some(Node::Fact(*i))
            }
            T::Open => {
                self.i += 1;
                let e = self.expr()?;
                if self.t.get(self.i) != Some(&T::Close) {
                    return None;
                }
                self.i += 1;
                Some(e)
            }
            _ => None,
        }
    }
}

fn parse(t: &[T]) -> Option<Node> {
    // Brackets around the whole side belong to the text, not the sum.
    let mut p = P { t, i: 0 };
    let n = p.expr()?;
    (p.i == t.len()).then_some(n)
}

/// Whether a node holds an operator (a bare figure is no arithmetic).
fn has_op(n: &Node) -> bool {
    !matches!(n, Node::Fact(_))
}

/// The dimension a node's value has, as far as it matters here.
fn dim_of(n: &Node, f: &Facts) -> Option<Dim> {
    match n {
        Node::Fact(i) => Some(f.facts[*i as usize].amount.dim.clone()),
        Node::Add(v) => dim_of(&v[0].1, f),
        Node::Mul(_) | Node::Div(..) => None,
    }
}

/// Turns a node into an expression whose value is in `result`'s unit.
fn to_expr(n: &Node, f: &Facts, result: &Dim) -> Expr {
    match n {
        Node::Fact(i) => {
            let d = &f.facts[*i as usize].amount.dim;
            Expr::Fact(
                *i,
                if d.same(result) {
                    Use::Value
                } else {
                    Use::Printed
                },
            )
        }
        Node::Add(v) => Expr::Sum(v.iter().map(|(c, x)| (*c, to_expr(x, f, result))).collect()),
        Node::Mul(v) => Expr::Product(
            v.iter()
                .map(|x| match x {
                    Node::Fact(i)
                        if f.facts[*i as usize].amount.dim == Dim::Percent
                            && *result != Dim::Percent =>
                    {
                        Expr::Fact(*i, Use::Fraction)
                    }
                    other => to_expr(other, f, result),
                })
                .collect(),
        ),
        Node::Div(a, b) => {
            let q = Expr::Quotient(
                Box::new(to_expr(a, f, result)),
                Box::new(to_expr(b, f, result)),
            );
            // A ratio of like quantities claimed in percent.
            let like = match (dim_of(a, f), dim_of(b, f)) {
                (Some(x), Some(y)) => x.same(&y) || (x.is_count() && y.is_count()),
                _ => false,
            };
            if *result == Dim::Percent && like {
                Expr::Product(vec![q, Expr::Const(100.0)])
            } else {
                q
            }
        }
    }
}

/// Every written-out equation of `f`'s texts.
pub fn find(f: &Facts, out: &mut Vec<Relation>) {
    for text in &f.texts {
        let toks = &text.tokens;
        for (k, tok) in toks.iter().enumerate() {
            if tok.tok != Tok::Equals {
                continue;
            }
            // Each side runs to the nearest separator, line, colon or
            // unmatched bracket.
            let stop = |x: &Tok| {
                matches!(
                    x,
                    Tok::Sep | Tok::Stop | Tok::Line | Tok::Colon | Tok::Equals | Tok::Tilde
                )
            };
            let mut a = k;
            let mut depth = 0i32;
            while a > 0 {
                match &toks[a - 1].tok {
                    x if stop(x) => break,
                    Tok::Close(_) => depth += 1,
                    Tok::Open(_) if depth == 0 => break,
                    Tok::Open(_) => depth -= 1,
                    _ => {}
                }
                a -= 1;
            }
            let mut b = k + 1;
            let mut depth = 0i32;
            while b < toks.len() {
                match &toks[b].tok {
                    x if stop(x) => break,
                    Tok::Open(_) => depth += 1,
                    Tok::Close(_) if depth == 0 => break,
                    Tok::Close(_) => depth -= 1,
                    _ => {}
                }
                b += 1;
            }
            let (Some(l), Some(r)) = (parse(&side(text, a, k)), parse(&side(text, k + 1, b)))
            else {
                continue;
            };
            let (claim, other) = match (l.single(), r.single()) {
                (Some(c), None) if has_op(&r) => (c, r),
                (None, Some(c)) if has_op(&l) => (c, l),
                _ => continue,
            };
            let result = f.facts[claim as usize].amount.dim.clone();
            out.push(Relation {
                kind: Kind::Equation,
                claim,
                expr: to_expr(&other, f, &result),
                cue: "＝",
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::facts::relations::Kind;
    use crate::facts::relations::testing::{claims, one};

    fn holds(s: &str) -> Vec<(String, bool)> {
        claims(&one(s), Kind::Equation)
    }

    #[test]
    fn products_sums_and_quotients() {
        assert_eq!(
            holds("単価2,850円×延べ640時間＝1,824,000円"),
            [("1,824,000円".into(), true)]
        );
        assert_eq!(
            holds("交付団体　165団体＋21団体＝186団体"),
            [("186団体".into(), true)]
        );
        assert_eq!(holds("結成率　118／142＝83.1%"), [("83.1%".into(), true)]);
        assert_eq!(
            holds("月平均　134,136時間÷（1,035人×12か月）＝10.8時間"),
            [("10.8時間".into(), true)]
        );
        assert_eq!(holds("1回45分×4回＝3時間"), [("3時間".into(), true)]);
        assert_eq!(
            holds(
                "年度末残高3,534,522,887円＝前年度末3,375,970,769円−取崩745,000,000円＋積立903,552,118円"
            ),
            [("3,534,522,887円".into(), true)]
        );
        assert_eq!(
            holds("均等割60千円×164団体＝9,840千円"),
            [("9,840千円".into(), true)]
        );
        assert_eq!(holds("5名×16日＝延べ80人日"), [("80人日".into(), true)]);
    }

    /// Other counters, operators and printings, with the result each claims
    /// and whether it holds.
    #[test]
    fn equations_in_other_wordings() {
        for (text, want) in [
            ("補助単価 50千円×18団体＝900千円", &[("900千円", true)][..]),
            ("１２０件＋８５件＝２０５件", &[("205件", true)]),
            ("412人÷1,030人＝40.0%", &[("40.0%", true)]),
            (
                "委託料 月額 350,000円 × 12か月 = 4,200,000円",
                &[("4,200,000円", true)],
            ),
            (
                "削減額＝旧契約 2,400千円－新契約 1,850千円＝550千円",
                &[("550千円", true)],
            ),
            ("（80件＋40件）×2回＝240件", &[("240件", true)]),
            ("延べ時間 15分×120件＝30時間", &[("30時間", true)]),
            (
                "3,200千円+2,100千円+1,400千円=6,700千円",
                &[("6,700千円", true)],
            ),
            (
                "年度末残高 1,200千円 ＝ 前年度末 1,000千円 ＋ 積立 300千円 － 取崩 100千円",
                &[("1,200千円", true)],
            ),
            ("補助単価 50千円×18団体＝950千円", &[("950千円", false)]),
            ("１２０件＋８５件＝２１５件", &[("215件", false)]),
            (
                "委託料 月額 350,000円 × 12か月 = 4,300,000円",
                &[("4,300,000円", false)],
            ),
        ] {
            let want: Vec<(String, bool)> = want.iter().map(|&(c, h)| (c.into(), h)).collect();
            assert_eq!(holds(text), want, "{text}");
        }
    }

    #[test]
    fn dashes_and_equals_that_are_no_arithmetic() {
        for text in [
            "問合せ先 042-544-5111（内線 2215）",
            "評価基準：達成率100%以上＝A、80%以上＝B",
            "受付時間 8:30～17:15",
            "目標値＝80%（令和9年度）",
        ] {
            assert_eq!(holds(text), [], "{text}");
        }
    }

    #[test]
    fn a_wrong_result_fails_and_a_truncated_one_is_rounding() {
        assert_eq!(
            holds("165団体＋21団体＝196団体"),
            [("196団体".into(), false)]
        );
        // 3.39 × 64 × 5.1% = 11.06: printed 11.0 only if the inputs were rounded.
        let f = one("3.39t-CO2/世帯・年 × 64世帯 × 5.1% ＝ 11.0t-CO2");
        let v = crate::facts::relations::testing::found(&f, Kind::Equation);
        assert!(
            matches!(v[0].2, crate::facts::relations::Verdict::Rounded { .. }),
            "{v:?}"
        );
    }
}
