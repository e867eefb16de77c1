//! Candidate pairs without comparing all pairs: each provision is looked up in an inverted
//! index of the other side by its rarest words.
//!
//! Cost: each query visits at most `QUERY_WORDS` posting lists of at most `MAX_POSTING`
//! entries, so candidate generation is O(n) in the number of provisions whatever their count;
//! words too common to discriminate (longer posting lists) are skipped.

use std::collections::HashMap;

use super::text::Features;

const QUERY_WORDS: usize = 12;
const MAX_POSTING: usize = 256;

/// Returns candidate (old, new) pairs: for every provision on either side, the `k` provisions
/// of the other side sharing the most weight of its rarest words. Sorted, without duplicates.
pub(super) fn candidates(f: &Features, k: usize) -> Vec<(usize, usize)> {
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let old_index = index(&f.old);
    let new_index = index(&f.new);
    for (j, bag) in f.new.iter().enumerate() {
        for i in query(f, bag, &old_index, k) {
            pairs.push((i, j));
        }
    }
    for (i, bag) in f.old.iter().enumerate() {
        for j in query(f, bag, &new_index, k) {
            pairs.push((i, j));
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

fn index(bags: &[Vec<(u32, u32)>]) -> HashMap<u32, Vec<usize>> {
    let mut idx: HashMap<u32, Vec<usize>> = HashMap::new();
    for (p, bag) in bags.iter().enumerate() {
        for &(w, _) in bag {
            idx.entry(w).or_default().push(p);
        }
    }
    idx
}

fn query(f: &Features, bag: &[(u32, u32)], idx: &HashMap<u32, Vec<usize>>, k: usize) -> Vec<usize> {
    let mut rare: Vec<(u32, usize)> = bag
        .iter()
        .filter_map(|&(w, _)| idx.get(&w).map(|post| (w, post.len())))
        .filter(|&(_, len)| len <= MAX_POSTING)
        .collect();
    rare.sort_unstable_by_key(|&(w, len)| (len, w));
    let mut score: HashMap<usize, f64> = HashMap::new();
    for &(w, _) in rare.iter().take(QUERY_WORDS) {
        for &p in &idx[&w] {
            *score.entry(p).or_insert(0.0) += f.idf[w as usize];
        }
    }
    let mut ranked: Vec<(usize, f64)> = score.into_iter().collect();
    ranked.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    ranked.into_iter().take(k).map(|(p, _)| p).collect()
}
