//! The order step: which pairs keep their relative order (a longest increasing subsequence)
//! and which moved, in the sequence or to another place in the outline.

use std::collections::HashMap;

use crate::hash::FxBuild;
use crate::provisions::Provision;

/// Returns a mask over `keys` (distinct values): `true` for the keys in one longest increasing
/// subsequence, `false` for those that left it (moved). O(n log n); ties between equally long
/// chains go to the one ending earliest, so the result is deterministic.
pub(super) fn in_order(keys: &[usize]) -> Vec<bool> {
    // tails[k]: index into keys of the smallest tail of an increasing run of length k + 1.
    let mut tails: Vec<usize> = Vec::new();
    let mut prev: Vec<Option<usize>> = vec![None; keys.len()];
    for (i, &k) in keys.iter().enumerate() {
        let pos = tails.partition_point(|&t| keys[t] < k);
        prev[i] = pos.checked_sub(1).map(|p| tails[p]);
        if pos == tails.len() {
            tails.push(i);
        } else {
            tails[pos] = i;
        }
    }
    let mut mask = vec![false; keys.len()];
    let mut cur = tails.last().copied();
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
            in_order(&[0, 1, 5, 2, 3, 4, 6]),
            [true, true, false, true, true, true, true]
        );
        assert_eq!(in_order(&[]), Vec::<bool>::new());
        assert_eq!(in_order(&[3, 2, 1]).iter().filter(|&&m| m).count(), 1);
        assert_eq!(in_order(&[0, 1, 2]), [true, true, true]);
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
