//! Accuracy harness: link precision, recall and F1 of drafttrail's alignment on generated
//! version pairs with known ground truth, per mutation kind and rewording level, beside a
//! positional baseline (what a line diff implies: unchanged lines pair up, and inside each
//! changed block provisions pair by position).
//!
//! Run: `cargo run --release --example accuracy`

#[path = "../benches/synth.rs"]
mod synth;

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

fn main() {
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
    println!();
    println!("| reworded | drafttrail F1, all mutations |");
    println!("|---|---|");
    for (li, c) in overall.iter().enumerate() {
        println!("| {:.0}% | {:.3} |", LEVELS[li] * 100.0, c.prf().2);
    }
}
