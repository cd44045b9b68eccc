//! What a printed figure measures: its dimension (money, percent, points,
//! durations, lengths, areas, ratios, counts of anything) and the scale its
//! unit word gives. The word after a number is its counter, whatever it is
//! (`拠点`, `橋`, `手続`, `t-CO2`): counts are compared by counter, not
//! looked up in a list.

use std::fmt;

/// What a quantity measures. Values are held in the dimension's base unit:
/// yen, percent, points, minutes, metres, square metres, a factor (倍), or
/// the count itself.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Dim {
    Money,
    Percent,
    /// Percentage points (ポイント, pt).
    Points,
    Minutes,
    Metres,
    SquareMetres,
    /// A factor (`1.5倍`).
    Times,
    /// A count of something, by its counter word (normalised: `名` is `人`).
    Count(Box<str>),
    /// A number printed without a unit.
    Bare,
}

impl Dim {
    /// Whether two quantities can be added or compared: same dimension and,
    /// for counts, the same counter.
    pub fn same(&self, other: &Dim) -> bool {
        self == other
    }

    /// Whether sums of this dimension mean something (a percentage of parts
    /// only adds up when the text says so).
    pub fn additive(&self) -> bool {
        !matches!(self, Dim::Percent | Dim::Points | Dim::Times)
    }

    pub fn is_count(&self) -> bool {
        matches!(self, Dim::Count(_))
    }

    /// Exact quantities (counts, yen) have no rounding when printed whole.
    pub fn exact_when_whole(&self) -> bool {
        matches!(self, Dim::Count(_) | Dim::Money | Dim::Bare | Dim::Minutes)
    }
}

impl fmt::Display for Dim {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Dim::Money => f.write_str("円"),
            Dim::Percent => f.write_str("%"),
            Dim::Points => f.write_str("ポイント"),
            Dim::Minutes => f.write_str("分"),
            Dim::Metres => f.write_str("m"),
            Dim::SquareMetres => f.write_str("㎡"),
            Dim::Times => f.write_str("倍"),
            Dim::Count(c) => f.write_str(c),
            Dim::Bare => Ok(()),
        }
    }
}

/// A unit word found after a number.
#[derive(Clone, Debug, PartialEq)]
pub struct UnitWord {
    pub dim: Dim,
    /// Base units per printed unit (千円: 1000; km: 1000; 時間: 60).
    pub scale: f64,
    /// Bytes of the text it used.
    pub len: usize,
    /// The word as printed.
    pub printed: String,
}

/// A unit word, the dimension it measures and base units per printed unit.
type UnitEntry = (&'static str, fn() -> Dim, f64);

/// Fixed unit words, longest first within a starting character.
const WORDS: &[UnitEntry] = &[
    ("兆円", || Dim::Money, 1e12),
    ("億円", || Dim::Money, 1e8),
    ("千万円", || Dim::Money, 1e7),
    ("百万円", || Dim::Money, 1e6),
    ("万円", || Dim::Money, 1e4),
    ("千円", || Dim::Money, 1e3),
    ("円", || Dim::Money, 1.0),
    ("%ポイント", || Dim::Points, 1.0),
    ("ポイント", || Dim::Points, 1.0),
    ("パーセント", || Dim::Percent, 1.0),
    ("%", || Dim::Percent, 1.0),
    ("割", || Dim::Percent, 10.0),
    ("倍", || Dim::Times, 1.0),
    ("時間", || Dim::Minutes, 60.0),
    ("秒", || Dim::Minutes, 1.0 / 60.0),
    ("分", || Dim::Minutes, 1.0),
    ("キロメートル", || Dim::Metres, 1000.0),
    ("メートル", || Dim::Metres, 1.0),
    ("平方メートル", || Dim::SquareMetres, 1.0),
    ("ヘクタール", || Dim::SquareMetres, 1e4),
    ("㎡", || Dim::SquareMetres, 1.0),
    ("㎞", || Dim::Metres, 1000.0),
];

/// ASCII unit words (after the number, not followed by another letter).
const ASCII: &[UnitEntry] = &[
    ("pt", || Dim::Points, 1.0),
    ("km2", || Dim::SquareMetres, 1e6),
    ("km", || Dim::Metres, 1000.0),
    ("cm", || Dim::Metres, 0.01),
    ("mm", || Dim::Metres, 0.001),
    ("m2", || Dim::SquareMetres, 1.0),
    ("m²", || Dim::SquareMetres, 1.0),
    ("ha", || Dim::SquareMetres, 1e4),
    ("m", || Dim::Metres, 1.0),
];

/// Counters often followed by a noun in running text (`12回開設`, `5件実施`,
/// `3施設整備`): a run of characters after a number that starts with one of
/// them is cut after it. Other counters are taken as printed, up to three
/// characters (`拠点`, `路線`, `手続`).
const COMMON: &[&str] = &[
    "か所", "か月", "箇所", "団体", "世帯", "施設", "事業", "品目", "手続", "組織", "講座", "業務",
    "地区", "項目", "拠点", "路線", "人日", "件", "人", "名", "回", "台", "本", "冊", "枚", "社",
    "校", "店", "日", "基", "通", "便", "橋", "棟", "戸", "部", "課", "園", "館", "室", "点", "種",
    "機", "両", "個", "者", "局", "会場",
];

/// Counters that are one thing under several spellings.
fn normalise_counter(c: &str) -> &str {
    match c {
        "名" => "人",
        "箇所" | "カ所" | "ヶ所" | "ケ所" | "ヵ所" | "個所" => "か所",
        "ヶ月" | "カ月" | "ケ月" | "ヵ月" | "箇月" => "か月",
        "日間" => "日",
        "か月間" | "ヶ月間" => "か月",
        "年間" => "年",
        "手続き" => "手続",
        "件数" => "件",
        "人数" => "人",
        _ => c,
    }
}

/// Words that end a counter when they follow it (`245人増`, `12件以上`,
/// `3人程度`): they say something about the figure, they are not its unit.
const AFTER_COUNTER: &[&str] = &[
    "増加", "減少", "以上", "以下", "未満", "程度", "前後", "余り", "増", "減", "超", "強", "弱",
    "分", "台", "目", "当", "平均", "毎", "中", "全", "計", "延", "差", "短縮", "縮減", "削減",
    "縮小", "上昇", "低下", "上回", "下回", "改善", "悪化", "拡大", "達成", "伸び", "不足", "未達",
    "相当", "分の", "多", "少",
    // Verbal nouns the figure is the object of (`25,175,931文字利用され`).
    "利用", "作成", "実施", "参加", "登録", "受診", "発行", "交付", "配布", "導入", "開催", "提供",
    "処理", "生成", "受付", "申請", "設置", "整備", "購入", "回収", "採用", "応募",
];

fn is_counter_char(c: char) -> bool {
    use crate::model::text::{is_kanji, is_katakana};
    is_kanji(c) || is_katakana(c) || c == '々'
}

/// The unit at the start of `rest` (width-folded), if any: a fixed unit
/// word, an ASCII unit, or a counter (a run of up to four kanji or
/// katakana, `か所` / `か月` included).
pub fn unit_at(rest: &str) -> Option<UnitWord> {
    let first = rest.chars().next()?;
    for (w, dim, scale) in WORDS {
        if rest.starts_with(w) {
            return Some(UnitWord {
                dim: dim(),
                scale: *scale,
                len: w.len(),
                printed: w.to_string(),
            });
        }
    }
    if first.is_ascii_alphabetic() {
        let word: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '²'))
            .collect();
        for (w, dim, scale) in ASCII {
            if word == *w {
                return Some(UnitWord {
                    dim: dim(),
                    scale: *scale,
                    len: w.len(),
                    printed: w.to_string(),
                });
            }
        }
        // `t-CO2`, `kWh`: counted in their own word.
        if word.len() <= 8 && word.chars().next().is_some_and(|c| c.is_ascii_lowercase()) {
            let word = word.trim_end_matches('-').to_string();
            return Some(UnitWord {
                dim: Dim::Count(word.clone().into()),
                scale: 1.0,
                len: word.len(),
                printed: word,
            });
        }
        return None;
    }
    // か所 / か月 / か年 / か国: a hiragana か counts as part of the counter.
    let mut len = 0;
    for (chars, (i, c)) in rest.char_indices().enumerate() {
        let part = is_counter_char(c)
            || (c == 'か'
                && i == 0
                && rest['か'.len_utf8()..].starts_with(['所', '月', '年', '国']));
        if !part || chars >= 3 {
            break;
        }
        len = i + c.len_utf8();
    }
    if len == 0 {
        return None;
    }
    let mut word = &rest[..len];
    if let Some(c) = COMMON.iter().find(|c| word.starts_with(*c)) {
        // `か月間`, `日間`: the spelling with 間 is one counter.
        let with_ma = format!("{c}間");
        word = if word.starts_with(&with_ma) {
            &word[..with_ma.len()]
        } else {
            &word[..c.len()]
        };
    }
    // Cut what follows the counter (`人増`, `件以上`): the longest counter
    // that is not followed by one of those words.
    // (Matched against the whole rest: a word may run past the counter.)
    'cut: for (i, _) in word.char_indices().skip(1) {
        for w in AFTER_COUNTER {
            if rest[i..].starts_with(w) {
                word = &word[..i];
                break 'cut;
            }
        }
    }
    if AFTER_COUNTER.iter().any(|w| word.starts_with(w)) {
        return None;
    }
    let norm = normalise_counter(word);
    Some(UnitWord {
        dim: Dim::Count(norm.into()),
        scale: 1.0,
        len: word.len(),
        printed: word.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u(s: &str) -> (Dim, f64, String) {
        let w = unit_at(s).unwrap_or_else(|| panic!("no unit in {s}"));
        (w.dim, w.scale, w.printed)
    }

    fn count(c: &str) -> Dim {
        Dim::Count(c.into())
    }

    #[test]
    fn any_counter_is_a_count() {
        assert_eq!(u("拠点（").0, count("拠点"));
        assert_eq!(u("橋で完了").0, count("橋"));
        assert_eq!(u("施設、").0, count("施設"));
        assert_eq!(u("手続き").0, count("手続"));
        assert_eq!(u("便を運行").0, count("便"));
        assert_eq!(u("か所").0, count("か所"));
        assert_eq!(u("ヶ所").0, count("か所"));
        assert_eq!(u("名").0, count("人"));
        assert_eq!(u("世帯数").0, count("世帯"));
        assert_eq!(u("回開設").0, count("回"));
        assert_eq!(u("か月間").0, count("か月"));
        assert_eq!(u("路線・1日").0, count("路線"));
    }

    #[test]
    fn what_follows_a_counter_is_not_part_of_it() {
        assert_eq!(u("人増の").2, "人");
        assert_eq!(u("件以上").2, "件");
        assert_eq!(u("人程度").2, "人");
        assert_eq!(u("団体平均").2, "団体");
        assert_eq!(u("文字利用され").2, "文字");
        assert_eq!(u("枚発行した").2, "枚");
        assert_eq!(u("校参加").2, "校");
        assert_eq!(u("件受付").2, "件");
        assert_eq!(u("手続申請可能").2, "手続");
        assert!(unit_at("増加した").is_none());
        assert!(unit_at("の").is_none());
    }

    #[test]
    fn fixed_units_and_scales() {
        assert_eq!(u("千円"), (Dim::Money, 1e3, "千円".into()));
        assert_eq!(u("百万円）"), (Dim::Money, 1e6, "百万円".into()));
        assert_eq!(u("%ポイント"), (Dim::Points, 1.0, "%ポイント".into()));
        assert_eq!(u("割減").1, 10.0);
        assert_eq!(u("時間"), (Dim::Minutes, 60.0, "時間".into()));
        assert_eq!(u("km）"), (Dim::Metres, 1000.0, "km".into()));
        assert_eq!(u("m、"), (Dim::Metres, 1.0, "m".into()));
        assert_eq!(u("㎡"), (Dim::SquareMetres, 1.0, "㎡".into()));
        assert_eq!(u("倍に").0, Dim::Times);
        assert_eq!(u("t-CO2/世帯").0, count("t-CO2"));
    }
}
