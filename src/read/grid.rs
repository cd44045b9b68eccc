//! A sheet's cells with absolute positions, whatever format the file was.
//! Every accessor works in absolute (sheet) coordinates so locations printed
//! to people are the cells they see in Excel.
//!
//! Only cells holding something are stored, row after row: a 評価シート is a
//! few hundred cells in a wide, mostly empty area, and the parser walks rows
//! and their cells, which a row index makes direct.

use std::sync::Arc;

use crate::model::cell::CellValue;
use crate::model::location::{CellRef, Located, Location};

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Grid {
    /// Not sent between processes: the supervisor knows the file
    /// (`read::wire`).
    #[serde(skip, default = "no_name")]
    pub file: Arc<str>,
    pub sheet: Arc<str>,
    /// The stored cells in row-major order, each with its column.
    cells: Vec<(u32, CellValue)>,
    /// Where each row's cells start in `cells`, for the rows from
    /// `first_row`; one entry more than there are rows.
    starts: Vec<u32>,
    first_row: u32,
    first_col: u32,
    end_col: u32,
}

static EMPTY: CellValue = CellValue::Empty;

fn no_name() -> Arc<str> {
    "".into()
}

impl Grid {
    /// A grid of the given cells (row, column, value), in any order; empty
    /// values (white space only included) are dropped, and a position given
    /// twice keeps the last value.
    pub fn from_cells(
        file: Arc<str>,
        sheet: Arc<str>,
        mut cells: Vec<(u32, u32, CellValue)>,
    ) -> Grid {
        cells.retain(|c| !c.2.is_empty());
        // Readers deliver cells in order; only an odd file needs sorting.
        if !cells.is_sorted_by(|a, b| (a.0, a.1) < (b.0, b.1)) {
            // Stable, so of two values at one position the later stays last.
            cells.sort_by_key(|c| (c.0, c.1));
            let mut deduped: Vec<(u32, u32, CellValue)> = Vec::with_capacity(cells.len());
            for c in cells {
                match deduped.last_mut() {
                    Some(last) if (last.0, last.1) == (c.0, c.1) => *last = c,
                    _ => deduped.push(c),
                }
            }
            cells = deduped;
        }
        let Some(first) = cells.first() else {
            return Grid {
                file,
                sheet,
                cells: Vec::new(),
                starts: vec![0],
                first_row: 0,
                first_col: 0,
                end_col: 0,
            };
        };
        let first_row = first.0;
        let last_row = cells.last().map_or(first_row, |c| c.0);
        let first_col = cells.iter().map(|c| c.1).min().unwrap_or(0);
        let end_col = cells.iter().map(|c| c.1).max().unwrap_or(0) + 1;
        let mut starts = Vec::with_capacity((last_row - first_row + 2) as usize);
        let mut stored = Vec::with_capacity(cells.len());
        for (row, col, v) in cells {
            while starts.len() <= (row - first_row) as usize {
                starts.push(stored.len() as u32);
            }
            stored.push((col, v));
        }
        starts.push(stored.len() as u32);
        Grid {
            file,
            sheet,
            cells: stored,
            starts,
            first_row,
            first_col,
            end_col,
        }
    }

    /// A grid from rows starting at A1 (tests, CSV).
    pub fn from_rows(file: &str, sheet: &str, rows: Vec<Vec<CellValue>>) -> Grid {
        let cells = rows
            .into_iter()
            .enumerate()
            .flat_map(|(r, row)| {
                row.into_iter()
                    .enumerate()
                    .map(move |(c, v)| (r as u32, c as u32, v))
            })
            .collect();
        Grid::from_cells(file.into(), sheet.into(), cells)
    }

    /// Absolute index of the first row (0-based).
    pub fn first_row(&self) -> u32 {
        self.first_row
    }

    /// One past the last row.
    pub fn end_row(&self) -> u32 {
        self.first_row + (self.starts.len() - 1) as u32
    }

    pub fn first_col(&self) -> u32 {
        self.first_col
    }

    pub fn end_col(&self) -> u32 {
        self.end_col
    }

    /// The stored cells of a row.
    fn row(&self, row: u32) -> &[(u32, CellValue)] {
        let Some(r) = row.checked_sub(self.first_row) else {
            return &[];
        };
        match (self.starts.get(r as usize), self.starts.get(r as usize + 1)) {
            (Some(&a), Some(&b)) => &self.cells[a as usize..b as usize],
            _ => &[],
        }
    }

    /// Where a stored cell is in `cells`.
    fn index(&self, row: u32, col: u32) -> Option<usize> {
        let r = row.checked_sub(self.first_row)? as usize;
        let (a, b) = (
            *self.starts.get(r)? as usize,
            *self.starts.get(r + 1)? as usize,
        );
        self.cells[a..b]
            .iter()
            .position(|(c, _)| *c == col)
            .map(|k| a + k)
    }

    pub fn get(&self, row: u32, col: u32) -> &CellValue {
        self.index(row, col).map_or(&EMPTY, |i| &self.cells[i].1)
    }

    /// Replaces a cell within the sheet's extent (tests inject mistakes into
    /// real sheets this way). Returns false when the cell lies outside it.
    pub fn set(&mut self, row: u32, col: u32, v: CellValue) -> bool {
        // Stored cells are empty only once taken (see `row_cells`).
        let v = if v.is_empty() { CellValue::Empty } else { v };
        if !(self.first_row()..self.end_row()).contains(&row)
            || !(self.first_col..self.end_col).contains(&col)
        {
            return false;
        }
        if let Some(i) = self.index(row, col) {
            self.cells[i].1 = v;
            return true;
        }
        let r = (row - self.first_row) as usize;
        let (a, b) = (self.starts[r] as usize, self.starts[r + 1] as usize);
        let at = a + self.cells[a..b]
            .iter()
            .take_while(|(c, _)| *c < col)
            .count();
        self.cells.insert(at, (col, v));
        for s in &mut self.starts[r + 1..] {
            *s += 1;
        }
        true
    }

    /// Takes a cell's value out, leaving it empty (the parser moves the
    /// long panel texts instead of copying them).
    pub fn take(&mut self, row: u32, col: u32) -> CellValue {
        match self.index(row, col) {
            Some(i) => std::mem::take(&mut self.cells[i].1),
            None => CellValue::Empty,
        }
    }

    /// Every stored cell with its absolute position, row by row.
    pub fn cells(&self) -> impl Iterator<Item = (u32, u32, &CellValue)> {
        (self.first_row()..self.end_row())
            .flat_map(move |r| self.row(r).iter().map(move |(c, v)| (r, *c, v)))
    }

    pub fn loc(&self, row: u32, col: u32) -> Location {
        Location::cell(
            self.file.clone(),
            self.sheet.clone(),
            CellRef::new(row, col),
        )
    }

    pub fn located_text(&self, row: u32, col: u32) -> Located<String> {
        Located {
            value: self.get(row, col).text(),
            at: self.loc(row, col),
        }
    }

    /// The non-empty cells of a row from `from_col` on, left to right. A
    /// stored cell is empty only when taken: white space is dropped on entry.
    pub fn row_cells(&self, row: u32, from_col: u32) -> impl Iterator<Item = (u32, &CellValue)> {
        self.row(row)
            .iter()
            .filter(move |(c, v)| *c >= from_col && !matches!(v, CellValue::Empty))
            .map(|(c, v)| (*c, v))
    }

    pub fn row_is_empty(&self, row: u32) -> bool {
        self.row_cells(row, 0).next().is_none()
    }

    pub fn is_empty(&self) -> bool {
        self.cells
            .iter()
            .all(|(_, v)| matches!(v, CellValue::Empty))
    }

    /// Cells holding a formula error, with their location.
    pub fn error_cells(&self) -> Vec<Located<String>> {
        self.cells()
            .filter_map(|(row, col, v)| match v {
                CellValue::Error(e) => Some(Located {
                    value: e.clone(),
                    at: self.loc(row, col),
                }),
                _ => None,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absolute_positions() {
        let g = Grid::from_cells(
            "f".into(),
            "s".into(),
            vec![
                (2, 1, CellValue::Text("x".into())),
                (2, 2, CellValue::Empty),
                (3, 1, CellValue::Empty),
                (3, 2, CellValue::Number(1.0)),
            ],
        );
        assert_eq!(g.get(2, 1), &CellValue::Text("x".into()));
        assert_eq!(g.get(3, 2), &CellValue::Number(1.0));
        assert_eq!(g.get(0, 0), &CellValue::Empty);
        assert_eq!(g.get(9, 9), &CellValue::Empty);
        assert_eq!(g.loc(3, 2).cell.unwrap().to_string(), "C4");
        assert_eq!(g.row_cells(3, 0).count(), 1);
        assert_eq!((g.first_row(), g.end_row()), (2, 4));
        assert_eq!((g.first_col(), g.end_col()), (1, 3));
    }

    #[test]
    fn cells_in_any_order_rows_with_gaps_and_edits() {
        let t = |s: &str| CellValue::Text(s.into());
        let mut g = Grid::from_cells(
            "f".into(),
            "s".into(),
            vec![
                (5, 3, t("late")),
                (1, 1, t("a")),
                (1, 4, t("b")),
                (5, 3, t("later")),
                (3, 2, CellValue::Empty),
                (3, 4, t(" \u{3000}\n")),
            ],
        );
        assert_eq!((g.first_row(), g.end_row()), (1, 6));
        assert_eq!((g.first_col(), g.end_col()), (1, 5));
        assert_eq!(
            g.get(5, 3),
            &t("later"),
            "the last value of a position wins"
        );
        assert!(g.row_is_empty(3), "white space only is not content");
        assert_eq!(g.get(3, 4), &CellValue::Empty);
        assert_eq!(
            g.row_cells(1, 2).map(|(c, _)| c).collect::<Vec<_>>(),
            vec![4]
        );
        // An empty cell inside the extent can be set; one outside cannot.
        assert!(g.set(1, 2, t("mid")));
        assert_eq!(
            g.row_cells(1, 0).map(|(c, _)| c).collect::<Vec<_>>(),
            vec![1, 2, 4]
        );
        assert_eq!(g.get(5, 3), &t("later"), "later rows keep their cells");
        assert!(!g.set(9, 1, t("x")));
        assert_eq!(g.take(1, 4), t("b"));
        assert_eq!(g.get(1, 4), &CellValue::Empty);
        assert_eq!(g.cells().count(), 4);
    }
}
