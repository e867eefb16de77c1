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
