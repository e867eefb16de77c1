//! Wording traced to other documents: for each provision of a text, the passages of other
//! documents (reference documents, versions of other tracks) whose wording it reuses.
//!
//! Candidates come from an inverted index of word pairs (each provision's rarest pairs, and
//! any pair in few provisions: boilerplate says nothing of borrowing); each candidate is then aligned with the
//! provision word by word, locally (Smith–Waterman: the best-scoring stretch on both sides,
//! gaps allowed), on lower-cased words. A passage is kept when the stretch holds at least
//! [`MIN_WORDS`] matched words — calibrated on unrelated real law so that chance matches stay
//! under one per thousand provisions (ACCURACY.md).

use std::collections::HashMap;
use std::ops::Range;

use crate::provisions::Provision;

/// The fewest matched words a reused passage holds (see the module docs).
pub const MIN_WORDS: usize = 12;

/// Word pairs found in more provisions than this are not used to find candidates.
const COMMON_PAIR: usize = 40;

/// Each provision's rarest word pairs used to find candidates, however common.
const RARE_PAIRS: usize = 12;

/// Candidates aligned per provision, the most promising first.
const CANDIDATES: usize = 3;

/// A document wording may come from: an id, a label and its provisions.
#[derive(Debug, Clone)]
pub struct Document {
    /// Its id (a version's or a reference's).
    pub id: String,
    /// Its label.
    pub label: String,
    /// Its provisions.
    pub provisions: Vec<Provision>,
}

/// A passage of a provision that reuses the wording of a passage of another document.
#[derive(Debug, Clone, PartialEq)]
pub struct Passage {
    /// The provision (index in the traced text).
    pub provision: usize,
    /// The document (index in the documents given).
    pub document: usize,
    /// The document's provision.
    pub source_provision: usize,
    /// The reused stretch in the provision's text (bytes).
    pub span: Range<usize>,
    /// The matching stretch in the source provision's text (bytes).
    pub source_span: Range<usize>,
    /// Words of the provision matched in the stretch.
    pub words: usize,
    /// Share of the provision's words matched (0–1).
    pub share: f64,
    /// The local alignment's score (2 per matched word, −1 per gap or mismatch).
    pub score: i32,
}

/// One passage summed up for the views that list what a version reuses (`show`).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Reuse {
    /// The provision's id.
    pub provision: String,
    /// The document's label.
    pub document: String,
    /// Its provision's id.
    pub source_provision: String,
    /// Words matched.
    pub words: usize,
    /// The reused stretch, as it reads in the provision.
    pub text: String,
    /// The stretch it matches, as it reads in the document.
    pub source_text: String,
}

/// The passages as [`Reuse`] lines, by provision.
pub fn reuses(text: &[Provision], documents: &[Document], passages: &[Passage]) -> Vec<Reuse> {
    passages
        .iter()
        .map(|p| {
            let source = &documents[p.document].provisions[p.source_provision];
            Reuse {
                provision: text[p.provision].id.clone(),
                document: documents[p.document].label.clone(),
                source_provision: source.id.clone(),
                words: p.words,
                text: text[p.provision].text[p.span.clone()].to_owned(),
                source_text: source.text[p.source_span.clone()].to_owned(),
            }
        })
        .collect()
}

/// A word as the tracer compares it: the hash of its lower-cased letters, and its bytes.
type Word = (u64, Range<usize>);

/// The words of a text, hashed lower-cased (no allocation per word).
fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start = None;
    let mut h: u64 = 0;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        if c.is_alphanumeric() {
            if start.is_none() {
                start = Some(i);
                h = 0xcbf2_9ce4_8422_2325;
            }
            for l in c.to_lowercase() {
                h ^= u64::from(u32::from(l));
                h = h.wrapping_mul(0x0000_0100_0000_01b3);
            }
        } else if let Some(s) = start.take() {
            out.push((h, s..i));
        }
    }
    out
}

fn pair_key(a: u64, b: u64) -> u64 {
    a.rotate_left(17) ^ b.wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// Every passage of `text` (its provisions) that reuses wording of `documents`, by provision.
pub fn trace(text: &[Provision], documents: &[Document]) -> Vec<Passage> {
    trace_with(text, documents, MIN_WORDS)
}

/// [`trace`] with another threshold (for calibration: `examples/trace_calibration.rs`).
pub fn trace_with(text: &[Provision], documents: &[Document], min_words: usize) -> Vec<Passage> {
    let doc_words: Vec<Vec<Vec<Word>>> = documents
        .iter()
        .map(|d| d.provisions.iter().map(|p| words(&p.text)).collect())
        .collect();
    let mut index: HashMap<u64, Vec<(usize, usize)>> = HashMap::new();
    for (d, provs) in doc_words.iter().enumerate() {
        for (k, ws) in provs.iter().enumerate() {
            for pair in ws.windows(2) {
                let postings = index.entry(pair_key(pair[0].0, pair[1].0)).or_default();
                if postings.last() != Some(&(d, k)) {
                    postings.push((d, k));
                }
            }
        }
    }
    let mut out = Vec::new();
    for (j, p) in text.iter().enumerate() {
        let mine = words(&p.text);
        if mine.len() < min_words {
            continue;
        }
        // The provision's rarest word pairs find its candidates: a pair common to many
        // provisions (boilerplate, a small vocabulary) says nothing of borrowing.
        let mut pairs: Vec<&Vec<(usize, usize)>> = mine
            .windows(2)
            .filter_map(|pair| index.get(&pair_key(pair[0].0, pair[1].0)))
            .collect();
        pairs.sort_by_key(|postings| postings.len());
        pairs.dedup_by(|a, b| std::ptr::eq(*a, *b));
        let mut shared: HashMap<(usize, usize), usize> = HashMap::new();
        for (rank, postings) in pairs.iter().enumerate() {
            if rank >= RARE_PAIRS && postings.len() > COMMON_PAIR {
                break;
            }
            for &c in postings.iter() {
                *shared.entry(c).or_default() += 1;
            }
        }
        let mut candidates: Vec<((usize, usize), usize)> =
            shared.into_iter().filter(|(_, n)| *n >= 3).collect();
        candidates.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        for ((d, k), _) in candidates.into_iter().take(CANDIDATES) {
            let theirs = &doc_words[d][k];
            // Align only around the shared pairs (and a margin): long provisions sharing a
            // formula need not be aligned whole.
            let Some((wa, wb)) = seed_windows(&mine, theirs) else {
                continue;
            };
            if let Some((a, b, matched, score)) =
                local_alignment(&mine[wa.clone()], &theirs[wb.clone()])
                && matched >= min_words
            {
                let (a, b) = (
                    a.start + wa.start..a.end + wa.start,
                    b.start + wb.start..b.end + wb.start,
                );
                out.push(Passage {
                    provision: j,
                    document: d,
                    source_provision: k,
                    span: mine[a.start].1.start..mine[a.end - 1].1.end,
                    source_span: theirs[b.start].1.start..theirs[b.end - 1].1.end,
                    words: matched,
                    share: matched as f64 / mine.len() as f64,
                    score,
                });
            }
        }
    }
    out
}

/// Words around the word pairs two provisions share, on each side, with a margin of
/// [`MARGIN`] words; `None` when they share no pair.
fn seed_windows(a: &[Word], b: &[Word]) -> Option<(Range<usize>, Range<usize>)> {
    let mut at: HashMap<u64, Vec<usize>> = HashMap::new();
    for (j, pair) in b.windows(2).enumerate() {
        at.entry(pair_key(pair[0].0, pair[1].0))
            .or_default()
            .push(j);
    }
    let (mut lo_a, mut hi_a, mut lo_b, mut hi_b) = (usize::MAX, 0, usize::MAX, 0);
    for (i, pair) in a.windows(2).enumerate() {
        if let Some(js) = at.get(&pair_key(pair[0].0, pair[1].0)) {
            lo_a = lo_a.min(i);
            hi_a = hi_a.max(i + 2);
            for &j in js {
                lo_b = lo_b.min(j);
                hi_b = hi_b.max(j + 2);
            }
        }
    }
    (lo_a != usize::MAX).then(|| {
        (
            lo_a.saturating_sub(MARGIN)..(hi_a + MARGIN).min(a.len()),
            lo_b.saturating_sub(MARGIN)..(hi_b + MARGIN).min(b.len()),
        )
    })
}

/// Words aligned beyond the shared pairs on each side (see [`seed_windows`]).
const MARGIN: usize = 30;

/// Smith–Waterman on words: the best-scoring stretch of `a` against `b` (match +2, mismatch
/// or gap −1). Returns the word ranges on both sides, the matched words and the score.
fn local_alignment(a: &[Word], b: &[Word]) -> Option<(Range<usize>, Range<usize>, usize, i32)> {
    let (n, m) = (a.len(), b.len());
    if n == 0 || m == 0 {
        return None;
    }
    let w = m + 1;
    let mut h = vec![0i32; (n + 1) * w];
    let mut best = (0i32, 0usize, 0usize);
    for i in 1..=n {
        for j in 1..=m {
            let diag = h[(i - 1) * w + j - 1] + if a[i - 1].0 == b[j - 1].0 { 2 } else { -1 };
            let v = diag
                .max(h[(i - 1) * w + j] - 1)
                .max(h[i * w + j - 1] - 1)
                .max(0);
            h[i * w + j] = v;
            if v > best.0 {
                best = (v, i, j);
            }
        }
    }
    let (score, mut i, mut j) = best;
    if score == 0 {
        return None;
    }
    let (end_a, end_b) = (i, j);
    let mut matched = 0;
    while i > 0 && j > 0 && h[i * w + j] > 0 {
        let here = h[i * w + j];
        let same = a[i - 1].0 == b[j - 1].0;
        if here == h[(i - 1) * w + j - 1] + if same { 2 } else { -1 } {
            matched += usize::from(same);
            i -= 1;
            j -= 1;
        } else if here == h[(i - 1) * w + j] - 1 {
            i -= 1;
        } else {
            j -= 1;
        }
    }
    Some((i..end_a, j..end_b, matched, score))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::provisions::parse;

    fn doc(id: &str, text: &str) -> Document {
        Document {
            id: id.into(),
            label: id.into(),
            provisions: parse(text),
        }
    }

    #[test]
    fn a_reused_clause_is_found_with_its_span_and_nothing_in_unrelated_text() {
        let reference = doc(
            "position",
            "1. The Parties shall refrain from deploying ground-launched intermediate-range and shorter-range missiles in areas allowing them to reach the territory of the other Party.\n2. Fishing quotas are reviewed each year.\n",
        );
        let unrelated = doc(
            "fisheries",
            "1. The commission sets quotas for salmon and herring in the northern waters every spring after hearing the scientific council.\n",
        );
        let text = parse(
            "1. Both sides shall refrain from deploying ground-launched intermediate-range and shorter-range missiles in areas allowing them to reach the territory of the other side, and will verify it.\n2. Elections will be held within one hundred days of the signature of this agreement by all parties.\n",
        );
        let found = trace(&text, &[reference, unrelated]);
        assert_eq!(found.len(), 1, "{found:?}");
        let p = &found[0];
        assert_eq!((p.provision, p.document, p.source_provision), (0, 0, 0));
        assert_eq!(text[0].id, "1");
        let t = &text[0].text[p.span.clone()];
        assert!(t.starts_with("shall refrain from deploying"), "{t}");
        assert!(t.ends_with("territory of the other"), "{t}");
        assert!(p.words >= MIN_WORDS && p.share > 0.5, "{p:?}");
    }

    proptest::proptest! {
        #[test]
        fn a_provision_contained_verbatim_is_matched_full_length(
            words in proptest::collection::vec("[a-z]{3,9}", 12..60),
            before in proptest::collection::vec("[a-z]{3,9}", 0..20),
        ) {
            let clause = words.join(" ");
            let reference = doc("r", &format!("1. {} {}.\n", before.join(" "), clause));
            let text = parse(&format!("1. {clause}.\n"));
            let found = trace(&text, &[reference]);
            let id = text.iter().position(|p| p.id == "1").unwrap();
            let p = found.iter().find(|p| p.provision == id);
            proptest::prop_assert!(p.is_some(), "not found");
            let p = p.unwrap();
            proptest::prop_assert_eq!(p.words, words.len());
            proptest::prop_assert_eq!(&text[id].text[p.span.clone()], clause.as_str());
        }
    }
}
