//! Hostile and extreme input, one table: every case either fails with exit 1, a one-line
//! `error:` naming the culprit and no ref changed, or is handled correctly. No case may panic
//! (exit 101). Then a read-only store.

use std::fmt::Write as _;
use std::os::unix::ffi::OsStrExt as _;

use crate::common::{TestEnv, draft, imported};

enum Expect {
    /// Exit 1; the first stderr line holds this.
    Fails(&'static str),
    /// Exit 0; stdout + stderr hold this.
    Succeeds(&'static str),
    /// Exit 0, and a new version was recorded (not "already recorded").
    Records,
}

fn args(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

/// `commit FILE` on a track and label of its own (so cases do not depend on each other).
fn commit(file: &str) -> Vec<String> {
    let name = file.trim_end_matches(".md");
    let track = format!("t-{name}");
    args(&["commit", file, "--label", name, "--track", &track])
}

fn write_inputs(env: &TestEnv) {
    // 100 MB, sparse: refused on its size before a byte is read.
    let huge = std::fs::File::create(env.path().join("huge.md")).unwrap();
    huge.set_len(100 * 1024 * 1024).unwrap();
    let mut many = String::new();
    for k in 1..=100_000 {
        writeln!(many, "{k}. Provision {k} of a very long code.").unwrap();
    }
    env.write("many.md", many);
    env.write(
        "prose.md",
        "Just prose, no numbering.\nA second paragraph.\n",
    );
    env.write("same.md", "1. Same number, text one.\n".repeat(10_000));
    env.write(
        "longline.md",
        format!("1. {}\n2. Short.\n", "word ".repeat(210_000)),
    );
    let mut nul = "1. Text.\n".repeat(20_000).into_bytes();
    nul.extend_from_slice(b"2. A NUL \0 late in the file.\n");
    env.write("nul.md", nul);
    env.write(
        "bom.md",
        "\u{feff}+++\nlabel = \"bom\"\ntrack = \"t-bom\"\n+++\n1. After a byte-order mark.\n",
    );
    env.write(
        "crlf.md",
        "+++\r\nlabel = \"crlf\"\r\ntrack = \"t-crlf\"\r\n+++\r\n1. One.\r\n2. Two.\n3. Three.\r\n",
    );
    let scripts = "1. اتفاق السلام بين الطرفين يدخل حيز التنفيذ.\n\
                   2. שביתת נשק מלאה.\n\
                   3. Combining: e\u{301}le\u{300}ve, Z\u{337}\u{336}a\u{35c}l\u{361}go.\n\
                   4. Emoji: 🕊️ peace, 👨‍👩‍👧 families, 🇺🇦.\n";
    env.write("scripts.md", scripts);
    env.write(
        "scripts2.md",
        scripts.replace("🕊️", "🤝").replace("מלאה", "חלקית"),
    );
    let mut claims = String::from("+++\nlabel = \"claims\"\ntrack = \"t-claims\"\n");
    for k in 0..10_000 {
        write!(
            claims,
            "\n[[claim]]\nwho = \"Person {k}\"\ndid = \"shaped point {}\"\nsource = \"Outlet {k}\"\n",
            k % 7 + 1
        )
        .unwrap();
    }
    claims.push_str("+++\n1. One.\n2. Two.\n");
    env.write("claims.md", claims);
    env.write(
        "dates.md",
        "+++\nlabel = \"dates\"\ntrack = \"t-dates\"\n[dates]\ndrafted = 1899-12-31\nleaked = 2150-06-01\n+++\n1. Old and new.\n",
    );
    env.write("empty.md", "");
    env.write("afile", "not a store");
    env.write("badevents/a.md", "+++\nlabel = \"a\"\n+++\n1. A.\n");
    env.write(
        "badevents/events.toml",
        "[[event]]\nid = \"x\"\ndate = \"not a date\"\n",
    );
    env.write("fifodir/a.md", "+++\nlabel = \"f\"\n+++\n1. F.\n");
    let fifo = env.path().join("fifodir/events.toml");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    std::os::unix::fs::symlink("prose.md", env.path().join("link.html")).unwrap();
    env.write("fresh.md", "1. A text of its own.\n");
    env.write("hugedir/a.md", "1. A.\n");
    std::fs::copy(env.path().join("huge.md"), env.path().join("hugedir/b.md")).unwrap();
}

#[test]
fn hostile_input_fails_cleanly_or_is_handled() {
    let env = imported();
    write_inputs(&env);
    let cases: Vec<(&str, Vec<String>, Expect)> = vec![
        (
            "100 MB draft",
            commit("huge.md"),
            Expect::Fails("huge.md: 100.0 MiB is larger than the 64 MiB"),
        ),
        (
            "100 MB draft, no store",
            args(&["diff", "--no-index", "huge.md", "prose.md"]),
            Expect::Fails("larger than the 64 MiB"),
        ),
        (
            "100 MB draft in a folder",
            args(&["import", "hugedir"]),
            Expect::Fails("b.md: 100.0 MiB"),
        ),
        ("100,000 provisions", commit("many.md"), Expect::Records),
        (
            "no numbered provision",
            commit("prose.md"),
            Expect::Succeeds("warning: prose.md: no numbered provision found"),
        ),
        (
            "10,000 identical numbers",
            commit("same.md"),
            Expect::Records,
        ),
        ("a 1 MB line", commit("longline.md"), Expect::Records),
        (
            "a NUL byte at 180 KB",
            commit("nul.md"),
            Expect::Fails("nul.md: looks like a binary file (NUL byte at offset 180009)"),
        ),
        (
            "UTF-8 byte-order mark",
            args(&["commit", "bom.md"]),
            Expect::Records,
        ),
        (
            "CRLF and LF mixed",
            args(&["commit", "crlf.md"]),
            Expect::Records,
        ),
        (
            "right-to-left, combining, emoji",
            commit("scripts.md"),
            Expect::Records,
        ),
        (
            "diff of those",
            args(&["diff", "--no-index", "scripts.md", "scripts2.md"]),
            Expect::Succeeds("חלקית"),
        ),
        (
            "10,000 claims",
            args(&["commit", "claims.md"]),
            Expect::Records,
        ),
        (
            "dates before 1970 and after 2100",
            args(&["commit", "dates.md"]),
            Expect::Records,
        ),
        (
            "empty file",
            commit("empty.md"),
            Expect::Fails("empty.md: the draft body is empty"),
        ),
        (
            "path traversal",
            args(&["show", "../../etc/passwd"]),
            Expect::Fails("unknown revision `../../etc/passwd`"),
        ),
        (
            "shell substitution",
            args(&["show", "$(touch pwned)"]),
            Expect::Fails("unknown revision `$(touch pwned)`"),
        ),
        (
            "shell separators",
            args(&["diff", "us; rm -rf /", "us|cat"]),
            Expect::Fails("unknown revision `us; rm -rf /`"),
        ),
        (
            "git reflog syntax",
            args(&["history", "1", "--rev", "HEAD@{0}"]),
            Expect::Fails("unknown revision"),
        ),
        (
            "raw ref name",
            args(&["show", "refs/heads/../../config"]),
            Expect::Fails("unknown revision"),
        ),
        (
            "--repo is a file",
            args(&["--repo", "afile", "log"]),
            Expect::Fails("afile: not a drafttrail store"),
        ),
        (
            "malformed events.toml",
            args(&["import", "badevents"]),
            Expect::Fails("events.toml"),
        ),
        (
            "unknown provision in a pin",
            args(&["pin", "us:999", "europe:1"]),
            Expect::Fails("has no provision `999`"),
        ),
        (
            "unknown provision in a claim",
            args(&[
                "attribute",
                "us",
                "--provision",
                "999",
                "--who",
                "X",
                "--did",
                "y",
                "--source",
                "Z",
            ]),
            Expect::Fails("has no provision `999`"),
        ),
        (
            "report into a missing folder",
            args(&["report", "--out", "no/such/dir/r.html"]),
            Expect::Fails("no/such/dir/r.html: cannot write"),
        ),
        (
            "report over a track ref",
            args(&["report", "--out", "history/refs/heads/us"]),
            Expect::Fails("is inside the store"),
        ),
        (
            "report over a FIFO",
            args(&["report", "--out", "fifodir/events.toml"]),
            Expect::Fails("is not a regular file"),
        ),
        (
            "report over a symbolic link",
            args(&["report", "--out", "link.html"]),
            Expect::Fails("link.html: is a symbolic link"),
        ),
        (
            "import with a FIFO as events.toml",
            args(&["import", "fifodir"]),
            Expect::Fails("fifodir/events.toml: is a FIFO, not a regular file"),
        ),
        (
            "a label that is a track's name",
            args(&["commit", "fresh.md", "--label", "us", "--track", "t-fresh"]),
            Expect::Fails("invalid label `us`: `us` is a track's name"),
        ),
        (
            "a label with revision syntax",
            args(&["commit", "fresh.md", "--label", "v~2", "--track", "t-fresh"]),
            Expect::Fails("`~` is revision syntax"),
        ),
        (
            "a label of hex digits",
            args(&[
                "commit", "fresh.md", "--label", "2025", "--track", "t-fresh",
            ]),
            Expect::Fails("would be read as a version id"),
        ),
        (
            "a new track named like a label",
            args(&["commit", "fresh.md", "--label", "fresh", "--track", "many"]),
            Expect::Fails("invalid track name `many`: a version is labelled `many`"),
        ),
        (
            "a known text under a new label",
            args(&[
                "commit", "prose.md", "--label", "prose v2", "--track", "t-prose",
            ]),
            Expect::Succeeds("prose; not recorded: label \"prose v2\" (recorded: \"prose\")"),
        ),
        (
            "unreachable remote",
            args(&["sync", "no/such/remote"]),
            Expect::Fails("fetching from `no/such/remote`"),
        ),
        (
            "impossible date",
            args(&["timeline", "--since", "2025-13-01"]),
            Expect::Fails("invalid value '2025-13-01'"),
        ),
        (
            "misspelt flag",
            args(&["log", "--fromat", "json"]),
            Expect::Fails("unexpected argument '--fromat'"),
        ),
    ];
    for (name, argv, expect) in &cases {
        let refs = env.refs();
        let out = env.cmd().args(argv).output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_ne!(out.status.code(), Some(101), "{name}: panicked: {stderr}");
        match expect {
            Expect::Fails(needle) => {
                assert_eq!(out.status.code(), Some(1), "{name}: {stdout} {stderr}");
                let first = stderr.lines().next().unwrap_or("");
                assert!(first.starts_with("error: "), "{name}: {stderr}");
                assert!(
                    first.contains(needle),
                    "{name}: expected `{needle}` in `{first}`"
                );
                assert!(
                    stderr.lines().skip(1).all(|l| l.starts_with("hint: ")),
                    "{name}: more than one line: {stderr}"
                );
                assert_eq!(env.refs(), refs, "{name}: a ref changed");
            }
            Expect::Succeeds(needle) => {
                assert!(out.status.success(), "{name}: {stderr}");
                assert!(
                    stdout.contains(needle) || stderr.contains(needle),
                    "{name}: expected `{needle}`: {stdout} {stderr}"
                );
            }
            Expect::Records => {
                assert!(out.status.success(), "{name}: {stderr}");
                assert!(
                    stdout.lines().any(|l| l.starts_with("recorded ")),
                    "{name}: nothing new recorded: {stdout}"
                );
                assert_ne!(env.refs(), refs, "{name}: no ref moved");
            }
        }
    }
    assert!(!env.path().join("pwned").exists());
    // The refused reports touched nothing.
    assert_eq!(
        std::fs::read_to_string(env.path().join("prose.md")).unwrap(),
        "Just prose, no numbering.\nA second paragraph.\n"
    );
    assert!(
        std::fs::symlink_metadata(env.path().join("link.html"))
            .unwrap()
            .file_type()
            .is_symlink()
    );

    // What was recorded is exact and readable.
    let crlf = env.git_stdout(&["show", "t-crlf:draft.md"]);
    assert_eq!(crlf, "1. One.\r\n2. Two.\n3. Three.\r\n");
    let shown = env.ok(&["show", "scripts", "--raw"]);
    assert!(
        shown.contains("👨‍👩‍👧") && shown.contains("e\u{301}le\u{300}ve"),
        "{shown}"
    );
    let log = env.ok(&["log", "--format", "json"]);
    assert!(log.contains("1899-12-31") && log.contains("2150-06-01"));
    assert!(log.contains("Person 9999"));
    // Unnumbered text is one provision, `preamble`; 100,000 numbered lines are 100,000
    // provisions; 10,000 repeats of one number get 10,000 distinct ids.
    let new_ids = |old: &str, new: &str| -> Vec<String> {
        let out = env.ok(&["diff", old, new, "--format", "json"]);
        let json: serde_json::Value = serde_json::from_str(&out).unwrap();
        json["changes"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|c| c["new"].as_array().unwrap().clone())
            .map(|id| id.as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(new_ids("us", "prose"), ["preamble"]);
    let many = new_ids("prose", "many");
    assert_eq!(many.len(), 100_000);
    assert_eq!(many.first().map(String::as_str), Some("1"));
    assert_eq!(many.last().map(String::as_str), Some("100000"));
    let same = new_ids("prose", "same");
    let distinct: std::collections::HashSet<&String> = same.iter().collect();
    assert_eq!((same.len(), distinct.len()), (10_000, 10_000));
    // The byte-order mark is not part of the text (nor did it hide the front matter).
    assert_eq!(
        env.git_stdout(&["show", "t-bom:draft.md"]),
        "1. After a byte-order mark.\n"
    );
    assert!(env.ok(&["verify"]).contains("ok: no problem found"));
}

/// The uid the tests run as (`id -u`).
fn uid() -> Option<u32> {
    let out = std::process::Command::new("id").arg("-u").output().ok()?;
    String::from_utf8_lossy(&out.stdout).trim().parse().ok()
}

#[test]
fn a_read_only_store_reads_and_refuses_writes_cleanly() {
    use std::os::unix::fs::PermissionsExt;
    let env = imported();
    env.write("new.md", "+++\nlabel = \"new\"\n+++\n1. New.\n");
    let chmod = |mode: &str| {
        let ok = std::process::Command::new("chmod")
            .args(["-R", mode])
            .arg(env.path())
            .status()
            .unwrap()
            .success();
        assert!(ok);
    };
    let refs = env.refs();
    // Root writes through permissions: run the binary as `nobody` instead (copied where
    // `nobody` can reach it, with a home it can read).
    let as_root = uid() == Some(0);
    let run = |argv: &[&str]| -> std::process::Output {
        let mut cmd = env.std_cmd();
        if as_root {
            let bin = env.path().join("drafttrail-bin");
            if !bin.exists() {
                std::fs::copy(cmd.get_program(), &bin).unwrap();
            }
            let mut wrapped = std::process::Command::new("setpriv");
            wrapped
                .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
                .arg(&bin)
                .args(argv)
                .current_dir(env.path())
                .env_clear();
            for (k, v) in cmd.get_envs() {
                if let Some(v) = v {
                    wrapped.env(k, v);
                }
            }
            wrapped.output().unwrap()
        } else {
            cmd.args(argv).output().unwrap()
        }
    };
    if as_root {
        std::fs::set_permissions(env.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        run(&["--version"]); // copies the binary
    }
    chmod("a-w");
    let log = run(&["log"]);
    let commit = run(&["commit", "new.md"]);
    let attribute = run(&[
        "attribute",
        "us",
        "--who",
        "X",
        "--did",
        "y",
        "--source",
        "Z",
    ]);
    chmod("u+w");
    assert!(
        log.status.success(),
        "{}",
        String::from_utf8_lossy(&log.stderr)
    );
    assert!(String::from_utf8_lossy(&log.stdout).contains("28-point plan"));
    for out in [commit, attribute] {
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{stderr}");
        assert!(
            stderr.starts_with("error: ") && stderr.contains("the store is read-only here"),
            "{stderr}"
        );
    }
    assert_eq!(env.refs(), refs);
}

/// `verify` finds damage a crash or a disk could cause, names it, and exits 1.
#[test]
fn verify_names_corrupted_objects_and_dangling_refs() {
    let env = imported();
    assert!(env.ok(&["verify"]).contains("ok: no problem found"));

    // A bit flipped in the middle of the pack.
    let pack_dir = env.store().join("objects/pack");
    let pack = std::fs::read_dir(&pack_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "pack"))
        .unwrap();
    let pristine = std::fs::read(&pack).unwrap();
    let mut damaged = pristine.clone();
    let middle = damaged.len() / 2;
    damaged[middle] ^= 0xff;
    std::fs::write(&pack, &damaged).unwrap();
    let out = env.cmd().arg("verify").output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("problem: object "), "{stdout}");
    std::fs::write(&pack, &pristine).unwrap();

    // A ref pointing at an object that does not exist.
    let ref_file = env.store().join("refs/heads/stray");
    std::fs::write(&ref_file, "1111111111111111111111111111111111111111\n").unwrap();
    let out = env
        .cmd()
        .args(["verify", "--format", "json"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("\"ok\": false"), "{stdout}");
    assert!(
        stdout.contains("refs/heads/stray") && stdout.contains("which is missing"),
        "{stdout}"
    );
    std::fs::remove_file(&ref_file).unwrap();

    // A lock file left by an interrupted git write is reported, not fatal.
    std::fs::write(env.store().join("refs/heads/main.lock"), "").unwrap();
    let out = env.ok(&["verify"]);
    assert!(
        out.contains("warning: ") && out.contains("main.lock"),
        "{out}"
    );
}

/// A failed import leaves nothing a later write applies, and a journal that can never finish
/// is rolled back once instead of blocking every write.
#[test]
fn failed_writes_leave_no_journal_behind() {
    let env = imported();
    // Tracks `eu` and `eu/x` cannot both exist: refused before anything is written.
    env.write("clash/a.md", draft("a", "track = \"eu\"\n", "1. A.\n"));
    env.write("clash/b.md", draft("b", "track = \"eu/x\"\n", "1. B.\n"));
    let refs = env.refs();
    let err = env.fails(&["import", "clash"]);
    assert!(err.contains("cannot sit beside track `eu`"), "{err}");
    assert_eq!(env.refs(), refs);
    assert!(!env.store().join("drafttrail-journal").exists());
    let long = "t".repeat(300);
    env.write(
        "long.md",
        draft("long", &format!("track = \"{long}\"\n"), "1. L.\n"),
    );
    assert!(
        env.fails(&["commit", "long.md"])
            .contains("at most 100 bytes")
    );
    // A journal left by a crash that can never finish (its ref would be another's folder).
    let us = env.git_stdout(&["rev-parse", "refs/heads/us"]);
    std::fs::write(
        env.store().join("drafttrail-journal"),
        format!("refs/heads/us/x - {}\n", us.trim()),
    )
    .unwrap();
    env.write("c.md", draft("c", "track = \"tc\"\n", "1. C.\n"));
    let err = env.fails(&["commit", "c.md"]);
    assert!(err.contains("could not be finished"), "{err}");
    assert!(!env.store().join("drafttrail-journal").exists());
    assert!(env.ok(&["commit", "c.md"]).starts_with("recorded "));
    // A garbled journal (a power cut while it was written, before it was synced) goes too.
    std::fs::write(
        env.store().join("drafttrail-journal"),
        "refs/heads/x garbage\n",
    )
    .unwrap();
    env.write("d.md", draft("d", "track = \"td\"\n", "1. D.\n"));
    let err = env.fails(&["commit", "d.md"]);
    assert!(err.contains("could not be finished"), "{err}");
    assert!(env.ok(&["commit", "d.md"]).starts_with("recorded "));
    assert!(env.ok(&["verify"]).contains("ok: no problem found"));
}

/// Escape sequences and carriage returns in a label, a claim and a body are shown, never
/// sent to the terminal, in terminal and Markdown output, coloured or not.
#[test]
fn control_characters_reach_no_terminal() {
    let env = TestEnv::new();
    env.ok(&["init"]);
    let evil = "+++\nlabel = \"Evil \\u001b]0;pwned\\u0007 plan\"\ntrack = \"evil\"\n\n[[claim]]\nwho = \"X\\rForged line\"\ndid = \"wrote \\u001b[2J it\"\nsource = \"S\"\n+++\n1. Body \u{1b}[31m red \u{9b}2J.\n";
    env.write("evil.md", evil);
    // A label with control characters is refused at the door…
    let err = env.fails(&["commit", "evil.md"]);
    assert!(
        err.contains("one line, without control characters"),
        "{err}"
    );
    assert!(!err.contains('\u{1b}'), "{err}");
    env.write(
        "evil.md",
        evil.replace("Evil \\u001b]0;pwned\\u0007 plan", "Evil plan"),
    );
    env.ok(&["commit", "evil.md"]);
    // … but a remote can still bring one (sync checks structure, not taste): forge such a
    // version with git plumbing.
    forge_label(&env, "evil", "Evil \u{1b}]0;pwned\u{7} plan");
    for args in [
        vec!["log"],
        vec!["log", "--format", "md"],
        vec!["--color", "always", "log"],
        vec!["show", "evil"],
        vec!["--color", "always", "show", "evil"],
        vec!["blame", "evil"],
        vec!["timeline", "--format", "md"],
    ] {
        let out = env.ok(&args);
        assert!(
            !out.contains("\u{1b}]"),
            "{args:?}: an OSC sequence got through"
        );
        assert!(
            !out.contains("\u{1b}[2J"),
            "{args:?}: a screen clear got through"
        );
        assert!(
            !out.contains('\u{9b}'),
            "{args:?}: a C1 control got through"
        );
        assert!(!out.contains('\u{7}'), "{args:?}: a bell got through");
        assert!(
            !out.replace("\r\n", "\n").contains('\r'),
            "{args:?}: a carriage return got through"
        );
    }
    let log = env.ok(&["log"]);
    assert!(log.contains("Evil \\e]0;pwned\\x07 plan"), "{log}");
    assert!(log.contains("X\\rForged line"), "{log}");
    // Nor in an error that names the version.
    let err = env.fails(&["diff", "evil"]);
    assert!(
        !err.contains('\u{1b}') && err.contains("\\e]0;pwned"),
        "{err}"
    );
    // JSON keeps the exact strings, escaped by JSON's own rules.
    let json = env.ok(&["log", "--format", "json"]);
    assert!(json.contains("\\u001b]0;pwned\\u0007"), "{json}");
}

/// Replaces the tip of `track` with a version of the same text and metadata but for `label`
/// and with no parent, written with git plumbing (as a remote's version would arrive),
/// bypassing drafttrail's own checks.
fn forge_label(env: &TestEnv, track: &str, label: &str) {
    use std::io::Write as _;
    let tip = env.git_stdout(&["rev-parse", &format!("refs/heads/{track}")]);
    let tip = tip.trim();
    let toml = env.git_stdout(&["show", &format!("{tip}:draft.toml")]);
    let old_label = toml.lines().find(|l| l.starts_with("label = ")).unwrap();
    let toml = toml.replace(old_label, &format!("label = {}", toml_string(label)));
    let toml_path = env.write("forged.toml", toml);
    let blob = env.git_stdout(&["hash-object", "-w", toml_path.to_str().unwrap()]);
    let md = env.git_stdout(&["rev-parse", &format!("{tip}:draft.md")]);
    let mut mktree = std::process::Command::new("git")
        .arg("--git-dir")
        .arg(env.store())
        .arg("mktree")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    write!(
        mktree.stdin.take().unwrap(),
        "100644 blob {}\tdraft.md\n100644 blob {}\tdraft.toml\n",
        md.trim(),
        blob.trim()
    )
    .unwrap();
    let tree = String::from_utf8(mktree.wait_with_output().unwrap().stdout).unwrap();
    let commit = env.git_stdout(&[
        "-c",
        "user.name=Remote",
        "-c",
        "user.email=remote@example.org",
        "commit-tree",
        tree.trim(),
        "-m",
        "forged",
    ]);
    env.git_stdout(&["update-ref", &format!("refs/heads/{track}"), commit.trim()]);
}

/// A TOML basic string for `text`, control characters escaped.
fn toml_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' | '\\' => out.extend(['\\', c]),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `verify` reads the ref files themselves: an empty, garbled or symlinked ref file hides a
/// version from every view, and `verify` says so where `git fsck` does.
#[test]
fn verify_checks_ref_files() {
    let env = imported();
    let heads = env.store().join("refs/heads");
    for (name, make) in [
        (
            "empty",
            Box::new(|p: &std::path::Path| std::fs::write(p, "").unwrap())
                as Box<dyn Fn(&std::path::Path)>,
        ),
        (
            "garbage",
            Box::new(|p: &std::path::Path| std::fs::write(p, "not an id\n").unwrap()),
        ),
        (
            "link",
            Box::new(|p: &std::path::Path| std::os::unix::fs::symlink("us", p).unwrap()),
        ),
    ] {
        let path = heads.join(name);
        make(&path);
        let out = env.cmd().arg("verify").output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(1), "{name}: {stdout}");
        assert!(
            stdout.contains(&format!("refs/heads/{name}")),
            "{name}: {stdout}"
        );
        if name != "link" {
            // git agrees.
            let fsck = env.git(&["fsck"]);
            let said = format!(
                "{}{}",
                String::from_utf8_lossy(&fsck.stdout),
                String::from_utf8_lossy(&fsck.stderr)
            );
            assert!(
                said.contains(&format!("refs/heads/{name}")),
                "{name}: {said}"
            );
        }
        std::fs::remove_file(&path).unwrap();
        assert!(
            env.ok(&["verify"]).contains("ok: no problem found"),
            "{name}"
        );
    } // A garbled line in packed-refs (libgit2 then reads no ref at all): named by its line.
    assert!(env.git(&["pack-refs", "--all"]).status.success());
    let packed = env.store().join("packed-refs");
    let mut text = std::fs::read_to_string(&packed).unwrap();
    text.push_str("garbage\n");
    std::fs::write(&packed, &text).unwrap();
    let out = env.cmd().arg("verify").output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let line = text.lines().count();
    assert_ne!(out.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.contains(&format!(
            "problem: packed-refs:{line}: the line is not `ID REFNAME`"
        )),
        "{stdout}"
    );
    let fsck = env.git(&["fsck"]);
    assert!(String::from_utf8_lossy(&fsck.stderr).contains("packed-refs"));
}

/// An import reads what it can and says what it did not: subfolders, links to nothing or out
/// of the folder, devices, files of other kinds, a name that cannot be a label.
#[test]
fn import_says_what_it_skipped() {
    let env = TestEnv::new();
    env.ok(&["init"]);
    env.write("mixed/a.md", draft("A", "", "1. A.\n"));
    env.write("mixed/sub/b.md", draft("B", "", "1. B.\n"));
    env.write("mixed/notes.rtf", "not a draft");
    env.write("mixed/README.md", "About these drafts.");
    env.write("outside.md", draft("Outside", "", "1. Outside.\n"));
    let dir = env.path().join("mixed");
    std::os::unix::fs::symlink("../outside.md", dir.join("out.md")).unwrap();
    std::os::unix::fs::symlink("nothing.md", dir.join("dangling.md")).unwrap();
    std::os::unix::fs::symlink("a.md", dir.join("same.md")).unwrap();
    let bad_name = std::ffi::OsStr::from_bytes(b"bad\xff.md");
    std::fs::write(
        dir.join(bad_name),
        "1. No label, and a name that is none.\n",
    )
    .unwrap();
    let labelled = std::ffi::OsStr::from_bytes(b"named\xfe.md");
    std::fs::write(dir.join(labelled), draft("Named", "", "1. Named.\n")).unwrap();
    assert!(
        std::process::Command::new("mkfifo")
            .arg(dir.join("pipe.md"))
            .status()
            .unwrap()
            .success()
    );
    let out = env.cmd().args(["import", "mixed"]).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let skipped: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("note: skipped "))
        .collect();
    let outside = env.path().canonicalize().unwrap().join("outside.md");
    let out_line = format!(
        "note: skipped mixed/out.md: a symbolic link leading out of the folder (to {})",
        outside.display()
    );
    assert_eq!(
        skipped,
        [
            "note: skipped mixed/bad\u{fffd}.md: the file name is not UTF-8 and the front matter has no label",
            "note: skipped mixed/dangling.md: a symbolic link to nothing",
            "note: skipped mixed/notes.rtf: not a draft file (drafts end in .md, .markdown or .txt, or are PDF, Word, OpenDocument, HTML or image files)",
            &out_line,
            "note: skipped mixed/pipe.md: not a regular file (a device, FIFO or socket)",
            "note: skipped mixed/sub: a folder (import reads one folder; import it on its own)",
        ],
        "{stderr}"
    );
    let log = env.ok(&["log"]);
    assert!(log.contains("A ") && log.contains("Named"), "{log}");
    assert!(!log.contains("Outside") && !log.contains(" B "), "{log}");
}
