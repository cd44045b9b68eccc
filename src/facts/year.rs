//! Which fiscal year is being evaluated, when `--year` does not say, and why.
//!
//! Each evaluation sheet votes for the latest year it grades (A, B or C); the
//! year most sheets vote for wins, so one grade typed a column too far right
//! (G004) does not move the whole batch. A tie goes to the year the file
//! names give (`財政課_令和6年度.xlsx`), else to the later year. Without any
//! grade, the file names decide, and failing them the latest year with a
//! `…年度の成果・効果` panel. A sheet whose latest 成果・効果 panel is of a
//! later year than its grades, with that year's grades all empty, is next
//! year's sheet with last year's grades carried over (`hyoka template
//! --from`): it is not graded yet and does not vote. Sheets graded up to
//! another year are kept with the cell of their latest grade, so the report
//! can say which they are.

use serde::Serialize;

use crate::facts::record::FileRecord;
use crate::model::grade::{Grade, GradeReading};
use crate::model::location::Location;
use crate::model::year::{FiscalYear, split_year};

/// The evaluated year and what decided it.
#[derive(Clone, Debug)]
pub struct YearChoice {
    pub year: FiscalYear,
    pub basis: YearBasis,
    /// Sheets whose latest grade is in another year: the cell of that grade
    /// and its year.
    pub outliers: Vec<(Location, FiscalYear)>,
}

/// What decided the year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum YearBasis {
    /// `--year`.
    Given,
    /// `agreeing` of the `sheets` graded sheets are graded up to the year.
    Grades { agreeing: usize, sheets: usize },
    /// No grade; `files` file names name the year.
    FileNames { files: usize },
    /// No grade and no year in the file names: the latest 成果・効果 panel.
    Panels,
    /// No input holds an evaluation sheet: no year is evaluated (the year
    /// kept is the current fiscal year, for the outputs' headers).
    NoSheets,
}

impl YearChoice {
    /// `--year` given: nothing to explain.
    pub fn given(year: FiscalYear) -> YearChoice {
        YearChoice {
            year,
            basis: YearBasis::Given,
            outliers: Vec::new(),
        }
    }

    /// No evaluation sheet in any input.
    pub fn no_sheets() -> YearChoice {
        YearChoice {
            year: current_fiscal_year(),
            basis: YearBasis::NoSheets,
            outliers: Vec::new(),
        }
    }

    /// Why, for people: `9シート中8シートが令和6年度まで評価済み`.
    pub fn reason_ja(&self) -> String {
        match self.basis {
            YearBasis::Given => "--year の指定".into(),
            YearBasis::Grades { agreeing, sheets } if agreeing == sheets => {
                format!("評価シート{sheets}枚すべてが{}まで評価済み", self.year)
            }
            YearBasis::Grades { agreeing, sheets } => {
                format!(
                    "評価シート{sheets}枚中{agreeing}枚が{}まで評価済み",
                    self.year
                )
            }
            YearBasis::FileNames { files } => {
                format!("評価の記入がなく、ファイル名{files}件が{}", self.year)
            }
            YearBasis::Panels => "評価の記入がなく、最新の成果・効果欄の年度".into(),
            YearBasis::NoSheets => "評価シートがありません".into(),
        }
    }

    pub fn reason_en(&self) -> String {
        match self.basis {
            YearBasis::Given => "given with --year".into(),
            YearBasis::Grades { agreeing, sheets } => {
                format!("{agreeing} of {sheets} graded sheets are graded up to it")
            }
            YearBasis::FileNames { files } => {
                format!("no grades; {files} file names name it")
            }
            YearBasis::Panels => "no grades; the latest 成果・効果 panel".into(),
            YearBasis::NoSheets => "no evaluation sheet".into(),
        }
    }
}

pub fn decide_year(files: &[FileRecord]) -> Option<YearChoice> {
    // Each sheet's latest graded year, with the cell of that grade. A sheet
    // written for a later year (its latest 成果・効果 panel) whose grades of
    // that year are all still empty holds only earlier years' grades (carried
    // over into next year's sheet): it is not graded yet and does not vote.
    let latest: Vec<(Location, FiscalYear)> = files
        .iter()
        .flat_map(FileRecord::eval_sheets)
        .filter_map(|s| {
            let top = s
                .grade_rows()
                .flat_map(|row| &row.cells)
                .filter(|c| c.reading.grade().is_some_and(|g| g != Grade::NotEvaluable))
                .max_by_key(|c| c.year)?;
            let written = s.result_year.filter(|y| *y > top.year);
            let ungraded = written.is_some_and(|y| {
                let cells: Vec<_> = s.grade_rows().filter_map(|r| r.cell(y)).collect();
                !cells.is_empty() && cells.iter().all(|c| c.reading == GradeReading::Empty)
            });
            (!ungraded).then(|| (s.loc(top.cell), top.year))
        })
        .collect();
    let named = votes(files.iter().filter_map(|f| year_in_name(&f.path)));
    let graded = votes(latest.iter().map(|(_, y)| *y));
    if let Some(&(top, n)) = graded.first() {
        // Ties: the file names' year if it is one of them, else the later
        // (`votes` puts the later first).
        let tied = |y: &FiscalYear| graded.iter().any(|&(x, k)| x == *y && k == n);
        let year = named.iter().map(|(y, _)| *y).find(tied).unwrap_or(top);
        let outliers: Vec<(Location, FiscalYear)> =
            latest.iter().filter(|(_, y)| *y != year).cloned().collect();
        return Some(YearChoice {
            year,
            basis: YearBasis::Grades {
                agreeing: latest.len() - outliers.len(),
                sheets: latest.len(),
            },
            outliers,
        });
    }
    if let Some(&(year, files)) = named.first() {
        return Some(YearChoice {
            year,
            basis: YearBasis::FileNames { files },
            outliers: Vec::new(),
        });
    }
    let year = files
        .iter()
        .filter_map(FileRecord::kept)
        .filter_map(|k| k.result_year)
        .max()?;
    Some(YearChoice {
        year,
        basis: YearBasis::Panels,
        outliers: Vec::new(),
    })
}

/// The fiscal year of today (April to March), from the system clock.
fn current_fiscal_year() -> FiscalYear {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    fiscal_year_at(secs)
}

/// The fiscal year of a moment (seconds since 1970), in Japan's time.
fn fiscal_year_at(secs: u64) -> FiscalYear {
    // Days to a civil date (H. Hinnant's algorithm), in Japan's time zone.
    let days = ((secs + 9 * 3600) / 86_400) as i64 + 719_468;
    let era = days.div_euclid(146_097);
    let doe = days - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    let fiscal = if month >= 4 { year } else { year - 1 };
    FiscalYear(fiscal.clamp(1900, 2199) as u16)
}

/// Years with how many voted for each, most first, later first on a tie.
fn votes(years: impl Iterator<Item = FiscalYear>) -> Vec<(FiscalYear, usize)> {
    let mut v: Vec<(FiscalYear, usize)> = Vec::new();
    for y in years {
        match v.iter_mut().find(|(x, _)| *x == y) {
            Some((_, n)) => *n += 1,
            None => v.push((y, 1)),
        }
    }
    v.sort_by(|a, b| b.1.cmp(&a.1).then(b.0.cmp(&a.0)));
    v
}

/// The fiscal year a file's name gives: `財政課_令和6年度.xlsx`, `R6_財政課.xlsx`,
/// `2024年度_財政課.ods` (the last folder or file name part naming one).
pub fn year_in_name(path: &str) -> Option<FiscalYear> {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    stem.char_indices()
        .filter(|(i, _)| {
            // A year starts a word: not the `R` of `HR6` or the `2` of `12`.
            !stem[..*i]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_alphanumeric())
        })
        .find_map(|(i, _)| {
            let (y, rest) = split_year(&stem[i..])?;
            // `令和6年度`, `R6` followed by a separator; a bare western year
            // only with 年度.
            let western = stem[i..].starts_with(|c: char| c.is_ascii_digit());
            let ok = if western {
                rest.starts_with("年度")
            } else {
                rest.is_empty() || rest.starts_with(['年', '_', '-', '.'])
            };
            ok.then_some(y)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_in_file_names() {
        for (p, y) in [
            ("samples/財政課_令和6年度.ods", Some(2024)),
            ("R6_財政課.xlsx", Some(2024)),
            ("提出/2024年度_財政課.xlsx", Some(2024)),
            ("財政課 令和６年度 評価シート.xlsx", Some(2024)),
            ("財政課_R6.xlsx", Some(2024)),
            ("財政課.xlsx", None),
            ("HR6_研修.xlsx", None),
            ("2024_財政課.xlsx", None),
            ("第2024号.xlsx", None),
        ] {
            assert_eq!(year_in_name(p), y.map(FiscalYear), "{p}");
        }
    }

    #[test]
    fn fiscal_years_turn_on_the_first_of_april_in_japan() {
        // 2025-03-31 23:59:59 JST, 2025-04-01 00:00:00 JST (= 03-31 15:00 UTC).
        assert_eq!(fiscal_year_at(1_743_433_199), FiscalYear(2024));
        assert_eq!(fiscal_year_at(1_743_433_200), FiscalYear(2025));
        // 2024-02-29 (a leap day), 2026-12-03.
        assert_eq!(fiscal_year_at(1_709_164_800), FiscalYear(2023));
        assert_eq!(fiscal_year_at(1_796_256_000), FiscalYear(2026));
    }

    #[test]
    fn votes_most_first_then_later() {
        let v = votes([2024, 2025, 2024, 2023].map(FiscalYear).into_iter());
        assert_eq!(v[0], (FiscalYear(2024), 2));
        assert_eq!(v[1], (FiscalYear(2025), 1));
    }
}
