//! The driver: runs the steps in order and builds the changes.

use super::assign::{self, By, Pairs};
use super::text::Features;
use super::{
    AlignOptions, Alignment, Change, ChangeKind, Why, candidates, order, placeholders, split_merge,
    tags,
};
use crate::provisions::{self, Provision};
use crate::redline;

/// A change before flags and redline: kind, old indexes, new indexes, and the pass that
/// paired a one-to-one change.
type RawChange = (ChangeKind, Vec<usize>, Vec<usize>, Option<By>);

/// Parses two texts into provisions and aligns them.
///
/// ```
/// use drafttrail::align::{diff, AlignOptions, ChangeKind};
/// let a = "1. The Parties shall notify the Secretariat within 30 days.\n2. Full amnesty for all.\n";
/// let b = "1. Full amnesty for all.\n2. The Parties shall notify the Secretariat within 60 days.\n";
/// let d = diff(a, b, &AlignOptions::default());
/// assert_eq!(d.summary().reworded, 1);
/// assert!(d.changes.iter().any(|c| c.kind == ChangeKind::Unchanged && c.renumbered));
/// ```
pub fn diff(old: &str, new: &str, opts: &AlignOptions) -> Alignment {
    // The same bytes are the same provisions: parse once (a re-circulated text, or a file
    // compared with itself).
    if old == new {
        let a = provisions::parse(old);
        return align(a.clone(), a, opts);
    }
    // Large texts are parsed side by side on two threads (measured by the benchmark suite).
    if old.len() + new.len() < PARALLEL_PARSE_BYTES {
        return align(provisions::parse(old), provisions::parse(new), opts);
    }
    let (a, b) = std::thread::scope(|s| {
        let handle = s.spawn(|| provisions::parse(old));
        let b = provisions::parse(new);
        match handle.join() {
            Ok(a) => (a, b),
            Err(panic) => std::panic::resume_unwind(panic),
        }
    });
    align(a, b, opts)
}

/// Combined size above which both texts are parsed in parallel.
const PARALLEL_PARSE_BYTES: usize = 512 * 1024;

/// Aligns two lists of provisions.
pub fn align(old: Vec<Provision>, new: Vec<Provision>, opts: &AlignOptions) -> Alignment {
    let mut pairs = Pairs::new(old.len(), new.len());
    assign::pins(&old, &new, &opts.pins, &mut pairs);
    assign::exact(&old, &new, &mut pairs);
    // A placeholder left over (`(weggefallen)` with no placeholder of its number on the other
    // side) is paired by its place or not at all: its words are every placeholder's words.
    let in_play = |paired: &[Option<usize>], side: &[Provision]| -> Vec<bool> {
        paired
            .iter()
            .zip(side)
            .map(|(x, p)| x.is_none() && !p.is_placeholder())
            .collect()
    };
    let old_free = in_play(&pairs.old_to_new, &old);
    let new_free = in_play(&pairs.new_to_old, &new);
    // Pinned pairs keep their bags: they may still gain split pieces or merged provisions.
    let mut old_bagged = old_free.clone();
    let mut new_bagged = new_free.clone();
    for (i, j) in pinned_indexes(&old, &new, &opts.pins) {
        old_bagged[i] = true;
        new_bagged[j] = true;
    }
    let f = Features::new(&old, &new, &old_bagged, &new_bagged, opts.langs);
    let cands = candidates::candidates(&f, &old_free, &new_free, opts.max_candidates);
    assign::greedy(&f, &cands, opts.threshold, &mut pairs);
    assign::context(&f, (&old, &new), &cands, opts.context_threshold, &mut pairs);
    assign::openings(&old, &new, &mut pairs);
    placeholders::pair(&old, &new, &mut pairs);
    let groups = split_merge::find(&f, &cands, opts.containment, &mut pairs);

    let mut raw: Vec<RawChange> = Vec::new();
    let mut placed_old = vec![false; old.len()];
    let mut placed_new = vec![false; new.len()];
    for (i, j) in pairs.old_to_new.iter().enumerate() {
        if let Some(j) = *j {
            let kind = if same_but_spacing(&old[i].text, &new[j].text)
                || (opts.ignore_all_space && same_but_any_space(&old[i].text, &new[j].text))
            {
                ChangeKind::Unchanged
            } else {
                ChangeKind::Reworded
            };
            raw.push((kind, vec![i], vec![j], pairs.by[i]));
        }
    }
    for (i, news) in groups.splits {
        raw.push((ChangeKind::Split, vec![i], news, None));
    }
    for (j, olds) in groups.merges {
        raw.push((ChangeKind::Merged, olds, vec![j], None));
    }
    for (_, os, ns, _) in &raw {
        os.iter().for_each(|&i| placed_old[i] = true);
        ns.iter().for_each(|&j| placed_new[j] = true);
    }
    for (j, placed) in placed_new.iter().enumerate() {
        if !placed {
            raw.push((ChangeKind::Added, vec![], vec![j], None));
        }
    }
    for (i, placed) in placed_old.iter().enumerate() {
        if !placed {
            raw.push((ChangeKind::Removed, vec![i], vec![], None));
        }
    }
    let raw = order(raw, old.len());

    // Moved: taken into another part of the outline (another chapter, title, annex); then,
    // among the others, linked changes outside the longest chain that keeps old order in new
    // order. A provision that changed chapter is the one that moved, not its neighbours.
    let linked: Vec<usize> = (0..raw.len())
        .filter(|&k| !raw[k].1.is_empty() && !raw[k].2.is_empty())
        .collect();
    let links: Vec<(usize, usize)> = linked.iter().map(|&k| (raw[k].1[0], raw[k].2[0])).collect();
    let mut moved = vec![false; raw.len()];
    for (&k, across) in linked.iter().zip(order::across_places(&old, &new, &links)) {
        moved[k] = across;
    }
    let stayed: Vec<usize> = linked.iter().copied().filter(|&k| !moved[k]).collect();
    let keys: Vec<usize> = stayed.iter().map(|&k| raw[k].1[0]).collect();
    let weights: Vec<f64> = stayed
        .iter()
        .map(|&k| order::stays(raw[k].1[0], raw[k].2[0], old.len(), new.len()))
        .collect();
    for (&k, kept) in stayed.iter().zip(order::in_order(&keys, &weights)) {
        moved[k] = !kept;
    }

    let build_all = |part: Vec<(usize, RawChange)>| -> Vec<Change> {
        part.into_iter()
            .map(|(k, raw)| build(&old, &new, &f, raw, moved[k], opts.raw_redline))
            .collect()
    };
    let mut raw: Vec<(usize, RawChange)> = raw.into_iter().enumerate().collect();
    // Word diffs of reworded pairs dominate large diffs and are independent: two threads
    // (measured: `cargo bench --bench suite`). Output is identical whatever the split.
    let reworded = raw
        .iter()
        .filter(|(_, c)| c.0 != ChangeKind::Unchanged)
        .count();
    let changes = if reworded >= PARALLEL_MIN {
        // Split where half the word-diff work is done, not at half the changes: unchanged
        // provisions cost nothing, and they are not spread evenly.
        let cost = |(_, (kind, os, ns, _)): &(usize, RawChange)| -> usize {
            if *kind == ChangeKind::Unchanged {
                return 1;
            }
            let len = |ps: &[Provision], idx: &[usize]| -> usize {
                idx.iter().map(|&i| ps[i].text.len()).sum()
            };
            len(&old, os) + len(&new, ns)
        };
        let total: usize = raw.iter().map(cost).sum();
        let mut done = 0;
        let half = raw
            .iter()
            .position(|c| {
                done += cost(c);
                done * 2 >= total
            })
            .map_or(raw.len(), |k| k + 1);
        let second = raw.split_off(half);
        std::thread::scope(|s| {
            let handle = s.spawn(|| build_all(second));
            let mut first = build_all(raw);
            match handle.join() {
                Ok(rest) => first.extend(rest),
                Err(panic) => std::panic::resume_unwind(panic),
            }
            first
        })
    } else {
        build_all(raw)
    };
    let mut changes = changes;
    // A partial text says nothing of what it lacks: no added or removed across it.
    let [old_partial, new_partial] = opts.partial;
    if old_partial || new_partial {
        for c in &mut changes {
            if (c.kind == ChangeKind::Removed && new_partial)
                || (c.kind == ChangeKind::Added && old_partial)
            {
                c.kind = ChangeKind::NotCovered;
            }
        }
    }
    Alignment { old, new, changes }
}

/// Changed provisions above which word diffs run on two threads.
const PARALLEL_MIN: usize = 256;

fn pinned_indexes(
    old: &[Provision],
    new: &[Provision],
    pins: &[(String, String)],
) -> Vec<(usize, usize)> {
    pins.iter()
        .filter_map(|(a, b)| {
            let i = old.iter().position(|p| &p.id == a)?;
            let j = new.iter().position(|p| &p.id == b)?;
            Some((i, j))
        })
        .collect()
}

/// Whether two texts differ at most in their whitespace (line breaks, blank lines,
/// indentation, runs of spaces): a republished layout, not a change of wording.
fn same_but_spacing(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let mut x = a.split_whitespace();
    let mut y = b.split_whitespace();
    loop {
        match (x.next(), y.next()) {
            (None, None) => return true,
            (Some(p), Some(q)) if p == q => {}
            _ => return false,
        }
    }
}

/// Whether two texts are equal once all whitespace is removed (`-w`).
fn same_but_any_space(a: &str, b: &str) -> bool {
    let strip = |t: &str| t.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    strip(a) == strip(b)
}

/// Sorts changes in new-document order; a removed provision goes right after the change that
/// holds the nearest preceding old provision (removed ones keep old order among themselves).
fn order(raw: Vec<RawChange>, n_old: usize) -> Vec<RawChange> {
    let mut anchor_of_old: Vec<Option<usize>> = vec![None; n_old];
    for (_, os, ns, _) in &raw {
        if let Some(&j) = ns.first() {
            for &i in os {
                anchor_of_old[i] = Some(j);
            }
        }
    }
    // The anchor of a removed provision is that of the nearest linked old provision before
    // it: one forward pass, not a search backwards per removal (quadratic when most of a long
    // document is removed).
    let mut nearest_before: Vec<isize> = Vec::with_capacity(n_old);
    let mut last = -1;
    for anchor in &anchor_of_old {
        nearest_before.push(last);
        if let Some(j) = anchor {
            last = *j as isize;
        }
    }
    let mut keyed: Vec<((isize, usize), RawChange)> = raw
        .into_iter()
        .map(|c| {
            let key = match c.2.first() {
                Some(&j) => (j as isize, 0),
                None => {
                    let i = c.1[0];
                    (nearest_before[i], 1 + i)
                }
            };
            (key, c)
        })
        .collect();
    keyed.sort_by_key(|(k, _)| *k);
    keyed.into_iter().map(|(_, c)| c).collect()
}

fn build(
    old: &[Provision],
    new: &[Provision],
    f: &Features,
    (kind, os, ns, by): RawChange,
    moved: bool,
    raw_redline: bool,
) -> Change {
    let join = |ps: &[Provision], idx: &[usize]| -> std::sync::Arc<str> {
        match idx {
            [one] => ps[*one].text.clone(),
            _ => idx
                .iter()
                .map(|&i| &*ps[i].text)
                .collect::<Vec<_>>()
                .join("\n")
                .into(),
        }
    };
    let redline = redline::words_shared(&join(old, &os), &join(new, &ns));
    let renumbered = match (os.first(), ns.first()) {
        (Some(&i), Some(&j)) => !old[i].same_number(&new[j]),
        _ => false,
    };
    let key = |ps: &[Provision], idx: &[usize]| idx.iter().map(|&i| ps[i].key).collect::<Vec<_>>();
    // The same words (an editorial change): as similar as words can be.
    let same_words = kind != ChangeKind::Unchanged && key(old, &os) == key(new, &ns);
    let similarity = match kind {
        ChangeKind::Unchanged => 1.0,
        ChangeKind::Added | ChangeKind::Removed => 0.0,
        _ if same_words => 1.0,
        _ => f.group_similarity(&os, &ns),
    };
    let tags = match kind {
        // A repeal in place deletes every number, name and date: it is not a rewording of them.
        _ if matches!(by, Some(By::Placeholder)) => Vec::new(),
        ChangeKind::Reworded | ChangeKind::Split | ChangeKind::Merged => {
            // In a language that capitalises every noun, capitals do not mark names.
            let names_by_capitals = !f.langs.iter().flatten().any(|l| l.capitalises_nouns());
            tags::classify(&redline, same_words, names_by_capitals)
        }
        _ => Vec::new(),
    };
    // Tags read the word-by-word redline, so they do not depend on how it is shown.
    let redline = if raw_redline || kind == ChangeKind::Unchanged {
        redline
    } else {
        redline::phrases(redline)
    };
    let why = why(f, kind, &os, &ns, by, same_words);
    Change {
        kind,
        old: os,
        new: ns,
        renumbered,
        moved,
        similarity,
        tags,
        redline,
        why,
    }
}

/// Shared words an explanation lists.
const SHARED_SHOWN: usize = 5;

fn why(
    f: &Features,
    kind: ChangeKind,
    os: &[usize],
    ns: &[usize],
    by: Option<By>,
    same_words: bool,
) -> Option<Why> {
    Some(match kind {
        ChangeKind::Added | ChangeKind::Removed => return None,
        ChangeKind::Split => Why::Split {
            coverage: f.coverage(os, ns, true),
        },
        ChangeKind::Merged => Why::Merge {
            coverage: f.coverage(os, ns, false),
        },
        _ if by.is_some_and(|b| matches!(b, By::Pin)) => Why::Pin,
        ChangeKind::Unchanged => Why::Exact,
        _ if same_words => Why::Editorial,
        _ => match by {
            Some(By::Context { after, before }) => Why::Context {
                after,
                before,
                shared: f.shared_words(os, ns, SHARED_SHOWN),
            },
            Some(By::Placeholder) => Why::Placeholder,
            Some(By::Containment) => Why::Containment {
                coverage: f.coverage(os, ns, true).max(f.coverage(os, ns, false)),
            },
            _ => Why::Similar {
                shared: f.shared_words(os, ns, SHARED_SHOWN),
            },
        },
    })
}
