//! Candidate pairs without comparing all pairs: each provision is looked up in an inverted
//! index of the other side by its rarest features (words and word pairs).
//!
//! Cost: each query visits at most `QUERY_WORDS` posting lists of at most `MAX_POSTING`
//! entries, so candidate generation is O(n) in the number of provisions whatever their count;
//! words too common to discriminate (longer posting lists) are skipped.

use super::text::Features;

const QUERY_WORDS: usize = 12;
const MAX_POSTING: usize = 64;

/// Returns candidate (old, new) pairs: for every provision not yet paired, on either side,
/// the `k` provisions of the other side (paired or not, so that split pieces find what they
/// came from) sharing the most weight of its rarest words. Sorted, without duplicates.
///
/// Provisions paired by the exact pass cost nothing here: on a typical redraft almost all of
/// them are, and the index is not even built when none is left.
pub(super) fn candidates(
    f: &Features,
    old_free: &[bool],
    new_free: &[bool],
    k: usize,
) -> Vec<(usize, usize)> {
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    if new_free.iter().any(|&x| x) {
        let mut q = Query::new(index(f, &f.old_feats), f.old.len());
        for (j, bag) in f.new_feats.iter().enumerate().filter(|(j, _)| new_free[*j]) {
            pairs.extend(q.run(f, bag, k).into_iter().map(|i| (i, j)));
        }
    }
    if old_free.iter().any(|&x| x) {
        let mut q = Query::new(index(f, &f.new_feats), f.new.len());
        for (i, bag) in f.old_feats.iter().enumerate().filter(|(i, _)| old_free[*i]) {
            pairs.extend(q.run(f, bag, k).into_iter().map(|j| (i, j)));
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// Posting lists by feature id (ids are dense). Only provisions still in play have features:
/// one paired by the exact pass cannot have been split or merged, as its words are intact.
fn index(f: &Features, feats: &[Vec<u32>]) -> Vec<Vec<usize>> {
    let mut idx: Vec<Vec<usize>> = vec![Vec::new(); f.feat_idf.len()];
    for (p, fs) in feats.iter().enumerate() {
        for &x in fs {
            idx[x as usize].push(p);
        }
    }
    idx
}

/// An index with a reusable dense score table, so a query allocates almost nothing.
struct Query {
    index: Vec<Vec<usize>>,
    score: Vec<f64>,
    touched: Vec<usize>,
}

impl Query {
    fn new(index: Vec<Vec<usize>>, targets: usize) -> Query {
        Query {
            index,
            score: vec![0.0; targets],
            touched: Vec::new(),
        }
    }

    fn run(&mut self, f: &Features, feats: &[u32], k: usize) -> Vec<usize> {
        let mut rare: Vec<(usize, u32)> = feats
            .iter()
            .map(|&w| (self.index[w as usize].len(), w))
            .filter(|&(len, _)| len > 0 && len <= MAX_POSTING)
            .collect();
        rare.sort_unstable();
        for &(_, w) in rare.iter().take(QUERY_WORDS) {
            for &p in &self.index[w as usize] {
                if self.score[p] == 0.0 {
                    self.touched.push(p);
                }
                self.score[p] += f.feat_idf[w as usize];
            }
        }
        let mut ranked: Vec<(usize, f64)> =
            self.touched.iter().map(|&p| (p, self.score[p])).collect();
        for &p in &self.touched {
            self.score[p] = 0.0;
        }
        self.touched.clear();
        let by_score = |a: &(usize, f64), b: &(usize, f64)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
        if ranked.len() > k {
            ranked.select_nth_unstable_by(k, by_score);
            ranked.truncate(k);
        }
        ranked.sort_unstable_by(by_score);
        ranked.into_iter().map(|(p, _)| p).collect()
    }
}
