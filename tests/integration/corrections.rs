//! A working day's corrections: a leak recorded as a new lineage by mistake and amended, a
//! version withdrawn, a known text committed again with other metadata. Nothing is deleted;
//! every view, `sync` and `verify` agree.

use crate::common::{TestEnv, imported};

/// The `log --all --format json` entries as JSON values.
fn log_json(env: &TestEnv) -> Vec<serde_json::Value> {
    serde_json::from_str(&env.ok(&["log", "--all", "--format", "json"])).unwrap()
}

fn entry<'a>(log: &'a [serde_json::Value], label: &str, live: bool) -> &'a serde_json::Value {
    log.iter()
        .find(|v| v["label"] == label && (v.get("superseded_by").is_none() == live))
        .unwrap_or_else(|| panic!("no entry {label} (live: {live})"))
}

/// Runs drafttrail and returns (exit code, stdout, stderr).
fn run(env: &TestEnv, args: &[&str]) -> (Option<i32>, String, String) {
    let out = env.cmd().args(args).output().unwrap();
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn a_leak_recorded_as_a_new_lineage_is_amended() {
    let env = imported();
    env.write(
        "leak.txt",
        "1. Territory as agreed.\n2. Elections at the earliest date.\n",
    );
    let (code, out, err) = run(&env, &["commit", "leak.txt", "--label", "Leak"]);
    assert_eq!(code, Some(0));
    let id = out.split_whitespace().nth(1).unwrap().to_owned();
    assert_eq!(out, format!("recorded  {id} Leak [main]\n"));
    assert_eq!(
        err,
        format!(
            "warning: {id} starts a new lineage on track `main`, beside europe, ukraine, us, \
             us-guarantees; if it derives from a recorded version, `drafttrail amend {id} \
             --track TRACK --parent REV`\n"
        )
    );
    let err = env.fails(&["diff"]);
    assert_eq!(
        err,
        "error: `Leak` is the first version of its lineage: name two versions to compare\n"
    );

    let (code, out, err) = run(
        &env,
        &[
            "amend",
            "HEAD",
            "--track",
            "us",
            "--parent",
            "Geneva 19-point framework",
        ],
    );
    assert_eq!((code, err.as_str()), (Some(0), ""));
    let log = log_json(&env);
    let old = entry(&log, "Leak", false);
    let new = entry(&log, "Leak", true);
    let new_id = new["id"].as_str().unwrap();
    assert_eq!(
        old["id"],
        id.as_str().to_owned() + &old["id"].as_str().unwrap()[10..]
    );
    assert_eq!(
        out,
        format!(
            "amended   {id} Leak → {} Leak [us]\n  track \"us\" (recorded: \"main\")\n  \
             parent \"Geneva 19-point framework\" (recorded: none)\n",
            &new_id[..10]
        )
    );
    // The correction is a version of `us` under Geneva; the mistaken one is kept, superseded.
    assert_eq!(old["superseded_by"], new_id);
    assert_eq!(new["supersedes"], old["id"]);
    assert_eq!(new["track"], "us");
    assert_eq!(new["parents"][0]["label"], "Geneva 19-point framework");
    assert_eq!(new["parents"].as_array().unwrap().len(), 1);
    // HEAD, the label and `diff` with no revision name the correction.
    assert!(env.ok(&["show", "Leak"]).starts_with(&new_id[..10]));
    assert!(
        env.ok(&["diff"])
            .starts_with("Geneva 19-point framework → Leak: ")
    );
    // The lineage views hold it once.
    let timeline = env.ok(&["timeline", "--format", "json"]);
    assert!(timeline.contains(new_id));
    assert!(!timeline.contains(old["id"].as_str().unwrap()));
    // `log` says what happened to the old one.
    let text = env.ok(&["log"]);
    assert!(
        text.contains(&format!(
            "  Amended: superseded by Leak ({})\n",
            &new_id[..10]
        )),
        "{text}"
    );
    // A correction of a correction is the way forward; the old one cannot be amended again.
    let err = env.fails(&["amend", &id, "--label", "Leak 2"]);
    assert_eq!(
        err,
        format!(
            "error: invalid revision `{id}`: it is already corrected by {}; amend that one\n",
            &new_id[..10]
        )
    );
    let err = env.fails(&["amend", "Leak", "--track", "us"]);
    assert_eq!(
        err,
        "error: invalid correction `Leak`: nothing to amend: every value given is already \
         recorded\n"
    );
    // The same text again under another label: known as the correction, and the way to
    // change it is named.
    let (code, out, err) = run(&env, &["commit", "leak.txt", "--label", "Leak v2"]);
    assert_eq!(code, Some(0));
    assert_eq!(
        out,
        format!("unchanged {} Leak: already recorded\n", &new_id[..10])
    );
    assert_eq!(
        err,
        format!(
            "warning: leak.txt: this text is already recorded as {0} Leak; not recorded: label \
             \"Leak v2\" (recorded: \"Leak\")\nhint: to correct the recorded version, \
             `drafttrail amend {0}` with the new values\n",
            &new_id[..10]
        )
    );
    assert!(env.ok(&["verify"]).contains("ok: no problem found"));
}

#[test]
fn a_withdrawn_version_is_kept_and_hidden() {
    let env = imported();
    env.write("wrong.md", "1. The wrong file.\n");
    env.ok(&[
        "commit",
        "wrong.md",
        "--label",
        "Wrong file",
        "--track",
        "us",
    ]);
    let out = env.ok(&["withdraw", "Wrong file", "--why", "recorded the wrong file"]);
    assert!(
        out.ends_with(" Wrong file: recorded the wrong file\n"),
        "{out}"
    );
    assert!(!env.ok(&["log"]).contains("Wrong file"));
    let all = env.ok(&["log", "--all"]);
    assert!(
        all.contains(
            "  Withdrawn: recorded the wrong file (Test Recorder <recorder@example.org>, \
             2026-01-02T03:04:05Z)\n"
        ),
        "{all}"
    );
    // Lineage views skip it: `us` goes on from Geneva.
    let timeline = env.ok(&["timeline"]);
    assert!(!timeline.contains("Wrong file"), "{timeline}");
    let err = env.fails(&["withdraw", "Wrong file", "--why", "again"]);
    assert_eq!(
        err,
        "error: invalid revision `Wrong file`: it is already withdrawn\n"
    );
    assert!(env.ok(&["verify"]).contains("ok: no problem found"));
}

#[test]
fn corrections_and_withdrawals_travel_with_sync() {
    let env = imported();
    env.write("leak.txt", "1. A leak.\n");
    env.ok(&["commit", "leak.txt", "--label", "Leak"]);
    env.ok(&[
        "amend",
        "Leak",
        "--track",
        "us",
        "--parent",
        "Geneva 19-point framework",
    ]);
    env.ok(&[
        "withdraw",
        "E3 counter-proposal",
        "--why",
        "not a text of this negotiation",
    ]);
    let remote = env.path().join("remote.git");
    let ok = std::process::Command::new("git")
        .args(["init", "-q", "--bare"])
        .arg(&remote)
        .status()
        .unwrap()
        .success();
    assert!(ok);
    env.ok(&["sync", remote.to_str().unwrap()]);
    let other = TestEnv::new();
    let mine = other.path().join("mine.git");
    assert!(
        std::process::Command::new("git")
            .args(["init", "-q", "--bare"])
            .arg(&mine)
            .status()
            .unwrap()
            .success()
    );
    other.ok(&[
        "--repo",
        mine.to_str().unwrap(),
        "sync",
        remote.to_str().unwrap(),
    ]);
    for args in [
        &["log", "--all", "--format", "json"][..],
        &["log"],
        &["timeline"],
    ] {
        let mut theirs = vec!["--repo", mine.to_str().unwrap()];
        theirs.extend_from_slice(args);
        assert_eq!(other.ok(&theirs), env.ok(args), "{args:?}");
    }
    assert!(
        other
            .ok(&["--repo", mine.to_str().unwrap(), "verify"])
            .contains("ok: no problem found")
    );
}

#[test]
fn a_stray_denial_is_refused_and_a_denial_by_id_attaches() {
    let env = imported();
    let before = env.refs();
    let err = env.fails(&[
        "attribute",
        "20-point-framework",
        "--who",
        "Kirill Dmitriev",
        "--did",
        "wrote it",
        "--source",
        "Kremlin",
        "--stance",
        "denies",
    ]);
    assert_eq!(
        err,
        "error: `20-point framework` has no claim that `Kirill Dmitriev` wrote it; closest: \
         7ea67d52 Kirill Dmitriev — received the framework in Miami to pass it to Moscow \
         (deny one with --denies ID)\n"
    );
    assert_eq!(env.refs(), before, "a refused denial writes nothing");
    let out = env.ok(&[
        "attribute",
        "20-point-framework",
        "--denies",
        "7ea6",
        "--source",
        "Kremlin",
        "--quote",
        "never happened",
    ]);
    let denial = out.split_whitespace().nth(1).unwrap();
    assert_eq!(
        out,
        format!("denial {denial} added to fffdd81b87 20-point framework\n")
    );
    let log = env.ok(&["log", "-n", "1"]);
    assert!(
        log.contains(&format!(
            "  Claim:   7ea67d52 Kirill Dmitriev — received the framework in Miami to pass it \
             to Moscow [reported; RBC-Ukraine]\n           ↳ {denial} denied by Kremlin: \
             “never happened”\n"
        )),
        "{log}"
    );
    let err = env.fails(&[
        "attribute",
        "20-point-framework",
        "--denies",
        "ffff",
        "--source",
        "X",
    ]);
    assert!(
        err.starts_with("error: `20-point framework` has no claim `ffff`; its claims: b16534c7 "),
        "{err}"
    );
}

#[test]
fn a_retraction_marks_the_claim_and_takes_it_out_of_the_shares() {
    let env = imported();
    let shares = env.ok(&["shares", "28-point-plan"]);
    assert!(
        shares.contains("  Steve Witkoff  [reported; Axios]\n"),
        "{shares}"
    );
    let log = env.ok(&["log", "--track", "us", "--reverse", "-n", "2"]);
    let witkoff = log
        .lines()
        .find(|l| l.contains("Steve Witkoff (US special envoy) — drafted the plan"))
        .unwrap();
    let id = witkoff.split_whitespace().nth(1).unwrap();
    let out = env.ok(&[
        "attribute",
        "28-point-plan",
        "--retracts",
        id,
        "--source",
        "Axios",
        "--quote",
        "an earlier version of this story misattributed the drafting",
    ]);
    assert!(out.starts_with("retraction "), "{out}");
    let log = env.ok(&["log", "--track", "us", "--reverse", "-n", "2"]);
    let line = log.lines().find(|l| l.contains(id)).unwrap();
    assert!(line.ends_with("[reported; Axios] — RETRACTED"), "{line}");
    assert!(
        log.contains(" retracted by Axios: “an earlier version"),
        "{log}"
    );
    let shares = env.ok(&["shares", "28-point-plan"]);
    assert!(!shares.contains("Steve Witkoff"), "{shares}");
    assert!(
        shares.contains("  Jared Kushner  [reported; Axios]\n"),
        "{shares}"
    );
}

#[test]
fn commit_claims_and_sources_take_every_field() {
    let env = imported();
    env.write("n.md", "1. A new text.\n");
    let err = env.fails(&[
        "commit",
        "n.md",
        "--label",
        "N",
        "--track",
        "us",
        "--source",
        "Reuters,https://r.example/a,08/01/2026",
    ]);
    assert_eq!(
        err,
        "error: invalid --source `Reuters,https://r.example/a,08/01/2026`: the date \
         `08/01/2026` is not YYYY-MM-DD (expected `OUTLET,URL,YYYY-MM-DD`)\n"
    );
    env.ok(&[
        "commit",
        "n.md",
        "--label",
        "N",
        "--track",
        "us",
        "--source",
        "Reuters,2026-01-08,https://r.example/a?x=1,2",
        "--claim",
        "Ann Example: wrote it [reported; FT; https://ft.example/x]",
    ]);
    let log: Vec<serde_json::Value> =
        serde_json::from_str(&env.ok(&["log", "--format", "json", "-n", "1"])).unwrap();
    assert_eq!(log[0]["label"], "N");
    assert_eq!(
        log[0]["sources"],
        serde_json::json!([{"outlet": "Reuters", "url": "https://r.example/a?x=1,2", "date": "2026-01-08"}])
    );
    let claim = &log[0]["claims"][0];
    assert_eq!(
        (
            &claim["who"],
            &claim["did"],
            &claim["confidence"],
            &claim["source"],
            &claim["url"]
        ),
        (
            &serde_json::json!("Ann Example"),
            &serde_json::json!("wrote it"),
            &serde_json::json!("reported"),
            &serde_json::json!("FT"),
            &serde_json::json!("https://ft.example/x")
        )
    );
    assert_eq!(claim["id"].as_str().unwrap().len(), 8);
}

#[test]
fn events_are_added_and_listed_without_a_file() {
    let env = TestEnv::new();
    env.ok(&["init"]);
    assert_eq!(
        env.ok(&["event", "list"]),
        "no events recorded (drafttrail event add, or events.toml with import)\n"
    );
    let out = env.ok(&[
        "event",
        "add",
        "berlin-round",
        "--title",
        "Security-guarantee talks",
        "--date",
        "2025-12-14",
        "--until",
        "2025-12-15",
        "--place",
        "Berlin",
        "--who",
        "Steve Witkoff",
        "--who",
        "Rustem Umerov",
        "--source",
        "Reuters,https://r.example/b,2025-12-16",
    ]);
    assert_eq!(out, "event berlin-round recorded\n");
    env.ok(&[
        "event",
        "add",
        "geneva-talks",
        "--title",
        "Geneva talks",
        "--date",
        "2025-11-23",
    ]);
    assert_eq!(
        env.ok(&["event", "list"]),
        "geneva-talks 2025-11-23  Geneva talks\n\
         berlin-round 2025-12-14  Security-guarantee talks — Berlin (2025-12-14 to 2025-12-15)\n  \
         with Steve Witkoff, Rustem Umerov\n  source: Reuters, 2025-12-16 — https://r.example/b\n"
    );
    let err = env.fails(&["event", "add", "geneva-talks", "--title", "Other"]);
    assert_eq!(
        err,
        "error: event `geneva-talks` is already recorded; --replace to record a new description \
         of it\n"
    );
    let err = env.fails(&[
        "event",
        "add",
        "x",
        "--title",
        "X",
        "--date",
        "2025-12-02",
        "--until",
        "2025-12-01",
    ]);
    assert_eq!(
        err,
        "error: --until 2025-12-01 is before --date 2025-12-02\n"
    );
    env.ok(&[
        "event",
        "add",
        "geneva-talks",
        "--title",
        "Geneva talks, US and Ukraine",
        "--replace",
    ]);
    let json: serde_json::Value =
        serde_json::from_str(&env.ok(&["event", "list", "--format", "json"])).unwrap();
    assert_eq!(json[0]["id"], "berlin-round");
    assert_eq!(json[1]["title"], "Geneva talks, US and Ukraine");
    // A version names the event; the timeline places both.
    env.write("d.md", "1. A text.\n");
    env.ok(&[
        "commit",
        "d.md",
        "--label",
        "D",
        "--event",
        "berlin-round",
        "--date",
        "2025-12-16",
    ]);
    let timeline = env.ok(&["timeline"]);
    assert!(
        timeline.contains("event    Security-guarantee talks — Berlin"),
        "{timeline}"
    );
}

/// A reconstruction covers part of its document: what it lacks is `not covered`, never
/// `removed`; `coverage = "full"` says otherwise.
#[test]
fn a_partial_text_does_not_remove_what_it_does_not_cover() {
    let env = TestEnv::new();
    env.write("full.md", "1. One.\n2. Two.\n3. Three.\n");
    env.write(
        "partial.md",
        "+++\nlabel = \"Reported changes\"\ntext = \"reconstructed\"\n+++\n2. Two, amended.\n",
    );
    let out = env.ok(&["diff", "full.md", "partial.md"]);
    assert_eq!(
        out,
        "full.md → Reported changes: 1 reworded, 2 not covered\n\
         note: Reported changes is not verbatim text (paraphrase or reconstruction)\n\n\
         ? 1 → —  not covered\n    One.\n\n\
         ~ 2 → 2  reworded  similarity 0.58\n    Two{+, amended+}.\n\n\
         ? 3 → —  not covered\n    Three.\n"
    );
    let json: serde_json::Value =
        serde_json::from_str(&env.ok(&["diff", "full.md", "partial.md", "--format", "json"]))
            .unwrap();
    assert_eq!(json["summary"]["removed"], 0);
    assert_eq!(json["summary"]["not_covered"], 2);
    assert_eq!(json["changes"][0]["kind"], "not-covered");
    // Said to be full, the same text removes them.
    env.write(
        "stated.md",
        "+++\nlabel = \"Full text\"\ntext = \"reconstructed\"\ncoverage = \"full\"\n+++\n2. Two, amended.\n",
    );
    let out = env.ok(&["diff", "full.md", "stated.md"]);
    assert!(
        out.starts_with("full.md → Full text: 1 reworded, 2 removed"),
        "{out}"
    );
}

/// A split provision's history names where each part went and shows the split's redline
/// once, not under every part; appearances and versions are counted apart.
#[test]
fn a_split_history_says_which_part_went_where() {
    let env = TestEnv::new();
    env.ok(&["init"]);
    env.write(
        "a.md",
        "1. The fund shall finance reconstruction and development of Ukraine and a joint investment vehicle.\n2. Other.\n",
    );
    env.write(
        "b.md",
        "1. The fund shall finance reconstruction of Ukraine.\n2. A joint investment vehicle and development package.\n3. Other.\n",
    );
    env.ok(&["commit", "a.md", "--label", "First"]);
    env.ok(&["commit", "b.md", "--label", "Second"]);
    assert_eq!(
        env.ok(&["history", "1", "--rev", "Second"]),
        "history of first#1 — The fund shall finance reconstruction and…: 3 appearance(s) in 2 \
         version(s)\n\n\
         First [main]  provision 1  (first appearance)\n    {+The fund shall finance \
         reconstruction and development of Ukraine and a joint investment vehicle.+}\n\n\
         Second [main]  provision 1  ← First 1 (split into 1 + 2)\n    The fund shall finance \
         reconstruction [-and development -]of Ukraine[- and a-]{+.\n    A+} joint investment \
         vehicle{+ and development package+}.\n\n\
         Second [main]  provision 2  ← First 1 (split into 1 + 2)\n    (its words are in the \
         redline under part 1)\n"
    );
}

/// A denial naming a claim the version does not have (it can only come by hand or from a
/// remote) is a problem `verify` names.
#[test]
fn verify_names_an_answer_to_a_missing_claim() {
    let env = imported();
    let id = env.git_stdout(&["rev-parse", "refs/heads/us-guarantees"]);
    let note = "[[claim]]\nwho = \"X\"\ndid = \"y\"\nstance = \"denies\"\nsource = \"Z\"\nabout = \"deadbeef\"\n";
    let out = env.git(&[
        "-c",
        "user.name=T",
        "-c",
        "user.email=t@example.org",
        "notes",
        "--ref",
        "drafttrail",
        "add",
        "-f",
        "-m",
        note,
        id.trim(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = env.cmd().arg("verify").output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("it answers claim deadbeef, which the version does not have"),
        "{stdout}"
    );
}
