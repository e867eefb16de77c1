//! Which recorded version is this text? Ranks versions by how much of their provisions an
//! unrecorded text shares, with the engine's own alignment, and says what differs from the
//! closest ones — exactly, down to the editorial differences (a comma, a space) that tell
//! apart copies of one draft handed to different recipients.
//!
//! Data flows in as (version, text) pairs read by the caller; nothing here touches the store.

use crate::align::{self, AlignOptions, Alignment, ChangeKind, Tag};
use crate::version::Version;

/// Below this score a version is not a match: the text is not one of the store's.
/// Calibrated on the sample corpus and the real corpus: unrelated texts score under 0.1,
/// lightly reworded copies of a version over 0.7.
pub const MATCH_THRESHOLD: f64 = 0.3;

/// One candidate, scored.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// The version.
    pub version: Version,
    /// Share of both texts' provisions that align, weighted by similarity (0–1).
    pub score: f64,
    /// The alignment of the version (old) with the text (new).
    pub alignment: Alignment,
}

impl Candidate {
    /// Whether the text matches this version closely enough to be a copy or a revision of it.
    pub fn is_match(&self) -> bool {
        self.score >= MATCH_THRESHOLD
    }

    /// The changes that are editorial only (punctuation, case, spacing): the marks of one
    /// copy among several.
    pub fn editorial(&self) -> impl Iterator<Item = &align::Change> {
        self.alignment
            .changes
            .iter()
            .filter(|c| c.kind == ChangeKind::Reworded && c.tags == [Tag::Editorial])
    }
}

/// How many versions, after the quick word filter, are aligned in full.
const ALIGNED: usize = 5;

/// Ranks `versions` (each with its text) by similarity to `text`, best first. A quick filter
/// (the share of distinct words two texts have in common) picks the few worth aligning; only
/// those are aligned provision by provision, scored and returned.
pub fn rank(text: &str, versions: Vec<(Version, String)>) -> Vec<Candidate> {
    let words = |t: &str| -> std::collections::HashSet<String> {
        t.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() > 2)
            .map(str::to_lowercase)
            .collect()
    };
    let probe = words(text);
    let sets: Vec<std::collections::HashSet<String>> =
        versions.iter().map(|(_, body)| words(body)).collect();
    let mut order: Vec<(usize, f64)> = sets
        .iter()
        .enumerate()
        .map(|(i, set)| {
            let shared = probe.intersection(set).count() as f64;
            let union = (probe.len() + set.len()) as f64 - shared;
            (i, if union > 0.0 { shared / union } else { 0.0 })
        })
        .collect();
    order.sort_by(|a, b| b.1.total_cmp(&a.1));
    let keep: std::collections::HashSet<usize> =
        order.iter().take(ALIGNED).map(|(i, _)| *i).collect();
    let mut out: Vec<Candidate> = versions
        .into_iter()
        .enumerate()
        .filter(|(i, _)| keep.contains(i))
        .map(|(_, (version, body))| {
            let opts = AlignOptions {
                langs: [version.meta.language(), None],
                ..AlignOptions::default()
            };
            let alignment = align::diff(&body, text, &opts);
            let score = score(&alignment);
            Candidate {
                version,
                score,
                alignment,
            }
        })
        .collect();
    out.sort_by(|a, b| b.score.total_cmp(&a.score));
    out
}

/// Share of both sides' provisions in aligned changes, each weighted by its similarity.
fn score(a: &Alignment) -> f64 {
    let total = a.old.len() + a.new.len();
    if total == 0 {
        return 0.0;
    }
    let shared: f64 = a
        .changes
        .iter()
        .filter(|c| !c.old.is_empty() && !c.new.is_empty())
        .map(|c| c.similarity * (c.old.len() + c.new.len()) as f64)
        .sum();
    (shared / total as f64).max(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn version(label: &str) -> Version {
        Version {
            id: format!("{label:0>40}"),
            parents: Vec::new(),
            meta: crate::draft::DraftMeta {
                label: Some(label.to_owned()),
                ..crate::draft::DraftMeta::default()
            },
            recorded_by: String::new(),
            recorded_at: chrono::DateTime::default(),
            body_id: String::new(),
            superseded_by: None,
            withdrawals: Vec::new(),
        }
    }

    #[test]
    fn the_closest_version_comes_first_and_unrelated_text_matches_nothing() {
        let a = "1. A ceasefire along the line of contact.\n2. Elections within 100 days.\n3. An amnesty for all.\n";
        let b = "1. Fishing quotas for the northern sea.\n2. A joint commission on salmon.\n";
        let copy = "1. A ceasefire, along the line of contact.\n2. Elections within 100 days.\n3. An amnesty for all.\n";
        let ranked = rank(
            copy,
            vec![(version("B"), b.to_owned()), (version("A"), a.to_owned())],
        );
        assert_eq!(ranked[0].version.label(), "A");
        assert!(
            ranked[0].is_match() && !ranked[1].is_match(),
            "{} {}",
            ranked[0].score,
            ranked[1].score
        );
        assert_eq!(ranked[0].editorial().count(), 1);
        let unrelated = rank(
            "1. The tariff on steel is raised.\n2. Customs forms are simplified.\n",
            vec![(version("A"), a.to_owned())],
        );
        assert!(!unrelated[0].is_match(), "{}", unrelated[0].score);
    }
}
