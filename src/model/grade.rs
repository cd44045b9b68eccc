//! Grades (評価): `A`, `B`, `C` and `—` (評価不可), and how the symbols people
//! actually type are understood.

use serde::Serialize;
use std::fmt;

/// A grade as the committee defines it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Grade {
    A,
    B,
    C,
    /// `—`: 取組時期に達していない等により評価が不可能.
    NotEvaluable,
}

impl Grade {
    pub const ALL: [Grade; 4] = [Grade::A, Grade::B, Grade::C, Grade::NotEvaluable];

    /// The canonical symbol printed in the report.
    pub fn symbol(self) -> &'static str {
        match self {
            Grade::A => "A",
            Grade::B => "B",
            Grade::C => "C",
            Grade::NotEvaluable => "—",
        }
    }

    /// Rank for year-over-year comparison; `None` for `—`.
    pub fn rank(self) -> Option<u8> {
        match self {
            Grade::A => Some(3),
            Grade::B => Some(2),
            Grade::C => Some(1),
            Grade::NotEvaluable => None,
        }
    }
}

impl fmt::Display for Grade {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.symbol())
    }
}

/// What a grade cell holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GradeReading {
    /// Exactly the canonical symbol.
    Canonical(Grade),
    /// Understood, but not written the canonical way (`Ａ`, `a`, `A評価`, `－`…).
    Variant(Grade),
    /// Nothing in the cell.
    Empty,
    /// Not a grade at all.
    Unknown,
}

impl GradeReading {
    pub fn grade(&self) -> Option<Grade> {
        match self {
            GradeReading::Canonical(g) | GradeReading::Variant(g) => Some(*g),
            _ => None,
        }
    }
}

/// Words that give a reason for not evaluating (a `—` grade): 未実施, 休止 …
const REASONS: &[&str] = &[
    "未実施",
    "実施なし",
    "対象外",
    "休止",
    "中止",
    "延期",
    "見送",
    "評価不可",
    "評価できない",
    "時期に達していない",
    "取組時期",
    "該当なし",
    "未着手",
];

/// Whether a text gives a reason for not evaluating (`令和6年度は事業休止`).
pub fn gives_reason(text: &str) -> bool {
    REASONS.iter().any(|r| text.contains(r))
}

/// Dash-like characters that people type for `—`.
const DASHES: &[char] = &[
    '—', '－', '―', 'ー', '-', '–', '‐', '‑', '−', '─', '━', 'ｰ', '一',
];

/// Reads a grade cell's text.
pub fn read_grade(raw: &str) -> GradeReading {
    let t = raw.trim_matches(|c: char| c.is_whitespace());
    if t.is_empty() {
        return GradeReading::Empty;
    }
    if let Some(g) = Grade::ALL.iter().find(|g| g.symbol() == t) {
        return GradeReading::Canonical(*g);
    }
    let folded: String = t
        .chars()
        .map(crate::model::text::fold_width)
        .filter(|c| !c.is_whitespace() && !crate::model::text::is_invisible(*c))
        .collect();
    let core = folded
        .strip_suffix("評価")
        .or_else(|| folded.strip_suffix("判定"))
        .unwrap_or(&folded);
    // A gloss after the symbol: `Ａ（達成）`, `B(概ね達成)`.
    let core = match core.find('(') {
        Some(i) if i > 0 && core.ends_with(')') => &core[..i],
        _ => core,
    };
    let core = core.trim_matches(|c| matches!(c, '「' | '」' | '"' | '\''));
    let grade = match core {
        "A" | "a" => Some(Grade::A),
        "B" | "b" => Some(Grade::B),
        "C" | "c" => Some(Grade::C),
        _ if !core.is_empty() && core.chars().all(|c| DASHES.contains(&c)) => {
            Some(Grade::NotEvaluable)
        }
        _ => None,
    };
    match grade {
        Some(g) => GradeReading::Variant(g),
        None => GradeReading::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_symbols() {
        for g in Grade::ALL {
            assert_eq!(read_grade(g.symbol()), GradeReading::Canonical(g));
        }
        assert_eq!(read_grade(" B "), GradeReading::Canonical(Grade::B));
    }

    #[test]
    fn variants() {
        for (s, g) in [
            ("Ａ", Grade::A),
            ("a", Grade::A),
            ("A評価", Grade::A),
            ("ｂ", Grade::B),
            ("－", Grade::NotEvaluable),
            ("―", Grade::NotEvaluable),
            ("ー", Grade::NotEvaluable),
            ("-", Grade::NotEvaluable),
            ("--", Grade::NotEvaluable),
            ("A\u{200B}", Grade::A),
            ("\u{FEFF}B", Grade::B),
            ("Ａ（達成）", Grade::A),
            ("B(概ね達成)", Grade::B),
        ] {
            assert_eq!(read_grade(s), GradeReading::Variant(g), "{s}");
        }
    }

    #[test]
    fn unknown_and_empty() {
        assert_eq!(read_grade(""), GradeReading::Empty);
        assert_eq!(read_grade("\u{3000}"), GradeReading::Empty);
        for s in ["D", "AB", "S", "良", "1", "評価"] {
            assert_eq!(read_grade(s), GradeReading::Unknown, "{s}");
        }
    }
}
