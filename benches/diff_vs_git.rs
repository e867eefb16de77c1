//! `drafttrail diff --no-index` against `git diff --no-index --word-diff` on the same two
//! generated documents (3,000 provisions; `PROVISIONS=N` for another size), run side by side; prints medians and the ratio.
//!
//! Run: `cargo bench --bench diff_vs_git` (builds the release binary first).

#[path = "synth.rs"]
mod synth;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use synth::{Mutation, Rng};

const RUNS: usize = 7;

fn time(cmd: &mut Command) -> Duration {
    let start = Instant::now();
    let out = cmd.output().expect("command runs");
    let elapsed = start.elapsed();
    // git diff exits 1 when files differ; drafttrail exits 0.
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "{cmd:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!out.stdout.is_empty());
    elapsed
}

fn median(mut xs: Vec<Duration>) -> (Duration, Duration, Duration) {
    xs.sort();
    (xs[xs.len() / 2], xs[0], xs[xs.len() - 1])
}

fn main() {
    let provisions: usize = std::env::var("PROVISIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3_000);
    let status = Command::new(env!("CARGO"))
        .args(["build", "--release", "--quiet", "--bin", "drafttrail"])
        .status()
        .expect("cargo build");
    assert!(status.success());
    let bin = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/drafttrail");
    let dir = tempfile::tempdir().expect("tempdir");
    let mut r = Rng::new(42);
    let old: Vec<String> = (0..provisions).map(|_| synth::provision(&mut r)).collect();
    // A realistic step: a few provisions moved, split, merged, added and removed, 10% reworded.
    let mut pair = synth::mutate(&mut r, &old, Mutation::Move, 50, 0.0);
    for m in [
        Mutation::Split,
        Mutation::Merge,
        Mutation::Add,
        Mutation::Remove,
    ] {
        pair = synth::mutate(&mut r, &pair.new, m, 50, 0.0);
    }
    let new: Vec<String> = pair
        .new
        .iter()
        .map(|t| {
            if r.chance(0.3) {
                synth::reword(&mut r, t, 0.1)
            } else {
                t.clone()
            }
        })
        .collect();
    // KEEP_DIR keeps the generated pair for profiling.
    let out_dir = std::env::var_os("KEEP_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| dir.path().to_owned());
    std::fs::create_dir_all(&out_dir).expect("mkdir");
    let a = out_dir.join("old.md");
    let b = out_dir.join("new.md");
    std::fs::write(&a, synth::render("Agreement", &old)).expect("write");
    std::fs::write(&b, synth::render("Agreement", &new)).expect("write");
    let size = std::fs::metadata(&a).map(|m| m.len()).unwrap_or(0);
    let mut ours = Vec::new();
    let mut git = Vec::new();
    for _ in 0..RUNS {
        ours.push(time(
            Command::new(&bin)
                .args(["diff", "--no-index", "--format", "json"])
                .arg(&a)
                .arg(&b),
        ));
        git.push(time(
            Command::new("git")
                .args(["diff", "--no-index", "--word-diff"])
                .arg(&a)
                .arg(&b),
        ));
    }
    let (om, olo, ohi) = median(ours);
    let (gm, glo, ghi) = median(git);
    println!(
        "diff of two {provisions}-provision documents ({:.1} MB each), median of {RUNS} runs:",
        size as f64 / 1e6
    );
    println!(
        "  drafttrail diff --no-index       {:>8.1} ms  (min {:.1}, max {:.1})",
        om.as_secs_f64() * 1e3,
        olo.as_secs_f64() * 1e3,
        ohi.as_secs_f64() * 1e3
    );
    println!(
        "  git diff --no-index --word-diff  {:>8.1} ms  (min {:.1}, max {:.1})",
        gm.as_secs_f64() * 1e3,
        glo.as_secs_f64() * 1e3,
        ghi.as_secs_f64() * 1e3
    );
    println!(
        "  ratio drafttrail / git           {:>8.2}",
        om.as_secs_f64() / gm.as_secs_f64()
    );
}
