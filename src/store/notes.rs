//! Annotations: sources and claims added to a version after it was recorded.
//!
//! They live as TOML git notes under `refs/notes/drafttrail`, one note per version. Adding to a
//! note rewrites the note blob but makes a new commit on the notes ref, so nothing is ever lost:
//! the notes ref's history is the append-only log of every annotation.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::{NOTES_REF, Store, WriteContext, git};
use crate::draft::{Claim, DraftMeta, Source};
use crate::error::{Error, Result};
use crate::version::Withdrawal;

/// Sources and claims attached to a version after the fact.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Annotations {
    /// Further sources of the same text.
    #[serde(default, rename = "source", skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    /// Further claims about the version.
    #[serde(default, rename = "claim", skip_serializing_if = "Vec::is_empty")]
    pub claims: Vec<Claim>,
    /// Withdrawals of the version (recorded by mistake).
    #[serde(default, rename = "withdrawal", skip_serializing_if = "Vec::is_empty")]
    pub withdrawals: Vec<Withdrawal>,
}

impl Annotations {
    /// Appends to `meta` the sources and claims it does not already have.
    pub fn apply_to(&self, meta: &mut DraftMeta) {
        for s in &self.sources {
            if !meta.sources.iter().any(|m| m.same_as(s)) {
                meta.sources.push(s.clone());
            }
        }
        for c in &self.claims {
            if !meta.claims.contains(c) {
                meta.claims.push(c.clone());
            }
        }
    }

    /// Returns the part of `self` that `meta` and `withdrawals` do not already have.
    pub fn missing_from(&self, meta: &DraftMeta, withdrawals: &[Withdrawal]) -> Annotations {
        Annotations {
            sources: self
                .sources
                .iter()
                .filter(|s| !meta.sources.iter().any(|m| m.same_as(s)))
                .cloned()
                .collect(),
            claims: self
                .claims
                .iter()
                .filter(|c| !meta.claims.contains(c))
                .cloned()
                .collect(),
            withdrawals: self
                .withdrawals
                .iter()
                .filter(|w| !withdrawals.contains(w))
                .cloned()
                .collect(),
        }
    }

    /// Returns `true` when there is nothing to add.
    pub fn is_empty(&self) -> bool {
        self.sources.is_empty() && self.claims.is_empty() && self.withdrawals.is_empty()
    }
}

impl Store {
    /// Returns the annotations of every annotated version, by version id.
    pub fn all_annotations(&self) -> Result<HashMap<String, Annotations>> {
        Ok(self.annotations_at(NOTES_REF)?.into_iter().collect())
    }

    /// The annotations of a notes ref (the store's, or one fetched into quarantine by `sync`),
    /// by annotated commit id (hex).
    pub(super) fn annotations_at(&self, notes_ref: &str) -> Result<BTreeMap<String, Annotations>> {
        let mut out = BTreeMap::new();
        let notes = match self.repo.notes(Some(notes_ref)) {
            Ok(notes) => notes,
            Err(e) if e.code() == git2::ErrorCode::NotFound => return Ok(out),
            Err(e) => return Err(git("reading annotations")(e)),
        };
        for pair in notes {
            let (note_blob, target) = pair.map_err(git("reading annotations"))?;
            let blob = self
                .repo
                .find_blob(note_blob)
                .map_err(git("reading annotations"))?;
            let id = target.to_string();
            let annotations = parse_note(&id, blob.content())?;
            out.insert(id, annotations);
        }
        Ok(out)
    }

    /// Appends `extra` to the annotations of version `id`. The caller holds the write lock.
    pub(super) fn annotate(&self, id: &str, extra: &Annotations, ctx: &WriteContext) -> Result<()> {
        let oid = git2::Oid::from_str(id).map_err(git("annotating"))?;
        let mut current = match self.repo.find_note(Some(NOTES_REF), oid) {
            Ok(note) => parse_note(id, note.message_bytes())?,
            Err(e) if e.code() == git2::ErrorCode::NotFound => Annotations::default(),
            Err(e) => return Err(git("reading annotations")(e)),
        };
        current.sources.extend(extra.sources.iter().cloned());
        current.claims.extend(extra.claims.iter().cloned());
        current
            .withdrawals
            .extend(extra.withdrawals.iter().cloned());
        let text = toml::to_string(&current)
            .map_err(|e| Error::store("writing annotations", e.to_string()))?;
        let sig = self.committer(ctx)?;
        super::crash_point();
        self.repo
            .note(&sig, &sig, Some(NOTES_REF), oid, &text, true)
            .map_err(git("writing annotations"))?;
        // libgit2 moved the notes ref itself; what it wrote is synced now, before the
        // command reports success.
        let tip = self
            .repo
            .refname_to_id(NOTES_REF)
            .map_err(git("reading annotations"))?;
        super::durable::sync_commit(&self.repo, tip)?;
        super::durable::sync_ref(&self.repo, NOTES_REF)
    }
}

/// Parses one version's annotations. A note over [`NOTE_LIMIT`](super::NOTE_LIMIT) is
/// refused before it is parsed: claims and sources are short, and parsing tens of megabytes
/// of TOML costs gigabytes of memory in every command (a note can only get that large by
/// hand, or from a remote that `sync` would have refused).
pub(super) fn parse_note(id: &str, bytes: &[u8]) -> Result<Annotations> {
    if bytes.len() > super::NOTE_LIMIT {
        return Err(Error::store(
            format!("reading annotation {NOTES_REF}:{id}"),
            format!(
                "{:.1} MiB is larger than the {} MiB an annotation may be",
                bytes.len() as f64 / 1048576.0,
                super::NOTE_LIMIT >> 20
            ),
        ));
    }
    let path = PathBuf::from(format!("{NOTES_REF}:{id}"));
    let text = crate::draft::check_text(&path, bytes)?;
    toml::from_str(text).map_err(|e| match crate::draft::toml_error(&path, text, 1, &e) {
        Error::FrontMatter { path, line, msg } => {
            Error::store(format!("reading annotation {}:{line}", path.display()), msg)
        }
        other => other,
    })
}
