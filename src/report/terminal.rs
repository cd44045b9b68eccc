//! The terminal report: what was read from each file, then one line per
//! finding in the style compilers use, grouped by file
//! (`財政課.xlsx:(4)基金!D7: error[G010]: …`), and a summary line. Styles are
//! plain ANSI; the caller's stream strips them when not on a terminal or when
//! `NO_COLOR` is set.

use std::collections::BTreeMap;
use std::io::{self, Write};

use anstyle::{AnsiColor, Style};

use crate::facts::year::{YearBasis, YearChoice};
use crate::model::finding::{Finding, Lang, Severity};
use crate::model::sheet::SheetKind;
use crate::model::standing::Standing;
use crate::report::{Results, View};

/// Submitted text made inert for a terminal: every control character (ESC,
/// CR, BS, BEL, C1) and every bidirectional override is shown as an escape
/// (`\x1b`, `\u{202e}`) instead of acting on the screen, and a line break
/// as ⏎, so a finding stays one line. Piped output gets the same: the
/// reader may be `less -R` or a CI log viewer.
pub fn visible(s: &str) -> std::borrow::Cow<'_, str> {
    let acts =
        |c: char| c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
    if !s.chars().any(acts) {
        return s.into();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' => out.push('⏎'),
            c if (c as u32) < 0x100 && acts(c) => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if acts(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out.into()
}

fn style(s: Severity) -> Style {
    let c = match s {
        Severity::Error => AnsiColor::Red,
        Severity::Warning => AnsiColor::Yellow,
        Severity::Info => AnsiColor::Cyan,
    };
    Style::new().fg_color(Some(c.into())).bold()
}

pub fn write(w: &mut dyn Write, out: &Results, view: View) -> io::Result<()> {
    let lang = view.lang;
    if !view.quiet {
        write_files(w, out, lang)?;
    }
    let mut by_file: BTreeMap<&str, Vec<&Finding>> = BTreeMap::new();
    for f in out.findings {
        by_file.entry(&f.at.file).or_default().push(f);
    }
    for (_, mut fs) in by_file {
        fs.sort_by(|a, b| {
            (&a.at.sheet, &a.at.cell, a.code).cmp(&(&b.at.sheet, &b.at.cell, b.code))
        });
        for f in fs {
            write_finding(w, f, lang)?;
        }
    }
    write_resolved(w, out, lang)?;
    if view.statistics {
        write_statistics(w, out, lang)?;
    }
    if !view.quiet {
        super::verdicts::write(w, out, lang)?;
    }
    write_summary(w, out, lang)
}

/// The baseline's findings no longer reported.
fn write_resolved(w: &mut dyn Write, out: &Results, lang: Lang) -> io::Result<()> {
    let done = Style::new().fg_color(Some(AnsiColor::Green.into())).bold();
    for r in out.resolved {
        let mut at = r.file.clone();
        if let Some(s) = &r.sheet {
            at += &format!(":{s}");
        }
        if let Some(c) = &r.cell {
            at += &format!("!{c}");
        }
        let label = match lang {
            Lang::Ja => "解消",
            Lang::En => "resolved",
        };
        writeln!(
            w,
            "{}: {done}{label}[{}]{done:#}: {}",
            visible(&at),
            r.code,
            visible(&r.message)
        )?;
    }
    Ok(())
}

/// Findings per rule, most first (`--statistics`, as ruff prints them).
fn write_statistics(w: &mut dyn Write, out: &Results, lang: Lang) -> io::Result<()> {
    let mut counts: BTreeMap<&str, (usize, Severity)> = BTreeMap::new();
    for f in out.findings {
        let e = counts.entry(f.code).or_insert((0, f.severity));
        e.0 += 1;
        e.1 = e.1.min(f.severity);
    }
    let mut rows: Vec<(&str, usize, Severity)> =
        counts.into_iter().map(|(c, (n, s))| (c, n, s)).collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let names: std::collections::HashMap<&str, &str> = crate::rules::registry::all()
        .iter()
        .map(|r| (r.code, r.name))
        .collect();
    match lang {
        Lang::Ja => writeln!(w, "ルール別の件数:")?,
        Lang::En => writeln!(w, "Findings per rule:")?,
    }
    for (code, n, sev) in rows {
        let sev = match lang {
            Lang::Ja => sev.ja(),
            Lang::En => sev.as_str(),
        };
        let name = names.get(code).copied().unwrap_or_default();
        let fill = " ".repeat(8usize.saturating_sub(crate::report::width::text_width(sev)));
        writeln!(w, "{n:>6}  {code}  {sev}{fill}{name}")?;
    }
    Ok(())
}

fn write_files(w: &mut dyn Write, out: &Results, lang: Lang) -> io::Result<()> {
    let dim = Style::new().dimmed();
    for s in &out.batch.files {
        let desc = match s.kept() {
            None => match lang {
                Lang::Ja => "読めません".to_string(),
                Lang::En => "unreadable".to_string(),
            },
            Some(wb) => wb
                .sheets
                .iter()
                .map(|sh| {
                    let kind = match (lang, sh.kind) {
                        (Lang::Ja, k) => k.ja().to_string(),
                        (Lang::En, SheetKind::Evaluation) => "evaluation".into(),
                        (Lang::En, SheetKind::Targets) => "targets".into(),
                        (Lang::En, SheetKind::Comments) => "comments".into(),
                        (Lang::En, SheetKind::Other) => "other".into(),
                        (Lang::En, SheetKind::Empty) => "empty".into(),
                    };
                    format!("{}={}", visible(&sh.name), kind)
                })
                .collect::<Vec<_>>()
                .join(", "),
        };
        writeln!(w, "{dim}{}: {desc}{dim:#}", visible(&s.path))?;
    }
    // hyoka's own outputs, a few by name: a run that keeps its 修正依頼
    // folder among the submissions has one per department.
    const NAMED: usize = 3;
    let own = &out.batch.own_outputs;
    if own.len() > NAMED {
        match lang {
            Lang::Ja => writeln!(
                w,
                "{dim}hyoka の出力{}件（{} ほか）は読み飛ばしました{dim:#}",
                own.len(),
                visible(&own[0].0)
            )?,
            Lang::En => writeln!(
                w,
                "{dim}passed over {} outputs of hyoka ({} and others){dim:#}",
                own.len(),
                visible(&own[0].0)
            )?,
        }
        return Ok(());
    }
    for (path, kind) in own {
        match lang {
            Lang::Ja => writeln!(
                w,
                "{dim}{}: hyoka の出力（{}）のため読み飛ばしました{dim:#}",
                visible(path),
                visible(kind)
            )?,
            Lang::En => writeln!(
                w,
                "{dim}{}: passed over, an output of hyoka ({}){dim:#}",
                visible(path),
                visible(kind)
            )?,
        }
    }
    // Search problems (link loops, permissions) are submissions that could not
    // be read, so they appear above and as F001 findings.
    Ok(())
}

fn write_finding(w: &mut dyn Write, f: &Finding, lang: Lang) -> io::Result<()> {
    let st = style(f.severity);
    let bold = Style::new().bold();
    let standing = match (f.standing, lang) {
        (None, _) => String::new(),
        (Some(s), Lang::Ja) => format!("［{}］", s.ja()),
        (Some(s), Lang::En) => format!("[{}] ", s.en()),
    };
    writeln!(
        w,
        "{bold}{}{bold:#}: {st}{}[{}]{st:#}: {standing}{}",
        visible(&f.at.to_string()),
        f.severity,
        f.code,
        visible(&f.message(lang))
    )?;
    let (found, expected, fix) = match lang {
        Lang::Ja => ("記入値", "正しい値", "修正案"),
        Lang::En => ("found", "expected", "fix"),
    };
    let mut parts = Vec::new();
    if let Some(v) = f.found() {
        parts.push(format!("{found}: {v}"));
    }
    if let Some(v) = f.expected() {
        parts.push(format!("{expected}: {v}"));
    }
    if !parts.is_empty() {
        writeln!(w, "    {}", visible(&parts.join("  ")))?;
    }
    if let Some(s) = f.suggestion(lang) {
        writeln!(w, "    {fix}: {}", visible(&s))?;
    }
    for r in &f.related {
        writeln!(w, "    → {}", visible(&r.to_string()))?;
    }
    Ok(())
}

fn write_summary(w: &mut dyn Write, out: &Results, lang: Lang) -> io::Result<()> {
    let n = |s: Severity| {
        (out.findings.iter())
            .filter(|f| f.severity == s && f.standing != Some(Standing::Accepted))
            .count()
    };
    let (e, wa, i) = (n(Severity::Error), n(Severity::Warning), n(Severity::Info));
    let files = out.batch.files.len();
    let choice = &out.batch.year_choice;
    write_year_outliers(w, choice, lang)?;
    let year = match (choice.basis, lang) {
        (YearBasis::NoSheets, Lang::Ja) => "評価シートなし".to_string(),
        (YearBasis::NoSheets, Lang::En) => "no evaluation sheet".to_string(),
        (YearBasis::Given, Lang::Ja) => choice.year.to_string(),
        (YearBasis::Given, Lang::En) => choice.year.short(),
        (_, Lang::Ja) => format!("{}（{}）", choice.year, choice.reason_ja()),
        (_, Lang::En) => format!("{} ({})", choice.year.short(), choice.reason_en()),
    };
    let standing = standing_counts(out, lang);
    match lang {
        Lang::Ja => writeln!(
            w,
            "{year}: {files}ファイルを点検 — エラー {e}件、警告 {wa}件、情報 {i}件{standing}"
        ),
        Lang::En => writeln!(
            w,
            "{year}: checked {files} files — {e} errors, {wa} warnings, {i} info{standing}"
        ),
    }
}

/// `（新規 3件、継続 5件、解消 2件、承認済み 1件）` when a baseline or an
/// accepted list marked the findings.
fn standing_counts(out: &Results, lang: Lang) -> String {
    let count = |s: Standing| {
        out.findings
            .iter()
            .filter(|f| f.standing == Some(s))
            .count()
    };
    let marked = out.findings.iter().any(|f| f.standing.is_some()) || !out.resolved.is_empty();
    if !marked {
        return String::new();
    }
    let mut parts = Vec::new();
    let baseline = out
        .findings
        .iter()
        .any(|f| matches!(f.standing, Some(Standing::New | Standing::Continued)))
        || !out.resolved.is_empty();
    let mut add = |ja: &str, en: &str, n: usize| match lang {
        Lang::Ja => parts.push(format!("{ja} {n}件")),
        Lang::En => parts.push(format!("{n} {en}")),
    };
    if baseline {
        add("新規", "new", count(Standing::New));
        add("継続", "continued", count(Standing::Continued));
        add("解消", "resolved", out.resolved.len());
    }
    let accepted = count(Standing::Accepted);
    if accepted > 0 {
        add("承認済み", "accepted", accepted);
    }
    match lang {
        Lang::Ja => format!("（{}）", parts.join("、")),
        Lang::En => format!(" ({})", parts.join(", ")),
    }
}

/// The sheets graded up to another year than the one decided, each at its
/// latest grade (a few; the count of the rest).
fn write_year_outliers(w: &mut dyn Write, choice: &YearChoice, lang: Lang) -> io::Result<()> {
    const SHOWN: usize = 5;
    if choice.outliers.is_empty() {
        return Ok(());
    }
    match lang {
        Lang::Ja => writeln!(
            w,
            "評価年度を{}としました。次のシートは別の年度まで評価されています:",
            choice.year
        )?,
        Lang::En => writeln!(
            w,
            "The evaluated year is {}; these sheets are graded up to another year:",
            choice.year.short()
        )?,
    }
    for (at, y) in choice.outliers.iter().take(SHOWN) {
        let y = match lang {
            Lang::Ja => y.to_string(),
            Lang::En => y.short(),
        };
        writeln!(w, "    {}（{y}）", visible(&at.to_string()))?;
    }
    let rest = choice.outliers.len().saturating_sub(SHOWN);
    if rest > 0 {
        match lang {
            Lang::Ja => writeln!(w, "    ほか{rest}シート")?,
            Lang::En => writeln!(w, "    and {rest} more")?,
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::visible;

    #[test]
    fn control_characters_are_shown_not_obeyed() {
        assert_eq!(visible("B\x1b[2J\x1b[H"), "B\\x1b[2J\\x1b[H");
        assert_eq!(visible("\x1b]0;title\x07B"), "\\x1b]0;title\\x07B");
        assert_eq!(visible("B\rA\x08C\u{9b}"), "B\\x0dA\\x08C\\x9b");
        assert_eq!(visible("一行目\n二行目"), "一行目⏎二行目");
        assert_eq!(visible("abc\u{202e}txt.xlsx"), "abc\\u{202e}txt.xlsx");
        assert!(matches!(
            visible("財政課.xlsx:(4)基金!D7"),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
