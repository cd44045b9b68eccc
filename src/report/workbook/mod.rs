//! The consolidated workbook the committee reads, one file per sheet:
//! 評価一覧 (`summary`), 集計 with charts (`counts`), 数値目標 (`targets`),
//! エラー報告 (`findings`) and 提出状況 (`files`). Rows link to the submitted
//! cells (`links`). Every value taken from a submission is written as a string,
//! never as a formula, so `=…` typed by a department stays inert.

mod counts;
mod files;
mod findings;
pub mod links;
pub(crate) mod print;
pub mod requests;
mod summary;
mod targets;

use std::io::Write;
use std::path::Path;

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

use crate::model::finding::Lang;
use crate::model::output;
use crate::report::Results;
use crate::report::width::text_width;

/// Background colours of grades A, B and C.
pub(super) const GRADE_COLORS: [u32; 3] = [0xC6EFCE, 0xDDEBF7, 0xFFC7CE];

/// Japanese UI font of Excel; other suites substitute their own CJK font.
const FONT: &str = "游ゴシック";

pub(super) struct Styles {
    pub(super) header: Format,
    pub(super) text: Format,
    pub(super) wrap: Format,
    pub(super) center: Format,
    pub(super) severity: [Format; 3],
    pub(super) agreement_bad: Format,
    pub(super) agreement_tie: Format,
    pub(super) link: Format,
}

pub(super) fn base() -> Format {
    Format::new()
        .set_font_name(FONT)
        .set_font_size(10)
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin)
        .set_border_color(Color::RGB(0xBFBFBF))
}

pub(super) fn styles() -> Styles {
    // Wrapped: a narrow column's longer texts (同率（協議）) take two lines.
    let center = base().set_align(FormatAlign::Center).set_text_wrap();
    Styles {
        header: base()
            .set_bold()
            .set_text_wrap()
            .set_align(FormatAlign::Center)
            .set_background_color(Color::RGB(0xDDEBF7)),
        text: base(),
        wrap: base().set_text_wrap(),
        link: base()
            .set_font_color(Color::RGB(0x0563C1))
            .set_underline(rust_xlsxwriter::FormatUnderline::Single),
        center,
        severity: [
            base()
                .set_font_color(Color::RGB(0x9C0006))
                .set_background_color(Color::RGB(0xFFC7CE)),
            base()
                .set_font_color(Color::RGB(0x9C5700))
                .set_background_color(Color::RGB(0xFFEB9C)),
            base().set_background_color(Color::RGB(0xDDEBF7)),
        ],
        agreement_bad: (base().set_bold().set_text_wrap())
            .set_background_color(Color::RGB(0xFFC7CE)),
        agreement_tie: (base().set_text_wrap()).set_background_color(Color::RGB(0xFFEB9C)),
    }
}

/// Column widths from content (CJK counts double, capped, with padding), and
/// row heights for wrapped cells: rust_xlsxwriter does not size rows and
/// LibreOffice does not resize them on load, so text would be cut off.
pub(super) struct Widths {
    cols: Vec<usize>,
    wrapped: Vec<(u32, usize, String)>,
}

/// Points per line of 10-point text.
const LINE_HEIGHT: f64 = 13.5;

impl Widths {
    pub(super) fn new(headers: &[&str]) -> Widths {
        Widths {
            cols: headers.iter().map(|h| text_width(h).min(12)).collect(),
            wrapped: Vec::new(),
        }
    }
    pub(super) fn see(&mut self, col: usize, s: &str) {
        if let Some(w) = self.cols.get_mut(col) {
            *w = (*w).max(text_width(s));
        }
    }
    /// Like `see`, for a cell that wraps: its row grows to show all of it.
    pub(super) fn see_wrapped(&mut self, row: u32, col: usize, s: &str) {
        self.see(col, s);
        self.wrapped.push((row, col, s.to_string()));
    }
    /// Caps the widths and sets them on the sheet; the result sizes rows.
    pub(super) fn fix(&self, ws: &mut Worksheet, caps: &[usize]) -> Result<Fixed, XlsxError> {
        let widths: Vec<usize> = self
            .cols
            .iter()
            .enumerate()
            .map(|(i, w)| (*w).min(caps.get(i).copied().unwrap_or(40)))
            .collect();
        for (i, w) in widths.iter().enumerate() {
            ws.set_column_width(i as u16, *w as f64 + 2.0)?;
        }
        let columns = widths.iter().map(|w| *w as f64 + 2.0).collect();
        Ok(Fixed {
            widths,
            columns,
            usual: 1,
            shrink: true,
        })
    }
    /// Sets the widths and the heights of the rows seen wrapped; the result
    /// holds the widths and each of these rows' height in points.
    pub(super) fn apply(
        &self,
        ws: &mut Worksheet,
        caps: &[usize],
    ) -> Result<(Fixed, std::collections::BTreeMap<u32, f64>), XlsxError> {
        let fixed = self.fix(ws, caps)?;
        let mut rows: std::collections::BTreeMap<u32, Vec<(usize, &str)>> = Default::default();
        for (row, col, text) in &self.wrapped {
            rows.entry(*row).or_default().push((*col, text));
        }
        let mut heights = std::collections::BTreeMap::new();
        for (row, cells) in rows {
            let lines = fixed.lines(cells);
            fixed.set_lines(ws, row, lines)?;
            heights.insert(row, row_height(lines));
        }
        Ok((fixed, heights))
    }
}

/// Column widths once fixed: what a row's wrapped cells need is known as the
/// row is written (constant-memory sheets cannot go back to a row).
pub(super) struct Fixed {
    widths: Vec<usize>,
    /// The widths set on the sheet, for printing (print::Page::columns).
    columns: Vec<f64>,
    /// Lines of the sheet's default row height.
    usual: usize,
    /// Whether rows needing fewer lines than the default get their own height.
    shrink: bool,
}

impl Fixed {
    /// The column widths as set on the sheet.
    pub(super) fn columns(&self) -> &[f64] {
        &self.columns
    }

    /// Sets column `col` to `width` (Excel's units) after all.
    pub(super) fn set_width(
        &mut self,
        ws: &mut Worksheet,
        col: u16,
        width: f64,
    ) -> Result<(), XlsxError> {
        ws.set_column_width(col, width)?;
        let c = col as usize;
        if c >= self.columns.len() {
            self.columns.resize(c + 1, 8.43);
            self.widths.resize(c + 1, 8);
        }
        self.columns[c] = width;
        self.widths[c] = (width - 2.0).max(1.0) as usize;
        Ok(())
    }

    /// The lines the tallest of a row's wrapped cells needs.
    pub(super) fn lines<'t>(&self, wrapped: impl IntoIterator<Item = (usize, &'t str)>) -> usize {
        wrapped
            .into_iter()
            .map(|(col, text)| {
                let width = self.widths.get(col).copied().unwrap_or(40).max(1);
                text.lines()
                    .map(|l| text_width(l).div_ceil(width).max(1))
                    .sum::<usize>()
            })
            .max()
            .unwrap_or(1)
    }

    /// Makes the most common of the rows' line counts (each as measured by
    /// [`Fixed::lines`]) the sheet's default row height, so that only the
    /// rows that differ get a height of their own (the writer holds every
    /// height in memory: docs/performance.md). Beyond [`MAX_ROW_HEIGHTS`]
    /// such rows the default grows: rows are roomier, never cut off.
    pub(super) fn usual_height(
        &mut self,
        ws: &mut Worksheet,
        lines: &[usize],
    ) -> Result<(), XlsxError> {
        let mut count: std::collections::BTreeMap<usize, usize> = Default::default();
        for &n in lines {
            *count.entry(n.max(1)).or_default() += 1;
        }
        let (usual, shrink) = usual_lines(&count, MAX_ROW_HEIGHTS);
        if usual > 1 {
            ws.set_default_row_height(row_height(usual));
        }
        self.usual = usual;
        self.shrink = shrink;
        Ok(())
    }

    /// Sets the height of `row`, whose wrapped cells need `lines` lines (as
    /// measured by [`Fixed::lines`]), when it differs from the default.
    pub(super) fn set_lines(
        &self,
        ws: &mut Worksheet,
        row: u32,
        lines: usize,
    ) -> Result<(), XlsxError> {
        if lines > self.usual || (self.shrink && lines < self.usual) {
            ws.set_row_height(row, row_height(lines))?;
        }
        Ok(())
    }
}

/// Rows of one sheet given a height of their own, at most.
pub const MAX_ROW_HEIGHTS: usize = 10_000;

/// The default lines of a sheet from how many rows need each line count,
/// and whether rows needing fewer lines get heights of their own: the most
/// common count (the fewest among equals) when at most `max` rows differ
/// from it; otherwise the fewest lines that at most `max` rows exceed.
fn usual_lines(count: &std::collections::BTreeMap<usize, usize>, max: usize) -> (usize, bool) {
    let mode = count
        .iter()
        .max_by_key(|(n, c)| (**c, std::cmp::Reverse(**n)))
        .map_or(1, |(n, _)| *n);
    let total: usize = count.values().sum();
    if total - count.get(&mode).copied().unwrap_or(0) <= max {
        return (mode, true);
    }
    let mut above = total;
    for (n, c) in count {
        above -= c;
        if *n >= mode && above <= max {
            return (*n, false);
        }
    }
    (mode, false)
}

/// Points for a row of `lines` lines (one line: Excel's default row).
fn row_height(lines: usize) -> f64 {
    if lines <= 1 {
        15.0
    } else {
        LINE_HEIGHT * lines as f64 + 2.0
    }
}

pub(super) fn header_row(
    ws: &mut Worksheet,
    st: &Styles,
    headers: &[&str],
) -> Result<(), XlsxError> {
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, &st.header)?;
    }
    ws.set_freeze_panes(1, 0)?;
    // How it prints: print::setup, called by each sheet.
    Ok(())
}

/// The custom document property holding the run's id (ファイル → 情報 →
/// プロパティ → 詳細プロパティ → ユーザー設定 in Excel).
pub const RUN_PROPERTY: &str = "hyoka-run";

/// Builds the workbook and writes it to `to`; links are relative to
/// `output`'s folder.
pub fn build(
    out: &Results,
    lang: Lang,
    output: &Path,
    to: &mut (impl std::io::Write + std::io::Seek + Send),
) -> Result<(), XlsxError> {
    let st = styles();
    let links = links::Linker::new(output);
    let mut wb = Workbook::new();
    // Marked as hyoka's, so a later run passes it over as an input and may
    // overwrite it.
    let mut props = rust_xlsxwriter::DocProperties::new()
        .set_title("評価シート集約ブック")
        .set_custom_property(output::PROPERTY, output::CONSOLIDATED);
    if let Some(run) = out.run {
        props = props.set_custom_property(RUN_PROPERTY, run);
    }
    wb.set_properties(&props);
    summary::sheet(wb.add_worksheet(), &st, out.batch, &links)?;
    counts::sheet(&mut wb, &st, out.batch)?;
    // The sheets that grow with the input are written row by row to
    // temporary files (constant memory), not held as cells.
    targets::sheet(wb.add_worksheet_with_constant_memory()?, &st, out, &links)?;
    findings::sheet(
        wb.add_worksheet_with_constant_memory()?,
        &st,
        out,
        lang,
        &links,
    )?;
    files::sheet(wb.add_worksheet_with_constant_memory()?, &st, out, &links)?;
    if links.escaped() {
        // Written once to a scratch file, then copied with the links'
        // escapes restored (links::restore_percent).
        let mut scratch = std::io::BufWriter::new(tempfile::tempfile()?);
        wb.save_to_writer(&mut scratch)?;
        let mut scratch = scratch.into_inner().map_err(|e| e.into_error())?;
        std::io::Seek::rewind(&mut scratch)?;
        let mut w = std::io::BufWriter::new(to);
        links::restore_percent(std::io::BufReader::new(scratch), &mut w)
            .map_err(|e| XlsxError::IoError(std::io::Error::other(e)))?;
        w.flush()?;
        return Ok(());
    }
    let mut w = std::io::BufWriter::new(to);
    wb.save_to_writer(&mut w)?;
    // A failed flush must fail the build, not vanish in BufWriter's drop.
    w.flush()?;
    Ok(())
}

/// Excel's limit on one cell's text, in characters.
pub const MAX_CELL_CHARS: usize = 32_767;

/// A text cut to fit one cell, marked where it was cut: one over-long
/// submitted text must not cost everyone the workbook.
pub(super) fn fit(text: &str) -> std::borrow::Cow<'_, str> {
    const MARK: &str = "…（以下略）";
    if text.len() <= MAX_CELL_CHARS || text.chars().count() <= MAX_CELL_CHARS {
        return text.into();
    }
    let keep = MAX_CELL_CHARS - MARK.chars().count();
    let mut s: String = text.chars().take(keep).collect();
    s.push_str(MARK);
    s.into()
}

/// Writes a string that links to `at` when it can, plain otherwise.
pub(super) fn write_linked(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    text: &str,
    at: Option<&crate::model::location::Location>,
    links: &mut links::SheetLinks,
    format: &Format,
) -> Result<(), XlsxError> {
    match at.and_then(|a| links.url(a)) {
        Some(url) if !text.is_empty() => {
            ws.write_url_with_options(row, col, url, &*fit(text), "元のセルを開く", Some(format))?;
        }
        _ => {
            ws.write_string_with_format(row, col, &*fit(text), format)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::usual_lines;

    fn counts(pairs: &[(usize, usize)]) -> std::collections::BTreeMap<usize, usize> {
        pairs.iter().copied().collect()
    }

    #[test]
    fn the_most_common_line_count_is_the_default_while_few_rows_differ() {
        assert_eq!(
            usual_lines(&counts(&[(1, 3), (2, 5), (3, 2)]), 10),
            (2, true)
        );
        // Equally common: the fewer lines.
        assert_eq!(usual_lines(&counts(&[(1, 4), (2, 4)]), 10), (1, true));
    }

    #[test]
    fn many_taller_rows_raise_the_default_instead_of_getting_heights() {
        // 60 rows of 2 lines, 30 of 3, 5 of 5; at most 10 own heights.
        let (usual, shrink) = usual_lines(&counts(&[(1, 8), (2, 60), (3, 30), (5, 5)]), 10);
        assert_eq!(
            (usual, shrink),
            (3, false),
            "only the 5 rows of 5 lines exceed 3"
        );
        // 40 rows of 2 lines are too many to give heights: 2 becomes the default.
        assert_eq!(usual_lines(&counts(&[(1, 50), (2, 40)]), 10), (2, false));
    }
}
