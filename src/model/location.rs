//! Where a value came from: file, sheet and cell, printed in A1 form so that a
//! finding can point at the exact cell a person has to fix.

use serde::Serialize;
use std::fmt;
use std::sync::Arc;

/// A zero-based cell position in a sheet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CellRef {
    pub row: u32,
    pub col: u32,
}

impl CellRef {
    pub fn new(row: u32, col: u32) -> Self {
        CellRef { row, col }
    }
}

/// Column letters for a zero-based column index: 0 → `A`, 26 → `AA`.
pub fn col_letters(mut col: u32) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).expect("ASCII letters")
}

impl fmt::Display for CellRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", col_letters(self.col), self.row + 1)
    }
}

impl Serialize for CellRef {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A place in the submitted files. `sheet` and `cell` are absent for a finding
/// about a whole file or the whole batch.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Location {
    pub file: Arc<str>,
    pub sheet: Option<Arc<str>>,
    pub cell: Option<CellRef>,
}

impl Location {
    pub fn file(file: Arc<str>) -> Self {
        Location {
            file,
            sheet: None,
            cell: None,
        }
    }

    pub fn sheet(file: Arc<str>, sheet: Arc<str>) -> Self {
        Location {
            file,
            sheet: Some(sheet),
            cell: None,
        }
    }

    pub fn cell(file: Arc<str>, sheet: Arc<str>, cell: CellRef) -> Self {
        Location {
            file,
            sheet: Some(sheet),
            cell: Some(cell),
        }
    }

    /// The cell alone (`B17`), for a message that names another cell of
    /// the same sheet; empty for a whole sheet or file.
    pub fn cell_name(&self) -> String {
        self.cell.map_or(String::new(), |c| c.to_string())
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(sheet) = &self.sheet {
            write!(f, ":{sheet}")?;
            if let Some(cell) = &self.cell {
                write!(f, "!{cell}")?;
            }
        }
        Ok(())
    }
}

/// A value together with the cell it was read from.
#[derive(Clone, Debug)]
pub struct Located<T> {
    pub value: T,
    pub at: Location,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a1_names() {
        assert_eq!(CellRef::new(0, 0).to_string(), "A1");
        assert_eq!(CellRef::new(6, 3).to_string(), "D7");
        assert_eq!(col_letters(25), "Z");
        assert_eq!(col_letters(26), "AA");
        assert_eq!(col_letters(701), "ZZ");
        assert_eq!(col_letters(702), "AAA");
        assert_eq!(col_letters(16383), "XFD");
    }
}
