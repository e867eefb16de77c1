//! A comparison laid out as one document that holds both texts: what a Word file with tracked
//! changes needs. Every provision's whole text (its number, and the headings that follow it)
//! is one piece: kept (with the phrase-level redline of its old and new text), removed, or
//! added; a provision that changed places is removed at its old place and added at its new
//! one, marked as moved. Pieces come in an order that reads as the old text when every change
//! is rejected and as the new text when every change is accepted: the linked provisions whose
//! order both texts share (the longest such run) anchor the layout, and between two anchors
//! the old text's pieces come before the new text's.

use crate::align::Alignment;
use crate::redline::{self, Span};

/// One piece of the laid-out comparison.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    /// In both texts at the same place: the redline of its old and new text.
    Kept {
        /// The old provision ids.
        old: Vec<String>,
        /// The new provision ids.
        new: Vec<String>,
        /// The phrase-level redline; it tiles the old and the new text.
        spans: Vec<Span>,
    },
    /// Only in the old text (removed, or moved away from here).
    Removed {
        /// The old provision ids.
        old: Vec<String>,
        /// The old text.
        text: String,
        /// Moved elsewhere rather than removed.
        moved: bool,
    },
    /// Only in the new text (added, or moved here).
    Added {
        /// The new provision ids.
        new: Vec<String>,
        /// The new text.
        text: String,
        /// Moved from elsewhere rather than added.
        moved: bool,
    },
}

/// Lays out the comparison of `old_body` and `new_body` aligned as `a`.
pub fn layout(a: &Alignment, old_body: &str, new_body: &str) -> Vec<Piece> {
    let text = |body: &str, provisions: &[crate::provisions::Provision], ids: &[usize]| {
        ids.iter()
            .filter_map(|&i| provisions.get(i).and_then(|p| body.get(p.span.clone())))
            .collect::<String>()
    };
    let ids = |provisions: &[crate::provisions::Provision], ix: &[usize]| -> Vec<String> {
        ix.iter()
            .filter_map(|&i| provisions.get(i).map(|p| p.id.clone()))
            .collect()
    };
    // Linked changes whose provisions are contiguous on both sides, in new order; the longest
    // run increasing in old order anchors the layout. (A merge of provisions 2 and 4 around a
    // kept 3 cannot be one piece: its parts go to their own places.)
    let contiguous = |ix: &[usize]| runs(ix).len() == 1;
    let mut linked: Vec<usize> = (0..a.changes.len())
        .filter(|&k| contiguous(&a.changes[k].old) && contiguous(&a.changes[k].new))
        .collect();
    linked.sort_by_key(|&k| first(&a.changes[k].new));
    let anchors = longest_increasing(&linked, |k| first(&a.changes[k].old));
    let is_anchor = |k: usize| anchors.binary_search_by_key(&k, |&x| x).is_ok();
    let mut anchored: Vec<usize> = anchors.clone();
    anchored.sort_by_key(|&k| first(&a.changes[k].new));
    // Old-only and new-only pieces, each with the place it sorts at on its side.
    let mut old_only: Vec<(usize, Piece)> = Vec::new();
    let mut new_only: Vec<(usize, Piece)> = Vec::new();
    for (k, c) in a.changes.iter().enumerate() {
        if !c.old.is_empty() && !c.new.is_empty() && is_anchor(k) {
            continue;
        }
        let moved = !c.old.is_empty() && !c.new.is_empty();
        for run in runs(&c.old) {
            old_only.push((
                first(&run),
                Piece::Removed {
                    old: ids(&a.old, &run),
                    text: text(old_body, &a.old, &run),
                    moved,
                },
            ));
        }
        for run in runs(&c.new) {
            new_only.push((
                first(&run),
                Piece::Added {
                    new: ids(&a.new, &run),
                    text: text(new_body, &a.new, &run),
                    moved,
                },
            ));
        }
    }
    old_only.sort_by_key(|(at, _)| *at);
    new_only.sort_by_key(|(at, _)| *at);
    let mut out = Vec::new();
    let (mut o, mut n) = (0, 0);
    for &k in &anchored {
        let c = &a.changes[k];
        let (old_at, new_at) = (first(&c.old), first(&c.new));
        while o < old_only.len() && old_only[o].0 < old_at {
            out.push(old_only[o].1.clone());
            o += 1;
        }
        while n < new_only.len() && new_only[n].0 < new_at {
            out.push(new_only[n].1.clone());
            n += 1;
        }
        let (old_text, new_text) = (
            text(old_body, &a.old, &c.old),
            text(new_body, &a.new, &c.new),
        );
        out.push(Piece::Kept {
            old: ids(&a.old, &c.old),
            new: ids(&a.new, &c.new),
            spans: reuse(&c.redline, &old_text, &new_text)
                .unwrap_or_else(|| redline::phrases(redline::words(&old_text, &new_text))),
        });
    }
    out.extend(old_only.drain(o..).map(|(_, p)| p));
    out.extend(new_only.drain(n..).map(|(_, p)| p));
    out
}

/// The alignment's own phrase-level redline of the provisions' texts, with the redline of
/// what their spans hold around it (the heading line with the number, usually) before and
/// after: diffing a code's provisions twice is what made an export cost twice a diff.
fn reuse(spans: &[Span], old: &str, new: &str) -> Option<Vec<Span>> {
    let (a, b) = redline::sides(spans);
    let (oa, nb) = (old.find(&*a)?, new.find(&*b)?);
    let (old_pre, old_post) = (&old[..oa], &old[oa + a.len()..]);
    let (new_pre, new_post) = (&new[..nb], &new[nb + b.len()..]);
    let mut out = redline::phrases(redline::words(old_pre, new_pre));
    out.extend_from_slice(spans);
    out.extend(redline::phrases(redline::words(old_post, new_post)));
    Some(out)
}

/// The indexes in runs of consecutive ones, in order.
fn runs(ix: &[usize]) -> Vec<Vec<usize>> {
    let mut sorted = ix.to_vec();
    sorted.sort_unstable();
    let mut out: Vec<Vec<usize>> = Vec::new();
    for i in sorted {
        match out.last_mut() {
            Some(run) if run.last().is_some_and(|&l| l + 1 == i) => run.push(i),
            _ => out.push(vec![i]),
        }
    }
    out
}

fn first(ix: &[usize]) -> usize {
    ix.iter().copied().min().unwrap_or(usize::MAX)
}

/// The items of `seq` (in its order) forming the longest run increasing by `key`, returned
/// sorted (for a binary search).
fn longest_increasing(seq: &[usize], key: impl Fn(usize) -> usize) -> Vec<usize> {
    // Patience sorting: tails[l] is the index in `seq` ending the best run of length l + 1.
    let mut tails: Vec<usize> = Vec::new();
    let mut prev: Vec<Option<usize>> = vec![None; seq.len()];
    for (i, &item) in seq.iter().enumerate() {
        let k = key(item);
        let at = tails.partition_point(|&t| key(seq[t]) < k);
        if at > 0 {
            prev[i] = Some(tails[at - 1]);
        }
        if at == tails.len() {
            tails.push(i);
        } else {
            tails[at] = i;
        }
    }
    let mut out = Vec::new();
    let mut cur = tails.last().copied();
    while let Some(i) = cur {
        out.push(seq[i]);
        cur = prev[i];
    }
    out.sort_unstable();
    out
}

/// A kept piece's spans as its paragraph holds them: the paragraph's end stands for the
/// piece's final line end, so the last span loses its trailing line ends.
pub fn paragraph_spans(spans: &[Span]) -> impl Iterator<Item = (redline::Op, &str)> {
    spans.iter().enumerate().map(move |(k, s)| {
        let text: &str = &s.text;
        let text = if k + 1 == spans.len() {
            text.trim_end_matches('\n')
        } else {
            text
        };
        (s.op, text)
    })
}

/// The text a layout reads as with every change accepted (`new = true`) or rejected.
pub fn state(pieces: &[Piece], new: bool) -> String {
    let mut out = String::new();
    for p in pieces {
        match p {
            Piece::Kept { spans, .. } => {
                let (old, new_text) = redline::sides(spans);
                out.push_str(if new { &new_text } else { &old });
            }
            Piece::Removed { text, .. } if !new => out.push_str(text),
            Piece::Added { text, .. } if new => out.push_str(text),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_states_read_as_the_texts() {
        let old = "Preamble.\n1. Alpha stays.\n2. Beta moves later.\n3. Gamma goes.\n4. Delta is reworded.\n";
        let new = "Preamble.\n1. Alpha stays.\n2. Delta is reworded slightly.\n3. Beta moves later.\n4. Epsilon arrives.\n";
        let a = crate::align::align(
            crate::provisions::parse(old),
            crate::provisions::parse(new),
            &crate::align::AlignOptions::default(),
        );
        let pieces = layout(&a, old, new);
        assert_eq!(state(&pieces, false), old);
        assert_eq!(state(&pieces, true), new);
    }

    #[test]
    fn the_longest_increasing_run_is_found() {
        let seq = [0, 1, 2, 3, 4];
        let keys = [3, 1, 2, 9, 4];
        assert_eq!(longest_increasing(&seq, |i| keys[i]), [1, 2, 4]);
    }
}
