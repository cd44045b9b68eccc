//! Page setup of the printed sheets, in one place so that every workbook
//! hyoka writes prints alike: A4 (A3 is not at hand in every office), the sheet's title and the evaluated year in
//! the page header, page numbers and the print date in the footer, the header
//! row on every page, and a print scale chosen from the column widths so that
//! 10-point text never prints below 8 points ([`MIN_SCALE`]). Columns that do
//! not fit one page across at that scale are split over pages at the breaks a
//! sheet allows, with its key columns (the ID) repeated on every page.

use rust_xlsxwriter::{Worksheet, XlsxError};

use crate::model::year::FiscalYear;

/// The smallest print scale in percent: 10-point text prints at 8 points.
pub(crate) const MIN_SCALE: u16 = 80;

/// Scales at or above this count as equally readable: among them the layout
/// keeping more columns on the first page wins.
const COMFORTABLE_SCALE: u16 = 85;

/// Excel's paper size A4 (`paperSize`), and its width and height in inches.
pub(crate) const A4: u8 = 9;
const A4_INCHES: (f64, f64) = (8.27, 11.69);

/// Margins in inches: left and right, top and bottom, header and footer.
const MARGIN_SIDE: f64 = 0.4;
const MARGIN_TOP: f64 = 0.6;
const MARGIN_HEADER: f64 = 0.3;

/// The columns' computed widths are Excel's; LibreOffice draws them about 5%
/// wider, so the printable width is taken this much smaller.
const SAFETY: f64 = 0.94;

/// Title of every page header, before the sheet's own.
const BOOK_TITLE: &str = "評価シート集約";

/// How one sheet prints. Build it with [`Page::new`] and the setters.
#[derive(Clone, Debug)]
pub(crate) struct Page<'a> {
    /// The workbook's name in the page header (「評価シート集約」).
    book: &'a str,
    title: &'a str,
    year: Option<FiscalYear>,
    landscape: bool,
    columns: &'a [f64],
    min_width_px: f64,
    fit_height: Option<f64>,
    key_columns: Option<(u16, u16)>,
    breaks: &'a [u16],
    gridlines: bool,
}

/// What [`setup`] chose.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Printed {
    /// Print scale in percent, at least [`MIN_SCALE`].
    pub(crate) scale: u16,
    /// The columns that start a page across, after the first (vertical
    /// page breaks); empty when the sheet is one page wide.
    pub(crate) breaks: Vec<u16>,
    /// Height of a page's body in the sheet's points (row heights), below
    /// the repeated header rows' own height, which the caller knows.
    pub(crate) body_height: f64,
}

impl<'a> Page<'a> {
    /// A4 portrait, no gridlines, the header row (row 1) on every page; `title` goes in
    /// the page header after 「評価シート集約 —」, `year` on its right.
    pub(crate) fn new(title: &'a str, year: Option<FiscalYear>) -> Page<'a> {
        Page {
            book: BOOK_TITLE,
            title,
            year,
            landscape: false,
            columns: &[],
            min_width_px: 0.0,
            fit_height: None,
            key_columns: None,
            breaks: &[],
            gridlines: false,
        }
    }
    /// Another workbook's name in the page header (「修正依頼」).
    pub(crate) fn book(mut self, name: &'a str) -> Self {
        self.book = name;
        self
    }
    pub(crate) fn landscape(mut self) -> Self {
        self.landscape = true;
        self
    }
    /// The widths of the printed columns as set on the sheet (Excel's
    /// character units, as `Worksheet::set_column_width`).
    pub(crate) fn columns(mut self, widths: &'a [f64]) -> Self {
        self.columns = widths;
        self
    }
    /// The width in pixels from column A that the content needs at least
    /// (a chart reaching past the columns).
    pub(crate) fn min_width_px(mut self, px: f64) -> Self {
        self.min_width_px = px;
        self
    }
    /// The height in points of content (tables and charts) to print on one
    /// page, smaller if need be but not below [`MIN_SCALE`].
    pub(crate) fn fit_height(mut self, points: f64) -> Self {
        self.fit_height = Some(points);
        self
    }
    /// Columns printed on the left of every page when the sheet takes more
    /// than one page across.
    pub(crate) fn key_columns(mut self, first: u16, last: u16) -> Self {
        self.key_columns = Some((first, last));
        self
    }
    /// Columns a page across may start with, when the columns do not fit one
    /// page at [`MIN_SCALE`]: between groups that read together.
    pub(crate) fn breaks(mut self, columns: &'a [u16]) -> Self {
        self.breaks = columns;
        self
    }
    /// Prints the cell grid (for sheets with cells left blank, no border).
    pub(crate) fn gridlines(mut self) -> Self {
        self.gridlines = true;
        self
    }

    /// Paper width and height in inches, as oriented.
    fn paper_inches(&self) -> (f64, f64) {
        let (w, h) = A4_INCHES;
        if self.landscape { (h, w) } else { (w, h) }
    }

    /// The header, `&L評価シート集約 — 評価一覧&R令和6年度`.
    fn header(&self) -> String {
        let mut s = format!("&L{} — {}", escape(self.book), escape(self.title));
        if let Some(y) = self.year {
            s.push_str(&format!("&R{}", escape(&y.label())));
        }
        s
    }
}

/// The footer: print date on the left, page of pages in the centre.
const FOOTER: &str = "&L印刷日 &D&C&P / &N ページ";

/// `&` is a code in headers and footers; `&&` prints it.
/// A page header's or footer's text, `&` escaped.
pub(crate) fn escape(s: &str) -> String {
    s.replace('&', "&&")
}

/// Pixels (at 96 dpi) of a column of Excel width `w`, in the default font.
pub(crate) fn column_px(w: f64) -> f64 {
    if w <= 0.0 {
        0.0
    } else if w < 1.0 {
        (w * 12.0).round()
    } else {
        (w * 7.0 + 5.0).round()
    }
}

/// Sets the page up for printing: paper, orientation, margins, header and
/// footer, header rows and key columns on every page, and the scale (with
/// vertical page breaks when the columns need more than one page across).
pub(crate) fn setup(ws: &mut Worksheet, page: &Page) -> Result<Printed, XlsxError> {
    ws.set_paper_size(A4);
    if page.landscape {
        ws.set_landscape();
    } else {
        ws.set_portrait();
    }
    ws.set_margins(
        MARGIN_SIDE,
        MARGIN_SIDE,
        MARGIN_TOP,
        MARGIN_TOP,
        MARGIN_HEADER,
        MARGIN_HEADER,
    );
    ws.set_header(page.header());
    ws.set_footer(FOOTER);
    if page.gridlines {
        ws.set_print_gridlines(true);
    }
    ws.set_repeat_rows(0, 0)?;
    let (paper_w, paper_h) = page.paper_inches();
    let usable_px = (paper_w - 2.0 * MARGIN_SIDE) * 96.0 * SAFETY;
    let px: Vec<f64> = page.columns.iter().map(|w| column_px(*w)).collect();
    let key = page
        .key_columns
        .map(|(a, b)| (a as usize..=b as usize).map(|c| px.get(c).copied().unwrap_or(0.0)))
        .map_or(0.0, |k| k.sum());
    let (mut scale, breaks) = plan(&px, key, page.breaks, page.min_width_px, usable_px);
    // Row heights are drawn as set: only a little spare.
    let body = (paper_h - 2.0 * MARGIN_TOP) * 72.0 * 0.98;
    if let (Some(h), true) = (page.fit_height, breaks.is_empty()) {
        let fits = (body / h * 100.0).floor() as u16;
        if (MIN_SCALE..scale).contains(&fits) {
            scale = fits;
        }
    }
    ws.set_print_scale(scale);
    if breaks.is_empty() {
        // Centred, unless a chart reaches past the columns (it would be
        // pushed off the page).
        if page.min_width_px == 0.0 {
            ws.set_print_center_horizontally(true);
        }
    } else {
        let cols: Vec<u32> = breaks.iter().map(|c| u32::from(*c)).collect();
        ws.set_vertical_page_breaks(&cols)?;
        if let Some((first, last)) = page.key_columns {
            ws.set_repeat_columns(first, last)?;
        }
    }
    let body_height = body * 100.0 / f64::from(scale);
    Ok(Printed {
        scale,
        breaks,
        body_height,
    })
}

/// The scale and the vertical page breaks for columns of `px` pixels on pages
/// `usable` pixels wide at 100%: the fewest pages across at a scale of at
/// least [`MIN_SCALE`], then the larger scale up to [`COMFORTABLE_SCALE`],
/// then the most columns on the first pages. Pages after the first also hold
/// the `key` pixels of the key columns; the first holds `min_first` at least.
fn plan(px: &[f64], key: f64, breaks: &[u16], min_first: f64, usable: f64) -> (u16, Vec<u16>) {
    let mut breaks: Vec<u16> = breaks
        .iter()
        .copied()
        .filter(|&b| b > 0 && (b as usize) < px.len())
        .collect();
    breaks.sort_unstable();
    breaks.dedup();
    // A handful of breaks per sheet: every subset can be tried.
    let breaks = &breaks[..breaks.len().min(12)];
    let scale_for = |cut: &[u16]| -> u16 {
        let mut starts = vec![0usize];
        starts.extend(cut.iter().map(|&b| b as usize));
        let mut widest: f64 = 0.0;
        for (i, &s) in starts.iter().enumerate() {
            let end = starts.get(i + 1).copied().unwrap_or(px.len());
            let mut w: f64 = px[s..end].iter().sum();
            if i == 0 {
                w = w.max(min_first);
            } else {
                w += key;
            }
            widest = widest.max(w);
        }
        if widest <= usable {
            100
        } else {
            (usable / widest * 100.0).floor() as u16
        }
    };
    let mut best: Option<(usize, u16, Vec<u16>, u16)> = None;
    for mask in 0u32..(1 << breaks.len()) {
        let cut: Vec<u16> = (0..breaks.len())
            .filter(|i| mask & (1 << i) != 0)
            .map(|i| breaks[i])
            .collect();
        let scale = scale_for(&cut);
        if scale < MIN_SCALE {
            continue;
        }
        let rank = scale.min(COMFORTABLE_SCALE);
        let better = match &best {
            None => true,
            Some((pages, r, c, _)) => {
                (
                    cut.len(),
                    std::cmp::Reverse(rank),
                    std::cmp::Reverse(cut.clone()),
                ) < (*pages, std::cmp::Reverse(*r), std::cmp::Reverse(c.clone()))
            }
        };
        if better {
            best = Some((cut.len(), rank, cut, scale));
        }
    }
    match best {
        Some((_, _, cut, scale)) => (scale, cut),
        // Too wide even split at every break: the smallest readable scale,
        // and the application breaks the pages further.
        None => (MIN_SCALE, breaks.to_vec()),
    }
}

/// Horizontal page breaks that keep groups of rows (a 取組項目's rows) on
/// one page where they fit: `rows` gives each row's number, height in points
/// and whether a group starts there, in order; pages hold `body` points.
pub(crate) fn group_breaks(
    rows: impl IntoIterator<Item = (u32, f64, bool)>,
    body: f64,
) -> Vec<u32> {
    let rows: Vec<(u32, f64, bool)> = rows.into_iter().collect();
    let mut breaks = Vec::new();
    let mut used = 0.0;
    let mut i = 0;
    while i < rows.len() {
        let end = (i + 1..rows.len())
            .find(|&j| rows[j].2)
            .unwrap_or(rows.len());
        let height: f64 = rows[i..end].iter().map(|r| r.1).sum();
        if used > 0.0 && used + height > body {
            breaks.push(rows[i].0);
            used = 0.0;
        }
        // A group taller than a page starts one, and the application splits it.
        for r in &rows[i..end] {
            if used + r.1 > body {
                used = 0.0;
            }
            used += r.1;
        }
        i = end;
    }
    breaks
}

#[cfg(test)]
mod tests {
    use super::{group_breaks, plan};

    #[test]
    fn columns_that_fit_print_on_one_page_at_up_to_full_size() {
        assert_eq!(plan(&[100.0; 5], 0.0, &[2], 0.0, 1000.0), (100, vec![]));
        assert_eq!(plan(&[100.0; 10], 0.0, &[5], 0.0, 900.0), (90, vec![]));
    }

    #[test]
    fn too_wide_columns_split_at_the_latest_comfortable_break() {
        // 1400 px on 1000: 71% on one page; split, the key column repeated.
        let px = [100.0; 14];
        assert_eq!(plan(&px, 100.0, &[4, 10], 0.0, 1000.0), (100, vec![10]));
        // Breaking at 12 would need 83%; at 10 both pages are comfortable.
        assert_eq!(plan(&px, 100.0, &[10, 12], 0.0, 1000.0), (100, vec![10]));
        assert_eq!(plan(&px, 100.0, &[12], 0.0, 1000.0), (83, vec![12]));
    }

    #[test]
    fn groups_start_a_page_rather_than_split() {
        // Pages of 100 points; groups of 40, 40, 40: the third goes over.
        let rows = [
            (1, 20.0, true),
            (2, 20.0, false),
            (3, 40.0, true),
            (4, 40.0, true),
        ];
        assert_eq!(group_breaks(rows, 100.0), vec![4]);
        // A group taller than a page starts one.
        assert_eq!(
            group_breaks([(1, 50.0, true), (2, 150.0, true)], 100.0),
            vec![2]
        );
    }
}
