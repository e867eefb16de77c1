//! Git-level integrity of a store, for `drafttrail verify`: every object's bytes hash to its
//! name, every ref points at an object that exists and is a commit, everything reachable from
//! the refs exists, and no interrupted write left a ref lock file behind.
//!
//! Nothing here stops at the first problem: the report lists them all, so that one damaged
//! object does not hide another.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::{Store, git};
use crate::error::Result;

/// What the integrity check found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Integrity {
    /// Objects read and re-hashed.
    pub objects: usize,
    /// Refs checked.
    pub refs: usize,
    /// Commits walked from the refs.
    pub commits: usize,
    /// Each problem, as `(what, message)`.
    pub problems: Vec<(String, String)>,
    /// Ref lock files left in the repository (by an interrupted git or drafttrail write, or by
    /// a write in progress).
    pub lock_files: Vec<PathBuf>,
    /// Whether an interrupted import left ref moves for the next writer to finish.
    pub journal_pending: bool,
}

impl Store {
    /// Checks the repository's objects, refs and reachability (see the module docs).
    pub fn integrity(&self) -> Result<Integrity> {
        let mut report = Integrity::default();
        let odb = self
            .repo
            .odb()
            .map_err(git("opening the object database"))?;
        self.check_objects(&odb, &mut report);
        let tips = self.check_refs(&odb, &mut report);
        check_ref_files(&self.path, &mut report);
        self.check_reachable(&odb, &tips, &mut report);
        report.lock_files = lock_files(&self.path);
        report.journal_pending = super::journal::pending(&self.path);
        Ok(report)
    }

    fn check_objects(&self, odb: &git2::Odb<'_>, report: &mut Integrity) {
        let mut ids = Vec::new();
        if let Err(e) = odb.foreach(|id| {
            ids.push(*id);
            true
        }) {
            report
                .problems
                .push(("object database".into(), e.message().to_owned()));
        }
        for id in ids {
            report.objects += 1;
            match odb.read(id) {
                Ok(object) => {
                    let kind = object.kind();
                    match git2::Oid::hash_object(kind, object.data()) {
                        Ok(actual) if actual == id => {}
                        Ok(actual) => report.problems.push((
                            format!("object {id}"),
                            format!("content hashes to {actual}: the object is corrupted"),
                        )),
                        Err(e) => report
                            .problems
                            .push((format!("object {id}"), e.message().to_owned())),
                    }
                }
                Err(e) => report
                    .problems
                    .push((format!("object {id}"), e.message().to_owned())),
            }
        }
    }

    /// Checks every ref; returns the commits they point at.
    fn check_refs(&self, odb: &git2::Odb<'_>, report: &mut Integrity) -> Vec<git2::Oid> {
        let mut tips = Vec::new();
        let refs = match self.repo.references() {
            Ok(refs) => refs,
            Err(e) => {
                report
                    .problems
                    .push(("refs".into(), e.message().to_owned()));
                return tips;
            }
        };
        for reference in refs {
            report.refs += 1;
            let reference = match reference {
                Ok(r) => r,
                Err(e) => {
                    report
                        .problems
                        .push(("a ref".into(), e.message().to_owned()));
                    continue;
                }
            };
            let name = String::from_utf8_lossy(reference.name_bytes()).into_owned();
            let Some(target) = reference.target() else {
                continue; // symbolic; its target is checked under its own name
            };
            match odb.read_header(target) {
                Ok((_, git2::ObjectType::Commit)) => tips.push(target),
                Ok((_, kind)) => report
                    .problems
                    .push((name, format!("points at a {kind}, not a commit ({target})"))),
                Err(_) => report
                    .problems
                    .push((name, format!("points at {target}, which is missing"))),
            }
        }
        tips
    }

    /// Walks every commit reachable from `tips` and every tree and blob they hold.
    fn check_reachable(&self, odb: &git2::Odb<'_>, tips: &[git2::Oid], report: &mut Integrity) {
        let mut seen_commits: HashSet<git2::Oid> = HashSet::new();
        let mut seen_trees: HashSet<git2::Oid> = HashSet::new();
        let mut stack: Vec<git2::Oid> = tips.to_vec();
        while let Some(id) = stack.pop() {
            if !seen_commits.insert(id) {
                continue;
            }
            let commit = match self.repo.find_commit(id) {
                Ok(c) => c,
                Err(e) => {
                    report
                        .problems
                        .push((format!("commit {id}"), e.message().to_owned()));
                    continue;
                }
            };
            report.commits += 1;
            stack.extend(commit.parent_ids());
            self.check_tree(odb, commit.tree_id(), &mut seen_trees, report);
        }
    }

    fn check_tree(
        &self,
        odb: &git2::Odb<'_>,
        id: git2::Oid,
        seen: &mut HashSet<git2::Oid>,
        report: &mut Integrity,
    ) {
        if !seen.insert(id) {
            return;
        }
        let tree = match self.repo.find_tree(id) {
            Ok(t) => t,
            Err(e) => {
                report
                    .problems
                    .push((format!("tree {id}"), e.message().to_owned()));
                return;
            }
        };
        for entry in tree.iter() {
            match entry.kind() {
                Some(git2::ObjectType::Tree) => self.check_tree(odb, entry.id(), seen, report),
                _ if !odb.exists(entry.id()) => report.problems.push((
                    format!("tree {id}"),
                    format!(
                        "entry `{}` points at {}, which is missing",
                        String::from_utf8_lossy(entry.name_bytes()),
                        entry.id()
                    ),
                )),
                _ => {}
            }
        }
    }
}

/// Checks the loose ref files themselves, which libgit2's ref listing skips when it cannot
/// read them: each must be a regular file holding an object id (or `ref: …`); an empty or
/// garbled file, or a symbolic link, hides a version from every view.
fn check_ref_files(repo: &Path, report: &mut Integrity) {
    for path in ref_dir_files(repo) {
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        if path.extension().is_some_and(|e| e == "lock") {
            continue; // reported as a lock file
        }
        let name = path
            .strip_prefix(repo)
            .unwrap_or(&path)
            .to_string_lossy()
            .into_owned();
        let problem = if meta.file_type().is_symlink() {
            Some("the ref file is a symbolic link".to_owned())
        } else {
            match std::fs::read(&path) {
                Err(e) => Some(format!("the ref file cannot be read ({e})")),
                Ok(bytes) => ref_file_problem(&bytes),
            }
        };
        if let Some(p) = problem {
            report.problems.push((name, p));
        }
    }
    if let Ok(bytes) = std::fs::read(repo.join("packed-refs")) {
        for (line, problem) in packed_refs_problems(&bytes) {
            report
                .problems
                .push((format!("packed-refs:{line}"), problem));
        }
    }
}

/// The lines of a `packed-refs` file that are neither its header, nor `ID REFNAME`, nor a
/// peeled `^ID` following a ref (libgit2 stops reading at the first such line, so every ref
/// after it silently disappears).
fn packed_refs_problems(bytes: &[u8]) -> Vec<(usize, String)> {
    let is_id = |s: &str| s.len() == 40 && s.bytes().all(|b| b.is_ascii_hexdigit());
    let text = String::from_utf8_lossy(bytes);
    let mut out = Vec::new();
    let mut after_ref = false;
    for (i, line) in text.lines().enumerate() {
        let ok = if let Some(peeled) = line.strip_prefix('^') {
            after_ref && is_id(peeled)
        } else if line.starts_with('#') {
            i == 0
        } else {
            line.split_once(' ')
                .is_some_and(|(id, name)| is_id(id) && name.starts_with("refs/"))
        };
        after_ref = ok && !line.starts_with('#') && !line.starts_with('^');
        if !ok {
            out.push((
                i + 1,
                "the line is not `ID REFNAME` (git cannot read it)".into(),
            ));
        }
    }
    out
}

/// What is wrong with a loose ref file's content, if anything.
fn ref_file_problem(bytes: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(bytes);
    let line = text.trim_end_matches(['\n', '\r']);
    if line.is_empty() {
        return Some("the ref file is empty".into());
    }
    if line.starts_with("ref: refs/") && !line.contains('\n') {
        return None;
    }
    let id = line.len() == 40 && line.bytes().all(|b| b.is_ascii_hexdigit());
    (!id).then(|| "the ref file holds no object id".into())
}

/// Ref lock files (`*.lock` under `refs/`, and `packed-refs.lock`).
fn lock_files(repo: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let packed = repo.join("packed-refs.lock");
    if packed.exists() {
        out.push(packed);
    }
    out.extend(
        ref_dir_files(repo)
            .into_iter()
            .filter(|p| p.extension().is_some_and(|e| e == "lock")),
    );
    out.sort();
    out
}

/// Every file under `refs/` (symbolic links as themselves, not followed).
fn ref_dir_files(repo: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut dirs = vec![repo.join("refs")];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            match entry.file_type() {
                Ok(t) if t.is_dir() => dirs.push(path),
                Ok(_) => out.push(path),
                Err(_) => {}
            }
        }
    }
    out
}

#[cfg(test)]
mod packed_tests {
    use super::packed_refs_problems;

    #[test]
    fn packed_refs_lines_are_checked() {
        let id = "0123456789abcdef0123456789abcdef01234567";
        let good =
            format!("# pack-refs with: peeled fully-peeled sorted \n{id} refs/heads/us\n^{id}\n");
        assert!(packed_refs_problems(good.as_bytes()).is_empty());
        let bad = format!("{id} refs/heads/us\ngarbage\n^{id}\n{id}\n");
        let lines: Vec<usize> = packed_refs_problems(bad.as_bytes())
            .into_iter()
            .map(|(l, _)| l)
            .collect();
        assert_eq!(lines, [2, 3, 4]);
    }
}
