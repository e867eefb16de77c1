//! Crash safety: `drafttrail import` is killed with SIGKILL at every crash point it passes
//! (the `DRAFTTRAIL_TEST_CRASH_POINT` hook: a real SIGKILL between two writes). After each
//! kill the store must pass `git fsck` and `drafttrail verify`, and re-running the import must
//! finish the job: the store then equals one imported without a crash, byte for byte in every
//! view, with nothing recorded twice.

use std::os::unix::process::ExitStatusExt;

use crate::common::{TestEnv, draft};

/// The sample corpus plus four drafts on tracks of their own (more refs to move) and one
/// draft repeating a known body from a new source (an annotation to write).
fn corpus(env: &TestEnv) {
    env.copy_sample_drafts();
    for k in 1..=4 {
        env.write(
            &format!("drafts/90-fork-{k}.md"),
            draft(
                &format!("Fork {k}"),
                &format!("track = \"fork-{k}\"\nparent = \"28-point plan\"\n"),
                &format!("1. Fork {k} keeps one point.\n2. And adds another, number {k}.\n"),
            ),
        );
    }
    let annex =
        std::fs::read_to_string(env.path().join("drafts/01a-us-security-guarantee-annex.md"))
            .unwrap();
    let body = annex.splitn(3, "+++").nth(2).unwrap();
    env.write(
        "drafts/91-annex-again.md",
        format!(
            "+++\nlabel = \"Annex, as relayed\"\n\n[dates]\nleaked = 2026-03-01\n\n[[source]]\noutlet = \"A second outlet\"\n+++{body}"
        ),
    );
}

/// Every view a user reads, as one string: equal strings mean equal stores.
fn views(env: &TestEnv) -> String {
    let mut all = String::new();
    for args in [
        &["log", "--all", "--format", "json"][..],
        &["timeline", "--format", "json"],
        &["shares", "--format", "json"],
    ] {
        all.push_str(&env.ok(args));
    }
    all.push_str(&env.git_stdout(&["for-each-ref", "--format=%(refname) %(objectname)"]));
    all
}

#[test]
fn import_killed_at_any_crash_point_leaves_a_sound_store_and_resumes() {
    let reference = TestEnv::new();
    corpus(&reference);
    reference.ok(&["import", "drafts", "--init", "-q"]);
    let expected = views(&reference);

    let mut killed = 0;
    for point in 1.. {
        let env = TestEnv::new();
        corpus(&env);
        env.ok(&["init"]);
        let out = env
            .cmd()
            .args(["import", "drafts", "-q"])
            .env(drafttrail::store::CRASH_POINT_ENV, point.to_string())
            .output()
            .unwrap();
        if out.status.success() {
            break; // the import has fewer crash points than `point`
        }
        assert_eq!(
            out.status.signal(),
            Some(9),
            "crash point {point}: expected SIGKILL, got {:?}: {}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
        killed += 1;

        let fsck = env.git(&["fsck", "--full", "--strict", "--no-dangling"]);
        assert!(
            fsck.status.success(),
            "crash point {point}: git fsck: {}",
            String::from_utf8_lossy(&fsck.stderr)
        );
        let verify = env.ok(&["verify"]);
        assert!(verify.contains("ok: no problem found"), "{verify}");

        // The next import finishes the job, waiting for no lock the dead process held.
        env.ok(&["import", "drafts", "-q"]);
        assert_eq!(views(&env), expected, "crash point {point}: store differs");
        // A third import has nothing left to do.
        let again = env.ok(&["import", "drafts"]);
        assert!(again.contains("0 new"), "crash point {point}: {again}");
    }
    println!("killed at {killed} crash points; each time sound, each time resumed");
    assert!(killed >= 20, "only {killed} crash points were exercised");
}

/// `commit`, `attribute`, `amend`, `withdraw` and `reference add` killed at each of their
/// crash points: the
/// store stays sound and running the command again records exactly what one uninterrupted run
/// records.
#[test]
fn commit_and_attribute_killed_then_rerun_equal_an_uninterrupted_run() {
    let steps: [&[&str]; 5] = [
        &["commit", "drafts/90-fork-1.md"],
        &[
            "attribute",
            "fork-1",
            "--who",
            "A. Negotiator",
            "--did",
            "drafted point 2",
            "--source",
            "Outlet",
        ],
        &[
            "amend",
            "fork-1",
            "--label",
            "Fork 1 (revised)",
            "--status",
            "reported",
        ],
        &["withdraw", "Fork 1 (revised)", "--why", "recorded twice"],
        &[
            "reference",
            "add",
            "drafts/90-fork-1.md",
            "--label",
            "A reference",
        ],
    ];
    let prepare = || {
        let env = TestEnv::new();
        corpus(&env);
        env.ok(&["import", "drafts", "--init", "-q"]);
        env.write(
            "drafts/90-fork-1.md",
            draft(
                "Fork 1, revised",
                "track = \"fork-1\"\n",
                "1. Fork 1 keeps one point.\n2. And adds another, revised.\n",
            ),
        );
        env
    };
    let reference = prepare();
    for step in steps {
        reference.ok(step);
    }
    let expected = views(&reference);
    let mut killed = 0;
    for (k, step) in steps.iter().enumerate() {
        for point in 1.. {
            let env = prepare();
            for done in &steps[..k] {
                env.ok(done);
            }
            let out = env
                .cmd()
                .args(*step)
                .env(drafttrail::store::CRASH_POINT_ENV, point.to_string())
                .output()
                .unwrap();
            if out.status.success() {
                break;
            }
            assert_eq!(out.status.signal(), Some(9), "{step:?} at {point}");
            killed += 1;
            let fsck = env.git(&["fsck", "--full", "--strict", "--no-dangling"]);
            assert!(fsck.status.success(), "{step:?} at {point}");
            assert!(env.ok(&["verify"]).contains("ok: no problem found"));
            for rest in &steps[k..] {
                env.ok(rest);
            }
            assert_eq!(views(&env), expected, "{step:?} killed at {point}");
        }
    }
    assert!(killed >= 2, "{killed}");
}
