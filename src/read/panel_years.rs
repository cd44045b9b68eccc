//! Panel headers whose year contradicts their 具体的な取組. A header copied
//! from last year's sheet (`令和5年度の取組` over the 令和6年度 text) leaves
//! two panels of one kind and year and none of the year it is about; read
//! by its header, the text's figures would be compared with the wrong year.
//! Such a panel is read as the missing year when its text or the header
//! beside it says so, and keeps the year written for rule S007.

use crate::model::form::PanelKind;
use crate::model::sheet::{Measure, Panel};
use crate::model::text::fold_width;
use crate::model::year::FiscalYear;

/// Re-reads, in place, the one panel of a duplicated kind and year that
/// the evidence places in the measure's missing year.
pub fn settle(measure: &mut Measure) {
    for kind in [PanelKind::Work, PanelKind::Result] {
        settle_kind(measure, kind);
    }
}

fn settle_kind(m: &mut Measure, kind: PanelKind) {
    let of_kind: Vec<usize> = (0..m.panels.len())
        .filter(|&i| m.panels[i].kind == kind)
        .collect();
    let year = |i: usize| m.panels[i].year;
    let Some(dup) = of_kind
        .iter()
        .find(|&&i| of_kind.iter().any(|&j| j != i && year(j) == year(i)))
        .and_then(|&i| year(i))
    else {
        return;
    };
    let missing: Vec<FiscalYear> = expected_years(m)
        .filter(|y| !of_kind.iter().any(|&i| year(i) == Some(*y)))
        .collect();
    let [want] = missing[..] else { return };
    let scores: Vec<(usize, i32)> = of_kind
        .iter()
        .filter(|&&i| year(i) == Some(dup))
        .map(|&i| (i, evidence(m, i, want, dup)))
        .collect();
    let best = scores.iter().map(|s| s.1).max().unwrap_or(0);
    let winners: Vec<usize> = scores.iter().filter(|s| s.1 == best).map(|s| s.0).collect();
    if let ([i], true) = (winners.as_slice(), best > 0) {
        let p = &mut m.panels[*i];
        p.written_year = p.year;
        p.year = Some(want);
    }
}

/// The years a measure's panels should cover: every year any of its
/// panels names, and the years between.
fn expected_years(m: &Measure) -> impl Iterator<Item = FiscalYear> {
    let years = || m.panels.iter().filter_map(|p| p.year).map(|y| y.0);
    let (lo, hi) = (years().min().unwrap_or(1), years().max().unwrap_or(0));
    (lo..=hi).map(FiscalYear)
}

/// How strongly panel `i` is about `want` rather than `written`: the years
/// its text names, and the header beside it on the same row.
fn evidence(m: &Measure, i: usize, want: FiscalYear, written: FiscalYear) -> i32 {
    let p = &m.panels[i];
    let text: String = p.text.value.text().chars().map(fold_width).collect();
    let mentions = |y: FiscalYear| text.matches(&era_year(y)).count() as i32;
    let row = |p: &Panel| p.header.at.cell.map(|c| c.row);
    let partner = m
        .panels
        .iter()
        .any(|q| !std::ptr::eq(q, p) && row(q) == row(p) && q.year == Some(want));
    mentions(want) - mentions(written) + i32::from(partner)
}

/// `令和6年` for 令和6年度 (also matching `令和6年度`), `令和元年` for 2019.
fn era_year(y: FiscalYear) -> String {
    let label = y.label();
    label.strip_suffix('度').unwrap_or(&label).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::cell::CellValue;
    use crate::model::location::{CellRef, Located, Location};

    fn panel(row: u32, col: u32, year: u16, kind: PanelKind, text: &str) -> Panel {
        let at = |r, c| Location::cell("f".into(), "s".into(), CellRef::new(r, c));
        Panel {
            header: Located {
                value: String::new(),
                at: at(row, col),
            },
            year: Some(FiscalYear(year)),
            written_year: None,
            kind,
            text: Located {
                value: CellValue::Text(text.into()),
                at: at(row + 1, col),
            },
        }
    }

    fn measure(panels: Vec<Panel>) -> Measure {
        Measure {
            name: Located {
                value: String::new(),
                at: Location::cell("f".into(), "s".into(), CellRef::new(0, 0)),
            },
            panels,
        }
    }

    fn years(m: &Measure) -> Vec<(u16, Option<u16>)> {
        m.panels
            .iter()
            .map(|p| (p.year.unwrap().0, p.written_year.map(|y| y.0)))
            .collect()
    }

    use PanelKind::{Result as R, Work as W};

    #[test]
    fn last_years_header_over_this_years_text_is_read_as_this_year() {
        // B10 `令和5年度の取組` beside `令和6年度の成果・効果`, over a 令和6 text.
        let mut m = measure(vec![
            panel(9, 1, 2023, W, "令和6年度末現在高 9,201,902,641円"),
            panel(9, 3, 2024, R, "積立てた"),
            panel(11, 1, 2022, W, "令和4年度末現在高"),
            panel(11, 3, 2023, W, "令和5年度末現在高"),
        ]);
        settle(&mut m);
        assert_eq!(
            years(&m),
            [(2024, Some(2023)), (2024, None), (2022, None), (2023, None)]
        );
    }

    #[test]
    fn the_header_beside_it_decides_when_the_text_names_no_year() {
        let mut m = measure(vec![
            panel(9, 1, 2022, W, "研修を実施した"),
            panel(9, 3, 2022, R, "受講者が増えた"),
            panel(11, 1, 2022, W, "研修を2回実施した"),
            panel(11, 3, 2023, R, "受講者が更に増えた"),
        ]);
        settle(&mut m);
        assert_eq!(
            years(&m),
            [(2022, None), (2022, None), (2023, Some(2022)), (2023, None)]
        );
    }

    #[test]
    fn nothing_is_guessed_without_evidence() {
        // Two 令和6 取組 panels, no year missing: a duplicate, left as read.
        let mut m = measure(vec![panel(9, 1, 2024, W, "a"), panel(11, 1, 2024, W, "b")]);
        settle(&mut m);
        assert_eq!(years(&m), [(2024, None), (2024, None)]);
        // A year missing, but neither text nor partner points at one panel.
        let mut m = measure(vec![
            panel(9, 1, 2022, W, "a"),
            panel(11, 1, 2022, W, "b"),
            panel(13, 1, 2024, W, "c"),
        ]);
        settle(&mut m);
        assert_eq!(years(&m), [(2022, None), (2022, None), (2024, None)]);
    }

    #[test]
    fn correct_measures_are_untouched() {
        for ps in [
            vec![
                panel(9, 1, 2024, W, "令和5年度比で増加"),
                panel(9, 3, 2024, R, ""),
            ],
            vec![
                panel(9, 1, 2022, W, "令和6年度に開始予定"),
                panel(9, 3, 2023, W, ""),
                panel(11, 1, 2024, W, ""),
                panel(11, 3, 2024, R, ""),
            ],
        ] {
            let mut m = measure(ps);
            let before = years(&m);
            settle(&mut m);
            assert_eq!(years(&m), before);
        }
    }
}
