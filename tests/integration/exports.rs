//! Exports for spreadsheets and newsrooms (issue 18), read back by programs drafttrail did not
//! write: Python's `csv` module for CSV.

use crate::common::{TestEnv, draft, imported, installed};

/// Parses CSV with Python's `csv` module; returns the rows.
fn python_csv(csv: &[u8]) -> Vec<Vec<String>> {
    let script = "import csv, io, json, sys\n\
                  data = sys.stdin.buffer.read().decode('utf-8-sig')\n\
                  print(json.dumps(list(csv.reader(io.StringIO(data, newline='')))))";
    let mut child = std::process::Command::new("python3")
        .args(["-c", script])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("python3 runs the CSV check");
    use std::io::Write;
    child.stdin.take().unwrap().write_all(csv).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn csv_concordance_reads_back_as_the_json_links() {
    let env = imported();
    let pairs = [
        ("28-point-plan", "e3-counter-proposal"),
        ("28-point-plan", "geneva-19-point-framework"),
        ("ukraine-20-point-response", "20-point-framework"),
        ("28-point-plan", "20-point-framework"),
    ];
    for (old, new) in pairs {
        let json: serde_json::Value =
            serde_json::from_str(&env.ok(&["diff", old, new, "--format", "json"])).unwrap();
        let want: Vec<(String, String, String, String)> = json["changes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                let ids = |k: &str| {
                    let v: Vec<&str> = c[k]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|s| s.as_str().unwrap())
                        .collect();
                    v.join("; ")
                };
                let sim = format!("{:.3}", c["similarity"].as_f64().unwrap());
                (
                    ids("old"),
                    ids("new"),
                    c["kind"].as_str().unwrap().to_owned(),
                    sim,
                )
            })
            .collect();
        let out = env
            .cmd()
            .args(["diff", old, new, "--format", "csv", "--bom"])
            .output()
            .unwrap();
        assert!(out.status.success());
        assert!(
            out.stdout.starts_with("\u{feff}".as_bytes()),
            "the BOM comes first"
        );
        let rows = python_csv(&out.stdout);
        assert_eq!(rows[0][..3], ["old id", "new id", "kind"]);
        let got: Vec<(String, String, String, String)> = rows[1..]
            .iter()
            .map(|r| (r[0].clone(), r[1].clone(), r[2].clone(), r[5].clone()))
            .collect();
        assert_eq!(got, want, "{old} → {new}");
    }
}

#[test]
fn hostile_text_survives_csv_and_cannot_run_as_a_formula() {
    let env = TestEnv::new();
    env.ok(&["init"]);
    let text = "=cmd|' /C calc'!A0 and \"quoted\", with commas,\nand a second line";
    let file = env.write(
        "hostile.md",
        draft("@SUM(1+1)", "", &format!("1. {text}\n2. Plain.\n")),
    );
    env.ok(&["commit", file.to_str().unwrap()]);
    let rows = python_csv(env.ok(&["log", "--format", "csv"]).as_bytes());
    assert_eq!(rows.len(), 2);
    assert_eq!(
        rows[1][1], "'@SUM(1+1)",
        "a label starting with @ is defused"
    );
    let history = env.ok(&["history", "1", "--rev", "@SUM(1+1)", "--format", "csv"]);
    let rows = python_csv(history.as_bytes());
    let text_col = rows[0].iter().position(|h| h == "text").unwrap();
    assert_eq!(rows[1][text_col], format!("'{text}"));
    // A view that is not a table says so.
    let err = env.fails(&["show", "@SUM(1+1)", "--format", "csv"]);
    assert!(err.contains("has no CSV form"), "{err}");
}

/// Reads a DOCX in one state of its tracked changes with `tests/exports/docx_states.py`.
fn docx_state(file: &std::path::Path, state: &str) -> serde_json::Value {
    let script =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/exports/docx_states.py");
    let out = std::process::Command::new("python3")
        .arg(script)
        .arg(file)
        .arg(state)
        .output()
        .expect("python3 reads the DOCX");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn spaced(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether LibreOffice is installed; under CI its absence is a failure.
fn libreoffice() -> bool {
    installed(&["soffice"], "libreoffice-writer-nogui")
}

/// The Word or OpenDocument file as LibreOffice reads it: opened by LibreOffice (headless,
/// its own profile) and saved as Word, so that every tracked change, author, date and comment in the
/// result is one LibreOffice understood, not one drafttrail wrote.
fn through_libreoffice(file: &std::path::Path) -> std::path::PathBuf {
    let dir = file.with_extension("lo");
    let profile = file.with_extension("lo-profile");
    let out = std::process::Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args([
            "--headless",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
        ])
        .arg(&dir)
        .arg(file)
        .output()
        .expect("soffice runs");
    let saved = dir.join(file.with_extension("docx").file_name().unwrap());
    assert!(
        out.status.success() && saved.is_file(),
        "LibreOffice did not open {}: {}",
        file.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    saved
}

/// Exports OLD → NEW and checks both states, authors, dates and comments, in the file as
/// written and, where LibreOffice is installed (always under CI), as LibreOffice reads it.
fn check_export(env: &TestEnv, old: &str, new: &str) {
    let file = env.path().join("out.docx");
    env.ok(&["export", old, new, "--out", file.to_str().unwrap()]);
    check_states(env, &file, old, new);
    if libreoffice() {
        check_states(env, &through_libreoffice(&file), old, new);
    }
}

/// Checks that `file` reads as NEW with every change accepted and as OLD with every change
/// rejected, that every change has an author and a date, and that each claim is a comment.
fn check_states(env: &TestEnv, file: &std::path::Path, old: &str, new: &str) {
    let accepted = docx_state(file, "accept");
    let rejected = docx_state(file, "reject");
    let body = |rev: &str| spaced(&env.ok(&["show", rev, "--raw"]));
    assert_eq!(
        spaced(accepted["text"].as_str().unwrap()),
        body(new),
        "{old} → {new} accepted"
    );
    assert_eq!(
        spaced(rejected["text"].as_str().unwrap()),
        body(old),
        "{old} → {new} rejected"
    );
    for change in accepted["changes"].as_array().unwrap() {
        assert!(
            change[1].as_str().is_some_and(|a| !a.is_empty()),
            "no author: {change}"
        );
        assert!(
            change[2].as_str().is_some_and(|d| d.len() >= 10),
            "no date: {change}"
        );
    }
    let log: serde_json::Value =
        serde_json::from_str(&env.ok(&["show", new, "--format", "json"])).unwrap();
    let claims = log["claims"].as_array().map_or(0, Vec::len);
    let comments = accepted["comments"].as_array().unwrap().len();
    assert!(
        comments >= claims,
        "{old} → {new}: {comments} comments for {claims} claims"
    );
}

#[test]
fn docx_export_reads_as_new_when_accepted_and_old_when_rejected() {
    let env = imported();
    let log: serde_json::Value =
        serde_json::from_str(&env.ok(&["log", "--format", "json"])).unwrap();
    let mut pairs = 0;
    for v in log.as_array().unwrap() {
        for p in v["parents"].as_array().unwrap() {
            check_export(&env, p["id"].as_str().unwrap(), v["id"].as_str().unwrap());
            pairs += 1;
        }
    }
    assert!(pairs >= 5, "{pairs} parent → child pairs");
}

#[test]
fn docx_and_odt_exports_of_a_real_bill() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/real-corpus/us-s269-is-es");
    if !dir.is_dir() {
        eprintln!("skipped: ../shared/real-corpus is absent");
        return;
    }
    let env = TestEnv::new();
    env.ok(&["init"]);
    for (side, label) in [("old.md", "introduced"), ("new.md", "engrossed")] {
        let f = dir.join(side);
        env.ok(&["commit", f.to_str().unwrap(), "--label", label]);
    }
    check_export(&env, "introduced", "engrossed");
    if libreoffice() {
        let odt = env.path().join("bill.odt");
        env.ok(&[
            "export",
            "introduced",
            "engrossed",
            "--out",
            odt.to_str().unwrap(),
        ]);
        check_states(&env, &through_libreoffice(&odt), "introduced", "engrossed");
    }
}

/// Whether headless Chromium is installed; under CI its absence is a failure.
fn chromium() -> bool {
    installed(
        &["chromium", "chromium-browser", "google-chrome"],
        "chromium",
    )
}

/// The text of a PDF by poppler's `pdftotext`, or `None` when poppler is missing.
fn pdf_text(file: &std::path::Path) -> Option<String> {
    let out = std::process::Command::new("pdftotext")
        .arg(file)
        .arg("-")
        .output()
        .ok()?;
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn odt_export_reads_as_new_when_accepted_and_old_when_rejected() {
    let env = imported();
    let log: serde_json::Value =
        serde_json::from_str(&env.ok(&["log", "--format", "json"])).unwrap();
    let lo = libreoffice();
    let mut pairs = 0;
    for v in log.as_array().unwrap() {
        for p in v["parents"].as_array().unwrap() {
            let (old, new) = (p["id"].as_str().unwrap(), v["id"].as_str().unwrap());
            let file = env.path().join(format!("{old}.odt"));
            // The format comes from the file name.
            env.ok(&["export", old, new, "--out", file.to_str().unwrap()]);
            let bytes = std::fs::read(&file).unwrap();
            assert!(
                bytes.starts_with(b"PK") && bytes[30..].starts_with(b"mimetype"),
                "an ODF package starts with its mimetype"
            );
            // LibreOffice reads it: every change, author, date and comment survives its
            // reading, and both states are the versions.
            if lo {
                check_states(&env, &through_libreoffice(&file), old, new);
            }
            pairs += 1;
        }
    }
    assert!(pairs >= 5, "{pairs} parent → child pairs");
    // drafttrail's own ODT reader (tested on LibreOffice's files) reads both states too.
    let file = env.path().join("plan.odt");
    env.ok(&[
        "export",
        "28-point-plan",
        "20-point-framework",
        "--out",
        file.to_str().unwrap(),
    ]);
    for (state, side) in [
        ("accept", "20-point-framework"),
        ("reject", "28-point-plan"),
    ] {
        let label = format!("odt {state}");
        env.ok(&[
            "commit",
            file.to_str().unwrap(),
            "--changes",
            state,
            "--label",
            &label,
            "--track",
            "odt",
        ]);
        let read = spaced(&env.ok(&["show", &label, "--raw"]));
        let body = spaced(&env.ok(&["show", side, "--raw"]));
        // After the title block, the text is the version's, word for word.
        assert!(read.ends_with(&body), "{state}ed:\n{read}");
    }
}

/// Whether a font the PDF export can use is installed; under CI its absence is a failure.
fn pdf_font() -> bool {
    let found = std::path::Path::new("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf").is_file();
    assert!(
        found || std::env::var_os("CI").is_none(),
        "CI must install fonts-dejavu-core"
    );
    if !found {
        eprintln!("skipped: fonts-dejavu-core is not installed");
    }
    found
}

fn export_pdf(env: &TestEnv, old: &str, new: &str, extra: &[&str]) -> std::path::PathBuf {
    let pdf = env.path().join("redline.pdf");
    let mut args = vec![
        "export",
        old,
        new,
        "--format",
        "pdf",
        "--out",
        pdf.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    env.ok(&args);
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
    pdf
}

#[test]
fn pdf_export_holds_both_texts_of_each_change_and_numbers_its_pages() {
    if !pdf_font() {
        return;
    }
    let env = imported();
    let pdf = export_pdf(&env, "28-point-plan", "20-point-framework", &[]);
    let Some(text) = pdf_text(&pdf) else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must install poppler-utils"
        );
        return;
    };
    let flat = spaced(&text);
    assert!(
        flat.contains("28-point plan → 20-point framework"),
        "{text}"
    );
    let pages = text.matches('\u{c}').count();
    assert!(pages >= 2, "{pages} pages");
    // poppler drops the thin spaces of "N / M" in small type: compare without spaces.
    let unspaced: String = text.split_whitespace().collect();
    for n in 1..=pages {
        assert!(
            unspaced.contains(&format!("{n}/{pages}")),
            "page {n} of {pages}"
        );
    }
    // The text as it runs on from page to page, without the page numbers.
    let unspaced: String = text
        .lines()
        .filter(|l| {
            let l: String = l.split_whitespace().collect();
            l.split_once('/').is_none_or(|(a, b)| {
                !(a.bytes().all(|c| c.is_ascii_digit()) && b == pages.to_string())
            })
        })
        .flat_map(str::split_whitespace)
        .collect();
    // Every changed provision prints with the words of both sides, in reading order.
    let diff: serde_json::Value = serde_json::from_str(&env.ok(&[
        "diff",
        "28-point-plan",
        "20-point-framework",
        "--format",
        "json",
    ]))
    .unwrap();
    let mut checked = 0;
    for c in diff["changes"].as_array().unwrap() {
        if c["kind"] != "reworded" {
            continue;
        }
        // Each deletion, insertion and kept phrase prints whole (line ends may fall anywhere:
        // compared without spaces).
        for span in c["redline"].as_array().unwrap() {
            let words: String = span["text"].as_str().unwrap().split_whitespace().collect();
            assert!(unspaced.contains(&words), "{span} of {c} not printed");
        }
        checked += 1;
    }
    assert!(checked >= 5, "{checked} reworded provisions checked");
    // Unchanged provisions are one line per run, unless --full asks for them.
    let e3 = export_pdf(&env, "28-point-plan", "e3-counter-proposal", &[]);
    let e3_text = spaced(&pdf_text(&e3).unwrap());
    assert!(e3_text.contains("unchanged provisions"), "{e3_text}");
    let full = export_pdf(&env, "28-point-plan", "e3-counter-proposal", &["--full"]);
    let full_text = spaced(&pdf_text(&full).unwrap());
    assert!(!full_text.contains("unchanged provision"));
    assert!(full_text.len() > e3_text.len() + 1000);
}

#[test]
fn pdf_export_prints_cyrillic_with_an_embedded_font() {
    if !pdf_font() {
        return;
    }
    let env = TestEnv::new();
    env.ok(&["init"]);
    let old = env.write(
        "old.md",
        draft(
            "Проєкт",
            "",
            "1. Україна отримає надійні гарантії безпеки.\n2. Вибори відбудуться через 100 днів.\n",
        ),
    );
    let new = env.write(
        "new.md",
        draft(
            "Женева",
            "",
            "1. Україна отримає надійні гарантії безпеки.\n2. Вибори відбудуться якнайшвидше після підписання.\n",
        ),
    );
    env.ok(&["commit", old.to_str().unwrap()]);
    env.ok(&["commit", new.to_str().unwrap()]);
    let pdf = export_pdf(&env, "Проєкт", "Женева", &["--full"]);
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(
        bytes.windows(9).any(|w| w == b"FontFile2"),
        "the font is embedded"
    );
    if let Some(text) = pdf_text(&pdf) {
        let flat = spaced(&text);
        for words in [
            "Проєкт → Женева",
            "Україна отримає надійні гарантії безпеки.",
            "через 100 днів",
            "якнайшвидше після підписання",
        ] {
            assert!(flat.contains(words), "{words} in {text}");
        }
    }
}

#[test]
fn pdf_export_without_a_usable_font_is_one_clear_error() {
    let env = imported();
    let not_a_font = env.path().join("not-a-font.ttf");
    std::fs::write(&not_a_font, b"plain text, not a font").unwrap();
    let out = env
        .cmd()
        .env("DRAFTTRAIL_PDF_FONT", &not_a_font)
        .args([
            "export",
            "28-point-plan",
            "20-point-framework",
            "--format",
            "pdf",
            "--out",
            "x.pdf",
        ])
        .output()
        .unwrap();
    let err = one_error_and_no_file(&env, out);
    assert!(
        err.contains("DRAFTTRAIL_PDF_FONT") && err.contains("not a font"),
        "{err}"
    );
}

/// The command failed with exit code 1 and one `error:` line, and wrote no `x.pdf`; returns
/// its standard error.
fn one_error_and_no_file(env: &TestEnv, out: std::process::Output) -> String {
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        err.lines().filter(|l| l.starts_with("error:")).count(),
        1,
        "{err}"
    );
    assert!(!env.path().join("x.pdf").exists());
    err
}

#[test]
fn printed_report_has_page_numbers() {
    if !chromium() {
        return;
    }
    let env = imported();
    let report = env.path().join("report.pdf");
    env.run_ok(&["report", "--pdf", report.to_str().unwrap()]);
    let bytes = std::fs::read(&report).unwrap();
    assert!(bytes.starts_with(b"%PDF") && bytes.len() > 20_000);
    if let Some(text) = pdf_text(&report) {
        let flat: String = text.split_whitespace().collect();
        assert!(flat.contains("1/"), "a page number in {text}");
    }
}

#[test]
fn printing_without_a_browser_is_one_clear_error() {
    let env = imported();
    let empty = env.path().join("no-bin");
    std::fs::create_dir_all(&empty).unwrap();
    let out = env
        .cmd()
        .env("PATH", &empty)
        .args(["report", "--pdf", "x.pdf"])
        .output()
        .unwrap();
    let err = one_error_and_no_file(&env, out);
    assert!(
        err.contains("chromium") && err.contains("apt install chromium"),
        "{err}"
    );
}
