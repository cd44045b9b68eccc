//! What a cell means when real Excel users write it: the fixtures of
//! `tests/fixtures/reading/` (openpyxl with explicit number formats,
//! zip-level edits, LibreOffice re-saves; see its README), each checked for
//! the findings a careful reader expects and, as much, for the absence of
//! the false ones the reader gave before.

use std::collections::BTreeSet;

use crate::util::{Workdir, fixture, json};

/// The JSON report of `hyoka check FILE --year 令和6` with `extra` arguments.
fn report(file: &str, extra: &[&str]) -> serde_json::Value {
    let w = Workdir::new();
    let path = fixture(&format!("reading/{file}"));
    let mut args = vec![
        "check",
        path.to_str().unwrap(),
        "--year",
        "令和6",
        "--format",
        "json",
        "-q",
    ];
    args.extend_from_slice(extra);
    json(&w.command(&args).output().expect("run hyoka"))
}

/// `CODE@sheet!cell` of every finding of `hyoka check FILE` (P003 ignored:
/// each fixture holds one department only), with the messages.
fn check(file: &str) -> (BTreeSet<String>, Vec<String>) {
    let v = report(file, &["--ignore", "P003"]);
    let mut at = BTreeSet::new();
    let mut messages = Vec::new();
    for f in v["findings"].as_array().expect("findings") {
        let code = f["code"].as_str().unwrap();
        let place = format!(
            "{}!{}",
            f["sheet"].as_str().unwrap_or(""),
            f["cell"].as_str().unwrap_or("")
        );
        at.insert(format!("{code}@{place}"));
        messages.push(format!(
            "{code}@{place} {}",
            f["message"].as_str().unwrap_or("")
        ));
    }
    (at, messages)
}

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| s.to_string()).collect()
}

/// The base's one finding: the report's own `8,447,029円` in a 千円 column.
const BASE: &str = "N001@数値目標!D5";

/// Asserts that a finding at `at` (`CODE@sheet!cell`, or its start) says `word`.
fn said(messages: &[String], at: &str, word: &str) {
    assert!(
        messages
            .iter()
            .any(|l| l.starts_with(at) && l.contains(word)),
        "{at} should say `{word}`: {messages:?}"
    );
}

fn assert_findings(file: &str, want: &[&str]) -> Vec<String> {
    let (got, messages) = check(file);
    assert_eq!(got, set(want), "{file}:\n{}", messages.join("\n"));
    messages
}

#[test]
fn percentages_stored_as_fractions_read_as_shown() {
    // 0.944 with `0.0%` is 94.4%: no false N001 / N010 / N012 (17 before).
    for f in ["nf_percent.xlsx", "nf_percent_lo.xlsx", "nf_percent_lo.ods"] {
        assert_findings(f, &[BASE]);
    }
    assert_findings("nf_percent_納税課.xlsx", &[]);
}

#[test]
fn a_unit_in_the_number_format_is_read() {
    // `#,##0"千円"` in a 千円 column: the number is right.
    assert_findings("nf_senen.xlsx", &[]);
    // `#,##0"円"` (and LibreOffice's `#,##0\円`, and the .ods's shown text)
    // in a 千円 column: the report's own slip, unseen before.
    for f in [
        "nf_yen_slip.xlsx",
        "nf_yen_slip_lo.xlsx",
        "nf_yen_slip_lo.ods",
    ] {
        let m = assert_findings(f, &[BASE]);
        assert!(m[0].contains("8,447,029円"), "{f}: {m:?}");
    }
    // A format that only rounds leaves the typed number.
    assert_findings("nf_decimal.xlsx", &[BASE]);
}

#[test]
fn year_headers_shown_through_a_format_are_years() {
    // `"令和"0"年度"` on numbers, `ggge"年度"` on dates, `[DBNum1]`: before,
    // 21 G003 and the grades lost, or the 数値目標 sheet not recognised
    // (and with it the base's N001 gone).
    for f in [
        "nf_year_評価シート.xlsx",
        "nf_year_number_数値目標.xlsx",
        "nf_year_gannen_数値目標.xlsx",
        "nf_dbnum.xlsx",
    ] {
        assert_findings(f, &[BASE]);
    }
}

#[test]
fn struck_through_text_is_not_the_content() {
    // ~~B~~A is the grade A (G001 `BA` before), said once as info.
    let m = assert_findings("strike_grade.xlsx", &[BASE, "F006@(4)基金!D15"]);
    said(&m, "F006", "「B」");
    // The struck old figure is not compared with the new one.
    let m = assert_findings("strike_text.xlsx", &[BASE, "F006@(4)基金!B11"]);
    said(&m, "F006", "9,200,000,000円");
    // Phonetic guides are not content either (they were not before).
    assert_findings("phonetic.xlsx", &[BASE]);
}

#[test]
fn a_wholly_struck_cell_is_not_read() {
    // What is left is an empty 令和4年度の取組 under a graded year (S005).
    let m = assert_findings(
        "strike_cell.xlsx",
        &[BASE, "F006@(4)基金!B13", "S005@(4)基金!B13"],
    );
    said(&m, "F006", "セル全体");
}

#[test]
fn values_that_are_no_figure_are_reported_not_dropped() {
    // A date, TRUE, 集計中 and a dash disappeared with exit 0 before.
    let m = assert_findings(
        "drop_values.xlsx",
        &[
            BASE,
            "F003@数値目標!E11",
            "N019@数値目標!E3",
            "N019@数値目標!E5",
            "N019@数値目標!E7",
            "N019@数値目標!E9",
        ],
    );
    for (cell, word) in [
        ("E3", "日付"),
        ("E5", "論理値"),
        ("E7", "集計中"),
        ("E9", "ダッシュ"),
    ] {
        said(&m, &format!("N019@数値目標!{cell}"), word);
    }
}

#[test]
fn a_hidden_copy_never_overrides_the_visible_sheet() {
    // Before: the hidden old copy was used and the visible grades were
    // reported as conflicting (three G013).
    for f in ["hidden_old_copy.xlsx", "hidden_veryhidden.xlsx"] {
        let m = assert_findings(f, &[BASE, "F007@シート3-(4) (旧)!"]);
        assert!(
            m.iter()
                .any(|l| l.contains("評価が表示中のシートと異なります")),
            "{m:?}"
        );
        // The text figures come from the visible sheet too.
        said(&m, "N001", "(4)基金!D22");
    }
    // The only evaluation sheet hidden: read, with a warning.
    let m = assert_findings(
        "hidden_only_sheet.xlsx",
        &[
            "F007@(1)地域コミュニティ!",
            "N016@(1)地域コミュニティ!D26",
            "P001@(1)地域コミュニティ!B37",
        ],
    );
    assert!(
        m.iter().any(|l| l.contains("非表示になっています")),
        "{m:?}"
    );
}

#[test]
fn invisible_characters_in_a_grade_are_named() {
    // G001 with the character unseen before; now the grade, with its name.
    let m = assert_findings(
        "invisible_grades.xlsx",
        &[BASE, "G006@(4)基金!D15", "G006@(5)財政健全性!D15"],
    );
    assert!(
        m.iter().any(|l| l.contains("ゼロ幅スペース U+200B")),
        "{m:?}"
    );
    assert!(m.iter().any(|l| l.contains("U+FEFF")), "{m:?}");
}

#[test]
fn other_scales_are_named_never_mapped() {
    let m = assert_findings(
        "scale_foreign.xlsx",
        &[
            BASE,
            "G001@(4)基金!B15",
            "G001@(4)基金!C24",
            "G001@(4)基金!D24",
            "G001@(5)財政健全性!B15",
            "G001@(5)財政健全性!C24",
            "G001@(5)財政健全性!D15",
        ],
    );
    assert!(
        m.iter()
            .all(|l| !l.starts_with("G001") || l.contains("A・B・C・—")),
        "{m:?}"
    );
    assert!(m.iter().any(|l| l.contains("◎○△×")), "{m:?}");
    // `Ａ（達成）` is A with a gloss (G001 and a false G011 before).
    assert_findings(
        "scale_variants.xlsx",
        &[
            BASE,
            "G006@(5)財政健全性!B24",
            "G006@(5)財政健全性!D24",
            "G006@(5)財政健全性!D33",
        ],
    );
}

#[test]
fn two_items_on_one_sheet_are_read_as_two() {
    // Before: one 3-(5) with 3-(4)'s grades, N003 and four P001.
    assert_findings("two_items_one_sheet.xlsx", &[BASE]);
    let v = report("two_items_one_sheet.xlsx", &[]);
    for f in v["findings"].as_array().unwrap() {
        let m = f["message"].as_str().unwrap();
        assert!(
            f["code"] != "P003" || !(m.contains("3-(4)") || m.contains("3-(5)")),
            "both items are placed: {m}"
        );
    }
}

#[test]
fn every_date_is_a_checked_fact() {
    // None of these was flagged before; the planned date must stay silent.
    let m = assert_findings(
        "dates_in_texts.xlsx",
        &[
            BASE,
            "N020@(4)基金!D13",
            "N020@(4)基金!D11",
            "N020@(4)基金!B20",
            "N020@(4)基金!D20",
            "N011@(4)基金!B11",
        ],
    );
    for (cell, word) in [
        ("D13", "令和6年2月30日"),
        ("D11", "令和7年"),
        ("B20", "火曜日"),
        ("D20", "始まりより前"),
    ] {
        said(&m, &format!("N020@(4)基金!{cell}"), word);
    }
    said(&m, "N011", "実施済み");
}

#[test]
fn a_block_that_is_there_but_empty_is_reported() {
    let m = assert_findings("blk_tantou_empty.xlsx", &[BASE, "S005@(4)基金!B4"]);
    assert!(m.iter().any(|l| l.contains("担当課が空欄")), "{m:?}");
    assert_findings("blk_future_empty.xlsx", &[BASE, "S005@(4)基金!B26"]);
    let m = assert_findings(
        "blk_texts_empty.xlsx",
        &[BASE, "S005@(4)基金!B11", "S005@(4)基金!D11"],
    );
    assert!(
        m.iter().any(|l| l.contains("成果・効果の記載が空欄")),
        "{m:?}"
    );
}

#[test]
fn a_mistyped_item_number_is_reported_not_refiled() {
    // `(2)` typed for `(3)` on the tab 2-(3): the name, the tab and the
    // 取組内容 say 2-(3). Before, the sheet became a second 2-(2): P004, eight
    // G013 against the real 2-(2) and nine P001. The G011 pair and the S004
    // are the base file's own.
    let base = ["G011@2-(3)!B6", "G011@2-(3)!D6", "S004@2-(3)!B4"];
    let m = assert_findings(
        "blk_item_number_typo.xlsx",
        &[&base[..], &["S006@2-(3)!B2"]].concat(),
    );
    said(&m, "S006@2-(3)!B2", "2-(3)のシートとして点検しました");
    assert_findings("00_base_行政経営担当_2-2_2-3.xlsx", &base);
}

#[test]
fn last_years_panel_header_is_reported_and_read_as_the_missing_year() {
    // (4)基金!B10 `令和5年度の取組` over the 令和6年度 text. Read by its header,
    // the 令和6年度 balance was compared with 令和5年度's: false N008, N002
    // and two N010.
    let m = assert_findings("blk_panel_year.xlsx", &[BASE, "S007@(4)基金!B10"]);
    said(
        &m,
        "S007@(4)基金!B10",
        "「令和6年度の取組」として点検しました",
    );
}

#[test]
fn a_repeated_or_reordered_block_is_reported() {
    // Block ② pasted twice: only the first one's grades are consolidated.
    let m = assert_findings("blk_duplicate_project.xlsx", &[BASE, "S008@(4)基金!B26"]);
    said(&m, "S008@(4)基金!B26", "もう一つはB17");
    let m = assert_findings("blk_order.xlsx", &[BASE, "S009@(5)財政健全性!B17"]);
    said(&m, "S009@(5)財政健全性!B17", "③ ① ②");
}

#[test]
fn a_dropped_relisted_marker_is_reported() {
    let base = ["G011@2-(3)!B6", "G011@2-(3)!D6", "S004@2-(3)!B4"];
    let m = assert_findings(
        "blk_relisted_dropped.xlsx",
        &[&base[..], &["S011@2-(3)!B3", "S011@2-(3)!B22"]].concat(),
    );
    said(&m, "S011@2-(3)!B22", "2-(2)-③の再掲");
}

#[test]
fn a_missing_target_row_is_reported() {
    // The 数値目標 rows of 3-(4)-② removed: silent before (exit 0).
    let m = assert_findings("blk_target_row_missing.xlsx", &["S012@数値目標!"]);
    said(&m, "S012@数値目標!", "3-(4)-②");
}
