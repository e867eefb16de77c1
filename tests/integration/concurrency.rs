//! Two processes record 20 drafts each on one track at the same time. Every version must end up
//! recorded, or its writer must fail with a clear message having recorded nothing; no commit
//! may be lost or left dangling.

use std::thread;

use crate::common::{TestEnv, draft};

#[test]
fn two_writers_on_one_track_lose_nothing() {
    let env = TestEnv::new();
    env.ok(&["init"]);
    for w in 0..2 {
        for i in 0..20 {
            env.write(
                &format!("w{w}/{i}.md"),
                draft(
                    &format!("w{w}-{i}"),
                    "",
                    &format!("1. Writer {w}, draft {i}.\n"),
                ),
            );
        }
    }
    let results: Vec<Vec<(bool, String, String)>> = thread::scope(|s| {
        let handles: Vec<_> = (0..2)
            .map(|w| {
                let env = &env;
                s.spawn(move || {
                    (0..20)
                        .map(|i| {
                            let out = env
                                .cmd()
                                .args(["commit", &format!("w{w}/{i}.md")])
                                .output()
                                .unwrap();
                            (
                                out.status.success(),
                                format!("w{w}-{i}"),
                                String::from_utf8_lossy(&out.stderr).into_owned(),
                            )
                        })
                        .collect()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let log = env.git_stdout(&["log", "--format=%s", "main"]);
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
            assert!(
                !recorded.contains(&label.as_str()),
                "{label} failed but was recorded"
            );
        }
    }
    assert_eq!(recorded.len(), successes, "{log}");
    let fsck = env.git(&["fsck", "--no-reflogs", "--unreachable", "--no-progress"]);
    let fsck = String::from_utf8_lossy(&fsck.stdout);
    assert!(!fsck.contains("commit"), "unreachable commits: {fsck}");
}
