//! Word features of provisions: interned lowercase words with counts, IDF weights over both
//! documents, and the weighted overlap scores built on them.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::hash::FxBuild;
use crate::lang::{Lang, Normaliser};
use crate::provisions::Provision;

/// Word ids for matching: each distinct word of a side is normalised once (stop words out,
/// the rest stemmed in the side's language), and every word with the same stem on either side
/// gets the same id.
struct Vocab {
    /// Per side: the normaliser of its language.
    norms: [Normaliser; 2],
    /// Per language in use: word key (hash of the lower-cased word) → id, `None` for a stop
    /// word. Both sides share the first when they share a language (the usual case): a word
    /// is stemmed once per diff.
    seen: [HashMap<u64, Option<u32>, FxBuild>; 2],
    /// Per side: its index into `norms` and `seen`.
    table: [usize; 2],
    /// Stem → id.
    stems: HashMap<String, u32, FxBuild>,
    /// Per id: the word as first seen, lower-cased (what an explanation shows).
    surface: Vec<String>,
    /// Each side's language, as resolved.
    langs: [Option<Lang>; 2],
}

impl Vocab {
    /// Resolves each side's language: the one given, or the one detected from the
    /// provisions in play (those the exact pass settled say nothing the others need).
    fn new(
        old: &[Provision],
        new: &[Provision],
        old_free: &[bool],
        new_free: &[bool],
        langs: [Option<Lang>; 2],
    ) -> Vocab {
        let detect = |ps: &[Provision], free: &[bool]| -> Option<Lang> {
            if !free.iter().any(|&f| f) {
                return None;
            }
            let mut sample = String::new();
            for p in ps {
                if sample.len() > DETECT_BYTES {
                    break;
                }
                sample.push_str(&p.text);
                sample.push('\n');
            }
            Lang::detect(&sample)
        };
        let old_lang = langs[0].or_else(|| detect(old, old_free));
        let new_lang = langs[1].or_else(|| detect(new, new_free));
        // Versions of one text share its language: a side too short or too terse to tell
        // takes the other's, so that both sides' words are read alike (and the diff stays
        // the mirror of the reverse diff).
        let (old_lang, new_lang) = (old_lang.or(new_lang), new_lang.or(old_lang));
        Vocab {
            norms: [Normaliser::new(old_lang), Normaliser::new(new_lang)],
            seen: Default::default(),
            table: [0, usize::from(old_lang != new_lang)],
            stems: HashMap::default(),
            surface: Vec::new(),
            langs: [old_lang, new_lang],
        }
    }

    /// The ids of a text's words, in order, stop words left out.
    fn words(&mut self, side: usize, text: &str) -> Vec<u32> {
        let mut out = Vec::new();
        let Vocab {
            norms,
            seen,
            table,
            stems,
            surface,
            ..
        } = self;
        let side = table[side];
        crate::provisions::for_each_word(text, |key, word| {
            let id = *seen[side].entry(key).or_insert_with(|| {
                let lower = word.to_lowercase();
                let stem = norms[side].stem_lower(&lower)?;
                let next = stems.len() as u32;
                let id = *stems.entry(stem).or_insert(next);
                if id == next {
                    surface.push(lower);
                }
                Some(id)
            });
            out.extend(id);
        });
        out
    }

    /// Number of distinct ids.
    fn len(&self) -> usize {
        self.stems.len()
    }
}

/// Bytes of a document read to detect its language.
const DETECT_BYTES: usize = 8 * 1024;

/// The words of every provision on both sides, weighted.
pub(super) struct Features {
    /// Per old provision: (word id, count), sorted by word id.
    pub old: Vec<Vec<(u32, u32)>>,
    /// Per new provision: (word id, count), sorted by word id.
    pub new: Vec<Vec<(u32, u32)>>,
    /// IDF weight per word id.
    pub idf: Vec<f64>,
    /// Per word id: how many provisions in play (both sides) have it.
    df: Vec<u32>,
    /// Each side's provisions' word hashes (`Provision::key`), for tie-breaks that do not
    /// depend on which side is old.
    keys: [Vec<u64>; 2],
    /// Weighted size of each old provision.
    pub old_weight: Vec<f64>,
    /// Weighted size of each new provision.
    pub new_weight: Vec<f64>,
    /// Per old provision: candidate-lookup features, sorted and unique — its words and its
    /// word pairs (shingles; ids offset past the words), so that a provision made of common
    /// words is still found by its rarer combinations.
    pub old_feats: Vec<Vec<u32>>,
    /// Per new provision: the same.
    pub new_feats: Vec<Vec<u32>>,
    /// IDF weight per feature id.
    pub feat_idf: Vec<f64>,
    /// Per old provision in play: its best similarity to a sample of the provisions the exact
    /// pass settled — how much it resembles provisions it is *not* (the document's
    /// boilerplate). 0 when nothing was settled.
    /// Computed on first use: only pairs that pass a threshold ask for it.
    old_background: Vec<std::sync::OnceLock<f64>>,
    /// Per new provision in play: the same.
    new_background: Vec<std::sync::OnceLock<f64>>,
    /// The sampled settled provisions' bags and weighted sizes.
    sample: Vec<(Vec<(u32, u32)>, f64)>,
    /// Per word id: the word as first seen, lower-cased.
    surface: Vec<String>,
    /// Each side's language, as resolved (given, detected, or the other side's).
    pub(super) langs: [Option<Lang>; 2],
}

/// Settled provisions sampled for the background similarity of the ones in play.
const BACKGROUND_SAMPLE: usize = 32;

/// Similarity from which a pair is the same text, whatever its background.
const SAME_TEXT: f64 = 0.8;

/// How far above its background a pair's similarity must be: a provision that resembles
/// unrelated provisions of its document that much is not identified by resembling one more.
const BACKGROUND_MARGIN: f64 = 0.1;

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
    /// Builds the word bags of the provisions still in play (`old_free`, `new_free`); the
    /// others (paired by the exact pass, their alignment final) get empty bags and cost
    /// nothing. IDF is computed over the provisions in play: what distinguishes them from each
    /// other is what matters for pairing them.
    pub(super) fn new(
        old: &[Provision],
        new: &[Provision],
        old_free: &[bool],
        new_free: &[bool],
        langs: [Option<Lang>; 2],
    ) -> Features {
        let mut vocab = Vocab::new(old, new, old_free, new_free, langs);
        let mut df: Vec<u32> = Vec::new();
        let mut shingle_ids: HashMap<u64, u32, FxBuild> = HashMap::default();
        let mut shingle_df: Vec<u32> = Vec::new();
        let mut sequences: Vec<Vec<u32>> = Vec::new();
        let mut bag = |side: usize, p: &Provision, df: &mut Vec<u32>, vocab: &mut Vocab| {
            let sequence = vocab.words(side, &p.text);
            if df.len() < vocab.len() {
                df.resize(vocab.len(), 0);
            }
            let v = counted(sequence.clone());
            sequences.push(sequence);
            for &(id, _) in &v {
                df[id as usize] += 1;
            }
            v
        };
        let mut old_seq = Vec::with_capacity(old.len());
        let mut new_seq = Vec::with_capacity(new.len());
        let mut old_bags = Vec::with_capacity(old.len());
        let mut new_bags = Vec::with_capacity(new.len());
        for (p, &free) in old.iter().zip(old_free) {
            old_bags.push(if free {
                bag(0, p, &mut df, &mut vocab)
            } else {
                Vec::new()
            });
            old_seq.push(free);
        }
        for (p, &free) in new.iter().zip(new_free) {
            new_bags.push(if free {
                bag(1, p, &mut df, &mut vocab)
            } else {
                Vec::new()
            });
            new_seq.push(free);
        }
        let n_words = vocab.len() as u32;
        let mut seqs = sequences.into_iter();
        let mut feats_of = |free: &[bool]| -> Vec<Vec<u32>> {
            free.iter()
                .map(|&f| {
                    if !f {
                        return Vec::new();
                    }
                    let seq = seqs.next().unwrap_or_default();
                    let mut feats: Vec<u32> = seq.clone();
                    for pair in seq.windows(2) {
                        let key = (u64::from(pair[0]) << 32) | u64::from(pair[1]);
                        let next = shingle_ids.len() as u32;
                        feats.push(n_words + *shingle_ids.entry(key).or_insert(next));
                    }
                    feats.sort_unstable();
                    feats.dedup();
                    for &x in feats.iter().filter(|&&x| x >= n_words) {
                        let k = (x - n_words) as usize;
                        if k >= shingle_df.len() {
                            shingle_df.resize(k + 1, 0);
                        }
                        shingle_df[k] += 1;
                    }
                    feats
                })
                .collect()
        };
        let old_feats = feats_of(&old_seq);
        let new_feats = feats_of(&new_seq);
        // Bags of a sample of the provisions the exact pass settled, in the same word ids;
        // they do not count in the document frequencies, so the weights of the provisions in
        // play are unchanged. Old settled provisions have the words of their new partners, so
        // one side serves both.
        // With nothing in play, no pair will ask for a background.
        let any_free = old_free.iter().chain(new_free).any(|&f| f);
        // A placeholder out of play is not settled: it is unpaired, and on one side only.
        let settled: Vec<usize> = (0..old.len())
            .filter(|&k| !old_free[k] && any_free && !old[k].is_placeholder())
            .collect();
        let step = settled.len().div_ceil(BACKGROUND_SAMPLE).max(1);
        let sample: Vec<Vec<(u32, u32)>> = settled
            .iter()
            .step_by(step)
            .map(|&k| counted(vocab.words(0, &old[k].text)))
            .collect();
        df.resize(vocab.len(), 0);
        let in_play = old_free.iter().chain(new_free).filter(|&&f| f).count();
        let n = in_play.max(1) as f64;
        let idf: Vec<f64> = df
            .iter()
            .map(|&d| (1.0 + n / f64::from(d.max(1))).ln())
            .collect();
        let weight =
            |b: &Vec<(u32, u32)>| b.iter().map(|&(w, c)| f64::from(c) * idf[w as usize]).sum();
        // Feature ids are word ids below `n_words` (the words of the provisions in play; the
        // sample's own words come after them) and shingle ids above.
        let feat_idf: Vec<f64> = idf[..n_words as usize]
            .iter()
            .copied()
            .chain(
                shingle_df
                    .iter()
                    .map(|&d| (1.0 + n / f64::from(d.max(1))).ln()),
            )
            .collect();
        let sample = sample
            .into_iter()
            .map(|b| {
                let w = weight(&b);
                (b, w)
            })
            .collect();
        Features {
            old_weight: old_bags.iter().map(weight).collect(),
            new_weight: new_bags.iter().map(weight).collect(),
            old_background: (0..old_bags.len()).map(|_| Default::default()).collect(),
            new_background: (0..new_bags.len()).map(|_| Default::default()).collect(),
            old: old_bags,
            new: new_bags,
            idf,
            df,
            keys: [
                old.iter().map(|p| p.key).collect(),
                new.iter().map(|p| p.key).collect(),
            ],
            old_feats,
            new_feats,
            feat_idf,
            sample,
            langs: vocab.langs,
            surface: vocab.surface,
        }
    }

    /// A provision's background: its best similarity to the sampled settled provisions,
    /// which are other provisions than the ones in play.
    fn background(&self, bag: &[(u32, u32)], w: f64) -> f64 {
        if bag.is_empty() {
            return 0.0;
        }
        self.sample
            .iter()
            .map(|(s, sw)| {
                let total = w + sw;
                if total > 0.0 {
                    2.0 * self.shared(bag, s) / total
                } else {
                    0.0
                }
            })
            .fold(0.0, f64::max)
    }

    /// Whether a pair's similarity `s` stands out from what each side shares with unrelated
    /// provisions of its document.
    pub(super) fn stands_out(&self, i: usize, j: usize, s: f64) -> bool {
        self.stands_out_by(i, j, s, BACKGROUND_MARGIN)
    }

    /// Like [`Features::stands_out`] with another margin over the background.
    pub(super) fn stands_out_by(&self, i: usize, j: usize, s: f64, margin: f64) -> bool {
        // Near-identical texts are the same provision, however alike the document's
        // boilerplate articles are (`Les personnes morales déclarées responsables …`).
        if s >= SAME_TEXT {
            return true;
        }
        let old_bg = *self.old_background[i]
            .get_or_init(|| self.background(&self.old[i], self.old_weight[i]));
        let new_bg = *self.new_background[j]
            .get_or_init(|| self.background(&self.new[j], self.new_weight[j]));
        s >= old_bg + margin && s >= new_bg + margin
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

    /// How many words old `i` and new `j` share that no other provision in play has, nor any
    /// of the settled provisions sampled for the background: content that identifies the
    /// pair, where a shared common word only says they are of one document.
    pub(super) fn own_words(&self, i: usize, j: usize) -> usize {
        common(&self.old[i], &self.new[j])
            .filter(|&w| {
                let rare = self.df.get(w as usize).is_some_and(|&d| d <= 2);
                // The provisions in play may be few (the rest matched exactly): a word of the
                // settled ones is not the pair's own either.
                rare && !self
                    .sample
                    .iter()
                    .any(|(bag, _)| bag.binary_search_by_key(&w, |p| p.0).is_ok())
            })
            .count()
    }

    /// A last tie-break between pairs: the same for old `i`–new `j` as for the mirrored pair
    /// when the diff is taken the other way round (it depends on the two texts, not on
    /// which is old), and different for two pairs of different texts.
    pub(super) fn mirror_key(&self, i: usize, j: usize) -> (u64, u64) {
        let (a, b) = (self.keys[0][i], self.keys[1][j]);
        (a.min(b), a.max(b))
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
    /// The rarest words (at most `k`) that a group of old provisions and a group of new ones
    /// share, rarest first: the evidence of a link, for explanations.
    pub(super) fn shared_words(&self, olds: &[usize], news: &[usize], k: usize) -> Vec<String> {
        let a = merged_bag(&self.old, olds);
        let b = merged_bag(&self.new, news);
        let mut shared: Vec<u32> = common(&a, &b).collect();
        shared.sort_by(|&p, &q| {
            self.idf[q as usize]
                .total_cmp(&self.idf[p as usize])
                .then_with(|| self.surface[p as usize].cmp(&self.surface[q as usize]))
        });
        shared
            .into_iter()
            .take(k)
            .filter_map(|w| self.surface.get(w as usize).cloned())
            .collect()
    }

    /// Share of one group's weighted words found in the other: of the old group when `of_old`.
    pub(super) fn coverage(&self, olds: &[usize], news: &[usize], of_old: bool) -> f64 {
        let a = merged_bag(&self.old, olds);
        let b = merged_bag(&self.new, news);
        let whole = if of_old { &a } else { &b };
        let w: f64 = whole
            .iter()
            .map(|&(id, c)| f64::from(c) * self.idf[id as usize])
            .sum();
        if w <= 0.0 {
            return 0.0;
        }
        self.shared(&a, &b) / w
    }

    /// Weighted Dice similarity of a group of old provisions against a group of new ones.
    pub(super) fn group_similarity(&self, olds: &[usize], news: &[usize]) -> f64 {
        let a = merged_bag(&self.old, olds);
        let b = merged_bag(&self.new, news);
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

/// A bag of words: (word id, count), sorted by id.
/// A score as an ordering key: scores equal but for the rounding of sums taken in another
/// order (one direction of a diff adds the old side's weight first, the other the new
/// side's) compare equal, so that the tie-breaks, which are symmetric, decide; otherwise
/// diffing B against A could pick another of two equally good pairs than A against B.
pub(super) fn rank(score: f64) -> i64 {
    (score * 1e9).round() as i64
}

/// The word ids two bags (sorted by id) have in common, in order.
fn common<'a>(a: &'a [(u32, u32)], b: &'a [(u32, u32)]) -> impl Iterator<Item = u32> + 'a {
    let (mut x, mut y) = (0, 0);
    std::iter::from_fn(move || {
        while x < a.len() && y < b.len() {
            match a[x].0.cmp(&b[y].0) {
                std::cmp::Ordering::Less => x += 1,
                std::cmp::Ordering::Greater => y += 1,
                std::cmp::Ordering::Equal => {
                    x += 1;
                    y += 1;
                    return Some(a[x - 1].0);
                }
            }
        }
        None
    })
}

fn counted(mut ids: Vec<u32>) -> Vec<(u32, u32)> {
    ids.sort_unstable();
    let mut bag: Vec<(u32, u32)> = Vec::new();
    for id in ids {
        match bag.last_mut() {
            Some(last) if last.0 == id => last.1 += 1,
            _ => bag.push((id, 1)),
        }
    }
    bag
}

/// The bag of a group of provisions: their bags summed. One provision's bag is already sorted
/// and merged, so it is borrowed, not rebuilt (the common case, in a hot loop).
fn merged_bag<'a>(bags: &'a [Vec<(u32, u32)>], idx: &[usize]) -> Cow<'a, [(u32, u32)]> {
    if let [one] = idx {
        return Cow::Borrowed(&bags[*one]);
    }
    let mut all: Vec<(u32, u32)> = idx.iter().flat_map(|&i| bags[i].iter().copied()).collect();
    all.sort_unstable();
    let mut out: Vec<(u32, u32)> = Vec::new();
    for (w, c) in all {
        match out.last_mut() {
            Some(last) if last.0 == w => last.1 += c,
            _ => out.push((w, c)),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use crate::align::{AlignOptions, ChangeKind, diff};

    /// A provision replaced by an unrelated one cast in the document's boilerplate is removed
    /// and added, not "reworded", even between two aligned neighbours.
    #[test]
    fn boilerplate_alone_does_not_link_a_replaced_provision() {
        let places = [
            "Kherson", "Odesa", "Sumy", "Kharkiv", "Dnipro", "Mykolaiv", "Donetsk", "Luhansk",
        ];
        let point = |n: usize, what: &str, place: &str| {
            format!(
                "{n}. The Parties shall {what} concerning {place}, within 30 days of the entry into force of this Agreement, under the supervision of the Joint Commission.\n"
            )
        };
        let mut old = String::new();
        let mut new = String::new();
        for (n, place) in places.iter().enumerate() {
            old.push_str(&point(n + 1, "restore the railway lines", place));
            if n == 4 {
                new.push_str(&point(
                    n + 1,
                    "publish the register of fisheries quotas",
                    "Crimea",
                ));
            } else {
                new.push_str(&point(n + 1, "restore the railway lines", place));
            }
        }
        let d = diff(&old, &new, &AlignOptions::default());
        let kinds: Vec<&str> = d
            .changes
            .iter()
            .filter(|c| c.old.contains(&4) || c.new.contains(&4))
            .map(|c| c.kind.as_str())
            .collect();
        assert_eq!(kinds.len(), 2, "{kinds:?}");
        assert!(kinds.contains(&ChangeKind::Added.as_str()), "{kinds:?}");
        assert!(kinds.contains(&ChangeKind::Removed.as_str()), "{kinds:?}");
    }
}
