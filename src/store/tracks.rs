//! Track names a store can hold: checked before anything is written, since a name git cannot
//! keep as a ref file (too long, too deep, another track's folder) would otherwise fail in the
//! middle of moving refs.

use super::{Store, git};
use crate::error::{Error, Result};

/// The longest track name, in bytes, and its deepest nesting (`a/b/c/d`): a ref is a file
/// under `refs/heads/`, and a name past these limits fails in the file system, not here.
pub const MAX_TRACK_BYTES: usize = 100;
/// See [`MAX_TRACK_BYTES`].
pub const MAX_TRACK_DEPTH: usize = 4;

impl Store {
    /// Checks track names before anything is written: each must be a branch name within
    /// [`MAX_TRACK_BYTES`] and [`MAX_TRACK_DEPTH`], and none may be another's folder (`eu`
    /// and `eu/x` cannot both exist: git keeps a track as a file), among themselves or beside
    /// the store's tracks.
    pub fn check_tracks<'t>(&self, tracks: impl IntoIterator<Item = &'t str>) -> Result<()> {
        let mut all: Vec<String> = self
            .repo
            .references_glob("refs/heads/*")
            .map_err(git("listing tracks"))?
            .flatten()
            .filter_map(|r| r.name().ok().map(|n| n["refs/heads/".len()..].to_owned()))
            .collect();
        for track in tracks {
            let invalid = |msg: String| Error::InvalidArgument {
                what: "track name",
                value: track.to_owned(),
                msg,
            };
            if !git2::Reference::is_valid_name(&format!("refs/heads/{track}"))
                || track.starts_with('-')
            {
                return Err(invalid(
                    "use letters, digits, `-`, `_` or `/` (a git branch name)".into(),
                ));
            }
            if track.len() > MAX_TRACK_BYTES || track.split('/').count() > MAX_TRACK_DEPTH {
                return Err(invalid(format!(
                    "at most {MAX_TRACK_BYTES} bytes and {MAX_TRACK_DEPTH} levels"
                )));
            }
            let nested = |a: &str, b: &str| a.starts_with(b) && a[b.len()..].starts_with('/');
            if let Some(other) = all.iter().find(|o| nested(track, o) || nested(o, track)) {
                return Err(invalid(format!(
                    "it cannot sit beside track `{other}`: one would be the other's folder"
                )));
            }
            if !all.iter().any(|o| o == track) {
                all.push(track.to_owned());
            }
        }
        Ok(())
    }
}
