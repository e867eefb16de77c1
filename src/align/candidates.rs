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
    // For each new provision in play, its best old ones; then the same the other way.
    let for_new = || -> Vec<(usize, usize)> {
        if !new_free.iter().any(|&x| x) {
            return Vec::new();
        }
        let mut q = Query::new(index(f, &f.old_feats), f.old.len());
        let mut out = Vec::new();
        for (j, bag) in f.new_feats.iter().enumerate().filter(|(j, _)| new_free[*j]) {
            out.extend(q.run(f, bag, k).into_iter().map(|i| (i, j)));
        }
        out
    };
    let for_old = || -> Vec<(usize, usize)> {
        if !old_free.iter().any(|&x| x) {
            return Vec::new();
        }
        let mut q = Query::new(index(f, &f.new_feats), f.new.len());
        let mut out = Vec::new();
        for (i, bag) in f.old_feats.iter().enumerate().filter(|(i, _)| old_free[*i]) {
            out.extend(q.run(f, bag, k).into_iter().map(|j| (i, j)));
        }
        out
    };
    // The two directions are independent: two threads when there is enough work (measured:
    // `cargo bench --bench suite`). The result is sorted, so it does not depend on the split.
    let in_play = old_free.iter().chain(new_free).filter(|&&x| x).count();
    let mut pairs = if in_play >= PARALLEL_MIN {
        std::thread::scope(|s| {
            let handle = s.spawn(for_old);
            let mut pairs = for_new();
            match handle.join() {
                Ok(rest) => pairs.extend(rest),
                Err(panic) => std::panic::resume_unwind(panic),
            }
            pairs
        })
    } else {
        let mut pairs = for_new();
        pairs.extend(for_old());
        pairs
    };
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// Provisions in play above which the two directions run on two threads.
const PARALLEL_MIN: usize = 512;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::provisions::parse;

    /// However alike the provisions, the candidate pairs stay O(n): at most `k` per provision
    /// and direction, so never all pairs.
    #[test]
    fn candidate_count_per_provision_is_bounded() {
        let words = [
            "the",
            "parties",
            "shall",
            "notify",
            "commission",
            "within",
            "days",
            "report",
        ];
        let doc = |shift: usize| -> String {
            (0..2_000)
                .map(|i| {
                    let text: Vec<&str> = (0..12)
                        .map(|w| words[(i * 7 + w * 3 + shift) % words.len()])
                        .collect();
                    format!("{}. {} {i}.\n", i + 1, text.join(" "))
                })
                .collect()
        };
        let old = parse(&doc(0));
        let new = parse(&doc(1));
        let free_old = vec![true; old.len()];
        let free_new = vec![true; new.len()];
        let f = Features::new(&old, &new, &free_old, &free_new, [None, None]);
        let k = 8;
        let pairs = candidates(&f, &free_old, &free_new, k);
        assert!(pairs.len() <= 2 * k * old.len(), "{} pairs", pairs.len());
        assert!(pairs.len() < old.len() * new.len() / 100);
        // No pair twice, and the bound costs no recall: each provision's own successor (the
        // same index, one word shifted) is among its candidates.
        let set: std::collections::HashSet<&(usize, usize)> = pairs.iter().collect();
        assert_eq!(set.len(), pairs.len(), "a pair listed twice");
        let found = (0..old.len()).filter(|&i| set.contains(&(i, i))).count();
        assert_eq!(
            found,
            old.len(),
            "{found} of {} successors found",
            old.len()
        );
    }
}
