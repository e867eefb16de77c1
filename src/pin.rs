//! A pin: a user's override of one alignment decision, kept in the store (`pin`, `unpin`)
//! and honoured by every view. Plain data: the store reads and writes pins, `align` and
//! `lineage` take them as input; it imports nothing of either.

/// A user's override of one alignment decision: this old provision *is* that new one.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pin {
    /// The old version's id.
    pub old_version: String,
    /// The provision id in the old version.
    pub old_provision: String,
    /// The new version's id.
    pub new_version: String,
    /// The provision id in the new version.
    pub new_provision: String,
}

/// Returns the (old id, new id) provision pairs pinned between two versions, for
/// [`crate::align::AlignOptions::pins`].
pub fn pins_between(pins: &[Pin], old_version: &str, new_version: &str) -> Vec<(String, String)> {
    pins.iter()
        .filter(|p| p.old_version == old_version && p.new_version == new_version)
        .map(|p| (p.old_provision.clone(), p.new_provision.clone()))
        .collect()
}
