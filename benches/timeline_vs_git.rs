//! `drafttrail timeline` against `git log -p --word-diff` on the same store of 200 versions ×
//! 2,000 provisions, side by side; also reports the import rate.
//!
//! Run: `cargo bench --bench timeline_vs_git` (builds the release binary first).
//! `VERSIONS` and `PROVISIONS` environment variables shrink it for a quick look.

#[path = "synth.rs"]
mod synth;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const RUNS: usize = 5;

fn env_or(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn time(cmd: &mut Command) -> Duration {
    let start = Instant::now();
    let status = cmd.stdout(Stdio::null()).status().expect("command runs");
    let elapsed = start.elapsed();
    assert!(status.success(), "{cmd:?} failed");
    elapsed
}

fn median(mut xs: Vec<Duration>) -> (f64, f64, f64) {
    xs.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    (ms(xs[xs.len() / 2]), ms(xs[0]), ms(xs[xs.len() - 1]))
}

fn main() {
    let versions = env_or("VERSIONS", 200);
    let provisions = env_or("PROVISIONS", 2_000);
    let status = Command::new(env!("CARGO"))
        .args(["build", "--release", "--quiet", "--bin", "drafttrail"])
        .status()
        .expect("cargo build");
    assert!(status.success());
    let bin = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/drafttrail");
    let dir = tempfile::tempdir().expect("tempdir");
    let drafts = dir.path().join("drafts");
    std::fs::create_dir_all(&drafts).expect("mkdir");
    synth::write_history(&drafts, versions, provisions, 7).expect("write drafts");
    let store = dir.path().join("history");
    let start = Instant::now();
    let status = Command::new(&bin)
        .args(["--repo"])
        .arg(&store)
        .args(["import", "--init", "-q"])
        .arg(&drafts)
        .env("GIT_COMMITTER_NAME", "bench")
        .status()
        .expect("import");
    assert!(status.success());
    let import = start.elapsed().as_secs_f64();
    let mut ours = Vec::new();
    let mut git = Vec::new();
    for _ in 0..RUNS {
        ours.push(time(
            Command::new(&bin)
                .arg("--repo")
                .arg(&store)
                .args(["timeline", "--format", "json"]),
        ));
        git.push(time(
            Command::new("git").arg("--git-dir").arg(&store).args([
                "log",
                "-p",
                "--word-diff",
                "main",
            ]),
        ));
    }
    let (om, olo, ohi) = median(ours);
    let (gm, glo, ghi) = median(git);
    println!("store of {versions} versions × {provisions} provisions, median of {RUNS} runs:");
    println!("  drafttrail timeline            {om:>9.1} ms  (min {olo:.1}, max {ohi:.1})");
    println!("  git log -p --word-diff         {gm:>9.1} ms  (min {glo:.1}, max {ghi:.1})");
    println!("  ratio drafttrail / git         {:>9.2}", om / gm);
    println!(
        "  import: {import:.1} s, {:.1} versions/s",
        versions as f64 / import
    );
}
