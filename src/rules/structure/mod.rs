//! Rules about the layout of a 評価シート: blocks that must be there, and
//! numbers that must refer to something.

crate::rules::registry::rules! {
    S001 "missing-block" Error missing_block::MissingBlock,
    S002 "project-without-action" Error project_without_action::ProjectWithoutAction,
    S003 "action-without-project" Error action_without_project::ActionWithoutProject,
    S004 "unknown-action-reference" Error unknown_action_reference::UnknownActionReference,
    S005 "empty-block" Warning empty_block::EmptyBlock,
    S006 "item-signals-disagree" Error item_signals_disagree::ItemSignalsDisagree,
    S007 "panel-year-differs" Warning panel_year_differs::PanelYearDiffers,
    S008 "duplicate-project" Error duplicate_project::DuplicateProject,
    S009 "project-order" Warning project_order::ProjectOrder,
    S010 "duplicate-measure" Warning duplicate_measure::DuplicateMeasure,
    S011 "relisted-marker" Warning relisted_marker::RelistedMarker,
    S012 "target-row-missing" Warning target_row_missing::TargetRowMissing,
    S013 "future-other-item" Warning future_other_item::FutureOtherItem,
}
