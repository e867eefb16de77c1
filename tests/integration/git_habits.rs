//! git's habits kept: `diff` of two files outside a store, `-` for standard input, exit codes
//! as `git diff --exit-code`, `HEAD`, `log --oneline` and `log -n`, and usage errors that
//! list the valid values. Each asserts the exact output.

use crate::common::{TestEnv, draft, imported};

fn two_files(env: &TestEnv) {
    env.write("a.md", "1. Elections within 100 days.\n2. A ceasefire.\n");
    env.write(
        "b.md",
        "1. Elections within 100 days.\n2. A full ceasefire.\n",
    );
}

#[test]
fn diff_of_two_files_outside_a_store_is_a_file_diff() {
    let env = TestEnv::new(); // no store anywhere above
    two_files(&env);
    let plain = env.cmd().args(["diff", "a.md", "b.md"]).output().unwrap();
    let no_index = env.ok(&["diff", "--no-index", "a.md", "b.md"]);
    assert_eq!(plain.status.code(), Some(0));
    assert_eq!(String::from_utf8(plain.stdout).unwrap(), no_index);
    assert!(
        no_index.starts_with("a.md → b.md: 1 unchanged, 1 reworded\n"),
        "{no_index}"
    );
    // A missing file is named, not "no store found".
    let err = env.fails(&["diff", "a.md", "missing.md"]);
    assert!(err.starts_with("error: missing.md: "), "{err}");
}

#[test]
fn standard_input_is_one_side() {
    let env = TestEnv::new();
    two_files(&env);
    let files = env.ok(&["diff", "--no-index", "a.md", "b.md"]);
    let b =
        std::fs::read("b.md".replace("b.md", env.path().join("b.md").to_str().unwrap())).unwrap();
    let out = env
        .cmd()
        .args(["diff", "a.md", "-"])
        .write_stdin(b)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        files.replace("a.md → b.md", "a.md → -")
    );
    let err = env.fails(&["diff", "-", "-"]);
    assert_eq!(err, "error: only one side can be standard input (`-`)\n");
}

#[test]
fn exit_codes_follow_git() {
    let env = TestEnv::new();
    two_files(&env);
    let code = |args: &[&str]| {
        let out = env.cmd().args(args).output().unwrap();
        (out.status.code(), String::from_utf8(out.stdout).unwrap())
    };
    // Without --exit-code a difference is no failure, as in git.
    assert_eq!(code(&["diff", "a.md", "b.md"]).0, Some(0));
    assert_eq!(code(&["diff", "--exit-code", "a.md", "b.md"]).0, Some(1));
    assert_eq!(code(&["diff", "--exit-code", "a.md", "a.md"]).0, Some(0));
    assert_eq!(
        code(&["diff", "--quiet", "a.md", "b.md"]),
        (Some(1), String::new())
    );
    assert_eq!(
        code(&["diff", "-q", "a.md", "a.md"]),
        (Some(0), String::new())
    );
    assert_eq!(
        code(&["diff", "a.md", "a.md"]),
        (
            Some(0),
            "no differences: a.md and a.md have the same text\n".to_owned()
        )
    );
}

#[test]
fn head_and_log_shortcuts() {
    let env = imported();
    let oneline = env.ok(&["log", "--oneline"]);
    let lines: Vec<&str> = oneline.lines().collect();
    let full = env.ok(&["log"]);
    // One line per version: the first line of each entry of the full log, and its date.
    let headers: Vec<&str> = full
        .split("\n\n")
        .map(|entry| entry.lines().next().unwrap())
        .collect();
    assert_eq!(lines.len(), headers.len());
    for (line, header) in lines.iter().zip(&headers) {
        assert!(line.starts_with(&format!("{header}  2025-")), "{line}");
    }
    assert_eq!(
        lines[0],
        "fffdd81b87 20-point framework  [ukraine]  2025-12-23"
    );
    assert_eq!(
        env.ok(&["log", "--oneline", "-n", "2"])
            .lines()
            .collect::<Vec<_>>(),
        lines[..2]
    );
    let mut newest_two_reversed = lines[..2].to_vec();
    newest_two_reversed.reverse();
    assert_eq!(
        env.ok(&["log", "--oneline", "-n", "2", "--reverse"])
            .lines()
            .collect::<Vec<_>>(),
        newest_two_reversed
    );

    // HEAD is the version recorded last, whatever its reported date.
    env.write(
        "late.md",
        draft(
            "Late-found early draft",
            "track = \"us\"\n[dates]\ndrafted = 2025-10-01\n",
            "1. An early text, found late.\n",
        ),
    );
    // Recorded a day after the import (the test clock is fixed otherwise).
    let out = env
        .cmd()
        .args(["commit", "late.md"])
        .env("DRAFTTRAIL_NOW", "2026-01-03T03:04:05Z")
        .output()
        .unwrap();
    assert!(out.status.success());
    let show = env.ok(&["show", "HEAD"]);
    assert!(show.contains("Late-found early draft"), "{show}");
    let diff = env.ok(&["diff"]);
    assert_eq!(diff, env.ok(&["diff", "HEAD~1", "HEAD"]));
    assert!(
        diff.starts_with("Geneva 19-point framework → Late-found early draft"),
        "{diff}"
    );
    env.write("other.md", "1. Another text.\n");
    let err = env.fails(&["commit", "other.md", "--label", "HEAD"]);
    assert!(
        err.contains("`HEAD` names the version recorded last"),
        "{err}"
    );
}

#[test]
fn an_invalid_value_lists_the_valid_ones() {
    let env = TestEnv::new();
    let err = env.fails(&["log", "--format", "html"]);
    assert_eq!(
        err.lines().next().unwrap(),
        "error: invalid value 'html' for '--format <FORMAT>' (expected one of: term, md, json, csv)"
    );
}

#[test]
fn provision_picks_a_side_or_lists_the_valid_ids() {
    let env = imported();
    let err = env.fails(&[
        "diff",
        "28-point-plan",
        "20-point-framework",
        "--provision",
        "Article 5",
    ]);
    assert!(
        err.starts_with(
            "error: no provision `Article 5` in the old or the new version; provisions are old: \
             preamble, 1, 2, 3,"
        ),
        "{err}"
    );
    assert!(err.contains("; new: preamble, 1, 2,"), "{err}");
    let err = env.fails(&[
        "diff",
        "28-point-plan",
        "20-point-framework",
        "--provision",
        "new:25",
    ]);
    assert!(
        err.starts_with("error: no provision `25` in the new; provisions are new: "),
        "{err}"
    );
    // The old 7 (NATO membership) and the new 7 are different provisions.
    let old7 = env.ok(&[
        "diff",
        "28-point-plan",
        "20-point-framework",
        "--provision",
        "old:7",
    ]);
    let new7 = env.ok(&[
        "diff",
        "28-point-plan",
        "20-point-framework",
        "--provision",
        "new:7",
    ]);
    let change = |out: &str| {
        out.lines()
            .find(|l| l.len() > 2 && "=~<>+-?".contains(&l[..1]) && l[1..].starts_with(' '))
            .map(str::to_owned)
    };
    let (old7, new7) = (change(&old7).unwrap(), change(&new7).unwrap());
    assert!(
        old7.starts_with("- 7 → —") || old7.contains("7 → "),
        "{old7}"
    );
    assert!(new7.contains("→ 7"), "{new7}");
    assert_ne!(old7, new7);
}
