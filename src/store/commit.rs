//! Recording a draft: blobs → tree → commit → compare-and-swap update of the track's ref.

use std::path::Path;

use chrono::{NaiveTime, TimeZone, Utc};

use super::lock::WriteLock;
use super::notes::Annotations;
use super::refs::{point_unborn_head, update_ref};
use super::revision::resolve_in;
use super::{BODY_FILE, DEFAULT_TRACK, META_FILE, Store, WriteContext, git};
use crate::draft::{Draft, DraftMeta};
use crate::error::{Error, Result};

/// What recording a draft did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Recorded {
    /// A new version was recorded.
    New {
        /// The new version's id.
        id: String,
        /// Its label.
        label: String,
        /// Its track.
        track: String,
        /// The label of the earlier version whose text it tables again, if it does.
        retables: Option<String>,
    },
    /// The body was already recorded; new sources or claims were added to that version.
    ExtraSources {
        /// The existing version's id.
        id: String,
        /// Its label.
        label: String,
        /// How many sources were added.
        sources: usize,
        /// How many claims were added.
        claims: usize,
        /// What the draft stated differently that was not recorded (see
        /// [`DraftMeta::unrecorded_against`](crate::draft::DraftMeta::unrecorded_against)).
        ignored: Vec<String>,
    },
    /// The body and everything said about it were already recorded; nothing changed.
    Unchanged {
        /// The existing version's id.
        id: String,
        /// Its label.
        label: String,
        /// What the draft stated differently that was not recorded.
        ignored: Vec<String>,
    },
}

impl Recorded {
    /// The id of the version recorded or found.
    pub fn id(&self) -> &str {
        match self {
            Self::New { id, .. } | Self::ExtraSources { id, .. } | Self::Unchanged { id, .. } => id,
        }
    }
}

/// Holds the store's write lock for a sequence of writes (one command).
///
/// While it holds the lock nobody else can change the store, so it keeps the list of versions
/// and the index of bodies in memory and updates them itself: recording N drafts reads the
/// store once, not N times.
#[derive(Debug)]
pub struct Writer<'a> {
    pub(super) store: &'a Store,
    pub(super) ctx: &'a WriteContext,
    _lock: WriteLock,
    cache: std::cell::RefCell<Option<Cache>>,
    /// In a batch: ref moves and annotations held back until the objects are on disk.
    deferred: std::cell::RefCell<Option<Deferred>>,
}

/// What a batch holds back until its objects are written.
#[derive(Debug, Default)]
struct Deferred {
    /// Ref name → (its target before the batch, its new target).
    refs: Vec<(String, Option<git2::Oid>, git2::Oid)>,
    /// Annotations to write once the versions they annotate exist on disk.
    notes: Vec<(String, Annotations)>,
}

#[derive(Debug)]
pub(super) struct Cache {
    pub(super) versions: Vec<crate::store::Version>,
    /// Body blob id → version id.
    pub(super) bodies: std::collections::HashMap<String, String>,
}

impl Store {
    /// Takes the store's write lock for the length of one command.
    pub fn writer<'a>(&'a self, ctx: &'a WriteContext) -> Result<Writer<'a>> {
        let lock = WriteLock::acquire(&self.path, ctx.lock_timeout)?;
        self.finish_journal()?;
        Ok(Writer {
            store: self,
            ctx,
            _lock: lock,
            cache: std::cell::RefCell::new(None),
            deferred: std::cell::RefCell::new(None),
        })
    }

    /// Runs `f` with a writer whose ref moves and annotations are held back until `f` has
    /// succeeded: then refs move (compare-and-swap) and annotations are written; when `f`
    /// fails, no ref moves. With `in_memory`, new objects are also kept in memory and written
    /// as one pack at the end, so a failure writes nothing at all.
    ///
    /// In memory is much faster than one loose file per object (see BENCHMARKS.md), but the
    /// pack is delta-compressed, which costs more than it saves once the batch holds hundreds
    /// of megabytes of text: callers pass `in_memory` for batches of moderate size.
    pub fn batch<T>(
        &self,
        ctx: &WriteContext,
        in_memory: bool,
        f: impl FnOnce(&Writer<'_>) -> Result<T>,
    ) -> Result<T> {
        let lock = WriteLock::acquire(&self.path, ctx.lock_timeout)?;
        self.finish_journal()?;
        // A second handle on the repository: its object database gets the in-memory backend,
        // which then never outlives the batch.
        let staging = Store {
            repo: git2::Repository::open_bare(&self.path).map_err(git("opening the store"))?,
            path: self.path.clone(),
        };
        let odb = staging
            .repo
            .odb()
            .map_err(git("opening the object database"))?;
        let mempack = if in_memory {
            Some(
                odb.add_new_mempack_backend(1000)
                    .map_err(git("opening the object database"))?,
            )
        } else {
            None
        };
        let writer = Writer {
            store: &staging,
            ctx,
            _lock: lock,
            cache: std::cell::RefCell::new(None),
            deferred: std::cell::RefCell::new(Some(Deferred::default())),
        };
        let out = match f(&writer) {
            Ok(out) => out,
            Err(e) => {
                if let Some(m) = &mempack {
                    let _ = m.reset();
                }
                return Err(e);
            }
        };
        super::crash_point();
        let mut pack = git2::Buf::new();
        if let Some(m) = &mempack {
            m.dump(&staging.repo, &mut pack)
                .map_err(git("packing new objects"))?;
        }
        if !pack.is_empty() {
            let mut pw = odb.packwriter().map_err(git("writing a pack"))?;
            std::io::Write::write_all(&mut pw, &pack)
                .map_err(|e| Error::store_caused("writing a pack", e.to_string(), e))?;
            pw.commit().map_err(git("writing a pack"))?;
            super::durable::sync_pack(&self.path, &pack)?;
        }
        super::crash_point();
        let deferred = writer.deferred.borrow_mut().take().unwrap_or_default();
        if !deferred.refs.is_empty() {
            super::journal::write(&self.path, &deferred.refs)?;
        }
        super::crash_point();
        for (k, (name, expected, new)) in deferred.refs.iter().enumerate() {
            let track = name.strip_prefix("refs/heads/").unwrap_or(name);
            let moved = update_ref(
                &self.repo,
                name,
                *new,
                *expected,
                track,
                "drafttrail: import",
            )
            .and_then(|()| {
                if name.starts_with("refs/heads/") {
                    point_unborn_head(&self.repo, name)?;
                }
                Ok(())
            });
            if let Err(e) = moved {
                // A failure this command reports leaves nothing behind for a later write to
                // apply: the refs it moved go back, and its journal goes (a crash, which
                // reports nothing, keeps the journal for the next writer to finish).
                super::journal::roll_back(&self.repo, &deferred.refs[..k]);
                super::journal::remove(&self.path)?;
                return Err(e);
            }
            super::crash_point();
        }
        super::journal::remove(&self.path)?;
        for (id, extra) in &deferred.notes {
            self.annotate(id, extra, ctx)?;
            super::crash_point();
        }
        Ok(out)
    }

    /// Records one draft (see [`Writer::commit`]).
    pub fn commit(&self, draft: &Draft, origin: &Path, ctx: &WriteContext) -> Result<Recorded> {
        self.writer(ctx)?.commit(draft, origin)
    }

    pub(super) fn committer(&self, ctx: &WriteContext) -> Result<git2::Signature<'static>> {
        let time = git2::Time::new(ctx.now.timestamp(), 0);
        git2::Signature::new(
            &clean(&ctx.recorder.name, "unknown"),
            // git requires an e-mail; a recorder known only by name gets a placeholder.
            &clean(&ctx.recorder.email, "unknown@drafttrail.invalid"),
            &time,
        )
        .map_err(git("building the committer"))
    }
}

impl Writer<'_> {
    /// Returns the cached versions and body index, loading them on first use.
    pub(super) fn cached(&self) -> Result<std::cell::RefMut<'_, Cache>> {
        let mut cache = self.cache.borrow_mut();
        if cache.is_none() {
            *cache = Some(Cache {
                versions: self.store.versions()?,
                bodies: self.store.body_index()?,
            });
        }
        Ok(std::cell::RefMut::map(cache, |c| {
            c.as_mut().expect("the cache was filled just above")
        }))
    }

    /// Writes annotations now, or at the end of a batch; the cached metadata follows either way.
    pub(super) fn annotate(&self, id: &str, extra: Annotations) -> Result<()> {
        if let Some(cache) = self.cache.borrow_mut().as_mut()
            && let Some(v) = cache.versions.iter_mut().find(|v| v.id == id)
        {
            extra.apply_to(&mut v.meta);
        }
        match self.deferred.borrow_mut().as_mut() {
            Some(d) => d.notes.push((id.to_owned(), extra)),
            None => self.store.annotate(id, &extra, self.ctx)?,
        }
        Ok(())
    }

    /// In a batch, records that `name` moves from `expected` to `new` and returns `true`.
    pub(super) fn defer_ref(
        &self,
        name: &str,
        expected: Option<git2::Oid>,
        new: git2::Oid,
    ) -> bool {
        let mut deferred = self.deferred.borrow_mut();
        let Some(d) = deferred.as_mut() else {
            return false;
        };
        match d.refs.iter_mut().find(|(n, _, _)| n == name) {
            // The first expected value stays: the compare-and-swap is against the store as it
            // was before the batch.
            Some(entry) => entry.2 = new,
            None => d.refs.push((name.to_owned(), expected, new)),
        }
        true
    }

    /// The current target of a ref: a batch's pending move, else `on_disk`.
    pub(super) fn tip(&self, name: &str, on_disk: Option<git2::Oid>) -> Option<git2::Oid> {
        self.deferred
            .borrow()
            .as_ref()
            .and_then(|d| d.refs.iter().find(|(n, _, _)| n == name).map(|e| e.2))
            .or(on_disk)
    }

    /// Records one draft as a new version, or as a new source of the version that already has
    /// the same body. `origin` names the draft in error messages.
    ///
    /// Parents are the draft's `parent` revisions, else the track's tip. The track must not
    /// have moved on to a version the draft does not descend from.
    pub fn commit(&self, draft: &Draft, origin: &Path) -> Result<Recorded> {
        let mut meta = draft.meta.clone();
        let (label, track) = label_and_track(&meta, origin)?;
        // A batch (an import) checked all its tracks together before it began; a single
        // commit checks its own against the store's.
        if self.deferred.borrow().is_none() {
            self.store.check_tracks([track.as_str()])?;
        }
        meta.track = Some(track.clone());
        // A correction repeats a known text on purpose; so does an old text tabled again.
        let retables = if meta.supersedes.is_none() {
            self.retabling(draft, &meta, &label, &track)?
        } else {
            None
        };
        if let Some((old_id, _)) = &retables {
            meta.retabled = Some(old_id.clone());
        } else if meta.supersedes.is_none()
            && let Some(recorded) = self.record_known_body(draft, &meta)?
        {
            return Ok(recorded);
        }
        {
            let cache = self.cached()?;
            let mut tracks: Vec<&str> = cache
                .versions
                .iter()
                .filter_map(|v| v.meta.track.as_deref())
                .collect();
            tracks.sort_unstable();
            tracks.dedup();
            let labels = cache.versions.iter().map(|v| v.label());
            super::labels::check_label(&label, &track, &tracks, labels)?;
        }
        let ref_name = format!("refs/heads/{track}");
        let tip = self.tip(&ref_name, self.store.track_tip(&track)?);
        // A correction also descends from the version it corrects: the track only moves
        // forward, and the corrected version stays reachable (see `Version::superseded_by`).
        let with_corrected;
        let parent_meta = match &meta.supersedes {
            Some(old) => {
                with_corrected = DraftMeta {
                    parent: meta.parent.iter().chain([old]).cloned().collect(),
                    ..DraftMeta::default()
                };
                &with_corrected
            }
            None => &meta,
        };
        let parents = self.parents(parent_meta, &track, tip, origin)?;
        let (tree, body_blob) = self.write_tree(draft, &meta)?;
        let summary = self.summary(&parents, &draft.body)?;
        let message = commit_message(&label, summary.as_deref(), &meta);
        let id = self.write_commit(&meta, &message, tree, &parents)?;
        super::crash_point();
        if !self.defer_ref(&ref_name, tip, id) {
            let log = format!("drafttrail: record {label}");
            update_ref(&self.store.repo, &ref_name, id, tip, &track, &log)?;
            point_unborn_head(&self.store.repo, &ref_name)?;
        }
        let mut cache = self.cached()?;
        cache.versions.push(self.store.load_version(id)?);
        cache.bodies.insert(body_blob.to_string(), id.to_string());
        Ok(Recorded::New {
            id: id.to_string(),
            label,
            track,
            retables: retables.map(|(_, old_label)| old_label),
        })
    }

    /// The new version's parents: the draft's `parent` revisions (the track's tip first when
    /// it is among them), else the track's tip. Fails when the track moved on to a version
    /// the draft does not descend from.
    fn parents(
        &self,
        meta: &DraftMeta,
        track: &str,
        tip: Option<git2::Oid>,
        origin: &Path,
    ) -> Result<Vec<git2::Oid>> {
        let cache = self.cached()?;
        let versions = &cache.versions;
        let mut parents: Vec<git2::Oid> = Vec::new();
        for wanted in &meta.parent {
            // A track moved earlier in this batch is not on disk yet.
            let pending = self
                .tip(&format!("refs/heads/{wanted}"), None)
                .map(|t| t.to_string());
            let rev = pending.as_deref().unwrap_or(wanted);
            // A remote's diverged tip kept by `sync` may be named as a parent (by its kept
            // ref or its id): the version that reconciles both sides.
            let version = match resolve_in(self.store, versions, rev) {
                Err(Error::UnknownRevision(_) | Error::PastRoot { .. }) => self
                    .store
                    .kept_version(rev)?
                    .ok_or_else(|| Error::UnknownParent {
                        path: origin.to_owned(),
                        parent: wanted.clone(),
                    })?,
                other => other?,
            };
            let oid = git2::Oid::from_str(&version.id).map_err(git("resolving a parent"))?;
            if !parents.contains(&oid) {
                parents.push(oid);
            }
        }
        let Some(tip) = tip else {
            return Ok(parents);
        };
        if meta.parent.is_empty() {
            parents.push(tip);
        } else if let Some(i) = parents.iter().position(|p| *p == tip) {
            parents[..=i].rotate_right(1);
        } else {
            let repo = &self.store.repo;
            let descends = parents
                .iter()
                .any(|p| repo.graph_descendant_of(*p, tip).unwrap_or(false));
            if !descends {
                let tip_version = resolve_in(self.store, versions, &tip.to_string())?;
                return Err(Error::TrackDiverged {
                    track: track.to_owned(),
                    tip: format!("{} ({})", tip_version.short_id(), tip_version.label()),
                });
            }
        }
        Ok(parents)
    }

    /// Writes the version's tree (its text and its metadata); returns the tree and the text's
    /// blob.
    pub(super) fn write_tree(
        &self,
        draft: &Draft,
        meta: &DraftMeta,
    ) -> Result<(git2::Oid, git2::Oid)> {
        let repo = &self.store.repo;
        let body_blob = repo
            .blob(draft.body.as_bytes())
            .map_err(git("writing the body"))?;
        let meta_blob = repo
            .blob(meta.to_toml()?.as_bytes())
            .map_err(git("writing metadata"))?;
        let mut tb = repo.treebuilder(None).map_err(git("building a tree"))?;
        tb.insert(BODY_FILE, body_blob, 0o100644)
            .map_err(git("building a tree"))?;
        tb.insert(META_FILE, meta_blob, 0o100644)
            .map_err(git("building a tree"))?;
        if let Some(original) = &draft.original {
            let blob = repo
                .blob(&original.bytes)
                .map_err(git("writing the original file"))?;
            tb.insert(&original.name, blob, 0o100644)
                .map_err(git("building a tree"))?;
        }
        let tree = tb.write().map_err(git("writing a tree"))?;
        Ok((tree, body_blob))
    }

    /// The commit message's summary against the first parent, when the caller gave a way to
    /// summarise (see [`WriteContext::summarise`]).
    fn summary(&self, parents: &[git2::Oid], body: &str) -> Result<Option<String>> {
        let (Some(first), Some(summarise)) = (parents.first(), self.ctx.summarise) else {
            return Ok(None);
        };
        let parent = {
            let cache = self.cached()?;
            resolve_in(self.store, &cache.versions, &first.to_string())?
        };
        let old = self.store.body(&parent)?;
        Ok(Some(format!(
            "Against {}: {}",
            parent.label(),
            summarise(&old, body)
        )))
    }

    /// Writes the commit (no ref moves): authored by the drafters the claims name, committed
    /// by the recorder.
    pub(super) fn write_commit(
        &self,
        meta: &DraftMeta,
        message: &str,
        tree: git2::Oid,
        parents: &[git2::Oid],
    ) -> Result<git2::Oid> {
        let repo = &self.store.repo;
        let tree = repo.find_tree(tree).map_err(git("writing a tree"))?;
        let parent_commits = parents
            .iter()
            .map(|p| repo.find_commit(*p))
            .collect::<Result<Vec<_>, _>>()
            .map_err(git("reading parents"))?;
        let parent_refs: Vec<&git2::Commit<'_>> = parent_commits.iter().collect();
        let author = author_signature(meta)?;
        let committer = self.store.committer(self.ctx)?;
        repo.commit(None, &author, &committer, message, &tree, &parent_refs)
            .map_err(git("writing the commit"))
    }
}

/// The draft's label (required) and track (default `main`, a valid branch name).
fn label_and_track(meta: &DraftMeta, origin: &Path) -> Result<(String, String)> {
    let label = meta.label.clone().ok_or_else(|| Error::FrontMatter {
        path: origin.to_owned(),
        line: 1,
        msg: "missing field `label` (set it in the front matter or with --label)".into(),
    })?;
    let track = meta
        .track
        .clone()
        .unwrap_or_else(|| DEFAULT_TRACK.to_owned());
    Ok((label, track))
}

/// The author of a version is whoever the claims say drafted it, on its best-known date.
fn author_signature(meta: &DraftMeta) -> Result<git2::Signature<'static>> {
    let drafters = meta.drafters();
    let (name, email) = if drafters.is_empty() {
        ("unattributed".to_owned(), "unattributed@drafttrail.invalid")
    } else {
        (drafters.join(", "), "claimed@drafttrail.invalid")
    };
    // Dates before 1970 are clamped: git cannot store them, and draft.toml keeps the real date.
    let seconds = meta
        .dates
        .best()
        .map(|d| {
            Utc.from_utc_datetime(&d.and_time(NaiveTime::MIN))
                .timestamp()
                + 12 * 3600
        })
        .unwrap_or(0)
        .max(0);
    git2::Signature::new(
        &clean(&name, "unattributed"),
        email,
        &git2::Time::new(seconds, 0),
    )
    .map_err(git("building the author"))
}

/// The label, the provision-level summary against the first parent, then trailers, so that
/// plain `git log` tells the story.
pub(super) fn commit_message(label: &str, summary: Option<&str>, meta: &DraftMeta) -> String {
    let mut msg = format!("{}\n\n", one_line(label));
    if let Some(summary) = summary {
        msg.push_str(&format!("{}\n\n", one_line(summary)));
    }
    let mut trailer = |key: &str, value: String| {
        msg.push_str(&format!("{key}: {}\n", one_line(&value)));
    };
    trailer("Track", meta.track.clone().unwrap_or_default());
    if let Some(status) = meta.status {
        trailer("Status", status.to_string());
    }
    if let Some(text) = meta.text {
        trailer("Text", text.to_string());
    }
    let d = &meta.dates;
    for (name, date) in d.named() {
        if let Some(date) = date {
            trailer("Date", format!("{name} {date}"));
        }
    }
    for s in &meta.sources {
        let mut value = s.outlet.clone();
        if let Some(date) = s.date {
            value.push_str(&format!(", {date}"));
        }
        if let Some(url) = &s.url {
            value.push_str(&format!(", {url}"));
        }
        trailer("Source", value);
    }
    for c in &meta.claims {
        let mut value = format!("{} {} {}", c.who, c.stance, c.did);
        let mut extra = Vec::new();
        if let Some(conf) = c.confidence {
            extra.push(conf.to_string());
        }
        if let Some(src) = &c.source {
            extra.push(src.clone());
        }
        if !extra.is_empty() {
            value.push_str(&format!(" ({})", extra.join("; ")));
        }
        trailer("Claim", value);
    }
    msg
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// git refuses `<`, `>` and newlines in signatures.
fn clean(s: &str, fallback: &str) -> String {
    let cleaned: String = one_line(s)
        .chars()
        .filter(|c| *c != '<' && *c != '>')
        .collect();
    if cleaned.trim().is_empty() {
        fallback.to_owned()
    } else {
        cleaned
    }
}
