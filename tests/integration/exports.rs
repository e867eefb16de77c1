//! Exports for spreadsheets and newsrooms (issue 18), read back by programs drafttrail did not
//! write: Python's `csv` module for CSV.

use crate::common::{TestEnv, draft, imported};

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

/// Exports OLD → NEW and checks both states, authors, dates and comments.
fn check_export(env: &TestEnv, old: &str, new: &str) {
    let file = env.path().join("out.docx");
    env.ok(&["export", old, new, "--out", file.to_str().unwrap()]);
    let accepted = docx_state(&file, "accept");
    let rejected = docx_state(&file, "reject");
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
fn docx_export_of_a_real_bill() {
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
}

/// Whether headless Chromium is installed; under CI its absence is a failure.
fn chromium() -> bool {
    let found = ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .any(|b| {
            std::process::Command::new(b)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        });
    assert!(
        found || std::env::var_os("CI").is_none(),
        "CI must install chromium"
    );
    if !found {
        eprintln!("skipped: chromium is not installed");
    }
    found
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
fn pdf_export_and_printed_report_have_page_numbers() {
    if !chromium() {
        return;
    }
    let env = imported();
    let pdf = env.path().join("redline.pdf");
    env.ok(&[
        "export",
        "28-point-plan",
        "20-point-framework",
        "--format",
        "pdf",
        "--out",
        pdf.to_str().unwrap(),
    ]);
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
    if let Some(text) = pdf_text(&pdf) {
        assert!(
            text.contains("28-point plan → 20-point framework"),
            "{text}"
        );
        let spaced: String = text.split_whitespace().collect();
        assert!(spaced.contains("1/"), "a page number in {text}");
    }
    let report = env.path().join("report.pdf");
    let out = env
        .cmd()
        .args(["report", "--pdf", report.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bytes = std::fs::read(&report).unwrap();
    assert!(bytes.starts_with(b"%PDF") && bytes.len() > 20_000);
}

#[test]
fn printing_without_a_browser_is_one_clear_error() {
    let env = imported();
    let empty = env.path().join("no-bin");
    std::fs::create_dir_all(&empty).unwrap();
    let out = env
        .cmd()
        .env("PATH", &empty)
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
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        err.lines().filter(|l| l.starts_with("error:")).count(),
        1,
        "{err}"
    );
    assert!(
        err.contains("chromium") && err.contains("apt install chromium"),
        "{err}"
    );
    assert!(!env.path().join("x.pdf").exists());
}
