//! Year-over-year change claims in the texts, found once for the rules that
//! check them (N005, N009):
//! - `運用実績：18件（対前年度比1件減）` — a value, then its change;
//! - `加入率は前年比2.5ポイント減の26.9%`, `ロケ実績数は44件増の138件` — the
//!   change, then the value;
//! - `フォロワーが786人増加した` — the change alone; the value is the figure of
//!   the same label in the same year's panels.
//!
//! The previous value is the figure with a matching label in the previous
//! year's panels of the same 具体的な取組.

use crate::facts::figures::{Placed, TextFigure};
use crate::model::figure::Unit;
use crate::model::text::key;

/// One claimed change with the figures it speaks of.
pub struct Claim<'b> {
    /// The change as printed (`1件減`).
    pub delta: &'b Placed,
    /// The claimed signed change, in the delta's own unit.
    pub claimed: f64,
    pub current: &'b Placed,
    pub previous: &'b Placed,
    pub raw_claim: String,
}

/// A label without the words of the claim itself (`加入率は前年比` → `加入率`).
pub fn clean_label(l: &str) -> String {
    let mut k = key(l);
    for w in ["対前年度比", "対前年比", "前年度比", "前年比"] {
        if let Some(r) = k.strip_suffix(w) {
            k = r.to_string();
        }
    }
    k.trim_end_matches(['は', 'が', 'の', ':', '：'])
        .to_string()
}

fn direction(after: &str) -> Option<(f64, usize)> {
    let a = after.trim_start();
    let skipped = after.len() - a.len();
    for (w, s) in [("増加", 1.0), ("減少", -1.0), ("増", 1.0), ("減", -1.0)] {
        if a.starts_with(w) {
            return Some((s, skipped + w.len()));
        }
    }
    None
}

fn signed(f: &TextFigure, dir: f64) -> f64 {
    let v = f.figure.value.abs();
    if f.raw.starts_with(['-', '▲', '△', '−']) {
        -v
    } else if f.raw.starts_with('+') {
        v
    } else {
        v * dir
    }
}

fn same_panel(a: &Placed, b: &Placed) -> bool {
    a.at == b.at
}

/// The figures of one file with their labels cleaned once: claims look up
/// the same measure's figures many times. A file holds a few dozen figures,
/// so a scan is cheaper than a map.
struct Index<'b> {
    panels: &'b [Placed],
    clean: Vec<String>,
}

impl<'b> Index<'b> {
    fn new(panels: &'b [Placed]) -> Index<'b> {
        Index {
            panels,
            clean: panels.iter().map(|p| clean_label(&p.fig.label)).collect(),
        }
    }

    /// Figures of the same measure as `d`, `back` years earlier.
    fn same_measure(&self, d: &'b Placed, back: u16) -> impl Iterator<Item = usize> + '_ {
        self.panels.iter().enumerate().filter_map(move |(k, p)| {
            (p.sheet == d.sheet
                && p.project == d.project
                && p.measure == d.measure
                && p.year.0 + back == d.year.0)
                .then_some(k)
        })
    }
}

/// Labels (already cleaned) naming one quantity.
fn clean_match(a: &str, b: &str) -> bool {
    let short = a.chars().count().min(b.chars().count());
    short >= 2
        && (a == b || a.ends_with(b) || b.ends_with(a) || a.starts_with(b) || b.starts_with(a))
}

/// A claim as positions in the figures it was found among (what a file
/// keeps, so that the claims are found once for the rules that check them).
#[derive(Clone, Debug)]
pub struct ClaimAt {
    pub delta: usize,
    pub claimed: f64,
    pub current: usize,
    pub previous: usize,
    pub raw_claim: String,
}

impl ClaimAt {
    /// The claim with the figures themselves.
    pub fn resolve<'b>(&self, panels: &'b [Placed]) -> Claim<'b> {
        Claim {
            delta: &panels[self.delta],
            claimed: self.claimed,
            current: &panels[self.current],
            previous: &panels[self.previous],
            raw_claim: self.raw_claim.clone(),
        }
    }
}

/// Finds every checkable claim among the figures of a file, as positions
/// in `panels` ([`ClaimAt::resolve`] gives the figures).
pub fn find(panels: &[Placed]) -> Vec<ClaimAt> {
    let index = Index::new(panels);
    let mut out = Vec::new();
    for (i, d) in panels.iter().enumerate() {
        let text = &d.text;
        let before = &text[..d.fig.start];
        let after = &text[d.fig.end..];
        let prev_fig = i.checked_sub(1).filter(|&k| same_panel(&panels[k], d));
        let next_fig = Some(i + 1).filter(|&k| panels.get(k).is_some_and(|p| same_panel(p, d)));
        // Form 1: `V（対前年度比 D 減）`.
        let in_paren = before.trim_end();
        let form1 = ["対前年度比", "対前年比", "前年度比", "前年比"]
            .iter()
            .any(|w| in_paren.ends_with(w))
            && prev_fig.is_some_and(|k| {
                text[panels[k].fig.end..d.fig.start]
                    .trim_start()
                    .starts_with(['(', '（'])
            });
        let (current, dir) = if form1 {
            let dir = direction(after).map_or(1.0, |(dir, _)| dir);
            (prev_fig.map(|k| (k, index.clean[k].as_str())), dir)
        } else if let Some((dir, used)) = direction(after) {
            let rest = &after[used..];
            if rest.trim_start().starts_with('の') {
                // Form 2: `D 増の V`.
                (next_fig.map(|k| (k, index.clean[k].as_str())), dir)
            } else if rest.trim_start().starts_with(['し', 'と', '。', ')', '）'])
                || rest.is_empty()
            {
                // Form 3: `D 増加した`; the value is stated elsewhere that year.
                let label = index.clean[i].as_str();
                let found = index.same_measure(d, 0).find(|&k| {
                    k != i
                        && panels[k].fig.figure.unit.same_kind(&d.fig.figure.unit)
                        && clean_match(label, &index.clean[k])
                });
                (found.map(|k| (k, index.clean[k].as_str())), dir)
            } else {
                continue;
            }
        } else {
            continue;
        };
        let Some((current_at, current_label)) = current else {
            continue;
        };
        let current = &panels[current_at];
        let kinds_fit = current.fig.figure.unit.same_kind(&d.fig.figure.unit)
            || (current.fig.figure.unit == Unit::Percent && d.fig.figure.unit == Unit::Point);
        if !kinds_fit {
            continue;
        }
        let label = if form1 || current_label.is_empty() {
            current_label
        } else {
            index.clean[i].as_str()
        };
        let label = if label.chars().count() >= 2 {
            label
        } else {
            index.clean[i].as_str()
        };
        let previous = index.same_measure(d, 1).find(|&k| {
            panels[k]
                .fig
                .figure
                .unit
                .same_kind(&current.fig.figure.unit)
                && clean_match(label, &index.clean[k])
        });
        let Some(previous) = previous else {
            continue;
        };
        let claim_end = d.fig.end + direction(after).map_or(0, |(_, u)| u);
        out.push(ClaimAt {
            delta: i,
            claimed: signed(&d.fig, dir),
            current: current_at,
            previous,
            raw_claim: text[d.fig.start..claim_end].to_string(),
        });
    }
    out
}

/// The actual change between the figures, in `unit_of`'s terms: points for a
/// percentage claimed in points, relative percent for one claimed in %.
pub fn actual_change(c: &Claim, relative: bool) -> f64 {
    let (v, p) = (c.current.fig.figure.value, c.previous.fig.figure.value);
    if relative && p != 0.0 {
        100.0 * (v - p) / p.abs()
    } else {
        v - p
    }
}

/// How far a claimed change may be from the computed one: the rounding of
/// every figure involved added up (exact counts contribute nothing); for a
/// relative change, the rounding propagated through the division.
pub fn tolerance(c: &Claim, relative: bool) -> f64 {
    let (v, p, d) = (
        &c.current.fig.figure,
        &c.previous.fig.figure,
        &c.delta.fig.figure,
    );
    let eps = 1e-9 * v.value.abs().max(p.value.abs()).max(1.0);
    if relative {
        let base = p.value.abs().max(1e-9);
        d.rounding() + 100.0 * (v.rounding() + p.rounding()) / base + eps
    } else {
        v.rounding() + p.rounding() + d.rounding() + eps
    }
}
