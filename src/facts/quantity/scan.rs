//! A text cut into tokens: figures (a number with its sign, unit and the
//! precision it was printed with), the words between them, and the marks
//! that give a text its structure (brackets, list separators, line breaks,
//! colons, and the operators of written-out arithmetic). Dates, years,
//! ordinals, ids (`3-(4)`) and per-unit phrases (`1団体当たり`, `26市平均`)
//! are recognised so that they are never taken for amounts.
//!
//! Offsets are byte positions in the width-folded text ([`fold`]).

use std::ops::Range;

pub use crate::facts::quantity::amount::Amount;
use crate::facts::quantity::unit::{Dim, UnitWord, unit_at};
use crate::model::date::{Date, find_dates_folded};
use crate::model::figure::{Comparator, scan_number};
pub use crate::model::text::fold;
use crate::model::text::{is_kanji, is_katakana};

/// What a token is.
#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    Figure(Amount),
    /// A date (`令和6年3月31日`, `2025年11月`): never an amount.
    Date(Date),
    /// `1団体当たり`, `26市平均`, `1日平均`: what the next figure is per.
    Per(Dim),
    /// Any other run of characters.
    Word,
    Open(char),
    Close(char),
    /// `、` `，` `,` `;`
    Sep,
    /// `。`
    Stop,
    /// A line break, or a bullet `・` opening a line.
    Line,
    /// `：` `:`
    Colon,
    /// `／` `/`
    Slash,
    Plus,
    Minus,
    Times,
    Div,
    Equals,
    /// `～` `〜` `~`: a range.
    Tilde,
    /// `→` `⇒`
    Arrow,
    Space,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    pub tok: Tok,
    pub span: Range<usize>,
}

impl Token {
    pub fn figure(&self) -> Option<&Amount> {
        match &self.tok {
            Tok::Figure(a) => Some(a),
            _ => None,
        }
    }
}

fn punct(c: char, at_line_start: bool) -> Option<Tok> {
    Some(match c {
        '(' | '（' | '「' | '『' | '【' | '<' | '＜' | '[' | '〈' | '《' | '〔' => {
            Tok::Open(c)
        }
        ')' | '）' | '」' | '』' | '】' | '>' | '＞' | ']' | '〉' | '》' | '〕' => {
            Tok::Close(c)
        }
        '、' | '，' | ',' | ';' | '；' => Tok::Sep,
        '。' => Tok::Stop,
        '\n' | '\r' => Tok::Line,
        '・' | '●' | '○' | '■' | '□' | '◆' | '◇' | '※' if at_line_start => Tok::Line,
        ':' | '：' => Tok::Colon,
        '/' | '／' => Tok::Slash,
        '+' | '＋' => Tok::Plus,
        '-' | '−' | '－' | '‐' if !at_line_start => Tok::Minus,
        '×' | '✕' | '*' | '＊' => Tok::Times,
        '÷' => Tok::Div,
        '=' | '＝' => Tok::Equals,
        '~' | '～' | '〜' => Tok::Tilde,
        '→' | '⇒' => Tok::Arrow,
        _ if c.is_whitespace() => Tok::Space,
        _ => return None,
    })
}

/// A character at which neither [`figure_at`] nor [`punct`] can find
/// anything: not ASCII, not a sign, not a word that starts an approximate
/// figure (`約`, `およそ`, `概ね`), not a mark and not white space.
fn plain_word_char(c: char) -> bool {
    // Kanji, hiragana and katakana (`・` U+30FB is a mark) first: one range
    // test each.
    match c {
        '\u{4E00}'..='\u{9FFF}' => return !matches!(c, '約' | '概'),
        '\u{3041}'..='\u{309F}' => return c != 'お',
        '\u{30A1}'..='\u{30FA}' | 'ー' => return true,
        _ => {}
    }
    starts_nothing(c)
}

/// [`plain_word_char`] without its shortcuts.
fn starts_nothing(c: char) -> bool {
    !c.is_ascii()
        && !is_sign(c)
        && !matches!(c, '約' | 'お' | '概')
        && punct(c, true).is_none()
        && punct(c, false).is_none()
}

/// Signs a figure may start with.
fn is_sign(c: char) -> bool {
    matches!(c, '▲' | '△' | '-' | '−' | '‐' | '+' | '±')
}

/// Words after a number that make it a per-unit phrase.
const PER: &[&str] = &["当たり", "あたり", "当り", "平均", "ごと", "毎", "につき"];

/// Counters that never count amounts (clock times, numbers of a series).
const NOT_AMOUNTS: &[&str] = &["時", "号", "条", "項", "版", "位", "次", "期", "歳以上"];

/// Cuts a width-folded text into tokens.
pub fn tokens(t: &str) -> Vec<Token> {
    let dates = find_dates_folded(t);
    let mut out: Vec<Token> = Vec::new();
    let mut i = 0;
    let mut word_start: Option<usize> = None;
    let flush = |out: &mut Vec<Token>, ws: &mut Option<usize>, end: usize| {
        if let Some(s) = ws.take()
            && s < end
        {
            out.push(Token {
                tok: Tok::Word,
                span: s..end,
            });
        }
    };
    while i < t.len() {
        if let Some((d, r)) = dates.iter().find(|(_, r)| r.start == i) {
            flush(&mut out, &mut word_start, i);
            out.push(Token {
                tok: Tok::Date(*d),
                span: r.clone(),
            });
            i = r.end;
            continue;
        }
        let c = t[i..].chars().next().expect("on a boundary");
        // Most of a Japanese text is plain word characters: no figure, sign
        // or mark can start at one, so the checks below are skipped.
        if plain_word_char(c) {
            if word_start.is_none() {
                word_start = Some(i);
            }
            i += c.len_utf8();
            continue;
        }
        // A bullet opens a line, also after a space in a text whose lines
        // were joined (`… 9,201,902,641円 ・積立額 …`).
        // (Only bullets and hyphens depend on it.)
        let at_line_start = matches!(
            c,
            '・' | '●' | '○' | '■' | '□' | '◆' | '◇' | '※' | '-' | '−' | '－' | '‐'
        ) && (word_start.is_none()
            && out
                .iter()
                .rev()
                .find(|k| !matches!(k.tok, Tok::Space))
                .is_none_or(|k| matches!(k.tok, Tok::Line))
            || (c == '・'
                && word_start.is_none()
                && out.last().is_some_and(|k| matches!(k.tok, Tok::Space))));
        if let Some((tok, end)) = figure_at(t, i, &out, word_start) {
            flush(&mut out, &mut word_start, i);
            out.push(Token { tok, span: i..end });
            i = end;
            continue;
        }
        if let Some(tok) = punct(c, at_line_start) {
            flush(&mut out, &mut word_start, i);
            let end = i + c.len_utf8();
            // Runs of white space are one token.
            if matches!(tok, Tok::Space)
                && let Some(last) = out.last_mut()
                && matches!(last.tok, Tok::Space)
            {
                last.span.end = end;
            } else {
                out.push(Token { tok, span: i..end });
            }
            i = end;
            continue;
        }
        if word_start.is_none() {
            word_start = Some(i);
        }
        i += c.len_utf8();
    }
    flush(&mut out, &mut word_start, t.len());
    out
}

/// A percentage inside a name, glued to nouns on both sides (`再エネ100%電気`,
/// `深層地下水100%水道水`): part of what is named, not a share measured. A
/// word after it that says how the share stands or moved (`40%削減`,
/// `98.9%達成`, `30%以上`) makes it a measurement again.
fn in_name(prev: Option<char>, tail: &str) -> bool {
    let noun = |c: char| is_kanji(c) || is_katakana(c);
    if !prev.is_some_and(noun) || !tail.chars().next().is_some_and(noun) {
        return false;
    }
    const DEGREE: &[&str] = &[
        "以上", "以下", "未満", "程度", "前後", "相当", "超", "強", "弱", "近", "台", "達成", "増",
        "減", "分", "上", "下", "水準", "到達", "削減", "改善", "悪化",
    ];
    !DEGREE.iter().any(|w| tail.starts_with(w))
        && crate::facts::quantity::label::direction_after(tail).is_none()
}

/// A figure (or a per-unit phrase, or a number that is no amount, as a
/// word) starting at byte `i`; with where it ends.
fn figure_at(t: &str, i: usize, before: &[Token], in_word: Option<usize>) -> Option<(Tok, usize)> {
    let rest = &t[i..];
    let c = rest.chars().next()?;
    let mut j = i;
    let mut approx = false;
    let mut signed = None;
    if c == '約' || rest.starts_with("およそ") || rest.starts_with("概ね") {
        let w = if c == '約' {
            '約'.len_utf8()
        } else {
            rest.chars()
                .take(if rest.starts_with("概ね") { 2 } else { 3 })
                .map(char::len_utf8)
                .sum()
        };
        let after = &t[i + w..];
        let n = after.chars().next()?;
        if !(n.is_ascii_digit() || is_sign(n)) {
            return None;
        }
        approx = true;
        j = i + w;
    }
    let c = t[j..].chars().next()?;
    if is_sign(c) {
        // An operator between two figures (`165団体＋21団体`), not a sign.
        let last = before.iter().rev().find(|k| k.tok != Tok::Space);
        let after_figure = in_word.is_none()
            && last.is_some_and(|k| matches!(k.tok, Tok::Figure(_) | Tok::Close(_)));
        if after_figure && matches!(c, '+' | '-' | '−' | '‐') {
            return None;
        }
        // A hyphen glued to a katakana word joins a name (`プラスチック-1運動`,
        // `フェーズ-2`); a change is written after its kanji (`前年度比-5人`).
        if matches!(c, '-' | '−' | '‐') && t[..i].chars().last().is_some_and(is_katakana) {
            return Some((
                Tok::Word,
                skip_number(t, j + c.len_utf8()).max(j + c.len_utf8()),
            ));
        }
        let n = t[j + c.len_utf8()..].chars().next()?;
        if !n.is_ascii_digit() {
            return None;
        }
        signed = Some(c);
        j += c.len_utf8();
    }
    let d = t[j..].chars().next()?;
    if !d.is_ascii_digit() {
        return None;
    }
    // Glued to a word or an ordinal (`L2`, `CO2`, `R6`, `第2期`), unless a
    // plain counter follows (`Web549件`).
    let prev = t[..i].chars().last();
    if prev.is_some_and(|p| p.is_ascii_alphanumeric() || p == '.' || p == '第' || p == '_') {
        let after_digits = &t[skip_number(t, j)..];
        let counted = prev.is_some_and(|p| p.is_ascii_alphabetic())
            && t[..i]
                .chars()
                .rev()
                .take_while(|c| c.is_ascii_alphabetic())
                .count()
                >= 2
            && [
                "件", "人", "回", "名", "台", "本", "冊", "枚", "社", "円", "%", "世帯", "団体",
                "施設",
            ]
            .iter()
            .any(|w| after_digits.starts_with(w));
        if !counted {
            return Some((Tok::Word, skip_number(t, j).max(j + 1)));
        }
    }
    let (n, digit_step, used) = scan_number(&t[j..])?;
    let mut end = j + used;
    let after = &t[end..];
    // Ids (`3-(4)-②`, `1-(2)`): the whole id is a word.
    if after.starts_with("-(") {
        let close = after.find(')').map_or(after.len(), |k| k + 1);
        let mut e = end + close;
        let tail = &t[e..];
        if let Some(r) = tail.strip_prefix('-')
            && let Some(c) = r.chars().next()
            && (c.is_ascii_digit() || crate::model::text::circled_value(c).is_some())
        {
            e += 1 + c.len_utf8();
        }
        return Some((Tok::Word, e));
    }
    // Numbers of names (`2分の1`).
    if after.starts_with("分の") {
        let e = end + "分の".len();
        return Some((Tok::Word, skip_number(t, e).max(e)));
    }
    let unit = unit_at(after);
    // Years and months: `令和5年度末`, `2050年`, `5年に1度`, `9月`.
    if ["年", "月", "か年", "度"]
        .iter()
        .any(|w| after.starts_with(w))
        && !after.starts_with("年間")
    {
        return Some((Tok::Word, end));
    }
    let Some(UnitWord {
        dim,
        scale,
        len,
        printed,
    }) = unit
    else {
        // A bare number.
        return Some((
            Tok::Figure(Amount {
                value: if signed.is_some_and(|s| matches!(s, '▲' | '△' | '-' | '−' | '‐')) {
                    -n
                } else {
                    n
                },
                dim: Dim::Bare,
                unit: "".into(),
                scale: 1.0,
                step: digit_step,
                signed,
                approx,
                comparator: None,
            }),
            end,
        ));
    };
    if let Dim::Count(w) = &dim
        && NOT_AMOUNTS.iter().any(|x| w.starts_with(x))
    {
        return Some((Tok::Word, end + len));
    }
    end += len;
    // Per-unit phrases: `1団体当たり`, `26市平均`, `1日平均`.
    let tail = &t[end..];
    if PER.iter().any(|w| tail.starts_with(w)) && !matches!(dim, Dim::Money | Dim::Percent) {
        let w = PER
            .iter()
            .find(|w| tail.starts_with(*w))
            .expect("just found");
        return Some((Tok::Per(dim), end + w.len()));
    }
    // `1回45分`, `1日16便`: one of something, then what it has.
    if n == 1.0
        && signed.is_none()
        && dim.is_count()
        && tail.chars().next().is_some_and(|c| c.is_ascii_digit())
    {
        return Some((Tok::Per(dim), end));
    }
    // Ordinals: `3回目`, `2番目`.
    if tail.starts_with('目') || tail.starts_with("番目") {
        return Some((Tok::Word, end));
    }
    if dim == Dim::Percent && in_name(prev, tail) {
        return Some((Tok::Word, end));
    }
    let mut value = n * scale;
    let mut step = digit_step * scale;
    // `1時間50分`: minutes after hours.
    if dim == Dim::Minutes
        && printed == "時間"
        && let Some((m, _, mu)) = scan_number(&t[end..])
        && t[end + mu..].starts_with('分')
        && !t[end + mu..].starts_with("分の")
    {
        value += m;
        step = 1.0;
        end += mu + '分'.len_utf8();
    }
    if signed.is_some_and(|s| matches!(s, '▲' | '△' | '-' | '−' | '‐')) {
        value = -value;
    }
    let mut comparator = None;
    for w in ["以上", "以下", "未満", "を超える", "を超え", "超え", "超"] {
        if t[end..].starts_with(w) {
            comparator = Comparator::parse(w);
            end += w.len();
            break;
        }
    }
    if t[end..].starts_with("程度") || t[end..].starts_with("余り") {
        approx = true;
    }
    Some((
        Tok::Figure(Amount {
            value,
            dim,
            unit: printed.into(),
            scale,
            step,
            signed,
            approx,
            comparator,
        }),
        end,
    ))
}

fn skip_number(t: &str, j: usize) -> usize {
    let mut k = j;
    for c in t[j..].chars() {
        if c.is_ascii_alphanumeric() || c == '.' || c == ',' {
            k += c.len_utf8();
        } else {
            break;
        }
    }
    k
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figs(s: &str) -> Vec<(String, f64, Dim)> {
        let t = fold(s);
        tokens(&t)
            .into_iter()
            .filter_map(|k| match k.tok {
                Tok::Figure(a) => Some((t[k.span].to_string(), a.value, a.dim)),
                _ => None,
            })
            .collect()
    }

    fn count(c: &str) -> Dim {
        Dim::Count(c.into())
    }

    #[test]
    fn plain_word_chars_start_nothing() {
        // The range shortcuts say what the full test says.
        for c in ('\u{3000}'..='\u{9FFF}').chain('\u{FF00}'..='\u{FFEF}') {
            assert_eq!(plain_word_char(c), starts_nothing(c), "{c}");
        }
        for (text, figures) in [
            ("約5件", 1),
            ("およそ3割", 1),
            ("概ね12人", 1),
            ("・件数", 0),
        ] {
            let n = tokens(text).iter().filter(|k| k.figure().is_some()).count();
            assert_eq!(n, figures, "{text}");
        }
    }

    #[test]
    fn hyphens_in_katakana_names_are_no_signs() {
        let signed = |t: &str| {
            tokens(t)
                .iter()
                .filter_map(|k| match &k.tok {
                    Tok::Figure(a) => Some(a.value),
                    _ => None,
                })
                .collect::<Vec<f64>>()
        };
        assert!(signed("プラスチック-1運動協議会に参加").is_empty());
        assert!(signed("フェーズ−2に移行").is_empty());
        assert_eq!(signed("前年度比-5人"), [-5.0]);
        assert_eq!(signed("増減 -12件"), [-12.0]);
        assert_eq!(signed("登録者数は-1,240人"), [-1240.0]);
    }

    #[test]
    fn percentages_in_names_are_words() {
        for (text, name) in [
            ("・市内で再エネ100%電気メニューを提供", true),
            ("深層地下水100%水道水のまち", true),
            ("市の100%出資法人", false),
            ("再エネ比率30%以上を目指す", false),
            ("温室効果ガス排出量40.2%削減", false),
            ("加入率29.3%", false),
            ("収納率98.9%達成", false),
            ("利用率50%増", false),
        ] {
            let figures = tokens(text)
                .iter()
                .filter(|t| matches!(&t.tok, Tok::Figure(a) if a.dim == Dim::Percent))
                .count();
            assert_eq!(figures == 0, name, "{text}");
        }
    }

    #[test]
    fn figures_with_any_counter() {
        assert_eq!(
            figs("・活動拠点　計9拠点（センター本館1拠点、地区サテライト8拠点）"),
            [
                ("9拠点".into(), 9.0, count("拠点")),
                ("1拠点".into(), 1.0, count("拠点")),
                ("8拠点".into(), 8.0, count("拠点"))
            ]
        );
        assert_eq!(figs("延長2.8km")[0].1, 2800.0);
        assert_eq!(figs("1,240.55㎡")[0].2, Dim::SquareMetres);
        assert_eq!(figs("制度の周知により登録者が1,240人増加した")[0].1, 1240.0);
    }

    #[test]
    fn signs_and_operators() {
        let f = figs("165団体＋21団体＝186団体");
        assert_eq!(
            f.iter().map(|x| x.1).collect::<Vec<_>>(),
            [165.0, 21.0, 186.0]
        );
        let f = figs("前年度末から＋19団体、−7団体で差引＋12団体");
        assert_eq!(
            f.iter().map(|x| x.1).collect::<Vec<_>>(),
            [19.0, -7.0, 12.0]
        );
        assert_eq!(figs("前年比▲81万枚")[0].1, -810_000.0);
        assert_eq!(figs("△4")[0].1, -4.0);
        let t = fold("前年度末3,375,970,769円−取崩745,000,000円");
        let k = tokens(&t);
        assert!(k.iter().any(|k| k.tok == Tok::Minus), "{k:?}");
    }

    #[test]
    fn no_amounts_in_dates_years_ids_and_names() {
        assert!(figs("令和6年3月31日時点、2050年、第2期、R6、3-(4)-②、5年に1度").is_empty());
        assert!(figs("決算剰余金の2分の1").is_empty());
        let t = fold("1団体当たり平均429千円、26市平均：91.2%");
        let k = tokens(&t);
        assert!(
            matches!(k[0].tok, Tok::Per(Dim::Count(ref c)) if &**c == "団体"),
            "{k:?}"
        );
        assert_eq!(figs("1団体当たり平均429千円")[0].1, 429_000.0);
        assert!(figs("3回目の開催").is_empty());
        assert!(figs("20時以降").is_empty());
    }

    #[test]
    fn durations_and_money_with_kanji() {
        assert_eq!(figs("1時間50分")[0].1, 110.0);
        assert_eq!(figs("3時間10分から1時間25分に")[1].1, 85.0);
        assert_eq!(figs("45分")[0].2, Dim::Minutes);
        assert_eq!(figs("7億4,500万円")[0].1, 745_000_000.0);
        assert_eq!(figs("約5.7億円")[0].1, 570_000_000.0);
        assert_eq!(figs("1割減")[0].1, 10.0);
    }
}
