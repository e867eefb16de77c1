//! Durability: what a command wrote is on disk before it reports success, in the order that
//! keeps the store consistent after a power cut — objects before the ref that names them, the
//! ref after; the journal before the moves it lists (see `journal`).
//!
//! libgit2 can sync objects and refs itself, but only through the deprecated git setting
//! `core.fsyncObjectFiles` (which makes every git command on the store print a warning) or a
//! process-wide option git2 does not expose. So the store syncs what it wrote itself: before a
//! ref moves to a commit, the objects that commit adds to its first parent's (when they are
//! loose files; a pack is synced as a whole when written); after the move, the ref file and
//! its folders.

use std::path::Path;

use super::git;
use crate::error::{Error, Result};

fn failed(doing: &'static str) -> impl Fn(std::io::Error) -> Error {
    move |e| Error::store_caused(doing, e.to_string(), e)
}

/// Syncs a file or folder (a folder's sync makes a rename or a new entry in it durable).
fn sync_path(path: &Path) -> std::io::Result<()> {
    std::fs::File::open(path)?.sync_all()
}

/// Syncs the loose objects that commit `id` adds to its first parent (see [`new_objects`]).
/// Objects already in a pack are skipped (a pack is synced when it is written).
pub(super) fn sync_commit(repo: &git2::Repository, id: git2::Oid) -> Result<()> {
    let objects = repo.path().join("objects");
    let mut folders: Vec<std::path::PathBuf> = Vec::new();
    for oid in new_objects(repo, id)? {
        let hex = oid.to_string();
        let folder = objects.join(&hex[..2]);
        match sync_path(&folder.join(&hex[2..])) {
            Ok(()) => {
                if !folders.contains(&folder) {
                    folders.push(folder);
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(failed("syncing an object")(e)),
        }
    }
    if !folders.is_empty() {
        folders.push(objects);
    }
    for folder in folders {
        sync_path(&folder).map_err(failed("syncing the object folder"))?;
    }
    Ok(())
}

/// The objects commit `id` adds to its first parent: the commit, and every tree and blob of
/// its tree that the parent's tree does not hold at the same path.
fn new_objects(repo: &git2::Repository, id: git2::Oid) -> Result<Vec<git2::Oid>> {
    let commit = repo.find_commit(id).map_err(git("syncing a commit"))?;
    let old = match commit.parent(0) {
        Ok(p) => Some(p.tree().map_err(git("syncing a commit"))?),
        Err(_) => None,
    };
    let tree = commit.tree().map_err(git("syncing a commit"))?;
    let mut new = vec![id];
    if old.as_ref().map(git2::Tree::id) != Some(tree.id()) {
        new.push(tree.id());
        new_in_tree(repo, &tree, old.as_ref(), &mut new)?;
    }
    Ok(new)
}

/// Collects the trees and blobs of `tree` that `old` does not hold at the same path.
fn new_in_tree(
    repo: &git2::Repository,
    tree: &git2::Tree<'_>,
    old: Option<&git2::Tree<'_>>,
    out: &mut Vec<git2::Oid>,
) -> Result<()> {
    for entry in tree {
        let before = old.and_then(|o| o.get_name_bytes(entry.name_bytes()).map(|e| e.id()));
        if before == Some(entry.id()) {
            continue;
        }
        out.push(entry.id());
        if entry.kind() == Some(git2::ObjectType::Tree) {
            let sub = repo
                .find_tree(entry.id())
                .map_err(git("syncing a commit"))?;
            let old_sub = before.and_then(|b| repo.find_tree(b).ok());
            new_in_tree(repo, &sub, old_sub.as_ref(), out)?;
        }
    }
    Ok(())
}

/// Syncs the ref file `name` (if it is a loose file) and the folders down to `refs/`.
pub(super) fn sync_ref(repo: &git2::Repository, name: &str) -> Result<()> {
    let root = repo.path();
    let file = root.join(name);
    match sync_path(&file) {
        Ok(()) => {}
        // Packed (or deleted): packed-refs is rewritten by rename, synced below.
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return sync_path(root).map_err(failed("syncing the store folder"));
        }
        Err(e) => return Err(failed("syncing a ref")(e)),
    }
    let mut folder = file.parent();
    while let Some(f) = folder {
        sync_path(f).map_err(failed("syncing a ref folder"))?;
        if f == root.join("refs") {
            break;
        }
        folder = f.parent();
    }
    Ok(())
}

/// Syncs the pack an import just wrote (`pack` is its content: the file is named by the
/// checksum in its last 20 bytes), its index and the pack folder.
pub(super) fn sync_pack(store: &Path, pack: &[u8]) -> Result<()> {
    let Some(trailer) = pack.len().checked_sub(20).map(|at| &pack[at..]) else {
        return Ok(());
    };
    let name: String = trailer.iter().map(|b| format!("{b:02x}")).collect();
    let dir = store.join("objects").join("pack");
    for ext in ["pack", "idx"] {
        sync_path(&dir.join(format!("pack-{name}.{ext}"))).map_err(failed("syncing a pack"))?;
    }
    sync_path(&dir).map_err(failed("syncing a pack"))
}

/// Syncs every pack file under `objects/pack` changed since `since` (what a fetch wrote).
pub(super) fn sync_packs_since(store: &Path, since: std::time::SystemTime) -> Result<()> {
    let dir = store.join("objects").join("pack");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Ok(());
    };
    for entry in entries.flatten() {
        let fresh = entry
            .metadata()
            .and_then(|m| m.modified())
            .is_ok_and(|t| t >= since);
        if fresh {
            sync_path(&entry.path()).map_err(failed("syncing a fetched pack"))?;
        }
    }
    sync_path(&dir).map_err(failed("syncing a fetched pack"))
}

#[cfg(test)]
mod tests {
    use super::new_objects;

    #[test]
    fn a_commit_adds_exactly_what_its_parent_lacks() -> Result<(), git2::Error> {
        let dir = tempfile::tempdir().map_err(|e| git2::Error::from_str(&e.to_string()))?;
        let repo = git2::Repository::init_bare(dir.path())?;
        let sig = git2::Signature::now("T", "t@example.org")?;
        let blob = |text: &str| repo.blob(text.as_bytes());
        let (x, y1, y2, z) = (blob("x")?, blob("y1")?, blob("y2")?, blob("z")?);
        let mut tb = repo.treebuilder(None)?;
        tb.insert("x", x, 0o100644)?;
        tb.insert("y", y1, 0o100644)?;
        let t1 = tb.write()?;
        let c1 = repo.commit(None, &sig, &sig, "1", &repo.find_tree(t1)?, &[])?;
        let mut sub = repo.treebuilder(None)?;
        sub.insert("z", z, 0o100644)?;
        let sub = sub.write()?;
        let mut tb = repo.treebuilder(Some(&repo.find_tree(t1)?))?;
        tb.insert("y", y2, 0o100644)?;
        tb.insert("dir", sub, 0o040000)?;
        let t2 = tb.write()?;
        let parent = repo.find_commit(c1)?;
        let c2 = repo.commit(None, &sig, &sig, "2", &repo.find_tree(t2)?, &[&parent])?;
        let mut got = new_objects(&repo, c2).map_err(|e| git2::Error::from_str(&e.to_string()))?;
        got.sort();
        let mut want = vec![c2, t2, y2, sub, z];
        want.sort();
        assert_eq!(got, want);
        let mut root = new_objects(&repo, c1).map_err(|e| git2::Error::from_str(&e.to_string()))?;
        root.sort();
        let mut want = vec![c1, t1, x, y1];
        want.sort();
        assert_eq!(root, want);
        Ok(())
    }
}
