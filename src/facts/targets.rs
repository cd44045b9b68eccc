//! The values of the 数値目標 sheets as facts: each a figure (a number in its
//! row's unit, or a text with its own unit), of an action and indicator, a
//! 目標 or a 実績, for a year, at its cell; and the pairing of a value with
//! the other values of its row and measure.

use std::sync::Arc;

use crate::facts::quantity::amount::Amount;
use crate::model::cell::CellValue;
use crate::model::figure::Comparator;
use crate::model::form::RowKind;
use crate::model::location::Location;
use crate::model::plan::ActionId;
use crate::model::sheet::TargetSheet;
use crate::model::text::key;
use crate::model::year::FiscalYear;

/// One value of a 数値目標 row.
#[derive(Clone, Debug)]
pub struct TargetValue {
    pub action: Option<ActionId>,
    /// Shared by the values of a row.
    pub indicator: Arc<str>,
    /// true for 目標, false for 実績.
    pub is_target: bool,
    pub year: FiscalYear,
    pub at: Location,
    pub raw: Box<str>,
    /// The figure as typed: text with its own unit, or a number in the
    /// column's unit.
    pub amount: Amount,
    /// The column's unit word (単位), if given; shared by the values of a row.
    pub column_unit: Option<Arc<str>>,
    /// The figure's own unit differs in kind or scale from the column's (円 in
    /// a 千円 or a % column).
    pub own_unit: bool,
    pub comparator: Option<Comparator>,
}

/// Every readable value of the given 数値目標 sheets.
pub fn target_values<'a>(sheets: impl Iterator<Item = &'a TargetSheet>) -> Vec<TargetValue> {
    let mut out = Vec::new();
    for row in sheets.flat_map(|t| &t.rows) {
        let is_target = match row.row_kind {
            Some(RowKind::Target) => true,
            Some(RowKind::Actual) => false,
            None => continue,
        };
        let unit: Option<Arc<str>> = row.unit.as_ref().map(|u| u.value.trim().into());
        let indicator: Arc<str> = row
            .indicator
            .as_ref()
            .map_or("", |i| i.value.as_str())
            .into();
        let comparator = row
            .comparator
            .as_ref()
            .and_then(|c| Comparator::parse(&key(&c.value)));
        for (year, v) in &row.values {
            let (amount, own_unit) = match &v.value {
                CellValue::Number(n) => {
                    (Amount::of_number(*n, unit.as_deref().unwrap_or("")), false)
                }
                CellValue::Text(t) => {
                    let Some(a) = Amount::parse(t) else { continue };
                    match unit.as_deref().map(|u| Amount::of_number(1.0, u)) {
                        // A bare number typed as text: the column gives the unit.
                        Some(_) if a.unit.is_empty() => {
                            let mut n = Amount::of_number(a.value, unit.as_deref().unwrap_or(""));
                            n.comparator = a.comparator;
                            (n, false)
                        }
                        // Its own unit is another kind (`98.9円` in a % column)
                        // or another scale (`8,447,029円` in a 千円 column).
                        Some(column) => {
                            let differs = !a.unit.is_empty()
                                && (!column.dim.same(&a.dim) || column.scale != a.scale);
                            (a, differs)
                        }
                        None => (a, false),
                    }
                }
                _ => continue,
            };
            let typed = amount.comparator;
            out.push(TargetValue {
                action: row.action_id,
                indicator: indicator.clone(),
                is_target,
                year: *year,
                at: v.at.clone(),
                raw: v.value.text().into_boxed_str(),
                amount,
                column_unit: unit.clone(),
                own_unit,
                comparator: comparator.or(typed),
            });
        }
    }
    out
}

/// The 数値目標 values of a file or a batch, with the pairing index.
pub struct Targets {
    pub values: Vec<TargetValue>,
    /// (hash of what pairs them, position) of `values`, sorted; built on
    /// first use.
    paired: std::sync::OnceLock<Vec<(u64, u32)>>,
}

impl Targets {
    pub fn new(values: Vec<TargetValue>) -> Targets {
        Targets {
            values,
            paired: std::sync::OnceLock::new(),
        }
    }

    /// The 数値目標 values paired with `of`: same file (a workbook has one
    /// 数値目標 sheet, and another city's or another workbook's row is not
    /// the same row), action and indicator; 目標 or 実績, in `year`; with
    /// their position in `values`, in sheet order. Rules pair values this
    /// way for every value, so the values are indexed once.
    pub fn paired<'a>(
        &'a self,
        of: &'a TargetValue,
        is_target: bool,
        year: FiscalYear,
    ) -> impl Iterator<Item = (usize, &'a TargetValue)> + 'a {
        let index = self.paired.get_or_init(|| {
            let mut m: Vec<(u64, u32)> = (self.values.iter().enumerate())
                .map(|(i, v)| (pair_hash(v, v.is_target, v.year), i as u32))
                .collect();
            // Sorted by hash, then position: sheet order within a key.
            m.sort_unstable();
            m
        });
        let h = pair_hash(of, is_target, year);
        let from = index.partition_point(|(k, _)| *k < h);
        index[from..]
            .iter()
            .take_while(move |(k, _)| *k == h)
            .map(|&(_, i)| (i as usize, &self.values[i as usize]))
            // The hash only narrows the search.
            .filter(move |(_, v)| {
                v.is_target == is_target
                    && v.year == year
                    && v.action == of.action
                    && v.indicator == of.indicator
                    && v.at.file == of.at.file
            })
    }
}

/// What pairs 数値目標 values, hashed (the index then holds no strings).
fn pair_hash(v: &TargetValue, is_target: bool, year: FiscalYear) -> u64 {
    use std::hash::BuildHasher;
    std::hash::BuildHasherDefault::<std::collections::hash_map::DefaultHasher>::default()
        .hash_one((&*v.at.file, v.action, &*v.indicator, is_target, year))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::location::CellRef;

    fn value(file: &str, is_target: bool, year: u16, n: f64) -> TargetValue {
        TargetValue {
            action: Some(ActionId {
                item: crate::model::plan::ItemId { policy: 3, item: 4 },
                number: 1,
            }),
            indicator: "財政調整基金現在高".into(),
            is_target,
            year: FiscalYear(year),
            at: Location::cell(file.into(), "数値目標".into(), CellRef { row: 1, col: 3 }),
            raw: n.to_string().into(),
            amount: Amount::of_number(n, "千円"),
            column_unit: Some("千円".into()),
            own_unit: false,
            comparator: None,
        }
    }

    #[test]
    fn target_values_pair_within_their_own_workbook() {
        let t = Targets::new(vec![
            value("a.xlsx", true, 2024, 5_500_000.0),
            value("b.xlsx", true, 2024, 5_500.0),
            value("a.xlsx", false, 2024, 9_201_903.0),
            value("b.xlsx", false, 2024, 9_201.0),
        ]);
        let paired = |i: usize| -> Vec<usize> {
            let v = &t.values[i];
            t.paired(v, !v.is_target, v.year).map(|(j, _)| j).collect()
        };
        assert_eq!(paired(0), [2]);
        assert_eq!(paired(1), [3]);
        assert_eq!(paired(2), [0]);
        let a = &t.values[0];
        assert_eq!(t.paired(a, true, FiscalYear(2023)).count(), 0);
    }
}
