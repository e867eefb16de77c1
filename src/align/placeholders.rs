//! Placeholders of repealed provisions (`§ 48 (weggefallen)`, `(suprimida)`, `[Reserved]`):
//! every one has the same words, so words cannot pair them; where they stand does.
//!
//! Runs after the passes that pair by words, on the gaps between the pairs that keep their
//! order (`assign::gaps`). Where the numbering holds around a gap (its anchors keep their
//! numbers), a placeholder pairs with the placeholder of its own number, and a provision with
//! the placeholder that took its number: repealed in place, or, read the other way, a
//! repealed number given new content. Where the numbering moved, the placeholders of a gap
//! pair in order, the k-th with the k-th.

use super::assign::{By, Gap, Pairs, gaps};
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
        if olds.is_empty() || news.is_empty() {
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

/// Same number, one side at least a placeholder.
fn by_number(
    old: &[Provision],
    new: &[Provision],
    olds: &[usize],
    news: &[usize],
    pairs: &mut Pairs,
) {
    for &j in news {
        let Some(&i) = olds.iter().find(|&&i| {
            pairs.old_to_new[i].is_none()
                && old[i].number.is_some()
                && old[i].same_number(&new[j])
                && old[i].id.to_lowercase() == new[j].id.to_lowercase()
        }) else {
            continue;
        };
        if old[i].is_placeholder() || new[j].is_placeholder() {
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
