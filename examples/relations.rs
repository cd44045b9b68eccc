//! Shows what hyoka reads in texts: every fact (figure, subject, qualifiers,
//! year) and every relation found among them, with its verdict. For
//! developers of the extractors.
//!
//!     cargo run --example relations -- '令和6年度|・加入率42.6%' '令和7年度|・加入率は前年度の42.6%から0.8ポイント低下'
//!     cargo run --example relations -- --file samples/財政課_令和6年度.ods
//!
//! Each argument is one panel of one measure, `年度|text` (a 令和 year).

use hyoka::facts::quantity::{Facts, Place};
use hyoka::facts::relations::find_all;
use hyoka::model::form::PanelKind;
use hyoka::model::location::{CellRef, Location};
use hyoka::model::year::{FiscalYear, parse_year_arg};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut f = Facts::default();
    if args.first().map(String::as_str) == Some("--file") {
        let path = std::path::Path::new(&args[1]);
        let s = hyoka::read::read_submission(path, args[1].as_str().into(), Default::default());
        let plan = hyoka::model::plan::Plan::embedded();
        let cx = hyoka::facts::file::FileCx::new(&plan, 0, s);
        let q = cx.quantities();
        show(&q.facts, &q.relations);
        return;
    }
    for (i, a) in args.iter().enumerate() {
        let (y, t) = a.split_once('|').unwrap_or(("令和7年度", a));
        let year = parse_year_arg(y).unwrap_or(FiscalYear(2025));
        f.add(
            t,
            Location::cell("f".into(), "s".into(), CellRef::new(i as u32, 1)),
            Place::Panel {
                sheet: 0,
                project: 0,
                measure: 0,
                year,
                kind: PanelKind::Work,
            },
        );
    }
    let r = find_all(&f);
    show(&f, &r);
}

fn show(f: &Facts, rels: &[hyoka::facts::relations::Relation]) {
    for (ti, t) in f.texts.iter().enumerate() {
        println!("text {ti} {} {:?}", t.at, t.place);
        if std::env::var_os("SHOW_TEXT").is_some() {
            println!("  | {}", t.folded);
        }
        for i in t.facts.clone() {
            let x = &f.facts[i as usize];
            println!(
                "  #{i} {:12} {:?} subject={:?} group={:?} quals={:#x} year={:?} base={:?} role={:?} dir={:?} per={:?}",
                f.raw(x),
                x.amount.dim,
                x.label.subject,
                x.label.group,
                x.label.quals.0,
                x.label.year,
                x.label.base,
                x.role,
                x.direction,
                x.per
            );
        }
    }
    for r in rels {
        let m: Vec<String> = r
            .members()
            .iter()
            .map(|&i| format!("#{i} {}", f.raw(&f.facts[i as usize])))
            .collect();
        println!(
            "{:?} [{}] {} → {:?}",
            r.kind,
            r.cue,
            m.join(", "),
            r.verdict(f)
        );
    }
}
