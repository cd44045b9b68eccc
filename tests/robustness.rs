//! The bad-input matrix (docs/robustness.md): every broken file is reported
//! plainly and the rest of the batch goes on; inputs are never changed; an
//! interrupted run leaves no output behind.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::util::{Workdir, copy_samples, fixture, json, samples};

/// A folder `提出` holding the samples.
fn samples_folder(w: &Workdir) -> PathBuf {
    let dir = w.path("提出");
    std::fs::create_dir(&dir).unwrap();
    copy_samples(&dir);
    dir
}

/// Copies every bad fixture and one good workbook into `dir`.
fn matrix_folder(w: &Workdir) -> PathBuf {
    let dir = w.path("提出");
    std::fs::create_dir(&dir).unwrap();
    for e in std::fs::read_dir(fixture("bad")).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "xlsx") {
            std::fs::copy(&p, dir.join(p.file_name().unwrap())).unwrap();
        }
    }
    std::fs::copy(
        samples().join("納税課_令和6年度.xlsx"),
        dir.join("good.xlsx"),
    )
    .unwrap();
    dir
}

fn by_file(doc: &Value) -> BTreeMap<String, (String, String, Vec<String>)> {
    let mut m = BTreeMap::new();
    for f in doc["files"].as_array().unwrap() {
        let name = Path::new(f["path"].as_str().unwrap())
            .file_name()
            .unwrap()
            .to_string_lossy()
            .to_string();
        let codes: Vec<String> = doc["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|x| x["file"] == f["path"])
            .map(|x| x["code"].as_str().unwrap().to_string())
            .collect();
        m.insert(
            name,
            (
                f["status"].as_str().unwrap().to_string(),
                f["error"].as_str().unwrap_or("").to_string(),
                codes,
            ),
        );
    }
    m
}

#[test]
fn every_bad_input_is_reported_and_the_batch_goes_on() {
    let w = Workdir::new();
    matrix_folder(&w);
    let out = w.run(
        &[
            "check", "提出", "--format", "json", "--year", "令和6", "--ignore", "P003",
        ],
        1,
    );
    let doc = json(&out);
    let files = by_file(&doc);
    let unreadable = |name: &str, says: &str| {
        let (status, error, codes) = &files[name];
        assert_eq!(status, "unreadable", "{name}");
        assert!(error.contains(says), "{name}: {error}");
        assert_eq!(codes, &["F001"], "{name}");
    };
    unreadable("empty.xlsx", "空のファイル");
    unreadable("text.xlsx", "Excel・ODS形式のファイルではありません");
    unreadable("pdf.xlsx", "PDF");
    unreadable("png.xlsx", "画像");
    unreadable("truncated.xlsx", "壊れている");
    unreadable("malformed_xml.xlsx", "壊れている");
    unreadable("encrypted.xlsx", "パスワード");
    unreadable("zip_bomb.xlsx", "圧縮爆弾");
    // Found by the fuzzer: a cell reference that overflows calamine's
    // arithmetic (a panic in debug builds); it must cost only this file.
    let (status, _, codes) = &files["fuzz_crash_cell_ref.xlsx"];
    assert!(
        status == "unreadable" && codes == &["F001"] || status == "ok",
        "{status} {codes:?}"
    );
    let has = |name: &str, code: &str| {
        let (status, _, codes) = &files[name];
        assert_eq!(status, "ok", "{name}");
        assert!(codes.iter().any(|c| c == code), "{name}: {codes:?}");
    };
    has("million_rows.xlsx", "F004");
    has("long_string.xlsx", "F004");
    has("formulas_errors.xlsx", "F003");
    has("formulas_no_cache.xlsx", "G003");
    has("dates_as_serials.xlsx", "G001");
    has("no_evaluation_sheet.xlsx", "F002");
    has("labels_only.xlsx", "S001");
    has("same_b.xlsx", "P005");
    // Hidden sheets are read and listed as hidden.
    let hidden = doc["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"].as_str().unwrap().ends_with("hidden_sheets.xlsx"))
        .unwrap();
    let sheets = hidden["sheets"].as_array().unwrap();
    assert!(
        sheets
            .iter()
            .any(|s| s["name"] == "超隠し" && s["hidden"] == true && s["kind"] == "evaluation")
    );
    assert!(
        sheets
            .iter()
            .any(|s| s["name"] == "隠し" && s["hidden"] == true)
    );
    // The good file is read in full despite its neighbours.
    let (status, _, _) = &files["good.xlsx"];
    assert_eq!(status, "ok");
    assert_eq!(
        doc["files"].as_array().unwrap().len(),
        20,
        "19 bad files and a good one"
    );
}

#[test]
fn consolidate_writes_the_workbook_despite_bad_inputs() {
    let w = Workdir::new();
    matrix_folder(&w);
    w.run(
        &["consolidate", "提出", "-o", "集約.xlsx", "--year", "令和6"],
        1,
    );
    let rows = crate::util::read_sheet(&w.path("集約.xlsx"), "提出状況");
    assert!(
        rows.iter()
            .filter(|r| r.get(1).is_some_and(|s| s == "読めません"))
            .count()
            >= 8
    );
}

#[test]
fn japanese_names_spaces_and_other_files() {
    let w = Workdir::new();
    let dir = w.path("令和6年度 提出/財政 課");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(
        samples().join("納税課_令和6年度.xlsx"),
        dir.join("納税 課 (最終).xlsx"),
    )
    .unwrap();
    std::fs::write(dir.join("メモ.txt"), "連絡事項").unwrap();
    std::fs::write(dir.join("印刷.pdf"), b"%PDF-1.4").unwrap();
    std::fs::write(dir.join("~$納税 課 (最終).xlsx"), b"lock").unwrap();
    let out = w.run(
        &[
            "check",
            "令和6年度 提出",
            "--format",
            "json",
            "--ignore",
            "P003",
        ],
        0,
    );
    let doc = json(&out);
    let files = doc["files"].as_array().unwrap();
    assert_eq!(files.len(), 1, "the lock file and the others are not read");
    assert!(
        files[0]["path"]
            .as_str()
            .unwrap()
            .ends_with("納税 課 (最終).xlsx")
    );
    let f005: Vec<&str> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "F005")
        .map(|f| f["file"].as_str().unwrap())
        .collect();
    assert_eq!(f005.len(), 2, "{f005:?}");
}

#[cfg(unix)]
#[test]
fn links_that_loop_or_lead_nowhere_and_unreadable_files() {
    use std::os::unix::fs::{PermissionsExt, symlink};
    let w = Workdir::new();
    let dir = w.path("in");
    std::fs::create_dir(&dir).unwrap();
    std::fs::copy(
        samples().join("納税課_令和6年度.xlsx"),
        dir.join("good.xlsx"),
    )
    .unwrap();
    symlink(&dir, dir.join("loop")).unwrap();
    symlink(dir.join("gone.xlsx"), dir.join("dangling.xlsx")).unwrap();
    let locked = dir.join("locked.xlsx");
    std::fs::copy(samples().join("納税課_令和6年度.xlsx"), &locked).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    // Root reads anything: then the permission case cannot be produced here.
    let root = std::fs::read(&locked).is_ok();
    let out = w.run(
        &["check", "in", "--format", "json", "--ignore", "P003,P005"],
        1,
    );
    let doc = json(&out);
    let errors: Vec<String> = doc["files"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["status"] == "unreadable")
        .map(|f| f["error"].as_str().unwrap().to_string())
        .collect();
    assert!(errors.iter().any(|e| e.contains("循環")), "{errors:?}");
    assert!(
        errors.iter().any(|e| e.contains("見つかりません")),
        "{errors:?}"
    );
    if !root {
        assert!(
            errors.iter().any(|e| e.contains("アクセス権")),
            "{errors:?}"
        );
    }
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o644)).unwrap();
}

/// A fingerprint of every file under `dir`: bytes and modification time.
fn fingerprint(dir: &Path) -> BTreeMap<PathBuf, (Vec<u8>, std::time::SystemTime)> {
    let mut m = BTreeMap::new();
    for e in walk(dir) {
        let meta = std::fs::metadata(&e).unwrap();
        m.insert(
            e.clone(),
            (std::fs::read(&e).unwrap(), meta.modified().unwrap()),
        );
    }
    m
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn inputs_are_never_changed() {
    let w = Workdir::new();
    let dir = matrix_folder(&w);
    copy_samples(&dir);
    let before = fingerprint(&dir);
    w.command(&["check", "提出"]).output().unwrap();
    w.command(&["check", "提出", "--format", "json"])
        .output()
        .unwrap();
    std::fs::create_dir(w.path("out")).unwrap();
    let o = w
        .command(&[
            "consolidate",
            "提出",
            "-o",
            "out/集約.xlsx",
            "--json",
            "out/結果.json",
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(fingerprint(&dir), before, "an input changed");
}

#[cfg(unix)]
#[test]
fn an_interrupted_run_leaves_no_partial_output() {
    let w = Workdir::new();
    let dir = matrix_folder(&w);
    copy_samples(&dir);
    for (signal, delay_ms) in [
        ("INT", 0u64),
        ("INT", 5),
        ("TERM", 20),
        ("HUP", 60),
        ("TERM", 150),
        ("HUP", 5),
    ] {
        let out = w.path(&format!("out{signal}{delay_ms}.xlsx"));
        let mut child = w
            .command(&["consolidate", "提出", "-o", out.to_str().unwrap(), "-q"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = std::process::Command::new("kill")
            .args([&format!("-{signal}"), &child.id().to_string()])
            .status();
        let status = child.wait().unwrap();
        // Either it finished first and wrote a whole workbook, or it wrote nothing.
        if out.exists() {
            assert!(
                calamine::open_workbook_auto(&out).is_ok(),
                "partial workbook after SIG{signal} at {delay_ms} ms ({status:?})"
            );
        }
        let stray: Vec<_> = std::fs::read_dir(w.dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
            .filter(|n| n.ends_with(".tmp"))
            .collect();
        assert!(stray.is_empty(), "temporary files left: {stray:?}");
    }
}

/// hyoka hides each xlsx's theme part from calamine (`read::zipdir`): on
/// workbooks written by openpyxl, LibreOffice, rust_xlsxwriter and hyoka
/// itself, and on broken fixtures calamine reads, every sheet's values (dates included, which need the
/// styles part) are what calamine reads from the untouched file.
#[test]
fn hiding_the_theme_changes_no_value() {
    use calamine::{Reader, Xlsx};
    use hyoka::read::zipdir;
    let mut files: Vec<PathBuf> = Vec::new();
    for root in [samples(), fixture("")] {
        for e in walkdir::WalkDir::new(root) {
            let p = e.unwrap().into_path();
            // Of the broken files, those calamine reads whole (the others
            // overflow in debug builds or claim a million rows).
            let bad = p.parent().is_some_and(|d| d.ends_with("bad"));
            // The hostile files are built to exhaust a reader that trusts
            // them; hyoka's own prechecks stop them, raw calamine does not.
            let hostile = p.components().any(|c| c.as_os_str() == "hostile");
            let read_whole = ["dates_as_serials", "formulas_errors", "hidden_sheets"]
                .iter()
                .any(|n| p.file_stem().is_some_and(|s| s == *n));
            if p.extension().is_some_and(|x| x == "xlsx") && (!bad || read_whole) && !hostile {
                files.push(p);
            }
        }
    }
    let (mut compared, mut themed) = (0, 0);
    for p in &files {
        let bytes = std::fs::read(p).unwrap();
        let Some(dir) = zipdir::read(&bytes) else {
            continue;
        };
        let mut hidden = bytes.clone();
        zipdir::hide_theme(&mut hidden, &dir);
        let open = |b: Vec<u8>| Xlsx::new(std::io::Cursor::new(b));
        let (Ok(mut plain), Ok(mut without)) = (open(bytes), open(hidden)) else {
            continue;
        };
        themed += usize::from(dir.has_theme());
        for name in plain.sheet_names() {
            assert_eq!(
                cells(&mut plain, &name),
                cells(&mut without, &name),
                "{} {name}",
                p.display()
            );
        }
        compared += 1;
    }
    assert!(compared >= 15, "only {compared} workbooks compared");
    // openpyxl writes a theme, LibreOffice none.
    assert!(themed >= 10, "only {themed} workbooks with a theme");
}

/// A cell's position and value as calamine streams it.
type StreamedCell = ((u32, u32), calamine::Data);

/// A sheet's first 100,000 cells as streamed, or the error.
fn cells<RS: std::io::Read + std::io::Seek>(
    wb: &mut calamine::Xlsx<RS>,
    name: &str,
) -> Result<Vec<StreamedCell>, String> {
    let mut r = wb.worksheet_cells_reader(name).map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    while let Some(c) = r.next_cell().map_err(|e| e.to_string())? {
        out.push((
            c.get_position(),
            calamine::Data::from(c.get_value().clone()),
        ));
        if out.len() == 100_000 {
            break;
        }
    }
    Ok(out)
}

/// Runs hyoka with its address space limited (as a worker's would be), so
/// that a file that makes a reader allocate from its declarations fails the
/// test instead of the machine.
fn run_bounded(w: &Workdir, args: &[&str], bytes: u64, code: i32) -> std::process::Output {
    use std::os::unix::process::CommandExt;
    let mut c = w.command(args);
    // SAFETY: setrlimit is async-signal-safe; nothing else runs in the child.
    unsafe {
        c.pre_exec(move || {
            let lim = libc::rlimit {
                rlim_cur: bytes,
                rlim_max: bytes,
            };
            if libc::setrlimit(libc::RLIMIT_AS, &lim) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let out = c.output().expect("run hyoka");
    assert_eq!(
        out.status.code(),
        Some(code),
        "hyoka {args:?}\n--- stderr\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// Every hostile file (tests/fixtures/hostile/README.md) among the samples:
/// each is refused by what it declares or stopped by its worker's limit
/// (F001 naming the file and why), the
/// run stays within 2 GB of address space, and the samples' findings are
/// those of the samples alone. A FIFO and a link to a device named like
/// workbooks are reported, not passed over or waited on.
#[test]
fn hostile_files_are_refused_by_their_declarations_and_the_batch_goes_on() {
    let w = Workdir::new();
    let dir = samples_folder(&w);
    let alone = json(&run_bounded(
        &w,
        &["check", "提出", "--format", "json", "--year", "令和6"],
        2 << 30,
        1,
    ));
    let refused = [
        ("ods_repeat_bomb.ods", "98,304,000 セル"),
        ("shared_strings_count.xlsx", "共有文字列の件数指定が不正"),
        ("xls_dimensions.xls", "範囲が"),
        ("xls_far_cell.xls", "範囲が"),
        ("xls_far_cells2.xls", "範囲が"),
        ("xls_far_cell_255.xls", "範囲が"),
        ("many_sheets.xlsx", "シートが 4000 枚"),
        ("many_sheets_2000.xlsx", "シートが 2000 枚"),
        ("ods_slow.ods", "合わせて 11,400,000 セル"),
        // Found by fuzzing: within every declared check, 8.5 GB read whole;
        // its worker dies at the memory limit.
        ("fuzz_oom.xls", "異常終了"),
    ];
    for (name, _) in refused {
        std::fs::copy(fixture("hostile").join(name), dir.join(name)).unwrap();
    }
    let fifo = dir.join("pipe.xlsx");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    std::os::unix::fs::symlink("/dev/zero", dir.join("zero.xlsx")).unwrap();

    let t0 = std::time::Instant::now();
    let doc = json(&run_bounded(
        &w,
        &["check", "提出", "--format", "json", "--year", "令和6"],
        2 << 30,
        1,
    ));
    // Refusals cost no time (a deadline, not a benchmark).
    assert!(t0.elapsed().as_secs() < 60, "{:?}", t0.elapsed());
    let files = by_file(&doc);
    for (name, why) in refused {
        let (status, error, _) = &files[name];
        assert_eq!(status, "unreadable", "{name}");
        assert!(error.contains(why), "{name}: {error}");
    }
    for name in ["pipe.xlsx", "zero.xlsx"] {
        let (status, error, _) = &files[name];
        assert_eq!(status, "unreadable", "{name}");
        assert!(
            error.contains("通常のファイルではありません"),
            "{name}: {error}"
        );
    }
    let good = by_file(&alone);
    for (name, v) in &good {
        assert_eq!(&files[name], v, "{name} changed beside the hostile files");
    }
}

/// `check` of `input` as JSON under the limits in `limits.toml`.
fn limited_check(input: &str) -> [&str; 8] {
    [
        "check",
        input,
        "--format",
        "json",
        "--year",
        "令和6",
        "--config",
        "limits.toml",
    ]
}

/// What the declarations allow but the reader still makes costly is bounded
/// by the worker that reads it. `ods_within_extent.ods` (1 KB) passes every
/// declared-size check yet makes calamine build 3.8 million cells, about
/// 330 MB: under a 128 MB worker limit it is F001 for itself alone, and the
/// samples beside it are read as if it were not there. Read in hyoka's own
/// process instead, the same run takes the memory.
#[test]
fn a_file_beyond_the_workers_memory_costs_only_itself() {
    let w = Workdir::new();
    let dir = samples_folder(&w);
    std::fs::write(w.path("limits.toml"), "[limits]\nfile_memory_mb = 128\n").unwrap();
    let args = limited_check("提出");
    let alone = by_file(&json(&w.run(&args, 1)));
    let name = "ods_within_extent.ods";
    std::fs::copy(fixture("hostile").join(name), dir.join(name)).unwrap();
    let files = by_file(&json(&w.run(&args, 1)));
    let (status, error, _) = &files[name];
    assert_eq!(status, "unreadable");
    assert!(
        error.contains("異常終了") && error.contains("上限（128 MB）"),
        "{error}"
    );
    for (name, v) in &alone {
        assert_eq!(&files[name], v, "{name} changed beside the file");
    }
    std::fs::write(
        w.path("limits.toml"),
        "[limits]\nfile_memory_mb = 128\nisolate = false\n",
    )
    .unwrap();
    let in_process = by_file(&json(&w.run(&args, 1)));
    assert_eq!(
        in_process[name].0, "ok",
        "read whole in hyoka's own process"
    );
}

/// A file that takes longer than the deadline is stopped there: F001 naming
/// the limit, in a run that takes about the deadline, not the reading.
#[test]
fn a_file_beyond_the_deadline_is_stopped_there() {
    let w = Workdir::new();
    let name = "ods_within_extent.ods";
    std::fs::copy(fixture("hostile").join(name), w.path(name)).unwrap();
    std::fs::write(w.path("limits.toml"), "[limits]\nfile_seconds = 0.05\n").unwrap();
    let t0 = std::time::Instant::now();
    let out = w.run(&limited_check(name), 1);
    assert!(t0.elapsed().as_secs() < 20, "{:?}", t0.elapsed());
    let (status, error, codes) = &by_file(&json(&out))[name];
    assert_eq!(status, "unreadable");
    assert!(error.contains("0.05 秒を超えても終わらない"), "{error}");
    assert_eq!(codes, &["F001"]);
}

/// Control characters in sheet names and cells (ESC sequences that clear
/// the screen, set the title, plant links or move the cursor; CR, BS) are
/// printed as escapes, never as the bytes, on a pipe as on a terminal.
#[test]
fn submitted_control_characters_never_reach_the_terminal() {
    let w = Workdir::new();
    let out = w.run(
        &[
            "check",
            fixture("hostile/control_chars.xlsx").to_str().unwrap(),
            "--year",
            "令和6",
        ],
        1,
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("\\x1b[2J"), "{text}");
    let raw: Vec<char> = text
        .chars()
        .filter(|c| c.is_control() && *c != '\n')
        .collect();
    assert!(raw.is_empty(), "raw control characters printed: {raw:?}");
}

/// One submission's text cannot cost everyone the workbook: a grade cell of
/// 32,767 characters is cut and marked, a sheet name with an escape
/// sequence gets no hyperlink (XML cannot hold it), and every part of the
/// consolidated workbook is well-formed XML.
#[test]
fn hostile_texts_leave_the_consolidated_workbook_whole() {
    let w = Workdir::new();
    let dir = w.path("提出");
    std::fs::create_dir(&dir).unwrap();
    for name in ["long_grade.xlsx", "control_chars.xlsx"] {
        std::fs::copy(fixture("hostile").join(name), dir.join(name)).unwrap();
    }
    w.run(
        &["consolidate", "提出", "--year", "令和6", "-o", "out.xlsx"],
        1,
    );
    let bytes = std::fs::read(w.path("out.xlsx")).unwrap();
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut parts = 0;
    for i in 0..z.len() {
        let mut f = z.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        if !(name.ends_with(".xml") || name.ends_with(".rels")) {
            continue;
        }
        let mut xml = String::new();
        std::io::Read::read_to_string(&mut f, &mut xml).unwrap();
        assert!(
            !xml.chars()
                .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')),
            "{name}: a raw control character"
        );
        let mut r = quick_xml::Reader::from_str(&xml);
        loop {
            match r.read_event() {
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(_) => {}
                Err(e) => panic!("{name}: {e}"),
            }
        }
        parts += 1;
    }
    assert!(parts > 5, "{parts} parts");
    let cells = crate::util::read_sheet(&w.path("out.xlsx"), "エラー報告");
    assert!(
        cells.iter().flatten().any(|c| c.ends_with("…（以下略）")),
        "the long grade is not cut and marked"
    );
}

/// A run holds the output folder: a second run writing there is refused
/// plainly, and the temporary files a killed run left behind are removed
/// by the next one.
#[test]
fn an_output_folder_is_written_by_one_run_and_left_clean() {
    let w = Workdir::new();
    std::fs::write(w.path(".hyoka-stale1234.tmp"), b"half a workbook").unwrap();
    let input = samples().join("納税課_令和6年度.xlsx");
    let args = [
        "consolidate",
        input.to_str().unwrap(),
        "--year",
        "令和6",
        "-o",
        "out.xlsx",
        "--json",
        "out.json",
    ];
    w.run(&args, 1);
    assert!(
        !w.path(".hyoka-stale1234.tmp").exists(),
        "the stale temp stays"
    );
    assert!(w.path("out.xlsx").exists() && w.path("out.json").exists());

    assert!(!w.path(".hyoka.lock").exists(), "the lock file stays");
    let lock = std::fs::File::create(w.path(".hyoka.lock")).unwrap();
    lock.lock().unwrap();
    let out = w.run(&args, 2);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("別の hyoka が同じフォルダ"), "{err}");
    lock.unlock().unwrap();
    w.run(&args, 1);
}
