//! Loading what the lineage views need from a store: every version with its text, and the
//! pins. The one place where reading git (`store`) meets computing (`lineage`), so that
//! neither imports the other.

use std::collections::{HashMap, HashSet};

use crate::error::Result;
use crate::lineage::{self, Input, Lineage};
use crate::store::Store;

/// Reads every live version of `store` (parents first) with its text, and builds their
/// lineage, honouring the store's pins. Superseded and withdrawn versions are left out (see
/// [`Version::is_live`](crate::store::Version::is_live)); a version whose parent was
/// withdrawn descends from that parent's parents instead.
pub fn lineage(store: &Store) -> Result<Lineage> {
    lineage_with(store, false)
}

/// [`lineage()`], reinstating provisions from other tracks too when `across_tracks` (see
/// [`lineage::build_with`]).
pub fn lineage_with(store: &Store, across_tracks: bool) -> Result<Lineage> {
    let versions = store.versions()?;
    let parents_of: HashMap<&str, &[String]> = versions
        .iter()
        .map(|v| (v.id.as_str(), v.parents.as_slice()))
        .collect();
    let live: HashSet<&str> = versions
        .iter()
        .filter(|v| v.is_live())
        .map(|v| v.id.as_str())
        .collect();
    let mut inputs = Vec::new();
    for v in versions.iter().filter(|v| v.is_live()) {
        let mut v = v.clone();
        v.parents = live_parents(&v.parents, &parents_of, &live);
        let body = store.body(&v)?;
        inputs.push(Input::new(&v, body));
    }
    let pins = store.pins()?;
    Ok(lineage::build_with(
        inputs,
        &pins,
        &lineage::lineage_options(),
        across_tracks,
    ))
}

/// The nearest live ancestors through `parents`: a parent that is not live is replaced by its
/// own parents, and so on.
fn live_parents(
    parents: &[String],
    parents_of: &HashMap<&str, &[String]>,
    live: &HashSet<&str>,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut todo: Vec<&str> = parents.iter().rev().map(String::as_str).collect();
    let mut seen: HashSet<&str> = HashSet::new();
    while let Some(p) = todo.pop() {
        if !seen.insert(p) {
            continue;
        }
        if live.contains(p) {
            if !out.iter().any(|o| o == p) {
                out.push(p.to_owned());
            }
        } else if let Some(grand) = parents_of.get(p) {
            todo.extend(grand.iter().rev().map(String::as_str));
        }
    }
    out
}

/// Ranks the store's live versions by resemblance to `text` (see [`crate::identify`]).
pub fn identify(store: &Store, text: &str) -> Result<Vec<crate::identify::Candidate>> {
    let mut versions = Vec::new();
    for v in store.versions()?.into_iter().filter(|v| v.is_live()) {
        let body = store.body(&v)?;
        versions.push((v, body));
    }
    Ok(crate::identify::rank(text, versions))
}

/// The store's reference documents as the tracer takes them.
pub fn reference_documents(store: &Store) -> Result<Vec<crate::trace::Document>> {
    let mut documents = Vec::new();
    for r in store.references()? {
        documents.push(crate::trace::Document {
            provisions: crate::provisions::parse(&store.body(&r)?),
            label: r.label().to_owned(),
            id: r.id,
        });
    }
    Ok(documents)
}

/// What [`trace`] returns: the traced version's provisions, the documents searched and the
/// passages found.
pub type Traced = (
    Vec<crate::provisions::Provision>,
    Vec<crate::trace::Document>,
    Vec<crate::trace::Passage>,
);

/// Every ancestor of the version with `parents`, by id, among `by_id`.
fn ancestors<'v>(
    by_id: &HashMap<&'v str, &'v crate::store::Version>,
    parents: &'v [String],
) -> HashSet<&'v str> {
    let mut set = HashSet::new();
    let mut todo: Vec<&str> = parents.iter().map(String::as_str).collect();
    while let Some(id) = todo.pop() {
        if set.insert(id)
            && let Some(v) = by_id.get(id)
        {
            todo.extend(v.parents.iter().map(String::as_str));
        }
    }
    set
}

/// [`trace`] against the reference documents only (what `show` and the report list: cheap
/// however many versions the store holds).
pub fn trace_references(store: &Store, version: &crate::store::Version) -> Result<Traced> {
    let provisions = crate::provisions::parse(&store.body(version)?);
    let documents = reference_documents(store)?;
    let passages = crate::trace::trace(&provisions, &documents);
    Ok((provisions, documents, passages))
}

/// The passages of `version`'s provisions that reuse wording of the store's reference
/// documents, or of versions on other tracks that are neither its ancestors nor its
/// descendants (see [`crate::trace`]): the provisions, the documents and the passages. A
/// passage another track's version shares with it only because both inherited it (the
/// stretch stands in an ancestor they have in common) is not borrowing, and is left out.
pub fn trace(store: &Store, version: &crate::store::Version) -> Result<Traced> {
    let provisions = crate::provisions::parse(&store.body(version)?);
    let mut documents = reference_documents(store)?;
    let references = documents.len();
    let versions = store.versions()?;
    let by_id: HashMap<&str, &crate::store::Version> =
        versions.iter().map(|v| (v.id.as_str(), v)).collect();
    let mine = ancestors(&by_id, &version.parents);
    let mut inherited: Vec<HashSet<&str>> = Vec::new();
    for v in versions.iter().filter(|v| v.is_live()) {
        if v.id == version.id || v.track() == version.track() || mine.contains(v.id.as_str()) {
            continue;
        }
        let theirs = ancestors(&by_id, &v.parents);
        if theirs.contains(version.id.as_str()) {
            continue;
        }
        documents.push(crate::trace::Document {
            provisions: crate::provisions::parse(&store.body(v)?),
            label: format!("{} [{}]", v.label(), v.track()),
            id: v.id.clone(),
        });
        inherited.push(mine.intersection(&theirs).copied().collect());
    }
    let mut passages = crate::trace::trace(&provisions, &documents);
    if documents.len() > references {
        let mut bodies: HashMap<String, String> = HashMap::new();
        let mut keep = Vec::with_capacity(passages.len());
        for p in passages {
            let Some(common) = p.document.checked_sub(references).map(|k| &inherited[k]) else {
                keep.push(p);
                continue;
            };
            let stretch =
                &documents[p.document].provisions[p.source_provision].text[p.source_span.clone()];
            let mut shared = false;
            for &id in common {
                if !bodies.contains_key(id)
                    && let Some(v) = by_id.get(id)
                {
                    bodies.insert(id.to_owned(), store.body(v)?);
                }
                if bodies.get(id).is_some_and(|b| b.contains(stretch)) {
                    shared = true;
                    break;
                }
            }
            if !shared {
                keep.push(p);
            }
        }
        passages = keep;
    }
    Ok((provisions, documents, passages))
}

/// For `diff`: the provisions `alignment` shows as added in `new` that an ancestor of both
/// `old` and `new` already had (so that `old`'s line dropped them and `new` brings them back)
/// — each with the label of the nearest such ancestor. A provision `new` got from a line
/// `old` does not descend from is not a reinstatement, and is not listed. Looks at most
/// [`REINSTATED_LOOKBACK`] ancestors back.
pub fn reinstated(
    store: &Store,
    old: &crate::store::Version,
    new: &crate::store::Version,
    alignment: &crate::align::Alignment,
) -> Result<Vec<(usize, String)>> {
    use crate::align::{self, AlignOptions, ChangeKind};
    let mut added: Vec<usize> = alignment
        .changes
        .iter()
        .filter(|c| c.kind == ChangeKind::Added)
        .filter_map(|c| c.new.first().copied())
        .collect();
    let mut out = Vec::new();
    if added.is_empty() {
        return Ok(out);
    }
    let versions = store.versions()?;
    let by_id: HashMap<&str, &crate::store::Version> =
        versions.iter().map(|v| (v.id.as_str(), v)).collect();
    let still: HashSet<&str> = alignment.old.iter().map(|p| &*p.text).collect();
    // The ancestors of `old`: where a provision must have stood to be brought back.
    let common = ancestors(&by_id, &old.parents);
    let mut queue: std::collections::VecDeque<&str> =
        new.parents.iter().map(String::as_str).collect();
    let mut seen: HashSet<&str> = queue.iter().copied().collect();
    let mut looked = 0;
    while let Some(id) = queue.pop_front() {
        let Some(v) = by_id.get(id) else { continue };
        for p in &v.parents {
            if seen.insert(p) {
                queue.push_back(p);
            }
        }
        if v.id == old.id || !common.contains(v.id.as_str()) {
            continue;
        }
        looked += 1;
        if looked > REINSTATED_LOOKBACK || added.is_empty() {
            break;
        }
        let candidates: Vec<crate::provisions::Provision> =
            crate::provisions::parse(&store.body(v)?)
                .into_iter()
                .filter(|p| !still.contains(&*p.text))
                .collect();
        if candidates.is_empty() {
            continue;
        }
        let pieces: Vec<crate::provisions::Provision> =
            added.iter().map(|&j| alignment.new[j].clone()).collect();
        let a = align::align(candidates, pieces, &AlignOptions::default());
        let mut found = Vec::new();
        for c in &a.changes {
            if let ([_], [k]) = (c.old.as_slice(), c.new.as_slice())
                && matches!(c.kind, ChangeKind::Unchanged | ChangeKind::Reworded)
            {
                found.push(added[*k]);
            }
        }
        for j in &found {
            out.push((*j, v.label().to_owned()));
        }
        added.retain(|j| !found.contains(j));
    }
    Ok(out)
}

/// How many ancestors `diff` searches for a provision it shows as added.
pub const REINSTATED_LOOKBACK: usize = 30;
