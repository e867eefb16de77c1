//! The ref journal: how a batch's ref moves survive a crash.
//!
//! A batch moves several refs (one per track, plus events), and git moves refs one at a time:
//! a crash between two moves would leave some tracks updated and others not, and an import
//! run again would find those versions recorded and never move the rest. So once a batch's
//! objects are on disk, the moves are written to `drafttrail-journal` (atomically: a temporary
//! file renamed), then made, then the journal is removed. The next writer, holding the lock,
//! finishes any journal it finds before doing anything else.

use std::path::{Path, PathBuf};

use super::refs::update_ref;
use super::{Store, git};
use crate::error::{Error, Result};

/// The journal's file name inside the repository.
pub(crate) const JOURNAL_FILE: &str = "drafttrail-journal";

/// One ref move: name, expected target (none: the ref is created), new target.
pub(crate) type Move = (String, Option<git2::Oid>, git2::Oid);

fn path(store_dir: &Path) -> PathBuf {
    store_dir.join(JOURNAL_FILE)
}

/// Writes the journal of `moves`; it exists completely or not at all.
pub(crate) fn write(store_dir: &Path, moves: &[Move]) -> Result<()> {
    let mut text = String::new();
    for (name, expected, new) in moves {
        let expected = expected.map_or_else(|| "-".to_owned(), |o| o.to_string());
        text.push_str(&format!("{name} {expected} {new}\n"));
    }
    let target = path(store_dir);
    let tmp = store_dir.join(format!("{JOURNAL_FILE}.tmp"));
    // Synced before the rename and the folder after it: after a power cut the journal is
    // either absent or whole, never an empty file that no writer can finish.
    let written = std::fs::File::create(&tmp).and_then(|mut f| {
        std::io::Write::write_all(&mut f, text.as_bytes())?;
        f.sync_all()
    });
    written.map_err(|e| Error::io(&tmp, e))?;
    std::fs::rename(&tmp, &target).map_err(|e| Error::io(&target, e))?;
    std::fs::File::open(store_dir)
        .and_then(|d| d.sync_all())
        .map_err(|e| Error::io(store_dir, e))
}

/// Removes the journal once its moves are made.
pub(crate) fn remove(store_dir: &Path) -> Result<()> {
    let p = path(store_dir);
    match std::fs::remove_file(&p) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(Error::io(p, e)),
    }
}

/// Returns `true` if an interrupted batch left a journal.
pub(crate) fn pending(store_dir: &Path) -> bool {
    path(store_dir).exists()
}

fn parse(text: &str, file: &Path) -> Result<Vec<Move>> {
    let bad = |line: &str| {
        Error::store(
            format!("reading {}", file.display()),
            format!("malformed line `{line}`"),
        )
    };
    // `Oid::from_str` accepts abbreviations; a journal holds full ids only.
    let oid = |s: &str, line: &str| match s.len() {
        40 => git2::Oid::from_str(s).map_err(|_| bad(line)),
        _ => Err(bad(line)),
    };
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let mut parts = line.split(' ');
            match (parts.next(), parts.next(), parts.next(), parts.next()) {
                (Some(name), Some(expected), Some(new), None) if name.starts_with("refs/") => {
                    let expected = match expected {
                        "-" => None,
                        hex => Some(oid(hex, line)?),
                    };
                    Ok((name.to_owned(), expected, oid(new, line)?))
                }
                _ => Err(bad(line)),
            }
        })
        .collect()
}

impl Store {
    /// Finishes the ref moves of an interrupted batch, if any. The caller holds the write
    /// lock. A ref that is already at its new target is left alone; one that moved elsewhere
    /// since (by hand, with git) keeps its newer target.
    pub(crate) fn finish_journal(&self) -> Result<()> {
        let file = path(&self.path);
        let text = match std::fs::read_to_string(&file) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(Error::io(file, e)),
        };
        let entries = match parse(&text, &file) {
            Ok(entries) => entries,
            Err(e) => {
                // A journal that does not parse can never finish: it goes, said once.
                remove(&self.path)?;
                return Err(Error::JournalRolledBack {
                    reason: e.to_string(),
                });
            }
        };
        for (name, expected, new) in entries.iter().cloned() {
            let current = match self.repo.find_reference(&name) {
                Ok(r) => r.target(),
                Err(e) if e.code() == git2::ErrorCode::NotFound => None,
                Err(e) => return Err(git("finishing an interrupted write")(e)),
            };
            if current == Some(new) || current != expected {
                continue;
            }
            if self.repo.find_commit(new).is_err() {
                continue; // never point a ref at a missing object
            }
            let track = name.strip_prefix("refs/heads/").unwrap_or(&name).to_owned();
            if let Err(e) = update_ref(
                &self.repo,
                &name,
                new,
                expected,
                &track,
                "drafttrail: finish interrupted import",
            ) {
                // A journal that cannot finish must not block every later write: its moves
                // are undone and it goes, and this command says so once.
                roll_back(&self.repo, &entries);
                remove(&self.path)?;
                return Err(Error::JournalRolledBack {
                    reason: e.to_string(),
                });
            }
        }
        remove(&self.path)
    }
}

/// Puts back the refs of journal entries that point at their new target: to the expected
/// target, or deleted where there was none. Best effort: a ref that moved since is left
/// alone.
pub(super) fn roll_back(
    repo: &git2::Repository,
    entries: &[(String, Option<git2::Oid>, git2::Oid)],
) {
    for (name, expected, new) in entries {
        let Ok(mut r) = repo.find_reference(name) else {
            continue;
        };
        if r.target() != Some(*new) {
            continue;
        }
        let _ = match expected {
            Some(old) => r
                .set_target(*old, "drafttrail: roll back an unfinished write")
                .map(drop),
            None => r.delete(),
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn journal_round_trips_and_rejects_garbage() {
        let dir = tempfile::tempdir().expect("tempdir");
        let a = git2::Oid::from_str("1111111111111111111111111111111111111111").expect("oid");
        let b = git2::Oid::from_str("2222222222222222222222222222222222222222").expect("oid");
        let moves = vec![
            ("refs/heads/main".to_owned(), Some(a), b),
            ("refs/drafttrail/events".to_owned(), None, a),
        ];
        write(dir.path(), &moves).expect("write");
        let text = std::fs::read_to_string(path(dir.path())).expect("read");
        assert_eq!(parse(&text, Path::new("j")).expect("parse"), moves);
        assert!(parse("refs/heads/x 12 34\n", Path::new("j")).is_err());
        assert!(
            parse(
                "HEAD - 1111111111111111111111111111111111111111\n",
                Path::new("j")
            )
            .is_err()
        );
        remove(dir.path()).expect("remove");
        assert!(!pending(dir.path()));
    }
}
