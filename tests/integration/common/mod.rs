//! A hermetic environment for running the binary: its own folder and store, no user git
//! config, a fixed recorder and clock, no colour.

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

pub struct TestEnv {
    pub dir: tempfile::TempDir,
}

impl TestEnv {
    pub fn new() -> TestEnv {
        TestEnv {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn store(&self) -> PathBuf {
        self.path().join("history")
    }

    /// The command with the hermetic environment; runs in the env's folder.
    pub fn cmd(&self) -> Command {
        Command::from_std(self.std_cmd())
    }

    /// The same as a plain `std::process::Command` (for piping).
    pub fn std_cmd(&self) -> std::process::Command {
        let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin!("drafttrail"));
        cmd.current_dir(self.path())
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.path())
            .env("XDG_CONFIG_HOME", self.path())
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_COMMITTER_NAME", "Test Recorder")
            .env("GIT_COMMITTER_EMAIL", "recorder@example.org")
            .env("DRAFTTRAIL_NOW", "2026-01-02T03:04:05Z")
            .env("NO_COLOR", "1");
        cmd
    }

    /// Runs the binary with `args`, asserting success; returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        String::from_utf8(self.run_ok(args).stdout).unwrap()
    }

    /// Runs the binary with `args`, asserting success; returns all it wrote (for bytes on
    /// stdout, or what stderr says).
    pub fn run_ok(&self, args: &[&str]) -> Output {
        let out = self.cmd().args(args).output().unwrap();
        assert!(
            out.status.success(),
            "drafttrail {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out
    }

    /// Runs the binary with `args`, asserting exit code 1; returns stderr.
    pub fn fails(&self, args: &[&str]) -> String {
        let out = self.cmd().args(args).output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(1),
            "drafttrail {args:?} should fail with 1: stdout {} stderr {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stderr).unwrap()
    }

    pub fn write(&self, name: &str, content: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(&path, content).unwrap();
        path
    }

    /// Runs plain git on the store.
    pub fn git(&self, args: &[&str]) -> Output {
        std::process::Command::new("git")
            .arg("--git-dir")
            .arg(self.store())
            .args(args)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .output()
            .unwrap()
    }

    pub fn git_stdout(&self, args: &[&str]) -> String {
        let out = self.git(args);
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// Every ref with its target, to check that a failed command changed nothing.
    pub fn refs(&self) -> String {
        self.git_stdout(&["for-each-ref", "--format=%(refname) %(objectname)"])
    }

    /// Copies the repository's sample drafts into the env.
    pub fn copy_sample_drafts(&self) -> PathBuf {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("drafts");
        let dst = self.path().join("drafts");
        std::fs::create_dir_all(&dst).unwrap();
        for entry in std::fs::read_dir(src).unwrap() {
            let entry = entry.unwrap();
            std::fs::copy(entry.path(), dst.join(entry.file_name())).unwrap();
        }
        dst
    }
}

/// An environment whose store holds the sample corpus.
pub fn imported() -> TestEnv {
    let env = TestEnv::new();
    env.copy_sample_drafts();
    env.ok(&["import", "drafts", "--init", "-q"]);
    env
}

/// A minimal draft file with front matter.
pub fn draft(label: &str, extra: &str, body: &str) -> String {
    format!("+++\nlabel = \"{label}\"\n{extra}+++\n{body}")
}

/// Whether one of `programs` answers `--version`; under CI its absence is a failure (CI
/// installs `package`), elsewhere the caller skips, saying so.
pub fn installed(programs: &[&str], package: &str) -> bool {
    let found = programs.iter().any(|p| {
        std::process::Command::new(p)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    });
    assert!(
        found || std::env::var_os("CI").is_none(),
        "CI must install {package}"
    );
    if !found {
        eprintln!("skipped: {package} is not installed");
    }
    found
}
