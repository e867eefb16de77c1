//! Reading versions back: the list of versions in lineage order, a version's body.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};
use std::path::PathBuf;

use chrono::{DateTime, NaiveDate};

use super::{BODY_FILE, META_FILE, Store, Version, git};
use crate::draft::{self, DraftMeta};
use crate::error::{Error, Result};

impl Store {
    /// Returns every version, oldest first: parents always before children, and otherwise
    /// ordered by best-known date (then by recording order).
    pub fn versions(&self) -> Result<Vec<Version>> {
        let mut walk = self.repo.revwalk().map_err(git("listing versions"))?;
        walk.set_sorting(git2::Sort::TOPOLOGICAL | git2::Sort::REVERSE)
            .map_err(git("listing versions"))?;
        walk.push_glob("refs/heads/*")
            .map_err(git("listing versions"))?;
        let notes = self.all_annotations()?;
        let mut versions = Vec::new();
        for oid in walk {
            let oid = oid.map_err(git("listing versions"))?;
            let mut version = self.load_version(oid)?;
            if let Some(extra) = notes.get(&version.id) {
                extra.apply_to(&mut version.meta);
                version.withdrawals = extra.withdrawals.clone();
            }
            versions.push(version);
        }
        link_corrections(&mut versions);
        Ok(order_by_date(versions))
    }

    /// Returns the most recently recorded version, if any.
    pub fn tip(&self) -> Result<Option<Version>> {
        Ok(self
            .versions()?
            .into_iter()
            .enumerate()
            .max_by_key(|(i, v)| (v.recorded_at, *i))
            .map(|(_, v)| v))
    }

    /// Returns the exact body of a version.
    pub fn body(&self, version: &Version) -> Result<String> {
        let oid = git2::Oid::from_str(&version.body_id).map_err(git("reading a body"))?;
        let blob = self.repo.find_blob(oid).map_err(git("reading a body"))?;
        String::from_utf8(blob.content().to_vec()).map_err(|_| {
            Error::store(
                format!("reading {} of {}", BODY_FILE, version.short_id()),
                "not valid UTF-8",
            )
        })
    }

    /// Returns the original file a version's text was extracted from, if it keeps one (named
    /// by its `[extraction]`).
    pub fn original(&self, id: &str) -> Result<Option<draft::Original>> {
        let what = || {
            format!(
                "reading the original file of {}",
                crate::version::short_id(id)
            )
        };
        let oid = git2::Oid::from_str(id).map_err(git("reading a version"))?;
        let commit = self
            .repo
            .find_commit(oid)
            .map_err(git("reading a version"))?;
        let tree = commit.tree().map_err(git("reading a version"))?;
        let Some(entry) = tree
            .iter()
            .find(|e| e.name().is_ok_and(|n| n.starts_with("original.")))
        else {
            return Ok(None);
        };
        let name = entry.name().unwrap_or("original").to_owned();
        let blob = self
            .repo
            .find_blob(entry.id())
            .map_err(|e| Error::store_caused(what(), "the file's blob is missing", e))?;
        Ok(Some(draft::Original {
            name,
            bytes: blob.content().to_vec(),
        }))
    }

    /// Resolves `rev` and returns the version with its body.
    pub fn read(&self, rev: &str) -> Result<(Version, String)> {
        let version = self.resolve(rev)?;
        let body = self.body(&version)?;
        Ok((version, body))
    }

    /// Loads one commit as a version (without annotations).
    pub(super) fn load_version(&self, oid: git2::Oid) -> Result<Version> {
        let commit = self
            .repo
            .find_commit(oid)
            .map_err(git("reading a version"))?;
        let tree = commit.tree().map_err(git("reading a version"))?;
        let entry_id = |name: &str| {
            tree.get_name(name).map(|e| e.id()).ok_or_else(|| {
                Error::store(
                    format!("reading version {oid}"),
                    format!("its tree has no {name}"),
                )
            })
        };
        let body_id = entry_id(BODY_FILE)?;
        let meta_blob = self
            .repo
            .find_blob(entry_id(META_FILE)?)
            .map_err(git("reading metadata"))?;
        let meta_path = PathBuf::from(format!("{oid}:{META_FILE}"));
        let meta_text = draft::check_text(&meta_path, meta_blob.content())?;
        let meta: DraftMeta = draft::parse_meta(&meta_path, meta_text, 1)?;
        let committer = commit.committer();
        let recorded_by = committer.name().unwrap_or("unknown").to_owned();
        let recorded_at =
            DateTime::from_timestamp(committer.when().seconds(), 0).unwrap_or_default();
        let mut parents: Vec<String> = commit.parent_ids().map(|p| p.to_string()).collect();
        // A correction's git parents include the version it corrects (so that the track only
        // moves forward and the corrected version stays reachable); its lineage parents do not.
        if let Some(old) = &meta.supersedes {
            parents.retain(|p| p != old);
        }
        Ok(Version {
            id: oid.to_string(),
            parents,
            meta,
            recorded_by,
            recorded_at,
            body_id: body_id.to_string(),
            superseded_by: None,
            withdrawals: Vec::new(),
        })
    }

    /// Returns the body blob id of every version, to recognise a body already recorded.
    pub(super) fn body_index(&self) -> Result<HashMap<String, String>> {
        let mut walk = self.repo.revwalk().map_err(git("listing versions"))?;
        walk.push_glob("refs/heads/*")
            .map_err(git("listing versions"))?;
        let mut index = HashMap::new();
        for oid in walk {
            let oid = oid.map_err(git("listing versions"))?;
            let commit = self
                .repo
                .find_commit(oid)
                .map_err(git("reading a version"))?;
            let tree = commit.tree().map_err(git("reading a version"))?;
            if let Some(entry) = tree.get_name(BODY_FILE) {
                index
                    .entry(entry.id().to_string())
                    .or_insert(oid.to_string());
            }
        }
        Ok(index)
    }
}

/// Marks each corrected version with the latest correction of its chain, and points every
/// parent link at a corrected version to that correction instead: a child recorded under the
/// mistaken version belongs under the corrected one.
fn link_corrections(versions: &mut [Version]) {
    let corrects: HashMap<String, String> = versions
        .iter()
        .filter_map(|v| Some((v.meta.supersedes.clone()?, v.id.clone())))
        .collect();
    if corrects.is_empty() {
        return;
    }
    let latest = |id: &str| {
        let mut current = id.to_owned();
        // A chain of corrections, bounded in case of a cycle (which git's DAG rules out).
        for _ in 0..corrects.len() {
            match corrects.get(&current) {
                Some(next) => current = next.clone(),
                None => break,
            }
        }
        current
    };
    for v in versions.iter_mut() {
        if corrects.contains_key(&v.id) {
            v.superseded_by = Some(latest(&v.id));
        }
        let mut parents: Vec<String> = Vec::new();
        for p in &v.parents {
            let p = latest(p);
            if p != v.id && !parents.contains(&p) {
                parents.push(p);
            }
        }
        v.parents = parents;
    }
}

/// Orders versions so that parents come first and, among versions whose parents are all
/// placed, the earliest best-known date goes next (ties: recording order).
fn order_by_date(versions: Vec<Version>) -> Vec<Version> {
    let position: HashMap<&str, usize> = versions
        .iter()
        .enumerate()
        .map(|(i, v)| (v.id.as_str(), i))
        .collect();
    let mut pending = vec![0usize; versions.len()];
    let mut children = vec![Vec::new(); versions.len()];
    for (i, v) in versions.iter().enumerate() {
        for p in &v.parents {
            if let Some(&pi) = position.get(p.as_str()) {
                pending[i] += 1;
                children[pi].push(i);
            }
        }
    }
    let key = |i: usize| {
        let v = &versions[i];
        let day: NaiveDate = v
            .meta
            .dates
            .best()
            .unwrap_or_else(|| v.recorded_at.date_naive());
        Reverse((day, i))
    };
    let mut ready: BinaryHeap<_> = (0..versions.len())
        .filter(|&i| pending[i] == 0)
        .map(key)
        .collect();
    let mut order = Vec::with_capacity(versions.len());
    while let Some(Reverse((_, i))) = ready.pop() {
        order.push(i);
        for &c in &children[i] {
            pending[c] -= 1;
            if pending[c] == 0 {
                ready.push(key(c));
            }
        }
    }
    let mut slots: Vec<Option<Version>> = versions.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| slots[i].take()).collect()
}
