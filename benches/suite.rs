//! The benchmark suite: every drafttrail measurement beside its git baseline in the same run,
//! medians of 7 interleaved runs with min–max, peak memory, and the scaling exponent. Prints the Markdown
//! tables of BENCHMARKS.md.
//!
//! Run: `cargo bench --bench suite` (builds the release binary first; about 6 minutes on 2
//! cores). `QUICK=1` shrinks every size for a smoke run; `SECTIONS=real,diff,scaling,timeline,import,identify,trace,export,report`
//! picks sections; `KEEP_DIR=path` keeps the generated files.

#[path = "code.rs"]
mod code;
#[path = "synth.rs"]
mod synth;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

const RUNS: usize = 7;

struct Stat {
    median: f64,
    min: f64,
    max: f64,
    rss_kb: Option<u64>,
    /// Median CPU time (user + system): drafttrail uses two threads, git one.
    cpu: Option<f64>,
    /// Bytes the command wrote to standard output (the same every run).
    out_bytes: usize,
}

impl Stat {
    fn cell(&self) -> String {
        format!("{} ({}–{})", ms(self.median), ms(self.min), ms(self.max))
    }
}

fn ms(s: f64) -> String {
    if s >= 10.0 {
        format!("{s:.1} s")
    } else {
        format!("{:.0} ms", s * 1e3)
    }
}

/// One run: wall time, peak RSS and CPU time (from GNU time where present), output size.
struct Run {
    wall: f64,
    rss_kb: Option<u64>,
    cpu: Option<f64>,
    out_bytes: usize,
}

/// Times one run of a command (wall clock), reads its peak RSS and CPU time from GNU time if
/// present, and checks that it did its job: the exit code is one the command gives on success
/// (`git diff` exits 1 when the files differ, drafttrail's 1 is a user error) and it printed
/// something.
fn run_once(make: &dyn Fn() -> Command, ok_codes: &[i32], prints: bool) -> Run {
    let mut cmd = make();
    let rss_file = tempfile::NamedTempFile::new().expect("tempfile");
    let mut run = if Path::new("/usr/bin/time").exists() {
        let mut t = Command::new("/usr/bin/time");
        t.arg("-f")
            .arg("%M %U %S")
            .arg("-o")
            .arg(rss_file.path())
            .arg(cmd.get_program())
            .args(cmd.get_args());
        if let Some(dir) = cmd.get_current_dir() {
            t.current_dir(dir);
        }
        for (k, v) in cmd.get_envs() {
            if let Some(v) = v {
                t.env(k, v);
            }
        }
        t
    } else {
        std::mem::replace(&mut cmd, Command::new("true"))
    };
    let start = Instant::now();
    let mut child = run
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("command runs");
    let mut out_bytes = 0;
    if let Some(mut out) = child.stdout.take() {
        out_bytes = std::io::copy(&mut out, &mut std::io::sink()).unwrap_or(0) as usize;
    }
    let output = child.wait_with_output().expect("command runs");
    let wall = start.elapsed().as_secs_f64();
    let code = output.status.code();
    assert!(
        code.is_some_and(|c| ok_codes.contains(&c)),
        "{run:?} exited {code:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(!prints || out_bytes > 0, "{run:?} printed nothing");
    let time = std::fs::read_to_string(rss_file.path()).unwrap_or_default();
    let fields: Vec<f64> = time
        .lines()
        .last()
        .unwrap_or("")
        .split_whitespace()
        .filter_map(|f| f.parse().ok())
        .collect();
    Run {
        wall,
        rss_kb: fields.first().map(|&k| k as u64),
        cpu: (fields.len() == 3).then(|| fields[1] + fields[2]),
        out_bytes,
    }
}

/// A command to measure, the exit codes that mean it succeeded, and whether it must print.
type Job<'a> = (&'a dyn Fn() -> Command, &'a [i32], bool);

/// Measures commands side by side: one warm-up round, then RUNS rounds in which each command
/// runs once, in turn. A slow spell of the shared machine then hits every command alike,
/// which is what makes the ratios between them meaningful.
/// Records every draft of `drafts` into a new store at `store` (any old one removed).
fn import_fresh(bin: &Path, store: &Path, drafts: &Path) {
    let _ = std::fs::remove_dir_all(store);
    let ok = Command::new(bin)
        .arg("--repo")
        .arg(store)
        .args(["import", "--init", "-q"])
        .arg(drafts)
        .env("GIT_COMMITTER_NAME", "bench")
        .status()
        .expect("import");
    assert!(ok.success(), "import {}", drafts.display());
}

fn measure_jobs(jobs: &[Job<'_>]) -> Vec<Stat> {
    for (make, ok, prints) in jobs {
        run_once(*make, ok, *prints);
    }
    let mut runs: Vec<Vec<Run>> = jobs.iter().map(|_| Vec::new()).collect();
    for _ in 0..RUNS {
        for (k, (make, ok, prints)) in jobs.iter().enumerate() {
            runs[k].push(run_once(*make, ok, *prints));
        }
    }
    runs.into_iter()
        .map(|rs| {
            let median = |mut v: Vec<f64>| {
                v.sort_by(f64::total_cmp);
                (v[v.len() / 2], v[0], v[v.len() - 1])
            };
            let (med, min, max) = median(rs.iter().map(|r| r.wall).collect());
            let cpus: Vec<f64> = rs.iter().filter_map(|r| r.cpu).collect();
            Stat {
                median: med,
                min,
                max,
                rss_kb: rs.iter().filter_map(|r| r.rss_kb).max(),
                cpu: (cpus.len() == rs.len()).then(|| median(cpus).0),
                out_bytes: rs.last().map_or(0, |r| r.out_bytes),
            }
        })
        .collect()
}

/// drafttrail's diff succeeds with 0; git's `--no-index` diff exits 1 when files differ.
const OURS: &[i32] = &[0];
const GIT_DIFF: &[i32] = &[0, 1];

/// Measures drafttrail commands (exit 0) beside their git baseline (the last command).
fn measure_all(makes: &[&dyn Fn() -> Command]) -> Vec<Stat> {
    let n = makes.len();
    let jobs: Vec<Job<'_>> = makes
        .iter()
        .enumerate()
        .map(|(k, m)| (*m, if k + 1 == n && n > 1 { GIT_DIFF } else { OURS }, true))
        .collect();
    measure_jobs(&jobs)
}

/// Measures one command alone (no baseline to interleave with).
fn measure(make: &dyn Fn() -> Command) -> Stat {
    measure_jobs(&[(make, OURS, true)]).remove(0)
}

/// Measures one command that prints nothing when it succeeds (`import -q`).
fn measure_quiet(make: &dyn Fn() -> Command) -> Stat {
    measure_jobs(&[(make, OURS, false)]).remove(0)
}

fn drafttrail() -> PathBuf {
    let status = Command::new(env!("CARGO"))
        .args(["build", "--release", "--quiet", "--bin", "drafttrail"])
        .status()
        .expect("cargo build");
    assert!(status.success());
    Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/drafttrail")
}

fn write_pair(dir: &Path, provisions: usize) -> (PathBuf, PathBuf, u64) {
    write_pair_as(dir, provisions, false)
}

/// A generated pair, plain (`1.` points of ASCII text) or with the texture of a published
/// code (`synth::render_code`: outline headings, `L123-4` numbers, accented text).
fn write_pair_as(dir: &Path, provisions: usize, code: bool) -> (PathBuf, PathBuf, u64) {
    let (old, new) = synth::bench_pair(provisions, 42);
    let kind = if code { "code" } else { "plain" };
    let a = dir.join(format!("old-{kind}-{provisions}.md"));
    let b = dir.join(format!("new-{kind}-{provisions}.md"));
    let render = |ps: &[String]| {
        if code {
            synth::render_code("Code", ps, false)
        } else {
            synth::render("Agreement", ps)
        }
    };
    std::fs::write(&a, render(&old)).expect("write");
    std::fs::write(&b, render(&new)).expect("write");
    let size = std::fs::metadata(&a).map(|m| m.len()).unwrap_or(0);
    (a, b, size)
}

/// `drafttrail diff --no-index` in a format: `term` is the default output (uncoloured when
/// piped), the counterpart of git's `--word-diff`; `json` is the schema's full output.
fn diff_cmd(bin: &Path, a: &Path, b: &Path, format: &str) -> Command {
    let mut c = Command::new(bin);
    c.args(["diff", "--no-index", "--format", format])
        .arg(a)
        .arg(b);
    c
}

/// `diff --no-index` of a pair in the default output and in JSON, beside git's word diff.
fn measure_diff(bin: &Path, a: &Path, b: &Path) -> [Stat; 3] {
    measure_all(&[
        &|| diff_cmd(bin, a, b, "term"),
        &|| diff_cmd(bin, a, b, "json"),
        &|| git_diff_cmd(a, b),
    ])
    .try_into()
    .unwrap_or_else(|_| unreachable!("three commands, three stats"))
}

/// The timing columns of a diff row: the three times, then both ratios to git.
fn timing_cells(ours: &Stat, json: &Stat, git: &Stat) -> String {
    format!(
        "{} | {} | {} | {:.2}× | {:.2}×",
        ours.cell(),
        json.cell(),
        git.cell(),
        ours.median / git.median,
        json.median / git.median
    )
}

fn git_diff_cmd(a: &Path, b: &Path) -> Command {
    let mut c = Command::new("git");
    c.args(["diff", "--no-index", "--word-diff"]).arg(a).arg(b);
    c
}

/// The real-corpus folder beside the project (`../shared/real-corpus`), if present.
fn real_corpus() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/real-corpus");
    dir.is_dir().then_some(dir)
}

fn mb(kb: Option<u64>) -> String {
    kb.map_or("n/a".into(), |k| format!("{:.0} MB", k as f64 / 1024.0))
}

fn cpu(s: &Stat) -> String {
    s.cpu.map_or("n/a".into(), |c| format!("{:.0} ms", c * 1e3))
}

/// Real published legislation (`../shared/real-corpus`): each large pair, and the French and
/// German pairs concatenated into one, against `git diff --no-index --word-diff` on the same
/// files; and each new text against itself.
fn real_law(bin: &Path, scratch: &Path) {
    let Some(corpus) = real_corpus() else {
        println!("## Real legislation\n\n(skipped: ../shared/real-corpus is absent)\n");
        return;
    };
    let cases = [
        "fr-penal-2009-2026",
        "de-stgb-2013-2021",
        "fr-consommation-2009-2026",
    ];
    let mut pairs: Vec<(String, PathBuf, PathBuf)> = cases
        .iter()
        .map(|c| {
            (
                c.to_string(),
                corpus.join(c).join("old.md"),
                corpus.join(c).join("new.md"),
            )
        })
        .filter(|(_, a, b)| a.is_file() && b.is_file())
        .collect();
    if pairs.is_empty() {
        println!("## Real legislation\n\n(skipped: no case found)\n");
        return;
    }
    let concat = |side: &str| -> PathBuf {
        let path = scratch.join(format!("all-{side}.md"));
        let mut text = Vec::new();
        for (_, a, b) in &pairs {
            let file = if side == "old" { a } else { b };
            text.extend(std::fs::read(file).expect("read corpus file"));
            text.push(b'\n');
        }
        std::fs::write(&path, text).expect("write");
        path
    };
    let all = (
        "all of the above, concatenated".to_string(),
        concat("old"),
        concat("new"),
    );
    pairs.push(all);
    println!("## Real legislation, against `git diff --no-index --word-diff`\n");
    println!(
        "| case | size old / new | drafttrail (default) | --format json | git | default / git | json / git | CPU ours / git | output ours / git | peak RSS ours / git |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|");
    let mut selves = Vec::new();
    for (name, a, b) in &pairs {
        let [ours, json, git] = measure_diff(bin, a, b);
        let size = |p: &Path| std::fs::metadata(p).map_or(0.0, |m| m.len() as f64 / 1e6);
        println!(
            "| {name} | {:.2} / {:.2} MB | {} | {} / {} | {:.0} / {:.0} KB | {} / {} |",
            size(a),
            size(b),
            timing_cells(&ours, &json, &git),
            cpu(&ours),
            cpu(&git),
            ours.out_bytes as f64 / 1e3,
            git.out_bytes as f64 / 1e3,
            mb(ours.rss_kb.max(json.rss_kb)),
            mb(git.rss_kb),
        );
        let [same, git_pair]: [Stat; 2] =
            measure_all(&[&|| diff_cmd(bin, b, b, "term"), &|| git_diff_cmd(a, b)])
                .try_into()
                .unwrap_or_else(|_| unreachable!("two commands, two stats"));
        selves.push((name.clone(), same, git_pair));
    }
    println!(
        "\nA text against itself (parsing, exact matching, output), beside git's diff of the pair:\n"
    );
    println!("| case | drafttrail new vs new | git old vs new | ratio |\n|---|---|---|---|");
    for (name, same, git) in selves {
        println!(
            "| {name} | {} | {} | {:.2}× |",
            same.cell(),
            git.cell(),
            same.median / git.median
        );
    }
    println!();
}

fn main() {
    let quick = std::env::var_os("QUICK").is_some();
    let scale = |n: usize| if quick { (n / 16).max(100) } else { n };
    let bin = drafttrail();
    let dir = tempfile::tempdir().expect("tempdir");
    // KEEP_DIR keeps the generated files (to profile them).
    let kept = std::env::var_os("KEEP_DIR").map(PathBuf::from);
    if let Some(k) = &kept {
        std::fs::create_dir_all(k).expect("mkdir");
    }
    let d = kept.as_deref().unwrap_or(dir.path());
    let sections = std::env::var("SECTIONS")
        .unwrap_or_else(|_| "real,diff,scaling,timeline,import,identify,trace".into());
    let want = |name: &str| sections.split(',').any(|s| s.trim() == name);

    if want("real") {
        real_law(&bin, d);
    }

    if want("diff") {
        println!("## Diff of two versions, against `git diff --no-index --word-diff`\n");
        println!(
            "| provisions | size per side | drafttrail (default output) | drafttrail --format json | git | ratio default / git | ratio json / git | CPU default / json / git | output default / json / git | peak RSS ours / git |"
        );
        println!("|---|---|---|---|---|---|---|---|---|---|");
        let sizes = [3_000, 5_000, 10_000, 64_000].map(|n| (scale(n), false));
        for (n, code) in sizes.into_iter().chain([(scale(3_000), true)]) {
            let (a, b, size) = write_pair_as(d, n, code);
            let [ours, json, git] = measure_diff(&bin, &a, &b);
            let rss = ours.rss_kb.max(json.rss_kb);
            let label = if code {
                format!("{n} (code texture)")
            } else {
                n.to_string()
            };
            println!(
                "| {label} | {:.1} MB | {} | {} / {} / {} | {:.0} / {:.0} / {:.0} KB | {} / {} |",
                size as f64 / 1e6,
                timing_cells(&ours, &json, &git),
                cpu(&ours),
                cpu(&json),
                cpu(&git),
                ours.out_bytes as f64 / 1e3,
                json.out_bytes as f64 / 1e3,
                git.out_bytes as f64 / 1e3,
                mb(rss),
                mb(git.rss_kb)
            );
        }
    }

    if want("scaling") {
        println!("\n## Scaling of `diff --no-index`\n");
        println!("| provisions | median time |\n|---|---|");
        let mut points = Vec::new();
        for n in [1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 64_000].map(scale) {
            let (a, b, _) = write_pair(d, n);
            let s = measure(&|| diff_cmd(&bin, &a, &b, "json"));
            println!("| {n} | {} |", s.cell());
            points.push(((n as f64).ln(), s.median.ln()));
        }
        let k = points.len() as f64;
        let (sx, sy) = points
            .iter()
            .fold((0.0, 0.0), |(x, y), p| (x + p.0, y + p.1));
        let (mx, my) = (sx / k, sy / k);
        let num: f64 = points.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum();
        let den: f64 = points.iter().map(|p| (p.0 - mx).powi(2)).sum();
        println!(
            "\nFitted exponent (least squares on log time vs log provisions): **{:.2}**",
            num / den
        );
    }

    if want("timeline") {
        let (versions, provisions) = if quick { (20, 200) } else { (200, 2_000) };
        println!(
            "\n## Timeline of {versions} versions × {provisions} provisions, against `git log -p --word-diff`\n"
        );
        let drafts = d.join("history-drafts");
        synth::write_history(&drafts, versions, provisions, 7).expect("write drafts");
        let store = d.join("history");
        let start = Instant::now();
        import_fresh(&bin, &store, &drafts);
        let import_big = start.elapsed().as_secs_f64();
        let [ours, git]: [Stat; 2] = measure_all(&[
            &|| {
                let mut c = Command::new(&bin);
                c.arg("--repo")
                    .arg(&store)
                    .args(["timeline", "--format", "json"]);
                c
            },
            &|| {
                let mut c = Command::new("git");
                c.arg("--git-dir")
                    .arg(&store)
                    .args(["log", "-p", "--word-diff", "main"]);
                c
            },
        ])
        .try_into()
        .unwrap_or_else(|_| unreachable!("two commands, two stats"));
        println!(
            "| drafttrail timeline | git log -p --word-diff | ratio | drafttrail peak RSS |\n|---|---|---|---|"
        );
        println!(
            "| {} | {} | {:.2}× | {} |",
            ours.cell(),
            git.cell(),
            ours.median / git.median,
            ours.rss_kb
                .map_or("n/a".into(), |k| format!("{:.0} MB", k as f64 / 1024.0))
        );
        println!(
            "\n(Recording that store took {import_big:.1} s: {:.0} versions/s of {provisions} provisions.)",
            versions as f64 / import_big
        );
    }

    if want("import") {
        let n_import = if quick { 50 } else { 500 };
        println!("\n## Import of {n_import} versions of a 5 KB draft\n");
        let small = d.join("small-drafts");
        synth::write_small_history(&small, n_import, 5_000, 11).expect("write drafts");
        let stat = measure_quiet(&|| {
            // Each run records into a fresh store.
            let target = d.join("small-store");
            let _ = std::fs::remove_dir_all(&target);
            let mut c = Command::new(&bin);
            c.arg("--repo")
                .arg(&target)
                .args(["import", "--init", "-q"])
                .arg(&small)
                .env("GIT_COMMITTER_NAME", "bench");
            c
        });
        println!("| median | versions per second |\n|---|---|");
        println!("| {} | {:.0} |", stat.cell(), n_import as f64 / stat.median);
    }
    if want("identify") {
        // 200 stored versions of about 30 provisions (10 KB), one rewording apart; the text
        // to identify is a version from the middle with three commas changed.
        let n = if quick { 20 } else { 200 };
        println!("\n## identify: a text against {n} stored versions of 30 provisions\n");
        let drafts = d.join("identify-drafts");
        synth::write_small_history(&drafts, n, 10_000, 17).expect("write drafts");
        let store = d.join("identify-store");
        import_fresh(&bin, &store, &drafts);
        let middle = std::fs::read_to_string(drafts.join(format!("s{:03}.md", n / 2)))
            .expect("read a draft");
        let probe = d.join("probe.md");
        std::fs::write(&probe, middle.replacen(", ", "; ", 3)).expect("write the probe");
        let stat = measure(&|| {
            let mut c = Command::new(&bin);
            c.arg("--repo").arg(&store).arg("identify").arg(&probe);
            c
        });
        println!("| median |\n|---|\n| {} |", stat.cell());
    }
    if want("trace") {
        // A version of 1,000 provisions against 100 reference documents of 100 provisions:
        // real law where the corpus is present (the Code de la consommation traced against
        // chunks of the Code pénal, which share real formulas), generated text otherwise;
        // ten of its provisions are planted copies of reference provisions.
        let (n_refs, per_ref, n_text) = if quick {
            (10, 20, 100)
        } else {
            (100, 100, 1_000)
        };
        println!(
            "\n## trace: {n_text} provisions against {n_refs} reference documents of {per_ref} provisions\n"
        );
        let mut r = synth::Rng::new(23);
        let real = real_corpus().and_then(|c| {
            let take = |f: &str| -> Option<Vec<String>> {
                let text = std::fs::read_to_string(c.join(f)).ok()?;
                Some(
                    drafttrail::provisions::parse(&text)
                        .into_iter()
                        .map(|p| p.text.split_whitespace().collect::<Vec<_>>().join(" "))
                        .filter(|t| !t.is_empty())
                        .collect(),
                )
            };
            Some((
                take("fr-penal-2009-2026/new.md")?,
                take("fr-consommation-2009-2026/new.md")?,
            ))
        });
        let mut pool = real.as_ref().map(|(p, _)| p.iter().cycle());
        let mut next_ref = || match pool.as_mut() {
            Some(it) => it.next().cloned().unwrap_or_default(),
            None => synth::provision(&mut r),
        };
        let store = d.join("trace-store");
        let _ = std::fs::remove_dir_all(&store);
        let run = |args: &[&str]| {
            let ok = Command::new(&bin)
                .arg("--repo")
                .arg(&store)
                .args(args)
                .env("GIT_COMMITTER_NAME", "bench")
                .stdout(Stdio::null())
                .status()
                .expect("run");
            assert!(ok.success(), "{args:?}");
        };
        run(&["init"]);
        let mut planted = Vec::new();
        for k in 0..n_refs {
            let provs: Vec<String> = (0..per_ref).map(|_| next_ref()).collect();
            planted.push(provs[k % per_ref].clone());
            let file = d.join(format!("ref{k}.md"));
            std::fs::write(&file, synth::render(&format!("Reference {k}"), &provs))
                .expect("write a reference");
            run(&[
                "reference",
                "add",
                file.to_str().expect("path"),
                "--label",
                &format!("Reference {k}"),
            ]);
        }
        let mut r2 = synth::Rng::new(29);
        let mut text: Vec<String> = match &real {
            Some((_, conso)) => conso.iter().cycle().take(n_text).cloned().collect(),
            None => (0..n_text).map(|_| synth::provision(&mut r2)).collect(),
        };
        for (k, clause) in planted.iter().take(10).enumerate() {
            text[k * (n_text / 10)] = clause.clone();
        }
        let file = d.join("traced.md");
        std::fs::write(&file, synth::render("Traced", &text)).expect("write the text");
        run(&["commit", file.to_str().expect("path"), "--label", "Traced"]);
        let stat = measure(&|| {
            let mut c = Command::new(&bin);
            c.arg("--repo").arg(&store).args(["trace", "Traced"]);
            c
        });
        println!(
            "| text | median |\n|---|---|\n| {} | {} |",
            if real.is_some() {
                "real law"
            } else {
                "generated"
            },
            stat.cell()
        );
    }
    if want("export")
        && let Some(corpus) = real_corpus()
    {
        // The Code de la consommation 2009 → 2026 (about 3,000 provisions a side): the Word and
        // PDF exports beside `diff --format json` of the same pair in the same store.
        let case = corpus.join("fr-consommation-2009-2026");
        println!(
            "\n## export: Word and ODT with tracked changes, PDF, beside `diff --format json`\n"
        );
        let store = d.join("export-store");
        let _ = std::fs::remove_dir_all(&store);
        let run = |args: &[&str]| {
            let ok = Command::new(&bin)
                .arg("--repo")
                .arg(&store)
                .args(args)
                .env("GIT_COMMITTER_NAME", "bench")
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .expect("run");
            assert!(ok.success(), "{args:?}");
        };
        run(&["init"]);
        for (file, label) in [("old.md", "old"), ("new.md", "new")] {
            let path = case.join(file);
            run(&["commit", path.to_str().expect("path"), "--label", label]);
        }
        let out = d.join("export.docx");
        let pdf = d.join("export.pdf");
        let export = |format: &'static str, file: &Path, full: bool| {
            let (bin, store, file) = (bin.clone(), store.clone(), file.to_owned());
            move || {
                let mut c = Command::new(&bin);
                c.arg("--repo")
                    .arg(&store)
                    .args(["export", "old", "new", "--format", format, "--out"])
                    .arg(&file);
                if full {
                    c.arg("--full");
                }
                c
            }
        };
        let odt = d.join("export.odt");
        let (docx, pdf_changed, pdf_full, odt) = (
            export("docx", &out, false),
            export("pdf", &pdf, false),
            export("pdf", &pdf, true),
            export("odt", &odt, false),
        );
        let stats = measure_jobs(&[
            (
                &|| {
                    let mut c = Command::new(&bin);
                    c.arg("--repo").arg(&store).args([
                        "--no-pager",
                        "diff",
                        "old",
                        "new",
                        "--format",
                        "json",
                    ]);
                    c
                },
                OURS,
                true,
            ),
            (&docx, OURS, true),
            (&pdf_changed, OURS, true),
            (&pdf_full, OURS, true),
            (&odt, OURS, true),
        ]);
        println!("| export | time | export / diff --format json |\n|---|---|---|");
        println!("| (diff --format json) | {} | 1.00× |", stats[0].cell());
        for (name, stat) in [
            ("docx", &stats[1]),
            ("pdf (changed provisions)", &stats[2]),
            ("pdf --full", &stats[3]),
            ("odt", &stats[4]),
        ] {
            println!(
                "| {name} | {} | {:.2}× |",
                stat.cell(),
                stat.median / stats[0].median
            );
        }
    }
    if want("report") {
        // The report of 20 versions of a 3,000-provision code (`code::write_code`): how long
        // it takes to write, and how long headless Chromium takes to open it (the browser
        // check of tests/browser, which needs `npm ci` there and Debian's chromium).
        let browser = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser");
        println!("\n## report: 20 versions of a 3,000-provision code\n");
        let drafts = d.join("report-code");
        code::write_code(&drafts);
        let store = d.join("report-store");
        import_fresh(&bin, &store, &drafts);
        let html = d.join("report.html");
        let write = measure_quiet(&|| {
            let mut c = Command::new(&bin);
            c.arg("--repo")
                .arg(&store)
                .args(["report", "--out"])
                .arg(&html)
                .stderr(Stdio::null());
            c
        });
        let size = std::fs::metadata(&html).map_or(0, |m| m.len());
        let mut opened: Vec<f64> = Vec::new();
        if browser.join("node_modules/playwright-core").exists() {
            for _ in 0..5 {
                let out = Command::new("node")
                    .arg(browser.join("check.mjs"))
                    .arg(&html)
                    .arg(d.join("report.png"))
                    .output()
                    .expect("node runs");
                let text = String::from_utf8_lossy(&out.stdout);
                if let Some(ms) = text
                    .lines()
                    .find_map(|l| l.strip_prefix("opened in "))
                    .and_then(|l| l.trim_end_matches(" ms").parse::<f64>().ok())
                {
                    opened.push(ms);
                }
            }
        }
        opened.sort_by(f64::total_cmp);
        let open = opened
            .get(opened.len() / 2)
            .map_or("(no browser)".to_owned(), |ms| format!("{ms:.0} ms"));
        println!(
            "| write the report | size | open in Chromium (median of {}) |\n|---|---|---|",
            opened.len()
        );
        println!(
            "| {} | {:.1} MB | {open} |",
            write.cell(),
            size as f64 / 1_048_576.0
        );
    }
}
