//! The store: a bare git repository holding one commit per draft version.
//!
//! This is the only module that uses `git2`; everything it returns is drafttrail's own types.
//! Layout of the repository:
//!
//! - `refs/heads/<track>`: one branch per track; each commit's tree holds `draft.md` (the body,
//!   exact bytes) and `draft.toml` (the metadata); parents are the versions it derives from.
//! - `refs/notes/drafttrail`: annotations added after the fact (extra sources, claims), as TOML
//!   notes on a version's commit; every write is a new commit on the notes ref, so the ref's own
//!   history is an append-only log.
//! - `refs/drafttrail/events`: a commit whose tree holds `events.toml`.
//! - `refs/drafttrail/pins`: a commit whose tree holds `pins.toml`, the user's alignment
//!   overrides.
//!
//! Writers hold an exclusive lock on `drafttrail.lock` in the repository for the whole command
//! (released by the kernel if the writer dies) and update refs with compare-and-swap, so a
//! concurrent writer waits or fails cleanly and nothing is lost.

mod commit;
mod corrections;
mod durable;
mod integrity;
mod journal;
mod known;
mod labels;
mod lock;
mod notes;
mod read;
mod references;
mod refs;
mod revision;
mod sets;
mod sync;
mod tracks;
mod transport;

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, Utc};

use crate::error::{Error, Result};

pub use commit::{Recorded, Writer};
pub use corrections::{Amended, Correction};
pub use integrity::Integrity;
pub use notes::Annotations;
pub use references::{REFERENCE_TRACK, REFERENCES_REF};
pub use sync::{KEPT, NOTE_LIMIT, SyncReport};
pub use tracks::{MAX_TRACK_BYTES, MAX_TRACK_DEPTH};
pub use transport::shown as shown_remote;

/// The folder name of the default store.
pub const DEFAULT_DIR: &str = "history";

const CONFIG_KEY: &str = "drafttrail.version";
const NOTES_REF: &str = "refs/notes/drafttrail";
const EVENTS_REF: &str = "refs/drafttrail/events";
const PINS_REF: &str = "refs/drafttrail/pins";
const BODY_FILE: &str = "draft.md";
const META_FILE: &str = "draft.toml";
use crate::version::DEFAULT_TRACK;
pub use crate::version::Version;

/// Test hook for the crash-safety tests: when this variable holds `N`, a writing command kills
/// itself with SIGKILL on reaching its `N`th crash point (a step between two writes). Crash
/// points are counted from 1 in the order the command reaches them.
pub const CRASH_POINT_ENV: &str = "DRAFTTRAIL_TEST_CRASH_POINT";

/// A step between two writes where the crash-safety tests kill the process (see
/// [`CRASH_POINT_ENV`]); free when the variable is unset.
pub(crate) fn crash_point() {
    use std::sync::OnceLock;
    use std::sync::atomic::{AtomicUsize, Ordering};
    static TARGET: OnceLock<Option<usize>> = OnceLock::new();
    static REACHED: AtomicUsize = AtomicUsize::new(0);
    let Some(target) = *TARGET.get_or_init(|| std::env::var(CRASH_POINT_ENV).ok()?.parse().ok())
    else {
        return;
    };
    if REACHED.fetch_add(1, Ordering::SeqCst) + 1 == target {
        // A real SIGKILL: no destructor, no flush, no lock release by drafttrail itself.
        let _ = std::process::Command::new("kill")
            .args(["-KILL", &std::process::id().to_string()])
            .status();
        std::process::abort();
    }
}

/// A person recording versions (the git committer).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    /// Display name.
    pub name: String,
    /// E-mail address (may be empty).
    pub email: String,
}

/// Required context of a write: who records, and when. Passed in so the library never reads
/// the clock or the user's configuration.
#[derive(Debug, Clone)]
pub struct WriteContext {
    /// The person recording.
    pub recorder: Identity,
    /// The recording time.
    pub now: DateTime<Utc>,
    /// How long to wait for another writer's lock before giving up (default 10 s).
    pub lock_timeout: Duration,
    /// Summarises a new version against its first parent, from their texts, for the commit
    /// message (`Against X: 3 reworded, 1 added`). The store computes nothing itself: the
    /// caller passes the engine's summary (`align::summary_line`), or `None` for no summary.
    pub summarise: Option<Summarise>,
    /// Whether a sync may let git and ssh ask for a password or passphrase (an interactive
    /// run); when false (the default) a missing credential is an error, never a prompt.
    pub prompts: bool,
}

/// See [`WriteContext::summarise`]: old text, new text → one line.
pub type Summarise = fn(&str, &str) -> String;

impl WriteContext {
    /// Creates a context with the default lock timeout of 10 seconds.
    pub fn new(recorder: Identity, now: DateTime<Utc>) -> Self {
        WriteContext {
            recorder,
            now,
            lock_timeout: Duration::from_secs(10),
            summarise: None,
            prompts: false,
        }
    }

    /// The same context, summarising each new version against its parent with `f`.
    pub fn with_summary(self, f: Summarise) -> Self {
        WriteContext {
            summarise: Some(f),
            ..self
        }
    }
}

/// An open store.
pub struct Store {
    repo: git2::Repository,
    path: PathBuf,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

impl Store {
    /// Creates a new, empty store at `path`, creating the folder if needed.
    ///
    /// A folder with other files (say, a README) is fine; a folder that already holds a git
    /// repository is refused.
    pub fn init(path: &Path) -> Result<Store> {
        if path.exists() && (!path.is_dir() || git2::Repository::open(path).is_ok()) {
            return Err(Error::StoreExists {
                path: path.to_owned(),
            });
        }
        let mut opts = git2::RepositoryInitOptions::new();
        opts.bare(true)
            .initial_head(DEFAULT_TRACK)
            .description("drafttrail store: one commit per draft version")
            .mkpath(true);
        let repo = git2::Repository::init_opts(path, &opts).map_err(git("creating the store"))?;
        repo.config()
            .and_then(|mut c| c.set_i32(CONFIG_KEY, 1))
            .map_err(git("writing the store's config"))?;
        Ok(Store {
            repo,
            path: path.to_owned(),
        })
    }

    /// Opens the store at `path`.
    pub fn open(path: &Path) -> Result<Store> {
        let not_a_store = || Error::NotAStore {
            path: path.to_owned(),
        };
        if !path.is_dir() {
            return Err(not_a_store());
        }
        let repo = git2::Repository::open_bare(path).map_err(|e| {
            // Like git, libgit2 refuses a repository owned by another user unless it is
            // listed in `safe.directory`: say so rather than "not a store".
            match e.code() {
                git2::ErrorCode::Owner => Error::NotOwned {
                    path: path.to_owned(),
                },
                git2::ErrorCode::NotFound => not_a_store(),
                // Say what failed (an unreadable git config, say) rather than "not a store".
                _ => git("opening the store")(e),
            }
        })?;
        let marked = repo.config().and_then(|c| c.get_i32(CONFIG_KEY)).is_ok();
        if !marked {
            return Err(not_a_store());
        }

        // Reading every version of a large store is dominated by re-hashing each object to
        // check it (measured: 14% of `timeline` on 200 × 2,000 provisions). zlib's own
        // checksum still catches corrupted data; writes are verified as before.
        git2::opts::strict_hash_verification(false);
        Ok(Store {
            repo,
            path: path.to_owned(),
        })
    }

    /// Finds the store for a working folder: `start` itself if it is a store, else the first
    /// `history/` store in `start` or one of its parents.
    pub fn discover(start: &Path) -> Result<Store> {
        if let Ok(store) = Store::open(start) {
            return Ok(store);
        }
        for dir in start.ancestors() {
            let candidate = dir.join(DEFAULT_DIR);
            if candidate.is_dir()
                && let Ok(store) = Store::open(&candidate)
            {
                return Ok(store);
            }
        }
        Err(Error::NoStore {
            start: start.to_owned(),
        })
    }

    /// Returns the store's folder.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// Returns a closure mapping a git2 error to [`Error::Git`] with some context.
fn git(context: &'static str) -> impl Fn(git2::Error) -> Error {
    move |e| {
        let message = e.message().to_owned();
        Error::store_caused(context, message, e)
    }
}

/// Returns the user's identity from git's global configuration, if set.
///
/// For the binary: the library itself never reads user configuration.
pub fn git_config_identity() -> Option<Identity> {
    let config = git2::Config::open_default().ok()?;
    let name = config.get_string("user.name").ok()?;
    let email = config.get_string("user.email").unwrap_or_default();
    Some(Identity { name, email })
}
