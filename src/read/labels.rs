//! The labels of column A of a 評価シート, recognised however they are typed
//! (spaces, full-width characters, a trailing colon, common synonyms).

use crate::model::text::key;
use crate::model::year::{FiscalYear, split_year};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Label {
    /// 基本方針
    Policy,
    /// 取組項目名
    Item,
    /// 取組内容
    Actions,
    /// 担当課
    Departments,
    /// 評価 (the item grade row)
    ItemGrade,
    /// 主な事業
    Project,
    /// 具体的な取組
    Measure,
    /// 個別評価
    ActionGrade,
    /// 今後の取組方針
    Future,
}

impl Label {
    pub fn ja(self) -> &'static str {
        match self {
            Label::Policy => "基本方針",
            Label::Item => "取組項目名",
            Label::Actions => "取組内容",
            Label::Departments => "担当課",
            Label::ItemGrade => "評価",
            Label::Project => "主な事業",
            Label::Measure => "具体的な取組",
            Label::ActionGrade => "個別評価",
            Label::Future => "今後の取組方針",
        }
    }
}

/// Every label as typed (key form: width folded, no white space), synonyms
/// included.
const LABELS: [(&str, Label); 20] = [
    ("基本方針", Label::Policy),
    ("取組項目名", Label::Item),
    ("取組項目", Label::Item),
    ("取り組み項目名", Label::Item),
    ("取組内容", Label::Actions),
    ("取り組み内容", Label::Actions),
    ("担当課", Label::Departments),
    ("担当", Label::Departments),
    ("所管課", Label::Departments),
    ("評価", Label::ItemGrade),
    ("総合評価", Label::ItemGrade),
    ("項目評価", Label::ItemGrade),
    ("主な事業", Label::Project),
    ("主要事業", Label::Project),
    ("具体的な取組", Label::Measure),
    ("具体的取組", Label::Measure),
    ("具体的な取り組み", Label::Measure),
    ("個別評価", Label::ActionGrade),
    ("今後の取組方針", Label::Future),
    ("今後の方針", Label::Future),
];

/// The first character of every label above (a test keeps them in step): a
/// cell starting with none of them is no label (most cells).
const LABEL_FIRST: [char; 11] = [
    '基', '取', '担', '所', '評', '総', '項', '主', '具', '個', '今',
];

/// The label a cell's text stands for.
pub fn label_of(text: &str) -> Option<Label> {
    // Labels are a few characters; long texts (the panels) are never labels,
    // and skipping them early keeps the label scan cheap.
    if text.len() > 64 {
        return None;
    }
    // Most cells are rejected here, before a key is built.
    let first = text.chars().find(|c| !c.is_whitespace())?;
    if !LABEL_FIRST.contains(&first) {
        return None;
    }
    let k = key(text);
    let k = k.trim_end_matches([':', '：']);
    LABELS
        .iter()
        .find(|(l, _)| *l == k)
        .map(|(_, label)| *label)
}

/// The year of a header over a text panel (`令和6年度の取組`,
/// `令和６年度の成果・効果`, `R5年度の取組`); `None` for any other text.
/// Headers are a few words; a long text that happens to start with a year is
/// the panel's text, not its header.
pub fn panel_header(text: &str) -> Option<FiscalYear> {
    if text.len() > 64 {
        return None;
    }
    let (year, rest) = split_year(text)?;
    let r = rest.trim_start_matches(['年', '度', 'の']);
    (r.starts_with("取組") || r.starts_with("取り組み") || r.starts_with("成果")).then_some(year)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_as_typed() {
        assert_eq!(label_of(" 取組 項目名 "), Some(Label::Item));
        assert_eq!(label_of("基本方針："), Some(Label::Policy));
        assert_eq!(label_of("個別評価"), Some(Label::ActionGrade));
        assert_eq!(label_of("評 価"), Some(Label::ItemGrade));
        assert_eq!(label_of("基本方針1 新たな"), None);
    }

    #[test]
    fn every_label_starts_with_a_listed_character() {
        for (label, _) in LABELS {
            let first = label.chars().next().unwrap();
            assert!(
                LABEL_FIRST.contains(&first),
                "{label}: add {first} to LABEL_FIRST"
            );
        }
    }

    #[test]
    fn panel_headers() {
        assert_eq!(panel_header("令和6年度の取組"), Some(FiscalYear(2024)));
        assert_eq!(
            panel_header("令和６年度の成果・効果"),
            Some(FiscalYear(2024))
        );
        assert_eq!(panel_header("R5年度の取組"), Some(FiscalYear(2023)));
        assert_eq!(panel_header("令和6年度"), None);
        assert_eq!(panel_header("自治会補助金制度の実施"), None);
    }
}
