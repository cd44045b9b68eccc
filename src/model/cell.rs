//! A cell's value as hyoka sees it, independent of the file format it came from.

/// One cell. Dates are kept apart from numbers so a serial date is never
/// mistaken for a figure.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum CellValue {
    #[default]
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
    /// A formula error such as `#REF!`.
    Error(String),
    /// A date or time (Excel serial number or ISO text).
    Date(String),
}

impl CellValue {
    pub fn is_empty(&self) -> bool {
        match self {
            CellValue::Empty => true,
            CellValue::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }

    /// The text a person sees in the cell (numbers without a trailing `.0`).
    pub fn text(&self) -> String {
        match self {
            CellValue::Empty => String::new(),
            CellValue::Text(s) => s.clone(),
            CellValue::Number(n) => format_number(*n),
            CellValue::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
            CellValue::Error(e) => e.clone(),
            CellValue::Date(d) => d.clone(),
        }
    }

    pub fn as_text(&self) -> Option<&str> {
        match self {
            CellValue::Text(s) => Some(s),
            _ => None,
        }
    }
}

/// A number as a person would type it: `12`, `94.4`.
pub fn format_number(n: f64) -> String {
    if n.is_finite() && n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_of_numbers() {
        assert_eq!(CellValue::Number(12.0).text(), "12");
        assert_eq!(CellValue::Number(94.4).text(), "94.4");
        assert!(CellValue::Text(" \u{3000}".into()).is_empty());
    }
}
