//! The order step: which pairs keep their relative order (a longest increasing subsequence)
//! and which moved, in the sequence or to another place in the outline.

use std::collections::HashMap;

use crate::hash::FxBuild;
use crate::provisions::Provision;

/// How much a pair (old `i`, new `j`) has kept its place: 1 less the change of its relative
/// position. Of two provisions that swapped places around others, the one whose relative
/// place changed more is the one that moved.
pub(super) fn stays(i: usize, j: usize, n_old: usize, n_new: usize) -> f64 {
    let at = |k: usize, n: usize| k as f64 / n.max(1) as f64;
    1.0 - (at(i, n_old) - at(j, n_new)).abs()
}

/// Returns a mask over `keys` (distinct values): `true` for the keys in one longest increasing
/// subsequence, `false` for those that left it (moved). Among equally long chains, the one of
/// greatest total `weight` ([`stays`]: the pairs that kept their relative place) wins;
/// the choice then depends on the pairs, not on which side is old, so diffing B against A
/// calls the same provision moved as A against B. O(n log n): a Fenwick tree over the keys
/// holds the best chain ending below each key.
pub(super) fn in_order(keys: &[usize], weight: &[f64]) -> Vec<bool> {
    let size = keys.iter().max().map_or(0, |&m| m + 1);
    // Best (length, weight rank, index) of a chain ending at a key ≤ the slot's range.
    type Best = (usize, i64, Option<usize>);
    let mut tree: Vec<Best> = vec![(0, 0, None); size + 1];
    let mut prev: Vec<Option<usize>> = vec![None; keys.len()];
    let mut score: Vec<(usize, i64)> = vec![(0, 0); keys.len()];
    // Equal chains: the one ending at the smaller key, as patience sorting keeps.
    let end = |b: &Best| b.2.map_or(usize::MAX, |i| keys[i]);
    let better = |a: &Best, b: &Best| {
        (a.0, a.1, std::cmp::Reverse(end(a))) > (b.0, b.1, std::cmp::Reverse(end(b)))
    };
    for (i, &k) in keys.iter().enumerate() {
        // The best chain over keys below k.
        let mut best: Best = (0, 0, None);
        let mut at = k;
        while at > 0 {
            if better(&tree[at], &best) {
                best = tree[at];
            }
            at &= at - 1;
        }
        let w = super::text::rank(weight.get(i).copied().unwrap_or(0.0));
        let mine: Best = (best.0 + 1, best.1 + w, Some(i));
        prev[i] = best.2;
        score[i] = (mine.0, mine.1);
        let mut at = k + 1;
        while at <= size {
            if better(&mine, &tree[at]) {
                tree[at] = mine;
            }
            at += at & at.wrapping_neg();
        }
    }
    let mut mask = vec![false; keys.len()];
    let mut cur =
        (0..keys.len()).max_by(|&a, &b| score[a].cmp(&score[b]).then(keys[b].cmp(&keys[a])));
    while let Some(i) = cur {
        mask[i] = true;
        cur = prev[i];
    }
    mask
}

/// Returns, for each link (old index, new index), whether it left its place against the grain:
/// its new place is not where most of its old place's provisions went, or its old place is not
/// where most of its new place's provisions came from. A chapter renamed or renumbered as a
/// whole moves nothing; an article taken into another chapter moves. Links whose old or new
/// provision has no place (a document without outline) never move here.
pub(super) fn across_places(
    old: &[Provision],
    new: &[Provision],
    links: &[(usize, usize)],
) -> Vec<bool> {
    if old.iter().all(|p| p.place.is_empty()) || new.iter().all(|p| p.place.is_empty()) {
        return vec![false; links.len()];
    }
    type Counts<'a> = HashMap<&'a [String], HashMap<&'a [String], usize, FxBuild>, FxBuild>;
    let mut forward: Counts = HashMap::default();
    let mut backward: Counts = HashMap::default();
    for &(i, j) in links {
        let (a, b) = (&*old[i].place, &*new[j].place);
        *forward.entry(a).or_default().entry(b).or_default() += 1;
        *backward.entry(b).or_default().entry(a).or_default() += 1;
    }
    // Ties go to the smaller place, so the result does not depend on hash order.
    fn dominant<'a>(counts: &Counts<'a>) -> HashMap<&'a [String], &'a [String], FxBuild> {
        counts
            .iter()
            .map(|(from, to)| {
                let best = to
                    .iter()
                    .max_by(|x, y| x.1.cmp(y.1).then_with(|| y.0.cmp(x.0)))
                    .map(|(place, _)| *place)
                    .unwrap_or_default();
                (*from, best)
            })
            .collect()
    }
    let (fwd, bwd) = (dominant(&forward), dominant(&backward));
    links
        .iter()
        .map(|&(i, j)| {
            let (a, b) = (&*old[i].place, &*new[j].place);
            !a.is_empty()
                && !b.is_empty()
                && (fwd.get(a).is_some_and(|d| *d != b) || bwd.get(b).is_some_and(|d| *d != a))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_longest_chain() {
        assert_eq!(
            in_order(&[0, 1, 5, 2, 3, 4, 6], &[1.0; 7]),
            [true, true, false, true, true, true, true]
        );
        assert_eq!(in_order(&[], &[]), Vec::<bool>::new());
        assert_eq!(
            in_order(&[3, 2, 1], &[1.0; 3])
                .iter()
                .filter(|&&m| m)
                .count(),
            1
        );
        assert_eq!(in_order(&[0, 1, 2], &[1.0; 3]), [true, true, true]);
        // Two chains of three: the heavier one stays, whichever comes first.
        assert_eq!(
            in_order(&[0, 1, 3, 2, 4], &[1.0, 1.0, 0.5, 1.0, 1.0]),
            [true, true, false, true, true]
        );
        assert_eq!(
            in_order(&[0, 1, 3, 2, 4], &[1.0, 1.0, 1.0, 0.5, 1.0]),
            [true, true, true, false, true]
        );
    }
}

#[cfg(test)]
mod place_tests {
    use super::*;
    use crate::provisions::parse;

    #[test]
    fn an_article_taken_into_another_chapter_moves_a_renamed_chapter_does_not() {
        let old = parse(
            "Chapter 1 - Scope\n\nArticle 1\nAlpha.\n\nArticle 2\nBeta.\n\nArticle 3\nGamma.\n\n\
             Chapter 2 - Terms\n\nArticle 4\nDelta.\n\nArticle 5\nEpsilon.\n",
        );
        let new = parse(
            "Chapter 1 - Scope and aims\n\nArticle 1\nAlpha.\n\nArticle 2\nBeta.\n\n\
             Chapter 2 - Terms\n\nArticle 3\nGamma.\n\nArticle 4\nDelta.\n\nArticle 5\nEpsilon.\n",
        );
        let links: Vec<(usize, usize)> = (0..5).map(|i| (i, i)).collect();
        assert_eq!(
            across_places(&old, &new, &links),
            [false, false, true, false, false]
        );
    }
}
