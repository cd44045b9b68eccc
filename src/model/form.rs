//! The form's words (様式の文言): the labels of column A, the headers over the
//! text panels, the markers after names, and the headers of the 数値目標 and
//! 評価コメント sheets, as one table (`form.toml`) that the reader matches and
//! the template writes. A municipality with other words gives them in its
//! plan file's `[form]` table.

use serde::Deserialize;

use crate::model::text::{fold_width, key};
use crate::model::year::{FiscalYear, split_year};

/// The embedded table.
pub const STANDARD_FORM: &str = include_str!("form.toml");

/// A label of column A of a 評価シート.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
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
    pub const ALL: [Label; 9] = [
        Label::Policy,
        Label::Item,
        Label::Actions,
        Label::Departments,
        Label::ItemGrade,
        Label::Project,
        Label::Measure,
        Label::ActionGrade,
        Label::Future,
    ];
}

/// What a text panel holds: the year's work (取組) or its results (成果・効果).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PanelKind {
    Work,
    Result,
}

/// A column of the 数値目標 sheet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TargetColumn {
    Action,
    Indicator,
    Kind,
    Unit,
    Comparator,
}

/// A row of the 数値目標 sheet: the target (目標) or the actual (実績).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RowKind {
    Target,
    Actual,
}

/// A list of words: as written (the first is what the template writes) and
/// as compared.
#[derive(Clone, Debug)]
struct Words {
    written: Vec<String>,
    keys: Vec<String>,
}

impl Words {
    fn new(written: Vec<String>, what: &str) -> Result<Words, String> {
        if written.iter().all(|w| key(w).is_empty()) {
            return Err(format!("form: {what} に語がありません"));
        }
        let keys = written.iter().map(|w| key(w)).collect();
        Ok(Words { written, keys })
    }

    fn first(&self) -> &str {
        &self.written[0]
    }

    fn is(&self, k: &str) -> bool {
        self.keys.iter().any(|w| w == k)
    }

    fn starts(&self, k: &str) -> bool {
        self.keys
            .iter()
            .any(|w| !w.is_empty() && k.starts_with(w.as_str()))
    }
}

/// The form's words, ready to match.
#[derive(Clone, Debug)]
pub struct Form {
    labels: Vec<(Label, Words)>,
    /// Every label word's key with its label, sorted by key.
    label_keys: Vec<(Box<str>, Label)>,
    /// The first character (key form) of every label: a cell starting with
    /// none of them is no label, which rejects most cells cheaply.
    label_first: Vec<char>,
    work: Words,
    result: Words,
    relisted: Words,
    target_marker: Words,
    targets_sheet: String,
    target_columns: Vec<(TargetColumn, Words)>,
    target_row: Words,
    actual_row: Words,
    comments_sheet: String,
    comment_item: Words,
    comment_text: Words,
}

/// The table as written in TOML.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FormFile {
    labels: LabelsFile,
    panels: PanelsFile,
    markers: MarkersFile,
    targets: TargetsFile,
    comments: CommentsFile,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LabelsFile {
    policy: Vec<String>,
    item: Vec<String>,
    actions: Vec<String>,
    departments: Vec<String>,
    item_grade: Vec<String>,
    project: Vec<String>,
    measure: Vec<String>,
    action_grade: Vec<String>,
    future: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PanelsFile {
    work: Vec<String>,
    result: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct MarkersFile {
    relisted: Vec<String>,
    target: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TargetsFile {
    sheet: String,
    action: Vec<String>,
    indicator: Vec<String>,
    kind: Vec<String>,
    unit: Vec<String>,
    comparator: Vec<String>,
    target_row: Vec<String>,
    actual_row: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CommentsFile {
    sheet: String,
    item: Vec<String>,
    comment: Vec<String>,
}

/// `base` with every value `over` gives replacing its own, table by table.
fn overlay(base: &mut toml::Table, over: toml::Table) {
    for (k, v) in over {
        match (base.get_mut(&k), v) {
            (Some(toml::Value::Table(b)), toml::Value::Table(o)) => overlay(b, o),
            (_, v) => {
                base.insert(k, v);
            }
        }
    }
}

impl Form {
    /// The embedded form.
    pub fn standard() -> &'static Form {
        static FORM: std::sync::OnceLock<Form> = std::sync::OnceLock::new();
        FORM.get_or_init(|| Form::from_toml(STANDARD_FORM).expect("the embedded form is valid"))
    }

    /// A whole table in TOML.
    pub fn from_toml(src: &str) -> Result<Form, String> {
        let f: FormFile = toml::from_str(src).map_err(|e| e.to_string())?;
        Form::build(f)
    }

    /// The standard form with the values of a plan's `[form]` table (same
    /// shape, any part of it) replacing its own.
    pub fn standard_with(over: toml::Table) -> Result<Form, String> {
        let mut table: toml::Table =
            toml::from_str(STANDARD_FORM).expect("the embedded form parses");
        overlay(&mut table, over);
        let f: FormFile = table
            .try_into()
            .map_err(|e: toml::de::Error| format!("form: {e}"))?;
        Form::build(f)
    }

    fn build(f: FormFile) -> Result<Form, String> {
        let l = f.labels;
        let labels = vec![
            (Label::Policy, Words::new(l.policy, "labels.policy")?),
            (Label::Item, Words::new(l.item, "labels.item")?),
            (Label::Actions, Words::new(l.actions, "labels.actions")?),
            (
                Label::Departments,
                Words::new(l.departments, "labels.departments")?,
            ),
            (
                Label::ItemGrade,
                Words::new(l.item_grade, "labels.item_grade")?,
            ),
            (Label::Project, Words::new(l.project, "labels.project")?),
            (Label::Measure, Words::new(l.measure, "labels.measure")?),
            (
                Label::ActionGrade,
                Words::new(l.action_grade, "labels.action_grade")?,
            ),
            (Label::Future, Words::new(l.future, "labels.future")?),
        ];
        // One word, one label: a word under two labels could not be read.
        for (i, (a, wa)) in labels.iter().enumerate() {
            for (b, wb) in &labels[i + 1..] {
                if let Some(k) = wa.keys.iter().find(|k| wb.is(k)) {
                    return Err(format!("form: 「{k}」が {a:?} と {b:?} の両方にあります"));
                }
            }
        }
        let mut label_keys: Vec<(Box<str>, Label)> = labels
            .iter()
            .flat_map(|(l, w)| w.keys.iter().map(|k| (k.as_str().into(), *l)))
            .collect();
        label_keys.sort();
        let mut label_first: Vec<char> = labels
            .iter()
            .flat_map(|(_, w)| &w.keys)
            .filter_map(|k| k.chars().next())
            .collect();
        label_first.sort_unstable();
        label_first.dedup();
        let t = f.targets;
        let c = f.comments;
        Ok(Form {
            labels,
            label_keys,
            label_first,
            work: Words::new(f.panels.work, "panels.work")?,
            result: Words::new(f.panels.result, "panels.result")?,
            relisted: Words::new(f.markers.relisted, "markers.relisted")?,
            target_marker: Words::new(f.markers.target, "markers.target")?,
            targets_sheet: t.sheet,
            target_columns: vec![
                (
                    TargetColumn::Action,
                    Words::new(t.action, "targets.action")?,
                ),
                (
                    TargetColumn::Indicator,
                    Words::new(t.indicator, "targets.indicator")?,
                ),
                (TargetColumn::Kind, Words::new(t.kind, "targets.kind")?),
                (TargetColumn::Unit, Words::new(t.unit, "targets.unit")?),
                (
                    TargetColumn::Comparator,
                    Words::new(t.comparator, "targets.comparator")?,
                ),
            ],
            target_row: Words::new(t.target_row, "targets.target_row")?,
            actual_row: Words::new(t.actual_row, "targets.actual_row")?,
            comments_sheet: c.sheet,
            comment_item: Words::new(c.item, "comments.item")?,
            comment_text: Words::new(c.comment, "comments.comment")?,
        })
    }

    /// The label a cell's text stands for, however it is typed (spaces,
    /// full width, a trailing colon).
    pub fn label_of(&self, text: &str) -> Option<Label> {
        // Labels are a few characters; long texts (the panels) are never
        // labels, and most other cells fail on their first character.
        if text.len() > 64 {
            return None;
        }
        let first = fold_width(text.chars().find(|c| !c.is_whitespace())?);
        if self.label_first.binary_search(&first).is_err() {
            return None;
        }
        let k = key(text);
        let k = k.trim_end_matches([':', '：']);
        let i = self
            .label_keys
            .binary_search_by(|(w, _)| (**w).cmp(k))
            .ok()?;
        Some(self.label_keys[i].1)
    }

    /// The label as the template writes it.
    pub fn label(&self, label: Label) -> &str {
        self.labels
            .iter()
            .find(|(l, _)| *l == label)
            .map_or("", |(_, w)| w.first())
    }

    /// The year and kind of a header over a text panel (`令和6年度の取組`,
    /// `令和６年度の成果・効果`, `R5年度取組`); `None` for any other text.
    /// Headers are a few words: a long text that happens to start with a
    /// year is the panel's text, not its header.
    pub fn panel_header(&self, text: &str) -> Option<(FiscalYear, PanelKind)> {
        if text.len() > 64 {
            return None;
        }
        let (year, rest) = split_year(text)?;
        let r = rest.trim_start_matches(['年', '度', 'の']);
        if self.result.starts(r) {
            Some((year, PanelKind::Result))
        } else if self.work.starts(r) {
            Some((year, PanelKind::Work))
        } else {
            None
        }
    }

    /// A panel header as the template writes it: `令和6年度の成果・効果`.
    pub fn panel_title(&self, year: FiscalYear, kind: PanelKind) -> String {
        let word = match kind {
            PanelKind::Work => self.work.first(),
            PanelKind::Result => self.result.first(),
        };
        format!("{year}の{word}")
    }

    /// The （再掲） marker as the template writes it.
    pub fn relisted_marker(&self) -> &str {
        self.relisted.first()
    }

    /// A name without its trailing （再掲） marker, width folded and trimmed;
    /// and whether the marker was there.
    pub fn strip_relisted(&self, name: &str) -> (String, bool) {
        let k: String = name.chars().map(fold_width).collect();
        let t = k.trim_end();
        for m in &self.relisted.keys {
            if let Some(rest) = t.strip_suffix(m.as_str()) {
                return (rest.trim_end().to_string(), true);
            }
        }
        (t.to_string(), false)
    }

    /// The comparison key of an action or item name: [`key`] without the
    /// trailing （再掲） and （数値目標） markers.
    pub fn name_key(&self, s: &str) -> String {
        let k = key(s);
        let mut k = k.as_str();
        loop {
            let before = k.len();
            for m in self.relisted.keys.iter().chain(&self.target_marker.keys) {
                k = k.strip_suffix(m.as_str()).unwrap_or(k);
            }
            if k.len() == before {
                return k.to_string();
            }
        }
    }

    /// Two names of the same thing, tolerating what people vary without
    /// meaning to: spacing, full/half width, and the markers.
    pub fn same_name(&self, a: &str, b: &str) -> bool {
        a == b || self.name_key(a) == self.name_key(b)
    }

    /// The name the template gives the 数値目標 sheet.
    pub fn targets_sheet(&self) -> &str {
        &self.targets_sheet
    }

    /// The 数値目標 column a header cell (key form) names.
    pub fn target_column(&self, header_key: &str) -> Option<TargetColumn> {
        self.target_columns
            .iter()
            .find(|(_, w)| w.is(header_key))
            .map(|(c, _)| *c)
    }

    /// A 数値目標 column header as the template writes it.
    pub fn target_header(&self, column: TargetColumn) -> &str {
        self.target_columns
            .iter()
            .find(|(c, _)| *c == column)
            .map_or("", |(_, w)| w.first())
    }

    /// Whether a 区分 value (key form) is a 目標 or a 実績 row.
    pub fn row_kind(&self, kind_key: &str) -> Option<RowKind> {
        if self.target_row.starts(kind_key) {
            Some(RowKind::Target)
        } else if self.actual_row.starts(kind_key) {
            Some(RowKind::Actual)
        } else {
            None
        }
    }

    /// A 区分 value as the template writes it.
    pub fn row_word(&self, kind: RowKind) -> &str {
        match kind {
            RowKind::Target => self.target_row.first(),
            RowKind::Actual => self.actual_row.first(),
        }
    }

    /// The name the template would give a 評価コメント sheet.
    pub fn comments_sheet(&self) -> &str {
        &self.comments_sheet
    }

    /// Whether a header cell (key form) is the 評価コメント item column.
    pub fn is_comment_item(&self, header_key: &str) -> bool {
        self.comment_item.starts(header_key)
    }

    /// Whether a header cell (key form) is the 評価コメント text column.
    pub fn is_comment_text(&self, header_key: &str) -> bool {
        self.comment_text.is(header_key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_as_typed() {
        let f = Form::standard();
        assert_eq!(f.label_of(" 取組 項目名 "), Some(Label::Item));
        assert_eq!(f.label_of("基本方針："), Some(Label::Policy));
        assert_eq!(f.label_of("個別評価"), Some(Label::ActionGrade));
        assert_eq!(f.label_of("評 価"), Some(Label::ItemGrade));
        assert_eq!(f.label_of("基本方針1 新たな"), None);
        assert_eq!(f.label_of("所管課"), Some(Label::Departments));
        for l in Label::ALL {
            assert_eq!(f.label_of(f.label(l)), Some(l), "{l:?} reads back");
        }
    }

    #[test]
    fn panel_headers() {
        let f = Form::standard();
        let y = FiscalYear(2024);
        assert_eq!(
            f.panel_header("令和6年度の取組"),
            Some((y, PanelKind::Work))
        );
        assert_eq!(
            f.panel_header("令和６年度の成果・効果"),
            Some((y, PanelKind::Result))
        );
        assert_eq!(
            f.panel_header("R5年度の取組"),
            Some((FiscalYear(2023), PanelKind::Work))
        );
        assert_eq!(f.panel_header("令和6年度取組"), Some((y, PanelKind::Work)));
        assert_eq!(f.panel_header("令和6年度"), None);
        assert_eq!(f.panel_header("自治会補助金制度の実施"), None);
        for k in [PanelKind::Work, PanelKind::Result] {
            assert_eq!(f.panel_header(&f.panel_title(y, k)), Some((y, k)));
        }
    }

    #[test]
    fn markers_and_names() {
        let f = Form::standard();
        assert_eq!(
            f.strip_relisted("指定管理（再掲）"),
            ("指定管理".into(), true)
        );
        assert_eq!(f.strip_relisted("指定管理"), ("指定管理".into(), false));
        assert!(f.same_name("財政調整基金現在高（数値目標）", "財政調整基金現在高"));
        assert!(f.same_name("指定管理 (再掲)", "指定管理"));
        assert!(!f.same_name("指定管理", "指定管理者"));
    }

    #[test]
    fn target_and_comment_headers() {
        let f = Form::standard();
        assert_eq!(f.target_column("区分"), Some(TargetColumn::Kind));
        assert_eq!(f.target_column("ID"), Some(TargetColumn::Action));
        assert_eq!(f.target_column("目標値"), None);
        assert_eq!(f.row_kind("目標値"), Some(RowKind::Target));
        assert_eq!(f.row_kind("実績"), Some(RowKind::Actual));
        assert_eq!(f.row_kind("参考"), None);
        assert!(f.is_comment_item("取組項目番号") && f.is_comment_text("コメント"));
        for c in [
            TargetColumn::Action,
            TargetColumn::Indicator,
            TargetColumn::Kind,
            TargetColumn::Unit,
            TargetColumn::Comparator,
        ] {
            assert_eq!(f.target_column(&key(f.target_header(c))), Some(c));
        }
    }

    #[test]
    fn a_plan_can_replace_words() {
        let over: toml::Table = toml::from_str(
            "[labels]\nproject = [\"主要施策\", \"主な事業\"]\n[panels]\nresult = [\"実績\"]\n",
        )
        .unwrap();
        let f = Form::standard_with(over).unwrap();
        assert_eq!(f.label_of("主要施策"), Some(Label::Project));
        assert_eq!(f.label(Label::Project), "主要施策");
        assert_eq!(f.label_of("個別評価"), Some(Label::ActionGrade), "kept");
        assert_eq!(
            f.panel_header("令和6年度の実績"),
            Some((FiscalYear(2024), PanelKind::Result))
        );
        assert_eq!(f.panel_header("令和6年度の成果・効果"), None, "replaced");
    }

    #[test]
    fn a_word_under_two_labels_is_refused() {
        let table = |s: &str| -> toml::Table { toml::from_str(s).unwrap() };
        let e = Form::standard_with(table("[labels]\nfuture = [\"評価\"]\n")).unwrap_err();
        assert!(e.contains("評価"), "{e}");
        assert!(Form::standard_with(table("[labels]\nitem = []\n")).is_err());
        let e = Form::standard_with(table("[labels]\nprojects = [\"主要施策\"]\n")).unwrap_err();
        assert!(e.contains("projects"), "a misspelt key is refused: {e}");
    }
}
