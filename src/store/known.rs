//! A text already recorded: recorded again, it is the same version (its new sources and claims
//! added, anything else it says named as not recorded), unless it is an old text tabled again
//! on a track that has moved on from it, which is a version of its own.

use super::notes::Annotations;
use super::revision::resolve_in;
use super::{Recorded, Writer, git};
use crate::draft::{Draft, DraftMeta};
use crate::error::Result;

impl Writer<'_> {
    /// A known text recorded again under a label of its own on a track that has moved on from
    /// it (the version that has it is an ancestor of the track's latest, with another text):
    /// an old draft tabled again, which is a version of its own (a negotiation event), not a
    /// new source of the old one. Returns the old version's id and label. The same label, the
    /// track's latest text, or a text from elsewhere is the same version.
    pub(super) fn retabling(
        &self,
        draft: &Draft,
        meta: &DraftMeta,
        label: &str,
        track: &str,
    ) -> Result<Option<(String, String)>> {
        let cache = self.cached()?;
        let body_oid = git2::Oid::hash_object(git2::ObjectType::Blob, draft.body.as_bytes())
            .map_err(git("hashing the body"))?;
        let Some(existing_id) = cache.bodies.get(&body_oid.to_string()) else {
            return Ok(None);
        };
        let existing = resolve_in(self.store, &cache.versions, existing_id)?;
        // Any version with this text and this label is the one the draft means.
        let same_label = cache
            .versions
            .iter()
            .any(|v| v.body_id == body_oid.to_string() && v.label() == label);
        drop(cache);
        if same_label {
            return Ok(None);
        }
        // Tabled again means: back in a lineage that has moved on from it. The same text
        // under another label on another track (a second outlet relaying it) is a source.
        let ref_name = format!("refs/heads/{track}");
        let Some(tip) = self.tip(&ref_name, self.store.track_tip(track)?) else {
            return Ok(None);
        };
        let old = git2::Oid::from_str(&existing.id).map_err(git("reading a version"))?;
        let moved_on = tip != old
            && self.store.load_version(tip)?.body_id != body_oid.to_string()
            && self
                .store
                .repo
                .graph_descendant_of(tip, old)
                .map_err(git("comparing histories"))?;
        if !moved_on || meta.label.is_none() {
            return Ok(None);
        }
        Ok(Some((existing.id.clone(), existing.label().to_owned())))
    }

    /// A body already recorded is not recorded twice: the draft's sources and claims that the
    /// version lacks are added to it. `None` when the body is new.
    pub(super) fn record_known_body(
        &self,
        draft: &Draft,
        meta: &DraftMeta,
    ) -> Result<Option<Recorded>> {
        let cache = self.cached()?;
        let body_oid = git2::Oid::hash_object(git2::ObjectType::Blob, draft.body.as_bytes())
            .map_err(git("hashing the body"))?;
        let Some(existing_id) = cache.bodies.get(&body_oid.to_string()) else {
            return Ok(None);
        };
        let mut existing = resolve_in(self.store, &cache.versions, existing_id)?;
        // A text that was corrected is known as its correction.
        if let Some(newer) = existing.superseded_by.clone() {
            existing = resolve_in(self.store, &cache.versions, &newer)?;
        }
        drop(cache);
        let extra = Annotations {
            sources: meta.sources.clone(),
            claims: meta.claims.clone(),
            withdrawals: Vec::new(),
        }
        .missing_from(&existing.meta, &existing.withdrawals);
        let label = existing.label().to_owned();
        // The draft as written (before the default track was filled in) against the version.
        let ignored = draft.meta.unrecorded_against(&existing.meta);
        if extra.is_empty() {
            return Ok(Some(Recorded::Unchanged {
                id: existing.id,
                label,
                ignored,
            }));
        }
        self.annotate(&existing.id, extra.clone())?;
        Ok(Some(Recorded::ExtraSources {
            id: existing.id,
            label,
            sources: extra.sources.len(),
            claims: extra.claims.len(),
            ignored,
        }))
    }
}
