//! The plan (中期行財政運営計画): 基本方針 → 取組項目 → 取組内容, with 担当課,
//! （再掲） links and 数値目標 flags. It is data, read from a TOML file; the
//! 令和4～8年度 plan of the report is compiled in as the default.

use serde::Deserialize;
use std::fmt;

use crate::model::form::Form;
use crate::model::text::{circled, circled_value, fold_width};
use crate::model::year::{FiscalYear, parse_year_header};

/// The plan compiled into the binary.
pub const EMBEDDED_PLAN: &str = include_str!("../../plans/akishima-r4-r8.toml");

/// `3-(4)`: 基本方針 3, 取組項目 (4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ItemId {
    pub policy: u8,
    pub item: u8,
}

/// `3-(4)-②`: an action (取組内容) of an item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ActionId {
    pub item: ItemId,
    pub number: u8,
}

/// Ids are written as they are printed (`3-(4)`, `3-(4)-②`).
impl serde::Serialize for ItemId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl serde::Serialize for ActionId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl fmt::Display for ItemId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-({})", self.policy, self.item)
    }
}

impl fmt::Display for ActionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.item, circled(self.number))
    }
}

impl ActionId {
    /// Parses `3-(4)-②`, `3-(4)-2`, `3-4-2`, `３－（４）－②`.
    pub fn parse(s: &str) -> Option<ActionId> {
        let nums = id_numbers(s);
        match nums.as_slice() {
            [p, i, a] => Some(ActionId {
                item: ItemId {
                    policy: *p,
                    item: *i,
                },
                number: *a,
            }),
            _ => None,
        }
    }
}

impl ItemId {
    /// Parses `3-(4)`, `3-4`.
    pub fn parse(s: &str) -> Option<ItemId> {
        match id_numbers(s).as_slice() {
            [p, i] => Some(ItemId {
                policy: *p,
                item: *i,
            }),
            _ => None,
        }
    }
}

/// The numbers of an id string; `None`-free only when every part is a number.
fn id_numbers(s: &str) -> Vec<u8> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let flush = |cur: &mut String, out: &mut Vec<u8>| {
        if !cur.is_empty() {
            out.push(cur.parse().unwrap_or(0));
            cur.clear();
        }
    };
    for c in s.chars().map(fold_width) {
        if c.is_ascii_digit() {
            cur.push(c);
        } else if let Some(n) = circled_value(c) {
            flush(&mut cur, &mut out);
            out.push(n);
        } else if matches!(c, '-' | '(' | ')' | '－' | '‐' | ' ' | '−' | '–') {
            flush(&mut cur, &mut out);
        } else {
            return Vec::new();
        }
    }
    flush(&mut cur, &mut out);
    if out.contains(&0) { Vec::new() } else { out }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PlanFile {
    name: String,
    municipality: String,
    first_year: String,
    last_year: String,
    policies: Vec<Policy>,
    /// Words of this municipality's form that differ from the standard one.
    #[serde(default)]
    form: Option<toml::Table>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    pub number: u8,
    pub name: String,
    pub items: Vec<Item>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub number: u8,
    pub name: String,
    /// 担当課 in the order the plan names them; the first owns the sheet.
    #[serde(default)]
    pub departments: Vec<String>,
    pub actions: Vec<Action>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Action {
    pub number: u8,
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub departments: Vec<String>,
    /// The action this one repeats (（再掲）), as an id like `2-(2)-③`.
    #[serde(default)]
    pub relists: Option<String>,
    /// Carries a 数値目標.
    #[serde(default)]
    pub target: bool,
    /// The 数値目標's indicator (指標), unit (単位: 千円, %…) and comparator
    /// (以上 / 以下 …), for the template's 数値目標 sheet.
    #[serde(default)]
    pub indicator: Option<String>,
    #[serde(default)]
    pub unit: Option<String>,
    #[serde(default)]
    pub comparator: Option<String>,
}

/// A plan ready to use.
#[derive(Clone, Debug)]
pub struct Plan {
    pub name: String,
    pub municipality: String,
    pub first_year: FiscalYear,
    pub last_year: FiscalYear,
    pub policies: Vec<Policy>,
    /// The words of the form its sheets are written in.
    pub form: Form,
}

/// An item with its id and the policy it belongs to.
#[derive(Clone, Copy, Debug)]
pub struct ItemRef<'p> {
    pub id: ItemId,
    pub policy: &'p Policy,
    pub item: &'p Item,
}

/// An action with its id.
#[derive(Clone, Copy, Debug)]
pub struct ActionRef<'p> {
    pub id: ActionId,
    pub item: ItemRef<'p>,
    pub action: &'p Action,
}

impl Action {
    /// The action this one repeats, as an id.
    pub fn relists_id(&self) -> Option<ActionId> {
        self.relists.as_deref().and_then(ActionId::parse)
    }
}

impl ActionRef<'_> {
    pub fn relists(&self) -> Option<ActionId> {
        self.action.relists_id()
    }
}

impl Plan {
    /// The 令和4～8年度 plan of the report.
    pub fn embedded() -> Plan {
        Plan::from_toml(EMBEDDED_PLAN).expect("the embedded plan is valid")
    }

    /// Reads a plan; errors name the line and what is wrong.
    pub fn from_toml(src: &str) -> Result<Plan, String> {
        let f: PlanFile = toml::from_str(src).map_err(|e| e.to_string())?;
        let first_year = parse_year_header(&f.first_year)
            .ok_or_else(|| format!("first_year: 年度として読めません: {}", f.first_year))?;
        let last_year = parse_year_header(&f.last_year)
            .ok_or_else(|| format!("last_year: 年度として読めません: {}", f.last_year))?;
        if last_year < first_year {
            return Err("last_year が first_year より前です".into());
        }
        let form = match f.form {
            Some(over) => Form::standard_with(over)?,
            None => Form::standard().clone(),
        };
        let plan = Plan {
            name: f.name,
            municipality: f.municipality,
            first_year,
            last_year,
            policies: f.policies,
            form,
        };
        plan.validate()?;
        Ok(plan)
    }

    fn validate(&self) -> Result<(), String> {
        let mut seen = std::collections::HashSet::new();
        for a in self.actions() {
            if !seen.insert(a.id) {
                return Err(format!("取組内容 {} が重複しています", a.id));
            }
            if let Some(r) = &a.action.relists {
                let id = ActionId::parse(r).ok_or_else(|| {
                    format!("{}: relists `{r}` は取組内容の番号ではありません", a.id)
                })?;
                if self.action(id).is_none() {
                    return Err(format!("{}: relists `{r}` は計画にありません", a.id));
                }
            }
        }
        let mut items = std::collections::HashSet::new();
        for i in self.items() {
            if !items.insert(i.id) {
                return Err(format!("取組項目 {} が重複しています", i.id));
            }
        }
        Ok(())
    }

    /// The plan's fiscal years, first to last.
    pub fn years(&self) -> Vec<FiscalYear> {
        (self.first_year.0..=self.last_year.0)
            .map(FiscalYear)
            .collect()
    }

    pub fn items(&self) -> impl Iterator<Item = ItemRef<'_>> {
        self.policies.iter().flat_map(|p| {
            p.items.iter().map(move |i| ItemRef {
                id: ItemId {
                    policy: p.number,
                    item: i.number,
                },
                policy: p,
                item: i,
            })
        })
    }

    pub fn actions(&self) -> impl Iterator<Item = ActionRef<'_>> {
        self.items().flat_map(|i| {
            i.item.actions.iter().map(move |a| ActionRef {
                id: ActionId {
                    item: i.id,
                    number: a.number,
                },
                item: i,
                action: a,
            })
        })
    }

    pub fn item(&self, id: ItemId) -> Option<ItemRef<'_>> {
        self.items().find(|i| i.id == id)
    }

    pub fn action(&self, id: ActionId) -> Option<ActionRef<'_>> {
        self.item(id.item)?
            .item
            .actions
            .iter()
            .find(|a| a.number == id.number)
            .map(|a| ActionRef {
                id,
                item: self.item(id.item).expect("item exists"),
                action: a,
            })
    }

    pub fn policy(&self, number: u8) -> Option<&Policy> {
        self.policies.iter().find(|p| p.number == number)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        let id = ActionId::parse("3-(4)-②").unwrap();
        assert_eq!(id.to_string(), "3-(4)-②");
        assert_eq!(ActionId::parse("３－（４）－２"), Some(id));
        assert_eq!(ActionId::parse("3-4-2"), Some(id));
        assert_eq!(ActionId::parse("3-(4)"), None);
        assert_eq!(ActionId::parse("財政課"), None);
        assert_eq!(ItemId::parse("2-(3)").unwrap().to_string(), "2-(3)");
    }

    #[test]
    fn embedded_plan_shape() {
        let p = Plan::embedded();
        assert_eq!(p.policies.len(), 4);
        assert_eq!(p.items().count(), 18);
        assert_eq!(p.actions().count(), 52);
        assert_eq!(p.years().len(), 5);
        let relisted: Vec<_> = p.actions().filter(|a| a.relists().is_some()).collect();
        assert_eq!(relisted.len(), 3);
        for a in p.actions() {
            assert!(
                !a.item.item.departments.is_empty(),
                "{} has no department",
                a.id
            );
        }
    }

    #[test]
    fn broken_plan_names_the_line() {
        let e = Plan::from_toml("name = \"x\"\nmunicipality = 3\n").unwrap_err();
        assert!(e.contains("line 2"), "{e}");
    }
}
