//! Lineage: provisions followed through the whole version graph.
//!
//! Pure and I/O-free. [`build`] takes every version's text in topological order (parents
//! first), aligns each version with each of its parents once, and from those alignments gives
//! every provision of every version:
//!
//! - an **identity** that survives renumbering: the version and number where it first appeared
//!   (`28-point-plan#6`); a provision aligned to one in a parent inherits that provision's
//!   identity (the first parent's, for a merged text), split pieces all inherit the identity of
//!   what they came from, a merge takes the first merged provision's;
//! - the version that gave it its **current wording** (the earliest version in its lineage
//!   with exactly this text);
//! - word by word, the version each word comes from ([`blame`]): a word inside an unchanged
//!   part of the redline against a parent keeps that parent word's origin, every other word
//!   originates in this version. Words are runs of letters and digits; spacing and punctuation
//!   ride with the word before them.
//!
//! Views built on it: [`Lineage::history`], [`Lineage::shares`], and the
//! [`timeline`](timeline::timeline).

pub mod blame;
pub mod index;
pub mod timeline;

use std::collections::HashMap;

use crate::align::{self, AlignOptions, Alignment, ChangeKind};
use crate::draft::{DraftMeta, slug};
use crate::pin::Pin;
use crate::provisions::{self, Provision};
use crate::redline::Span;

pub use blame::{Segment, Shares};

/// One version as the lineage needs it.
#[derive(Debug, Clone)]
pub struct Input {
    /// The version's id.
    pub id: String,
    /// Its parents' ids (parents missing from the input are ignored).
    pub parents: Vec<String>,
    /// Its metadata (label, track, dates, claims).
    pub meta: DraftMeta,
    /// Its text.
    pub body: String,
}

impl Input {
    /// The input for a recorded version and its text.
    pub fn new(version: &crate::version::Version, body: String) -> Input {
        Input {
            id: version.id.clone(),
            parents: version.parents.clone(),
            meta: version.meta.clone(),
            body,
        }
    }
}

/// A version in the lineage.
#[derive(Debug, Clone)]
pub struct Node {
    /// The version's id.
    pub id: String,
    /// Indexes of its parents in [`Lineage::nodes`], first parent first.
    pub parents: Vec<usize>,
    /// Its metadata.
    pub meta: DraftMeta,
    /// Its provisions.
    pub provisions: Vec<Provision>,
}

impl Node {
    /// Returns the label (the id if none).
    pub fn label(&self) -> &str {
        self.meta.label.as_deref().unwrap_or(&self.id)
    }

    /// Returns the track (`main` if none).
    pub fn track(&self) -> &str {
        self.meta.track.as_deref().unwrap_or("main")
    }

    /// Returns `false` for paraphrased or reconstructed texts.
    pub fn verbatim(&self) -> bool {
        self.meta.verbatim()
    }
}

/// The alignment of a version with one of its parents.
#[derive(Debug, Clone)]
pub struct Edge {
    /// The parent's index.
    pub parent: usize,
    /// The child's index.
    pub child: usize,
    /// Parent → child alignment.
    pub alignment: Alignment,
}

/// A change in an edge that led to a provision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SourceRef {
    /// Index into [`Lineage::edges`].
    pub edge: usize,
    /// Index into that edge's changes.
    pub change: usize,
}

/// What the lineage knows about one provision of one version.
#[derive(Debug, Clone)]
pub struct Instance {
    /// Stable identity, e.g. `28-point-plan#6` (shared by every appearance).
    pub identity: std::sync::Arc<str>,
    /// The parent changes this provision came from (empty: it first appears here).
    pub sources: Vec<SourceRef>,
    /// Index of the version that gave it its current wording.
    pub wording_from: usize,
    /// The text cut into runs by word origin; concatenated, they give the text. Shared with
    /// the parent's when the provision is unchanged.
    pub segments: std::sync::Arc<[Segment]>,
    /// For a provision its parents lack that an ancestor had (dropped in between, then
    /// brought back): that ancestor's (version, provision). It keeps their identity.
    pub reinstated_from: Option<(usize, usize)>,
}

/// Provisions followed through the version graph.
#[derive(Debug, Clone)]
pub struct Lineage {
    /// Versions, parents before children.
    pub nodes: Vec<Node>,
    /// One alignment per (parent, child) pair.
    pub edges: Vec<Edge>,
    /// Per version, per provision.
    pub instances: Vec<Vec<Instance>>,
}

/// One appearance of a provision in [`Lineage::history`].
#[derive(Debug, Clone)]
pub struct HistoryEntry {
    /// The version's index.
    pub version: usize,
    /// The provision's index in that version.
    pub provision: usize,
    /// Where it came from, (version, provision), if it appeared earlier.
    pub previous: Option<(usize, usize)>,
    /// What happened to it coming from `previous` (none on first appearance).
    pub change: Option<ChangeKind>,
    /// Whether it came back from `previous`, an ancestor further back than the parent that
    /// had dropped it (`reinstated from …`).
    pub reinstated: bool,
    /// Redline against `previous`, or the whole text as inserted on first appearance.
    pub redline: Vec<Span>,
    /// Wording this appearance reuses from reference documents: empty as the lineage builds
    /// it; filled by a caller that traced it (`history` does).
    pub reuses: Vec<crate::trace::Reuse>,
}

/// For a split history entry, the provision ids of every part that came out of the same old
/// provision in the same version, in order, and whether `entry` is the first of them (the one
/// under which views show the split's redline, which covers all its parts). `None` for an
/// entry that is not part of a split.
pub fn split_parts(
    lineage: &Lineage,
    entries: &[HistoryEntry],
    entry: &HistoryEntry,
) -> Option<(Vec<String>, bool)> {
    if entry.change != Some(ChangeKind::Split) {
        return None;
    }
    let siblings: Vec<&HistoryEntry> = entries
        .iter()
        .filter(|e| {
            e.version == entry.version
                && e.previous == entry.previous
                && e.change == Some(ChangeKind::Split)
        })
        .collect();
    let ids = siblings
        .iter()
        .map(|e| lineage.nodes[e.version].provisions[e.provision].id.clone())
        .collect();
    let first = siblings
        .first()
        .is_some_and(|e| e.provision == entry.provision);
    Some((ids, first))
}

/// Provisions of version `v` that no parent change produced (added) but that an ancestor
/// further back had and a later version dropped: matched, with the aligner, against every
/// ancestor provision whose identity the parents no longer hold. Returns, per provision
/// index of `v`, the ancestor's (version, provision) — the closest ancestor's instance of
/// that identity.
fn reinstatements(
    nodes: &[Node],
    instances: &[Vec<Instance>],
    v: usize,
    produced_by: &[Vec<SourceRef>],
    opts: &AlignOptions,
    across_tracks: bool,
) -> HashMap<usize, (usize, usize)> {
    let added: Vec<usize> = (0..produced_by.len())
        .filter(|&j| produced_by[j].is_empty())
        .collect();
    let parents = &nodes[v].parents;
    if added.is_empty() || parents.is_empty() {
        return HashMap::new();
    }
    // Identities still present in the parents, or kept by this version through them.
    let mut held: std::collections::HashSet<&str> = parents
        .iter()
        .flat_map(|&p| instances[p].iter().map(|i| &*i.identity))
        .collect();
    // Ancestors beyond the parents, nearest first (breadth first).
    let mut seen = vec![false; nodes.len()];
    let mut queue: std::collections::VecDeque<usize> = parents.iter().copied().collect();
    for &p in parents {
        seen[p] = true;
    }
    let mut candidates: Vec<(usize, usize)> = Vec::new();
    while let Some(a) = queue.pop_front() {
        if !parents.contains(&a) {
            for (i, inst) in instances[a].iter().enumerate() {
                if held.insert(&inst.identity) {
                    candidates.push((a, i));
                }
            }
        }
        for &g in &nodes[a].parents {
            if !std::mem::replace(&mut seen[g], true) {
                queue.push_back(g);
            }
        }
    }
    if across_tracks {
        // Versions listed before this one (parents come first) on other tracks, latest first.
        for a in (0..v).rev() {
            if seen[a] || nodes[a].track() == nodes[v].track() {
                continue;
            }
            for (i, inst) in instances[a].iter().enumerate() {
                if held.insert(&inst.identity) {
                    candidates.push((a, i));
                }
            }
        }
    }
    if candidates.is_empty() {
        return HashMap::new();
    }
    let old: Vec<Provision> = candidates
        .iter()
        .map(|&(a, i)| nodes[a].provisions[i].clone())
        .collect();
    let new: Vec<Provision> = added
        .iter()
        .map(|&j| nodes[v].provisions[j].clone())
        .collect();
    let mut o = opts.clone();
    o.pins.clear();
    o.partial = [false, false];
    let alignment = align::align(old, new, &o);
    let mut out = HashMap::new();
    for c in &alignment.changes {
        if let ([i], [k]) = (c.old.as_slice(), c.new.as_slice())
            && matches!(c.kind, ChangeKind::Unchanged | ChangeKind::Reworded)
        {
            out.insert(added[*k], candidates[*i]);
        }
    }
    out
}

/// The aligner's options for lineage views: word-by-word redlines, because blame credits
/// each word to the version it comes from (a phrase-level redline would credit an unchanged
/// word inside a replaced phrase to the newer version).
pub fn lineage_options() -> AlignOptions {
    AlignOptions {
        raw_redline: true,
        ..AlignOptions::default()
    }
}

/// Aligns every version with its parents and follows provisions and words through the graph.
/// `inputs` must list parents before children (as [`crate::Store::versions`] does).
pub fn build(inputs: Vec<Input>, pins: &[Pin], opts: &AlignOptions) -> Lineage {
    build_with(inputs, pins, opts, false)
}

/// [`build`], where a provision no parent produced may also be reinstated from a version of
/// another track recorded before it (not only from an ancestor) when `across_tracks`.
pub fn build_with(
    inputs: Vec<Input>,
    pins: &[Pin],
    opts: &AlignOptions,
    across_tracks: bool,
) -> Lineage {
    let index: HashMap<String, usize> = inputs
        .iter()
        .enumerate()
        .map(|(i, v)| (v.id.clone(), i))
        .collect();
    let mut nodes = Vec::with_capacity(inputs.len());
    for input in &inputs {
        nodes.push(Node {
            id: input.id.clone(),
            parents: input
                .parents
                .iter()
                .filter_map(|p| index.get(p).copied())
                .collect(),
            meta: input.meta.clone(),
            provisions: provisions::parse(&input.body),
        });
    }
    let mut edges = Vec::new();
    let mut instances: Vec<Vec<Instance>> = Vec::with_capacity(nodes.len());
    for v in 0..nodes.len() {
        let mut my_edges = Vec::new();
        for &p in &nodes[v].parents {
            let mut o = opts.clone();
            o.partial = [nodes[p].meta.is_partial(), nodes[v].meta.is_partial()];
            o.pins
                .extend(align::pins_between(pins, &nodes[p].id, &nodes[v].id));
            let alignment =
                align::align(nodes[p].provisions.clone(), nodes[v].provisions.clone(), &o);
            my_edges.push(edges.len());
            edges.push(Edge {
                parent: p,
                child: v,
                alignment,
            });
        }
        let node = &nodes[v];
        // Which changes of each parent edge produced each provision: one pass per edge.
        let mut produced_by: Vec<Vec<SourceRef>> = vec![Vec::new(); node.provisions.len()];
        for &e in &my_edges {
            for (k, c) in edges[e].alignment.changes.iter().enumerate() {
                if c.old.is_empty() {
                    continue;
                }
                for &j in &c.new {
                    produced_by[j].push(SourceRef { edge: e, change: k });
                }
            }
        }
        let reinstated = reinstatements(&nodes, &instances, v, &produced_by, opts, across_tracks);
        let mut mine = Vec::with_capacity(node.provisions.len());
        for (j, prov) in node.provisions.iter().enumerate() {
            let sources = std::mem::take(&mut produced_by[j]);
            if let Some(&(a, i)) = reinstated.get(&j) {
                let earlier = &instances[a][i];
                // Word for word: the words keep their origin; otherwise the new wording is
                // this version's, the identity still the earlier one's.
                let same = nodes[a].provisions[i].text == prov.text;
                mine.push(Instance {
                    identity: earlier.identity.clone(),
                    sources,
                    wording_from: if same { earlier.wording_from } else { v },
                    segments: if same {
                        earlier.segments.clone()
                    } else {
                        blame::origins(&nodes, &edges, &instances, v, j, &[])
                    },
                    reinstated_from: Some((a, i)),
                });
                continue;
            }
            let identity = match sources.first() {
                Some(s) => {
                    let e = &edges[s.edge];
                    instances[e.parent][e.alignment.changes[s.change].old[0]]
                        .identity
                        .clone()
                }
                None => format!("{}#{}", slug(node.label()), prov.id).into(),
            };
            let wording_from = sources
                .iter()
                .filter_map(|s| {
                    let e = &edges[s.edge];
                    match e.alignment.changes[s.change].old.as_slice() {
                        [i] if nodes[e.parent].provisions[*i].text == prov.text => {
                            Some(instances[e.parent][*i].wording_from)
                        }
                        _ => None,
                    }
                })
                .min()
                .unwrap_or(v);
            let segments = blame::origins(&nodes, &edges, &instances, v, j, &sources);
            mine.push(Instance {
                identity,
                sources,
                wording_from,
                segments,
                reinstated_from: None,
            });
        }
        instances.push(mine);
    }
    Lineage {
        nodes,
        edges,
        instances,
    }
}

impl Lineage {
    /// Finds a version by id.
    pub fn node(&self, id: &str) -> Option<usize> {
        self.nodes.iter().position(|n| n.id == id)
    }

    /// Resolves what a user typed to an identity: an identity itself (`28-point-plan#6`), or a
    /// provision id of version `at` (default: the last version that has one with that id).
    pub fn find_identity(&self, query: &str, at: Option<usize>) -> Option<String> {
        if self
            .instances
            .iter()
            .flatten()
            .any(|i| &*i.identity == query)
        {
            return Some(query.to_owned());
        }
        let in_version = |v: usize| {
            self.nodes[v]
                .provisions
                .iter()
                .position(|p| p.id == query)
                .map(|j| self.instances[v][j].identity.to_string())
        };
        match at {
            Some(v) => in_version(v),
            None => (0..self.nodes.len()).rev().find_map(in_version),
        }
    }

    /// Returns every appearance of a provision identity, in version order.
    pub fn history(&self, identity: &str) -> Vec<HistoryEntry> {
        let places: Vec<(usize, usize)> = self
            .instances
            .iter()
            .enumerate()
            .flat_map(|(v, insts)| {
                insts
                    .iter()
                    .enumerate()
                    .filter(|(_, i)| &*i.identity == identity)
                    .map(move |(j, _)| (v, j))
            })
            .collect();
        self.history_at(identity, &places)
    }

    /// [`Lineage::history`] given where the identity appears (see [`Lineage::index`]).
    pub(crate) fn history_at(
        &self,
        identity: &str,
        places: &[(usize, usize)],
    ) -> Vec<HistoryEntry> {
        let mut out = Vec::new();
        for &(v, j) in places {
            let inst = &self.instances[v][j];
            {
                let source = inst.sources.iter().find(|s| {
                    let e = &self.edges[s.edge];
                    let c = &e.alignment.changes[s.change];
                    c.old
                        .iter()
                        .any(|&i| &*self.instances[e.parent][i].identity == identity)
                });
                let entry = match source {
                    Some(s) => {
                        let e = &self.edges[s.edge];
                        let c = &e.alignment.changes[s.change];
                        let i = c
                            .old
                            .iter()
                            .copied()
                            .find(|&i| &*self.instances[e.parent][i].identity == identity)
                            .unwrap_or(c.old[0]);
                        HistoryEntry {
                            version: v,
                            provision: j,
                            previous: Some((e.parent, i)),
                            change: Some(c.kind),
                            reinstated: false,
                            redline: c.redline.clone(),
                            reuses: Vec::new(),
                        }
                    }
                    None => match inst.reinstated_from {
                        Some((a, i)) => {
                            let (old, new) = (
                                &self.nodes[a].provisions[i].text,
                                &self.nodes[v].provisions[j].text,
                            );
                            HistoryEntry {
                                version: v,
                                provision: j,
                                previous: Some((a, i)),
                                change: Some(if old == new {
                                    ChangeKind::Unchanged
                                } else {
                                    ChangeKind::Reworded
                                }),
                                reinstated: true,
                                redline: crate::redline::words(old, new),
                                reuses: Vec::new(),
                            }
                        }
                        None => HistoryEntry {
                            version: v,
                            provision: j,
                            previous: None,
                            change: None,
                            reinstated: false,
                            redline: crate::redline::words("", &self.nodes[v].provisions[j].text),
                            reuses: Vec::new(),
                        },
                    },
                };
                out.push(entry);
            }
        }
        out
    }

    /// Returns the first-parent alignment of a version, if it has a parent.
    pub fn first_parent_edge(&self, v: usize) -> Option<&Edge> {
        self.edges.iter().find(|e| e.child == v)
    }
}

#[cfg(test)]
mod proptests;
