//! What makes the CLI feel like git: colour rules, completions, man page, help with examples,
//! quiet broken pipes.

use std::io::Read;
use std::process::Stdio;

use crate::common::{TestEnv, imported};

#[test]
fn colour_only_when_asked_and_no_color_wins_over_auto() {
    let env = imported();
    // Not a tty (and NO_COLOR set by TestEnv): plain.
    let plain = env.ok(&["diff", "europe"]);
    assert!(!plain.contains('\u{1b}'));
    assert!(plain.contains("[-600,000-]{+800,000+}"));
    let auto_no_tty = env
        .cmd()
        .env_remove("NO_COLOR")
        .args(["diff", "europe"])
        .output()
        .unwrap();
    assert!(auto_no_tty.status.success());
    assert!(!auto_no_tty.stdout.is_empty());
    assert!(!String::from_utf8_lossy(&auto_no_tty.stdout).contains('\u{1b}'));
    // CLICOLOR_FORCE colours even a pipe, unless NO_COLOR says otherwise.
    let clicolor_force = |no_color: bool| {
        let mut cmd = env.cmd();
        cmd.env_remove("NO_COLOR").env("CLICOLOR_FORCE", "1");
        if no_color {
            cmd.env("NO_COLOR", "1");
        }
        let out = cmd.args(["diff", "europe"]).output().unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap().contains('\u{1b}')
    };
    assert!(clicolor_force(false));
    assert!(!clicolor_force(true));
    let forced = env.ok(&["--color", "always", "diff", "europe"]);
    assert!(forced.contains("\u{1b}["), "{forced}");
    assert!(!forced.contains("[-600,000-]"));
}

/// `--color=debug` (hidden) names the style of every styled piece: the snapshots review what
/// is coloured how, without reading escape codes.
#[test]
fn colour_labels_are_reviewable_with_color_debug() {
    let env = imported();
    let diff = env.ok(&[
        "--color",
        "debug",
        "diff",
        "28-point-plan",
        "europe",
        "--changed-only",
    ]);
    assert!(diff.contains("<<redline.delete::600,000>><<redline.insert::800,000>>"));
    insta::assert_snapshot!("color_debug_diff", diff);
    let log = env.ok(&["--color", "debug", "log", "--track", "europe"]);
    insta::assert_snapshot!("color_debug_log", log);
    let blame = env.ok(&["--color", "debug", "blame", "europe"]);
    assert!(blame.contains("<<origin.v1::"));
    // Hidden from --help, like jj's.
    assert!(!env.ok(&["--help"]).contains("debug"));
}

#[test]
fn completions_for_bash_zsh_and_fish() {
    let env = TestEnv::new();
    let bash = env.ok(&["completions", "bash"]);
    assert!(bash.contains("_drafttrail()") && bash.contains("timeline"));
    let zsh = env.ok(&["completions", "zsh"]);
    assert!(zsh.starts_with("#compdef drafttrail") && zsh.contains("attribute"));
    let fish = env.ok(&["completions", "fish"]);
    assert!(fish.contains("complete -c drafttrail") && fish.contains("history"));
    assert!(
        env.fails(&["completions", "tcsh"])
            .contains("invalid value")
    );
}

#[test]
fn man_page_and_help_with_examples() {
    let env = TestEnv::new();
    let man = env.ok(&["man"]);
    assert!(man.contains(".TH drafttrail 1"));
    for cmd in [
        "init",
        "commit",
        "import",
        "log",
        "show",
        "diff",
        "history",
        "blame",
        "shares",
        "timeline",
        "attribute",
        "pin",
        "unpin",
        "sync",
        "report",
        "completions",
        "man",
    ] {
        let help = env.ok(&[cmd, "--help"]);
        assert!(help.contains("Examples:"), "`{cmd} --help` has no examples");
    }
}

#[test]
fn output_into_a_closed_pipe_exits_quietly() {
    let env = TestEnv::new();
    // Output well over a pipe's buffer (64 KiB on Linux), so the writer is still writing
    // when the reader goes away, whatever the timing.
    let mut big = String::new();
    for k in 1..=3_000 {
        big.push_str(&format!(
            "{k}. Provision {k} says something long enough to fill a pipe.\n"
        ));
    }
    env.write("big.md", big);
    env.ok(&["init"]);
    env.ok(&["commit", "big.md", "--label", "big"]);
    let show = ["show", "big"];
    let whole = env.cmd().args(show).output().unwrap();
    assert!(
        whole.stdout.len() > 2 * 65_536,
        "{} bytes",
        whole.stdout.len()
    );
    let mut child = env
        .std_cmd()
        .args(show)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "exit {:?}", out.status.code());
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// An error is one line that words its cause once; `--verbose` adds what lies below it
/// (libgit2's class and code), one `caused by:` line each; usage errors leave the same way.
#[test]
fn errors_are_one_line_and_verbose_adds_causes() {
    let env = TestEnv::new();
    let missing = env.fails(&["diff", "--no-index", "missing.md", "other.md"]);
    let lines: Vec<&str> = missing.lines().collect();
    assert_eq!(lines.len(), 1, "{missing}");
    assert_eq!(
        lines[0].matches("No such file or directory").count(),
        1,
        "{missing}"
    );

    let env = imported();
    let remote = env.path().join("no-such-store");
    let remote = remote.to_str().unwrap();
    let quiet = env.fails(&["sync", remote]);
    assert!(quiet.starts_with("error: "), "{quiet}");
    assert!(!quiet.contains("caused by:"), "{quiet}");
    let verbose = env.fails(&["--verbose", "sync", remote]);
    let causes: Vec<&str> = verbose
        .lines()
        .filter(|l| l.starts_with("caused by: "))
        .collect();
    assert_eq!(causes.len(), 1, "{verbose}");
    assert!(causes[0].contains("class="), "{verbose}");
    assert_eq!(verbose.lines().next(), quiet.lines().next());

    let usage = env.fails(&["log", "--no-such-flag"]);
    let mut lines = usage.lines();
    assert_eq!(
        lines.next(),
        Some("error: unexpected argument '--no-such-flag' found")
    );
    assert!(lines.all(|l| l.starts_with("hint: ")), "{usage}");
}

/// No command panics when its stdout is a closed pipe or a full device, the write commands
/// included (their write has landed by then): a closed pipe ends them quietly, a full device
/// is one `error:` line.
#[test]
fn no_command_panics_on_a_closed_or_full_stdout() {
    let env = imported();
    env.write(
        "new.md",
        crate::common::draft("new", "track = \"t-new\"\n", "1. New.\n"),
    );
    env.write(
        "newer.md",
        crate::common::draft("newer", "track = \"t-newer\"\n", "1. Newer.\n"),
    );
    env.write(
        "more/m.md",
        crate::common::draft("more", "track = \"t-more\"\n", "1. More.\n"),
    );
    let remote = env.path().join("r.git");
    assert!(
        std::process::Command::new("git")
            .args(["init", "-q", "--bare"])
            .arg(&remote)
            .status()
            .unwrap()
            .success()
    );
    let remote = remote.to_str().unwrap().to_owned();
    let claim = [
        "attribute",
        "europe",
        "--who",
        "X",
        "--did",
        "y",
        "--source",
        "Z",
    ];
    let commands: Vec<Vec<&str>> = vec![
        vec!["commit", "new.md"],
        vec!["import", "more"],
        claim.to_vec(),
        vec!["pin", "28-point-plan:12", "20-point-framework:9"],
        vec!["unpin", "28-point-plan:12", "20-point-framework:9"],
        vec!["sync", &remote],
        vec!["log"],
        vec!["show", "europe"],
        vec!["diff", "28-point-plan", "20-point-framework"],
        vec!["history", "28-point-plan#6"],
        vec!["blame"],
        vec!["shares"],
        vec!["timeline"],
        vec!["verify"],
        vec!["completions", "bash"],
        vec!["man"],
    ];
    let base = env.std_cmd();
    let program = base.get_program().to_owned();
    for args in &commands {
        // A full device: every write fails with ENOSPC.
        let out = env
            .std_cmd()
            .args(args)
            .stdout(std::fs::File::create("/dev/full").unwrap())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_ne!(
            out.status.code(),
            Some(101),
            "{args:?} > /dev/full: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        // A pipe whose reader is gone before the command writes.
        let mut sh = std::process::Command::new("sh");
        sh.env_clear().current_dir(env.path());
        for (k, v) in base.get_envs() {
            if let Some(v) = v {
                sh.env(k, v);
            }
        }
        let out = sh
            .arg("-c")
            .arg("(sleep 0.3; \"$0\" \"$@\"; echo \"exit=$?\" >&2) | true")
            .arg(&program)
            .args(args)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{args:?} | true: {stderr}");
        assert!(!stderr.contains("exit=101"), "{args:?} | true: {stderr}");
        // A closed pipe is not an error (a second `unpin` may fail for its own reason).
        assert!(
            !stderr.to_lowercase().contains("broken pipe"),
            "{args:?} | true: {stderr}"
        );
    }
    // The writes landed although nobody read what they said.
    let log = env.ok(&["log"]);
    assert!(log.contains("new") && log.contains("more"), "{log}");
    env.ok(&["commit", "newer.md"]);
    assert!(env.ok(&["verify"]).contains("ok: no problem found"));
}
