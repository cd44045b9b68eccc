//! What `hyoka --help` and clap's own errors say: Japanese by default, English
//! with `--lang en` anywhere on the command line.
//!
//! The texts are the tables at the top: [`COMMANDS`] and [`LONG_ABOUT`] for
//! the commands, [`ARGS`] for every argument of every command, by clap id
//! (the field name of the `Args` struct: `fail_on` for `--fail-on`). A new
//! flag is one line in [`ARGS`]; the test `every_argument_has_both_languages`
//! fails without it. The doc comments of the `Args` structs are for the
//! source's readers only.
//!
//! [`parse`] applies the tables to the command the derive builds
//! (`Cli::command()`), parses, and writes clap's errors in Japanese (English
//! with `--lang en`: clap's own rendering). `read-worker`, which no person
//! calls, is parsed as clap alone would.

use std::ffi::OsString;
use std::fmt::Write as _;

use clap::builder::StyledStr;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, Command, CommandFactory, FromArgMatches};

use crate::cmd::args::Cli;
use crate::model::finding::Lang;
use crate::report::width::{char_width, text_width};

/// (command, 日本語, English): what a command does, the line `hyoka --help`
/// lists and `-h` shows. `hyoka` is the top level, `help` clap's own
/// `hyoka help <command>`. An empty English text keeps clap's own.
pub const COMMANDS: &[(&str, &str, &str)] = &[
    (
        "hyoka",
        "評価シートの点検と集約",
        "Checks and consolidates evaluation sheets (評価シート)",
    ),
    (
        "check",
        "評価シートを点検して結果を表示（ファイルは作らない）",
        "Read and validate the workbooks and print the findings",
    ),
    (
        "consolidate",
        "点検して集約ブックを作成",
        "Write the consolidated workbook",
    ),
    (
        "rules",
        "点検ルールの一覧と説明",
        "List the rules, or show one",
    ),
    (
        "template",
        "記入用の評価シートを作成",
        "Write a fill-in template",
    ),
    ("plan", "計画の表示と確認", "Show or print the plan"),
    ("help", "このヘルプ、またはコマンドのヘルプを表示", ""),
];

/// (command, 日本語, English): the longer description `--help` shows.
pub const LONG_ABOUT: &[(&str, &str, &str)] = &[(
    "hyoka",
    "各課から提出された評価シート（Excel）を読み、評価・目標・数値を点検し、\n\
     評価を判断基準どおりに算定して、集約ブックとエラー報告を作ります。\n\n\
     \x20 hyoka check 提出フォルダ                      点検して結果を表示\n\
     \x20 hyoka consolidate 提出フォルダ -o 集約.xlsx   集約ブックを作成\n\n\
     各コマンドの説明は hyoka <コマンド> --help で表示します。",
    "Reads the departments' evaluation workbooks, validates them, derives the \
     item grades and writes one consolidated workbook with an error report.\n\n\
     \x20 hyoka check FOLDER                              print the findings\n\
     \x20 hyoka consolidate FOLDER -o consolidated.xlsx   write the workbook\n\n\
     `hyoka <COMMAND> --help` describes each command.",
)];

/// (commands, argument id, 日本語, English); `*` is every command.
pub type ArgHelp = (
    &'static [&'static str],
    &'static str,
    &'static str,
    &'static str,
);

const INPUT: &[&str] = &["check", "consolidate"];
const ANY: &[&str] = &["*"];

/// (commands, argument id, 日本語, English): each argument's help. The
/// values and the default are added from the argument itself (［値: …］
/// ［既定: …］); an empty English text keeps clap's own.
#[rustfmt::skip]
pub const ARGS: &[ArgHelp] = &[
    // check and consolidate
    (INPUT, "paths", "点検するファイルまたはフォルダ（フォルダは中まで探します）", "Files or folders (folders are searched recursively)"),
    (INPUT, "year", "評価年度: 令和6、R6、2024 のどれでも（既定: シートから読み取る）", "Evaluated fiscal year: 令和6, R6 or 2024 (default: read from the sheets)"),
    (INPUT, "plan", "他の自治体の計画（TOML）（既定: 組み込みの令和4～8年度の計画）", "Plan file (TOML) of another municipality (default: the embedded 令和4～8年度 plan)"),
    (INPUT, "select", "このルールだけを実行: コードか先頭部分をカンマ区切りで（G,S001）", "Run only these rules: codes or prefixes, comma-separated (G,S001)"),
    (INPUT, "ignore", "このルールを除外: コードか先頭部分をカンマ区切りで（P003）", "Skip these rules: codes or prefixes, comma-separated (P003)"),
    (INPUT, "config", "設定ファイル（既定: 最初の入力と同じ場所の hyoka.toml）", "Configuration file (default: hyoka.toml beside the first input)"),
    (INPUT, "encoding", "判定できないCSVだけに使う文字コード: utf-8 か shift_jis（文字コードはファイルごとに内容から判定）", "Encoding for the CSV files whose encoding cannot be told from their bytes: utf-8 or shift_jis (each file's encoding is detected from its bytes)"),
    (INPUT, "lang", "メッセージとヘルプの言語", "Language of the messages and of this help"),
    (INPUT, "fail_on", "この重要度以上の指摘があれば終了コードを 1 にする", "Exit 1 already on findings of this severity"),
    (INPUT, "quiet", "指摘と集計行だけを表示", "Print only the findings and the summary line"),
    (INPUT, "baseline", "前回の点検結果（JSON）と比べ、指摘ごとに新規・継続・解消を示す", "Compare with an earlier run's JSON: mark findings new, continued or resolved"),
    (INPUT, "statistics", "ルールごとの指摘件数も表示", "Also print the number of findings per rule"),
    (&["check"], "format", "出力形式（json は他のプログラムで読むとき）", "Output format"),
    (&["consolidate"], "output", "作成する集約ブック（.xlsx）", "Output workbook"),
    (&["consolidate"], "json", "指摘を JSON でもこのファイルに書き出す", "Also write the findings as JSON"),
    (&["consolidate"], "requests", "担当課ごとの修正依頼ブックを書き出すフォルダ（既定: 集約ブックと同じ場所の「…_修正依頼」）", "Folder of the departments' correction-request workbooks (default: beside the output)"),
    // rules
    (&["rules"], "codes", "説明を表示するルールのコード（N001）", "Rule codes to show in full (N001)"),
    (&["rules"], "markdown", "全ルールの説明を Markdown で出力（docs/rules.md）", "Print the full documentation as Markdown (docs/rules.md)"),
    (&["rules"], "lang", "説明とヘルプの言語", "Language of the documentation and of this help"),
    // template
    (&["template"], "dept", "この担当課の項目を入れる", "Department (担当課) whose items to include"),
    (&["template"], "item", "担当課の代わりに 1 項目だけ（3-(4) など）", "One item instead, like 3-(4)"),
    (&["template"], "year", "評価する年度: 令和6、R6、2024 のどれでも", "Fiscal year being evaluated: 令和6, R6 or 2024"),
    (&["template"], "from", "前年度のブック（文章と評価を前年度の欄に引き継ぐ）", "Last year's workbook, whose texts and grades are carried over"),
    (&["template"], "plan", "他の自治体の計画ファイル（TOML）", "Plan file (TOML) of another municipality"),
    (&["template"], "output", "作成するブック（.xlsx）。フォルダなら 財政課_令和7年度.xlsx の名前で作成", "Output workbook, or a folder to write 財政課_令和7年度.xlsx in"),
    // plan
    (&["plan"], "print", "組み込みの令和4～8年度の計画を TOML で出力（docs/plan-format.md）", "Print the embedded 令和4～8年度 plan as TOML (docs/plan-format.md)"),
    (&["plan"], "plan", "確認して一覧表示する計画ファイル", "A plan file to check and list"),
    // clap's own
    (ANY, "help", "ヘルプを表示", ""),
    (&["hyoka"], "version", "バージョンを表示", ""),
];

/// `-h`'s and `--help`'s texts where `--help` shows more than `-h`.
const HELP_MORE: [&str; 2] = [
    "ヘルプを表示（--help でさらに詳しく）",
    "ヘルプを表示（-h で要約）",
];

/// The headings of the Japanese help, and the words of its value lists.
const USAGE: &str = "使い方";
const HEADINGS: [(&str, &str); 3] = [
    ("subcommands", "コマンド"),
    ("positionals", "引数"),
    ("options", "オプション"),
];
const VALUES: &str = "値";
const DEFAULT: &str = "既定";
/// clap's placeholders in the usage line.
const PLACEHOLDERS: [(&str, &str); 3] = [
    ("[OPTIONS]", "[オプション]"),
    ("<COMMAND>", "<コマンド>"),
    ("[COMMAND]", "[コマンド]"),
];

/// Columns the help is laid out in: 80 less one, as a line of exactly 80
/// makes some terminals add an empty one.
const WIDTH: usize = 79;
/// Where clap starts an argument's help below it (`next_line_help`).
const NEXT_LINE_INDENT: usize = 10;

/// The language of the help and the errors: `--lang en` or `--lang=en`
/// anywhere before a `--` (the last one counts).
pub fn lang_of(args: &[OsString]) -> Lang {
    let mut lang = Lang::Ja;
    let mut it = args.iter().skip(1).map(|a| a.to_str());
    while let Some(a) = it.next() {
        let value = match a {
            Some("--") => break,
            Some("--lang") => it.next().flatten(),
            Some(a) => a.strip_prefix("--lang="),
            None => None,
        };
        match value {
            Some("en") => lang = Lang::En,
            Some("ja") => lang = Lang::Ja,
            _ => {}
        }
    }
    lang
}

/// Parses the command line, or prints the help, the version or the error
/// and gives the exit code: 0 for the help and the version, 2 for an error.
pub fn parse(args: Vec<OsString>) -> Result<Cli, i32> {
    if args.get(1).is_some_and(|a| a == "read-worker") {
        return plain(args);
    }
    let lang = lang_of(&args);
    let mut cmd = command(lang);
    let args = lang_after_command(args, &cmd);
    let parsed = cmd
        .try_get_matches_from_mut(&args)
        .and_then(|mut m| Cli::from_arg_matches_mut(&mut m))
        .map_err(|e| e.format(&mut cmd));
    parsed.map_err(|e| report(&e, &mut cmd, &args, lang))
}

/// clap's parse and messages, untouched.
fn plain(args: Vec<OsString>) -> Result<Cli, i32> {
    use clap::Parser;
    Cli::try_parse_from(args).map_err(|e| {
        let _ = e.print();
        if e.use_stderr() {
            crate::error::ToolError::EXIT_CODE
        } else {
            0
        }
    })
}

/// `hyoka --lang en check …` is read as `hyoka check --lang en …` when the
/// command takes `--lang`; before another command, or none, the `--lang`
/// only chose the language of the help and the errors and is dropped.
fn lang_after_command(args: Vec<OsString>, root: &Command) -> Vec<OsString> {
    let mut end = 1;
    while end < args.len() {
        match args[end].to_str() {
            Some("--lang") if end + 1 < args.len() => end += 2,
            Some(a) if a.starts_with("--lang=") => end += 1,
            _ => break,
        }
    }
    if end == 1 {
        return args;
    }
    let mut args = args;
    let rest = args.split_off(end);
    let lang = args.split_off(1);
    let takes_lang = rest
        .first()
        .and_then(|a| a.to_str())
        .and_then(|a| root.find_subcommand(a))
        .is_some_and(|sc| sc.get_arguments().any(|a| a.get_id() == "lang"));
    let mut rest = rest.into_iter();
    if takes_lang {
        args.extend(rest.next());
        args.extend(lang);
    }
    args.extend(rest);
    args
}

/// The command line of [`Cli`] with the help in `lang`.
pub fn command(lang: Lang) -> Command {
    let mut cmd = describe(Cli::command(), lang);
    // clap adds -h, -V and `help` when building; their texts are set after.
    cmd.build();
    finish(cmd, lang, true)
}

fn pick(ja: &'static str, en: &'static str, lang: Lang) -> Option<&'static str> {
    let t = match lang {
        Lang::Ja => ja,
        Lang::En => en,
    };
    (!t.is_empty()).then_some(t)
}

/// A command's text in a table of [`COMMANDS`]' shape.
fn command_text(
    table: &[(&str, &'static str, &'static str)],
    name: &str,
    lang: Lang,
) -> Option<&'static str> {
    let (_, ja, en) = table.iter().find(|(n, _, _)| *n == name)?;
    pick(ja, en, lang)
}

/// An argument's entry in [`ARGS`].
fn arg_entry(command: &str, id: &str) -> Option<&'static ArgHelp> {
    ARGS.iter()
        .find(|(cmds, i, _, _)| *i == id && cmds.iter().any(|c| *c == command || *c == "*"))
}

/// The descriptions, set before clap builds the command: whether `--help`
/// shows more than `-h` is decided then.
fn describe(cmd: Command, lang: Lang) -> Command {
    let name = cmd.get_name().to_string();
    let mut cmd = cmd;
    if let Some(t) = command_text(COMMANDS, &name, lang) {
        cmd = cmd.about(wrap(t, WIDTH));
    }
    if let Some(t) = command_text(LONG_ABOUT, &name, lang) {
        cmd = cmd.long_about(wrap(t, WIDTH));
    }
    cmd.mut_subcommands(|sc| {
        if sc.is_hide_set() {
            sc
        } else {
            describe(sc, lang)
        }
    })
}

/// The argument helps, headings and layout, once clap has built the command.
/// `help`'s own subcommands (copies for `hyoka help check`) are left alone.
fn finish(cmd: Command, lang: Lang, descend: bool) -> Command {
    let name = cmd.get_name().to_string();
    let mut cmd = cmd;
    if name == "help" {
        // Built by clap, so after `describe`; `hyoka help help` too.
        if let Some(t) = command_text(COMMANDS, "help", lang) {
            cmd = cmd.about(t);
            if cmd.find_subcommand("help").is_some() {
                cmd = cmd.mut_subcommand("help", |h| h.about(t));
            }
        }
    }
    let texts: Vec<Texts> = cmd
        .get_arguments()
        .filter_map(|a| arg_texts(a, &name, lang))
        .collect();
    if lang == Lang::Ja {
        let usage = cmd.render_usage().to_string();
        let mut usage = usage.strip_prefix("Usage: ").unwrap_or(&usage).to_string();
        for (en, ja) in PLACEHOLDERS {
            usage = usage.replace(en, ja);
        }
        let template = template(&cmd);
        cmd = cmd.override_usage(usage).help_template(template);
    }
    // Beside the arguments if that fits; below them if not, or if an
    // argument has wide characters (`--dept <担当課>`), which clap counts as
    // one column and would misalign.
    let wide = cmd
        .get_arguments()
        .any(|a| !a.is_hide_set() && a.to_string().chars().any(|c| char_width(c) > 1));
    cmd = set_texts(cmd, &texts, lang, wide);
    if !wide && widest(&mut cmd) > WIDTH {
        cmd = set_texts(cmd, &texts, lang, true);
    }
    if !descend || name == "help" {
        return cmd;
    }
    cmd.mut_subcommands(|sc| {
        if sc.is_hide_set() {
            sc
        } else {
            finish(sc, lang, false)
        }
    })
}

/// An argument's help (and `--help`'s longer one), by id; none for an
/// argument that keeps clap's.
fn arg_texts(a: &Arg, command: &str, lang: Lang) -> Option<Texts> {
    let id = a.get_id().as_str();
    let (_, _, ja, en) = arg_entry(command, id)?;
    let text = pick(ja, en, lang)?;
    if id == "help" && a.get_long_help().is_some() {
        let [short, long] = HELP_MORE;
        return Some(Texts {
            id: id.into(),
            help: short.into(),
            spec: String::new(),
            long: Some(long.into()),
        });
    }
    let mut spec = String::new();
    if a.get_action().takes_values() {
        let values: Vec<String> = a
            .get_possible_values()
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| v.get_name().to_string())
            .collect();
        let defaults: Vec<_> = a
            .get_default_values()
            .iter()
            .map(|d| d.to_string_lossy())
            .collect();
        match lang {
            Lang::Ja => {
                if !values.is_empty() {
                    let _ = write!(spec, "［{VALUES}: {}］", values.join(", "));
                }
                if !defaults.is_empty() {
                    let _ = write!(spec, "［{DEFAULT}: {}］", defaults.join(", "));
                }
            }
            // clap's words, but wrapped with the help.
            Lang::En => {
                let mut parts = Vec::new();
                if !defaults.is_empty() {
                    parts.push(format!("[default: {}]", defaults.join(", ")));
                }
                if !values.is_empty() {
                    parts.push(format!("[possible values: {}]", values.join(", ")));
                }
                spec = parts.join(" ");
            }
        }
    }
    Some(Texts {
        id: id.into(),
        help: text.into(),
        spec,
        long: None,
    })
}

/// An argument's help as set: the text, the values and the default (on a
/// line of their own when the help is below the argument), and `--help`'s
/// longer text.
struct Texts {
    id: String,
    help: String,
    spec: String,
    long: Option<String>,
}

/// Sets the helps, wrapped to `width` columns, below the arguments if `below`.
fn set_texts(cmd: Command, texts: &[Texts], lang: Lang, below: bool) -> Command {
    let width = if below {
        WIDTH - NEXT_LINE_INDENT
    } else {
        usize::MAX
    };
    let sep = match (below, lang) {
        (true, _) => "\n",
        (false, Lang::Ja) => "",
        (false, Lang::En) => " ",
    };
    cmd.next_line_help(below).mut_args(|a| {
        match texts.iter().find(|t| a.get_id() == t.id.as_str()) {
            None => a,
            Some(t) => {
                let help = if t.spec.is_empty() {
                    wrap(&t.help, width)
                } else {
                    format!("{}{sep}{}", wrap(&t.help, width), wrap(&t.spec, width))
                };
                // The values and default are in `help`.
                let a = a
                    .help(help)
                    .hide_default_value(true)
                    .hide_possible_values(true);
                match &t.long {
                    Some(l) => a.long_help(wrap(l, width)),
                    None => a,
                }
            }
        }
    })
}

/// The widest line of `-h` and `--help`, in terminal columns.
fn widest(cmd: &mut Command) -> usize {
    let short = cmd.render_help().to_string();
    let long = cmd.render_long_help().to_string();
    text_width(&short).max(text_width(&long))
}

/// clap's layout with Japanese headings, and only the sections the command has.
fn template(cmd: &Command) -> StyledStr {
    let styles = cmd.get_styles();
    let (usage, header) = (styles.get_usage(), styles.get_header());
    let mut t = StyledStr::new();
    let _ = write!(
        t,
        "{{before-help}}{{about-with-newline}}\n{usage}{USAGE}:{usage:#} {{usage}}"
    );
    for (tag, heading) in HEADINGS {
        let present = match tag {
            "subcommands" => cmd.get_subcommands().any(|s| !s.is_hide_set()),
            "positionals" => cmd.get_positionals().any(|a| !a.is_hide_set()),
            _ => cmd
                .get_arguments()
                .any(|a| !a.is_positional() && !a.is_hide_set()),
        };
        if present {
            let _ = write!(t, "\n\n{header}{heading}:{header:#}\n{{{tag}}}");
        }
    }
    t.push_str("{after-help}");
    t
}

/// Breaks a text into lines of at most `width` columns (wide characters
/// count two): at spaces and where Japanese phrases end (after 、。）」, before
/// （「), else between any two characters but not before 、。）」 nor after （「.
pub fn wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    for (i, para) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let mut col = 0;
        // Spaces before the next word: kept, but not at the start of a line
        // the text is broken to.
        let mut gap = 0;
        for phrase in pieces(para, phrase_break) {
            if phrase == " " {
                gap += 1;
                continue;
            }
            let parts = if text_width(phrase) <= width {
                vec![phrase]
            } else {
                pieces(phrase, char_break)
            };
            for (j, word) in parts.into_iter().enumerate() {
                let w = text_width(word);
                let g = if j == 0 { gap } else { 0 };
                if col > 0 && col + g + w > width {
                    out.push('\n');
                    col = 0;
                } else {
                    out.extend(std::iter::repeat_n(' ', g));
                    col += g;
                }
                out.push_str(word);
                col += w;
            }
            gap = 0;
        }
    }
    out
}

/// Punctuation a line may not start with, and may not end with.
const NO_START: &str = "、。，．）」』］｝〕・ー：！？";
const NO_END: &str = "（「『［｛〔";

/// Where Japanese text breaks best: at the end of a phrase.
fn phrase_break(prev: char, next: char) -> bool {
    !NO_START.contains(next)
        && !NO_END.contains(prev)
        && ("、。，．：）」』］".contains(prev) || NO_END.contains(next))
}

/// Where a phrase too long for a line may break: between wide characters,
/// not inside an ASCII word.
fn char_break(prev: char, next: char) -> bool {
    let ascii_word = prev.is_ascii() && next.is_ascii();
    !(NO_START.contains(next) || NO_END.contains(prev) || ascii_word)
}

/// A line cut where `breaks` allows and at spaces, each space its own piece.
fn pieces(line: &str, breaks: fn(char, char) -> bool) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut prev: Option<char> = None;
    for (i, c) in line.char_indices() {
        let cut = match prev {
            None => false,
            Some(p) => p == ' ' || c == ' ' || breaks(p, c),
        };
        if cut {
            out.push(&line[start..i]);
            start = i;
        }
        prev = Some(c);
    }
    if start < line.len() {
        out.push(&line[start..]);
    }
    out
}

/// Writes clap's error (or the help or version) and gives the exit code.
fn report(e: &clap::Error, root: &mut Command, args: &[OsString], lang: Lang) -> i32 {
    let code = if e.use_stderr() {
        crate::error::ToolError::EXIT_CODE
    } else {
        0
    };
    let own = matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    );
    let text = match lang {
        Lang::Ja if !own => japanese(e, root, args),
        _ => None,
    };
    match text {
        Some(t) => {
            use std::io::Write as _;
            let _ = std::io::stderr().write_all(t.as_bytes());
        }
        None => {
            let _ = e.print();
        }
    }
    code
}

/// The command an error is about: the subcommand named first, else `hyoka`
/// (also for `hyoka help …`, whose usage and `--help` are `hyoka`'s).
fn failed_command<'c>(root: &'c mut Command, args: &[OsString]) -> &'c mut Command {
    let name = args
        .iter()
        .skip(1)
        .filter_map(|a| a.to_str())
        .find(|a| !a.starts_with('-'))
        .filter(|a| *a != "help" && root.find_subcommand(a).is_some_and(|s| !s.is_hide_set()))
        .map(str::to_string);
    match name {
        Some(n) => root.find_subcommand_mut(n).expect("found above"),
        None => root,
    }
}

/// clap's error in Japanese, or none for one that keeps clap's English.
fn japanese(e: &clap::Error, root: &mut Command, args: &[OsString]) -> Option<String> {
    let one = |k: ContextKind| match e.get(k) {
        Some(ContextValue::String(s)) => Some(s.as_str()),
        _ => None,
    };
    let many = |k: ContextKind| -> Vec<String> {
        match e.get(k) {
            Some(ContextValue::String(s)) => vec![s.clone()],
            Some(ContextValue::Strings(v)) => v.clone(),
            _ => Vec::new(),
        }
    };
    let number = |k: ContextKind| match e.get(k) {
        Some(ContextValue::Number(n)) => Some(*n),
        _ => None,
    };
    // `--format <FORMAT>` is named `--format` in a sentence.
    let flag = |a: &str| {
        if a.starts_with('-') {
            a.split([' ', '=']).next().unwrap_or(a).to_string()
        } else {
            a.to_string()
        }
    };
    let subcommands = |c: &Command| -> Vec<String> {
        c.get_subcommands()
            .filter(|s| !s.is_hide_set())
            .map(|s| s.get_name().to_string())
            .collect()
    };
    let cmd = failed_command(root, args);
    let mut m = String::new();
    // Lists of what is valid, after the suggestions.
    let mut tail = String::new();
    match e.kind() {
        ErrorKind::UnknownArgument => {
            let a = one(ContextKind::InvalidArg)?;
            if a.starts_with('-') {
                let _ = write!(m, "不明なオプション「{a}」です。");
            } else {
                let _ = write!(m, "余分な引数「{a}」があります。");
            }
        }
        ErrorKind::InvalidSubcommand => {
            let s = one(ContextKind::InvalidSubcommand)?;
            let _ = write!(m, "不明なコマンド「{s}」です。");
            tail = format!("\n  コマンド: {}", subcommands(cmd).join(", "));
        }
        ErrorKind::MissingSubcommand => {
            m.push_str("コマンドを指定してください。");
            let valid = many(ContextKind::ValidSubcommand);
            if !valid.is_empty() {
                tail = format!("\n  コマンド: {}", valid.join(", "));
            }
        }
        ErrorKind::InvalidValue => {
            let a = flag(one(ContextKind::InvalidArg)?);
            let v = one(ContextKind::InvalidValue)?;
            if v.is_empty() {
                let _ = write!(m, "「{a}」に値がありません。");
            } else {
                let _ = write!(m, "「{a}」に「{v}」は指定できません。");
            }
            let valid = many(ContextKind::ValidValue);
            if !valid.is_empty() {
                tail = format!("\n  指定できる値: {}", valid.join(", "));
            }
        }
        ErrorKind::ValueValidation => {
            let a = flag(one(ContextKind::InvalidArg)?);
            let v = one(ContextKind::InvalidValue)?;
            let _ = write!(m, "「{a}」に「{v}」は指定できません。");
            if let Some(source) = std::error::Error::source(e) {
                let _ = write!(m, "（{source}）");
            }
        }
        ErrorKind::MissingRequiredArgument => {
            let missing = many(ContextKind::InvalidArg);
            if missing.is_empty() {
                return None;
            }
            m.push_str("次の指定が必要です:");
            let name = cmd.get_name().to_string();
            for v in &missing {
                let what = cmd
                    .get_arguments()
                    .find(|a| a.to_string() == *v)
                    .and_then(|a| arg_entry(&name, a.get_id().as_str()))
                    .map(|(_, _, ja, _)| ja.split('（').next().unwrap_or(ja));
                match what {
                    Some(w) => {
                        let _ = write!(m, "\n  {v}  {w}");
                    }
                    None => {
                        let _ = write!(m, "\n  {v}");
                    }
                }
            }
        }
        ErrorKind::ArgumentConflict => {
            let a = flag(one(ContextKind::InvalidArg).or(one(ContextKind::InvalidSubcommand))?);
            match e.get(ContextKind::PriorArg) {
                Some(ContextValue::String(p)) if flag(p) == a => {
                    let _ = write!(m, "「{a}」は 1 回しか指定できません。");
                }
                Some(ContextValue::String(p)) => {
                    let _ = write!(m, "「{a}」と「{}」は一緒に指定できません。", flag(p));
                }
                Some(ContextValue::Strings(ps)) => {
                    let ps: Vec<String> = ps.iter().map(|p| format!("「{}」", flag(p))).collect();
                    let _ = write!(m, "「{a}」は{}と一緒に指定できません。", ps.join(""));
                }
                _ => {
                    let _ = write!(m, "「{a}」はほかの指定と一緒に指定できません。");
                }
            }
        }
        ErrorKind::NoEquals => {
            let a = flag(one(ContextKind::InvalidArg)?);
            let _ = write!(m, "「{a}」の値は {a}=値 のように = で付けてください。");
        }
        ErrorKind::TooManyValues => {
            let a = flag(one(ContextKind::InvalidArg)?);
            let v = one(ContextKind::InvalidValue)?;
            let _ = write!(m, "「{a}」の値「{v}」は余分です。");
        }
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            let a = flag(one(ContextKind::InvalidArg)?);
            let n = number(ContextKind::ActualNumValues)?;
            let need = number(ContextKind::MinValues).or(number(ContextKind::ExpectedNumValues))?;
            let _ = write!(m, "「{a}」には値が {need} 個必要ですが、{n} 個です。");
        }
        ErrorKind::InvalidUtf8 => m.push_str("引数に文字として読めないものがあります。"),
        _ => return None,
    }
    for s in many(ContextKind::SuggestedSubcommand)
        .into_iter()
        .chain(many(ContextKind::SuggestedArg))
        .chain(many(ContextKind::SuggestedValue))
    {
        let _ = write!(m, "\n  「{s}」のことですか？");
    }
    if let Some(ContextValue::StyledStrs(tips)) = e.get(ContextKind::Suggested) {
        for tip in tips {
            let _ = write!(m, "\n  ヒント: {}", tip_ja(&tip.to_string()));
        }
    }
    m.push_str(&tail);
    let usage = cmd.render_usage().to_string();
    let usage = usage.strip_prefix("Usage: ").unwrap_or(&usage);
    let path = cmd.get_bin_name().unwrap_or("hyoka").to_string();
    Some(format!(
        "hyoka: エラー: {m}\n\n{USAGE}: {usage}\n\n詳しくは {path} --help をご覧ください。\n"
    ))
}

/// clap's tips (`tip: …`) in Japanese; one not known here stays English.
fn tip_ja(tip: &str) -> String {
    let quoted: Vec<&str> = tip.split('\'').skip(1).step_by(2).collect();
    if tip.starts_with("to pass '") && quoted.len() == 2 {
        format!(
            "「{}」という名前のファイルなら「{}」と書きます",
            quoted[0], quoted[1]
        )
    } else if tip.starts_with('\'') && tip.ends_with("' exists") && quoted.len() == 1 {
        format!("「{}」なら指定できます", quoted[0])
    } else if tip.starts_with("subcommand '") && quoted.len() == 2 {
        format!("コマンド「{}」なら、前の「--」を外します", quoted[0])
    } else {
        tip.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command and argument a person can see, with its command's name.
    fn walk(cmd: &Command, out: &mut Vec<(String, Option<String>)>) {
        let name = cmd.get_name().to_string();
        out.push((name.clone(), None));
        for a in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
            out.push((name.clone(), Some(a.get_id().to_string())));
        }
        if name == "help" {
            return; // clap's copies of the commands, for `hyoka help check`
        }
        for sc in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
            walk(sc, out);
        }
    }

    fn everything() -> Vec<(String, Option<String>)> {
        let mut cmd = Cli::command();
        cmd.build();
        let mut out = Vec::new();
        walk(&cmd, &mut out);
        out
    }

    #[test]
    fn every_argument_has_both_languages() {
        let mut missing = Vec::new();
        for (command, id) in everything() {
            match id {
                None => {
                    if !COMMANDS.iter().any(|(n, ja, _)| *n == command && !ja.is_empty()) {
                        missing.push(format!("command `{command}`: add it to COMMANDS"));
                    }
                }
                Some(id) => match arg_entry(&command, &id) {
                    Some((_, _, ja, en)) if !ja.is_empty() && (!en.is_empty() || matches!(id.as_str(), "help" | "version")) => {}
                    _ => missing.push(format!("`{command}` argument `{id}`: add a line to ARGS with its 日本語 and English help")),
                },
            }
        }
        assert!(missing.is_empty(), "help.rs:\n{}", missing.join("\n"));
    }

    #[test]
    fn no_entry_is_stale() {
        let all = everything();
        let mut stale = Vec::new();
        for (cmds, id, _, _) in ARGS {
            for c in cmds.iter() {
                let found = all
                    .iter()
                    .any(|(n, i)| (*c == "*" || n == c) && i.as_deref() == Some(*id));
                if !found {
                    stale.push(format!("{c} {id}"));
                }
            }
        }
        for (n, _, _) in COMMANDS.iter().chain(LONG_ABOUT) {
            if !all.iter().any(|(c, i)| c == n && i.is_none()) {
                stale.push(n.to_string());
            }
        }
        assert!(
            stale.is_empty(),
            "help.rs names what the command line lacks: {stale:?}"
        );
    }

    #[test]
    fn lang_is_found_anywhere() {
        let args = |a: &[&str]| -> Vec<OsString> { a.iter().map(OsString::from).collect() };
        assert_eq!(lang_of(&args(&["hyoka", "check", "x"])), Lang::Ja);
        assert_eq!(
            lang_of(&args(&["hyoka", "check", "x", "--lang", "en"])),
            Lang::En
        );
        assert_eq!(lang_of(&args(&["hyoka", "--lang=en", "--help"])), Lang::En);
        assert_eq!(
            lang_of(&args(&["hyoka", "check", "--", "--lang=en"])),
            Lang::Ja
        );
        let root = command(Lang::Ja);
        assert_eq!(
            lang_after_command(args(&["hyoka", "--lang", "en", "check", "x"]), &root),
            args(&["hyoka", "check", "--lang", "en", "x"])
        );
        assert_eq!(
            lang_after_command(args(&["hyoka", "--lang=en", "--help"]), &root),
            args(&["hyoka", "--help"])
        );
    }

    #[test]
    fn japanese_is_wrapped_by_columns() {
        let text = "評価年度: 令和6、R6、2024 のどれでも（既定: シートから読み取る）";
        let wrapped = wrap(text, 20);
        for line in wrapped.lines() {
            assert!(
                line.chars().map(char_width).sum::<usize>() <= 20,
                "{wrapped}"
            );
            assert!(!line.starts_with(['、', '）', '：']), "{wrapped}");
            assert!(!line.ends_with('（'), "{wrapped}");
        }
        assert_eq!(wrapped.replace(['\n', ' '], ""), text.replace(' ', ""));
        assert_eq!(wrap("Files or folders", 8), "Files or\nfolders");
    }

    #[test]
    fn the_help_fits_in_80_columns() {
        for lang in [Lang::Ja, Lang::En] {
            let mut cmd = command(lang);
            let mut names: Vec<String> = cmd
                .get_subcommands()
                .map(|s| s.get_name().to_string())
                .collect();
            names.retain(|n| n != "read-worker");
            assert!(widest(&mut cmd) <= WIDTH, "hyoka --help ({lang:?})");
            for n in names {
                let sc = cmd.find_subcommand_mut(&n).unwrap();
                assert!(
                    widest(sc) <= WIDTH,
                    "hyoka {n} --help ({lang:?}):\n{}",
                    sc.render_help()
                );
            }
        }
    }
}
