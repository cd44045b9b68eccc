//! The quantity model: every figure of every text cell, 数値目標 value and
//! comment paragraph as one fact — what it measures (subject and qualifiers),
//! the year it is of, its value, sign, unit and printed precision, and where
//! it stands (cell and byte span). Relations between facts
//! ([`crate::facts::relations`]) are found on these.
//!
//! - [`scan`]: a text cut into tokens (figures, words, brackets, operators);
//! - [`unit`]: dimensions and scales; any counter word counts;
//! - [`label`]: the words before and after a figure.

pub mod amount;
pub mod gather;
pub mod label;
pub mod scan;
pub mod unit;

use std::ops::Range;

use crate::model::form::{PanelKind, RowKind};
use crate::model::location::Location;
use crate::model::year::FiscalYear;

use label::{Direction, Label, direction_after, read_label};
use scan::{Amount, Tok, Token, fold, tokens};
use unit::Dim;

/// Where a text stands in a workbook.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Place {
    /// A 具体的な取組 panel (`令和6年度の取組`): sheet, 主な事業 and measure
    /// indices of the file, the panel's year and kind.
    Panel {
        sheet: u16,
        project: u16,
        measure: u16,
        year: FiscalYear,
        kind: PanelKind,
    },
    /// The name of a 具体的な取組 (often with `<目標：…>`).
    MeasureName {
        sheet: u16,
        project: u16,
        measure: u16,
    },
    /// A 取組内容's description.
    Action { sheet: u16, number: u8 },
    /// 今後の取組方針.
    Future { sheet: u16 },
    /// A 数値目標 value: the row (index in the file's rows), its year and kind.
    Target {
        row: u32,
        year: FiscalYear,
        kind: RowKind,
    },
    /// A paragraph of a 評価コメント sheet (index in the file's rows).
    Comment { row: u32 },
}

impl Place {
    /// The year the text's column is of.
    pub fn year(&self) -> Option<FiscalYear> {
        match self {
            Place::Panel { year, .. } | Place::Target { year, .. } => Some(*year),
            _ => None,
        }
    }

    /// The measure a panel or measure name belongs to.
    pub fn measure(&self) -> Option<(u16, u16, u16)> {
        match *self {
            Place::Panel {
                sheet,
                project,
                measure,
                ..
            }
            | Place::MeasureName {
                sheet,
                project,
                measure,
            } => Some((sheet, project, measure)),
            _ => None,
        }
    }
}

/// What follows a figure besides a direction: `から` makes it the value a
/// change starts from, `へ`/`に`/`となり` the value it reaches.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Role {
    #[default]
    Plain,
    From,
    To,
}

/// One figure as a fact.
#[derive(Clone, Debug)]
pub struct Fact {
    pub amount: Amount,
    pub label: Label,
    /// A direction word right after it (`245人増`, `8分短縮`, `を上回り`).
    pub direction: Option<Direction>,
    pub role: Role,
    /// What it is per (`1団体当たり平均429千円` → 団体).
    pub per: Option<Dim>,
    /// Its text (index in [`Facts::texts`]) and token there.
    pub text: u32,
    pub token: u32,
    pub span: Range<u32>,
}

impl Fact {
    /// The year the fact is of, given its text's column.
    pub fn year(&self, place: &Place) -> Option<FiscalYear> {
        self.label.year.resolve(place.year())
    }
}

/// One text with its tokens.
#[derive(Clone, Debug)]
pub struct Text {
    pub at: Location,
    pub place: Place,
    /// The width-folded text all spans refer to.
    pub folded: Box<str>,
    pub tokens: Vec<Token>,
    /// The facts of this text: a range of [`Facts::facts`].
    pub facts: Range<u32>,
}

impl Text {
    pub fn slice(&self, span: &Range<u32>) -> &str {
        &self.folded[span.start as usize..span.end as usize]
    }
}

/// The facts of a set of texts (one file, or the sheets a batch keeps).
#[derive(Clone, Debug, Default)]
pub struct Facts {
    pub texts: Vec<Text>,
    pub facts: Vec<Fact>,
}

impl Facts {
    /// Reads the figures of a text. Texts without a digit cost a scan.
    pub fn add(&mut self, text: &str, at: Location, place: Place) {
        if !has_digit(text) {
            return;
        }
        let folded = fold(text);
        let tokens = tokens(&folded);
        let first = self.facts.len() as u32;
        let ti = self.texts.len() as u32;
        read_facts(&folded, &tokens, ti, &mut self.facts);
        if self.facts.len() as u32 == first {
            return;
        }
        self.texts.push(Text {
            at,
            place,
            folded: folded.into(),
            tokens,
            facts: first..self.facts.len() as u32,
        });
    }

    /// Gives the figures without a subject of their own the subject of their
    /// measure's other figures of the same kind, when they have one
    /// (`令和4年度：4件` in a measure whose 令和6年度 panel says `実績は16件`).
    pub fn fill_subjects(&mut self) {
        use std::collections::HashMap;
        // Keyed by the measure's place and the figures' dimension.
        type Key = ((u16, u16, u16), Dim);
        let mut by: HashMap<Key, Option<String>> = HashMap::new();
        for t in &self.texts {
            let Some(m) = t.place.measure() else { continue };
            for i in t.facts.clone() {
                let x = &self.facts[i as usize];
                if x.label.subject.is_empty() || x.label.quals.0 != 0 {
                    continue;
                }
                let e = by
                    .entry((m, x.amount.dim.clone()))
                    .or_insert_with(|| Some(x.label.subject.clone()));
                if e.as_deref() != Some(x.label.subject.as_str()) {
                    *e = None;
                }
            }
        }
        for ti in 0..self.texts.len() {
            let Some(m) = self.texts[ti].place.measure() else {
                continue;
            };
            for i in self.texts[ti].facts.clone() {
                let x = &mut self.facts[i as usize];
                if x.label.subject.is_empty()
                    && x.label.quals.0 == 0
                    && let Some(Some(s)) = by.get(&(m, x.amount.dim.clone()))
                {
                    x.label.subject = s.clone();
                }
            }
        }
    }

    /// The words before a figure as the sheet has them (`令和5年度末現在高`),
    /// for messages; its subject when there are none.
    pub fn written_label(&self, f: &Fact) -> String {
        let t = self.text_of(f);
        let mut start = f.span.start as usize;
        for k in t.tokens[..f.token as usize].iter().rev() {
            match k.tok {
                Tok::Word | Tok::Space => start = k.span.start,
                _ => break,
            }
        }
        let w = t.folded[start..f.span.start as usize]
            .trim()
            .trim_start_matches(['・', '-', '*'])
            .trim_end_matches(['は', 'が', 'の', ':', ' '])
            .trim();
        if w.is_empty() {
            f.label.subject.clone()
        } else {
            w.to_string()
        }
    }

    pub fn text_of(&self, f: &Fact) -> &Text {
        &self.texts[f.text as usize]
    }

    pub fn place_of(&self, f: &Fact) -> Place {
        self.texts[f.text as usize].place
    }

    /// The figure as printed.
    pub fn raw(&self, f: &Fact) -> &str {
        self.text_of(f).slice(&f.span)
    }

    /// The text before the figure and after it, white space next to it
    /// trimmed.
    pub fn around(&self, f: &Fact) -> (&str, &str) {
        let t = &self.text_of(f).folded;
        (
            t[..f.span.start as usize].trim_end(),
            t[f.span.end as usize..].trim_start(),
        )
    }

    pub fn year_of(&self, f: &Fact) -> Option<FiscalYear> {
        f.year(&self.place_of(f))
    }
}

/// Whether a text holds a digit (half or full width).
pub fn has_digit(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_digit()) || text.contains(|c: char| ('０'..='９').contains(&c))
}

/// The facts of one text's tokens, appended to `out`.
fn read_facts(t: &str, toks: &[Token], text: u32, out: &mut Vec<Fact>) {
    let first = out.len();
    for (k, tok) in toks.iter().enumerate() {
        let Tok::Figure(amount) = &tok.tok else {
            continue;
        };
        let (lead, group, inner, per) = lead_of(t, toks, k);
        let mut label = read_label(&lead, &group, &inner);
        if label.year == label::YearRef::Column
            && let Some(d) = as_of_date(t, toks, k)
        {
            label.year = label::YearRef::Explicit(d.fiscal_year());
            label.quals.add(label::Quals::AS_OF);
        }
        if per.is_some() {
            label.quals.add(label::Quals::AVERAGE);
        }
        let after = &t[tok.span.end..];
        if (label.subject.is_empty() || label.weak)
            && let Some(verb) = label::verb_after(after)
        {
            // `47手続を追加し`: what was added this year, of the subject before.
            if label::ADDING.contains(&verb.as_str()) {
                label.quals.add(label::Quals::NEW);
            } else {
                label.subject = verb;
                label.weak = false;
            }
        } else if (label.subject.is_empty() || label.weak)
            && let Some(noun) = label::noun_after(after)
        {
            label.subject = noun;
            label.weak = false;
        }
        let direction = direction_after(after).map(|(d, _)| d);
        let a = after.trim_start();
        let role = if a.starts_with("から") {
            Role::From
        } else if a.starts_with('へ')
            || a.starts_with("となり")
            || a.starts_with("となった")
            || a.starts_with("まで")
            || (a.starts_with('に') && !a.starts_with("に対し") && !a.starts_with("について"))
        {
            Role::To
        } else {
            Role::Plain
        };
        // `合計43団体 648名`: a figure right after a total is one too.
        if let Some(prev) = out[first..].last()
            && prev.label.quals.has(label::Quals::TOTAL)
            && lead.trim().is_empty()
            && toks[prev.token as usize + 1..k]
                .iter()
                .all(|x| x.tok == Tok::Space)
        {
            label.quals.add(label::Quals::TOTAL);
        }
        // No subject of its own (`44件増の138件`, `前年度（98世帯）を28世帯上回った`):
        // the subject of the figure before it in the same stretch.
        // `昭島市収納率：合計98.9%`: the group names it.
        if label.subject.is_empty() && !label.group.is_empty() {
            label.subject = label.group.clone();
        }
        if label.subject.is_empty() {
            let inherited = out[first..]
                .iter()
                .rev()
                .take_while(|f: &&Fact| same_stretch(toks, f.token as usize, k))
                .find(|f| !f.label.subject.is_empty())
                .map(|f| (f.label.subject.clone(), f.label.quals));
            match inherited {
                Some((s, q)) => {
                    label.subject = s;
                    // The kind goes with the subject (`新規加入は126世帯…前年度（97世帯）`).
                    label.quals.add(label::Quals(
                        q.kind() & !label::Quals::CHANGE.0 & !label::Quals::SUBSET.0,
                    ));
                }
                None => {
                    label.subject = topic_before(t, toks, k).unwrap_or_else(|| label.group.clone())
                }
            }
        }
        out.push(Fact {
            amount: amount.clone(),
            label,
            direction,
            role,
            per,
            text,
            token: k as u32,
            span: tok.span.start as u32..tok.span.end as u32,
        });
    }
}

/// The topic of the sentence before token `k` (`スマホ決済による納付は、前年度の…`):
/// the word marked by は or が, back to the sentence's start.
fn topic_before(t: &str, toks: &[Token], k: usize) -> Option<String> {
    for j in (0..k).rev() {
        match toks[j].tok {
            Tok::Line | Tok::Stop | Tok::Figure(_) => return None,
            Tok::Word => {
                let w = &t[toks[j].span.clone()];
                if w.ends_with('は') || w.ends_with('が') {
                    let l = read_label(w, "", "");
                    return (!l.subject.is_empty()).then_some(l.subject);
                }
            }
            _ => {}
        }
    }
    None
}

/// Whether no line break or sentence end lies between tokens `a` and `b`.
pub fn same_stretch(toks: &[Token], a: usize, b: usize) -> bool {
    let (a, b) = (a.min(b), a.max(b));
    !toks[a..b]
        .iter()
        .any(|k| matches!(k.tok, Tok::Line | Tok::Stop))
}

/// The words before figure `k`: its own label, the group label before a
/// colon, the words of bracket groups without figures passed over, and what
/// it is per.
fn lead_of(t: &str, toks: &[Token], k: usize) -> (String, String, String, Option<Dim>) {
    let mut words: Vec<&str> = Vec::new();
    let mut inner: Vec<&str> = Vec::new();
    let mut per = None;
    let mut j = k;
    let mut colon = None;
    while j > 0 {
        j -= 1;
        match &toks[j].tok {
            Tok::Word | Tok::Space => words.push(&t[toks[j].span.clone()]),
            Tok::Per(d) => per = Some(d.clone()),
            Tok::Close(_) => {
                // A bracket group without figures: its words qualify, and
                // the label goes on before it (`利用者数（延べ）48,612人`).
                let Some(open) = figureless_group(toks, j) else {
                    break;
                };
                inner.extend(toks[open + 1..j].iter().map(|x| &t[x.span.clone()]));
                j = open;
            }
            Tok::Colon => {
                colon = Some(j);
                break;
            }
            // `前年度（98世帯）`, `目標（35分）`: a figure alone in brackets
            // is labelled by the words before them.
            Tok::Open(_)
                if words.iter().all(|w| w.trim().is_empty())
                    && matching_close(toks, j).is_some_and(|c| {
                        toks[k + 1..c]
                            .iter()
                            .all(|x| matches!(x.tok, Tok::Space | Tok::Word))
                    }) => {}
            _ => break,
        }
    }
    let mut group: Vec<&str> = Vec::new();
    if let Some(c) = colon {
        let mut j = c;
        while j > 0 {
            j -= 1;
            match &toks[j].tok {
                Tok::Word | Tok::Space => group.push(&t[toks[j].span.clone()]),
                Tok::Per(d) => per = per.or(Some(d.clone())),
                // `延べ利用者数（窓口）：`: the brackets qualify the group.
                Tok::Close(_) => {
                    let Some(open) = figureless_group(toks, j) else {
                        break;
                    };
                    inner.extend(toks[open + 1..j].iter().map(|x| &t[x.span.clone()]));
                    j = open;
                }
                _ => break,
            }
        }
    }
    words.reverse();
    group.reverse();
    inner.reverse();
    // A label of nothing but a colon's group: the group is the label.
    let lead: String = words.concat();
    (lead, group.concat(), inner.concat(), per)
}

/// The date a figure is a balance at, when its label starts from one
/// (`令和5年3月31日時点のオンライン申請可能数30手続き`): the figure is of the
/// fiscal year the date lies in (令和4年度), whichever column it stands in.
fn as_of_date(t: &str, toks: &[Token], k: usize) -> Option<crate::model::date::Date> {
    let mut j = k;
    while j > 0 && matches!(toks[j - 1].tok, Tok::Word | Tok::Space) {
        j -= 1;
    }
    let Tok::Date(d) = toks.get(j.checked_sub(1)?)?.tok else {
        return None;
    };
    let words = toks[j..k]
        .iter()
        .map(|x| &t[x.span.clone()])
        .collect::<String>();
    let w = crate::model::text::key(&words);
    ["時点", "現在", "末"]
        .iter()
        .any(|p| w.starts_with(p))
        .then_some(d)
}

/// The `Open` token matching the `Close` at `close`, if any.
/// The opening bracket of the group closed at `close`, when the group holds
/// no figure (its words qualify the label around it).
fn figureless_group(toks: &[Token], close: usize) -> Option<usize> {
    let open = matching_open(toks, close)?;
    (!toks[open..close]
        .iter()
        .any(|x| matches!(x.tok, Tok::Figure(_))))
    .then_some(open)
}

pub fn matching_open(toks: &[Token], close: usize) -> Option<usize> {
    let mut depth = 0;
    for j in (0..close).rev() {
        match toks[j].tok {
            Tok::Close(_) => depth += 1,
            Tok::Open(_) if depth == 0 => return Some(j),
            Tok::Open(_) => depth -= 1,
            Tok::Line => return None,
            _ => {}
        }
    }
    None
}

/// The `Close` token matching the `Open` at `open`, if any.
pub fn matching_close(toks: &[Token], open: usize) -> Option<usize> {
    let mut depth = 0;
    for (j, x) in toks.iter().enumerate().skip(open + 1) {
        match x.tok {
            Tok::Open(_) => depth += 1,
            Tok::Close(_) if depth == 0 => return Some(j),
            Tok::Close(_) => depth -= 1,
            Tok::Line if depth == 0 => return None,
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::location::CellRef;

    pub(crate) fn facts_of(s: &str) -> Facts {
        let mut f = Facts::default();
        f.add(
            s,
            Location::cell("f".into(), "s".into(), CellRef::new(0, 0)),
            Place::Panel {
                sheet: 0,
                project: 0,
                measure: 0,
                year: FiscalYear(2025),
                kind: PanelKind::Work,
            },
        );
        f
    }

    fn subjects(s: &str) -> Vec<(String, String)> {
        let f = facts_of(s);
        f.facts
            .iter()
            .map(|x| (f.raw(x).to_string(), x.label.subject.clone()))
            .collect()
    }

    #[test]
    fn every_figure_with_its_subject() {
        assert_eq!(
            subjects("・交付団体数　計187団体（運営費補助164団体、集会施設修繕補助23団体）"),
            [
                ("187団体".into(), "交付団体数".into()),
                ("164団体".into(), "運営費補助".into()),
                ("23団体".into(), "集会施設修繕補助".into())
            ]
        );
        assert_eq!(
            subjects("ロケ実績数は44件増の138件となった")[1],
            ("138件".into(), "ロケ実績数".into())
        );
        assert_eq!(
            subjects("差押件数：不動産8件、動産0件")[0].1,
            "不動産".to_string()
        );
        assert_eq!(subjects("・利用者数（延べ）　48,612人")[0].1, "利用者数");
        let f = facts_of("・利用者数（延べ）　48,612人");
        assert!(f.facts[0].label.quals.has(label::Quals::GROSS));
    }

    #[test]
    fn roles_and_directions() {
        let f = facts_of("平均11.6日から8.2日へ3.4日短縮した");
        let roles: Vec<Role> = f.facts.iter().map(|x| x.role).collect();
        assert_eq!(roles, [Role::From, Role::To, Role::Plain]);
        assert_eq!(f.facts[2].direction, Some(Direction::Down));
        let f = facts_of("前年度より14世帯多い98世帯が新たに加入した");
        assert_eq!(f.facts[0].direction, Some(Direction::Up));
        assert!(f.facts[0].label.quals.has(label::Quals::CHANGE));
    }

    #[test]
    fn per_unit_averages() {
        let f = facts_of("1団体当たりの修繕補助額は平均429千円となった");
        assert_eq!(f.facts.len(), 1);
        assert_eq!(f.facts[0].per, Some(Dim::Count("団体".into())));
        assert_eq!(f.facts[0].label.subject, "修繕補助額");
    }
}
