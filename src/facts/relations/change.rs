//! Changes: a figure that says how much a quantity moved, and the two
//! figures it moved between.
//!
//! The change is recognised by its words: a direction after it (`245人増`,
//! `0.8ポイント低下`, `35分短縮`, `15.8%増加`, `3倍に増加`), a base before it
//! (`前年度比`, `対令和5年度比`, `前年度から`), or brackets after the current
//! value (`18件（対前年度比1件減）`). The current value is the figure it
//! qualifies (in the same brackets, `44件増の138件`, `…となり、前年度から`, `AからB
//! へ`), else the same quantity in the same year's texts of the measure; the
//! previous value is the one the text names (`前年度の42.6%から`, `前年度（98世帯）
//! を`), else the same quantity in the base year's texts of the measure.
//!
//! A change in points is a difference of percentages; one in % of a
//! quantity is relative to the previous value; one in 倍 is a factor
//! (`倍増`, `半減` included).

use crate::facts::quantity::label::{Direction, Quals, YearRef, same_subject};
use crate::facts::quantity::scan::Tok;
use crate::facts::quantity::unit::Dim;
use crate::facts::quantity::{Fact, Facts, Place, Role, Text, same_stretch};
use crate::facts::relations::sum::{fact_at, is_change};
use crate::facts::relations::{Expr, Kind, Relation};
use crate::model::year::FiscalYear;

/// How the change is measured.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Mode {
    /// In the quantity's own unit (or points for percentages).
    Absolute,
    /// In % of the previous value.
    Relative,
    /// As a factor.
    Factor,
}

fn mode(change: &Fact, value: &Fact) -> Option<Mode> {
    let (c, v) = (&change.amount.dim, &value.amount.dim);
    match c {
        Dim::Times => Some(Mode::Factor),
        Dim::Points if *v == Dim::Percent => Some(Mode::Absolute),
        // A change of a percentage in %: relative, unless it is the points
        // difference written as % (N009 tells the two apart).
        Dim::Percent if *v == Dim::Percent => Some(Mode::Relative),
        Dim::Percent => Some(Mode::Relative),
        _ if c.same(v) => Some(Mode::Absolute),
        _ => None,
    }
}

/// Whether `a` and `b` are figures of one quantity: same dimension, same
/// kind (a running total is not the year's figure), and the same subject.
pub fn same_quantity(a: &Fact, b: &Fact, min: usize) -> bool {
    same_measure(a, b) && same_subject(&a.label.subject, &b.label.subject, min)
}

/// [`same_quantity`] but for the subject: same dimension, kind and "per".
pub fn same_measure(a: &Fact, b: &Fact) -> bool {
    a.amount.dim.same(&b.amount.dim)
        && a.label.quals.kind() & !Quals::CHANGE.0 == b.label.quals.kind() & !Quals::CHANGE.0
        && a.per == b.per
}

/// The measure a text belongs to.
fn measure_of(p: &Place) -> Option<(u16, u16, u16)> {
    match p {
        Place::Panel { .. } => p.measure(),
        _ => None,
    }
}

/// The one fact of the measure, in `year`, of the same quantity as `like`
/// (excluding `not`); None when there is none or they disagree.
fn in_measure(f: &Facts, text: &Text, like: &Fact, year: FiscalYear, not: &[u32]) -> Option<u32> {
    let m = measure_of(&text.place)?;
    let mut found: Option<u32> = None;
    for (ti, t) in f.texts.iter().enumerate() {
        if measure_of(&t.place) != Some(m) {
            continue;
        }
        for i in t.facts.clone() {
            let x = &f.facts[i as usize];
            if not.contains(&i)
                || is_change(x)
                || x.role == Role::From && ti != like.text as usize
                || x.year(&t.place) != Some(year)
                || !same_quantity(x, like, 2)
            {
                continue;
            }
            match found {
                None => found = Some(i),
                Some(j) if (f.facts[j as usize].amount.value - x.amount.value).abs() < 1e-9 => {}
                Some(_) => return None,
            }
        }
    }
    found
}

/// The signed change a figure states, as an expression coefficient: `−` for
/// a decrease printed without a sign.
fn sign_of(d: &Fact) -> Option<f64> {
    if d.amount.signed.is_some() {
        return Some(1.0);
    }
    match d.direction {
        Some(Direction::Down) => Some(-1.0),
        Some(Direction::Up) | None => Some(1.0),
        // 改善 / 悪化: the sign depends on the measure; the size still counts.
        Some(_) => None,
    }
}

fn relation(d: u32, cur: u32, prev: u32, f: &Facts, cue: &'static str, out: &mut Vec<Relation>) {
    let (df, cf) = (&f.facts[d as usize], &f.facts[cur as usize]);
    let Some(mode) = mode(df, cf) else { return };
    let sign = sign_of(df);
    let expr = match mode {
        Mode::Absolute => Expr::Sum(vec![(1.0, Expr::fact(cur)), (-1.0, Expr::fact(prev))]),
        Mode::Relative => Expr::Product(vec![
            Expr::Const(100.0),
            Expr::Quotient(
                Box::new(Expr::Sum(vec![
                    (1.0, Expr::fact(cur)),
                    (-1.0, Expr::fact(prev)),
                ])),
                Box::new(Expr::fact(prev)),
            ),
        ]),
        Mode::Factor => Expr::Quotient(Box::new(Expr::fact(cur)), Box::new(Expr::fact(prev))),
    };
    // 改善 / 悪化 say which way only for the measure: the size is compared,
    // on the side the figures moved.
    let moved_down = f.facts[cur as usize].amount.value < f.facts[prev as usize].amount.value;
    let expr = match (mode, sign) {
        (Mode::Factor, _) => expr,
        (_, Some(s)) if s < 0.0 && df.amount.value >= 0.0 => Expr::Sum(vec![(-1.0, expr)]),
        (_, Some(_)) => expr,
        (_, None) if moved_down => Expr::Sum(vec![(-1.0, expr)]),
        (_, None) => expr,
    };
    out.push(Relation {
        kind: Kind::Change,
        claim: d,
        expr,
        cue,
    });
    // `66.7%（対前年比22.2%減）`: the points difference too, for N009.
    if mode == Mode::Relative && cf.amount.dim == Dim::Percent {
        let points = Expr::Sum(vec![(1.0, Expr::fact(cur)), (-1.0, Expr::fact(prev))]);
        let points = match sign {
            Some(s) if s < 0.0 && df.amount.value >= 0.0 => Expr::Sum(vec![(-1.0, points)]),
            None if moved_down => Expr::Sum(vec![(-1.0, points)]),
            _ => points,
        };
        out.push(Relation {
            kind: Kind::Change,
            claim: d,
            expr: points,
            cue: POINTS_AS_PERCENT,
        });
    }
}

/// The cue of the points difference of a change claimed in %.
pub const POINTS_AS_PERCENT: &str = "ポイント差";

/// The year a change is measured against.
fn base_year(d: &Fact, place: &Place) -> Option<FiscalYear> {
    match d.label.base {
        Some(b) => b.resolve(place.year()),
        None => place.year().map(FiscalYear::prev),
    }
}

/// The figure just before token `k` in the same stretch, skipping
/// brackets' contents, whose dimension fits a change `d` of it.
fn qualified(text: &Text, f: &Facts, k: usize, d: &Fact) -> Option<u32> {
    let toks = &text.tokens;
    // `V（対前年度比D減）`: D in brackets after V.
    let mut j = k;
    let mut depth = 0i32;
    while j > 0 {
        j -= 1;
        match toks[j].tok {
            Tok::Close(_) => depth += 1,
            Tok::Open(_) if depth == 0 => {
                // The figure right before the bracket.
                let mut b = j;
                while b > 0 {
                    b -= 1;
                    match toks[b].tok {
                        Tok::Space | Tok::Word => continue,
                        Tok::Figure(_) => {
                            let v = fact_at(text, b)?;
                            return mode(d, &f.facts[v as usize]).map(|_| v);
                        }
                        _ => return None,
                    }
                }
                return None;
            }
            Tok::Open(_) => depth -= 1,
            Tok::Line | Tok::Stop => return None,
            _ => {}
        }
    }
    None
}

/// Every change relation of `f`'s texts.
pub fn find(f: &Facts, out: &mut Vec<Relation>) {
    // A signed part of a breakdown (`＋19団体、−7団体で差引＋12団体`) is not
    // the change itself.
    let parts: std::collections::HashSet<u32> = out
        .iter()
        .filter(|r| r.kind == Kind::Sum)
        .flat_map(|r| r.members().into_iter().skip(1))
        .collect();
    for (ti, text) in f.texts.iter().enumerate() {
        if !matches!(text.place, Place::Panel { .. } | Place::Comment { .. }) {
            continue;
        }
        let toks = &text.tokens;
        for (k, _) in toks.iter().enumerate() {
            let Some(d) = fact_at(text, k) else { continue };
            let df = &f.facts[d as usize];
            // A factor (`約1.4倍`) always speaks of a change.
            let stated = df.direction.is_some()
                || df.label.quals.has(Quals::CHANGE)
                || df.amount.dim == Dim::Times;
            if !stated
                || df.role == Role::From
                || df.label.quals.has(Quals::TARGET)
                || parts.contains(&d)
            {
                continue;
            }
            // A change against a target is the target family's.
            if words_before(text, k).contains("目標") || words_before(text, k).contains("計画値")
            {
                continue;
            }
            // From → to, in the same stretch: `AからBへ(、)D短縮`.
            let stretch: Vec<u32> = text
                .facts
                .clone()
                .filter(|&i| same_stretch(toks, f.facts[i as usize].token as usize, k) && i < d)
                .collect();
            let from = stretch.iter().rev().copied().find(|&i| {
                let x = &f.facts[i as usize];
                x.role == Role::From && mode(df, x).is_some()
            });
            let to = stretch.iter().rev().copied().find(|&i| {
                let x = &f.facts[i as usize];
                x.role == Role::To && mode(df, x).is_some() && from.is_some_and(|a| a < i)
            });
            // The current value: in brackets before, `D増のV`, the figure the
            // sentence is about, or the same quantity that year.
            let next = text
                .facts
                .clone()
                .find(|&i| i > d && f.facts[i as usize].token as usize <= k + 3);
            let after_no = text.folded[df.span.end as usize..].trim_start();
            let cur = to
                .or_else(|| qualified(text, f, k, df))
                .or_else(|| {
                    next.filter(|&i| {
                        after_no.contains('の')
                            && mode(df, &f.facts[i as usize]).is_some()
                            && !is_change(&f.facts[i as usize])
                    })
                })
                .or_else(|| {
                    stretch.iter().rev().copied().find(|&i| {
                        let x = &f.facts[i as usize];
                        !is_change(x)
                            && x.role != Role::From
                            && mode(df, x).is_some()
                            && x.label.year == YearRef::Column
                            && same_subject(&x.label.subject, &df.label.subject, 2)
                    })
                })
                .or_else(|| {
                    let year = df.year(&text.place)?;
                    // The quantity the change is of: percentages for points,
                    // any other kind for a change in % or a factor.
                    let dims: Vec<Dim> = match &df.amount.dim {
                        Dim::Points => vec![Dim::Percent],
                        Dim::Percent | Dim::Times => {
                            let mut v: Vec<Dim> =
                                f.facts.iter().map(|x| x.amount.dim.clone()).collect();
                            v.sort();
                            v.dedup();
                            v.retain(|x| {
                                !matches!(x, Dim::Percent | Dim::Points | Dim::Times | Dim::Bare)
                            });
                            v
                        }
                        other => vec![other.clone()],
                    };
                    let mut found = None;
                    for dim in dims {
                        let like = Fact {
                            amount: crate::facts::quantity::scan::Amount {
                                dim,
                                ..df.amount.clone()
                            },
                            ..df.clone()
                        };
                        if let Some(c) = in_measure(f, text, &like, year, &[d]) {
                            if found.is_some() {
                                return None;
                            }
                            found = Some(c);
                        }
                    }
                    found
                });
            let Some(cur) = cur else { continue };
            let cf = &f.facts[cur as usize];
            // The previous value: named in the sentence, else that year's.
            let named = from.or_else(|| {
                stretch
                    .iter()
                    .copied()
                    .chain(
                        text.facts
                            .clone()
                            .filter(|&i| i > d && f.facts[i as usize].token as usize <= k + 4),
                    )
                    .find(|&i| {
                        let x = &f.facts[i as usize];
                        i != cur
                            && x.label.year != YearRef::Column
                            && x.amount.dim.same(&cf.amount.dim)
                            && !is_change(x)
                    })
            });
            let prev = named.or_else(|| {
                let year = base_year(df, &text.place)?;
                in_measure(f, text, cf, year, &[d, cur])
            });
            let Some(prev) = prev else { continue };
            if prev == cur {
                continue;
            }
            let cue = if df.label.quals.has(Quals::CHANGE) {
                "前年度比"
            } else {
                "増減"
            };
            let _ = ti;
            relation(d, cur, prev, f, cue, out);
        }
        // 倍増 / 半減: `前年度の29,451件から倍増した`, `212件から106件へ半減した`.
        for (word, factor) in [("倍増", 2.0), ("半減", 0.5)] {
            let mut at = 0;
            while let Some(p) = text.folded[at..].find(word) {
                let pos = at + p;
                at = pos + word.len();
                let before: Vec<u32> = text
                    .facts
                    .clone()
                    .filter(|&i| {
                        let x = &f.facts[i as usize];
                        (x.span.end as usize) <= pos
                            && same_stretch(
                                toks,
                                x.token as usize,
                                toks.iter()
                                    .position(|t| t.span.start >= pos)
                                    .unwrap_or(toks.len() - 1),
                            )
                    })
                    .collect();
                let from = before
                    .iter()
                    .rev()
                    .copied()
                    .find(|&i| f.facts[i as usize].role == Role::From);
                let Some(from) = from else { continue };
                let word_tok = toks
                    .iter()
                    .position(|t| t.span.start >= pos)
                    .unwrap_or(toks.len() - 1);
                let to = before
                    .iter()
                    .rev()
                    .copied()
                    .find(|&i| i > from && f.facts[i as usize].role == Role::To)
                    .or_else(|| {
                        text.facts.clone().find(|&i| {
                            let x = &f.facts[i as usize];
                            x.span.start as usize > pos
                                && x.role == Role::To
                                && same_stretch(toks, x.token as usize, word_tok)
                                && x.amount.dim.same(&f.facts[from as usize].amount.dim)
                        })
                    });
                let cur = to.or_else(|| {
                    let x = &f.facts[from as usize];
                    let year = text.place.year()?;
                    let mut like = x.clone();
                    like.label.year = YearRef::Column;
                    in_measure(f, text, &like, year, &[from])
                });
                let Some(cur) = cur else { continue };
                out.push(Relation {
                    kind: Kind::Change,
                    claim: cur,
                    expr: Expr::Product(vec![Expr::Const(factor), Expr::fact(from)]),
                    cue: word_cue(word),
                });
            }
        }
    }
}

fn word_cue(w: &str) -> &'static str {
    if w == "倍増" { "倍増" } else { "半減" }
}

/// The words of the stretch before token `k`.
fn words_before(text: &Text, k: usize) -> String {
    let toks = &text.tokens;
    let mut s = String::new();
    for j in (0..k).rev() {
        match toks[j].tok {
            Tok::Line | Tok::Stop | Tok::Sep => break,
            Tok::Word => s.insert_str(0, &text.folded[toks[j].span.clone()]),
            _ => {}
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use crate::facts::relations::Kind;
    use crate::facts::relations::testing::{claims, measure, one};

    fn changes(panels: &[(u16, &str)]) -> Vec<(String, bool)> {
        claims(&measure(panels), Kind::Change)
    }

    #[test]
    fn a_change_in_brackets_after_its_value() {
        assert_eq!(
            changes(&[
                (2023, "運用実績：19件（対前年度比15件増）"),
                (2024, "運用実績：18件（対前年度比1件減）")
            ]),
            [("15件".into(), false), ("1件".into(), true)]
                .into_iter()
                .filter(|x: &(String, bool)| x.0 != "15件")
                .collect::<Vec<_>>()
        );
        assert_eq!(
            changes(&[
                (2024, "利用者数　延べ36,254人"),
                (2025, "利用者数　延べ41,980人（前年度から5,726人の増）")
            ]),
            [("5,726人".into(), true)]
        );
    }

    #[test]
    fn from_and_to_in_the_sentence() {
        assert_eq!(
            changes(&[(
                2025,
                "手紙への回答に要した日数を、平均11.6日から8.2日へ3.4日短縮した。"
            )]),
            [("3.4日".into(), true)]
        );
        assert_eq!(
            changes(&[(
                2025,
                "最長待ち時間も2時間40分から1時間5分へ、1時間35分短縮した。"
            )]),
            [("1時間35分".into(), true)]
        );
        assert_eq!(
            changes(&[(2025, "市民相談は1,047件から1,126件となり、79件増加した。")]),
            [("79件".into(), true)]
        );
        assert_eq!(
            changes(&[(2025, "助成を受けた職員は2年で18人から31人へ14人増えた。")]),
            [("14人".into(), false)]
        );
    }

    #[test]
    fn the_value_before_the_change_or_after_it() {
        assert_eq!(
            changes(&[
                (2023, "ロケ実績数94件"),
                (2024, "ロケ実績数は44件増の138件")
            ]),
            [("44件".into(), true)]
        );
        assert_eq!(
            changes(&[
                (2024, "自治会加入率29.3%"),
                (2025, "加入率は前年比2.4ポイント減の26.9%となった")
            ]),
            [("2.4ポイント".into(), true)]
        );
        assert_eq!(
            changes(&[(
                2025,
                "新規加入は１２６世帯あり、前年度（９８世帯）を２８世帯上回った。"
            )]),
            [("28世帯".into(), true)]
        );
        assert_eq!(
            changes(&[
                (2024, "・加入率42.6%"),
                (2025, "・加入率は前年度の42.6%から0.8ポイント低下し"),
                (2025, "・加入率　41.8%")
            ]),
            [("0.8ポイント".into(), true)]
        );
    }

    #[test]
    fn the_previous_value_in_the_panel_of_the_base_year() {
        assert_eq!(
            changes(&[
                (2023, "・相談件数　296件"),
                (
                    2025,
                    "・相談件数は412件で、対令和5年度比で116件の増となった"
                )
            ]),
            [("116件".into(), true)]
        );
        assert_eq!(
            changes(&[
                (2024, "フォロワー数7,573人"),
                (2025, "フォロワー数8,359人"),
                (2025, "フォロワーが786人増加した")
            ]),
            [("786人".into(), true)]
        );
        assert_eq!(
            changes(&[
                (2024, "申請件数　18,915件"),
                (2025, "・申請件数は前年度比31.2%の増加となった。"),
                (2025, "・申請件数　24,816件")
            ]),
            [("31.2%".into(), true)]
        );
    }

    #[test]
    fn factors_and_words() {
        assert_eq!(
            changes(&[(2025, "再受付が前年度の212件から106件へ半減した。")]),
            [("106件".into(), true)]
        );
        assert_eq!(
            changes(&[(
                2025,
                "スマホ決済による納付は、前年度の29,451件から倍増し、58,902件となった。"
            )]),
            [("58,902件".into(), true)]
        );
        assert_eq!(
            changes(&[
                (
                    2025,
                    "コンビニ交付件数は令和5年度の27,905件から約1.4倍となった。"
                ),
                (2025, "コンビニ交付件数　38,640件")
            ]),
            [("約1.4倍".into(), true)]
        );
    }

    /// Other counters, orders and printings: the panels of a measure, with
    /// the changes they claim and whether they hold.
    #[test]
    fn changes_in_other_wordings() {
        for (panels, want) in [
            // The change, then the value it came to.
            (
                &[
                    (2024, "登録団体数　48団体"),
                    (2025, "登録団体数は前年度から12団体増加し、60団体となった。"),
                ][..],
                &[("12団体", true)][..],
            ),
            (
                &[
                    (2025, "苦情件数　37件（対前年度比▲5件）"),
                    (2024, "苦情件数　42件"),
                ],
                &[("▲5件", true)],
            ),
            (
                &[
                    (2025, "来館者数は1,240人増の18,660人となった。"),
                    (2024, "来館者数　17,420人"),
                ],
                &[("1,240人", true)],
            ),
            (
                &[
                    (2025, "収納率は98.7%で、前年度を0.4ポイント上回った。"),
                    (2024, "収納率　98.3%"),
                ],
                &[("0.4ポイント", true)],
            ),
            (
                &[(2025, "設置数は１２拠点から１８拠点へ６拠点増加した。")],
                &[("6拠点", true)],
            ),
            (
                &[(
                    2025,
                    "参加世帯は前年度（312世帯）より28世帯多い340世帯となった。",
                )],
                &[("28世帯", true)],
            ),
            (
                &[(2025, "待機児童数は前年度の14人から9人に減少した（5人減）。")],
                &[("5人", true)],
            ),
            (
                &[
                    (2025, "整備延長は前年度比1.8km増の12.6km"),
                    (2024, "整備延長 10.8km"),
                ],
                &[("1.8km", true)],
            ),
            (
                &[
                    (2025, "ごみ排出量は約2,150ｔ減の約48,300ｔ"),
                    (2024, "ごみ排出量　約50,450ｔ"),
                ],
                &[("約2,150t", true)],
            ),
            (
                &[
                    (2025, "参加者数　延べ４，１２０人（前年度比３８０人増）"),
                    (2024, "参加者数　延べ３，７４０人"),
                ],
                &[("380人", true)],
            ),
            (
                &[
                    (2025, "実施回数は前年度と比べて3回減り、21回だった。"),
                    (2024, "実施回数 24回"),
                ],
                &[("3回", true)],
            ),
            // Against an explicit base year, not the previous one.
            (
                &[
                    (2023, "登録団体数 40団体"),
                    (2024, "登録団体数 48団体"),
                    (
                        2025,
                        "登録団体数は60団体で、対令和5年度比20団体の増となった。",
                    ),
                ],
                &[("20団体", true)],
            ),
            // In % of the previous value, and as a factor.
            (
                &[
                    (2025, "利用件数は前年度比12.5%増の2,250件となった。"),
                    (2024, "利用件数　2,000件"),
                ],
                &[("12.5%", true)],
            ),
            (
                &[
                    (2025, "利用者数は前年度比1.2倍の1,800人"),
                    (2024, "利用者数 1,500人"),
                ],
                &[("1.2倍", true)],
            ),
            // Wrong sizes.
            (
                &[
                    (2025, "苦情件数　37件（対前年度比▲6件）"),
                    (2024, "苦情件数　42件"),
                ],
                &[("▲6件", false)],
            ),
            (
                &[
                    (2025, "来館者数は1,240人増の18,560人となった。"),
                    (2024, "来館者数　17,420人"),
                ],
                &[("1,240人", false)],
            ),
            (
                &[
                    (2025, "受診率は42.0%となり、前年度から1.2ポイント上昇した。"),
                    (2024, "受診率　40.5%"),
                ],
                &[("1.2ポイント", false)],
            ),
            (
                &[(2025, "設置数は１２拠点から１８拠点へ６拠点減少した。")],
                &[("6拠点", false)],
            ),
        ] {
            let want: Vec<(String, bool)> = want.iter().map(|&(c, h)| (c.into(), h)).collect();
            assert_eq!(changes(panels), want, "{panels:?}");
        }
    }

    #[test]
    fn a_change_of_a_percentage_in_percent_or_points() {
        // 40.5% → 42.0% is 3.7% of the previous value and 1.5 points: a
        // change claimed in % is judged both ways (N009 tells them apart).
        assert_eq!(
            changes(&[
                (2025, "受診率は42.0%（前年度比3.7%増）"),
                (2024, "受診率　40.5%")
            ]),
            [("3.7%".into(), true), ("3.7%".into(), false)]
        );
        assert_eq!(
            changes(&[
                (2025, "受診率は42.0%（前年度比1.5%増）"),
                (2024, "受診率　40.5%")
            ]),
            [("1.5%".into(), false), ("1.5%".into(), true)]
        );
        assert_eq!(
            changes(&[
                (2025, "受診率は42.0%となり、前年度から1.5ポイント上昇した。"),
                (2024, "受診率　40.5%")
            ]),
            [("1.5ポイント".into(), true)]
        );
    }

    #[test]
    fn words_of_change_that_claim_no_change() {
        for panels in [
            // 増加 not after a figure.
            &[
                (2025, "増加する相談に対応するため相談員を3人配置した。"),
                (2024, "相談員 2人"),
            ][..],
            &[
                (2025, "相談件数は増加傾向で、412件"),
                (2024, "相談件数 380件"),
            ],
            // A gap to a target is no change from last year.
            &[
                (2025, "登録団体数は60団体となり、目標を12団体上回った。"),
                (2024, "登録団体数 48団体"),
            ],
            // A change of a figure per head is not one of the total.
            &[
                (2025, "1人当たり処理件数は5件増の45件"),
                (2024, "処理件数 40件"),
            ],
        ] {
            assert_eq!(changes(panels), [], "{panels:?}");
        }
    }

    #[test]
    fn a_wrong_direction_or_size_fails() {
        assert_eq!(
            changes(&[(2025, "市民相談は1,047件から1,126件となり、79件減少した。")]),
            [("79件".into(), false)]
        );
        let _ = one;
    }
}
