//! Accuracy harness: link precision, recall and F1 of drafttrail's alignment on generated
//! version pairs with known ground truth, per mutation kind and rewording level, beside a
//! positional baseline (what a line diff implies: unchanged lines pair up, and inside each
//! changed block provisions pair by position).
//!
//! A second table scores the same engine on real published legislation
//! (`../shared/real-corpus`: each case's `old.md`, `new.md` and `truth.json`, judged within the
//! truth's scope as `score.py` does), beside the positional baseline; it is skipped when that
//! folder is absent.
//!
//! Run: `cargo run --release --example accuracy`

#[path = "../benches/synth.rs"]
mod synth;

#[path = "../tests/gold/score.rs"]
#[allow(dead_code)]
mod gold;

use std::collections::HashSet;

use drafttrail::align::{self, AlignOptions, ChangeKind};
use similar::{Algorithm, DiffOp, capture_diff_slices};
use synth::{MUTATIONS, Mutation, Rng};

const PROVISIONS: usize = 60;
const TRIALS: u64 = 20;
const LEVELS: [f64; 6] = [0.0, 0.1, 0.2, 0.3, 0.4, 0.5];

#[derive(Default, Clone, Copy)]
struct Counts {
    tp: usize,
    predicted: usize,
    truth: usize,
    group_found: usize,
    group_truth: usize,
}

impl Counts {
    fn add(
        &mut self,
        predicted: &HashSet<(usize, usize)>,
        truth: &[(usize, usize)],
        groups: &[(usize, usize)],
    ) {
        let t: HashSet<_> = truth.iter().copied().collect();
        self.tp += predicted.intersection(&t).count();
        self.predicted += predicted.len();
        self.truth += t.len();
        self.group_found += groups.iter().filter(|l| predicted.contains(l)).count();
        self.group_truth += groups.len();
    }
    fn prf(&self) -> (f64, f64, f64) {
        let p = if self.predicted == 0 {
            1.0
        } else {
            self.tp as f64 / self.predicted as f64
        };
        let r = if self.truth == 0 {
            1.0
        } else {
            self.tp as f64 / self.truth as f64
        };
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (p, r, f)
    }
}

fn engine_links(old: &str, new: &str) -> HashSet<(usize, usize)> {
    let d = align::diff(old, new, &AlignOptions::default());
    // Provision index 0 is the title (preamble) on both sides; generated indexes start after it.
    let mut links = HashSet::new();
    for c in d
        .changes
        .iter()
        .filter(|c| c.kind != ChangeKind::Added && c.kind != ChangeKind::Removed)
    {
        for &i in &c.old {
            for &j in &c.new {
                if i > 0 && j > 0 {
                    links.insert((i - 1, j - 1));
                }
            }
        }
    }
    links
}

fn baseline_links(old: &[String], new: &[String]) -> HashSet<(usize, usize)> {
    let mut links = HashSet::new();
    for op in capture_diff_slices(Algorithm::Myers, old, new) {
        match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => {
                for k in 0..len {
                    links.insert((old_index + k, new_index + k));
                }
            }
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                for k in 0..old_len.min(new_len) {
                    links.insert((old_index + k, new_index + k));
                }
            }
            _ => {}
        }
    }
    links
}

/// Links of one real case, by provision id, with the positional baseline's.
fn real_case(dir: &std::path::Path) -> Option<(String, Counts, Counts)> {
    let read = |f: &str| std::fs::read_to_string(dir.join(f)).ok();
    let (old, new, truth) = (read("old.md")?, read("new.md")?, read("truth.json")?);
    let truth: serde_json::Value = serde_json::from_str(&truth).ok()?;
    let pairs = |key: &str| -> HashSet<(String, String)> {
        truth[key]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|p| Some((p[0].as_str()?.to_owned(), p[1].as_str()?.to_owned())))
                    .collect()
            })
            .unwrap_or_default()
    };
    let ids = |side: &str| -> Option<HashSet<String>> {
        truth["scope"][side].as_array().map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_owned))
                .collect()
        })
    };
    let (scope_old, scope_new) = (ids("old"), ids("new"));
    let (gold, optional, forbidden) = (pairs("pairs"), pairs("optional"), pairs("forbidden"));
    let in_scope = |l: &(String, String)| {
        scope_old.as_ref().is_none_or(|s| s.contains(&l.0))
            || scope_new.as_ref().is_some_and(|s| s.contains(&l.1))
    };
    let judge = |predicted: HashSet<(String, String)>, show: bool| -> Counts {
        let gold: Vec<&(String, String)> = gold
            .iter()
            .filter(|l| in_scope(l) && !optional.contains(*l))
            .collect();
        let judged: HashSet<&(String, String)> = predicted
            .iter()
            .filter(|l| (in_scope(l) || forbidden.contains(*l)) && !optional.contains(*l))
            .collect();
        if show && std::env::var_os("ACCURACY_WRONG").is_some() {
            for l in judged.iter().filter(|l| !gold.contains(l)) {
                eprintln!("wrong link {} → {}", l.0, l.1);
            }
        }
        Counts {
            tp: gold.iter().filter(|l| judged.contains(**l)).count(),
            predicted: judged.len(),
            truth: gold.len(),
            ..Counts::default()
        }
    };
    let d = align::diff(&old, &new, &AlignOptions::default());
    let mut ours = HashSet::new();
    for c in &d.changes {
        for &i in &c.old {
            for &j in &c.new {
                ours.insert((d.old[i].id.clone(), d.new[j].id.clone()));
            }
        }
    }
    // Positional baseline over the same provisions, compared by their full text (number
    // included), as a line diff would.
    let texts = |doc: &str, ps: &[drafttrail::provisions::Provision]| -> Vec<String> {
        ps.iter()
            .map(|p| doc[p.span.clone()].trim().to_owned())
            .collect()
    };
    let base_idx = baseline_links(&texts(&old, &d.old), &texts(&new, &d.new));
    let base = base_idx
        .into_iter()
        .map(|(i, j)| (d.old[i].id.clone(), d.new[j].id.clone()))
        .collect();
    let name = dir.file_name()?.to_string_lossy().into_owned();
    Some((name, judge(ours, true), judge(base, false)))
}

fn real_corpus() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/real-corpus");
    let Ok(entries) = std::fs::read_dir(&root) else {
        println!("(real corpus skipped: ../shared/real-corpus is absent)\n");
        return;
    };
    let mut dirs: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    dirs.sort();
    println!("| real case | drafttrail P | R | F1 | baseline F1 |");
    println!("|---|---|---|---|---|");
    for dir in dirs {
        if let Some((name, ours, base)) = real_case(&dir) {
            let (p, r, f) = ours.prf();
            println!(
                "| {name} | {p:.3} | {r:.3} | {f:.3} | {:.3} |",
                base.prf().2
            );
        }
    }
    println!();
}

/// The same mutations on documents with the texture of real codes (`synth::render_code`):
/// outline headings, hyphenated prefixed numbers, accents, and one trial in four in Cyrillic.
fn textured() {
    println!();
    println!("| mutation (code texture) | reworded | drafttrail P | R | F1 |");
    println!("|---|---|---|---|---|");
    for m in MUTATIONS {
        for (li, &level) in LEVELS.iter().enumerate().step_by(2) {
            let mut ours = Counts::default();
            for trial in 0..TRIALS {
                let mut r = Rng::new(trial * 1_000_003 + li as u64 * 7919 + m as u64 * 104_729);
                let old = synth::code_provisions(&mut r, PROVISIONS);
                let count = if m == Mutation::Reword { 0 } else { 5 };
                let pair = synth::mutate(&mut r, &old, m, count, level);
                let cyrillic = trial % 4 == 3;
                let a = synth::render_code("Code", &pair.old, cyrillic);
                let b = synth::render_code("Code", &pair.new, cyrillic);
                ours.add(&engine_links(&a, &b), &pair.links, &pair.group_links);
            }
            let (p, r, f) = ours.prf();
            println!(
                "| {m:?} | {:.0}% | {p:.3} | {r:.3} | {f:.3} |",
                level * 100.0
            );
        }
    }
}

/// The sample corpus against its hand-made gold (`tests/gold`): links and tags.
fn sample_gold() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let scores = gold::score(root, &AlignOptions::default());
    println!("| sample pair | P | R | F1 | misses |");
    println!("|---|---|---|---|---|");
    for s in &scores {
        println!(
            "| {} | {:.3} | {:.3} | {:.3} | {} |",
            s.name,
            s.links.precision(),
            s.links.recall(),
            s.links.f1(),
            s.misses.join("; ")
        );
    }
    let t = gold::total(&scores);
    println!(
        "| **all** | {:.3} | {:.3} | {:.3} | |",
        t.precision(),
        t.recall(),
        t.f1()
    );
    if std::env::var_os("ACCURACY_WRONG").is_some() {
        for s in &scores {
            for m in &s.tag_misses {
                eprintln!("{}: {m}", s.name);
            }
        }
    }
    // Readability: changed runs per 100 words of the reworded pairs' redlines, raw and as
    // phrases.
    let texts = gold::drafts(root);
    let pairs: Vec<(String, String)> = scores
        .iter()
        .filter_map(|s| {
            let (a, b) = s.name.split_once(" → ")?;
            Some((texts.get(a)?.clone(), texts.get(b)?.clone()))
        })
        .collect();
    let runs = |raw: bool| {
        let opts = AlignOptions {
            raw_redline: raw,
            ..AlignOptions::default()
        };
        let (mut runs, mut words) = (0, 0);
        for (a, b) in &pairs {
            for c in align::diff(a, b, &opts)
                .changes
                .iter()
                .filter(|c| c.kind == ChangeKind::Reworded)
            {
                let (r, w) = drafttrail::redline::runs_per_100_words(&c.redline);
                runs += r;
                words += w;
            }
        }
        100.0 * runs as f64 / words.max(1) as f64
    };
    println!();
    println!(
        "Changed runs per 100 words of reworded redlines: raw {:.2}, phrases {:.2}",
        runs(true),
        runs(false)
    );
    println!();
    println!("| tag | precision | recall | given | expected |");
    println!("|---|---|---|---|---|");
    for (tag, (both, given, want)) in gold::total_tags(&scores) {
        let r = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
        println!(
            "| {tag} | {:.3} | {:.3} | {given} | {want} |",
            r(both, given),
            r(both, want)
        );
    }
    println!();
}

fn main() {
    sample_gold();
    if std::env::args().any(|a| a == "--gold") {
        return;
    }
    real_corpus();
    println!(
        "| mutation | reworded | drafttrail P | R | F1 | split/merge recall | baseline P | R | F1 |"
    );
    println!("|---|---|---|---|---|---|---|---|---|");
    let mut overall = [Counts::default(); LEVELS.len()];
    for m in MUTATIONS {
        for (li, &level) in LEVELS.iter().enumerate() {
            let mut ours = Counts::default();
            let mut base = Counts::default();
            for trial in 0..TRIALS {
                let mut r = Rng::new(trial * 1_000_003 + li as u64 * 7919 + m as u64 * 104_729);
                let old: Vec<String> = (0..PROVISIONS).map(|_| synth::provision(&mut r)).collect();
                let count = if m == Mutation::Reword { 0 } else { 5 };
                let pair = synth::mutate(&mut r, &old, m, count, level);
                let a = synth::render("Agreement", &pair.old);
                let b = synth::render("Agreement", &pair.new);
                ours.add(&engine_links(&a, &b), &pair.links, &pair.group_links);
                base.add(
                    &baseline_links(&pair.old, &pair.new),
                    &pair.links,
                    &pair.group_links,
                );
            }
            let add = &mut overall[li];
            add.tp += ours.tp;
            add.predicted += ours.predicted;
            add.truth += ours.truth;
            let (p, r, f) = ours.prf();
            let (bp, br, bf) = base.prf();
            let groups = if ours.group_truth == 0 {
                "—".to_owned()
            } else {
                format!("{:.3}", ours.group_found as f64 / ours.group_truth as f64)
            };
            println!(
                "| {m:?} | {:.0}% | {p:.3} | {r:.3} | {f:.3} | {groups} | {bp:.3} | {br:.3} | {bf:.3} |",
                level * 100.0
            );
        }
    }
    textured();
    println!();
    println!("| reworded | drafttrail F1, all mutations |");
    println!("|---|---|");
    for (li, c) in overall.iter().enumerate() {
        println!("| {:.0}% | {:.3} |", LEVELS[li] * 100.0, c.prf().2);
    }
}
