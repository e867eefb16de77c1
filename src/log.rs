//! The version log: versions with their parents' labels, ready to render.

use crate::version::Version;

/// A version as the log shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct LogEntry {
    /// The version.
    pub version: Version,
    /// Its parents, first parent first.
    pub parents: Vec<ParentRef>,
    /// The version it corrects (`amend`), if any.
    pub supersedes: Option<ParentRef>,
    /// The correction that supersedes it, if any.
    pub superseded_by: Option<ParentRef>,
    /// The earlier version whose text it tables again, if any.
    pub retables: Option<ParentRef>,
}

/// A parent of a version, named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParentRef {
    /// The parent's id.
    pub id: String,
    /// The parent's label (its id if it is not among the versions given).
    pub label: String,
}

/// Builds log entries from versions in lineage order (as [`crate::Store::versions`] returns
/// them); `newest_first` reverses the order, as `git log` does.
pub fn entries(versions: &[Version], newest_first: bool) -> Vec<LogEntry> {
    let mut out: Vec<LogEntry> = versions.iter().map(|v| entry(versions, v)).collect();
    if newest_first {
        out.reverse();
    }
    out
}

/// The log entry of `v`, its parents and corrections named from `versions`.
pub fn entry(versions: &[Version], v: &Version) -> LogEntry {
    let named = |id: &String| ParentRef {
        id: id.clone(),
        label: versions
            .iter()
            .find(|o| &o.id == id)
            .map_or_else(|| id.clone(), |o| o.label().to_owned()),
    };
    LogEntry {
        version: v.clone(),
        parents: v.parents.iter().map(named).collect(),
        supersedes: v.meta.supersedes.as_ref().map(named),
        superseded_by: v.superseded_by.as_ref().map(named),
        retables: v.meta.retabled.as_ref().map(named),
    }
}
