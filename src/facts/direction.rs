//! Direction claims of a paragraph: what it says a measure did against its
//! target (`目標値を上回った`, `目標を達成しています`, `令和6年度目標未達成`,
//! `目標には届かなかった`) or against an earlier year (`前年度より9.8ポイント悪化`,
//! `前年を上回っています`, `令和5年度と比べて減少`), with what the claim is
//! about: the subject the sentence names before it (`経常収支比率は…`,
//! `「①…」は、…`) and the year it speaks of (`令和6年度末時点において…`).
//!
//! The secretariat's comment draft states these in words, without figures;
//! rule K004 compares them with the 数値目標 rows. Claims are read from the
//! width-folded text without spaces ([`crate::model::text::key`]). Wording of
//! a plan or a wish (`目標達成に向け`, `上回ることを目指す`, `達成が見込まれる`)
//! is not a claim.

use crate::facts::quantity::label::{Direction, direction_after};
use crate::model::year::{FiscalYear, split_year};

/// What a claim says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Says {
    /// Against the target: the actual is above / below / not above / not
    /// below it, or the target is met / missed.
    Above,
    Below,
    NotAbove,
    NotBelow,
    Met,
    NotMet,
    /// Against an earlier year: the actual moved up / down, or got better /
    /// worse (which way is better is the target's comparator).
    Moved(Direction),
}

/// What the claim compares with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Against {
    /// The target, of the year named with it (`令和8年度末目標額`) if any.
    Target(Option<FiscalYear>),
    /// An earlier year's actual: the previous year (`前年度`) when `None`.
    Year(Option<FiscalYear>),
}

/// One direction claim of a text.
#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    pub says: Says,
    pub against: Against,
    /// The words the sentence names as its subject before the claim
    /// (`経常収支比率`, `「①財政調整基金現在高（数値目標）」`), if any.
    pub subject: Option<String>,
    /// The year the sentence speaks of before the claim, if it names one.
    pub about: Option<FiscalYear>,
    /// The claim as written (folded), for messages.
    pub phrase: String,
}

/// Words naming a target, longest first.
const TARGET_WORDS: &[&str] = &["目標水準", "目標値", "目標額", "目標数", "目標", "計画値"];

/// Words naming the previous year, longest first.
const PREVIOUS_WORDS: &[&str] = &["前年度末", "前年度", "前年同期", "前年", "昨年度", "昨年"];

/// What follows a year word and leads to the direction: `前年度より`,
/// `前年度と比べて`, `前年度比で`, `前年度を`.
const YEAR_LINKS: &[&str] = &[
    "と比較して",
    "と比較し",
    "と比べて",
    "と比べ",
    "に比べて",
    "に比べ",
    "に対して",
    "に対し",
    "比で",
    "より",
    "から",
    "比",
    "を",
];

/// Particles between a target word and its verb: `目標を`, `目標には`.
const TARGET_LINKS: &[&str] = &["には", "を", "は", "が", "に", "も"];

/// Verb phrases against a target and what each says; negative forms first,
/// so that `上回らなかった` is not read as `上回`.
const TARGET_VERBS: &[(&str, Says)] = &[
    ("未達成", Says::NotMet),
    ("未達", Says::NotMet),
    ("達成することができな", Says::NotMet),
    ("達成することができ", Says::Met),
    ("達成していな", Says::NotMet),
    ("達成しておらず", Says::NotMet),
    ("達成しなかった", Says::NotMet),
    ("達成しません", Says::NotMet),
    ("達成できな", Says::NotMet),
    ("達成できず", Says::NotMet),
    ("達成には至", Says::NotMet),
    ("達成に至", Says::NotMet),
    ("達成とはな", Says::NotMet),
    ("達成せず", Says::NotMet),
    ("達成", Says::Met),
    ("達しな", Says::NotMet),
    ("達しておらず", Says::NotMet),
    ("達していな", Says::NotMet),
    ("達せず", Says::NotMet),
    ("達し", Says::Met),
    ("到達しな", Says::NotMet),
    ("到達していな", Says::NotMet),
    ("到達し", Says::Met),
    ("届かな", Says::NotMet),
    ("届かず", Says::NotMet),
    ("届いていな", Says::NotMet),
    ("届い", Says::Met),
    ("届き", Says::Met),
    ("及ばな", Says::NotMet),
    ("及ばず", Says::NotMet),
    ("満たさな", Says::NotMet),
    ("満たさず", Says::NotMet),
    ("満たしていな", Says::NotMet),
    ("満たし", Says::Met),
    ("クリアできな", Says::NotMet),
    ("クリアし", Says::Met),
    ("上回らな", Says::NotAbove),
    ("上回らず", Says::NotAbove),
    ("上回っていな", Says::NotAbove),
    ("上回っておらず", Says::NotAbove),
    ("上回ることができな", Says::NotAbove),
    ("上回ることはできな", Says::NotAbove),
    ("上回れな", Says::NotAbove),
    ("上回", Says::Above),
    ("上まわらな", Says::NotAbove),
    ("上まわ", Says::Above),
    ("超えな", Says::NotAbove),
    ("超えず", Says::NotAbove),
    ("超えていな", Says::NotAbove),
    ("超え", Says::Above),
    ("超過し", Says::Above),
    ("オーバー", Says::Above),
    ("下回らな", Says::NotBelow),
    ("下回らず", Says::NotBelow),
    ("下回っていな", Says::NotBelow),
    ("下回っておらず", Says::NotBelow),
    ("下回ることができな", Says::NotBelow),
    ("下回ることはできな", Says::NotBelow),
    ("下回れな", Says::NotBelow),
    ("下回", Says::Below),
    ("下まわらな", Says::NotBelow),
    ("下まわ", Says::Below),
    ("割り込", Says::Below),
    ("割込", Says::Below),
];

/// What after a verb makes it a plan, a wish or a condition rather than a
/// statement: `達成に向け`, `上回るよう`, `達成が見込まれる`, `上回れば`.
const NOT_A_CLAIM: &[&str] = &[
    "に向",
    "へ向",
    "を目指",
    "をめざ",
    "を図",
    "のため",
    "ため",
    "が求め",
    "が必要",
    "が重要",
    "が期待",
    "を期待",
    "が見込",
    "見込",
    "に努",
    "できるよう",
    "するよう",
    "るよう",
    "しよう",
    "させ",
    "すること",
    "ることを",
    "ることが",
    "すべく",
    "るべく",
    "予定",
    "れば",
    "たら",
    "のか",
    "するか",
    "るか",
    "の可能性",
    "可能性",
    "の状況",
    "状況",
    "度",
    "率",
];

/// Every direction claim of `text` (width-folded, without spaces).
pub fn claims(text: &str) -> Vec<Claim> {
    let mut out = Vec::new();
    let mut quote = 0u32;
    for (i, c) in text.char_indices() {
        match c {
            '「' | '『' => quote += 1,
            '」' | '』' => quote = quote.saturating_sub(1),
            _ => {}
        }
        // Inside 「」 are names (`「①市税の収納率における数値目標の達成」`).
        if quote > 0 {
            continue;
        }
        let rest = &text[i..];
        if let Some(w) = TARGET_WORDS.iter().find(|w| rest.starts_with(**w))
            && !preceded_by_word(text, i)
            && let Some((says, len)) = target_claim(&rest[w.len()..])
        {
            let against = Against::Target(attached_year(text, i));
            out.push(claim(text, i, w.len() + len, says, against));
            continue;
        }
        // The previous year (`前年度`) or an explicit one (`令和5年度より`).
        let previous = PREVIOUS_WORDS
            .iter()
            .find(|w| rest.starts_with(**w))
            .map(|w| (None, w.len()));
        let explicit = || year_at(rest).map(|(y, len)| (Some(y), len));
        let Some((earlier, word)) = previous.or_else(explicit) else {
            continue;
        };
        if let Some((d, len)) = year_claim(&rest[word..]) {
            out.push(claim(
                text,
                i,
                word + len,
                Says::Moved(d),
                Against::Year(earlier),
            ));
        }
    }
    out
}

/// A claim found at `start`, `len` bytes long, with its sentence's subject
/// and year (the target's or the earlier year's own year left out).
fn claim(text: &str, start: usize, len: usize, says: Says, against: Against) -> Claim {
    let own_year = match against {
        Against::Target(y) | Against::Year(y) => y,
    };
    let sentence = text[..start].rfind('。').map_or(0, |p| p + '。'.len_utf8());
    let before = &text[sentence..start];
    Claim {
        says,
        against,
        // `令和5年度は目標を達成`: a year is what the sentence speaks of, not
        // its measure.
        subject: subject(before).filter(|s| year_at(s).is_none_or(|(_, n)| n < s.len())),
        about: years(before)
            .into_iter()
            .map(|(y, _)| y)
            .rev()
            .find(|y| Some(*y) != own_year),
        phrase: with_ending(&text[start..], len).to_string(),
    }
}

/// The claim's words with its verb's ending (`目標値を下回` → `目標値を下回った`),
/// for messages.
fn with_ending(from: &str, len: usize) -> &str {
    &from[..len + ending(&from[len..]).len()]
}

/// A verb's ending: the kana after its stem (`りませんでした`, `したとは`),
/// up to twelve.
fn ending(after: &str) -> &str {
    let end = after
        .char_indices()
        .take(12)
        .find(|(_, c)| !is_hiragana(*c))
        .map_or_else(
            || after.chars().take(12).map(char::len_utf8).sum(),
            |(k, _)| k,
        );
    &after[..end]
}

/// Whether a verb's ending denies it, politely or by a hedge:
/// `上回りませんでした`, `達成できなかった`, `達成したとは言い難い`,
/// `達成したとはいえない`.
fn denied(after: &str) -> bool {
    let e = ending(after);
    let hedged = (e.ends_with("とは") || e.ends_with("とも"))
        && ["言い難", "言いがた", "言え", "いい難"]
            .iter()
            .any(|w| after[e.len()..].starts_with(w));
    // `はず` (should be) is no denial.
    let e = e.replace("はず", "");
    hedged
        || ["ません", "ない", "なかっ", "なく", "ず"]
            .iter()
            .any(|n| e.contains(n))
}

/// Whether a verb's ending asks or wishes rather than states:
/// `上回ったかどうか`, `達成できるように`, `上回ったか否か`.
fn unsure(after: &str) -> bool {
    let e = ending(after);
    let asked = e.ends_with('か') && after[e.len()..].starts_with("否か");
    asked || ["かどうか", "よう"].iter().any(|w| e.contains(w))
}

/// The claim a denied verb makes: not above for `上回りませんでした`; a
/// denied 未達成 or denial says nothing sure.
fn deny(says: Says) -> Option<Says> {
    match says {
        Says::Above => Some(Says::NotAbove),
        Says::Below => Some(Says::NotBelow),
        Says::Met => Some(Says::NotMet),
        _ => None,
    }
}

/// `目標` inside a longer word is still a target (`年間目標`, `数値目標`),
/// but not in `到達目標` of a plan's wording; only `到達` is excluded.
fn preceded_by_word(text: &str, i: usize) -> bool {
    text[..i].ends_with("到達")
}

/// After a target word: the particle, a few words (`大幅に`, `3.2ポイント`)
/// and the verb; or the verb at once (`目標達成`, `目標未達成`). Returns what
/// it says and the bytes it spans.
fn target_claim(after: &str) -> Option<(Says, usize)> {
    // `目標の35分を下回った`, `目標(50億円)を上回って`: the target's figure
    // between the word and its particle.
    let skip = match after.strip_prefix(['の', '(']) {
        Some(r) => r
            .char_indices()
            .take(14)
            .take_while(|(_, c)| !matches!(c, '、' | '。' | ',' | 'が' | 'は'))
            .find(|(_, c)| matches!(c, 'を' | 'に'))
            .map(|(k, _)| after.len() - r.len() + k)?,
        None => 0,
    };
    let after = &after[skip..];
    let (particle, rest) = match TARGET_LINKS.iter().find(|l| after.starts_with(**l)) {
        Some(l) => (l.len(), &after[l.len()..]),
        None => (0, after),
    };
    let link = skip + particle;
    for (j, _) in rest.char_indices().take(16) {
        let here = &rest[j..];
        if j > 0 && particle == 0 {
            break;
        }
        if here.starts_with(['、', '。', ',', '「', '」', '(', ')', 'を', 'が']) {
            break;
        }
        if let Some((v, says)) = TARGET_VERBS.iter().find(|(v, _)| here.starts_with(*v)) {
            let tail = &here[v.len()..];
            if unsure(tail) || NOT_A_CLAIM.iter().any(|w| tail.starts_with(w)) {
                return None;
            }
            // The list's own negative forms end in their denial already.
            let says = if denied(tail) { deny(*says)? } else { *says };
            return Some((says, link + j + v.len()));
        }
    }
    None
}

/// After an earlier year's word: `より`, `と比べて`, `の現在高を` …, a few
/// words and a change word (`増加`, `9.8ポイント悪化`, `上回`).
fn year_claim(after: &str) -> Option<(Direction, usize)> {
    // `前年度の現在高を`: the measure between the year and its link.
    let (skip, rest) = match after.strip_prefix('の') {
        Some(r) => {
            let end = r
                .char_indices()
                .take(10)
                .find(|(k, _)| r[*k..].starts_with(['を', 'よ', 'と', 'に']))
                .map(|(k, _)| k)?;
            ('の'.len_utf8() + end, &r[end..])
        }
        None => (0, after),
    };
    let link = YEAR_LINKS.iter().find(|l| rest.starts_with(**l))?;
    // `前年度からは減少`, `前年度よりも増加`.
    let (link, rest) = match rest[link.len()..].strip_prefix(['は', 'も']) {
        Some(r) => (rest.len() - r.len(), r),
        None => (link.len(), &rest[link.len()..]),
    };
    for (j, _) in rest.char_indices().take(16) {
        let here = &rest[j..];
        if here.starts_with(['、', '。', ',', '「', '」', 'を', 'が', 'は']) {
            break;
        }
        if let Some((d, len)) = direction_after(here).filter(|&(_, n)| n > 0)
            && !here.starts_with('の')
        {
            // `届かなかった`, `不足` say short of a target, not a move.
            if d == Direction::Worse && !here.starts_with("悪化") {
                return None;
            }
            let tail = &here[len..];
            if denied(tail) || unsure(tail) || NOT_A_CLAIM.iter().any(|w| tail.starts_with(w)) {
                return None;
            }
            return Some((d, skip + link + j + len));
        }
    }
    None
}

/// The era or western year starting `s` (`令和5年度`, `R5年度`, `2023年度`,
/// `令和6年度末`): the year and its length in bytes.
fn year_at(s: &str) -> Option<(FiscalYear, usize)> {
    let first = s.chars().next()?;
    if !matches!(first, '令' | '平' | 'R' | '2') {
        return None;
    }
    // A year's words are a few characters; split_year folds all it is given.
    let head = &s[..s.char_indices().nth(8).map_or(s.len(), |(k, _)| k)];
    let (y, rest) = split_year(head)?;
    let rest = rest.strip_prefix('年')?;
    let mut len = head.len() - rest.len();
    for tail in ["度末", "度"] {
        if s[len..].starts_with(tail) {
            len += tail.len();
            break;
        }
    }
    Some((y, len))
}

/// Every year named in `text`, in order, with the byte just past its words.
fn years(text: &str) -> Vec<(FiscalYear, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < text.len() {
        match year_at(&text[i..]) {
            Some((y, len)) => {
                i += len;
                out.push((y, i));
            }
            None => i += text[i..].chars().next().map_or(1, char::len_utf8),
        }
    }
    out
}

/// The year written as part of the target's name just before `i`
/// (`令和8年度末目標額`, `令和8年度末現在高の目標額`, `令和6年度目標`).
fn attached_year(text: &str, i: usize) -> Option<FiscalYear> {
    let clause_start = text[..i]
        .rfind(['、', '。', ','])
        .map_or(0, |p| past(text, p));
    let clause = &text[clause_start..i];
    // Only kanji, katakana and の between the year and the word: one noun
    // phrase.
    years(clause)
        .into_iter()
        .rev()
        .find(|&(_, end)| clause[end..].chars().all(|c| c == 'の' || !is_hiragana(c)))
        .map(|(y, _)| y)
}

/// Words marking a sentence's subject, longest first. は, が and も only
/// after a noun (a kanji, katakana, digit or closing bracket), so that
/// `ですが`, `ものの`, `には` are not read as one.
const SUBJECT_MARKERS: &[&str] = &["については", "いずれも", "ともに", "共に", "は", "が", "も"];

/// The subject named in `before` (the sentence up to the claim): the words
/// before its last subject marker, back to the marker or comma before them.
fn subject(before: &str) -> Option<String> {
    let (start, _) = last_marker(before)?;
    let head = &before[..start];
    let from = [
        head.rfind(['、', ',', '。']).map(|p| past(head, p)),
        last_marker(head).map(|(_, e)| e),
    ]
    .into_iter()
    .flatten()
    .max()
    .unwrap_or(0);
    let s = head[from..].trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// The byte range of the last subject marker of `s`.
fn last_marker(s: &str) -> Option<(usize, usize)> {
    let mut best = None;
    for (i, _) in s.char_indices() {
        let Some(m) = SUBJECT_MARKERS.iter().find(|m| s[i..].starts_with(**m)) else {
            continue;
        };
        let plain = m.chars().count() == 1;
        let prev = s[..i].chars().next_back();
        if plain && prev.is_none_or(|c| is_hiragana(c) || c == '「') {
            continue;
        }
        best = Some((i, i + m.len()));
    }
    best
}

/// The byte just past the character at `p`.
fn past(s: &str, p: usize) -> usize {
    p + s[p..].chars().next().map_or(1, char::len_utf8)
}

fn is_hiragana(c: char) -> bool {
    ('\u{3041}'..='\u{309f}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::text::key;

    fn one(text: &str) -> Claim {
        let c = claims(&key(text));
        assert_eq!(c.len(), 1, "{text}: {c:?}");
        c[0].clone()
    }

    #[test]
    fn against_the_target() {
        for (text, says) in [
            (
                "目標値を上回ったことから、個別評価は「B」としました。",
                Says::Above,
            ),
            ("目標値を大幅に下回ったことから", Says::Below),
            ("目標を達成しています。", Says::Met),
            ("目標は未達成となっています。", Says::NotMet),
            ("年間目標には届かなかったものの、", Says::NotMet),
            ("目標値を3.2ポイント上回った。", Says::Above),
            ("目標達成となりました。", Says::Met),
            ("計画値を上回ることはできなかった", Says::NotAbove),
            ("目標に達しなかった。", Says::NotMet),
            ("目標を達成することができました。", Says::Met),
            ("目標額を下回らなかった", Says::NotBelow),
            ("目標には及ばなかったが、", Says::NotMet),
            ("目標の35分を下回ったほか、", Says::Below),
            ("目標(50億円)を上回っていますが、", Says::Above),
        ] {
            let c = one(text);
            assert_eq!(c.says, says, "{text}");
            assert_eq!(c.against, Against::Target(None), "{text}");
        }
    }

    #[test]
    fn polite_denials_and_hedges() {
        for (text, says) in [
            ("目標を達成できませんでした。", Says::NotMet),
            ("目標に届きませんでした。", Says::NotMet),
            ("目標を下回りませんでした。", Says::NotBelow),
            ("目標値を上回りませんでしたが、", Says::NotAbove),
            ("目標を達成したとは言い難い。", Says::NotMet),
            ("目標を達成したとはいえない状況です。", Says::NotMet),
            ("目標には達しませんでした。", Says::NotMet),
            ("目標を上回っているはずです。", Says::Above),
            ("目標に未達であった。", Says::NotMet),
            ("目標値をオーバーした。", Says::Above),
            ("目標を割り込んだ。", Says::Below),
        ] {
            assert_eq!(one(text).says, says, "{text}");
        }
        assert_eq!(
            one("目標を達成できませんでした。").phrase,
            key("目標を達成できませんでした")
        );
        for text in [
            "前年度より悪化しませんでした。",
            "前年度から増加することはなかった。",
            "前年度と比べて改善されていません。",
            "前年度を上回らなかった",
            "前年度より減少しておらず、",
        ] {
            assert_eq!(claims(&key(text)), [], "{text}");
        }
    }

    #[test]
    fn plans_and_wishes_are_not_claims() {
        for text in [
            "新たな目標達成に向け取り組んでいく。",
            "目標を上回るよう努めていただきたい。",
            "目標を上回ったかどうかだけでなく、満足度にも着目されたい。",
            "前年度より改善したか否かを検証されたい。",
            "目標の達成を目指す。",
            "目標の達成に向けて、",
            "目標とする年間件数450件まであと一歩です。",
            "令和8年度末の目標数に向けて、順調にフォロワー数が増加しています。",
            "目標達成が見込まれる。",
            "前年度から引き続き積立を拡大し、",
            "到達目標までの進捗状況を把握し",
            "「①市税の収納率における数値目標の達成（数値目標）」は、",
            "前年度の実績を踏まえ、",
            "目標である多摩26市の平均収納率を滞納繰越分が下回っている",
        ] {
            assert_eq!(claims(&key(text)), [], "{text}");
        }
    }

    #[test]
    fn against_an_earlier_year() {
        for (text, d, y) in [
            ("前年度より9.8ポイント悪化かつ", Direction::Worse, None),
            ("前年を上回っています。", Direction::Up, None),
            ("前年度と比べて減少しました。", Direction::Down, None),
            ("前年度比で大きく改善した。", Direction::Better, None),
            ("前年度末から増加している", Direction::Up, None),
            ("前年度からは減少しました。", Direction::Down, None),
            (
                "令和5年度より低下しました。",
                Direction::Down,
                Some(FiscalYear(2023)),
            ),
            ("昨年度に比べ上昇した。", Direction::Up, None),
            ("前年度の現在高を上回っており", Direction::Up, None),
        ] {
            let c = one(text);
            assert_eq!(c.says, Says::Moved(d), "{text}");
            assert_eq!(c.against, Against::Year(y), "{text}");
        }
        for text in [
            "前年度より増加せず",
            "前年度から改善していない",
            "前年度より改善を図る",
        ] {
            assert_eq!(claims(&key(text)), [], "{text}");
        }
    }

    #[test]
    fn subjects_and_years() {
        let cases = [
            (
                "財政健全性の維持について、経常収支比率は令和 6 年度目標未達成となっています。",
                Some("経常収支比率"),
                Some(2024),
                None,
            ),
            (
                "実質公債費比率及び将来負担比率は、目標値を大きく下回っており、",
                Some("実質公債費比率及び将来負担比率"),
                None,
                None,
            ),
            (
                "「①財政調整基金現在高（数値目標）」は、令和6年度末時点において、令和8年度末目標額を上回っています。",
                Some("「①財政調整基金現在高（数値目標）」"),
                Some(2026),
                Some(2024),
            ),
            (
                "令和6年度の昭島市の収納率は現年課税分・滞納繰越分ともに前年を上回っています。",
                Some("現年課税分・滞納繰越分"),
                None,
                Some(2024),
            ),
            (
                "報道依頼の実績数が目標を達成していないものの、",
                Some("報道依頼の実績数"),
                None,
                None,
            ),
            ("目標は未達成となっています。", None, None, None),
            ("令和5年度は目標を達成しました。", None, None, Some(2023)),
            (
                "動画については年間作成数が目標を達成しました。",
                Some("年間作成数"),
                None,
                None,
            ),
            (
                "財政調整基金は現在のところ目標額を上回っているため、",
                Some("財政調整基金"),
                None,
                None,
            ),
        ];
        for (text, subject, target_year, about) in cases {
            let c = one(text);
            assert_eq!(c.subject, subject.map(key), "{text}");
            if let Against::Target(y) = c.against {
                assert_eq!(y, target_year.map(FiscalYear), "{text}");
            }
            assert_eq!(c.about, about.map(FiscalYear), "{text}");
        }
    }

    #[test]
    fn two_claims_in_one_sentence() {
        let c = claims(&key(
            "「①経常収支比率（数値目標）」は、前年度より 9.8 ポイント悪化かつ目標値を上回ったことから、",
        ));
        let says: Vec<Says> = c.iter().map(|c| c.says).collect();
        assert_eq!(says, [Says::Moved(Direction::Worse), Says::Above]);
        let subject = key("「①経常収支比率（数値目標）」");
        assert!(c.iter().all(|c| c.subject.as_ref() == Some(&subject)));
    }
}
