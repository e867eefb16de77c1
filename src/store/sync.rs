//! Sharing a store: fetch from and push to another git repository every drafttrail ref —
//! tracks, annotations (notes), events and pins — with plain git refspecs.

use super::{CONFIG_KEY, Store, git};
use crate::error::{Error, Result};

/// The refspecs drafttrail shares: fast-forward only, so nobody's work is overwritten.
pub const REFSPECS: [&str; 3] = [
    "refs/heads/*:refs/heads/*",
    "refs/notes/*:refs/notes/*",
    "refs/drafttrail/*:refs/drafttrail/*",
];

/// What a sync moved.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyncReport {
    /// Refs updated locally by the fetch.
    pub fetched: Vec<String>,
    /// Refs pushed to the remote.
    pub pushed: Vec<String>,
}

impl Store {
    /// Opens a bare git repository to sync into, marking it as a store if it is a plain clone
    /// of one (`git clone --bare`).
    pub fn open_for_sync(path: &std::path::Path) -> Result<Store> {
        let repo = git2::Repository::open_bare(path).map_err(|_| Error::NotAStore {
            path: path.to_owned(),
        })?;
        repo.config()
            .and_then(|mut c| c.set_i32(CONFIG_KEY, 1))
            .map_err(git("marking the store"))?;
        Store::open(path)
    }

    /// Fetches every drafttrail ref from `remote` (a path or URL), then pushes every local one.
    /// A ref that moved on both sides is not overwritten: the fetch or push fails and says so.
    pub fn sync(&self, remote: &str) -> Result<SyncReport> {
        let mut report = SyncReport::default();
        // A remote that cannot be reached or read is the user's to fix (a path, a URL, a
        // network): a user error, not an internal one.
        let remote_err = |doing: &'static str| {
            move |e: git2::Error| Error::Remote {
                remote: remote.to_owned(),
                doing,
                message: e.message().to_owned(),
                source: Some(Box::new(e)),
            }
        };
        let mut r = self
            .repo
            .remote_anonymous(remote)
            .map_err(remote_err("opening"))?;
        let before = self.ref_targets()?;
        r.fetch(&REFSPECS, None, None)
            .map_err(remote_err("fetching from"))?;
        let after = self.ref_targets()?;
        for (name, target) in &after {
            if before.iter().find(|(n, _)| n == name).map(|(_, t)| t) != Some(target) {
                report.fetched.push(name.clone());
            }
        }
        let remote_before: Vec<(String, git2::Oid)> = {
            r.connect(git2::Direction::Push)
                .map_err(remote_err("connecting to"))?;
            let list = r
                .list()
                .map_err(remote_err("listing"))?
                .iter()
                .map(|h| (h.name().to_owned(), h.oid()))
                .collect();
            r.disconnect().map_err(remote_err("connecting to"))?;
            list
        };
        let specs: Vec<String> = after
            .iter()
            .filter(|(name, oid)| !remote_before.iter().any(|(n, o)| n == name && o == oid))
            .map(|(name, _)| format!("{name}:{name}"))
            .collect();
        if !specs.is_empty() {
            let mut rejected: Vec<String> = Vec::new();
            let mut callbacks = git2::RemoteCallbacks::new();
            callbacks.push_update_reference(|name, status| {
                if let Some(msg) = status {
                    rejected.push(format!("{name} ({msg})"));
                }
                Ok(())
            });
            let mut opts = git2::PushOptions::new();
            opts.remote_callbacks(callbacks);
            let refs: Vec<&str> = specs.iter().map(String::as_str).collect();
            r.push(&refs, Some(&mut opts))
                .map_err(remote_err("pushing to"))?;
            drop(opts);
            if !rejected.is_empty() {
                return Err(Error::ConcurrentWrite {
                    track: rejected.join(", "),
                });
            }
            report.pushed = after
                .iter()
                .map(|(n, _)| n.clone())
                .filter(|n| specs.iter().any(|s| s.starts_with(&format!("{n}:"))))
                .collect();
        }
        Ok(report)
    }

    fn ref_targets(&self) -> Result<Vec<(String, git2::Oid)>> {
        let mut out = Vec::new();
        for r in self.repo.references().map_err(git("listing refs"))? {
            let r = r.map_err(git("listing refs"))?;
            if let (Some(name), Some(target)) = (r.name().ok(), r.target())
                && REFSPECS
                    .iter()
                    .any(|s| name.starts_with(s.split('*').next().unwrap_or("")))
            {
                out.push((name.to_owned(), target));
            }
        }
        out.sort();
        Ok(out)
    }
}
