//! Rules comparing the sheets with the plan: names, unknown items and actions,
//! items nobody submitted, items submitted twice.

crate::rules::registry::rules! {
    P001 "name-differs-from-plan" Warning name_differs::NameDiffers,
    P002 "unknown-to-plan" Error unknown_to_plan::UnknownToPlan,
    P003 "item-not-submitted" Error not_submitted::NotSubmitted,
    P004 "duplicate-item" Error duplicate_item::DuplicateItem,
    P005 "duplicate-file" Warning duplicate_file::DuplicateFile,
}
