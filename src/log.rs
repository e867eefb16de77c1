//! The version log: versions with their parents' labels, ready to render.

use crate::version::Version;

/// A version as the log shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct LogEntry {
    /// The version.
    pub version: Version,
    /// Its parents, first parent first.
    pub parents: Vec<ParentRef>,
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
    let mut out: Vec<LogEntry> = versions
        .iter()
        .map(|v| LogEntry {
            version: v.clone(),
            parents: v
                .parents
                .iter()
                .map(|p| ParentRef {
                    id: p.clone(),
                    label: versions
                        .iter()
                        .find(|o| &o.id == p)
                        .map_or_else(|| p.clone(), |o| o.label().to_owned()),
                })
                .collect(),
        })
        .collect();
    if newest_first {
        out.reverse();
    }
    out
}
