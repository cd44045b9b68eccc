//! A figure of the secretariat's 評価コメント restates one of the sheets of
//! its 取組項目 (`25,175,931文字の生成が行われました` for the sheet's
//! `合計25,175,931文字利用され`): the two must agree within their printing.
//!
//! A comment paragraph names its item, not the panel it quotes, so the sheet
//! figure is found by what it is: of the same dimension (and counter), kind
//! and year, and either the only such figure of the item's sheets, or of the
//! same subject and close in value (within 10%, or a power of ten apart: a
//! slipped scale), or equal in value to within half a percent when the prose
//! gives no comparable subject. A comment figure with two such candidates of
//! different values is left alone.

use crate::facts::quantity::amount::{near, rel_diff};
use crate::facts::quantity::label::same_subject;
use crate::facts::quantity::unit::Dim;
use crate::facts::quantity::{Fact, Facts, Place};
use crate::facts::relations::Relation;
use crate::facts::relations::change::{same_measure, same_quantity};
use crate::facts::relations::identity::{identity, states_quantity};
use crate::model::plan::ItemId;
use crate::model::year::FiscalYear;

/// Identities between comment figures and the sheets of their item.
/// `row_items[row]` is the item of comment row `row` (the `Place::Comment`
/// numbering), `sheet_items[sheet]` the item of each sheet, `year` the year
/// the comments speak of when they name none.
pub fn find(
    f: &Facts,
    row_items: &[Option<ItemId>],
    sheet_items: &[Option<ItemId>],
    year: FiscalYear,
) -> Vec<Relation> {
    let mut out = Vec::new();
    let item_of_sheet = |s: u16| sheet_items.get(s as usize).copied().flatten();
    for t in &f.texts {
        let Place::Comment { row } = t.place else {
            continue;
        };
        let Some(item) = row_items.get(row as usize).copied().flatten() else {
            continue;
        };
        for a in t.facts.clone() {
            let x = &f.facts[a as usize];
            if !states_quantity(x) {
                continue;
            }
            let yx = x.label.year.resolve(Some(year));
            // The item's figures of the comment figure's dimension, kind and year.
            let like: Vec<u32> = f
                .texts
                .iter()
                .filter(|s| {
                    matches!(s.place, Place::Panel { sheet, .. } if item_of_sheet(sheet) == Some(item))
                })
                .flat_map(|s| s.facts.clone())
                .filter(|&b| {
                    let y = &f.facts[b as usize];
                    states_quantity(y)
                        && y.amount.dim.same(&x.amount.dim)
                        && y.label.quals.kind() == x.label.quals.kind()
                        && f.year_of(y) == yx
                })
                .collect();
            // Alone of its kind only for a counted thing: bare numbers
            // (`17のシナリオ`) and spans of days (`24時間365日`) are too
            // common to tell one from another.
            if let [b] = like[..]
                && countable(x)
            {
                out.push(identity(a, b, f, "同一"));
                continue;
            }
            let cands: Vec<(f64, u32)> = like
                .iter()
                .filter(|&&b| restates(x, &f.facts[b as usize]))
                .map(|&b| {
                    (
                        rel_diff(x.amount.value, f.facts[b as usize].amount.value),
                        b,
                    )
                })
                .collect();
            let Some(&(gap, b)) = cands.iter().min_by(|p, q| p.0.total_cmp(&q.0)) else {
                continue;
            };
            let value = f.facts[b as usize].amount.value;
            let tie = cands
                .iter()
                .any(|&(g, c)| g == gap && f.facts[c as usize].amount.value != value);
            if !tie {
                out.push(identity(a, b, f, "同一"));
            }
        }
    }
    out
}

/// Whether the fact counts or measures something of its own (a counter
/// other than days, money, a share), so that one of its kind is telling.
fn countable(x: &Fact) -> bool {
    match &x.amount.dim {
        Dim::Bare | Dim::Minutes => false,
        Dim::Count(c) => !matches!(&**c, "日" | "年" | "か月" | "月" | "週" | "日間" | "か年"),
        _ => true,
    }
}

/// Whether sheet figure `y` may be what comment figure `x` restates.
fn restates(x: &Fact, y: &Fact) -> bool {
    let (a, b) = (x.amount.value, y.amount.value);
    let same = same_quantity(x, y, 2) || (countable(x) && same_count(x, y));
    (same && near(a, b)) || rel_diff(a, b) <= 0.005
}

/// One count, named with its counting word or without: `成立件数` and
/// `マッチング成立` of 件, `参加人数` and `参加` of 人.
fn same_count(x: &Fact, y: &Fact) -> bool {
    same_measure(x, y) && same_subject(bare(&x.label.subject), bare(&y.label.subject), 2)
}

/// A count's name without its counting word (`成立件数` → 成立).
fn bare(s: &str) -> &str {
    ["件数", "人数", "回数", "者数", "名数", "数"]
        .iter()
        .find_map(|w| s.strip_suffix(w).filter(|t| t.chars().count() >= 2))
        .unwrap_or(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::relations::Verdict;
    use crate::model::form::PanelKind;
    use crate::model::location::{CellRef, Location};

    const ITEM: ItemId = ItemId { policy: 2, item: 1 };

    /// A comment paragraph and one sheet panel of the same item.
    fn verdicts(comment: &str, panel: &str) -> Vec<(String, String, Option<Verdict>)> {
        let mut f = Facts::default();
        let at = |c: u32| Location::cell("f".into(), "s".into(), CellRef::new(c, 1));
        f.add(comment, at(0), Place::Comment { row: 0 });
        f.add(
            panel,
            at(1),
            Place::Panel {
                sheet: 0,
                project: 0,
                measure: 0,
                year: FiscalYear(2024),
                kind: PanelKind::Result,
            },
        );
        f.fill_subjects();
        find(&f, &[Some(ITEM)], &[Some(ITEM)], FiscalYear(2024))
            .iter()
            .map(|r| {
                let m = r.members();
                (
                    f.raw(&f.facts[m[0] as usize]).to_string(),
                    f.raw(&f.facts[m[1] as usize]).to_string(),
                    r.verdict(&f),
                )
            })
            .collect()
    }

    fn holds(v: &[(String, String, Option<Verdict>)]) -> Vec<bool> {
        v.iter()
            .map(|(_, _, v)| matches!(v, Some(Verdict::Holds)))
            .collect()
    }

    #[test]
    fn comment_figures_restate_the_sheet() {
        for (comment, panel, want) in [
            (
                "生成AIの本稼働を開始し、25,175,931文字の生成が行われました。",
                "・生成AIの運用開始により、合計25,175,931文字利用され",
                true,
            ),
            (
                "全体として約738時間の工数が削減されました。",
                "昨年度から利用しているシナリオを含め738時間程度の工数削減がなされた。",
                true,
            ),
            (
                "相談件数は1,047件と前年度を上回りました。",
                "・相談件数 1,047件（前年度比＋62件）",
                true,
            ),
            (
                "登録者数は3,412人に達しています。",
                "・登録者数 3,421人",
                false,
            ),
            (
                "寄附金額は約1.9億円となりました。",
                "・寄附金額 18,835,771円",
                false,
            ),
            (
                "寄附金額は約1,884万円となりました。",
                "・寄附金額 18,835,771円",
                true,
            ),
            // The only figure of its counter in the item's sheets.
            (
                "生成AIにより52,175,931文字の生成が行われました。",
                "・生成AIの運用開始により、合計25,175,931文字利用され ・研修参加者 32人",
                false,
            ),
            (
                "改修工事は8施設で行われました。",
                "・改修工事 6施設 ・工事費 1,265百万円",
                false,
            ),
        ] {
            assert_eq!(
                holds(&verdicts(comment, panel)),
                [want],
                "{comment} / {panel}"
            );
        }
    }

    #[test]
    fn a_count_meets_its_name_without_the_counting_word() {
        for (comment, panel) in [
            (
                "マッチングの成立件数も28件と伸びた",
                "・企業・学校のマッチング成立　27件",
            ),
            (
                "講座の参加人数は130人となり",
                "・講座参加　120人（前年度100人）",
            ),
            ("相談の受付件数は1,210件", "・相談受付 1,200件"),
            ("見学会の開催回数は12回", "・見学会開催 11回"),
            ("登録者数は550人に達し", "・登録 500人"),
        ] {
            let v = verdicts(comment, panel);
            assert!(
                v.iter()
                    .any(|(_, _, x)| matches!(x, Some(Verdict::Fails { .. }))),
                "{comment} / {panel}: {v:?}"
            );
        }
        // Names that only share the counting word do not meet (two 件
        // figures: neither is the only one of its kind).
        let v = verdicts("相談件数は28件", "・マッチング成立　27件 ・窓口案内 40件");
        assert!(
            v.iter()
                .all(|(_, _, x)| !matches!(x, Some(Verdict::Fails { .. }))),
            "{v:?}"
        );
    }

    #[test]
    fn other_figures_are_not_paired() {
        for (comment, panel) in [
            // Another quantity, far in value.
            ("ワークショップを4回実施しました。", "・参加者 38人"),
            ("参加者は120人でした。", "・参加者 38人 ・職員 12人"),
            // A target and a change are not restatements of a level.
            (
                "目標とする年間件数450件まであと一歩です。",
                "・寄附件数 435件",
            ),
            (
                "前年度より9.8ポイント悪化しました。",
                "・経常収支比率 94.4%",
            ),
            // Two candidates, neither closer: which one is meant is unknown.
            ("延べ50人が参加しました。", "・A地区 48人 ・B地区 52人"),
            // Alone of their kind, but not telling: a bare number, a span.
            ("17のシナリオが作成されました。", "・活用業務数：25"),
            ("24時間365日対応可能です。", "・開設日数 21日"),
        ] {
            assert!(verdicts(comment, panel).is_empty(), "{comment} / {panel}");
        }
    }
}
