//! init, commit, import, log and show, on the sample corpus and on hostile input.

use crate::common::{TestEnv, draft, imported};

const SAMPLE_LABELS: [&str; 6] = [
    "28-point plan",
    "US security-guarantee annex",
    "E3 counter-proposal",
    "Geneva 19-point framework",
    "Ukraine 20-point response",
    "20-point framework",
];

#[test]
fn readme_first_command_records_and_logs_every_sample_version() {
    let env = TestEnv::new();
    env.copy_sample_drafts();
    let out = env.ok(&["import", "drafts", "--init"]);
    assert!(out.contains("6 new version(s)"), "{out}");
    let log = env.ok(&["log"]);
    for label in SAMPLE_LABELS {
        assert!(log.contains(label), "log lacks {label}:\n{log}");
    }
    assert!(log.contains("reconstructed (not verbatim)"));
    assert!(
        log.contains("a8d5f567 Kirill Dmitriev — leaked the plan to the press [alleged"),
        "{log}"
    );
    assert!(log.contains("↳ 0c1ca9fb denied by Axios"), "{log}");
    // The rest of the README's first command.
    let diff = env.ok(&[
        "diff",
        "28-point-plan",
        "20-point-framework",
        "--changed-only",
    ]);
    assert!(
        diff.contains("~ 6 → 4  reworded  renumbered  [quantity]"),
        "{diff}"
    );
    let timeline = env.ok(&["timeline"]);
    assert!(
        timeline.contains("event    Trump and Zelensky meet on the 20-point base plan"),
        "{timeline}"
    );
}

#[test]
fn plain_git_shows_claimed_drafters_and_reported_dates() {
    let env = imported();
    let log = env.git_stdout(&["log", "--all", "--format=%an|%ad|%s", "--date=short"]);
    assert!(
        log.contains("Steve Witkoff, Jared Kushner, Kirill Dmitriev|2025-10-26|28-point plan"),
        "{log}"
    );
    assert!(
        log.contains("unattributed|2025-11-23|Geneva 19-point framework"),
        "{log}"
    );
    assert!(log.contains("|2025-12-23|20-point framework"), "{log}");
    // The committer is the recorder, at the recording time.
    let committer = env.git_stdout(&["log", "-1", "--format=%cn|%cI", "us"]);
    assert_eq!(committer.trim(), "Test Recorder|2026-01-02T03:04:05Z");
    // Trailers make plain `git log` informative.
    let msg = env.git_stdout(&["log", "-1", "--format=%B", "europe"]);
    assert!(
        msg.starts_with("E3 counter-proposal\n\nAgainst 28-point plan: 13 unchanged, 13 reworded"),
        "{msg}"
    );
    assert!(
        msg.contains("\nSource: UNN (relaying Reuters), 2025-11-23, https://"),
        "{msg}"
    );
    assert!(msg.contains("\nStatus: reported\n"), "{msg}");
}

#[test]
fn a_clone_of_the_store_reads_with_plain_git() {
    let env = imported();
    let clone = env.path().join("clone");
    let status = std::process::Command::new("git")
        .args(["clone", "-q"])
        .arg(env.store())
        .arg(&clone)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .status()
        .unwrap();
    assert!(status.success());
    let body = std::fs::read_to_string(clone.join("draft.md")).unwrap();
    let meta = std::fs::read_to_string(clone.join("draft.toml")).unwrap();
    // HEAD follows the first track recorded (us); its tip is the Geneva reconstruction.
    assert!(
        body.contains("3. The armed forces of Ukraine shall not be subject to a fixed ceiling")
    );
    assert!(
        meta.contains("label = \"Geneva 19-point framework\""),
        "{meta}"
    );
    assert!(meta.contains("text = \"reconstructed\""), "{meta}");
    // Parents are git parents: the E3 text derives from the US plan.
    let parent = env.git_stdout(&["log", "-1", "--format=%s", "europe~1"]);
    assert_eq!(parent.trim(), "28-point plan");
}

#[test]
fn bodies_are_stored_byte_for_byte() {
    let env = TestEnv::new();
    env.ok(&["init"]);
    let body = "Préambule — ščř 日本  \r\n1. First point, trailing spaces   \r\n\r\n2. Último\t";
    env.write("d.md", draft("exact", "", body));
    env.ok(&["commit", "d.md"]);
    let raw = env.cmd().args(["show", "exact", "--raw"]).output().unwrap();
    assert_eq!(raw.stdout, body.as_bytes());
    let blob = env.git(&["show", "main:draft.md"]).stdout;
    assert_eq!(blob, body.as_bytes());
    let json = env.ok(&["show", "exact", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["body"], body);
    // A file without front matter is all body.
    env.write("plain.txt", "no front matter\nno newline");
    env.ok(&["commit", "plain.txt"]);
    let raw = env.cmd().args(["show", "plain", "--raw"]).output().unwrap();
    assert_eq!(raw.stdout, b"no front matter\nno newline");
}

#[test]
fn importing_twice_records_nothing_new() {
    let env = imported();
    let refs = env.refs();
    let out = env.ok(&["import", "drafts"]);
    assert!(
        out.contains("0 new version(s), 0 known text(s) with new sources, 6 unchanged"),
        "{out}"
    );
    assert_eq!(env.refs(), refs);
}

#[test]
fn the_same_body_from_a_second_outlet_adds_a_source() {
    let env = TestEnv::new();
    env.ok(&["init"]);
    let extra = "[[source]]\noutlet = \"Axios\"\nurl = \"https://a.example/1\"\n";
    env.write("a.md", draft("leak", extra, "1. Text.\n"));
    env.ok(&["commit", "a.md"]);
    let other = "[[source]]\noutlet = \"Reuters\"\nurl = \"https://r.example/2\"\n";
    env.write("b.md", draft("same leak elsewhere", other, "1. Text.\n"));
    let out = env.ok(&["commit", "b.md"]);
    assert!(out.contains("same text, added 1 source(s)"), "{out}");
    let log = env.ok(&["log", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&log).unwrap();
    assert_eq!(value.as_array().unwrap().len(), 1);
    let sources = value[0]["sources"].as_array().unwrap();
    let outlets: Vec<&str> = sources
        .iter()
        .map(|s| s["outlet"].as_str().unwrap())
        .collect();
    assert_eq!(outlets, ["Axios", "Reuters"]);
    // The addition is a git note: history was not rewritten.
    assert_eq!(env.git_stdout(&["rev-list", "--count", "main"]).trim(), "1");
    let note = env.git_stdout(&["notes", "--ref", "drafttrail", "show", "main"]);
    assert!(note.contains("Reuters"), "{note}");
    // Recording the second file again adds nothing.
    assert!(env.ok(&["commit", "b.md"]).contains("already recorded"));
}

#[test]
fn commit_flags_fill_and_override_front_matter() {
    let env = TestEnv::new();
    env.ok(&["init"]);
    env.write("a.md", draft("first", "", "1. A.\n"));
    env.ok(&["commit", "a.md"]);
    env.write("b.txt", "1. B.\n");
    env.ok(&[
        "commit",
        "b.txt",
        "--label",
        "second",
        "--track",
        "fork",
        "--parent",
        "first",
        "--date",
        "presented=2025-11-20",
        "--status",
        "disputed",
        "--text",
        "translation",
        "--source",
        "FT,https://ft.example/x,y,2025-11-21",
        "--claim",
        "A. Person: drafted it",
    ]);
    let json = env.ok(&["show", "second", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["track"], "fork");
    assert_eq!(v["status"], "disputed");
    assert_eq!(v["text"], "translation");
    assert_eq!(v["dates"]["presented"], "2025-11-20");
    assert_eq!(v["sources"][0]["url"], "https://ft.example/x,y");
    assert_eq!(v["sources"][0]["date"], "2025-11-21");
    assert_eq!(v["claims"][0]["who"], "A. Person");
    env.write("c.txt", "1. C.\n");
    env.ok(&[
        "commit",
        "c.txt",
        "--track",
        "fork",
        "--recorder",
        "Just A Name",
    ]);
    let committer = env.git_stdout(&["log", "-1", "--format=%cn", "fork"]);
    assert_eq!(committer.trim(), "Just A Name");
    let author = env.git_stdout(&["log", "-1", "--format=%an|%ad", "--date=short", "fork~1"]);
    assert_eq!(author.trim(), "A. Person|2025-11-20");
}

#[test]
fn revisions_resolve_by_id_label_slug_track_and_steps() {
    let env = imported();
    let id = env.git_stdout(&["rev-parse", "europe"]).trim().to_owned();
    let label_of = |rev: &str| {
        let json = env.ok(&["show", rev, "--format", "json"]);
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        v["label"].as_str().unwrap().to_owned()
    };
    assert_eq!(label_of(&id), "E3 counter-proposal");
    assert_eq!(label_of(&id[..7]), "E3 counter-proposal");
    assert_eq!(label_of("E3 counter-proposal"), "E3 counter-proposal");
    assert_eq!(label_of("e3-counter-proposal"), "E3 counter-proposal");
    assert_eq!(label_of("europe"), "E3 counter-proposal");
    assert_eq!(label_of("europe~1"), "28-point plan");
    assert_eq!(label_of("ukraine~2"), "Geneva 19-point framework");
    assert_eq!(label_of("us~"), "28-point plan");
}

#[test]
fn log_orders_and_formats() {
    let env = imported();
    let json = env.ok(&["log", "--reverse", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let labels: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, SAMPLE_LABELS);
    assert_eq!(v[3]["parents"][1]["label"], "E3 counter-proposal");
    assert_eq!(v[3]["verbatim"], false);
    let md = env.ok(&["log", "--format", "md"]);
    assert!(
        md.starts_with("# Versions\n\n## 20-point framework"),
        "{md}"
    );
    assert!(md.contains("- **Derives from:** 28-point plan, E3 counter-proposal"));
    let europe = env.ok(&["log", "--track", "europe"]);
    assert!(europe.contains("E3 counter-proposal") && !europe.contains("28-point plan  ["));
}

/// Every bad input: exit 1, one `error:` line naming the culprit, no ref changed.
#[test]
fn bad_input_fails_cleanly_and_changes_nothing() {
    let env = imported();
    env.write("bin.md", b"+++\nlabel='x'\n+++\n\x00\x01binary");
    env.write("latin1.md", b"1. Caf\xe9\n");
    env.write("empty.md", "+++\nlabel = \"e\"\n+++\n\n  \n");
    env.write("unclosed.md", "+++\nlabel = \"u\"\n1. Text\n");
    env.write(
        "badtoml.md",
        "+++\nlabel = \"t\"\nstatus = reported\n+++\n1. Text\n",
    );
    env.write(
        "unknown.md",
        "+++\nlabel = \"k\"\nauthor = \"me\"\n+++\n1. Text\n",
    );
    env.write(
        "baddate.md",
        "+++\nlabel = \"d\"\n[dates]\nleaked = \"2025-02-30\"\n+++\n1. Text\n",
    );
    env.write(
        "orphan.md",
        "+++\nlabel = \"o\"\nparent = \"no such draft\"\n+++\n1. Text\n",
    );
    std::fs::create_dir_all(env.path().join("adir")).unwrap();
    std::fs::create_dir_all(env.path().join("notastore")).unwrap();
    let refs = env.refs();
    let cases: &[(&[&str], &str)] = &[
        (&["commit", "missing.md"], "missing.md"),
        (&["commit", "adir"], "adir: is a directory"),
        (&["commit", "bin.md"], "bin.md: looks like a binary file"),
        (&["commit", "latin1.md"], "latin1.md:1: not valid UTF-8"),
        (&["commit", "empty.md"], "empty.md: the draft body is empty"),
        (
            &["commit", "unclosed.md"],
            "unclosed.md:1: front matter opened with `+++` is never closed",
        ),
        (&["commit", "badtoml.md"], "badtoml.md:3:"),
        (
            &["commit", "unknown.md"],
            "unknown.md:3: unknown field `author`",
        ),
        (
            &["commit", "baddate.md"],
            "baddate.md:4: field `leaked`: invalid date `2025-02-30`",
        ),
        (
            &["commit", "orphan.md"],
            "orphan.md: unknown parent `no such draft`",
        ),
        (
            &["show", "us~9"],
            "revision `us~9` goes past the first version",
        ),
        (&["show", "nope"], "unknown revision `nope`"),
        (
            &["--repo", "notastore", "log"],
            "notastore: not a drafttrail store",
        ),
        (&["import", "adir/nothing"], "invalid drafts folder"),
    ];
    for (args, expected) in cases {
        let stderr = env.fails(args);
        let first = stderr.lines().next().unwrap_or("");
        assert!(first.starts_with("error: "), "{args:?}: {stderr}");
        assert!(
            first.contains(expected),
            "{args:?}: expected `{expected}` in `{first}`"
        );
        assert!(
            !stderr.lines().skip(1).any(|l| !l.starts_with("hint: ")),
            "{args:?}: {stderr}"
        );
        assert_eq!(env.refs(), refs, "{args:?} changed a ref");
    }
    assert!(
        env.fails(&["show", "nope"])
            .contains("hint: run `drafttrail log`")
    );
    // An import with one bad file records nothing, not even the good ones.
    env.write("mixed/a.md", draft("good one", "", "1. Fine.\n"));
    env.write("mixed/b.md", b"\x28\xff\xc3");
    let stderr = env.fails(&["import", "mixed"]);
    assert!(stderr.contains("b.md:1: not valid UTF-8"), "{stderr}");
    assert_eq!(env.refs(), refs);
}

#[test]
fn no_store_yet_hints_at_init() {
    let env = TestEnv::new();
    let stderr = env.fails(&["log"]);
    assert!(
        stderr.starts_with("error: no drafttrail store found"),
        "{stderr}"
    );
    assert!(stderr.contains("hint: run `drafttrail init`"), "{stderr}");
    env.ok(&["init"]);
    assert!(env.fails(&["init"]).contains("already holds a repository"));
    assert!(env.fails(&["show", "x"]).contains("unknown revision"));
    // A store is found from a subfolder, like .git.
    std::fs::create_dir_all(env.path().join("a/b")).unwrap();
    env.cmd()
        .current_dir(env.path().join("a/b"))
        .arg("log")
        .assert()
        .success();
}

#[test]
fn a_track_that_moved_on_is_not_silently_forked() {
    let env = TestEnv::new();
    env.ok(&["init"]);
    env.write("a.md", draft("a", "", "1. A.\n"));
    env.write("b.md", draft("b", "", "1. B.\n"));
    env.write("c.md", draft("c", "parent = \"a\"\n", "1. C.\n"));
    env.ok(&["commit", "a.md"]);
    env.ok(&["commit", "b.md"]);
    let refs = env.refs();
    let stderr = env.fails(&["commit", "c.md"]);
    assert!(stderr.contains("track `main` is at"), "{stderr}");
    assert_eq!(env.refs(), refs);
    env.ok(&["commit", "c.md", "--track", "alt"]);
}

#[test]
fn import_is_all_or_nothing_and_leaves_a_sound_store() {
    let env = imported();
    let refs = env.refs();
    let objects = env.git_stdout(&["count-objects", "-v"]);
    // Both files parse; the second names a parent that does not exist: nothing may be recorded.
    env.write("more/a.md", draft("new one", "", "1. Fresh text.\n"));
    env.write(
        "more/b.md",
        draft("orphan", "parent = \"no such version\"\n", "1. Orphan.\n"),
    );
    let stderr = env.fails(&["import", "more"]);
    assert!(
        stderr.contains("unknown parent `no such version`"),
        "{stderr}"
    );
    assert_eq!(env.refs(), refs);
    assert_eq!(
        env.git_stdout(&["count-objects", "-v"]),
        objects,
        "objects were written"
    );
    // The successful import went to disk as a pack, and the store is sound.
    assert!(objects.contains("packs: 1"), "{objects}");
    let fsck = env.git(&["fsck", "--no-progress", "--strict"]);
    assert!(
        fsck.status.success(),
        "{}",
        String::from_utf8_lossy(&fsck.stderr)
    );
    assert!(!String::from_utf8_lossy(&fsck.stdout).contains("dangling commit"));
}
