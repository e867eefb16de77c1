//! Word origins (blame) and "whose wording survived" (shares).

use std::collections::BTreeMap;
use std::ops::Range;

use super::{Edge, Instance, Lineage, Node, SourceRef};
use crate::draft::{Confidence, Stance};
use crate::redline::Op;

/// A run of a provision's text whose words come from one version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// The text (a slice of the provision's text).
    pub text: String,
    /// Index of the version the words come from.
    pub origin: usize,
}

/// The words of a text: runs of letters and digits, as byte ranges.
pub(crate) fn tokens(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(s..text.len());
    }
    out
}

/// The origin of every word of an instance, read back from its segments.
fn word_origins(inst: &Instance) -> Vec<(Range<usize>, usize)> {
    let mut out = Vec::new();
    let mut offset = 0;
    for seg in inst.segments.iter() {
        for r in tokens(&seg.text) {
            out.push((offset + r.start..offset + r.end, seg.origin));
        }
        offset += seg.text.len();
    }
    out
}

/// Computes the segments of provision `j` of version `v` from the parent changes it came from.
pub(super) fn origins(
    nodes: &[Node],
    edges: &[Edge],
    instances: &[Vec<Instance>],
    v: usize,
    j: usize,
    sources: &[SourceRef],
) -> std::sync::Arc<[Segment]> {
    let text = &nodes[v].provisions[j].text;
    // An unchanged provision keeps its parent's origins as they are: a hash, not a diff.
    for s in sources {
        let e = &edges[s.edge];
        if let [i] = e.alignment.changes[s.change].old.as_slice()
            && sources.len() == 1
            && nodes[e.parent].provisions[*i].text == *text
        {
            return instances[e.parent][*i].segments.clone();
        }
    }
    let words = tokens(text);
    let mut origin = vec![v; words.len()];
    for s in sources {
        let e = &edges[s.edge];
        let c = &e.alignment.changes[s.change];
        // The change's redline runs over the old provisions joined by "\n", and likewise new.
        let mut old_words: Vec<(Range<usize>, usize)> = Vec::new();
        let mut base = 0;
        for &i in &c.old {
            for (r, o) in word_origins(&instances[e.parent][i]) {
                old_words.push((base + r.start..base + r.end, o));
            }
            base += nodes[e.parent].provisions[i].text.len() + 1;
        }
        let mut shift = 0;
        for &n in c.new.iter().take_while(|&&n| n != j) {
            shift += nodes[v].provisions[n].text.len() + 1;
        }
        let mut equal: Vec<(usize, usize, usize)> = Vec::new(); // new start, new end, old start
        let (mut old_off, mut new_off) = (0, 0);
        for span in &c.redline {
            let len = span.text.len();
            match span.op {
                Op::Equal => {
                    equal.push((new_off, new_off + len, old_off));
                    old_off += len;
                    new_off += len;
                }
                Op::Delete => old_off += len,
                Op::Insert => new_off += len,
            }
        }
        for (w, r) in words.iter().enumerate() {
            let (ws, we) = (r.start + shift, r.end + shift);
            let Some(&(ns, _, os)) = equal.iter().find(|(ns, ne, _)| *ns <= ws && we <= *ne) else {
                continue;
            };
            let at = os + (ws - ns);
            let found = old_words.partition_point(|(or, _)| or.end <= at);
            if let Some((or, o)) = old_words.get(found)
                && or.start <= at
                && *o < origin[w]
            {
                origin[w] = *o;
            }
        }
    }
    segments(text, &words, &origin, v).into()
}

/// Cuts `text` at word starts and merges neighbours of the same origin.
fn segments(text: &str, words: &[Range<usize>], origin: &[usize], own: usize) -> Vec<Segment> {
    if words.is_empty() {
        return vec![Segment {
            text: text.to_owned(),
            origin: own,
        }];
    }
    let mut out: Vec<Segment> = Vec::new();
    for (w, r) in words.iter().enumerate() {
        let start = if w == 0 { 0 } else { r.start };
        let end = words.get(w + 1).map_or(text.len(), |n| n.start);
        match out.last_mut() {
            Some(last) if last.origin == origin[w] => last.text.push_str(&text[start..end]),
            _ => out.push(Segment {
                text: text[start..end].to_owned(),
                origin: origin[w],
            }),
        }
    }
    out
}

/// Whose wording survived in one version.
#[derive(Debug, Clone, PartialEq)]
pub struct Shares {
    /// The version.
    pub version: usize,
    /// Its number of words.
    pub total: usize,
    /// Words per originating version (index), earliest first.
    pub by_version: Vec<(usize, usize)>,
    /// Words per originating track.
    pub by_track: Vec<(String, usize)>,
    /// Words from versions (or provisions) a contributor is claimed to have shaped.
    pub by_contributor: Vec<ContributorShare>,
}

impl Shares {
    /// The share of the version's words that `words` is, 0–1 (0 for an empty version).
    pub fn fraction(&self, words: usize) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            words as f64 / self.total as f64
        }
    }
}

/// The words traced to versions someone is claimed to have shaped.
#[derive(Debug, Clone, PartialEq)]
pub struct ContributorShare {
    /// Who.
    pub who: String,
    /// Words of the version traced to their claimed contributions.
    pub words: usize,
    /// The strongest confidence among the claims behind it.
    pub confidence: Option<Confidence>,
    /// The outlets reporting the claims.
    pub sources: Vec<String>,
}

impl Lineage {
    /// Counts the words of version `v` by origin version, track and claimed contributor.
    ///
    /// Version and track shares add up to the total. Contributor shares may overlap (several
    /// people are claimed for one version) and never count a word twice for one person.
    pub fn shares(&self, v: usize) -> Shares {
        let mut by_version: BTreeMap<usize, usize> = BTreeMap::new();
        let mut by_contributor: BTreeMap<String, ContributorShare> = BTreeMap::new();
        let mut total = 0;
        for (j, inst) in self.instances[v].iter().enumerate() {
            let _ = j;
            for seg in inst.segments.iter() {
                let n = tokens(&seg.text).len();
                total += n;
                *by_version.entry(seg.origin).or_insert(0) += n;
            }
        }
        for (&origin, &n) in &by_version {
            let mut seen = Vec::new();
            let node = &self.nodes[origin];
            // A claim its source retracted no longer says who shaped the text.
            let standing = crate::draft::pair_denials(&node.id, &node.meta.claims)
                .into_iter()
                .filter(|g| !g.is_retracted())
                .map(|g| g.claim);
            for c in standing {
                if c.stance != Stance::Asserts || !c.is_contribution() || seen.contains(&c.who) {
                    continue;
                }
                seen.push(c.who.clone());
                let e = by_contributor
                    .entry(c.who.clone())
                    .or_insert(ContributorShare {
                        who: c.who.clone(),
                        words: 0,
                        confidence: None,
                        sources: Vec::new(),
                    });
                e.words += n;
                e.confidence = strongest(e.confidence, c.confidence);
                if let Some(s) = &c.source
                    && !e.sources.contains(s)
                {
                    e.sources.push(s.clone());
                }
            }
        }
        let mut by_track: BTreeMap<String, usize> = BTreeMap::new();
        for (&origin, &n) in &by_version {
            *by_track
                .entry(self.nodes[origin].track().to_owned())
                .or_insert(0) += n;
        }
        let mut contributors: Vec<ContributorShare> = by_contributor.into_values().collect();
        contributors.sort_by(|a, b| b.words.cmp(&a.words).then(a.who.cmp(&b.who)));
        Shares {
            version: v,
            total,
            by_version: by_version.into_iter().collect(),
            by_track: by_track.into_iter().collect(),
            by_contributor: contributors,
        }
    }
}

fn strongest(a: Option<Confidence>, b: Option<Confidence>) -> Option<Confidence> {
    let rank = |c: Option<Confidence>| match c {
        Some(Confidence::Confirmed) => 4,
        Some(Confidence::Reported) => 3,
        Some(Confidence::Alleged) => 2,
        Some(Confidence::Disputed) => 1,
        None => 0,
    };
    if rank(b) > rank(a) { b } else { a }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_cover_the_text() {
        let text = "  Ukraine's army: 600,000.";
        let words = tokens(text);
        assert_eq!(words.len(), 5);
        let segs = segments(text, &words, &[0, 0, 1, 1, 1], 1);
        assert_eq!(
            segs.iter().map(|s| s.text.as_str()).collect::<String>(),
            text
        );
        assert_eq!(segs.len(), 2);
    }
}
