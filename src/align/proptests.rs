//! Property tests of the alignment invariants, on generated documents weighted towards
//! renumbering, empty documents, repeated numbers and placeholders of repealed provisions.

use proptest::prelude::*;

use super::{AlignOptions, Alignment, ChangeKind, diff};

const WORDS: &[&str] = &[
    "the",
    "parties",
    "shall",
    "may",
    "ukraine",
    "russia",
    "agreement",
    "security",
    "within",
    "days",
    "forces",
    "territory",
    "commission",
    "sanctions",
    "elections",
    "guarantee",
    "reconstruction",
    "monitoring",
    "ceasefire",
    "council",
    "assets",
    "zone",
    "line",
    "contact",
    "treaty",
    "nuclear",
    "energy",
    "amnesty",
    "prisoners",
    "exchange",
    "100",
    "600,000",
];

/// A provision's text: words, or now and then the placeholder of a repealed one, which
/// repeats and pairs by number only.
fn provision() -> impl Strategy<Value = String> {
    let words = prop::collection::vec(prop::sample::select(WORDS), 3..14).prop_map(|w| {
        let mut s = w.join(" ");
        s.push('.');
        s
    });
    prop_oneof![9 => words, 1 => Just("(repealed)".to_owned())]
}

fn render(texts: &[String], first: usize, repeat_number: bool) -> String {
    texts
        .iter()
        .enumerate()
        .map(|(k, t)| {
            let n = if repeat_number && k == 1 {
                first
            } else {
                first + k
            };
            format!("{n}. {t}\n")
        })
        .collect()
}

fn check_partition(a: &Alignment) {
    if let Some(violation) = a.invariant_violation() {
        panic!("{violation}");
    }
}

/// The links of an alignment as (old ids, new ids, kind) with old/new swapped and kinds mirrored.
fn mirrored(a: &Alignment) -> Vec<(Vec<String>, Vec<String>, &'static str)> {
    let mut v: Vec<_> = a
        .changes
        .iter()
        .map(|c| {
            let kind = match c.kind {
                ChangeKind::Split => ChangeKind::Merged,
                ChangeKind::Merged => ChangeKind::Split,
                ChangeKind::Added => ChangeKind::Removed,
                ChangeKind::Removed => ChangeKind::Added,
                k => k,
            };
            let ids = |idx: &[usize], ps: &[crate::provisions::Provision]| {
                idx.iter().map(|&i| ps[i].id.clone()).collect::<Vec<_>>()
            };
            (ids(&c.new, &a.new), ids(&c.old, &a.old), kind.as_str())
        })
        .collect();
    v.sort();
    v
}

fn plain(a: &Alignment) -> Vec<(Vec<String>, Vec<String>, &'static str)> {
    let mut v: Vec<_> = a
        .changes
        .iter()
        .map(|c| {
            (
                a.old_ids(c).iter().map(|s| s.to_string()).collect(),
                a.new_ids(c).iter().map(|s| s.to_string()).collect(),
                c.kind.as_str(),
            )
        })
        .collect();
    v.sort();
    v
}

prop_compose! {
    fn version_pair()(
        texts in prop::collection::vec(provision(), 0..12),
        edits in prop::collection::vec((0usize..5, any::<prop::sample::Index>(), provision()), 0..6),
        first in prop::sample::select(vec![1usize, 1, 2, 5]),
        repeat in any::<bool>(),
    ) -> (String, String) {
        let mut new_texts = texts.clone();
        for (op, at, fresh) in edits {
            if new_texts.is_empty() { new_texts.push(fresh); continue; }
            let k = at.index(new_texts.len());
            match op {
                0 => { new_texts.remove(k); }
                1 => new_texts.insert(k, fresh),
                2 => { let t = new_texts.remove(k); let to = at.index(new_texts.len() + 1); new_texts.insert(to, t); }
                3 => { new_texts[k] = format!("{} {}", new_texts[k], fresh); }
                _ => { let t = new_texts[k].replacen("the", "a", 1); new_texts[k] = t; }
            }
        }
        (render(&texts, 1, false), render(&new_texts, first, repeat))
    }
}

prop_compose! {
    /// Like [`version_pair`], with the ground truth of the edits: for each new provision left
    /// untouched, the index of the old provision it is.
    fn traced_pair()(
        texts in prop::collection::vec(provision(), 1..12),
        edits in prop::collection::vec((0usize..4, any::<prop::sample::Index>(), provision()), 0..6),
        first in prop::sample::select(vec![1usize, 2, 5]),
    ) -> (Vec<String>, Vec<String>, usize, Vec<(usize, usize)>) {
        // Each new provision: its text and the old provision it is, if untouched.
        let mut items: Vec<(String, Option<usize>)> =
            texts.iter().cloned().enumerate().map(|(i, t)| (t, Some(i))).collect();
        for (op, at, fresh) in edits {
            if items.is_empty() { items.push((fresh, None)); continue; }
            let k = at.index(items.len());
            match op {
                0 => { items.remove(k); }
                1 => items.insert(k, (fresh, None)),
                2 => { let t = items.remove(k); let to = at.index(items.len() + 1); items.insert(to, t); }
                _ => { items[k] = (format!("{} {}", items[k].0, fresh), None); }
            }
        }
        let new_texts: Vec<String> = items.iter().map(|i| i.0.clone()).collect();
        let truth = items
            .iter()
            .enumerate()
            .filter_map(|(j, (_, origin))| origin.map(|i| (i, j)))
            .collect();
        (texts, new_texts, first, truth)
    }
}

proptest! {
    // A fixed seed: the same 200 cases on every run, so that CI is reproducible. A failure a
    // random seed finds becomes a named test below (the known ones are ignored with the issue
    // that owns them). Set PROPTEST_RNG_SEED to explore other cases.
    #![proptest_config(ProptestConfig {
        cases: 200,
        rng_seed: proptest::test_runner::RngSeed::Fixed(
            std::env::var("PROPTEST_RNG_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(20_261_202),
        ),
        ..ProptestConfig::default()
    })]

    /// A provision the edits left alone, and whose text is unique on both sides, keeps its
    /// partner (unchanged, renumbered or moved), whatever was removed, added, moved or
    /// extended around it. A placeholder's text never identifies it (it pairs by number or
    /// place, `placeholders`), unique or not.
    #[test]
    fn untouched_unique_provisions_keep_their_partner((old, new, first, truth) in traced_pair()) {
        let d = diff(&render(&old, 1, false), &render(&new, first, false), &AlignOptions::default());
        let unique = |texts: &[String], t: &String| texts.iter().filter(|x| *x == t).count() == 1;
        for (i, j) in truth {
            if !unique(&old, &old[i]) || !unique(&new, &new[j]) || d.old[i].is_placeholder() {
                continue;
            }
            let c = d.changes.iter().find(|c| c.new.contains(&j)).expect("every provision is placed");
            prop_assert_eq!(&c.old, &vec![i], "new {} ({:?}) is not old {}: {:?}", j, new[j], i, plain(&d));
            prop_assert_eq!(c.kind, ChangeKind::Unchanged);
        }
    }

    #[test]
    fn every_provision_in_exactly_one_change((a, b) in version_pair()) {
        check_partition(&diff(&a, &b, &AlignOptions::default()));
    }

    #[test]
    fn identical_documents_are_all_unchanged((a, _) in version_pair()) {
        let d = diff(&a, &a, &AlignOptions::default());
        prop_assert!(d.changes.iter().all(|c| c.kind == ChangeKind::Unchanged && !c.renumbered && !c.moved));
    }

    #[test]
    fn reversing_the_diff_mirrors_it((a, b) in version_pair()) {
        let forward = diff(&a, &b, &AlignOptions::default());
        let backward = diff(&b, &a, &AlignOptions::default());
        prop_assert_eq!(mirrored(&forward), plain(&backward));
    }

    /// Phrase redlines still tile both texts exactly.
    #[test]
    fn phrase_redlines_tile_both_texts(a in "[a-c ,.\n]{0,60}", b in "[a-c ,.\n]{0,60}") {
        let spans = crate::redline::phrases(crate::redline::words(&a, &b));
        prop_assert_eq!(crate::redline::sides(&spans), (a, b));
    }

    /// Provisions that share nothing but stop words are never linked, however they sit.
    #[test]
    fn stop_words_alone_never_link(
        stops in prop::collection::vec(prop::sample::select(vec!["the", "of", "and", "shall", "will", "to", "in", "with"]), 1..6),
        n in 1usize..6,
    ) {
        let glue = stops.join(" ");
        let old: Vec<String> = (0..n).map(|k| format!("{glue} alpha{k} beta{k} gamma{k}")).collect();
        let new: Vec<String> = (0..n).map(|k| format!("{glue} delta{k} epsilon{k} zeta{k}")).collect();
        let d = diff(&render(&old, 1, false), &render(&new, 1, false), &AlignOptions::default());
        prop_assert!(d.changes.iter().all(|c| c.old.is_empty() || c.new.is_empty()), "{:?}", plain(&d));
    }

    #[test]
    fn renumbering_alone_is_never_a_rewording(
        texts in prop::collection::vec(provision(), 1..12),
        shift in 1usize..30,
    ) {
        let d = diff(&render(&texts, 1, false), &render(&texts, 1 + shift, false), &AlignOptions::default());
        prop_assert!(d.changes.iter().all(|c| c.kind == ChangeKind::Unchanged && c.renumbered && !c.moved));
    }

    /// The layout of a Word export reads as the old text with every change rejected and as
    /// the new text with every change accepted, byte for byte, whatever moved, split or merged.
    #[test]
    fn export_layout_reads_as_both_texts((old, new) in version_pair()) {
        let d = diff(&old, &new, &AlignOptions::default());
        let pieces = crate::export::layout(&d, &old, &new);
        prop_assert_eq!(crate::export::state(&pieces, false), old);
        prop_assert_eq!(crate::export::state(&pieces, true), new);
    }
}

/// Found by `reversing_the_diff_mirrors_it` with a random seed: a split candidate and a merge
/// candidate that claim the same provision, where splits used to be taken first (so one
/// direction found a split and the other a split too, not its mirror). Groups are now taken
/// by size and score whichever side they are on.
#[test]
fn reversing_mirrors_a_merge_of_stop_words() {
    let a = "1. energy elections commission territory security parties the.\n2. the parties guarantee.\n";
    let b = "1. the territory the.\n2. the parties guarantee. security energy commission.\n";
    let forward = diff(a, b, &AlignOptions::default());
    let backward = diff(b, a, &AlignOptions::default());
    assert_eq!(plain(&forward), mirrored(&backward));
}

/// Found with other seeds: two candidates for one provision score the same but for the
/// rounding of sums taken in another order in each direction (0.20966943467853377 against
/// …374), so each direction took a different one. Scores are compared as ranks now.
#[test]
fn reversing_mirrors_a_tie_broken_by_rounding() {
    let a = "1. the the line days russia sanctions days ceasefire nuclear.\n";
    let b = "1. agreement commission guarantee nuclear security forces elections days nuclear.\n2. elections agreement territory sanctions ukraine reconstruction line sanctions contact.\n";
    let forward = diff(a, b, &AlignOptions::default());
    let backward = diff(b, a, &AlignOptions::default());
    assert_eq!(plain(&forward), mirrored(&backward));
}

/// Found with other seeds: two crossing pairs of equal score whose positions mirror each
/// other (old 1–new 2 and old 2–new 1), so that no tie-break by position can tell them apart
/// the same way in both directions; the texts' hashes do.
#[test]
fn reversing_mirrors_crossing_pairs_of_equal_score() {
    let a = "1. forces russia commission.\n2. monitoring sanctions territory sanctions contact line council elections.\n";
    let b = "1. territory ukraine shall days agreement shall reconstruction monitoring line security.\n2. forces russia commission. council sanctions days assets. assets agreement parties days guarantee guarantee.\n";
    let forward = diff(a, b, &AlignOptions::default());
    let backward = diff(b, a, &AlignOptions::default());
    assert_eq!(plain(&forward), mirrored(&backward));
}

/// Found with another seed: two chains of pairs kept in order, equally long, and the one kept
/// depended on which side was old (patience sorting keeps the chain ending earliest). Of two
/// equally long chains, the one whose pairs kept their relative places is kept now.
#[test]
fn reversing_mirrors_which_provision_moved() {
    let a = "1. the the the.\n2. commission the the contact ceasefire the.\n3. the the the.\n4. the the the.\n5. agreement days zone.\n6. line the the.\n7. 600,000 ukraine agreement council.\n8. ukraine days contact ukraine.\n";
    let b = "1. the the the.\n2. the the the.\n3. the the the.\n4. contact 600,000 the.\n5. agreement days zone. contact ukraine the.\n6. line the the.\n7. ukraine days contact ukraine.\n";
    let forward = diff(a, b, &AlignOptions::default());
    let backward = diff(b, a, &AlignOptions::default());
    assert_eq!(plain(&forward), mirrored(&backward));
}
