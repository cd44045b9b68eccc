//! 評価コメントの段落が述べる増減や達成の向きが、数値目標の数値から導かれないことを指摘します。
//!
//! ## 点検内容
//! 評価コメントのシートの段落が、数値目標の指標がどうなったかを言葉で述べている
//! ものを対象にします。目標に対するもの（`目標値を上回った`、`目標を達成しています`、
//! `目標には届かなかった`、`令和6年度目標未達成`）と、以前の年度に対するもの
//! （`前年度より悪化`、`前年を上回っています`、`令和5年度と比べて減少`）です。
//! 指標は、文の主語が指標を示していればその主語（`経常収支比率は…`。数値目標の
//! 行の指標または取組内容の名前と照合します）とし、示していなければ段落の冒頭の
//! 取組内容（「①…」は、）とします。述べている内容は、文が示す年度（示していなければ
//! 評価年度）の実績と、ともに示された年度の目標（`令和8年度末目標額`）、または
//! 以前の年度の実績と比べます。上回・下回は数値の大小、達成は行の比較（以上・以下）、
//! 改善・悪化は比較の向きで良い・悪いとされる動きとして判断します。
//! 読まないもの: 取組項目の数値目標のどの行も示さない主語（`年間作成数が目標を達成`）、
//! 指標が複数あり主語がそのどれも示さない取組内容、計画や願望の表現（`目標達成に向け`）。
//!
//! ## 理由
//! 評価コメント案は、そのまま推進会議の文章になります。比率が悪化したことを示す
//! 表の隣で 改善 と述べる文は、公表された矛盾となり、報告書の他の点検では
//! 見つかりません。
//!
//! ## 例
//! 指摘あり: 実績が 84.6%（令和5年度）と 94.4%（令和6年度）で目標が 以下 である
//! のに、段落に「①経常収支比率（数値目標）」は、前年度より9.8ポイント改善しました。
//! とある。
//! 指摘なし: …前年度より9.8ポイント悪化しました。
//!
//! ---
//!
//! A comment paragraph's direction words that the 数値目標 figures do not give.
//!
//! ## What it checks
//! A paragraph of the 評価コメント sheet saying, in words, what a 数値目標
//! measure did: against its target (`目標値を上回った`, `目標を達成しています`,
//! `目標には届かなかった`, `令和6年度目標未達成`) or against an earlier year
//! (`前年度より悪化`, `前年を上回っています`, `令和5年度と比べて減少`). The
//! measure is the sentence's subject when it names one (`経常収支比率は…`,
//! matched with the 数値目標 row's 指標 or the action's name), else the
//! actions the paragraph opens with (「①…」は、). The claim is compared with
//! the 実績 of the year the sentence names (else the evaluated year) and the
//! 目標 of the year named with it (`令和8年度末目標額`), or the earlier
//! year's 実績. 上回 / 下回 are the figures' order, 達成 the row's comparator
//! (以上 / 以下), 改善 / 悪化 the move the comparator calls better or worse.
//! Not read: a subject that names no 数値目標 row of the item (`年間作成数が
//! 目標を達成`), an action with several 指標 and no subject naming one, and
//! wording of a plan or wish (`目標達成に向け`).
//!
//! ## Why it matters
//! The comment draft becomes the committee's text as it stands. A sentence
//! saying 改善 next to a table that shows the ratio worsened is a published
//! contradiction, and nothing else in the report would catch it.
//!
//! ## Example
//! Fails: 「①経常収支比率（数値目標）」は、前年度より9.8ポイント改善しました。
//! with 実績 84.6% (令和5年度) and 94.4% (令和6年度), 目標 以下.
//! Passes: …前年度より9.8ポイント悪化しました。

use serde::Serialize;

use crate::facts::batch::Batch;
use crate::facts::direction::{Against, Claim, Says, claims};
use crate::facts::quantity::label::{Direction, same_subject};
use crate::facts::targets::{TargetValue, Targets};
use crate::model::figure::{Comparator, group_digits};
use crate::model::finding::{Lang, Violation};
use crate::model::plan::{ActionId, ItemRef};
use crate::model::text::key;
use crate::model::year::FiscalYear;
use crate::rules::comments::{item, opened_actions};
use crate::rules::{Findings, Rule};

pub struct CommentDirection;

/// A direction claim the 数値目標 figures contradict.
#[derive(Debug, Serialize)]
pub struct DirectionDiffers {
    pub claim: String,
    pub indicator: String,
    pub year: FiscalYear,
    pub actual: String,
    /// The target, or the earlier year's actual.
    pub compared: String,
    pub compared_year: FiscalYear,
    pub against_target: bool,
    /// What the figures say, in Japanese and in English.
    pub truth: (String, String),
}

impl Violation for DirectionDiffers {
    fn message(&self, lang: Lang) -> String {
        let (c, i, a, x) = (&self.claim, &self.indicator, &self.actual, &self.compared);
        let (y, cy) = (self.year, self.compared_year);
        match (lang, self.against_target) {
            (Lang::Ja, true) => format!(
                "コメントに「{c}」とありますが、数値目標の{i}は{y}の実績 {a}、{cy}の目標 {x}で、{}。",
                self.truth.0
            ),
            (Lang::Ja, false) => format!(
                "コメントに「{c}」とありますが、数値目標の{i}の実績は{cy} {x}、{y} {a}で、{}。",
                self.truth.0
            ),
            (Lang::En, true) => format!(
                "The comment says `{c}`, but {i} is {a} in {} against a {} target of {x}: {}.",
                y.short(),
                cy.short(),
                self.truth.1
            ),
            (Lang::En, false) => format!(
                "The comment says `{c}`, but {i} went from {x} in {} to {a} in {}: {}.",
                cy.short(),
                y.short(),
                self.truth.1
            ),
        }
    }
    fn found(&self) -> Option<String> {
        Some(self.claim.clone())
    }
}

impl Rule for CommentDirection {
    fn check_batch(&self, b: &Batch, out: &mut Findings) {
        let figs = b.targets();
        for row in b.comment_rows() {
            let Some(it) = item(b, row) else { continue };
            let text = key(&row.text.value);
            let claims = claims(&text);
            if claims.is_empty() {
                continue;
            }
            // Per paragraph: the item's 数値目標 rows and the actions it opens with.
            let rows = target_rows(figs, it);
            let opened = opened_actions(b, it, &row.text.value);
            for claim in claims {
                for (id, indicator) in measures(b, it, &claim, &rows, &opened) {
                    if let Some((v, related)) = judge(b, figs, &claim, id, &indicator) {
                        let f = out.push(row.text.at.clone(), v);
                        for at in related {
                            f.related(at);
                        }
                    }
                }
            }
        }
    }
}

/// The item's 数値目標 rows: (action, 指標), distinct, in sheet order.
fn target_rows(figs: &Targets, it: ItemRef) -> Vec<(ActionId, String)> {
    let mut rows: Vec<(ActionId, String)> = Vec::new();
    for v in &figs.values {
        if let Some(id) = v.action.filter(|a| a.item == it.id)
            && !rows.iter().any(|(a, i)| *a == id && **i == *v.indicator)
        {
            rows.push((id, v.indicator.to_string()));
        }
    }
    rows
}

/// The (action, 指標) pairs a claim speaks of: the sentence's subject, else
/// the actions the paragraph opens with (`opened`); only those with one
/// 数値目標 指標 among `rows` (or the one the subject names).
fn measures(
    b: &Batch,
    it: ItemRef,
    claim: &Claim,
    rows: &[(ActionId, String)],
    opened: &[ActionId],
) -> Vec<(ActionId, String)> {
    let only_row = |id: ActionId| {
        let mut of = rows.iter().filter(|(a, _)| *a == id);
        match (of.next(), of.next()) {
            (Some(r), None) => Some(r.clone()),
            _ => None,
        }
    };
    match &claim.subject {
        None => opened.iter().copied().filter_map(only_row).collect(),
        Some(s) if s.starts_with('「') => (opened_actions(b, it, s).into_iter())
            .filter_map(only_row)
            .collect(),
        Some(s) => {
            let mut out = Vec::new();
            for part in split_names(s) {
                let mut named: Vec<&(ActionId, String)> = rows
                    .iter()
                    .filter(|(id, ind)| {
                        names_measure(part, ind)
                            || b.plan
                                .action(*id)
                                .is_some_and(|a| names_measure(part, &a.action.name))
                    })
                    .collect();
                // `年度末残高が…` in the paragraph of 「②公共施設整備基金の積立て」:
                // the opened action's measure, by its head word.
                if named.is_empty() {
                    named = rows
                        .iter()
                        .filter(|(id, ind)| opened.contains(id) && same_head(part, ind))
                        .collect();
                }
                // A part naming nothing of the 数値目標 is about something
                // else: the claim is not this table's to judge.
                let [(id, ind)] = named[..] else {
                    return Vec::new();
                };
                let row = if names_measure(part, ind) {
                    Some((*id, ind.clone()))
                } else {
                    only_row(*id)
                };
                match row {
                    Some(r) => out.push(r),
                    None => return Vec::new(),
                }
            }
            out
        }
    }
}

/// `実質公債費比率及び将来負担比率` → the two names.
fn split_names(s: &str) -> Vec<&str> {
    let mut parts = vec![s];
    for sep in ["及び", "並びに", "・", "、"] {
        parts = parts.into_iter().flat_map(|p| p.split(sep)).collect();
    }
    parts.retain(|p| !p.is_empty());
    parts
}

/// Whether the words `part` name the measure `name` (`財政調整基金` for
/// 財政調整基金現在高, `昭島市の収納率` for 市税収納率): the last words after
/// の and the name without its brackets are one subject ([`same_subject`],
/// three characters or more).
fn names_measure(part: &str, name: &str) -> bool {
    let name = key(name);
    let name = name.split('(').next().unwrap_or(&name);
    let head = part.rsplit('の').next().unwrap_or(part);
    same_subject(head, name, 3)
}

/// Words that head a stock or a ratio (残高, 比率, 額): two names ending in
/// the same such word of two characters or more name one kind of measure.
const HEADS: &[&str] = &["残高", "現在高", "比率", "率", "額"];

/// Whether `part` and `name` end in the same head word (`年度末残高` and
/// 公共施設整備基金残高), two characters or more.
fn same_head(part: &str, name: &str) -> bool {
    let name = key(name);
    let common: String = {
        let mut tail: Vec<char> = part
            .chars()
            .rev()
            .zip(name.chars().rev())
            .take_while(|(a, b)| a == b)
            .map(|(a, _)| a)
            .collect();
        tail.reverse();
        tail.into_iter().collect()
    };
    common.chars().count() >= 2 && HEADS.iter().any(|h| common.ends_with(h))
}

/// The claim against the action's 数値目標 row: the violation and the cells
/// it rests on when the figures contradict it.
fn judge(
    b: &Batch,
    figs: &Targets,
    claim: &Claim,
    id: ActionId,
    indicator: &str,
) -> Option<(DirectionDiffers, Vec<crate::model::location::Location>)> {
    let year = claim.about.unwrap_or(b.year);
    let actual = figs.values.iter().find(|v| {
        !v.is_target
            && !v.own_unit
            && v.action == Some(id)
            && &*v.indicator == indicator
            && v.year == year
    })?;
    let (against_target, other_year) = match claim.against {
        Against::Target(y) => (true, y.unwrap_or(year)),
        Against::Year(y) => (false, y.unwrap_or(year.prev())),
    };
    if !against_target && other_year >= year {
        return None;
    }
    let other = pair(figs, actual, against_target, other_year)?;
    let target_cmp = pair(figs, actual, true, year).and_then(|t| t.comparator);
    let cmp = (against_target.then_some(other.comparator).flatten())
        .or(target_cmp)
        .or(actual.comparator)
        .unwrap_or(Comparator::AtLeast);
    let (a, x) = (actual.amount.value, other.amount.value);
    let (holds, truth) = if against_target {
        target_truth(claim.says, a, x, cmp)?
    } else {
        year_truth(claim.says, a, x, cmp)?
    };
    if holds {
        return None;
    }
    Some((
        DirectionDiffers {
            claim: claim.phrase.clone(),
            indicator: indicator.to_string(),
            year,
            actual: shown(actual),
            compared: format!(
                "{}{}",
                shown(other),
                if against_target && !other.raw.ends_with(cmp.ja()) {
                    cmp.ja()
                } else {
                    ""
                }
            ),
            compared_year: other_year,
            against_target,
            truth,
        },
        vec![actual.at.clone(), other.at.clone()],
    ))
}

/// A 数値目標 value as the sheet means it: `9,201,903千円` for a bare
/// `9201903` in a 千円 column.
fn shown(v: &TargetValue) -> String {
    let raw = v.raw.trim();
    let bare = !raw.is_empty()
        && raw
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == '-');
    match (&v.column_unit, bare) {
        (Some(u), true) => {
            let decimals = raw.split_once('.').map_or(0, |(_, f)| f.len());
            let n: f64 = raw.parse().unwrap_or(v.amount.value);
            let sign = if n < 0.0 { "-" } else { "" };
            format!("{sign}{}{u}", group_digits(n, decimals))
        }
        _ => raw.to_string(),
    }
}

/// The 数値目標 value paired with `actual`: the 目標 or the 実績 of `year`,
/// in the same dimension.
fn pair<'a>(
    figs: &'a Targets,
    actual: &'a TargetValue,
    is_target: bool,
    year: FiscalYear,
) -> Option<&'a TargetValue> {
    figs.paired(actual, is_target, year)
        .map(|(_, v)| v)
        .find(|v| !v.own_unit && v.amount.dim.same(&actual.amount.dim))
}

type Truth = (bool, (String, String));

/// Whether a claim against the target holds, and what the figures say.
fn target_truth(says: Says, a: f64, t: f64, cmp: Comparator) -> Option<Truth> {
    let order = || match a.total_cmp(&t) {
        std::cmp::Ordering::Greater => ("実績が目標を上回っています", "above the target"),
        std::cmp::Ordering::Less => ("実績が目標を下回っています", "below the target"),
        std::cmp::Ordering::Equal => ("実績は目標と同じです", "equal to the target"),
    };
    let met = cmp.met(a, t);
    let (holds, (ja, en)) = match says {
        Says::Above => (a > t, order()),
        Says::Below => (a < t, order()),
        Says::NotAbove => (a <= t, order()),
        Says::NotBelow => (a >= t, order()),
        Says::Met | Says::NotMet => (
            met == (says == Says::Met),
            if met {
                ("目標を達成しています", "the target is met")
            } else {
                ("目標に達していません", "the target is missed")
            },
        ),
        Says::Moved(_) => return None,
    };
    Some((holds, (ja.to_string(), en.to_string())))
}

/// Whether a claim against an earlier year holds, and what the figures say.
fn year_truth(says: Says, a: f64, p: f64, cmp: Comparator) -> Option<Truth> {
    let Says::Moved(d) = says else { return None };
    let lower_is_better = matches!(cmp, Comparator::AtMost | Comparator::Below);
    let better = if lower_is_better { a < p } else { a > p };
    let holds = match d {
        Direction::Up => a > p,
        Direction::Down => a < p,
        Direction::Better => better,
        Direction::Worse => a != p && !better,
    };
    let (ja, en) = match a.total_cmp(&p) {
        std::cmp::Ordering::Greater => ("上昇しています", "it rose"),
        std::cmp::Ordering::Less => ("低下しています", "it fell"),
        std::cmp::Ordering::Equal => ("変わっていません", "it did not change"),
    };
    let (ja, en) = if matches!(d, Direction::Better | Direction::Worse) && a != p {
        let (b_ja, b_en) = if better {
            ("改善", "better")
        } else {
            ("悪化", "worse")
        };
        (
            format!("{ja}。目標が「{}」の指標のため、これは{b_ja}です", cmp.ja()),
            format!("{en}, which is {b_en} for a target of `{}`", cmp.ja()),
        )
    } else {
        (ja.to_string(), en.to_string())
    };
    Some((holds, (ja, en)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subjects_name_measures_by_their_head_words() {
        for (part, name) in [
            ("財政調整基金", "財政調整基金現在高"),
            ("経常収支比率", "経常収支比率（数値目標）"),
            ("令和6年度の昭島市の収納率", "市税収納率"),
            ("自治会加入率", "加入率"),
            ("将来負担比率", "将来負担比率"),
        ] {
            assert!(names_measure(&key(part), name), "{part} / {name}");
        }
        for (part, name) in [
            ("年間作成数", "市税収納率"),
            ("報道依頼の実績数", "ロケーションサービス支援件数"),
            ("現年課税分", "市税収納率"),
            ("割合", "女性管理職の割合"),
        ] {
            assert!(!names_measure(&key(part), name), "{part} / {name}");
        }
        assert!(same_head("年度末残高", "公共施設整備基金残高"));
        assert!(same_head("本市の経常収支比率", "経常収支比率"));
        assert!(!same_head("加入率", "回答率"));
        assert!(!same_head("参加者数", "受講者数"));
        assert_eq!(
            split_names("実質公債費比率及び将来負担比率"),
            ["実質公債費比率", "将来負担比率"]
        );
    }

    #[test]
    fn truths() {
        let at_most = Comparator::AtMost;
        // 94.4 against a target of 91.2以下: above it, missed.
        assert!(target_truth(Says::Above, 94.4, 91.2, at_most).unwrap().0);
        assert!(!target_truth(Says::Below, 94.4, 91.2, at_most).unwrap().0);
        assert!(!target_truth(Says::Met, 94.4, 91.2, at_most).unwrap().0);
        assert!(target_truth(Says::NotMet, 94.4, 91.2, at_most).unwrap().0);
        // 84.6 → 94.4 with 以下: up, worse.
        let moved = |d| year_truth(Says::Moved(d), 94.4, 84.6, at_most).unwrap().0;
        assert!(moved(Direction::Up) && moved(Direction::Worse));
        assert!(!moved(Direction::Down) && !moved(Direction::Better));
        // 9,249,275 → 9,201,903 with 以上: down, worse.
        let moved = |d| {
            year_truth(
                Says::Moved(d),
                9_201_903.0,
                9_249_275.0,
                Comparator::AtLeast,
            )
            .unwrap()
            .0
        };
        assert!(moved(Direction::Down) && moved(Direction::Worse));
        assert!(!moved(Direction::Up) && !moved(Direction::Better));
    }
}
