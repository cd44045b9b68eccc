//! What a figure is a figure of: the words before it, read for their subject
//! (`加入率は` → 加入率), the qualifiers that change its meaning (合計, うち,
//! 平均, 累計, 延べ, 目標 …), the year it speaks of (`令和5年度末`, `前年度の`),
//! and a change it states (`前年度比`, `対令和5年度比`); and the words after
//! it (増, 減, 上回, から, へ …).

use crate::model::text::{is_hiragana, is_kanji, is_katakana};
use crate::model::year::{FiscalYear, split_year};

/// Qualifiers of a figure, as bits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Quals(pub u32);

impl Quals {
    /// 計, 合計, 総数, 総額, 全体, 合わせて: a total.
    pub const TOTAL: Quals = Quals(1);
    /// うち: a part of a whole, not an addend.
    pub const SUBSET: Quals = Quals(1 << 1);
    /// 内訳: the parts of a total follow.
    pub const BREAKDOWN: Quals = Quals(1 << 2);
    /// 平均, 1…当たり: an average.
    pub const AVERAGE: Quals = Quals(1 << 3);
    /// 累計, 通算: a running total.
    pub const CUMULATIVE: Quals = Quals(1 << 4);
    /// 延べ: a gross count.
    pub const GROSS: Quals = Quals(1 << 5);
    /// 目標, 計画値: a target.
    pub const TARGET: Quals = Quals(1 << 6);
    /// A change against another year (前年度比, 対令和5年度比, 前年度から).
    pub const CHANGE: Quals = Quals(1 << 7);
    /// 新規, 新たに: what was added this year.
    pub const NEW: Quals = Quals(1 << 8);
    /// 差引: a net total of signed parts.
    pub const NET: Quals = Quals(1 << 9);
    /// 予定, 見込み: not yet done.
    pub const PLANNED: Quals = Quals(1 << 10);
    /// 末, 現在, 時点: a balance at a date.
    pub const AS_OF: Quals = Quals(1 << 11);
    /// Several years together (`令和5・6年度合計`, `3か年`).
    pub const YEARS: Quals = Quals(1 << 12);
    /// 残り, 不足: a remainder.
    pub const REMAINDER: Quals = Quals(1 << 13);
    /// 最長, 最大, 最小, 最短: an extreme, not the usual figure.
    pub const EXTREME: Quals = Quals(1 << 14);
    /// 速報: a provisional figure.
    pub const PROVISIONAL: Quals = Quals(1 << 15);

    pub fn has(self, q: Quals) -> bool {
        self.0 & q.0 != 0
    }

    pub fn add(&mut self, q: Quals) {
        self.0 |= q.0;
    }

    /// The qualifiers that make two figures different quantities even under
    /// the same subject (a running total is not the year's figure).
    pub fn kind(self) -> u32 {
        self.0
            & (Quals::CUMULATIVE.0
                | Quals::AVERAGE.0
                | Quals::TARGET.0
                | Quals::CHANGE.0
                | Quals::NEW.0
                | Quals::YEARS.0
                | Quals::REMAINDER.0
                | Quals::EXTREME.0
                | Quals::SUBSET.0)
    }
}

/// Which year a figure speaks of.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum YearRef {
    /// The year of the column it stands in.
    #[default]
    Column,
    /// 前年度, 昨年度.
    Previous,
    Explicit(FiscalYear),
}

impl YearRef {
    /// The fiscal year, given the column's.
    pub fn resolve(self, column: Option<FiscalYear>) -> Option<FiscalYear> {
        match self {
            YearRef::Column => column,
            YearRef::Previous => column.map(FiscalYear::prev),
            YearRef::Explicit(y) => Some(y),
        }
    }
}

/// What the words before a figure say.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Label {
    /// The subject, in key form (no white space, width folded): `加入率`.
    pub subject: String,
    /// The label of the group the figure is listed under (`差押件数：不動産8件`
    /// → 差押件数).
    pub group: String,
    pub quals: Quals,
    /// The year the figure itself is of.
    pub year: YearRef,
    /// For a change: the year it is measured against.
    pub base: Option<YearRef>,
    /// The subject is only the last word of a clause joined to the figure by
    /// a particle (`見込む中で8億円`, `財源として3億円`), not a label of it: a
    /// verb after the figure names the quantity better (`…を取崩した`).
    pub weak: bool,
}

/// Which way a word says a quantity moved or stands to another.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Direction {
    Up,
    Down,
    /// 改善: up or down, whichever is better for the measure.
    Better,
    /// 悪化.
    Worse,
}

impl Direction {
    pub fn sign(self) -> Option<f64> {
        match self {
            Direction::Up => Some(1.0),
            Direction::Down => Some(-1.0),
            _ => None,
        }
    }
}

/// Words after a figure saying it moved (`増`, `減少`), or that it is more or
/// less than another (`上回`, `下回`, `届かなかった`).
const DIRECTIONS: &[(&str, Direction)] = &[
    ("増加", Direction::Up),
    ("増え", Direction::Up),
    ("増", Direction::Up),
    ("上昇", Direction::Up),
    ("上回", Direction::Up),
    ("上まわ", Direction::Up),
    ("多い", Direction::Up),
    ("多く", Direction::Up),
    ("伸び", Direction::Up),
    ("拡大", Direction::Up),
    ("超", Direction::Up),
    ("高い", Direction::Up),
    ("減少", Direction::Down),
    ("減っ", Direction::Down),
    ("減", Direction::Down),
    ("低下", Direction::Down),
    ("下回", Direction::Down),
    ("下まわ", Direction::Down),
    ("少ない", Direction::Down),
    ("少なく", Direction::Down),
    ("短縮", Direction::Down),
    ("縮減", Direction::Down),
    ("削減", Direction::Down),
    ("縮小", Direction::Down),
    ("届かなかった", Direction::Worse),
    ("届かず", Direction::Worse),
    ("不足", Direction::Worse),
    ("低い", Direction::Down),
    ("改善", Direction::Better),
    ("悪化", Direction::Worse),
];

/// The direction word at the start of `after` (after white space and `の`).
pub fn direction_after(after: &str) -> Option<(Direction, usize)> {
    let t = after.trim_start();
    let mut skipped = after.len() - t.len();
    let t = match t.strip_prefix('の') {
        Some(r) => {
            skipped += 'の'.len_utf8();
            r
        }
        None => t,
    };
    DIRECTIONS
        .iter()
        .find(|(w, _)| t.starts_with(w))
        .map(|(w, d)| (*d, skipped + w.len()))
}

/// A direction word anywhere in `text` (the first one).
pub fn direction_in(text: &str) -> Option<Direction> {
    text.char_indices()
        .find_map(|(i, _)| direction_after(&text[i..]).filter(|_| true).map(|(d, _)| d))
}

/// Words that say a figure is a change against the previous year.
const PREVIOUS_CHANGE: &[&str] = &[
    "対前年度比",
    "対前年比",
    "対前年同期比",
    "前年同期比",
    "前年度比",
    "前年比",
    "対前年度",
    "前年度末から",
    "前年度から",
    "前年度より",
    "前年度に比べ",
    "前年度と比べ",
    "前年度と比較",
    "前年から",
    "前年より",
    "昨年度から",
    "昨年度より",
    "昨年度比",
    "前回から",
    "前回より",
];

/// Words that say a figure is of the previous year.
const PREVIOUS: &[&str] = &["前年度末", "前年度", "昨年度", "前年"];

/// Qualifier words, longest first where one holds another.
const QUALIFIERS: &[(&str, Quals)] = &[
    ("合計", Quals::TOTAL),
    ("総計", Quals::TOTAL),
    ("総数", Quals::TOTAL),
    ("総額", Quals::TOTAL),
    ("合わせて", Quals::TOTAL),
    ("あわせて", Quals::TOTAL),
    ("全体", Quals::TOTAL),
    ("差し引き", Quals::NET),
    ("差引き", Quals::NET),
    ("差引", Quals::NET),
    ("うち", Quals::SUBSET),
    ("内訳", Quals::BREAKDOWN),
    ("平均", Quals::AVERAGE),
    ("累計", Quals::CUMULATIVE),
    ("通算", Quals::CUMULATIVE),
    ("延べ", Quals::GROSS),
    ("目標値", Quals::TARGET),
    ("目標額", Quals::TARGET),
    ("目標", Quals::TARGET),
    ("計画値", Quals::TARGET),
    ("新規", Quals::NEW),
    ("新たに", Quals::NEW),
    ("予定", Quals::PLANNED),
    ("見込み", Quals::PLANNED),
    ("見込", Quals::PLANNED),
    ("残り", Quals::REMAINDER),
    ("最長", Quals::EXTREME),
    ("最短", Quals::EXTREME),
    ("最大", Quals::EXTREME),
    ("最小", Quals::EXTREME),
    ("最高", Quals::EXTREME),
    ("最低", Quals::EXTREME),
    ("速報", Quals::PROVISIONAL),
    ("現在", Quals::AS_OF),
    ("時点", Quals::AS_OF),
];

/// Particles and marks that end or join the words of a label.
fn is_particle(c: char) -> bool {
    matches!(
        c,
        'は' | 'が'
            | 'の'
            | 'を'
            | 'も'
            | 'に'
            | 'で'
            | 'と'
            | 'へ'
            | 'や'
            | 'か'
            | 'ら'
            | 'り'
            | 'よ'
            | 'て'
            | 'し'
            | 'た'
            | 'な'
            | 'る'
            | 'け'
            | 'ず'
            | 'お'
            | 'べ'
            | 'い'
            | 'え'
            | 'う'
            | 'く'
    )
}

fn is_content(c: char) -> bool {
    is_kanji(c)
        || is_katakana(c)
        || c == '々'
        || c.is_ascii_alphanumeric()
        || matches!(c, '&' | '・' | '-' | '_')
}

/// Reads the words before a figure. `lead` is the text between the last
/// boundary (a figure, separator, bracket or line) and the figure; `group`
/// the label before a colon in the same stretch, if any; `inner` the words
/// of brackets in between (read for qualifiers only: `利用者数（延べ）`).
pub fn read_label(lead: &str, group: &str, inner: &str) -> Label {
    let mut l = Label {
        group: subject_of(&spaced(group)).0,
        ..Label::default()
    };
    // A group that is a year (`令和4年度：4件`) says which year, not what.
    if let Some((y, rest, _)) = year_at(&l.group)
        && rest == 0
    {
        l.year = YearRef::Explicit(y);
        l.group.clear();
    }
    // Words stay apart where the sheet spaced them (`進捗管理 風土づくり`).
    let mut text = spaced(lead);
    for (words, spaced_words) in [(lead, true), (inner, false), (group, true)] {
        if words.is_empty() {
            continue;
        }
        let mut found = Label::default();
        scan_qualifiers(&crate::model::text::key(words), &mut found);
        // `令和6年3月31日まで運用予定 運用実績：4件`: a 予定 that ends an
        // earlier line or clause is not the figure's.
        if spaced_words && found.quals.has(Quals::PLANNED) && !planned_in_last_words(words) {
            found.quals.0 &= !Quals::PLANNED.0;
        }
        l.quals.add(found.quals);
    }
    // Only the words that occur are searched for in order below (a search
    // per word per label was most of reading a label).
    let present = Present::of(&text);
    // A change against the previous year, or against an explicit year.
    for (k, w) in PREVIOUS_CHANGE.iter().enumerate() {
        if !present.has(k) {
            continue;
        }
        if let Some(i) = text.find(w) {
            // `昨年度から利用しているシナリオを含め738時間`: a clause with a
            // verb between says when something began, not what the figure
            // is measured against.
            let opens_clause = (w.ends_with("から") || w.ends_with("より"))
                && text[i + w.len()..].chars().any(|c| {
                    is_hiragana(c)
                        && !matches!(
                            c,
                            'は' | 'が' | 'の' | 'を' | 'に' | 'で' | 'と' | 'も' | 'へ' | 'や'
                        )
                });
            if !opens_clause {
                l.quals.add(Quals::CHANGE);
                l.base = Some(YearRef::Previous);
            }
            text.replace_range(i..i + w.len(), "|");
        }
    }
    // Years: `令和5年度末`, `対令和5年度比`, `令和5年度の`, `2024年度`.
    let mut i = 0;
    while i < text.len() {
        let Some((y, rest_len, end_word)) = year_at(&text[i..]) else {
            i += text[i..].chars().next().map_or(1, char::len_utf8);
            continue;
        };
        let end = text.len() - rest_len;
        let after = &text[end..];
        let before = &text[..i];
        let base_word = ["比", "から", "より", "に比べ", "と比べ"]
            .iter()
            .find(|w| after.starts_with(*w));
        let is_base = before.ends_with('対') || base_word.is_some();
        let end = end + base_word.map_or(0, |w| w.len());
        if is_base {
            l.quals.add(Quals::CHANGE);
            l.base = Some(YearRef::Explicit(y));
        } else if let YearRef::Explicit(prev) = l.year
            && prev != y
        {
            l.quals.add(Quals::YEARS);
        } else {
            l.year = YearRef::Explicit(y);
        }
        if end_word.contains('末') {
            l.quals.add(Quals::AS_OF);
        }
        let from = if before.ends_with('対') {
            i - '対'.len_utf8()
        } else {
            i
        };
        text.replace_range(from..end, "|");
        i = from + 1;
    }
    for (k, w) in PREVIOUS.iter().enumerate() {
        if !present.has(PREVIOUS_CHANGE.len() + k) {
            continue;
        }
        if let Some(i) = text.find(w) {
            // `前年度に続き`, `前年度と同様に`: the year of a comparison, not the figure's.
            let next = &text[i + w.len()..];
            if ["に続", "と同様", "同様", "に引き続"]
                .iter()
                .any(|c| next.starts_with(c))
            {
                text.replace_range(i..i + w.len(), "|");
                continue;
            }
            if l.year == YearRef::Column {
                l.year = YearRef::Previous;
            }
            if w.ends_with('末') {
                l.quals.add(Quals::AS_OF);
            }
            text.replace_range(i..i + w.len(), "|");
        }
    }
    if text.contains("・") && text.contains("年度") {
        l.quals.add(Quals::YEARS);
    }
    for (k, (w, q)) in QUALIFIERS.iter().enumerate() {
        // 現在高 is a noun: 現在 and 時点 are flags only.
        if *q == Quals::AS_OF || !present.has(FIRST_QUALIFIER + k) {
            continue;
        }
        while let Some(i) = qualifier_in(&text, w) {
            text.replace_range(i..i + w.len(), "|");
        }
    }
    // A bare 計 before the figure (`計187団体`, `「満足」「やや満足」の計`).
    let trimmed = text.trim_end_matches(|c: char| is_particle(c) || matches!(c, '|' | ':'));
    if trimmed.ends_with('計') && !trimmed.ends_with("会計") && !trimmed.ends_with("集計") {
        l.quals.add(Quals::TOTAL);
        let at = text.rfind('計').expect("just seen");
        text.replace_range(at..at + '計'.len_utf8(), "|");
    }
    // `削減時間 年間4,960時間`: a period word standing alone says over what
    // time, not what is measured.
    for w in ["年間", "月間", "通年"] {
        let alone = |t: &str| {
            t.strip_suffix(w)
                .is_some_and(|b| b.is_empty() || b.ends_with('|'))
        };
        if alone(text.trim_end_matches(|c: char| is_particle(c) || c == ':')) {
            let at = text.rfind(w).expect("just seen");
            text.replace_range(at..at + w.len(), "|");
        }
    }
    (l.subject, l.weak) = subject_of(&text);
    l
}

/// Verbs that add to a running count: their figure is what was new.
pub const ADDING: &[&str] = &["追加", "新設", "増設", "開設", "新規登録"];

/// The quantity a verb after a figure names: `8億円を取崩した` → 取崩,
/// `3件を新たに認定` → 認定. The kanji run after を, before its ending.
/// `after` is width-folded (the rest of a folded text: folding it again per
/// figure was a pass over the whole rest of the text for each figure).
pub fn verb_after(after: &str) -> Option<String> {
    let t = after.trim_start().strip_prefix('を')?;
    // Adverbs between (`新たに`, `さらに`) are passed over.
    let t = ["新たに", "さらに", "それぞれ", "順次"]
        .iter()
        .find_map(|w| t.strip_prefix(w))
        .unwrap_or(t);
    let stem: String = t
        .chars()
        .take_while(|&c| is_kanji(c) || c == '々')
        .collect();
    let rest = &t[stem.len()..];
    let ending = rest.chars().next().is_some_and(is_hiragana);
    (stem.chars().count() >= 2 && ending).then_some(stem)
}

/// The quantity a noun after a figure names, for a figure with no label
/// before it: `738時間程度の工数削減` → 工数削減, `17件のシナリオ` →
/// シナリオ. The kanji or katakana run after の (past `程度`, `ほど` …); not
/// a direction word (`2.5ポイントの減少` is the figure's own change).
/// `after` is width-folded, as for [`verb_after`].
pub fn noun_after(after: &str) -> Option<String> {
    let t = ["程度", "ほど", "余り", "前後", "相当"]
        .iter()
        .find_map(|w| after.strip_prefix(w))
        .unwrap_or(after);
    let t = t.strip_prefix('の')?;
    let noun: String = t
        .chars()
        .take_while(|&c| is_kanji(c) || is_katakana(c) || c == '々')
        .collect();
    let direction = DIRECTIONS.iter().any(|(d, _)| noun.starts_with(d));
    (noun.chars().count() >= 2 && !direction).then_some(noun)
}

/// The width-folded text with each run of white space as one `|`, a mark
/// that ends a word.
fn spaced(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in crate::model::text::fold(s).chars() {
        if c.is_whitespace() {
            if !space && !out.is_empty() {
                out.push('|');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    if out.ends_with('|') {
        out.pop();
    }
    out
}

/// Whether qualifier word `w`, followed by `next`, is the stem of a verb
/// (`見込む`), not a qualifier.
fn verb_stem(w: &str, next: &str) -> bool {
    w == "見込" && next.starts_with(['む', 'ん', 'ま'])
}

/// Where qualifier `w` stands in `text` as a qualifier: not the stem of a
/// verb (`実質収支を見込む中で` expects; it does not plan the figure).
fn qualifier_in(text: &str, w: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = text[from..].find(w).map(|i| i + from) {
        if !verb_stem(w, &text[i + w.len()..]) {
            return Some(i);
        }
        from = i + w.len();
    }
    None
}

fn scan_qualifiers(text: &str, l: &mut Label) {
    // Every occurrence of every qualifier word, as `qualifier_in` would see it.
    for m in LABEL_WORDS.find_overlapping_iter(text) {
        let Some(&(w, q)) = m
            .pattern()
            .as_usize()
            .checked_sub(FIRST_QUALIFIER)
            .and_then(|k| QUALIFIERS.get(k))
        else {
            continue;
        };
        if !verb_stem(w, &text[m.end()..]) {
            l.quals.add(q);
        }
    }
    // Periods of several years: `3か年`, `計画期間（令和5年度〜）`, `2年で`.
    let period = [
        "か年",
        "年間合計",
        "計画期間",
        "年度〜",
        "年度~",
        "年度以降",
        "年度から",
        "年で",
    ];
    // `前年度から12団体増加`: the base of a change, not the start of a period.
    // Every period word holds 年 or 期 (one fast search before eight).
    if !(text.contains('年') || text.contains('期')) || !period.iter().any(|w| text.contains(w)) {
        return;
    }
    let text = PREVIOUS_CHANGE.iter().fold(text.to_string(), |t, w| {
        if t.contains(w) { t.replace(w, "|") } else { t }
    });
    if period.iter().any(|w| text.contains(w)) {
        l.quals.add(Quals::YEARS);
    }
}

/// Whether 予定 or 見込 stands in the last space-separated words of `s`.
fn planned_in_last_words(s: &str) -> bool {
    let last = spaced(s);
    let last = last
        .rsplit(['|', '。'])
        .find(|w| !w.is_empty())
        .unwrap_or("");
    let mut found = Label::default();
    scan_qualifiers(last, &mut found);
    found.quals.has(Quals::PLANNED)
}

/// Which of the words of PREVIOUS_CHANGE, PREVIOUS and QUALIFIERS (in that
/// order) occur in a text, found in one pass. Replacing words by `|` never
/// makes a new one, so what is absent at the start stays absent.
struct Present(u128);

/// The pattern index of the first qualifier word in [`LABEL_WORDS`].
const FIRST_QUALIFIER: usize = PREVIOUS_CHANGE.len() + PREVIOUS.len();

/// Every label word in one automaton: a label is scanned once, not once per
/// word (the per-word search was a third of checking a file).
static LABEL_WORDS: std::sync::LazyLock<aho_corasick::AhoCorasick> =
    std::sync::LazyLock::new(|| {
        let words = PREVIOUS_CHANGE
            .iter()
            .chain(PREVIOUS)
            .chain(QUALIFIERS.iter().map(|(w, _)| w));
        aho_corasick::AhoCorasick::new(words).expect("label words build an automaton")
    });

impl Present {
    fn of(text: &str) -> Present {
        const _: () = assert!(PREVIOUS_CHANGE.len() + PREVIOUS.len() + QUALIFIERS.len() <= 128);
        let mut bits = 0u128;
        for m in LABEL_WORDS.find_overlapping_iter(text) {
            bits |= 1 << m.pattern().as_usize();
        }
        Present(bits)
    }

    fn has(&self, k: usize) -> bool {
        self.0 & (1 << k) != 0
    }
}

/// An era or western year at the start: (year, bytes left after it, the
/// year word as written).
fn year_at(s: &str) -> Option<(FiscalYear, usize, String)> {
    let c = s.chars().next()?;
    if !matches!(c, '令' | '平' | 'R' | 'H') && !c.is_ascii_digit() {
        return None;
    }
    let (y, rest) = split_year(s)?;
    // A year is followed by 年 or 年度 (split_year leaves them).
    let r = rest.as_str();
    let word_len = ["年度末", "年度中", "年度", "年末", "年"]
        .iter()
        .find(|w| r.starts_with(*w))
        .map(|w| w.len())?;
    let word = r[..word_len].to_string();
    Some((y, rest.len() - word_len, word))
}

/// Particles that end a word of a label, longest first.
const PARTICLES: &[&str] = &[
    "について",
    "における",
    "に対する",
    "に対し",
    "として",
    "などの",
    "など",
    "から",
    "より",
    "まで",
    "への",
    "での",
    "との",
    "は",
    "が",
    "の",
    "を",
    "も",
    "に",
    "で",
    "と",
    "へ",
    "や",
];

/// The subject among the words left: the word marked by は/が, else the
/// last one. Words end at particles, marks and spaces; hiragana inside a
/// word (`待ち時間`, `取り組み`) stay in it.
fn subject_of(text: &str) -> (String, bool) {
    // Words are runs of `text` (a joiner extends the run it follows).
    let mut words: Vec<(&str, &str)> = Vec::new();
    let mut cur: Option<usize> = None;
    let mut pos = 0;
    while let Some(c) = text[pos..].chars().next() {
        let rest = &text[pos..];
        let hiragana = is_hiragana(c);
        // `スマホ決済による納付`: one noun phrase. (Joiners and particles all
        // start with a hiragana: other characters are not looked up.)
        if hiragana
            && cur.is_some()
            && let Some(j) = ["による", "に関する", "に係る", "における"]
                .iter()
                .find(|j| rest.starts_with(*j))
        {
            pos += j.len();
            continue;
        }
        if hiragana && let Some(p) = PARTICLES.iter().find(|p| rest.starts_with(*p)) {
            words.push((cur.take().map_or("", |s| &text[s..pos]), p));
            pos += p.len();
            continue;
        }
        if hiragana || is_content(c) {
            cur.get_or_insert(pos);
        } else if let Some(s) = cur.take() {
            words.push((&text[s..pos], ""));
        }
        pos += c.len_utf8();
    }
    if let Some(s) = cur {
        words.push((&text[s..], ""));
    }
    let words: Vec<(&str, &str)> = words
        .into_iter()
        .map(|(w, p)| (w.trim_matches(['・', '-', '_']), p))
        // A word is more than a verb's ending (`し`, `した`, `となり`).
        .filter(|(w, _)| w.chars().any(is_content) && !w.chars().all(|c| c.is_ascii_digit()))
        // A direction word belongs to the figure before (`44件増の138件`).
        .filter(|(w, _)| {
            !DIRECTIONS.iter().any(|(d, _)| {
                w.strip_prefix(d)
                    .is_some_and(|rest| rest.chars().all(is_hiragana))
            })
        })
        .collect();
    if let Some((w, _)) = words.iter().rev().find(|(_, p)| matches!(*p, "は" | "が")) {
        return (w.to_string(), false);
    }
    match words.last() {
        // `実績：`, `加入率 `, `前年度の`: a label of the figure.
        // `見込む中で`, `前年度に続き`: a clause before the figure, not its label.
        Some((w, p)) => {
            let inflected = w.chars().last().is_some_and(is_hiragana);
            (w.to_string(), !matches!(*p, "" | "の") || inflected)
        }
        None => (String::new(), false),
    }
}

/// Whether two subjects name one quantity: equal, or one ends or starts
/// with the other and the shorter has at least `min` characters.
pub fn same_subject(a: &str, b: &str, min: usize) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a == b {
        return true;
    }
    let (s, l) = if a.chars().count() <= b.chars().count() {
        (a, b)
    } else {
        (b, a)
    };
    s.chars().count() >= min && (l.ends_with(s) || l.starts_with(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn l(lead: &str) -> Label {
        read_label(lead, "", "")
    }

    #[test]
    fn subjects() {
        assert_eq!(l("加入率は前年度の").subject, "加入率");
        assert_eq!(l("・加入率　").subject, "加入率");
        assert_eq!(l("1団体当たりの修繕補助額は平均").subject, "修繕補助額");
        assert_eq!(l("案内チラシをきっかけとした新規加入は").subject, "加入");
        assert_eq!(l("制度の周知により登録者が").subject, "登録者");
        assert_eq!(l("令和6年度の実績は").subject, "実績");
        assert_eq!(l("運用実績：").subject, "運用実績");
        assert_eq!(l("・削減時間 年間").subject, "削減時間");
        assert_eq!(l("利用者数　月間").subject, "利用者数");
        assert_eq!(l("年間利用者数").subject, "年間利用者数");
    }

    #[test]
    fn nouns_after_a_figure() {
        for (after, want) in [
            ("程度の工数削減がなされた", Some("工数削減")),
            ("の工数が削減されたことから", Some("工数")),
            ("のシナリオが作成された", Some("シナリオ")),
            ("ほどの待ち時間", None), // 待ち時間 starts in kanji, then hiragana: 待
            ("の削減を達成", None),   // a direction word: the figure's own change
            ("の増加となった", None),
            ("を取崩した", None),
            ("、前年度より", None),
            ("分の相談件数", None),
            ("前後の参加者があった", Some("参加者")),
        ] {
            assert_eq!(noun_after(after).as_deref(), want, "{after}");
        }
    }

    #[test]
    fn qualifiers_and_years() {
        let x = l("交付団体数　計");
        assert_eq!(x.subject, "交付団体数");
        assert!(x.quals.has(Quals::TOTAL));
        assert!(l("（うち集会施設修繕補助").quals.has(Quals::SUBSET));
        let x = l("令和6年度末現在高 ");
        assert_eq!(x.year, YearRef::Explicit(FiscalYear(2024)));
        assert!(x.quals.has(Quals::AS_OF));
        assert_eq!(x.subject, "現在高");
        let x = l("相談件数も対令和5年度比で");
        assert_eq!(x.base, Some(YearRef::Explicit(FiscalYear(2023))));
        assert!(x.quals.has(Quals::CHANGE));
        assert_eq!(x.subject, "相談件数");
        for (lead, change) in [
            ("前年度から", true),
            ("前年度より利用者が", true),
            ("昨年度から利用しているシナリオを含め", false),
            ("前年度から引き続き", false),
            ("登録者数は前年度より", true),
        ] {
            assert_eq!(l(lead).quals.has(Quals::CHANGE), change, "{lead}");
        }
        let x = l("加入率は前年度の");
        assert_eq!(x.year, YearRef::Previous);
        assert_eq!(x.base, None);
        let x = l("交付総額は前年度に比べ");
        assert_eq!(x.base, Some(YearRef::Previous));
        assert_eq!(x.subject, "交付");
        assert!(l("【令和5・6年度合計】").quals.has(Quals::YEARS));
        assert!(read_label("利用者数", "", "延べ").quals.has(Quals::GROSS));
        assert!(!l("会計").quals.has(Quals::TOTAL));
        // 予定 of an earlier line is not the figure's; 予定 in its own label is.
        for lead in [
            "3月31日まで運用予定 運用実績：",
            "実施予定。 参加者",
            "開催を予定　来場者数は",
        ] {
            assert!(!l(lead).quals.has(Quals::PLANNED), "{lead}");
        }
        for lead in [
            "参加予定者数：",
            "令和7年度 実施予定件数",
            "予定 ",
            "見込み額は",
        ] {
            assert!(l(lead).quals.has(Quals::PLANNED), "{lead}");
        }
        let x = read_label("", "3月31日まで運用予定 運用実績", "");
        assert!(!x.quals.has(Quals::PLANNED));
    }

    #[test]
    fn directions() {
        assert_eq!(direction_after("の増）").map(|d| d.0), Some(Direction::Up));
        assert_eq!(
            direction_after("減少した").map(|d| d.0),
            Some(Direction::Down)
        );
        assert_eq!(direction_after("短縮").map(|d| d.0), Some(Direction::Down));
        assert_eq!(direction_after("を超えた"), None);
        assert_eq!(
            direction_after("改善").map(|d| d.0),
            Some(Direction::Better)
        );
    }

    #[test]
    fn subjects_meet_by_containment() {
        assert!(same_subject("申請件数", "オンライン申請件数", 2));
        assert!(same_subject("利用者", "利用者数", 2));
        assert!(!same_subject("加入世帯数", "住民基本台帳世帯数", 2));
        assert!(!same_subject("数", "世帯数", 2));
    }
}
