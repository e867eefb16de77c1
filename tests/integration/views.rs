//! Every view in every format on the sample corpus, under snapshot: what a reader sees is
//! reviewed once and cannot drift unnoticed when the code behind it moves.

use crate::common::{TestEnv, imported};

/// Each view, by the arguments that print it (diff's terminal and JSON output are snapshotted
/// pair by pair in `cli_diff`).
const VIEWS: [(&str, &[&str]); 8] = [
    ("log", &["log"]),
    ("show", &["show", "20-point-framework"]),
    ("diff", &["diff", "28-point-plan", "20-point-framework"]),
    ("history", &["history", "28-point-plan#6"]),
    ("blame", &["blame", "20-point-framework"]),
    ("shares", &["shares", "20-point-framework"]),
    ("timeline", &["timeline"]),
    ("verify", &["verify"]),
];

fn run(env: &TestEnv, args: &[&str], extra: &[&str]) -> String {
    let all: Vec<&str> = args.iter().chain(extra).copied().collect();
    env.ok(&all)
}

#[test]
fn every_view_in_every_format() {
    let env = imported();
    for (name, args) in VIEWS {
        for format in ["term", "md", "json"] {
            if name == "diff" && format != "md" {
                continue;
            }
            let out = run(&env, args, &["--format", format]);
            if format == "json" {
                // The stable schema is valid JSON, whatever else the snapshot shows.
                serde_json::from_str::<serde_json::Value>(&out)
                    .unwrap_or_else(|e| panic!("{name} --format json: {e}"));
            }
            insta::assert_snapshot!(format!("view__{name}__{format}"), out);
        }
    }
}

/// The colour of every terminal view, as labels a reviewer can read (`<<change.added::…>>`).
#[test]
fn every_terminal_view_in_colour_labels() {
    let env = imported();
    for (name, args) in VIEWS {
        let out = run(&env, args, &["--color", "debug"]);
        assert!(out.contains("<<"), "{name} --color debug has no label");
        insta::assert_snapshot!(format!("view__{name}__color_debug"), out);
    }
}

/// The report's timeline, version × provision matrix and shares, as HTML: the sections built
/// from data no other snapshot covers (its changes and histories render the diff and history
/// views above).
#[test]
fn report_sections() {
    let env = imported();
    env.ok(&["report", "--out", "report.html"]);
    let html = std::fs::read_to_string(env.path().join("report.html")).unwrap();
    for id in ["timeline", "matrix", "shares"] {
        let open = format!("<section id=\"{id}\">");
        let start = html
            .find(&open)
            .unwrap_or_else(|| panic!("no section {id}"));
        let end = start + html[start..].find("</section>").unwrap() + "</section>".len();
        let section = html[start..end].replace("><", ">\n<");
        insta::assert_snapshot!(format!("view__report__{id}"), section);
    }
}
