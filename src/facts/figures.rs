//! Figures read out of the sheets: every number in the free text of the
//! 具体的な取組 panels with its label (the words before it), unit, year and
//! cell, and every value of the 数値目標 sheets with the unit its column gives.
//! Figure rules (`N…`) compare these with each other.

use crate::facts::batch::SheetRef;
use crate::model::cell::CellValue;
use crate::model::date::find_dates;
use crate::model::figure::{Comparator, Figure, from_number, scan_figure};
use crate::model::form::{Form, RowKind};
use crate::model::location::Location;
use crate::model::plan::ActionId;
use crate::model::sheet::{EvalSheet, TargetSheet};
use crate::model::text::key;
use crate::model::year::FiscalYear;
use std::collections::HashMap;

/// A figure found in a text.
#[derive(Clone, Debug)]
pub struct TextFigure {
    /// The words just before the figure (`令和6年度末現在高`, `積立額`, `26市平均`).
    pub label: String,
    pub figure: Figure,
    /// The figure as printed.
    pub raw: String,
    /// Byte range in the width-folded text.
    pub start: usize,
    pub end: usize,
}

/// Characters that end a label going backwards.
fn is_boundary(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '・' | '、'
                | '。'
                | ','
                | ';'
                | '【'
                | '】'
                | '「'
                | '」'
                | '<'
                | '>'
                | '＜'
                | '＞'
                | '/'
                | '→'
                | '～'
                | '~'
        )
}

/// The width-folded form every offset refers to.
pub use crate::model::text::fold;

/// Whether a text holds a digit (half or full width): a figure needs one,
/// and most panel texts have none. Full-width ０…９ (EF BC 90…99) are found
/// by memchr's search for their first two bytes.
pub fn has_digit(text: &str) -> bool {
    let b = text.as_bytes();
    next_digit(b).is_some()
        || memchr::memmem::find_iter(b, b"\xEF\xBC")
            .any(|i| b.get(i + 2).is_some_and(|y| (0x90..=0x99).contains(y)))
}

/// Where the next ASCII digit is. Asked of every panel text, so it checks 32
/// bytes at a time without early exit (the compiler turns that into vector
/// instructions), then finds the digit within the chunk that has one.
fn next_digit(b: &[u8]) -> Option<usize> {
    let mut at = 0;
    for c in b.chunks(32) {
        if c.iter()
            .fold(false, |any, &x| any | (x.wrapping_sub(b'0') < 10))
        {
            return c.iter().position(u8::is_ascii_digit).map(|k| at + k);
        }
        at += c.len();
    }
    None
}

/// Every figure of a text, in order. Years, dates, ordinals (`第2期`) and
/// numbers glued to ASCII words (`L2`, `R6`) are not figures.
pub fn extract(text: &str) -> Vec<TextFigure> {
    if !has_digit(text) {
        return Vec::new();
    }
    extract_folded(&fold(text))
}

/// [`extract`] on a text already width-folded.
pub fn extract_folded(t: &str) -> Vec<TextFigure> {
    let dates: Vec<_> = find_dates(t).into_iter().map(|(_, r)| r).collect();
    let mut out: Vec<TextFigure> = Vec::new();
    let mut i = 0;
    while i < t.len() {
        // Every figure holds a digit, and starts at it or at most two
        // characters before it (`約▲5`, `−3`, `+2`): jump to the first of
        // those candidates; the ones before cannot start a figure.
        let Some(d) = next_digit(&t.as_bytes()[i..]).map(|k| i + k) else {
            break;
        };
        if let Some((k, _)) = t[i..d].char_indices().rev().take(2).last() {
            i += k;
        } else {
            i = d;
        }
        if let Some(r) = dates.iter().find(|r| r.contains(&i)) {
            // No figure starts inside a date.
            i = r.end;
            continue;
        }
        match figure_at(t, i, out.last().map_or(0, |f| f.end)) {
            At::Nothing => i += t[i..].chars().next().map_or(1, char::len_utf8),
            At::Skip(end) => i = end,
            At::Figure(f) => {
                i = f.end;
                out.push(f);
            }
        }
    }
    out
}

/// What starts at a position of a width-folded text.
pub enum At {
    /// No figure: go on with the next character.
    Nothing,
    /// A number that is no amount (`2050年`, `26市平均`): go on after it.
    Skip(usize),
    Figure(TextFigure),
}

/// What starts at byte `i` of the folded text `t` (not inside a date), the
/// previous figure having ended at `floor`. What a figure is, is decided
/// here only: the scan above and the character-at-a-time reference scan of
/// the property tests differ only in the positions they ask about.
pub fn figure_at(t: &str, i: usize, floor: usize) -> At {
    let c = t[i..].chars().next().expect("in range");
    let starts = c.is_ascii_digit()
        || (matches!(c, '約' | '▲' | '△' | '-' | '−' | '+')
            && t[i + c.len_utf8()..]
                .chars()
                .next()
                .is_some_and(|d| d.is_ascii_digit() || matches!(d, '▲' | '△' | '-')));
    if !starts {
        return At::Nothing;
    }
    let prev = t[..i].chars().last();
    if prev.is_some_and(|p| p.is_ascii_alphanumeric() || p == '.' || p == '第') {
        return At::Nothing; // glued to a word or an ordinal
    }
    let Some((figure, used)) = scan_figure(&t[i..]) else {
        return At::Nothing;
    };
    let end = i + used;
    let after = &t[end..];
    let not_a_figure = (figure.printed_unit.is_empty()
        && ["年", "月", "次", "期", "位", "倍", "割", "か年", "号"].iter().any(|w| after.starts_with(w)))
        // `26市平均`, `1人当たり`: part of a name, not an amount.
        || ["平均", "当たり", "あたり"].iter().any(|w| after.starts_with(w));
    if not_a_figure {
        return At::Skip(end);
    }
    // `積立額 752,627,314円`: the label may stand a space or a colon away.
    let near = t[floor..i].trim_end_matches(|c: char| c.is_whitespace() || c == ':' || c == '：');
    let near_end = floor + near.len();
    let mut s = near_end;
    for (j, ch) in t[floor..near_end].char_indices().rev() {
        if is_boundary(ch) {
            break;
        }
        s = floor + j;
    }
    let label = t[s..near_end]
        .trim_start_matches(['(', '（', ')', '）', ':', '：'])
        .trim_end_matches(['：', ':', 'は', 'が', 'の', 'で', '(', '（', '約'])
        .trim()
        .to_string();
    At::Figure(TextFigure {
        label,
        figure,
        raw: t[i..end].to_string(),
        start: i,
        end,
    })
}

/// Where a text figure sits in the sheets.
#[derive(Clone, Debug)]
pub struct Placed {
    pub sheet: SheetRef,
    pub project: usize,
    /// The 具体的な取組 name, key form with （再掲） removed.
    pub measure: std::sync::Arc<str>,
    pub year: FiscalYear,
    pub at: Location,
    /// The whole text (width-folded) the figure was found in, shared by the
    /// figures of one cell.
    pub text: std::sync::Arc<str>,
    pub fig: TextFigure,
}

/// The figures of a file or a batch: every panel figure of its sheets and
/// every value of its 数値目標 sheets.
pub struct Figures {
    pub panels: Vec<Placed>,
    pub targets: Vec<TargetValue>,
    /// (hash of what pairs them, position) of `targets`, sorted; built on
    /// first use.
    paired: std::sync::OnceLock<Vec<(u64, u32)>>,
    /// `panels` by sheet, 主な事業 and year, built on first use.
    by_project: std::sync::OnceLock<HashMap<(SheetRef, usize, FiscalYear), Vec<usize>>>,
}

impl Figures {
    pub fn new(panels: Vec<Placed>, targets: Vec<TargetValue>) -> Figures {
        Figures {
            panels,
            targets,
            paired: std::sync::OnceLock::new(),
            by_project: std::sync::OnceLock::new(),
        }
    }

    /// The panel figures of a 主な事業 in a year, in text order (looked up once
    /// per 数値目標 value by several rules).
    pub fn of_project(
        &self,
        sheet: SheetRef,
        project: usize,
        year: FiscalYear,
    ) -> impl Iterator<Item = &Placed> {
        let index = self.by_project.get_or_init(|| {
            let mut m: HashMap<_, Vec<usize>> = HashMap::new();
            for (i, p) in self.panels.iter().enumerate() {
                m.entry((p.sheet, p.project, p.year)).or_default().push(i);
            }
            m
        });
        index
            .get(&(sheet, project, year))
            .into_iter()
            .flatten()
            .map(|&i| &self.panels[i])
    }

    /// The 数値目標 values paired with `of`: same file (a workbook has one
    /// 数値目標 sheet, and another city's or another workbook's row is not
    /// the same row), action and indicator; 目標 or 実績, in `year`; with
    /// their position in `targets`, in sheet order. Rules pair values this way
    /// for every value, so the values are indexed once (a national run has
    /// hundreds of thousands).
    pub fn paired<'a>(
        &'a self,
        of: &'a TargetValue,
        is_target: bool,
        year: FiscalYear,
    ) -> impl Iterator<Item = (usize, &'a TargetValue)> + 'a {
        let index = self.paired.get_or_init(|| {
            let mut m: Vec<(u64, u32)> = (self.targets.iter().enumerate())
                .map(|(i, v)| (pair_hash(v, v.is_target, v.year), i as u32))
                .collect();
            // Sorted by hash, then position: sheet order within a key.
            m.sort_unstable();
            m
        });
        let h = pair_hash(of, is_target, year);
        let from = index.partition_point(|(k, _)| *k < h);
        index[from..]
            .iter()
            .take_while(move |(k, _)| *k == h)
            .map(|&(_, i)| (i as usize, &self.targets[i as usize]))
            // The hash only narrows the search.
            .filter(move |(_, v)| {
                v.is_target == is_target
                    && v.year == year
                    && v.action == of.action
                    && v.indicator == of.indicator
                    && v.at.file == of.at.file
            })
    }
}

/// What pairs 数値目標 values, hashed (the index then holds no strings).
fn pair_hash(v: &TargetValue, is_target: bool, year: FiscalYear) -> u64 {
    use std::hash::BuildHasher;
    std::hash::BuildHasherDefault::<std::collections::hash_map::DefaultHasher>::default()
        .hash_one((&*v.at.file, v.action, &*v.indicator, is_target, year))
}

/// Every panel figure of the given sheets, in sheet order.
pub fn panel_figures<'a>(
    sheets: impl Iterator<Item = (SheetRef, &'a EvalSheet)>,
    form: &Form,
) -> Vec<Placed> {
    let mut out = Vec::new();
    for (r, s) in sheets {
        for (pi, p) in s.projects.iter().enumerate() {
            for m in &p.measures {
                let measure: std::sync::Arc<str> = form.name_key(&m.name.value).into();
                for pa in &m.panels {
                    let Some(year) = pa.year else { continue };
                    let text = match &pa.text.value {
                        CellValue::Text(t) => std::borrow::Cow::Borrowed(t.as_str()),
                        other => std::borrow::Cow::Owned(other.text()),
                    };
                    if !has_digit(&text) {
                        continue;
                    }
                    let folded = fold(&text);
                    let figs = extract_folded(&folded);
                    if figs.is_empty() {
                        continue; // digits of years and dates only
                    }
                    let folded: std::sync::Arc<str> = folded.into();
                    for fig in figs {
                        out.push(Placed {
                            sheet: r,
                            project: pi,
                            measure: measure.clone(),
                            year,
                            at: pa.text.at.clone(),
                            text: folded.clone(),
                            fig,
                        });
                    }
                }
            }
        }
    }
    out
}

/// One value of a 数値目標 row.
#[derive(Clone, Debug)]
pub struct TargetValue {
    pub action: Option<ActionId>,
    /// Shared by the values of a row.
    pub indicator: std::sync::Arc<str>,
    /// true for 目標, false for 実績.
    pub is_target: bool,
    pub year: FiscalYear,
    pub at: Location,
    pub raw: Box<str>,
    /// The figure as typed: text with its own unit, or a number in the column's unit.
    pub figure: Figure,
    /// The column's unit word (単位), if given; shared by the values of a row.
    pub column_unit: Option<std::sync::Arc<str>>,
    /// The figure's own unit differs in kind or scale from the column's (円 in a
    /// 千円 or a % column).
    pub own_unit: bool,
    pub comparator: Option<Comparator>,
}

/// Every readable value of the given 数値目標 sheets.
pub fn target_values<'a>(sheets: impl Iterator<Item = &'a TargetSheet>) -> Vec<TargetValue> {
    let mut out = Vec::new();
    for row in sheets.flat_map(|t| &t.rows) {
        let is_target = match row.row_kind {
            Some(RowKind::Target) => true,
            Some(RowKind::Actual) => false,
            None => continue,
        };
        let unit: Option<std::sync::Arc<str>> = row.unit.as_ref().map(|u| u.value.trim().into());
        let indicator: std::sync::Arc<str> = row
            .indicator
            .as_ref()
            .map_or("", |i| i.value.as_str())
            .into();
        let comparator = row
            .comparator
            .as_ref()
            .and_then(|c| Comparator::parse(&key(&c.value)));
        for (year, v) in &row.values {
            // The figure, whether its unit is its own, and the comparator
            // typed with it (`91.2%以下`).
            let (figure, own_unit, typed) = match &v.value {
                CellValue::Number(n) => {
                    (from_number(*n, unit.as_deref().unwrap_or("")), false, None)
                }
                CellValue::Text(t) => {
                    let Some(mut f) = crate::model::figure::parse_figure(t) else {
                        continue;
                    };
                    let typed = f.comparator;
                    let column = unit.as_deref().map(|u| from_number(1.0, u));
                    let own = f.printed_unit.is_empty() && column.is_some();
                    if own {
                        // A bare number typed as text: the column gives the unit.
                        f = from_number(f.value, unit.as_deref().unwrap_or(""));
                    }
                    // Its own unit is another kind (`98.9円` in a % column) or another
                    // scale (`8,447,029円` in a 千円 column).
                    let differs = column.is_some_and(|c| {
                        !f.printed_unit.is_empty()
                            && (!c.unit.same_kind(&f.unit)
                                || c.value != from_number(1.0, &f.printed_unit).value)
                    });
                    (f, differs, typed)
                }
                _ => continue,
            };
            out.push(TargetValue {
                action: row.action_id,
                indicator: indicator.clone(),
                is_target,
                year: *year,
                at: v.at.clone(),
                raw: v.value.text().into_boxed_str(),
                figure,
                column_unit: unit.clone(),
                own_unit,
                comparator: comparator.or(typed),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::figure::Unit;
    use crate::model::location::CellRef;

    fn labels(t: &str) -> Vec<(String, String)> {
        extract(t).into_iter().map(|f| (f.label, f.raw)).collect()
    }

    #[test]
    fn labels_and_figures() {
        assert_eq!(
            labels("・令和6年度末現在高 9,201,902,641円\n・積立額 752,627,314円"),
            [
                (
                    "令和6年度末現在高".to_string(),
                    "9,201,902,641円".to_string()
                ),
                ("積立額".to_string(), "752,627,314円".to_string())
            ]
        );
        assert_eq!(
            labels("26市平均：91.2% 昭島市：94.4%"),
            [
                ("26市平均".to_string(), "91.2%".to_string()),
                ("昭島市".to_string(), "94.4%".to_string())
            ]
        );
        let l = labels("加入率は前年比2.5ポイント減の26.9%となった。");
        assert_eq!(
            l[0],
            ("加入率は前年比".to_string(), "2.5ポイント".to_string())
        );
        assert_eq!(l[1].1, "26.9%");
        assert_eq!(labels("フォロワー数8,359人")[0].0, "フォロワー数");
    }

    #[test]
    fn digits_of_either_width() {
        assert!(has_digit("運用実績：18件"));
        assert!(has_digit("運用実績：１８件"));
        assert!(has_digit(
            &"・関係各課と連携した。"
                .repeat(20)
                .replace("した。", "した9")
        ));
        assert!(!has_digit(
            "・関係各課と連携し、取組を着実に実施した。（予定）"
        ));
        assert!(!has_digit(""));
    }

    #[test]
    fn years_and_dates_are_not_figures() {
        assert!(extract("令和6年度の取組、令和7年3月31日時点、2050年、第2期").is_empty());
        let f = extract("L2WA化 R6 運用実績：18件");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].figure.unit, Unit::Count("件".into()));
    }

    fn value(file: &str, is_target: bool, year: u16, n: f64) -> TargetValue {
        TargetValue {
            action: Some(ActionId {
                item: crate::model::plan::ItemId { policy: 3, item: 4 },
                number: 1,
            }),
            indicator: "財政調整基金現在高".into(),
            is_target,
            year: FiscalYear(year),
            at: Location::cell(file.into(), "数値目標".into(), CellRef { row: 1, col: 3 }),
            raw: n.to_string().into(),
            figure: crate::model::figure::from_number(n, "千円"),
            column_unit: Some("千円".into()),
            own_unit: false,
            comparator: None,
        }
    }

    #[test]
    fn target_values_pair_within_their_own_workbook() {
        let figs = Figures::new(
            Vec::new(),
            vec![
                value("a.xlsx", true, 2024, 5_500_000.0),
                value("b.xlsx", true, 2024, 5_500.0),
                value("a.xlsx", false, 2024, 9_201_903.0),
                value("b.xlsx", false, 2024, 9_201.0),
            ],
        );
        let paired = |i: usize| -> Vec<usize> {
            let v = &figs.targets[i];
            figs.paired(v, !v.is_target, v.year)
                .map(|(j, _)| j)
                .collect()
        };
        assert_eq!(paired(0), [2]);
        assert_eq!(paired(1), [3]);
        assert_eq!(paired(2), [0]);
        let a = &figs.targets[0];
        assert_eq!(figs.paired(a, true, FiscalYear(2023)).count(), 0);
    }
}
