//! Word features of provisions: interned lowercase words with counts, IDF weights over both
//! documents, and the weighted overlap scores built on them.

use std::collections::HashMap;

use crate::provisions::Provision;

/// The words of every provision on both sides, weighted.
pub(super) struct Features {
    /// Per old provision: (word id, count), sorted by word id.
    pub old: Vec<Vec<(u32, u32)>>,
    /// Per new provision: (word id, count), sorted by word id.
    pub new: Vec<Vec<(u32, u32)>>,
    /// IDF weight per word id.
    pub idf: Vec<f64>,
    /// Weighted size of each old provision.
    pub old_weight: Vec<f64>,
    /// Weighted size of each new provision.
    pub new_weight: Vec<f64>,
}

/// Splits text into lowercase words (runs of letters and digits).
pub(super) fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// Returns the text reduced to its words, for exact matching insensitive to punctuation,
/// case and spacing.
pub(super) fn normalised(text: &str) -> String {
    words(text).collect::<Vec<_>>().join(" ")
}

impl Features {
    pub(super) fn new(old: &[Provision], new: &[Provision]) -> Features {
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut df: Vec<u32> = Vec::new();
        let mut bag = |p: &Provision, df: &mut Vec<u32>| {
            let mut counts: HashMap<u32, u32> = HashMap::new();
            for w in words(&p.text) {
                let next = ids.len() as u32;
                let id = *ids.entry(w).or_insert(next);
                if id as usize == df.len() {
                    df.push(0);
                }
                *counts.entry(id).or_insert(0) += 1;
            }
            let mut v: Vec<(u32, u32)> = counts.into_iter().collect();
            v.sort_unstable();
            for &(id, _) in &v {
                df[id as usize] += 1;
            }
            v
        };
        let old_bags: Vec<_> = old.iter().map(|p| bag(p, &mut df)).collect();
        let new_bags: Vec<_> = new.iter().map(|p| bag(p, &mut df)).collect();
        let n = (old.len() + new.len()).max(1) as f64;
        let idf: Vec<f64> = df
            .iter()
            .map(|&d| (1.0 + n / f64::from(d.max(1))).ln())
            .collect();
        let weight =
            |b: &Vec<(u32, u32)>| b.iter().map(|&(w, c)| f64::from(c) * idf[w as usize]).sum();
        Features {
            old_weight: old_bags.iter().map(weight).collect(),
            new_weight: new_bags.iter().map(weight).collect(),
            old: old_bags,
            new: new_bags,
            idf,
        }
    }

    /// Weighted words shared by old `i` and new `j`.
    fn shared(&self, a: &[(u32, u32)], b: &[(u32, u32)]) -> f64 {
        let (mut x, mut y, mut sum) = (0, 0, 0.0);
        while x < a.len() && y < b.len() {
            match a[x].0.cmp(&b[y].0) {
                std::cmp::Ordering::Less => x += 1,
                std::cmp::Ordering::Greater => y += 1,
                std::cmp::Ordering::Equal => {
                    sum += f64::from(a[x].1.min(b[y].1)) * self.idf[a[x].0 as usize];
                    x += 1;
                    y += 1;
                }
            }
        }
        sum
    }

    /// IDF-weighted Dice similarity of old `i` and new `j`, 0–1. Symmetric by construction.
    pub(super) fn similarity(&self, i: usize, j: usize) -> f64 {
        let total = self.old_weight[i] + self.new_weight[j];
        if total <= 0.0 {
            return 0.0;
        }
        2.0 * self.shared(&self.old[i], &self.new[j]) / total
    }

    /// Share of new `j`'s weighted words found in old `i`.
    pub(super) fn new_in_old(&self, i: usize, j: usize) -> f64 {
        if self.new_weight[j] <= 0.0 {
            return 0.0;
        }
        self.shared(&self.old[i], &self.new[j]) / self.new_weight[j]
    }

    /// Share of old `i`'s weighted words found in new `j`.
    pub(super) fn old_in_new(&self, i: usize, j: usize) -> f64 {
        if self.old_weight[i] <= 0.0 {
            return 0.0;
        }
        self.shared(&self.old[i], &self.new[j]) / self.old_weight[i]
    }
}

impl Features {
    /// Weighted Dice similarity of a group of old provisions against a group of new ones.
    pub(super) fn group_similarity(&self, olds: &[usize], news: &[usize]) -> f64 {
        let merge = |bags: Vec<&Vec<(u32, u32)>>| {
            let mut all: Vec<(u32, u32)> = bags.into_iter().flatten().copied().collect();
            all.sort_unstable();
            let mut out: Vec<(u32, u32)> = Vec::new();
            for (w, c) in all {
                match out.last_mut() {
                    Some(last) if last.0 == w => last.1 += c,
                    _ => out.push((w, c)),
                }
            }
            out
        };
        let a = merge(olds.iter().map(|&i| &self.old[i]).collect());
        let b = merge(news.iter().map(|&j| &self.new[j]).collect());
        let weight = |v: &[(u32, u32)]| -> f64 {
            v.iter()
                .map(|&(w, c)| f64::from(c) * self.idf[w as usize])
                .sum()
        };
        let total = weight(&a) + weight(&b);
        if total <= 0.0 {
            return 0.0;
        }
        2.0 * self.shared(&a, &b) / total
    }
}
