//! Property tests for the figure parser: it never panics on any text, and it
//! reads back every figure written in the forms the documents use.

use hyoka::derive::figures::extract;
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
