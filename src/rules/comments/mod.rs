//! Rules about the secretariat's comment draft (評価コメント sheet): each
//! paragraph names an action as 「①名前」 and usually quotes its grade
//! (個別評価を「A」としました). Both must agree with the sheets.

crate::rules::registry::rules! {
    K001 "comment-action-mismatch" Error comment_action::CommentAction,
    K002 "comment-grade-mismatch" Error comment_grade::CommentGrade,
    K003 "comment-coverage" Warning comment_coverage::CommentCoverage,
    K004 "comment-direction-mismatch" Warning comment_direction::CommentDirection,
}

use crate::facts::batch::Batch;
use crate::model::grade::{Grade, GradeReading, read_grade};
use crate::model::plan::{ActionId, ActionRef, ItemRef};
use crate::model::sheet::CommentRow;
use crate::model::text::split_circled;

/// The actions a paragraph opens with: `「①名前」は、` or
/// `「②名前」及び「③名前」は、` → `[(2, 名前), (3, 名前)]`.
pub fn named_actions(text: &str) -> Vec<(u8, String)> {
    let mut out = Vec::new();
    let mut rest = text.trim_start();
    while let Some(r) = rest.strip_prefix('「') {
        let Some((inner, after)) = r.split_once('」') else {
            break;
        };
        let Some((n, name)) = split_circled(inner) else {
            break;
        };
        out.push((n, name.trim().to_string()));
        rest = after.trim_start();
        match ["及び", "と", "、", "，"]
            .iter()
            .find_map(|j| rest.strip_prefix(j))
        {
            Some(r) => rest = r.trim_start(),
            None => break,
        }
    }
    out
}

/// The grade a paragraph gives: `個別評価を「A」` or `個別評価は「B」`.
pub fn quoted_grade(text: &str) -> Option<(Grade, String)> {
    for marker in ["個別評価を「", "個別評価は「"] {
        if let Some(i) = text.rfind(marker) {
            let after = &text[i + marker.len()..];
            let raw = after.split('」').next()?.to_string();
            return match read_grade(&raw) {
                GradeReading::Canonical(g) | GradeReading::Variant(g) => Some((g, raw)),
                _ => None,
            };
        }
    }
    None
}

/// The plan item a comment row is about.
pub fn item<'p>(b: &Batch<'p>, row: &CommentRow) -> Option<ItemRef<'p>> {
    b.plan.item(row.item_id?)
}

/// The action of `item` a paragraph means by `name` (names are less error-prone
/// than numbers when actions are repeated with （再掲））.
pub fn action_by_name<'p>(b: &Batch<'p>, item: ItemRef<'p>, name: &str) -> Option<ActionRef<'p>> {
    b.plan
        .actions()
        .filter(|a| a.id.item == item.id)
        .find(|a| b.plan.form.same_name(&a.action.name, name))
}

/// The actions a text opens with (「①…」は、), by name, else by number.
pub fn opened_actions(b: &Batch, it: ItemRef, text: &str) -> Vec<ActionId> {
    named_actions(text)
        .into_iter()
        .map(|(n, name)| {
            let number = action_by_name(b, it, &name).map_or(n, |a| a.id.number);
            ActionId {
                item: it.id,
                number,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_grades() {
        assert_eq!(
            named_actions("「②実質公債費比率（数値目標）」及び「③将来負担比率（数値目標）」は、…"),
            [
                (2, "実質公債費比率（数値目標）".to_string()),
                (3, "将来負担比率（数値目標）".to_string())
            ]
        );
        assert!(named_actions("財政健全性の維持について、…").is_empty());
        assert_eq!(
            quoted_grade("…ことから、個別評価を「A」としました。").map(|g| g.0),
            Some(Grade::A)
        );
        assert_eq!(
            quoted_grade("…ことから、個別評価は「Ｂ」としました。").map(|g| g.0),
            Some(Grade::B)
        );
        assert_eq!(quoted_grade("…期待します。"), None);
    }
}
