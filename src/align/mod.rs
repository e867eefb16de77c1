//! Alignment: the mapping a careful editor would draw between two versions' provisions.
//!
//! Pure and I/O-free. [`align`] runs these steps in order:
//!
//! 1. pinned pairs from the user, then exact matches by normalised-text hash, placeholders of
//!    repealed provisions (`(weggefallen)`) left aside (`assign`);
//! 2. candidate pairs from an inverted index over each provision's rarest words, built in both
//!    directions so the result does not depend on which side is "old" (`candidates`);
//! 3. scores by IDF-weighted word overlap (`text`) and a greedy one-to-one assignment above
//!    [`AlignOptions::threshold`], best score first, ties to the pair closest in relative
//!    position; then a context pass pairs leftovers that sit between the same aligned
//!    neighbours at a lower threshold, or alone in a slot under the same number with two
//!    words of their own, and the two texts' openings (`preamble`) pair if nothing else took
//!    them (`assign`); last, placeholders pair within the gaps between the pairs that keep
//!    their order: by number where the numbering holds (a provision with the placeholder of
//!    its number too: repealed in place), in order where it moved (`placeholders`);
//! 4. splits and merges among the leftovers by word containment (`split_merge`);
//! 5. `renumbered` and `moved` flags (moved = outside the longest order-preserving chain of
//!    pairs, `order`), `unchanged`/`reworded`, and rewording tags (`tags`).
//!
//! Every old provision ends up in exactly one change's `old`, every new one in exactly one
//! change's `new`.

mod assign;
mod candidates;
mod driver;
mod order;
mod placeholders;
mod split_merge;
mod tags;
mod text;

pub use crate::pin::{Pin, pins_between};
pub use driver::{align, diff};

/// One line saying how `new` differs from `old` (`12 reworded, 2 added, 4 removed`), with
/// the default options: what the store writes in a commit message (see
/// [`crate::store::WriteContext::summarise`]).
pub fn summary_line(old: &str, new: &str) -> String {
    diff(old, new, &AlignOptions::default())
        .summary()
        .to_string()
}

use crate::provisions::Provision;
use crate::redline::Span;

/// Tuning of the aligner. Every field has a documented default.
#[derive(Debug, Clone)]
pub struct AlignOptions {
    /// Minimum similarity (0–1) for a pair chosen on score alone. Default 0.4.
    pub threshold: f64,
    /// Minimum similarity for a pair between the same aligned neighbours. Default 0.2.
    pub context_threshold: f64,
    /// Share of a provision's (weighted) words found in another for a split or merge. Default 0.6.
    pub containment: f64,
    /// Candidates kept per provision and direction. Default 8.
    pub max_candidates: usize,
    /// User overrides: (old id, new id) pairs that win over the algorithm. Default none.
    pub pins: Vec<(String, String)>,
    /// Languages of the old and new texts, for stemming and stop words; `None` detects each
    /// from its text. Default detect.
    pub langs: [Option<crate::lang::Lang>; 2],
    /// Whether the old and the new text cover only part of their document (see
    /// [`DraftMeta::is_partial`](crate::draft::DraftMeta::is_partial)): a provision only on
    /// the other side is then `not-covered`, not added or removed. Default: both full.
    pub partial: [bool; 2],
    /// Keep the word-by-word redline as diffed, without folding short equal runs into the
    /// changes around them (`--word-diff=raw`). Default off: redlines read as phrases.
    pub raw_redline: bool,
    /// Treat texts that differ only in whitespace, even inside a line (`600,000 .` and
    /// `600,000.`), as unchanged (`-w`). Line endings and re-wrapping are never changes.
    /// Default off.
    pub ignore_all_space: bool,
}

impl Default for AlignOptions {
    fn default() -> Self {
        AlignOptions {
            threshold: 0.4,
            context_threshold: 0.12,
            containment: 0.6,
            max_candidates: 8,
            pins: Vec::new(),
            langs: [None, None],
            partial: [false, false],
            raw_redline: false,
            ignore_all_space: false,
        }
    }
}

/// What happened to a provision (or group of provisions) between two versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChangeKind {
    /// Same text (its number may differ).
    Unchanged,
    /// Aligned, with different text.
    Reworded,
    /// One old provision became several new ones.
    Split,
    /// Several old provisions became one new one.
    Merged,
    /// Only in the new version.
    Added,
    /// Only in the old version.
    Removed,
    /// Only in one version, the other being a partial text (a reconstruction, an excerpt)
    /// that does not cover it: unknown there, not added or removed.
    NotCovered,
}

impl ChangeKind {
    /// Returns the kind's name as in the JSON schema.
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Unchanged => "unchanged",
            ChangeKind::Reworded => "reworded",
            ChangeKind::Split => "split",
            ChangeKind::Merged => "merged",
            ChangeKind::Added => "added",
            ChangeKind::Removed => "removed",
            ChangeKind::NotCovered => "not-covered",
        }
    }
}

/// What kind of rewording a change is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Tag {
    /// A number changed (600,000 → 800,000).
    Quantity,
    /// A modal verb changed (shall → may, will → is expected to).
    Modality,
    /// A named party was added or dropped.
    Party,
    /// A deadline or date changed.
    Date,
    /// Only punctuation, case or spacing changed.
    Editorial,
}

impl Tag {
    /// Returns the tag's name as in the JSON schema.
    pub fn as_str(self) -> &'static str {
        match self {
            Tag::Quantity => "quantity",
            Tag::Modality => "modality",
            Tag::Party => "party",
            Tag::Date => "date",
            Tag::Editorial => "editorial",
        }
    }
}

/// One change: old provisions → new provisions, with flags, tags and the word-level redline.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// What happened.
    pub kind: ChangeKind,
    /// Indexes into [`Alignment::old`], in document order (empty for `added`).
    pub old: Vec<usize>,
    /// Indexes into [`Alignment::new`], in document order (empty for `removed`).
    pub new: Vec<usize>,
    /// The number changed.
    pub renumbered: bool,
    /// The pair left the longest order-preserving chain, or was taken into another part of the
    /// outline (another chapter, title or annex) than its neighbours.
    pub moved: bool,
    /// Word similarity of the two sides, 0–1 (1 for unchanged, 0 for added/removed).
    pub similarity: f64,
    /// Kinds of rewording.
    pub tags: Vec<Tag>,
    /// Word-level redline of the old side's text against the new side's; several provisions
    /// on one side are joined with a newline.
    pub redline: Vec<Span>,
    /// Why the sides were linked; `None` for added and removed provisions.
    pub why: Option<Why>,
}

/// Why a change links its old and new provisions: the evidence an editor can check.
#[derive(Debug, Clone, PartialEq)]
pub enum Why {
    /// The same text, or the same text laid out differently (spacing, line breaks).
    Exact,
    /// The same words; punctuation or case differ.
    Editorial,
    /// Similar words: the pair scored above the threshold and stands out from the rest of
    /// the document. `shared` lists the rarest words both sides have (matched by stem).
    Similar {
        /// Rarest shared words, rarest first (at most five).
        shared: Vec<String>,
    },
    /// Both sit between the same two aligned neighbours and share distinctive words.
    Context {
        /// The aligned pair just before (old index, new index); `None` at the start.
        after: Option<(usize, usize)>,
        /// The aligned pair just after; `None` at the end.
        before: Option<(usize, usize)>,
        /// Rarest shared words, rarest first (at most five).
        shared: Vec<String>,
    },
    /// One old provision's words are found in several new ones.
    Split {
        /// Share of the old provision's weighted words found in the pieces, 0–1.
        coverage: f64,
    },
    /// Several old provisions' words are found in one new one.
    Merge {
        /// Share of the new provision's weighted words found in the old ones, 0–1.
        coverage: f64,
    },
    /// Most of one side's words are found in the other (a provision cut down or padded out).
    Containment {
        /// Share of the smaller side's weighted words found in the larger, 0–1.
        coverage: f64,
    },
    /// The same id, and one side is the placeholder of a repealed or deleted provision
    /// (`(weggefallen)`, `(suprimida)`, `[Reserved]`).
    Placeholder,
    /// A user's pin overrules the algorithm.
    Pin,
}

impl Why {
    /// Returns the reason's name as in the JSON schema (`exact`, `editorial`, `similar`,
    /// `context`, `split`, `merge`, `containment`, `placeholder`, `pin`).
    pub fn as_str(&self) -> &'static str {
        match self {
            Why::Exact => "exact",
            Why::Editorial => "editorial",
            Why::Similar { .. } => "similar",
            Why::Context { .. } => "context",
            Why::Split { .. } => "split",
            Why::Merge { .. } => "merge",
            Why::Containment { .. } => "containment",
            Why::Placeholder => "placeholder",
            Why::Pin => "pin",
        }
    }
}

/// The provision-level diff of two versions.
#[derive(Debug, Clone, PartialEq)]
pub struct Alignment {
    /// The old version's provisions.
    pub old: Vec<Provision>,
    /// The new version's provisions.
    pub new: Vec<Provision>,
    /// The changes, in new-document order; a removed provision follows the change holding the
    /// provision that preceded it.
    pub changes: Vec<Change>,
}

/// Counts of changes by kind and flag.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Changes of kind unchanged.
    pub unchanged: usize,
    /// Changes of kind reworded.
    pub reworded: usize,
    /// Changes flagged renumbered.
    pub renumbered: usize,
    /// Changes flagged moved.
    pub moved: usize,
    /// Changes of kind split.
    pub split: usize,
    /// Changes of kind merged.
    pub merged: usize,
    /// Changes of kind added.
    pub added: usize,
    /// Changes of kind removed.
    pub removed: usize,
    /// Changes of kind not covered.
    pub not_covered: usize,
}

impl Summary {
    /// Whether anything changed: a provision reworded, split, merged, added, removed,
    /// renumbered or moved.
    pub fn has_changes(&self) -> bool {
        self.reworded
            + self.split
            + self.merged
            + self.added
            + self.removed
            + self.renumbered
            + self.moved
            > 0
    }
}

impl std::fmt::Display for Summary {
    /// Writes the non-zero counts as a phrase: `3 unchanged, 2 reworded, 1 added`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let parts = [
            (self.unchanged, "unchanged"),
            (self.reworded, "reworded"),
            (self.split, "split"),
            (self.merged, "merged"),
            (self.added, "added"),
            (self.removed, "removed"),
            (self.not_covered, "not covered"),
            (self.renumbered, "renumbered"),
            (self.moved, "moved"),
        ];
        let text: Vec<String> = parts
            .iter()
            .filter(|(n, _)| *n > 0)
            .map(|(n, what)| format!("{n} {what}"))
            .collect();
        if text.is_empty() {
            f.write_str("no provisions")
        } else {
            f.write_str(&text.join(", "))
        }
    }
}

impl Alignment {
    /// Checks the alignment's invariants; returns the first violation. Every provision of
    /// each side is in exactly one change, and each change's redline reproduces both sides'
    /// texts exactly. Used by the property tests and the fuzz targets.
    pub fn invariant_violation(&self) -> Option<String> {
        let mut old_seen = vec![0u32; self.old.len()];
        let mut new_seen = vec![0u32; self.new.len()];
        let join = |ps: &[crate::provisions::Provision], idx: &[usize]| {
            idx.iter()
                .map(|&i| &*ps[i].text)
                .collect::<Vec<_>>()
                .join("\n")
        };
        for (k, c) in self.changes.iter().enumerate() {
            for &i in &c.old {
                match old_seen.get_mut(i) {
                    Some(n) => *n += 1,
                    None => return Some(format!("change {k}: old index {i} out of range")),
                }
            }
            for &j in &c.new {
                match new_seen.get_mut(j) {
                    Some(n) => *n += 1,
                    None => return Some(format!("change {k}: new index {j} out of range")),
                }
            }
            let (old, new) = crate::redline::sides(&c.redline);
            if old != join(&self.old, &c.old) || new != join(&self.new, &c.new) {
                return Some(format!(
                    "change {k}: the redline does not reproduce the texts"
                ));
            }
        }
        if let Some(i) = old_seen.iter().position(|&n| n != 1) {
            return Some(format!("old provision {i} is in {} changes", old_seen[i]));
        }
        if let Some(j) = new_seen.iter().position(|&n| n != 1) {
            return Some(format!("new provision {j} is in {} changes", new_seen[j]));
        }
        None
    }

    /// Counts the changes by kind and flag.
    pub fn summary(&self) -> Summary {
        let mut s = Summary::default();
        for c in &self.changes {
            match c.kind {
                ChangeKind::Unchanged => s.unchanged += 1,
                ChangeKind::Reworded => s.reworded += 1,
                ChangeKind::Split => s.split += 1,
                ChangeKind::Merged => s.merged += 1,
                ChangeKind::Added => s.added += 1,
                ChangeKind::Removed => s.removed += 1,
                ChangeKind::NotCovered => s.not_covered += 1,
            }
            s.renumbered += usize::from(c.renumbered);
            s.moved += usize::from(c.moved);
        }
        s
    }

    /// Returns the ids of a change's old provisions.
    pub fn old_ids(&self, c: &Change) -> Vec<&str> {
        c.old.iter().map(|&i| self.old[i].id.as_str()).collect()
    }

    /// Returns the ids of a change's new provisions.
    pub fn new_ids(&self, c: &Change) -> Vec<&str> {
        c.new.iter().map(|&i| self.new[i].id.as_str()).collect()
    }

    /// Returns the place (heading path) of a change's first old provision; empty for an added
    /// provision or a document without outline.
    pub fn old_place(&self, c: &Change) -> &[String] {
        c.old.first().map_or(&[], |&i| &self.old[i].place)
    }

    /// Returns the place (heading path) of a change's first new provision; empty for a
    /// removed provision or a document without outline.
    pub fn new_place(&self, c: &Change) -> &[String] {
        c.new.first().map_or(&[], |&j| &self.new[j].place)
    }

    /// Returns `true` when nothing but numbering changed.
    pub fn is_identical_text(&self) -> bool {
        self.changes.iter().all(|c| c.kind == ChangeKind::Unchanged)
    }
}

#[cfg(test)]
mod proptests;
