//! The terminal's closing table, one row per file, as `frictionless
//! validate` ends: file, 担当課, errors, warnings and the verdict (OK /
//! 要修正), so the office sees at a glance whom to send corrections to.

use std::collections::HashMap;
use std::io::{self, Write};

use anstyle::{AnsiColor, Style};

use crate::model::finding::{Lang, Severity};
use crate::model::standing::Standing;
use crate::report::Results;
use crate::report::terminal::visible;
use crate::report::width::text_width;

/// Errors and warnings per file, leaving out what the office accepted.
pub fn counts<'a>(out: &Results<'a, '_>) -> HashMap<&'a str, (usize, usize)> {
    let mut m: HashMap<&str, (usize, usize)> = HashMap::new();
    for f in out
        .findings
        .iter()
        .filter(|f| f.standing != Some(Standing::Accepted))
    {
        let e = m.entry(&f.at.file).or_default();
        match f.severity {
            Severity::Error => e.0 += 1,
            Severity::Warning => e.1 += 1,
            Severity::Info => {}
        }
    }
    m
}

pub fn write(w: &mut dyn Write, out: &Results, lang: Lang) -> io::Result<()> {
    if out.batch.files.is_empty() {
        return Ok(());
    }
    let counts = counts(out);
    let header: [&str; 5] = match lang {
        Lang::Ja => ["ファイル", "担当課", "エラー", "警告", "判定"],
        Lang::En => ["file", "department", "errors", "warnings", "verdict"],
    };
    let rows: Vec<[String; 5]> = out
        .batch
        .files
        .iter()
        .map(|f| {
            let (e, wa) = counts.get(&*f.path).copied().unwrap_or_default();
            let verdict = match (e > 0 || f.kept().is_none(), lang) {
                (true, Lang::Ja) => "要修正",
                (true, Lang::En) => "to fix",
                (false, _) => "OK",
            };
            [
                visible(&f.path).into_owned(),
                f.department().unwrap_or_default().to_string(),
                e.to_string(),
                wa.to_string(),
                verdict.to_string(),
            ]
        })
        .collect();
    let widths: Vec<usize> = (0..5)
        .map(|c| {
            rows.iter()
                .map(|r| text_width(&r[c]))
                .chain([text_width(header[c])])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let bold = Style::new().bold();
    let pad = |s: &str, c: usize, right: bool| {
        let fill = " ".repeat(widths[c].saturating_sub(text_width(s)));
        if right {
            format!("{fill}{s}")
        } else {
            format!("{s}{fill}")
        }
    };
    // The first four columns padded; the verdict, last, is not.
    let line = |cells: [&str; 4]| {
        (0..4)
            .map(|c| pad(cells[c], c, c >= 2))
            .collect::<Vec<_>>()
            .join("  ")
    };
    writeln!(w)?;
    let head = line([header[0], header[1], header[2], header[3]]);
    writeln!(w, "{bold}{head}  {}{bold:#}", header[4])?;
    for r in &rows {
        let st = if r[4] == "OK" {
            Style::new().fg_color(Some(AnsiColor::Green.into()))
        } else {
            Style::new().fg_color(Some(AnsiColor::Red.into())).bold()
        };
        let text = line([&r[0], &r[1], &r[2], &r[3]]);
        writeln!(w, "{text}  {st}{}{st:#}", r[4])?;
    }
    Ok(())
}
