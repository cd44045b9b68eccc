//! Balances rolled forward and running totals.
//! - A fund or debt balance at a year's end is the previous end's, plus what
//!   came in (積立, 借入, 発行), minus what went out (取崩, 償還), whatever the
//!   order of the terms and whichever panel of the year states them; the
//!   previous balance is named (`前年度末残高`) or is the previous year's end
//!   in the measure's texts.
//! - A running total (累計) is the previous year's plus the year's own
//!   (`修了者 37人（累計355人）`, `47手続を追加し、累計176手続`).

use crate::facts::quantity::label::{Quals, YearRef};
use crate::facts::quantity::unit::Dim;
use crate::facts::quantity::{Fact, Facts, Place, same_stretch};
use crate::facts::relations::change::same_quantity;
use crate::facts::relations::sum::is_change;
use crate::facts::relations::{Expr, Kind, Relation};
use crate::model::year::FiscalYear;

/// What a money figure of a balance's texts is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Role {
    Balance,
    In,
    Out,
}

pub(super) fn role(x: &Fact) -> Option<Role> {
    // A planned flow (`積立は120,000千円を予定`) has not moved the balance.
    if x.amount.dim != Dim::Money
        || is_change(x)
        || x.label.quals.has(Quals::TARGET)
        || x.label.quals.has(Quals::PLANNED)
    {
        return None;
    }
    let s = &x.label.subject;
    let has = |ws: &[&str]| ws.iter().any(|w| s.contains(w));
    // A limit (`発行可能額`, `借入限度額`) is no flow.
    if has(&["可能", "限度", "上限"]) {
        return None;
    }
    if has(&["取崩", "取り崩", "償還", "返済"]) {
        Some(Role::Out)
    } else if has(&["積立", "積み立", "借入", "発行"]) && !has(&["残高", "現在高"]) {
        Some(Role::In)
    } else if has(&["残高", "現在高"]) {
        Some(Role::Balance)
    } else {
        None
    }
}

/// The facts of a measure, by year: (fact, its year).
fn measure_facts(f: &Facts, m: (u16, u16, u16)) -> Vec<(u32, FiscalYear)> {
    let mut v = Vec::new();
    for t in f
        .texts
        .iter()
        .filter(|t| matches!(t.place, Place::Panel { .. }) && t.place.measure() == Some(m))
    {
        for i in t.facts.clone() {
            if let Some(y) = f.facts[i as usize].year(&t.place) {
                v.push((i, y));
            }
        }
    }
    v
}

/// The one figure among `v`, printed most precisely, when all the others
/// are printings of it (`取崩額 800,000,000円` and `8億円を取崩した`); None when
/// there are none or two that differ (not safe to choose).
fn unique(v: impl Iterator<Item = u32>, f: &Facts) -> Option<u32> {
    let v: Vec<u32> = v.collect();
    let amount = |i: u32| &f.facts[i as usize].amount;
    let best = v
        .iter()
        .copied()
        .min_by(|&a, &b| amount(a).step.total_cmp(&amount(b).step))?;
    v.iter()
        .all(|&i| amount(i).agrees(amount(best)))
        .then_some(best)
}

fn roll_forward(f: &Facts, m: (u16, u16, u16), out: &mut Vec<Relation>) {
    let facts = measure_facts(f, m);
    let years: std::collections::BTreeSet<FiscalYear> = facts.iter().map(|(_, y)| *y).collect();
    for &y in &years {
        let of = |r: Role, yy: FiscalYear| {
            facts
                .iter()
                .filter(move |(i, fy)| *fy == yy && role(&f.facts[*i as usize]) == Some(r))
                .map(|(i, _)| *i)
        };
        // The year's end balance: not named as the previous one.
        let end = unique(
            of(Role::Balance, y).filter(|&i| f.facts[i as usize].label.year != YearRef::Previous),
            f,
        );
        let Some(end) = end else { continue };
        let start = unique(
            facts
                .iter()
                .filter(|(i, fy)| {
                    *fy == y.prev() && role(&f.facts[*i as usize]) == Some(Role::Balance)
                })
                .map(|(i, _)| *i),
            f,
        );
        let Some(start) = start else { continue };
        let (ins, outs) = (of(Role::In, y), of(Role::Out, y));
        let (any_in, any_out) = (ins.clone().next().is_some(), outs.clone().next().is_some());
        let ins: Vec<u32> = unique(ins, f).into_iter().collect();
        let outs: Vec<u32> = unique(outs, f).into_iter().collect();
        if ins.is_empty() && outs.is_empty()
            || ins.is_empty() == any_in
            || outs.is_empty() == any_out
        {
            continue;
        }
        let mut terms = vec![(1.0, Expr::fact(start))];
        terms.extend(ins.iter().map(|&i| (1.0, Expr::fact(i))));
        terms.extend(outs.iter().map(|&o| (-1.0, Expr::fact(o))));
        out.push(Relation {
            kind: Kind::Balance,
            claim: end,
            expr: Expr::Sum(terms),
            cue: "残高",
        });
    }
}

fn running(f: &Facts, m: (u16, u16, u16), out: &mut Vec<Relation>) {
    let facts = measure_facts(f, m);
    for &(c, y) in &facts {
        let cf = &f.facts[c as usize];
        if !cf.label.quals.has(Quals::CUMULATIVE) || is_change(cf) {
            continue;
        }
        // Last year's running total of the same kind.
        let prev = unique(
            facts
                .iter()
                .filter(|(i, fy)| {
                    let x = &f.facts[*i as usize];
                    *fy == y.prev()
                        && *i != c
                        && x.label.quals.has(Quals::CUMULATIVE)
                        && x.amount.dim.same(&cf.amount.dim)
                        && (x.label.subject.is_empty()
                            || cf.label.subject.is_empty()
                            || same_quantity(x, cf, 2)
                            || x.text == cf.text)
                })
                .map(|(i, _)| *i),
            f,
        );
        let Some(prev) = prev else { continue };
        // This year's own: in the same stretch (`37人（累計355人）`, `47手続を
        // 追加し、累計176手続`), else marked new that year.
        let text = &f.texts[cf.text as usize];
        let own = unique(
            text.facts.clone().filter(|&i| {
                let x = &f.facts[i as usize];
                i != c
                    && x.amount.dim.same(&cf.amount.dim)
                    && !x.label.quals.has(Quals::CUMULATIVE)
                    && !is_change(x)
                    && same_stretch(&text.tokens, x.token as usize, cf.token as usize)
                    && x.year(&text.place) == Some(y)
            }),
            f,
        )
        .or_else(|| {
            // Marked new that year, else the year's figure of the same subject.
            let year_own = |new: bool| {
                unique(
                    facts
                        .iter()
                        .filter(|(i, fy)| {
                            let x = &f.facts[*i as usize];
                            *fy == y
                                && *i != c
                                && x.amount.dim.same(&cf.amount.dim)
                                && !x.label.quals.has(Quals::CUMULATIVE)
                                && !is_change(x)
                                && if new {
                                    x.label.quals.has(Quals::NEW)
                                } else {
                                    crate::facts::quantity::label::same_subject(
                                        &x.label.subject,
                                        &cf.label.subject,
                                        2,
                                    )
                                }
                        })
                        .map(|(i, _)| *i),
                    f,
                )
            };
            year_own(true).or_else(|| year_own(false))
        });
        let Some(own) = own else { continue };
        out.push(Relation {
            kind: Kind::Running,
            claim: c,
            expr: Expr::Sum(vec![(1.0, Expr::fact(prev)), (1.0, Expr::fact(own))]),
            cue: "累計",
        });
    }
}

/// Every balance and running-total relation of `f`'s measures.
pub fn find(f: &Facts, out: &mut Vec<Relation>) {
    let mut measures: Vec<(u16, u16, u16)> =
        f.texts.iter().filter_map(|t| t.place.measure()).collect();
    measures.sort();
    measures.dedup();
    for m in measures {
        roll_forward(f, m, out);
        running(f, m, out);
    }
}

#[cfg(test)]
mod tests {
    use crate::facts::relations::Kind;
    use crate::facts::relations::testing::{claims, measure};

    #[test]
    fn a_fund_rolled_forward() {
        let f = measure(&[
            (
                2023,
                "・令和5年度末現在高 9,249,275,327円 ・積立額 2,144,003,242円 ・取崩額 750,000,000円",
            ),
            (
                2024,
                "・令和6年度末現在高 9,201,902,641円 ・積立額 752,627,314円 ・取崩額 800,000,000円",
            ),
        ]);
        assert_eq!(
            claims(&f, Kind::Balance),
            [("9,201,902,641円".into(), true)]
        );
        let f = measure(&[
            (2024, "・年度末残高　3,375,971千円"),
            (2025, "・取崩745,000,000円、積立903,552,118円"),
            (2025, "・年度末残高3,534,522,887円"),
        ]);
        assert_eq!(claims(&f, Kind::Balance).len(), 1);
    }

    /// Funds and debts in other wordings and orders: the panels of a
    /// measure, with the end balance claimed and whether it holds.
    #[test]
    fn balances_in_other_wordings() {
        for (panels, want) in [
            // The previous end in last year's panel.
            (
                &[
                    (2024, "・財政調整基金 年度末残高 1,520,000千円"),
                    (
                        2025,
                        "・財政調整基金 積立額 230,000千円、取崩額 400,000千円、年度末残高 1,350,000千円",
                    ),
                ][..],
                &[("1,350,000千円", true)][..],
            ),
            // All in one text, in any order.
            (
                &[(
                    2025,
                    "・前年度末残高 1,520,000千円、積立額 230,000千円、取崩額 400,000千円、年度末残高 1,350,000千円",
                )],
                &[("1,350,000千円", true)],
            ),
            (
                &[(
                    2025,
                    "・取崩額 400,000千円 ・積立額 230,000千円 ・前年度末残高 1,520,000千円 ・年度末残高 1,350,000千円",
                )],
                &[("1,350,000千円", true)],
            ),
            // The flows in brackets after the balance.
            (
                &[
                    (2024, "・基金残高 520,000千円"),
                    (
                        2025,
                        "・基金残高 600,000千円（積立 120,000千円、取崩 40,000千円）",
                    ),
                ],
                &[("600,000千円", true)],
            ),
            // A debt: borrowed in, repaid out, in three panels.
            (
                &[
                    (2024, "・市債残高 28,400百万円"),
                    (2025, "・借入額 1,900百万円、償還額 2,350百万円"),
                    (2025, "・市債残高 27,950百万円"),
                ],
                &[("27,950百万円", true)],
            ),
            (
                &[
                    (2024, "・市債現在高　２８４億円"),
                    (
                        2025,
                        "・市債の発行１９億円、元金償還２３．５億円により、市債現在高は２７９．５億円となった",
                    ),
                ],
                &[("279.5億円", true)],
            ),
            // Wrong ends.
            (
                &[(
                    2025,
                    "・前年度末残高 1,520,000千円、積立額 230,000千円、取崩額 400,000千円、年度末残高 1,360,000千円",
                )],
                &[("1,360,000千円", false)],
            ),
            (
                &[
                    (2024, "・基金残高 520,000千円"),
                    (
                        2025,
                        "・基金残高 610,000千円（積立 120,000千円、取崩 40,000千円）",
                    ),
                ],
                &[("610,000千円", false)],
            ),
            (
                &[
                    (2024, "・市債残高 28,400百万円"),
                    (2025, "・借入額 1,900百万円、償還額 2,350百万円"),
                    (2025, "・市債残高 28,850百万円"),
                ],
                &[("28,850百万円", false)],
            ),
        ] {
            let want: Vec<(String, bool)> = want.iter().map(|&(c, h)| (c.into(), h)).collect();
            assert_eq!(claims(&measure(panels), Kind::Balance), want, "{panels:?}");
        }
    }

    #[test]
    fn planned_flows_limits_and_missing_starts_roll_nothing() {
        for panels in [
            // A planned flow has not moved the balance.
            &[
                (2024, "・基金残高 520,000千円"),
                (2025, "・積立額（予定）120,000千円"),
                (2025, "・基金残高 600,000千円"),
            ][..],
            &[
                (2024, "・基金残高 520,000千円"),
                (2025, "・取崩予定 40,000千円"),
                (2025, "・基金残高 600,000千円"),
            ],
            // A limit is no flow.
            &[
                (2024, "・市債残高 284億円"),
                (
                    2025,
                    "・臨時財政対策債の発行可能額 19億円、市債残高 279億円",
                ),
            ],
            // No previous balance.
            &[(
                2025,
                "・積立額 230,000千円、取崩額 400,000千円、年度末残高 1,350,000千円",
            )],
        ] {
            assert_eq!(claims(&measure(panels), Kind::Balance), [], "{panels:?}");
        }
    }

    #[test]
    fn running_totals() {
        let f = measure(&[
            (2023, "・修了者　42人（累計318人）"),
            (2024, "・修了者　37人（累計355人）"),
            (
                2025,
                "・修了者累計　400人\n・養成講座を年4回開催し、修了者は45人",
            ),
        ]);
        assert_eq!(
            claims(&f, Kind::Running),
            [("355人".into(), true), ("400人".into(), true)]
        );
        let f = measure(&[
            (2024, "・オンライン化した手続　累計129手続"),
            (2025, "・47手続を追加し、累計175手続"),
        ]);
        assert_eq!(claims(&f, Kind::Running), [("175手続".into(), false)]);
    }
}
