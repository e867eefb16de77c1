//! Lookups over a whole lineage, built once: where each identity appears, which first-parent
//! change produced or removed each provision. Views that cover every provision (the HTML
//! report) use these instead of scanning the lineage per provision, which is quadratic and
//! took minutes on a 100,000-provision version.

use std::collections::HashMap;

use super::{HistoryEntry, Lineage};
use crate::align::ChangeKind;

/// Indexes over a [`Lineage`]; see the module docs.
#[derive(Debug)]
pub struct LineageIndex<'a> {
    /// Identities in order of first appearance.
    pub identities: Vec<&'a str>,
    /// Identity → its appearances `(version, provision)`, in version order.
    places: HashMap<&'a str, Vec<(usize, usize)>>,
    /// `(version, provision)` → `(edge, change)` of its first-parent change.
    producing: HashMap<(usize, usize), (usize, usize)>,
    /// `(version, identity)` → `(edge, change)` of the first-parent change that removed it.
    removed: HashMap<(usize, &'a str), (usize, usize)>,
}

impl Lineage {
    /// Builds the indexes, in time linear in the lineage's size.
    pub fn index(&self) -> LineageIndex<'_> {
        let mut identities = Vec::new();
        let mut places: HashMap<&str, Vec<(usize, usize)>> = HashMap::new();
        for (v, insts) in self.instances.iter().enumerate() {
            for (j, inst) in insts.iter().enumerate() {
                let list = places.entry(&inst.identity).or_default();
                if list.is_empty() {
                    identities.push(&*inst.identity);
                }
                list.push((v, j));
            }
        }
        let mut producing = HashMap::new();
        let mut removed = HashMap::new();
        let mut seen_child = vec![false; self.nodes.len()];
        for (e, edge) in self.edges.iter().enumerate() {
            // The first edge into a version is its first-parent edge.
            if std::mem::replace(&mut seen_child[edge.child], true) {
                continue;
            }
            for (k, c) in edge.alignment.changes.iter().enumerate() {
                for &j in &c.new {
                    producing.entry((edge.child, j)).or_insert((e, k));
                }
                if c.kind == ChangeKind::Removed
                    && let Some(&i) = c.old.first()
                {
                    let identity = &*self.instances[edge.parent][i].identity;
                    removed.entry((edge.child, identity)).or_insert((e, k));
                }
            }
        }
        LineageIndex {
            identities,
            places,
            producing,
            removed,
        }
    }
}

impl LineageIndex<'_> {
    /// Where `identity` stands in version `v`, if it does.
    pub fn place(&self, identity: &str, v: usize) -> Option<usize> {
        let list = self.places.get(identity)?;
        let k = list.partition_point(|&(w, _)| w < v);
        list.get(k).filter(|&&(w, _)| w == v).map(|&(_, j)| j)
    }

    /// Every appearance of `identity`, `(version, provision)`, in version order.
    pub fn places(&self, identity: &str) -> &[(usize, usize)] {
        self.places.get(identity).map_or(&[], Vec::as_slice)
    }

    /// The `(edge, change)` of the first-parent change that produced provision `j` of `v`.
    pub fn producing(&self, v: usize, j: usize) -> Option<(usize, usize)> {
        self.producing.get(&(v, j)).copied()
    }

    /// The `(edge, change)` of the first-parent change of `v` that removed `identity`.
    pub fn removed(&self, v: usize, identity: &str) -> Option<(usize, usize)> {
        self.removed.get(&(v, identity)).copied()
    }

    /// [`Lineage::history`] of `identity`, from the index.
    pub fn history(&self, lineage: &Lineage, identity: &str) -> Vec<HistoryEntry> {
        lineage.history_at(identity, self.places(identity))
    }
}
