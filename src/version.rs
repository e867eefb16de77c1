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
    /// The version that corrects this one (`drafttrail amend`), if any: the latest of a
    /// chain of corrections.
    pub superseded_by: Option<String>,
    /// Why the version was withdrawn (`drafttrail withdraw`), if it was: recorded by mistake,
    /// kept for the record, hidden from the default views.
    pub withdrawals: Vec<Withdrawal>,
}

/// A withdrawal of a version recorded by mistake: an annotation, append-only like claims.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Withdrawal {
    /// Why it was withdrawn.
    pub why: String,
    /// Who withdrew it.
    pub by: String,
    /// When (RFC 3339).
    pub at: String,
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

    /// Whether the default views show the version in the lineage: neither superseded by a
    /// correction nor withdrawn.
    pub fn is_live(&self) -> bool {
        self.superseded_by.is_none() && self.withdrawals.is_empty()
    }

    /// Returns the version's track.
    pub fn track(&self) -> &str {
        self.meta.track.as_deref().unwrap_or(DEFAULT_TRACK)
    }
}
