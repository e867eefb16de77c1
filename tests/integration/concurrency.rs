//! Several processes write one store at once. Every operation must either land or fail with a
//! clear message having written nothing; nothing that succeeded may be lost; `git fsck` and
//! `drafttrail verify` stay clean; no commit is left dangling.

use std::thread;

use crate::common::{TestEnv, draft};

/// (succeeded, what it wrote, stderr) per operation of one writer.
type Outcomes = Vec<(bool, String, String)>;

/// Runs `writers` processes at once; writer `w` runs `args(w, i)` for `i` in `0..per_writer`.
fn run_writers(
    env: &TestEnv,
    writers: usize,
    per_writer: usize,
    args: impl Fn(usize, usize) -> (Vec<String>, String) + Sync,
) -> Vec<Outcomes> {
    thread::scope(|s| {
        let handles: Vec<_> = (0..writers)
            .map(|w| {
                let (env, args) = (env, &args);
                s.spawn(move || {
                    (0..per_writer)
                        .map(|i| {
                            let (argv, what) = args(w, i);
                            let out = env.cmd().args(&argv).output().unwrap();
                            (
                                out.status.success(),
                                what,
                                String::from_utf8_lossy(&out.stderr).into_owned(),
                            )
                        })
                        .collect()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    })
}

/// The store is sound: fsck clean, nothing unreachable, verify passes.
fn assert_sound(env: &TestEnv) {
    let fsck = env.git(&["fsck", "--full", "--strict", "--no-dangling"]);
    assert!(
        fsck.status.success(),
        "git fsck: {}",
        String::from_utf8_lossy(&fsck.stderr)
    );
    let unreachable = env.git(&["fsck", "--no-reflogs", "--unreachable", "--no-progress"]);
    let unreachable = String::from_utf8_lossy(&unreachable.stdout);
    assert!(
        !unreachable.contains("commit"),
        "unreachable commits: {unreachable}"
    );
    assert!(env.ok(&["verify"]).contains("ok: no problem found"));
}

#[test]
fn four_writers_on_shared_and_own_tracks_lose_nothing() {
    const WRITERS: usize = 4;
    const EACH: usize = 25;
    let env = TestEnv::new();
    env.ok(&["init"]);
    for w in 0..WRITERS {
        for i in 0..EACH {
            // Even drafts go to the shared track, odd ones to the writer's own.
            let track = if i % 2 == 0 {
                "shared".to_owned()
            } else {
                format!("own-{w}")
            };
            env.write(
                &format!("w{w}/{i}.md"),
                draft(
                    &format!("w{w}-{i}"),
                    &format!("track = \"{track}\"\n"),
                    &format!("1. Writer {w}, draft {i}.\n2. On track {track}.\n"),
                ),
            );
        }
    }
    let results = run_writers(&env, WRITERS, EACH, |w, i| {
        (
            vec!["commit".into(), format!("w{w}/{i}.md")],
            format!("w{w}-{i}"),
        )
    });
    let log = env.git_stdout(&["log", "--all", "--format=%s"]);
    let recorded: Vec<&str> = log.lines().collect();
    let mut successes = 0;
    for (ok, label, stderr) in results.iter().flatten() {
        if *ok {
            successes += 1;
            assert!(
                recorded.contains(&label.as_str()),
                "{label} reported success but is missing"
            );
        } else {
            assert!(stderr.contains("retry"), "unclear failure: {stderr}");
            assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
            assert!(
                !recorded.contains(&label.as_str()),
                "{label} failed but was recorded"
            );
        }
    }
    assert_eq!(recorded.len(), successes, "{log}");
    // The lock makes writers wait their turn rather than fail.
    assert_eq!(successes, WRITERS * EACH, "{results:?}");
    assert_sound(&env);
}

#[test]
fn two_processes_adding_claims_to_one_version_lose_none() {
    const EACH: usize = 15;
    let env = TestEnv::new();
    env.write("v.md", draft("Plan", "", "1. One point.\n2. Another.\n"));
    env.ok(&["init"]);
    env.ok(&["commit", "v.md"]);
    let results = run_writers(&env, 2, EACH, |w, i| {
        let who = format!("Person {w}-{i}");
        (
            vec![
                "attribute".into(),
                "plan".into(),
                "--who".into(),
                who.clone(),
                "--did".into(),
                "shaped point 2".into(),
                "--source".into(),
                format!("Outlet {w}"),
            ],
            who,
        )
    });
    // The claims on record, by exact name (`Person 0-1` is a prefix of `Person 0-10`).
    let log: serde_json::Value =
        serde_json::from_str(&env.ok(&["log", "--format", "json"])).unwrap();
    let claimed: std::collections::BTreeSet<String> = log
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|v| v["claims"].as_array().unwrap().clone())
        .map(|c| c["who"].as_str().unwrap().to_owned())
        .collect();
    // Every write of the notes ref is a commit: its history holds each claim added, as the
    // TOML line that names it.
    let notes_log = env.git_stdout(&["log", "-p", "--format=%H", "refs/notes/drafttrail"]);
    let mut successes = 0;
    let mut landed = std::collections::BTreeSet::new();
    for (ok, who, stderr) in results.iter().flatten() {
        if *ok {
            successes += 1;
            landed.insert(who.clone());
            assert!(
                notes_log.contains(&format!("who = \"{who}\"\n")),
                "{who} is missing from the notes history"
            );
        } else {
            assert!(stderr.contains("retry"), "unclear failure: {stderr}");
        }
    }
    // Exactly the claims that reported success are recorded: none lost, none extra.
    assert_eq!(claimed, landed);
    assert_eq!(successes, 2 * EACH, "{results:?}");
    assert_sound(&env);
}
