//! Which plan item an evaluation sheet is for, decided by every signal the
//! sheet gives: the numbers in its 基本方針 and 取組項目名 cells, the item
//! name, the tab name, and the 取組内容 it declares. A typo in one signal
//! (`(2)` typed for `(3)`) must not re-file the whole sheet under another
//! item; the signals that disagree with the decision are kept for S006.

use crate::model::location::Location;
use crate::model::plan::{ItemId, Plan};
use crate::model::sheet::EvalSheet;

/// One way a sheet says which item it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Signal {
    /// The numbers in the 基本方針 and 取組項目名 cells (`基本方針 2`, `(3)`).
    Number,
    /// The item name in the 取組項目名 cell.
    Name,
    /// The tab name (`2-(3)`); never printed, so it only votes.
    Tab,
    /// The 取組内容 declared on the sheet, by number and name.
    Actions,
}

/// What one signal says, and where.
#[derive(Clone, Debug)]
pub struct Said {
    pub signal: Signal,
    pub item: ItemId,
    /// The cell that says it (the tab has none).
    pub at: Option<Location>,
}

/// The item a sheet is filed under and what each signal said.
#[derive(Clone, Debug, Default)]
pub struct Placement {
    pub item: Option<ItemId>,
    pub said: Vec<Said>,
}

impl Placement {
    /// The printed signals that name another item than the one decided.
    pub fn disagreeing(&self) -> impl Iterator<Item = &Said> {
        self.said.iter().filter(move |s| {
            Some(s.item) != self.item && matches!(s.signal, Signal::Number | Signal::Name)
        })
    }

    /// The signals that agree with the decision.
    pub fn agreeing(&self) -> impl Iterator<Item = &Said> {
        self.said.iter().filter(move |s| Some(s.item) == self.item)
    }
}

/// Places a sheet: the item most signals name wins; on a tie the earlier
/// signal in [`Signal`] order wins (the numbers, as before signals were
/// weighed). A number naming no plan item still counts as disagreeing when
/// the other signals agree on one.
pub fn place(plan: &Plan, sheet: &EvalSheet) -> Placement {
    let mut said = Vec::new();
    if let Some(id) = sheet.item_id() {
        said.push(Said {
            signal: Signal::Number,
            item: id,
            at: sheet.item.as_ref().map(|i| i.at.clone()),
        });
    }
    if let Some(name) = sheet.item_name().filter(|n| !n.is_empty()) {
        let mut named = plan
            .items()
            .filter(|i| plan.form.same_name(&name, &i.item.name));
        if let (Some(i), None) = (named.next(), named.next()) {
            said.push(Said {
                signal: Signal::Name,
                item: i.id,
                at: sheet.item.as_ref().map(|c| c.at.clone()),
            });
        }
    }
    if let Some(id) = tab_item(&sheet.sheet)
        && plan.item(id).is_some()
    {
        said.push(Said {
            signal: Signal::Tab,
            item: id,
            at: None,
        });
    }
    if let Some(id) = actions_item(plan, sheet) {
        said.push(Said {
            signal: Signal::Actions,
            item: id,
            at: sheet.actions.first().map(|a| a.at.clone()),
        });
    }
    let votes = |id: ItemId| said.iter().filter(|s| s.item == id).count();
    let item = said
        .iter()
        .filter(|s| plan.item(s.item).is_some())
        .map(|s| s.item)
        .fold(None, |best: Option<ItemId>, id| match best {
            Some(b) if votes(b) >= votes(id) => Some(b),
            _ => Some(id),
        });
    // A number that is wrong only in its 基本方針 is the policy cell's slip.
    if let Some(decided) = item
        && let Some(n) = said.iter_mut().find(|s| s.signal == Signal::Number)
        && n.item.item == decided.item
        && n.item.policy != decided.policy
        && let Some(policy) = &sheet.policy
    {
        n.at = Some(policy.at.clone());
    }
    Placement { item, said }
}

/// The item id in a tab name: `2-(3)`, `シート2-(3)`, `2-(3) (旧)`; a tab
/// with only an item number (`(1)地域コミュニティ`) says nothing.
fn tab_item(tab: &str) -> Option<ItemId> {
    let is_id = |c: char| c.is_ascii_digit() || "()-（）－‐−".contains(c) || c.is_numeric();
    let start = tab.find(|c: char| c.is_numeric())?;
    let run: String = tab[start..].chars().take_while(|c| is_id(*c)).collect();
    ItemId::parse(run.trim_end_matches(['(', '（', '-', '－']))
        .filter(|_| run.contains(['-', '－', '‐', '−']))
}

/// The one plan item whose actions the sheet's declared 取組内容 are, by
/// number and name, when most of them match.
fn actions_item(plan: &Plan, sheet: &EvalSheet) -> Option<ItemId> {
    if sheet.actions.is_empty() {
        return None;
    }
    let matching = |i: &crate::model::plan::ItemRef| {
        sheet
            .actions
            .iter()
            .filter(|a| {
                i.item
                    .actions
                    .iter()
                    .any(|pa| pa.number == a.number && plan.form.same_name(&a.name, &pa.name))
            })
            .count()
    };
    let mut best: Option<(ItemId, usize)> = None;
    let mut tied = false;
    for i in plan.items() {
        let n = matching(&i);
        match best {
            Some((_, b)) if n == b => tied = true,
            Some((_, b)) if n < b => {}
            _ if n > 0 => {
                best = Some((i.id, n));
                tied = false;
            }
            _ => {}
        }
    }
    let (id, n) = best?;
    (!tied && 2 * n > sheet.actions.len()).then_some(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tab_names() {
        let id = |p, i| Some(ItemId { policy: p, item: i });
        assert_eq!(tab_item("2-(3)"), id(2, 3));
        assert_eq!(tab_item("シート3-(4)"), id(3, 4));
        assert_eq!(tab_item("３－（４） (旧)"), id(3, 4));
        assert_eq!(tab_item("2-3"), id(2, 3));
        assert_eq!(tab_item("(1)地域コミュニティ"), None);
        assert_eq!(tab_item("数値目標"), None);
        assert_eq!(tab_item("Sheet1"), None);
    }
}
