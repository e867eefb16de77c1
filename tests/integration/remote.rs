//! `sync` against remotes that cannot be trusted: each row prepares a remote store (a bare
//! clone of ours, then changed with git plumbing or drafttrail itself), syncs, and checks that
//! the local store's refs are unchanged, moved forward, kept aside or merged as the row says,
//! that a message names the ref, and that `verify` and every read still pass.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::{TestEnv, draft, imported};

/// What a sync must do with the remote a row prepared.
enum Expect {
    /// Exit 0; a warning names this ref and holds the reason; no local ref changed.
    Refused(&'static str, &'static str),
    /// Exit 1 with this in the error line; no local ref changed.
    Fails(&'static str),
    /// Exit 0; this local ref now equals the remote's, no other local ref changed.
    Fetched(&'static str),
    /// Exit 0; this local ref unchanged, the remote's tip kept under `refs/remotes/drafttrail/`.
    Kept(&'static str),
    /// Exit 0; this local ref is a merge of its old tip and the remote's.
    Merged(&'static str),
}

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .arg("--git-dir")
        .arg(dir)
        .args(args)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "R")
        .env("GIT_AUTHOR_EMAIL", "r@example.org")
        .env("GIT_COMMITTER_NAME", "R")
        .env("GIT_COMMITTER_EMAIL", "r@example.org")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}

/// Writes a loose ref file directly (git itself refuses a non-commit under `refs/heads/`).
fn force_ref(remote: &Path, name: &str, oid: &str) {
    let path = remote.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, format!("{oid}\n")).unwrap();
}

fn blob(remote: &Path, content: &str) -> String {
    let path = remote.join("blob.tmp");
    std::fs::write(&path, content).unwrap();
    let oid = git(remote, &["hash-object", "-w", path.to_str().unwrap()]);
    std::fs::remove_file(path).unwrap();
    oid
}

/// A commit on top of `parent` (if any) whose tree holds `files`.
fn commit_files(remote: &Path, parent: Option<&str>, files: &[(&str, &[u8])]) -> String {
    let mut entries = String::new();
    for (name, content) in files {
        let path = remote.join("file.tmp");
        std::fs::write(&path, content).unwrap();
        let oid = git(remote, &["hash-object", "-w", path.to_str().unwrap()]);
        std::fs::remove_file(path).unwrap();
        entries.push_str(&format!("100644 blob {oid}\t{name}\n"));
    }
    let list = remote.join("tree.tmp");
    std::fs::write(&list, entries).unwrap();
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "git --git-dir '{}' mktree < '{}'",
            remote.display(),
            list.display()
        ))
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .unwrap();
    std::fs::remove_file(list).unwrap();
    let tree = String::from_utf8(out.stdout).unwrap().trim().to_owned();
    let mut args = vec!["commit-tree", tree.as_str(), "-m", "x"];
    if let Some(p) = parent {
        args.extend(["-p", p]);
    }
    git(remote, &args)
}

/// `attribute` arguments adding a claim by `who` to the European counter-proposal.
fn claim(who: &str) -> Vec<&str> {
    vec![
        "attribute",
        "europe",
        "--who",
        who,
        "--did",
        "drafted point 6",
        "--source",
        "Outlet",
    ]
}

/// Moves the remote's `us` track on to a commit of `files`.
fn move_us(remote: &Path, files: &[(&str, &[u8])]) {
    let us = git(remote, &["rev-parse", "refs/heads/us"]);
    let c = commit_files(remote, Some(&us), files);
    git(remote, &["update-ref", "refs/heads/us", &c]);
}

const DRAFT_TOML: &[u8] = b"label = \"v\"\ntrack = \"us\"\n";

/// Our store, synced into a fresh bare remote, which is then marked as a store so that
/// drafttrail can write to it too.
fn setup() -> (TestEnv, PathBuf) {
    let env = imported();
    let remote = env.path().join("remote.git");
    let out = Command::new("git")
        .args(["init", "-q", "--bare"])
        .arg(&remote)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .unwrap();
    assert!(out.status.success());
    env.ok(&["sync", remote.to_str().unwrap()]);
    git(&remote, &["config", "drafttrail.version", "1"]);
    (env, remote)
}

fn on_remote(env: &TestEnv, remote: &Path, args: &[&str]) -> String {
    let mut all = vec!["--repo", remote.to_str().unwrap()];
    all.extend_from_slice(args);
    env.ok(&all)
}

/// The local refs a sync may touch, `name oid` per line.
fn shared_refs(env: &TestEnv) -> Vec<(String, String)> {
    env.refs()
        .lines()
        .filter_map(|l| l.split_once(' '))
        .filter(|(n, _)| !n.starts_with("refs/remotes/"))
        .map(|(n, o)| (n.to_owned(), o.to_owned()))
        .collect()
}

fn target(refs: &[(String, String)], name: &str) -> Option<String> {
    refs.iter().find(|(n, _)| n == name).map(|(_, o)| o.clone())
}

type Prepare = Box<dyn Fn(&TestEnv, &Path)>;

fn cases() -> Vec<(&'static str, Prepare, Expect)> {
    let us = "refs/heads/us";
    vec![
        (
            "a track pointing at a blob",
            Box::new(|_, r| force_ref(r, "refs/heads/us", &blob(r, "not a version\n"))),
            Expect::Refused(us, "a blob, not a commit"),
        ),
        (
            "a track pointing at a tree",
            Box::new(|_, r| {
                let tree = commit_files(r, None, &[]);
                let tree = git(r, &["rev-parse", &format!("{tree}^{{tree}}")]);
                force_ref(r, "refs/heads/us", &tree);
            }),
            Expect::Refused(us, "a tree, not a commit"),
        ),
        (
            "a track pointing at an annotated tag",
            Box::new(|_, r| {
                git(r, &["tag", "-a", "t", "-m", "forged", "refs/heads/us"]);
                let tag = git(r, &["rev-parse", "refs/tags/t"]);
                force_ref(r, "refs/heads/us", &tag);
            }),
            Expect::Refused(us, "a tag, not a commit"),
        ),
        (
            "events pointing at a blob",
            Box::new(|_, r| force_ref(r, "refs/drafttrail/events", &blob(r, "x"))),
            Expect::Refused("refs/drafttrail/events", "a blob"),
        ),
        (
            "pins pointing at a tree",
            Box::new(|_, r| {
                let c = commit_files(r, None, &[]);
                let tree = git(r, &["rev-parse", &format!("{c}^{{tree}}")]);
                force_ref(r, "refs/drafttrail/pins", &tree);
            }),
            Expect::Refused("refs/drafttrail/pins", "a tree"),
        ),
        (
            "a note that is not TOML",
            Box::new(|_, r| {
                let us = git(r, &["rev-parse", "refs/heads/us"]);
                git(
                    r,
                    &[
                        "notes",
                        "--ref",
                        "drafttrail",
                        "add",
                        "-m",
                        "claim = [",
                        &us,
                    ],
                );
            }),
            Expect::Refused("refs/notes/drafttrail", "annotation"),
        ),
        (
            "a note over 1 MiB",
            Box::new(|_, r| {
                let us = git(r, &["rev-parse", "refs/heads/us"]);
                let big = r.join("big.toml");
                std::fs::write(&big, format!("# {}\n", "x".repeat(1_100_000))).unwrap();
                git(
                    r,
                    &[
                        "notes",
                        "--ref",
                        "drafttrail",
                        "add",
                        "-F",
                        big.to_str().unwrap(),
                        &us,
                    ],
                );
            }),
            Expect::Refused("refs/notes/drafttrail", "bytes"),
        ),
        (
            "a track moved on to a commit without draft.md",
            Box::new(|_, r| move_us(r, &[("README", b"code\n")])),
            Expect::Refused(us, "not a version"),
        ),
        (
            "a version whose draft.toml does not parse",
            Box::new(|_, r| {
                move_us(
                    r,
                    &[("draft.md", b"1. Text.\n"), ("draft.toml", b"label = [\n")],
                );
            }),
            Expect::Refused(us, "not a version"),
        ),
        (
            "a version whose text is not UTF-8",
            Box::new(|_, r| {
                move_us(
                    r,
                    &[("draft.md", b"1. \xff\xfe\n"), ("draft.toml", DRAFT_TOML)],
                );
            }),
            Expect::Refused(us, "not a version"),
        ),
        (
            "a new branch of code beside the tracks",
            Box::new(|_, r| {
                let c = commit_files(r, None, &[("main.c", b"int main;\n")]);
                git(r, &["update-ref", "refs/heads/code", &c]);
            }),
            Expect::Refused("refs/heads/code", "not a version"),
        ),
        (
            "a drafttrail ref drafttrail does not keep",
            Box::new(|_, r| {
                let us = git(r, &["rev-parse", "refs/heads/us"]);
                git(r, &["update-ref", "refs/drafttrail/other", &us]);
            }),
            Expect::Refused("refs/drafttrail/other", "not a ref drafttrail keeps"),
        ),
        (
            "notes of another tool",
            Box::new(|_, r| {
                let us = git(r, &["rev-parse", "refs/heads/us"]);
                git(r, &["notes", "--ref", "review", "add", "-m", "lgtm", &us]);
            }),
            Expect::Refused("refs/notes/review", "not a ref drafttrail keeps"),
        ),
        (
            "the remote recorded a version on a track",
            Box::new(|env, r| {
                env.write(
                    "next.md",
                    draft("next us", "track = \"us\"\n", "1. Next.\n"),
                );
                on_remote(env, r, &["commit", "next.md"]);
            }),
            Expect::Fetched(us),
        ),
        (
            "both sides recorded a version on one track",
            Box::new(|env, r| {
                env.write(
                    "theirs.md",
                    draft("theirs", "track = \"us\"\n", "1. Theirs.\n"),
                );
                on_remote(env, r, &["commit", "theirs.md"]);
                env.write("ours.md", draft("ours", "track = \"us\"\n", "1. Ours.\n"));
                env.ok(&["commit", "ours.md"]);
            }),
            Expect::Kept(us),
        ),
        (
            "both sides added claims",
            Box::new(|env, r| {
                on_remote(env, r, &claim("Their Source"));
                env.ok(&claim("Our Source"));
            }),
            Expect::Merged("refs/notes/drafttrail"),
        ),
        (
            "both sides pinned",
            Box::new(|env, r| {
                on_remote(env, r, &["pin", "28-point-plan:12", "20-point-framework:9"]);
                env.ok(&["pin", "28-point-plan:7", "20-point-framework:10"]);
            }),
            Expect::Merged("refs/drafttrail/pins"),
        ),
        (
            "an ordinary code repository",
            Box::new(|_, r| {
                for name in git(r, &["for-each-ref", "--format=%(refname)"]).lines() {
                    git(r, &["update-ref", "-d", name]);
                }
                let c = commit_files(r, None, &[("main.c", b"int main;\n")]);
                git(r, &["update-ref", "refs/heads/master", &c]);
            }),
            Expect::Fails("not a drafttrail store"),
        ),
    ]
}

#[test]
fn a_remote_cannot_replace_or_hide_local_data() {
    let all = cases();
    assert!(all.len() >= 15);
    for (name, prepare, expect) in all {
        let (env, remote) = setup();
        prepare(&env, &remote);
        let before = shared_refs(&env);
        let remote_refs = git(
            &remote,
            &["for-each-ref", "--format=%(refname) %(objectname)"],
        );
        let remote_tip = |r: &str| {
            remote_refs
                .lines()
                .find_map(|l| l.strip_prefix(&format!("{r} ")))
                .map(str::to_owned)
        };
        let out = env
            .cmd()
            .args(["sync", remote.to_str().unwrap()])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        let after = shared_refs(&env);
        assert_ne!(out.status.code(), Some(101), "{name}: panicked: {stderr}");
        let others_unchanged = |except: &str| {
            for (n, o) in &before {
                if n != except {
                    assert_eq!(target(&after, n).as_ref(), Some(o), "{name}: {n} moved");
                }
            }
        };
        match expect {
            Expect::Refused(r, why) => {
                assert!(out.status.success(), "{name}: {stderr}");
                let line = stderr
                    .lines()
                    .find(|l| l.contains("refused") && l.contains(r))
                    .unwrap_or_else(|| panic!("{name}: no warning names {r}: {stderr}"));
                assert!(line.contains(why), "{name}: `{why}` not in `{line}`");
                others_unchanged("");
                assert_eq!(target(&after, r), target(&before, r), "{name}");
            }
            Expect::Fails(msg) => {
                assert_eq!(out.status.code(), Some(1), "{name}: {stderr}");
                assert!(
                    stderr.lines().next().unwrap_or("").contains(msg),
                    "{name}: {stderr}"
                );
                assert_eq!(after, before, "{name}");
            }
            Expect::Fetched(r) => {
                assert!(out.status.success(), "{name}: {stderr}");
                assert_eq!(target(&after, r), remote_tip(r), "{name}");
                others_unchanged(r);
            }
            Expect::Kept(r) => {
                assert!(out.status.success(), "{name}: {stderr}");
                assert!(
                    stderr.contains(r) && stderr.contains("both sides"),
                    "{name}: {stderr}"
                );
                others_unchanged("");
                let kept = env.git_stdout(&[
                    "for-each-ref",
                    "--format=%(objectname)",
                    "refs/remotes/drafttrail/",
                ]);
                assert_eq!(Some(kept.trim().to_owned()), remote_tip(r), "{name}");
                // Both tips stay reachable: nothing is lost to `git gc`.
                assert_eq!(target(&after, r), target(&before, r), "{name}");
            }
            Expect::Merged(r) => {
                assert!(out.status.success(), "{name}: {stderr}");
                let merged = target(&after, r).unwrap();
                let parents =
                    env.git_stdout(&["rev-parse", &format!("{merged}^1"), &format!("{merged}^2")]);
                let parents: Vec<&str> = parents.lines().collect();
                assert_eq!(parents[0], target(&before, r).unwrap(), "{name}");
                assert_eq!(Some(parents[1].to_owned()), remote_tip(r), "{name}");
                others_unchanged(r);
                // The remote got the merge too: both sides now agree.
                assert_eq!(git(&remote, &["rev-parse", r]), merged, "{name}");
            }
        }
        // Whatever the remote held, the store reads and checks clean.
        assert!(
            env.ok(&["verify"]).contains("ok: no problem found"),
            "{name}"
        );
        env.ok(&["log", "--format", "json"]);
        env.ok(&["timeline"]);
        // And the quarantine is gone.
        assert!(
            !env.refs().contains("refs/drafttrail-incoming/"),
            "{name}: quarantine left behind"
        );
    }
}

/// Claims added on both sides are all there after a merge, on both sides.
#[test]
fn merged_claims_keep_both_sides() {
    let (env, remote) = setup();
    on_remote(&env, &remote, &claim("Their Source"));
    env.ok(&claim("Our Source"));
    env.ok(&["sync", remote.to_str().unwrap()]);
    for log in [env.ok(&["log"]), on_remote(&env, &remote, &["log"])] {
        assert!(
            log.contains("Their Source") && log.contains("Our Source"),
            "{log}"
        );
    }
    // A second sync has nothing left to do.
    let again = env.ok(&["sync", remote.to_str().unwrap()]);
    assert!(
        again.contains("fetched 0 ref(s), merged 0, pushed 0 ref(s)"),
        "{again}"
    );
}

/// A track that moved on both sides is reconciled by a version with both tips as parents;
/// the next sync pushes it and removes the kept tip.
#[test]
fn a_diverged_track_is_reconciled_by_a_version_with_both_parents() {
    let (env, remote) = setup();
    env.write(
        "theirs.md",
        draft("theirs", "track = \"us\"\n", "1. Theirs.\n"),
    );
    on_remote(&env, &remote, &["commit", "theirs.md"]);
    env.write("ours.md", draft("ours", "track = \"us\"\n", "1. Ours.\n"));
    env.ok(&["commit", "ours.md"]);
    let r = remote.to_str().unwrap();
    let first = env.cmd().args(["sync", r]).output().unwrap();
    let stderr = String::from_utf8_lossy(&first.stderr);
    let kept = "refs/remotes/drafttrail/remote/heads/us";
    assert!(stderr.contains(kept), "{stderr}");
    env.write(
        "both.md",
        draft(
            "both",
            &format!("track = \"us\"\nparent = [\"us\", \"{kept}\"]\n"),
            "1. Ours and theirs.\n",
        ),
    );
    env.ok(&["commit", "both.md"]);
    let second = env.cmd().args(["sync", r]).output().unwrap();
    assert!(second.status.success());
    assert!(String::from_utf8_lossy(&second.stderr).contains("reconciled"));
    assert!(!env.refs().contains(kept));
    let ours = env.git_stdout(&["rev-parse", "refs/heads/us"]);
    assert_eq!(git(&remote, &["rev-parse", "refs/heads/us"]), ours.trim());
    let log = env.ok(&["log"]);
    assert!(
        log.contains("theirs") && log.contains("ours") && log.contains("both"),
        "{log}"
    );
    assert!(env.ok(&["verify"]).contains("ok: no problem found"));
}
