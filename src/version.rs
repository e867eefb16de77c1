//! A recorded version as the views see it: its id, parents, metadata and who recorded it —
//! plain data, read from the store by `store` and handed to `lineage`, `log` and `render`,
//! which never touch git themselves.

use chrono::{DateTime, Utc};

use crate::draft::DraftMeta;

/// The track of a version whose front matter names none.
pub(crate) const DEFAULT_TRACK: &str = "main";

/// The first 10 hex digits of a version id: how every view names a version by id.
pub fn short_id(id: &str) -> &str {
    id.get(..10).unwrap_or(id)
}

/// One recorded version, with metadata merged from its `draft.toml` and its annotations.
#[derive(Debug, Clone, PartialEq)]
pub struct Version {
    /// Full commit id (hex).
    pub id: String,
    /// Parent version ids, first parent first.
    pub parents: Vec<String>,
    /// The metadata: `draft.toml` plus sources and claims added later.
    pub meta: DraftMeta,
    /// Who recorded it.
    pub recorded_by: String,
    /// When it was recorded.
    pub recorded_at: DateTime<Utc>,
    /// The git blob id of its text (read by the store only).
    pub(crate) body_id: String,
}

impl Version {
    /// Returns the first 10 hex digits of the id.
    pub fn short_id(&self) -> &str {
        short_id(&self.id)
    }

    /// Returns the version's label (its id if it has none).
    pub fn label(&self) -> &str {
        self.meta.label.as_deref().unwrap_or(&self.id)
    }

    /// Returns the version's track.
    pub fn track(&self) -> &str {
        self.meta.track.as_deref().unwrap_or(DEFAULT_TRACK)
    }
}
