//! Placeholders of repealed provisions (`§ 48 (weggefallen)`, `(suprimida)`, `[Reserved]`):
//! every one has the same words, so words cannot pair them; where they stand does.
//!
//! Runs after the passes that pair by words, on the gaps between the pairs that keep their
//! order (`assign::gaps`). Where the numbering holds around a gap (its anchors keep their
//! numbers), a placeholder pairs with the placeholder of its own number, and a provision with
//! the placeholder that took its number: repealed in place, or, read the other way, a
//! repealed number given new content. Where the numbering moved, the placeholders of a gap
//! pair in order, the k-th with the k-th.

use std::collections::HashMap;

use super::assign::{By, Gap, Pairs, gaps};
use crate::hash::FxBuild;
use crate::provisions::Provision;

/// Pairs the placeholders left over, and provisions with the placeholders of their numbers.
pub(super) fn pair(old: &[Provision], new: &[Provision], pairs: &mut Pairs) {
    for gap in gaps(pairs) {
        let olds: Vec<usize> = gap
            .old
            .clone()
            .filter(|&i| pairs.old_to_new[i].is_none())
            .collect();
        let news: Vec<usize> = gap
            .new
            .clone()
            .filter(|&j| pairs.new_to_old[j].is_none())
            .collect();
        // Most gaps of a rewritten code hold no placeholder: nothing to do there.
        let any = olds.iter().any(|&i| old[i].is_placeholder())
            || news.iter().any(|&j| new[j].is_placeholder());
        if olds.is_empty() || news.is_empty() || !any {
            continue;
        }
        if steady(old, new, &gap) {
            by_number(old, new, &olds, &news, pairs);
        } else {
            in_order(old, new, &olds, &news, pairs);
        }
    }
}

/// Whether the numbering holds around a gap: it has an anchor, and every anchor keeps its
/// number.
fn steady(old: &[Provision], new: &[Provision], gap: &Gap) -> bool {
    let keeps = |a: Option<(usize, usize)>| a.is_none_or(|(i, j)| old[i].same_number(&new[j]));
    (gap.prev.is_some() || gap.next.is_some()) && keeps(gap.prev) && keeps(gap.next)
}

/// Same id (whatever the capitals), one side at least a placeholder.
fn by_number(
    old: &[Provision],
    new: &[Provision],
    olds: &[usize],
    news: &[usize],
    pairs: &mut Pairs,
) {
    let by_id: HashMap<String, usize, FxBuild> = olds
        .iter()
        .filter(|&&i| old[i].number.is_some())
        .map(|&i| (old[i].id.to_lowercase(), i))
        .collect();
    for &j in news {
        if let Some(&i) = by_id.get(&new[j].id.to_lowercase())
            && (old[i].is_placeholder() || new[j].is_placeholder())
        {
            pairs.link(i, j, By::Placeholder);
        }
    }
}

/// The k-th placeholder of the gap with the k-th: the numbering moved, the order did not.
fn in_order(
    old: &[Provision],
    new: &[Provision],
    olds: &[usize],
    news: &[usize],
    pairs: &mut Pairs,
) {
    let olds = olds.iter().filter(|&&i| old[i].is_placeholder());
    let news = news.iter().filter(|&&j| new[j].is_placeholder());
    for (&i, &j) in olds.zip(news) {
        pairs.link(i, j, By::Placeholder);
    }
}

#[cfg(test)]
mod tests {
    use crate::align::{AlignOptions, ChangeKind, diff};

    /// A text renumbered as a whole (a point inserted at the top): its placeholders follow
    /// their places, not their old numbers.
    #[test]
    fn a_renumbered_text_keeps_its_placeholders_in_order() {
        let old = "1. The parties agree.\n2. (repealed)\n3. (repealed)\n4. Elections follow.\n";
        let new = "1. A new first point.\n2. The parties agree.\n3. (repealed)\n4. (repealed)\n\
                   5. Elections follow.\n";
        let d = diff(old, new, &AlignOptions::default());
        let pairs: Vec<(Vec<usize>, Vec<usize>, ChangeKind)> = d
            .changes
            .iter()
            .map(|c| (c.old.clone(), c.new.clone(), c.kind))
            .collect();
        use ChangeKind::*;
        assert_eq!(
            pairs,
            [
                (vec![], vec![0], Added),
                (vec![0], vec![1], Unchanged),
                (vec![1], vec![2], Unchanged),
                (vec![2], vec![3], Unchanged),
                (vec![3], vec![4], Unchanged),
            ]
        );
    }
}
