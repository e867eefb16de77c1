//! Moving refs: the one compare-and-swap every writer (commit, annotations, pins, the
//! journal's replay) goes through, so a concurrent writer is always detected the same way.

use super::git;
use crate::error::{Error, Result};

/// Moves `name` from `expected` to `new` atomically, or fails with `ConcurrentWrite`. The
/// objects `new` adds are synced to disk before the move, the ref file after it.
pub(super) fn update_ref(
    repo: &git2::Repository,
    name: &str,
    new: git2::Oid,
    expected: Option<git2::Oid>,
    track: &str,
    log: &str,
) -> Result<()> {
    if repo.find_commit(new).is_ok() {
        super::durable::sync_commit(repo, new)?;
    }
    let result = match expected {
        Some(old) => repo.reference_matching(name, new, true, old, log),
        None => repo.reference(name, new, false, log),
    };
    match result {
        Ok(_) => super::durable::sync_ref(repo, name),
        Err(e)
            if matches!(
                e.code(),
                git2::ErrorCode::Modified | git2::ErrorCode::Exists | git2::ErrorCode::Locked
            ) =>
        {
            Err(Error::ConcurrentWrite {
                track: track.to_owned(),
            })
        }
        Err(e) => Err(git("updating a ref")(e)),
    }
}

/// A fresh store's HEAD names `main`; point it at the first track recorded so that
/// `git clone` checks a version out.
pub(super) fn point_unborn_head(repo: &git2::Repository, ref_name: &str) -> Result<()> {
    if repo.head().is_err() {
        repo.set_head(ref_name).map_err(git("updating HEAD"))?;
    }
    Ok(())
}
