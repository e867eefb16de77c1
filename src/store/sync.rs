//! Sharing a store without trusting the other side: fetch every drafttrail ref of a remote
//! into a quarantine namespace, check it there, then move local refs under the write lock —
//! fast-forward only, or merged where merging loses nothing — and push back what the remote
//! lacks.
//!
//! What a remote can never do: replace a local ref with something that is not a drafttrail
//! commit, move a track backwards or sideways, drop a claim, or leave unreadable data behind.
//! A track (or the events or pins) that moved on both sides is kept, the remote's tip under
//! `refs/remotes/drafttrail/NAME/…` so that nothing is lost and `git gc` keeps it, and reported;
//! annotations (claims and sources, append-only) merge as a union.

use super::lock::WriteLock;
use super::refs::update_ref;
use super::transport::{self, Transport};
use super::{CONFIG_KEY, EVENTS_REF, NOTES_REF, PINS_REF, Store, WriteContext, git};
use crate::draft::DraftMeta;
use crate::error::{Error, Result};

/// Where fetched refs wait to be checked: outside every namespace drafttrail shares or reads.
const INCOMING: &str = "refs/drafttrail-incoming/";

/// Where a remote's diverged tips are kept (not shared, not read as versions).
pub const KEPT: &str = "refs/remotes/drafttrail/";

/// The largest annotation note accepted from a remote, in bytes.
pub const NOTE_LIMIT: usize = 1 << 20;

/// The refspecs of a fetch into quarantine (forced: the quarantine is ours).
const FETCH_SPECS: [&str; 3] = [
    "+refs/heads/*:refs/drafttrail-incoming/heads/*",
    "+refs/notes/*:refs/drafttrail-incoming/notes/*",
    "+refs/drafttrail/*:refs/drafttrail-incoming/drafttrail/*",
];

/// What a sync did, ref by ref.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyncReport {
    /// Local refs created or fast-forwarded from the remote.
    pub fetched: Vec<String>,
    /// Local refs that now merge both sides (annotations, events, pins).
    pub merged: Vec<String>,
    /// Refs pushed to the remote.
    pub pushed: Vec<String>,
    /// Refs that moved on both sides: (local ref, where the remote's tip is kept).
    pub kept: Vec<(String, String)>,
    /// Remote refs refused, and why (nothing local changed for them).
    pub refused: Vec<(String, String)>,
    /// Local refs not pushed, and why.
    pub not_pushed: Vec<(String, String)>,
    /// Kept tips of an earlier sync that a local ref now contains, deleted.
    pub reconciled: Vec<String>,
}

/// Deletes the quarantine refs when dropped, whatever happened.
struct Quarantine<'a>(&'a git2::Repository);

impl Quarantine<'_> {
    fn clear(&self) {
        if let Ok(refs) = self.0.references_glob(&format!("{INCOMING}*")) {
            let names: Vec<String> = refs
                .flatten()
                .filter_map(|r| r.name().ok().map(str::to_owned))
                .collect();
            for name in names {
                if let Ok(mut r) = self.0.find_reference(&name) {
                    let _ = r.delete();
                }
            }
        }
    }
}

impl Drop for Quarantine<'_> {
    fn drop(&mut self) {
        self.clear();
    }
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

    /// Fetches every drafttrail ref of `remote` (a path or URL) into quarantine, checks it,
    /// moves local refs (fast-forward, or a merge of annotations, events and pins), then
    /// pushes what the remote lacks. Holds the write lock throughout. Fails, changing nothing,
    /// when the remote cannot be reached or is not a drafttrail store.
    pub fn sync(&self, remote: &str, ctx: &WriteContext) -> Result<SyncReport> {
        let _lock = WriteLock::acquire(&self.path, ctx.lock_timeout)?;
        self.finish_journal()?;
        let shown = transport::shown(remote);
        let repo = &self.repo;
        let quarantine = Quarantine(repo);
        quarantine.clear();
        let transport = Transport::for_remote(repo, remote, ctx.prompts);
        let fetch_start = std::time::SystemTime::now() - std::time::Duration::from_secs(2);
        transport.fetch(repo, &FETCH_SPECS, &shown)?;
        // What the fetch wrote is on disk before any local ref names it.
        super::durable::sync_packs_since(&self.path, fetch_start)?;

        let mut report = SyncReport::default();
        let incoming = self.incoming()?;
        let heads: Vec<&(String, String, git2::Oid)> = incoming
            .iter()
            .filter(|(local, _, _)| local.starts_with("refs/heads/"))
            .collect();
        // A repository none of whose branches holds a drafttrail version is not a store.
        if !heads.is_empty()
            && !heads
                .iter()
                .any(|(_, _, oid)| self.check_commit_is_version(*oid).is_ok())
        {
            return Err(Error::Remote {
                remote: shown.clone(),
                doing: "syncing with",
                message: "not a drafttrail store (no branch holds a recorded version)".into(),
                source: None,
            });
        }
        let kept_root = format!("{KEPT}{}/", remote_name(remote));
        for (local, quarantined, oid) in &incoming {
            if let Err(why) = self.check_incoming(local, quarantined, *oid) {
                report.refused.push((local.clone(), why));
                continue;
            }
            let current = self.ref_target(local)?;
            match current {
                None => {
                    update_ref(repo, local, *oid, None, local, "drafttrail: sync")?;
                    report.fetched.push(local.clone());
                }
                Some(l) if l == *oid => {}
                Some(l) if self.descends(*oid, l)? => {
                    update_ref(repo, local, *oid, Some(l), local, "drafttrail: sync")?;
                    report.fetched.push(local.clone());
                }
                Some(l) if self.descends(l, *oid)? => {}
                Some(l) => {
                    if let Some(merged) = self.merge_diverged(local, quarantined, l, *oid, ctx)? {
                        update_ref(
                            repo,
                            local,
                            merged,
                            Some(l),
                            local,
                            "drafttrail: sync merge",
                        )?;
                        report.merged.push(local.clone());
                    } else {
                        let kept = format!("{kept_root}{}", local.trim_start_matches("refs/"));
                        repo.reference(&kept, *oid, true, "drafttrail: sync, diverged")
                            .map_err(git("keeping a diverged ref"))?;
                        report.kept.push((local.clone(), kept));
                    }
                }
            }
        }
        drop(quarantine);
        self.prune_kept(&mut report)?;
        self.push_back(&transport, &shown, &mut report)?;
        Ok(report)
    }

    /// A version kept by an earlier sync (a remote's diverged tip, or one of its ancestors),
    /// named by its kept ref or by (a prefix of) its id.
    pub(super) fn kept_version(&self, rev: &str) -> Result<Option<crate::version::Version>> {
        let tips = self.kept_refs()?;
        if let Some((_, tip)) = tips.iter().find(|(name, _)| name == rev) {
            return self.load_version(*tip).map(Some);
        }
        if rev.len() < 7 || !rev.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Ok(None);
        }
        let mut walk = self.repo.revwalk().map_err(git("walking kept refs"))?;
        for (_, tip) in &tips {
            walk.push(*tip).map_err(git("walking kept refs"))?;
        }
        for id in walk {
            let id = id.map_err(git("walking kept refs"))?;
            if id.to_string().starts_with(&rev.to_ascii_lowercase()) {
                return self.load_version(id).map(Some);
            }
        }
        Ok(None)
    }

    /// The tips kept by earlier syncs, with their refs.
    fn kept_refs(&self) -> Result<Vec<(String, git2::Oid)>> {
        let refs = self
            .repo
            .references_glob(&format!("{KEPT}*"))
            .map_err(git("listing kept refs"))?;
        Ok(refs
            .flatten()
            .filter_map(|r| Some((r.name().ok()?.to_owned(), r.target()?)))
            .collect())
    }

    /// Deletes the kept tips that a local ref now contains (their versions were reconciled).
    fn prune_kept(&self, report: &mut SyncReport) -> Result<()> {
        let kept = self.kept_refs()?;
        let locals = self.shared_refs()?;
        for (name, tip) in kept {
            let contained = locals
                .iter()
                .any(|(_, l)| *l == tip || self.descends(*l, tip).unwrap_or(false));
            if contained {
                if let Ok(mut r) = self.repo.find_reference(&name) {
                    r.delete().map_err(git("pruning a kept ref"))?;
                }
                report.reconciled.push(name);
            }
        }
        Ok(())
    }

    /// The quarantined refs: (local name, quarantine name, target).
    fn incoming(&self) -> Result<Vec<(String, String, git2::Oid)>> {
        let mut out = Vec::new();
        let refs = self
            .repo
            .references_glob(&format!("{INCOMING}*"))
            .map_err(git("listing fetched refs"))?;
        for r in refs {
            let r = r.map_err(git("listing fetched refs"))?;
            let (Some(name), Some(target)) = (r.name().ok(), r.target()) else {
                continue;
            };
            let local = format!("refs/{}", &name[INCOMING.len()..]);
            out.push((local, name.to_owned(), target));
        }
        out.sort();
        Ok(out)
    }

    /// Why a fetched ref may not land, if it may not.
    fn check_incoming(
        &self,
        local: &str,
        quarantined: &str,
        oid: git2::Oid,
    ) -> std::result::Result<(), String> {
        let kind = self
            .repo
            .find_object(oid, None)
            .map(|o| o.kind())
            .map_err(|e| format!("its target cannot be read ({})", e.message()))?;
        if kind != Some(git2::ObjectType::Commit) {
            let what = kind.map_or("an unknown object", |k| match k {
                git2::ObjectType::Blob => "a blob",
                git2::ObjectType::Tree => "a tree",
                git2::ObjectType::Tag => "a tag",
                _ => "an object",
            });
            return Err(format!("it points at {what}, not a commit"));
        }
        if local.starts_with("refs/heads/") {
            self.check_new_versions(oid)
        } else if local == NOTES_REF {
            self.check_notes(quarantined)
        } else if local == EVENTS_REF {
            self.read_events_at(quarantined)
                .map(drop)
                .map_err(|e| e.to_string())
        } else if local == PINS_REF {
            self.read_pins_at(quarantined)
                .map(drop)
                .map_err(|e| e.to_string())
        } else if local.starts_with(super::REFERENCES_REF) {
            self.check_new_versions(oid)
        } else {
            Err("it is not a ref drafttrail keeps".into())
        }
    }

    /// Every commit of a fetched track that the store does not have yet must be a version:
    /// a `draft.md` in UTF-8 and a `draft.toml` that parses.
    fn check_new_versions(&self, tip: git2::Oid) -> std::result::Result<(), String> {
        let mut walk = self.repo.revwalk().map_err(|e| e.message().to_owned())?;
        walk.push(tip).map_err(|e| e.message().to_owned())?;
        for local in self.local_tips().map_err(|e| e.to_string())? {
            let _ = walk.hide(local);
        }
        for id in walk {
            let id = id.map_err(|e| e.message().to_owned())?;
            self.check_commit_is_version(id)
                .map_err(|e| format!("commit {} is not a version: {e}", &id.to_string()[..10]))?;
        }
        Ok(())
    }

    /// Whether one commit reads as a version (its metadata parses, its text is UTF-8).
    fn check_commit_is_version(&self, id: git2::Oid) -> Result<()> {
        let version = self.load_version(id)?;
        self.body(&version).map(drop)
    }

    /// Every note of a fetched notes ref parses and is within [`NOTE_LIMIT`].
    fn check_notes(&self, quarantined: &str) -> std::result::Result<(), String> {
        let notes = self
            .repo
            .notes(Some(quarantined))
            .map_err(|e| e.message().to_owned())?;
        for pair in notes {
            let (blob, target) = pair.map_err(|e| e.message().to_owned())?;
            let blob = self
                .repo
                .find_blob(blob)
                .map_err(|e| e.message().to_owned())?;
            if blob.size() > NOTE_LIMIT {
                return Err(format!(
                    "the note on {} is {} bytes (at most {NOTE_LIMIT})",
                    &target.to_string()[..10],
                    blob.size()
                ));
            }
            super::notes::parse_note(&target.to_string(), blob.content())
                .map_err(|e| e.to_string())?;
        }
        Ok(())
    }

    /// Merges a ref that moved on both sides, where merging loses nothing: annotations
    /// (union of sources and claims), events (local wins on the same id), pins (local wins on
    /// the same provision). The merge commit has both tips as parents, so either side
    /// fast-forwards to it. `None` for a track: kept aside instead.
    fn merge_diverged(
        &self,
        local: &str,
        quarantined: &str,
        ours: git2::Oid,
        theirs: git2::Oid,
        ctx: &WriteContext,
    ) -> Result<Option<git2::Oid>> {
        let repo = &self.repo;
        let tree = if local == NOTES_REF {
            let mut merged = self.annotations_at(NOTES_REF)?;
            for (target, extra) in self.annotations_at(quarantined)? {
                let entry = merged.entry(target).or_default();
                let mut meta = DraftMeta::default();
                entry.apply_to(&mut meta);
                let add = extra.missing_from(&meta, &entry.withdrawals);
                entry.sources.extend(add.sources);
                entry.claims.extend(add.claims);
                entry.withdrawals.extend(add.withdrawals);
            }
            let mut tb = repo.treebuilder(None).map_err(git("merging annotations"))?;
            for (target, ann) in &merged {
                let text = toml::to_string(ann)
                    .map_err(|e| Error::store("merging annotations", e.to_string()))?;
                let blob = repo
                    .blob(text.as_bytes())
                    .map_err(git("merging annotations"))?;
                tb.insert(target, blob, 0o100644)
                    .map_err(git("merging annotations"))?;
            }
            tb.write().map_err(git("merging annotations"))?
        } else if local == EVENTS_REF {
            let mut merged = self.read_events_at(quarantined)?;
            merged.merge(self.events()?);
            self.file_tree(super::sets::EVENTS_FILE, &merged.to_toml()?)?
        } else if local == PINS_REF {
            let mut pins = self.pins()?;
            for pin in self.read_pins_at(quarantined)? {
                let clash = pins.iter().any(|p| {
                    p.old_version == pin.old_version
                        && p.new_version == pin.new_version
                        && (p.old_provision == pin.old_provision
                            || p.new_provision == pin.new_provision)
                });
                if !clash {
                    pins.push(pin);
                }
            }
            self.file_tree(super::sets::PINS_FILE, &super::sets::pins_toml(pins)?)?
        } else {
            return Ok(None);
        };
        let tree = repo.find_tree(tree).map_err(git("merging"))?;
        let parents = [ours, theirs]
            .iter()
            .map(|p| repo.find_commit(*p))
            .collect::<std::result::Result<Vec<_>, _>>()
            .map_err(git("merging"))?;
        let parents: Vec<&git2::Commit<'_>> = parents.iter().collect();
        let sig = self.committer(ctx)?;
        let id = repo
            .commit(
                None,
                &sig,
                &sig,
                "drafttrail: sync, merged both sides\n",
                &tree,
                &parents,
            )
            .map_err(git("merging"))?;
        Ok(Some(id))
    }

    /// A tree of one file.
    fn file_tree(&self, file: &str, text: &str) -> Result<git2::Oid> {
        let repo = &self.repo;
        let blob = repo.blob(text.as_bytes()).map_err(git("merging"))?;
        let mut tb = repo.treebuilder(None).map_err(git("merging"))?;
        tb.insert(file, blob, 0o100644).map_err(git("merging"))?;
        tb.write().map_err(git("merging"))
    }

    /// Pushes every shared local ref the remote lacks or is behind on (fast-forward only);
    /// a ref the remote moved on is left alone and reported.
    fn push_back(&self, transport: &Transport, shown: &str, report: &mut SyncReport) -> Result<()> {
        let theirs = transport.list(&self.repo, shown)?;
        let mut names = Vec::new();
        for (name, ours) in self.shared_refs()? {
            match theirs.get(&name) {
                None => names.push(name),
                Some(t) if *t == ours => {}
                Some(t) if self.repo.find_commit(*t).is_ok() && self.descends(ours, *t)? => {
                    names.push(name);
                }
                Some(_) => report.not_pushed.push((
                    name,
                    "the remote's ref has moved on; sync again after reconciling".into(),
                )),
            }
        }
        if names.is_empty() {
            return Ok(());
        }
        let rejected = transport.push(&self.repo, &names, shown)?;
        for name in names {
            match rejected.iter().find(|(n, _)| *n == name) {
                Some((_, why)) => report.not_pushed.push((name, why.clone())),
                None => report.pushed.push(name),
            }
        }
        Ok(())
    }

    /// The refs a sync shares: tracks, annotations, events, pins.
    fn shared_refs(&self) -> Result<Vec<(String, git2::Oid)>> {
        let mut out = Vec::new();
        for r in self.repo.references().map_err(git("listing refs"))? {
            let r = r.map_err(git("listing refs"))?;
            if let (Some(name), Some(target)) = (r.name().ok(), r.target())
                && (name.starts_with("refs/heads/")
                    || name.starts_with(super::REFERENCES_REF)
                    || [NOTES_REF, EVENTS_REF, PINS_REF].contains(&name))
            {
                out.push((name.to_owned(), target));
            }
        }
        out.sort();
        Ok(out)
    }

    /// The tips of the local tracks.
    fn local_tips(&self) -> Result<Vec<git2::Oid>> {
        Ok(self
            .shared_refs()?
            .into_iter()
            .filter(|(n, _)| n.starts_with("refs/heads/"))
            .map(|(_, t)| t)
            .collect())
    }

    /// Where a ref points, if it exists.
    fn ref_target(&self, name: &str) -> Result<Option<git2::Oid>> {
        match self.repo.find_reference(name) {
            Ok(r) => Ok(r.target()),
            Err(e) if e.code() == git2::ErrorCode::NotFound => Ok(None),
            Err(e) => Err(git("reading a ref")(e)),
        }
    }

    /// Whether commit `a` descends from commit `b`.
    fn descends(&self, a: git2::Oid, b: git2::Oid) -> Result<bool> {
        self.repo
            .graph_descendant_of(a, b)
            .map_err(git("comparing histories"))
    }
}

/// A short name for a remote, for the refs that keep its diverged tips: its last path
/// component without `.git`, letters, digits, `-`, `_` and `.` only.
fn remote_name(remote: &str) -> String {
    let last = remote
        .trim_end_matches('/')
        .rsplit(['/', ':'])
        .next()
        .unwrap_or(remote)
        .trim_end_matches(".git");
    let name: String = last
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '-'
            }
        })
        .take(64)
        .collect();
    let name = name.trim_matches(['.', '-']).to_owned();
    if name.is_empty() {
        "remote".into()
    } else {
        name
    }
}

#[cfg(test)]
mod tests {
    use super::remote_name;

    #[test]
    fn remote_names_are_safe_ref_components() {
        assert_eq!(remote_name("../shared-store.git"), "shared-store");
        assert_eq!(remote_name("git@host:org/store.git"), "store");
        assert_eq!(remote_name("https://example.org/a/b/"), "b");
        assert_eq!(remote_name("/"), "remote");
        assert_eq!(remote_name("x y/..lock"), "lock");
    }
}
