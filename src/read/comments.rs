//! Parses a 評価コメント sheet (the secretariat's draft of chapter 1's
//! 評価とコメント): a header row with 取組項目 and コメント, then one paragraph per
//! row. The 取組項目 cell may be left blank under the first row of an item.

use crate::model::form::Form;
use crate::model::location::Located;
use crate::model::plan::ItemId;
use crate::model::sheet::{CommentRow, CommentSheet};
use crate::model::text::key;
use crate::read::classify::comments_header;
use crate::read::grid::Grid;

pub fn parse(g: &Grid, form: &Form) -> CommentSheet {
    let mut sheet = CommentSheet {
        file: g.file.clone(),
        sheet: g.sheet.clone(),
        rows: Vec::new(),
    };
    let Some(h) = comments_header(g, form) else {
        return sheet;
    };
    let col_of = |pred: &dyn Fn(&str) -> bool| {
        g.row_cells(h, 0)
            .find(|(_, v)| pred(&key(&v.text())))
            .map(|(c, _)| c)
    };
    let (Some(ic), Some(cc)) = (
        col_of(&|k| form.is_comment_item(k)),
        col_of(&|k| form.is_comment_text(k)),
    ) else {
        return sheet;
    };
    let mut item: Option<Located<String>> = None;
    for row in h + 1..g.end_row() {
        let it = g.located_text(row, ic);
        if !it.value.trim().is_empty() {
            item = Some(it);
        }
        let text = g.located_text(row, cc);
        if text.value.trim().is_empty() {
            continue;
        }
        let Some(item) = item.clone() else { continue };
        sheet.rows.push(CommentRow {
            item_id: ItemId::parse(&item.value),
            item,
            text,
        });
    }
    sheet
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::cell::CellValue;

    #[test]
    fn rows_inherit_the_item_above() {
        let t = |s: &str| CellValue::Text(s.into());
        let g = Grid::from_rows(
            "f.xlsx",
            "評価コメント",
            vec![
                vec![t("取組項目"), t("コメント")],
                vec![
                    t("２-（３）"),
                    t("「①民間委託の推進」は、…個別評価を「A」としました。"),
                ],
                vec![CellValue::Empty, t("「②…」は、…")],
            ],
        );
        let s = parse(&g, Form::standard());
        assert_eq!(s.rows.len(), 2);
        assert_eq!(
            s.rows[1].item_id.map(|i| i.to_string()).as_deref(),
            Some("2-(3)")
        );
        assert_eq!(
            s.rows[1].text.at.cell.map(|c| c.to_string()).as_deref(),
            Some("B3")
        );
    }
}
