//! The order step: which pairs keep their relative order (a longest increasing subsequence)
//! and which moved.

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
