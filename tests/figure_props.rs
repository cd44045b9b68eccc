//! Property tests for the figure scanner: it never panics on any text, its
//! tokens tile the text, every figure it finds reads back alone, and it
//! reads back every figure written in the forms the documents use.

use hyoka::facts::quantity::amount::Amount;
use hyoka::facts::quantity::scan::{Tok, fold, tokens};
use hyoka::facts::quantity::unit::Dim;
use hyoka::model::date::find_dates;
use hyoka::model::figure::group_digits;
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

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    /// Tokens follow each other without gaps or overlaps, and a figure cut
    /// out of its text is the same figure (no context changes its value).
    #[test]
    fn tokens_tile_the_text_and_figures_read_back(a in panel_like(), b in figure_chars()) {
        for text in [a.as_str(), b.as_str(), &format!("{a}{b}")] {
            let t = fold(text);
            let toks = tokens(&t);
            let mut at = 0;
            for k in &toks {
                prop_assert_eq!(k.span.start, at, "{:?}", text);
                prop_assert!(k.span.end > k.span.start);
                at = k.span.end;
                if let Tok::Figure(f) = &k.tok {
                    let alone = Amount::parse(&t[k.span.clone()]);
                    prop_assert!(alone.is_some(), "{:?} in {:?}", &t[k.span.clone()], text);
                    prop_assert_eq!(alone.unwrap().value, f.value, "{:?}", text);
                }
            }
            prop_assert_eq!(at, t.len());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn never_panics_on_any_text(s in any::<String>()) {
        let _ = Amount::parse(&s);
        let _ = tokens(&fold(&s));
        let _ = find_dates(&s);
    }

    #[test]
    fn never_panics_on_figure_like_text(s in figure_chars()) {
        let _ = Amount::parse(&s);
        let t = fold(&s);
        for k in tokens(&t) {
            prop_assert!(k.span.start < k.span.end && k.span.end <= t.len());
        }
        let _ = find_dates(&s);
    }

    #[test]
    fn grouped_amounts_read_back(n in 0u64..10_000_000_000, u in 0..UNITS.len(), full in any::<bool>(), minus in any::<bool>()) {
        let (unit, scale) = UNITS[u];
        let mut text = format!("{}{}", group_digits(n as f64, 0), unit);
        if minus { text.insert(0, '▲'); }
        if full { text = to_fullwidth(&text); }
        let f = Amount::parse(&text).unwrap();
        let expected = n as f64 * scale * if minus { -1.0 } else { 1.0 };
        prop_assert_eq!(f.value, expected);
        prop_assert_eq!(&*f.unit, unit);
    }

    #[test]
    fn percentages_keep_their_precision(n in 0u32..100_000, decimals in 0usize..3) {
        let v = n as f64 / 10f64.powi(decimals as i32);
        let text = format!("{:.*}%以下", decimals, v);
        let f = Amount::parse(&text).unwrap();
        prop_assert_eq!(f.dim, Dim::Percent);
        prop_assert!((f.value - v).abs() < 1e-9);
        prop_assert!((f.step - 10f64.powi(-(decimals as i32))).abs() < 1e-12);
    }

    #[test]
    fn kanji_multipliers(oku in 0u64..1000, man in 0u64..10_000, rest in 0u64..10_000) {
        prop_assume!(oku > 0);
        let text = format!("{}億{}万{}円", oku, man, rest);
        let f = Amount::parse(&text).unwrap();
        prop_assert_eq!(f.value, (oku * 100_000_000 + man * 10_000 + rest) as f64);
    }

    #[test]
    fn agreement_is_symmetric(a in 0u64..1_000_000_000, k in 0u64..1000) {
        let yen = Amount::parse(&format!("{}円", group_digits((a * 1000 + k) as f64, 0))).unwrap();
        let sen = Amount::parse(&format!("{}千円", group_digits(a as f64, 0))).unwrap();
        prop_assert_eq!(yen.agrees(&sen), sen.agrees(&yen));
        // Truncated to 千円, an amount always agrees with its 円 printing.
        prop_assert!(sen.agrees(&yen));
    }
}
