//! A sheet's cells as a dense grid with absolute positions, whatever format the
//! file was. Every accessor works in absolute (sheet) coordinates so locations
//! printed to people are the cells they see in Excel.

use std::sync::Arc;

use crate::model::cell::CellValue;
use crate::model::location::{CellRef, Located, Location};

#[derive(Clone, Debug)]
pub struct Grid {
    pub file: Arc<str>,
    pub sheet: Arc<str>,
    /// Absolute position of the first stored cell.
    origin: (u32, u32),
    width: usize,
    height: usize,
    cells: Vec<CellValue>,
}

static EMPTY: CellValue = CellValue::Empty;

impl Grid {
    /// A grid whose first stored cell is at `origin` (row, col).
    pub fn new(
        file: Arc<str>,
        sheet: Arc<str>,
        origin: (u32, u32),
        width: usize,
        cells: Vec<CellValue>,
    ) -> Grid {
        let height = cells.len().checked_div(width).unwrap_or(0);
        Grid {
            file,
            sheet,
            origin,
            width,
            height,
            cells,
        }
    }

    /// A grid from rows starting at A1 (tests, CSV).
    pub fn from_rows(file: &str, sheet: &str, rows: Vec<Vec<CellValue>>) -> Grid {
        let width = rows.iter().map(Vec::len).max().unwrap_or(0);
        let mut cells = Vec::with_capacity(width * rows.len());
        for mut r in rows {
            r.resize(width, CellValue::Empty);
            cells.extend(r);
        }
        Grid::new(file.into(), sheet.into(), (0, 0), width, cells)
    }

    /// Absolute index of the first row (0-based).
    pub fn first_row(&self) -> u32 {
        self.origin.0
    }

    /// One past the last row.
    pub fn end_row(&self) -> u32 {
        self.origin.0 + self.height as u32
    }

    pub fn first_col(&self) -> u32 {
        self.origin.1
    }

    pub fn end_col(&self) -> u32 {
        self.origin.1 + self.width as u32
    }

    pub fn get(&self, row: u32, col: u32) -> &CellValue {
        if row < self.origin.0 || col < self.origin.1 {
            return &EMPTY;
        }
        let (r, c) = (
            (row - self.origin.0) as usize,
            (col - self.origin.1) as usize,
        );
        if r >= self.height || c >= self.width {
            return &EMPTY;
        }
        &self.cells[r * self.width + c]
    }

    /// Replaces a stored cell (tests inject mistakes into real sheets this way).
    /// Returns false when the cell lies outside the stored range.
    pub fn set(&mut self, row: u32, col: u32, v: CellValue) -> bool {
        if row < self.origin.0 || col < self.origin.1 {
            return false;
        }
        let (r, c) = (
            (row - self.origin.0) as usize,
            (col - self.origin.1) as usize,
        );
        if r >= self.height || c >= self.width {
            return false;
        }
        self.cells[r * self.width + c] = v;
        true
    }

    /// Takes a stored cell's value out, leaving it empty (the parser moves the
    /// long panel texts instead of copying them).
    pub fn take(&mut self, row: u32, col: u32) -> CellValue {
        if row < self.origin.0 || col < self.origin.1 {
            return CellValue::Empty;
        }
        let (r, c) = (
            (row - self.origin.0) as usize,
            (col - self.origin.1) as usize,
        );
        if r >= self.height || c >= self.width {
            return CellValue::Empty;
        }
        std::mem::take(&mut self.cells[r * self.width + c])
    }

    /// Every stored cell with its absolute position.
    pub fn cells(&self) -> impl Iterator<Item = (u32, u32, &CellValue)> {
        self.cells.iter().enumerate().map(|(i, v)| {
            (
                self.origin.0 + (i / self.width.max(1)) as u32,
                self.origin.1 + (i % self.width.max(1)) as u32,
                v,
            )
        })
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

    /// The non-empty cells of a row from `from_col` on, left to right.
    pub fn row_cells(&self, row: u32, from_col: u32) -> impl Iterator<Item = (u32, &CellValue)> {
        (from_col.max(self.first_col())..self.end_col())
            .map(move |c| (c, self.get(row, c)))
            .filter(|(_, v)| !v.is_empty())
    }

    pub fn row_is_empty(&self, row: u32) -> bool {
        self.row_cells(row, 0).next().is_none()
    }

    pub fn is_empty(&self) -> bool {
        self.cells.iter().all(CellValue::is_empty)
    }

    /// Cells holding a formula error, with their location.
    pub fn error_cells(&self) -> Vec<Located<String>> {
        let mut out = Vec::new();
        for row in self.first_row()..self.end_row() {
            for (col, v) in self.row_cells(row, 0) {
                if let CellValue::Error(e) = v {
                    out.push(Located {
                        value: e.clone(),
                        at: self.loc(row, col),
                    });
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absolute_positions() {
        let g = Grid::new(
            "f".into(),
            "s".into(),
            (2, 1),
            2,
            vec![
                CellValue::Text("x".into()),
                CellValue::Empty,
                CellValue::Empty,
                CellValue::Number(1.0),
            ],
        );
        assert_eq!(g.get(2, 1), &CellValue::Text("x".into()));
        assert_eq!(g.get(3, 2), &CellValue::Number(1.0));
        assert_eq!(g.get(0, 0), &CellValue::Empty);
        assert_eq!(g.get(9, 9), &CellValue::Empty);
        assert_eq!(g.loc(3, 2).cell.unwrap().to_string(), "C4");
        assert_eq!(g.row_cells(3, 0).count(), 1);
    }
}
