//! Revision resolution: what a user may type to name a version.
//!
//! In order of precedence: `HEAD` (the version recorded last), a full commit id, a track
//! name (its tip), a label, a label's slug, an id prefix of at least four hex digits; any of these followed by `~N` walks N first
//! parents back (`~` alone is `~1`).

use super::{Store, Version, git};
use crate::draft::slug;
use crate::error::{Error, Result};

impl Store {
    /// Resolves a revision to a version.
    pub fn resolve(&self, rev: &str) -> Result<Version> {
        let versions = self.versions()?;
        resolve_in(self, &versions, rev)
    }

    /// Returns the tip of `track`, if the track exists.
    pub(super) fn track_tip(&self, track: &str) -> Result<Option<git2::Oid>> {
        match self.repo.find_reference(&format!("refs/heads/{track}")) {
            Ok(r) => Ok(r.target()),
            Err(e) if e.code() == git2::ErrorCode::NotFound => Ok(None),
            Err(e) if e.code() == git2::ErrorCode::InvalidSpec => Ok(None),
            Err(e) => Err(git("reading a track")(e)),
        }
    }
}

/// Resolves `rev` among `versions` (as returned by [`Store::versions`]).
pub(super) fn resolve_in(store: &Store, versions: &[Version], rev: &str) -> Result<Version> {
    let rev_trimmed = rev.trim();
    if let Some((base, steps)) = rev_trimmed.rsplit_once('~') {
        let steps: usize = if steps.is_empty() {
            1
        } else {
            steps
                .parse()
                .map_err(|_| Error::UnknownRevision(rev.to_owned()))?
        };
        let mut current = resolve_in(store, versions, base)?;
        for depth in 0..steps {
            let Some(parent) = current.parents.first() else {
                return Err(Error::PastRoot {
                    rev: rev.to_owned(),
                    depth,
                });
            };
            current = find(versions, parent).ok_or_else(|| Error::UnknownRevision(rev.into()))?;
        }
        return Ok(current);
    }
    let rev = rev_trimmed;
    if rev.is_empty() {
        return Err(Error::UnknownRevision(rev.to_owned()));
    }
    if rev == "HEAD" {
        // As in git, the version recorded last (the latest recording time; among versions
        // recorded in the same second, the last one listed).
        return versions
            .iter()
            .enumerate()
            .max_by_key(|(i, v)| (v.recorded_at, *i))
            .map(|(_, v)| v.clone())
            .ok_or(Error::EmptyStore);
    }
    if let Some(v) = find(versions, rev) {
        return Ok(v);
    }
    if let Some(tip) = store.track_tip(rev)? {
        return find(versions, &tip.to_string()).ok_or_else(|| Error::UnknownRevision(rev.into()));
    }
    let by_label: Vec<&Version> = versions.iter().filter(|v| v.label() == rev).collect();
    if !by_label.is_empty() {
        return unique(rev, prefer_live(by_label));
    }
    let wanted = slug(rev);
    let by_slug: Vec<&Version> = versions
        .iter()
        .filter(|v| !wanted.is_empty() && slug(v.label()) == wanted)
        .collect();
    if !by_slug.is_empty() {
        return unique(rev, prefer_live(by_slug));
    }
    if rev.len() >= 4 && rev.chars().all(|c| c.is_ascii_hexdigit()) {
        let lower = rev.to_ascii_lowercase();
        let by_prefix: Vec<&Version> = versions
            .iter()
            .filter(|v| v.id.starts_with(&lower))
            .collect();
        if !by_prefix.is_empty() {
            return unique(rev, by_prefix);
        }
    }
    Err(Error::UnknownRevision(rev.to_owned()))
}

fn find(versions: &[Version], id: &str) -> Option<Version> {
    versions.iter().find(|v| v.id == id).cloned()
}

fn unique(rev: &str, matches: Vec<&Version>) -> Result<Version> {
    if let [only] = matches.as_slice() {
        return Ok((*only).clone());
    }
    let candidates = matches
        .iter()
        .map(|v| format!("{} ({})", v.short_id(), v.label()))
        .collect::<Vec<_>>()
        .join(", ");
    Err(Error::AmbiguousRevision {
        rev: rev.to_owned(),
        candidates,
    })
}

/// A name shared by a version and its correction (or a withdrawn version) names the live one.
fn prefer_live(found: Vec<&Version>) -> Vec<&Version> {
    if found.iter().any(|v| v.is_live()) {
        found.into_iter().filter(|v| v.is_live()).collect()
    } else {
        found
    }
}
