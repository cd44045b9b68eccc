//! Property tests for the figure parser: it never panics on any text, and it
//! reads back every figure written in the forms the documents use.

use hyoka::facts::figures::{At, TextFigure, extract, figure_at, fold};
use hyoka::model::date::find_dates;
use hyoka::model::figure::{Unit, group_digits, parse_figure};
use proptest::prelude::*;

/// Characters the documents' figures are made of, plus noise.
fn figure_chars() -> impl Strategy<Value = String> {
    let alphabet: Vec<char> = "0123456789０１２３４５６７８９,，.．▲△-+約万億兆千百円%％ポイント人件回時間分年月日度令和以上下未満超（）()：: 　・、。/合計増減の比前対"
        .chars()
        .collect();
    prop::collection::vec(prop::sample::select(alphabet), 0..40)
        .prop_map(|v| v.into_iter().collect())
}

const UNITS: &[(&str, f64)] = &[
    ("円", 1.0),
    ("千円", 1e3),
    ("百万円", 1e6),
    ("人", 1.0),
    ("件", 1.0),
    ("回", 1.0),
    ("団体", 1.0),
];

fn to_fullwidth(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap(),
            ',' => '，',
            '.' => '．',
            other => other,
        })
        .collect()
}

/// The figure scan as first written, a character at a time: the optimised
/// one (it jumps from digit to digit and over dates) must find exactly the
/// same figures. Both ask `figure_at` what starts at a position.
fn extract_reference(text: &str) -> Vec<TextFigure> {
    let t = fold(text);
    let dates: Vec<_> = find_dates(&t).into_iter().map(|(_, r)| r).collect();
    let mut out: Vec<TextFigure> = Vec::new();
    let mut i = 0;
    while i < t.len() {
        let c = t[i..].chars().next().expect("in range");
        let at = if dates.iter().any(|r| r.contains(&i)) {
            At::Nothing
        } else {
            figure_at(&t, i, out.last().map_or(0, |f| f.end))
        };
        match at {
            At::Nothing => i += c.len_utf8(),
            At::Skip(end) => i = end,
            At::Figure(f) => {
                i = f.end;
                out.push(f);
            }
        }
    }
    out
}

/// Texts like the panels': figures with signs and 約, dates, ordinals,
/// ASCII words glued to numbers, and kanji whose first byte is that of 約
/// (E7: 組 績 続) or of ▲ (E2: — → ※).
fn panel_like() -> impl Strategy<Value = String> {
    let pieces: Vec<&str> = vec![
        "運用実績：",
        "18件",
        "（対前年度比",
        "1件減）",
        "約",
        "▲",
        "△",
        "−",
        "-",
        "+",
        "5.6億円",
        "令和6年3月31日",
        "第2期",
        "R6",
        "L2",
        "組",
        "績",
        "続",
        "—",
        "→",
        "※",
        "、",
        "。",
        " ",
        "\n",
        "26市平均",
        "1人当たり",
        "98.9%",
        "2.5ポイント",
        "12施設",
        "973時間16分",
        "１２３",
        "，",
        "．",
        "以上",
        "目標値を",
        "上回",
        "8,447,029円",
        "千円",
    ];
    prop::collection::vec(prop::sample::select(pieces), 0..30).prop_map(|v| v.concat())
}

fn shown(figs: &[TextFigure]) -> Vec<(String, String, usize, usize)> {
    figs.iter()
        .map(|f| (f.label.clone(), f.raw.clone(), f.start, f.end))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn the_fast_scan_finds_what_the_simple_one_finds(a in panel_like(), b in figure_chars()) {
        for text in [a.as_str(), b.as_str(), &format!("{a}{b}")] {
            prop_assert_eq!(shown(&extract(text)), shown(&extract_reference(text)), "{:?}", text);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn never_panics_on_any_text(s in any::<String>()) {
        let _ = parse_figure(&s);
        let _ = extract(&s);
        let _ = find_dates(&s);
    }

    #[test]
    fn never_panics_on_figure_like_text(s in figure_chars()) {
        let _ = parse_figure(&s);
        for f in extract(&s) {
            prop_assert!(f.start <= f.end);
        }
        let _ = find_dates(&s);
    }

    #[test]
    fn grouped_amounts_read_back(n in 0u64..10_000_000_000, u in 0..UNITS.len(), full in any::<bool>(), minus in any::<bool>()) {
        let (unit, scale) = UNITS[u];
        let mut text = format!("{}{}", group_digits(n as f64, 0), unit);
        if minus { text.insert(0, '▲'); }
        if full { text = to_fullwidth(&text); }
        let f = parse_figure(&text).unwrap();
        let expected = n as f64 * scale * if minus { -1.0 } else { 1.0 };
        prop_assert_eq!(f.value, expected);
        prop_assert_eq!(f.printed_unit.as_str(), unit);
    }

    #[test]
    fn percentages_keep_their_precision(n in 0u32..100_000, decimals in 0usize..3) {
        let v = n as f64 / 10f64.powi(decimals as i32);
        let text = format!("{:.*}%以下", decimals, v);
        let f = parse_figure(&text).unwrap();
        prop_assert_eq!(f.unit, Unit::Percent);
        prop_assert!((f.value - v).abs() < 1e-9);
        prop_assert!((f.step - 10f64.powi(-(decimals as i32))).abs() < 1e-12);
    }

    #[test]
    fn kanji_multipliers(oku in 0u64..1000, man in 0u64..10_000, rest in 0u64..10_000) {
        prop_assume!(oku > 0);
        let text = format!("{}億{}万{}円", oku, man, rest);
        let f = parse_figure(&text).unwrap();
        prop_assert_eq!(f.value, (oku * 100_000_000 + man * 10_000 + rest) as f64);
    }

    #[test]
    fn agreement_is_symmetric(a in 0u64..1_000_000_000, k in 0u64..1000) {
        let yen = parse_figure(&format!("{}円", group_digits((a * 1000 + k) as f64, 0))).unwrap();
        let sen = parse_figure(&format!("{}千円", group_digits(a as f64, 0))).unwrap();
        prop_assert_eq!(yen.agrees(&sen), sen.agrees(&yen));
        // Truncated to 千円, an amount always agrees with its 円 printing.
        prop_assert!(sen.agrees(&yen));
    }
}
