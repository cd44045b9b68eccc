//! 見え消し: text struck through in Excel is a deletion shown for the
//! reviewer, not the cell's content. Departments strike the old grade or
//! figure and type the new one beside it (`~~B~~A`, `~~9,200,000,000円~~
//! 9,201,902,641円`); calamine joins the runs of a rich-text cell into one
//! string, so `BA` would be read. This module reads the shared-string table
//! of an xlsx itself, and only when it holds a struck run at all (one
//! substring search over the part): for every string with struck runs, the
//! text without them and the struck text. The part comes inflated from the
//! declaration checks ([`crate::read::declared::check_zip`]), which read it
//! anyway: opening the part a second time cost about as much as reading it.

use std::collections::HashMap;

use quick_xml::events::Event;

/// A rich-text string with struck-through runs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Struck {
    /// The text without the struck runs: what the cell says now.
    pub kept: String,
    /// The struck runs, joined by `／`.
    pub struck: String,
}

/// Shared strings with struck runs, by their whole text as calamine reads it.
pub type StruckStrings = HashMap<String, Struck>;

/// The struck strings of an xlsx's shared-string table, `xml` as inflated
/// (empty when none).
#[inline(never)]
pub fn shared_strings(xml: &[u8]) -> StruckStrings {
    if memchr::memmem::find(xml, b"strike").is_none() {
        return HashMap::new();
    }
    parse(xml)
}

/// Parses `<si>` items: plain `<t>`, runs `<r><rPr>…<strike/>…</rPr><t>`,
/// phonetic guides `<rPh>` (not content, as calamine skips them).
pub fn parse(xml: &[u8]) -> StruckStrings {
    let mut out = HashMap::new();
    let mut r = quick_xml::Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut item = Item::default();
    let (mut in_rph, mut in_t, mut run_struck) = (false, false, false);
    loop {
        let ev = match r.read_event_into(&mut buf) {
            Ok(Event::Eof) | Err(_) => break,
            Ok(e) => e,
        };
        match ev {
            Event::Start(e) | Event::Empty(e) if !in_rph => match e.local_name().as_ref() {
                "si" => item = Item::default(),
                "r" => run_struck = false,
                "rPh" => in_rph = true,
                "t" => in_t = true,
                "strike" => {
                    let off = e
                        .try_get_attribute("val")
                        .ok()
                        .flatten()
                        .is_some_and(|a| matches!(a.value.as_ref(), "0" | "false"));
                    run_struck = !off;
                }
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                "rPh" => in_rph = false,
                "t" => in_t = false,
                "r" => run_struck = false,
                "si" if item.any_struck => {
                    let i = std::mem::take(&mut item);
                    out.insert(
                        i.full,
                        Struck {
                            kept: i.kept,
                            struck: i.struck,
                        },
                    );
                }
                _ => {}
            },
            Event::Text(t) if in_t && !in_rph => {
                let text = t.xml10_content();
                item.push(&text, run_struck);
            }
            Event::GeneralRef(e) if in_t && !in_rph => {
                let text = match e.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => match e.as_ref() {
                        "lt" => "<".into(),
                        "gt" => ">".into(),
                        "amp" => "&".into(),
                        "quot" => "\"".into(),
                        "apos" => "'".into(),
                        _ => String::new(),
                    },
                };
                item.push(&text, run_struck);
            }
            _ => {}
        }
        buf.clear();
    }
    out
}

/// What has been read of one `<si>`.
#[derive(Default)]
struct Item {
    full: String,
    kept: String,
    struck: String,
    /// Whether the text read last was struck (adjacent struck runs are one
    /// deletion; struck runs with kept text between them are two).
    last_struck: bool,
    any_struck: bool,
}

impl Item {
    fn push(&mut self, text: &str, struck: bool) {
        if text.is_empty() {
            return;
        }
        self.full.push_str(text);
        if struck {
            if self.any_struck && !self.last_struck {
                self.struck.push('／');
            }
            self.struck.push_str(text);
            self.any_struck = true;
        } else {
            self.kept.push_str(text);
        }
        self.last_struck = struck;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn struck_runs_are_set_apart() {
        let xml = r#"<sst><si><t>基本方針</t><rPh sb="0" eb="4"><t>キホンホウシン</t></rPh></si>
<si><r><rPr><strike/><sz val="10"/></rPr><t>B</t></r><r><rPr><sz val="10"/></rPr><t>A</t></r></si>
<si><r><t xml:space="preserve">現在高 </t></r><r><rPr><strike val="1"/></rPr><t>9,200,000,000円</t></r><r><t>9,201,902,641円&amp;</t></r></si>
<si><r><rPr><strike val="0"/></rPr><t>C</t></r></si></sst>"#;
        let m = parse(xml.as_bytes());
        assert_eq!(m.len(), 2);
        assert_eq!(
            m["BA"],
            Struck {
                kept: "A".into(),
                struck: "B".into()
            }
        );
        let s = &m["現在高 9,200,000,000円9,201,902,641円&"];
        assert_eq!(s.kept, "現在高 9,201,902,641円&");
        assert_eq!(s.struck, "9,200,000,000円");
    }
}
