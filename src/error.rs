//! The library's error type.
//!
//! Every fallible function in the library returns [`Result`]. Variants carry what a user needs to
//! act: the file and line, the revision, the track. The binary decides the exit code with
//! [`Error::is_user_error`] and adds hints; the library never prints.

use std::path::PathBuf;

/// A specialised `Result` for drafttrail operations.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in drafttrail's library.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file concerned.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A path that should be a file is a directory.
    #[error("{}: is a directory, not a draft file", path.display())]
    IsDirectory {
        /// The directory.
        path: PathBuf,
    },
    /// A path that should be a file is a device, a FIFO or a socket: reading it could block
    /// or never end.
    #[error("{}: is {what}, not a regular file", path.display())]
    NotRegularFile {
        /// The path.
        path: PathBuf,
        /// What it is (`a FIFO`, `a character device` …).
        what: &'static str,
    },
    /// An interrupted import's journal could not be finished; its ref moves were undone.
    #[error(
        "an interrupted import could not be finished ({reason}); its ref moves were undone and its journal removed: run that import again"
    )]
    JournalRolledBack {
        /// Why it could not finish.
        reason: String,
    },
    /// A draft file holds binary data.
    #[error("{}: looks like a binary file (NUL byte at offset {offset}), not a text draft", path.display())]
    Binary {
        /// The file.
        path: PathBuf,
        /// Byte offset of the first NUL byte.
        offset: usize,
    },
    /// A document (PDF, Word, OpenDocument, web page, image) could not be read: encrypted,
    /// corrupt, too large once expanded, or carrying what drafttrail refuses (a DTD).
    #[error("{}: {msg}", path.display())]
    Ingest {
        /// The file.
        path: PathBuf,
        /// What is wrong, and what to do.
        msg: String,
    },
    /// Printing to PDF failed.
    #[error("{}: {msg}", path.display())]
    Print {
        /// The PDF that was to be written.
        path: PathBuf,
        /// What went wrong.
        msg: String,
    },
    /// An external program that reading or printing a file needs is not installed.
    #[error("{}: `{tool}` is needed ({why}) but is not on PATH; {hint}", path.display())]
    MissingTool {
        /// The file.
        path: PathBuf,
        /// The program.
        tool: &'static str,
        /// What it is needed for.
        why: &'static str,
        /// How to install it.
        hint: &'static str,
    },
    /// A draft file is not valid UTF-8.
    #[error("{}:{line}: not valid UTF-8 (byte offset {offset}); name its encoding with --encoding, or convert it to UTF-8", path.display())]
    InvalidUtf8 {
        /// The file.
        path: PathBuf,
        /// 1-based line of the first invalid byte.
        line: usize,
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// The front matter or a metadata file is malformed.
    #[error("{}:{line}: {msg}", path.display())]
    FrontMatter {
        /// The file.
        path: PathBuf,
        /// 1-based line in the file.
        line: usize,
        /// What is wrong, naming the field where there is one.
        msg: String,
    },
    /// The store belongs to another user and is not listed in git's `safe.directory`.
    #[error("{}: the store belongs to another user, and git's safe.directory does not list it", path.display())]
    NotOwned {
        /// The store.
        path: PathBuf,
    },
    /// A remote store could not be reached or read.
    #[error("{doing} `{remote}`: {message}")]
    Remote {
        /// The remote as given.
        remote: String,
        /// What was being done (`fetching from`, `pushing to`…).
        doing: &'static str,
        /// libgit2's message.
        message: String,
        /// libgit2's error, with its class and code (printed by `--verbose`).
        #[source]
        source: Option<Cause>,
    },
    /// A file is larger than drafttrail reads.
    #[error(
        "{}: {:.1} MiB is larger than the {} MiB a draft may be",
        path.display(),
        *size as f64 / 1048576.0,
        limit / 1048576
    )]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// The store cannot be written (read-only file system or permissions).
    #[error("{}: the store is read-only here; reading works, recording does not", path.display())]
    ReadOnlyStore {
        /// The store.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// A draft has no text besides its front matter.
    #[error("{}: the draft body is empty", path.display())]
    EmptyBody {
        /// The file.
        path: PathBuf,
    },
    /// A revision matched nothing in the store.
    #[error("unknown revision `{0}`")]
    UnknownRevision(String),
    /// A revision matched several versions.
    #[error("ambiguous revision `{rev}`: it matches {candidates}")]
    AmbiguousRevision {
        /// What the user typed.
        rev: String,
        /// The matching versions, short id and label.
        candidates: String,
    },
    /// `REV~N` walked past the first version.
    #[error("revision `{rev}` goes past the first version ({depth} step(s) back is the root)")]
    PastRoot {
        /// What the user typed.
        rev: String,
        /// How many steps back the root is.
        depth: usize,
    },
    /// A draft names a parent that is not in the store.
    #[error("{}: unknown parent `{parent}` (not a label, slug, track or id in the store)", path.display())]
    UnknownParent {
        /// The draft file (or `-` for command-line drafts).
        path: PathBuf,
        /// The parent as written.
        parent: String,
    },
    /// A track has moved to a version that the new draft does not descend from.
    #[error(
        "track `{track}` is at {tip}, which is not among the parents of this draft; \
         record it on another track (--track) or list the tip as a parent"
    )]
    TrackDiverged {
        /// The track.
        track: String,
        /// The short id and label of its tip.
        tip: String,
    },
    /// Another writer changed the store while this command was writing it.
    #[error("store changed while recording on `{track}` (another process wrote to it); retry")]
    ConcurrentWrite {
        /// The ref that moved.
        track: String,
    },
    /// Another process holds the store's write lock.
    #[error(
        "store is being written by another process (it holds {}); retry when it is done",
        lock.display()
    )]
    StoreLocked {
        /// The lock file.
        lock: PathBuf,
    },
    /// A path is not a drafttrail store.
    #[error("{}: not a drafttrail store", path.display())]
    NotAStore {
        /// The path.
        path: PathBuf,
    },
    /// No store was given and none was found.
    #[error("no drafttrail store found in {} or any parent folder", start.display())]
    NoStore {
        /// Where the search started.
        start: PathBuf,
    },
    /// `init` on a folder that is already a store or not empty.
    #[error("{}: already holds a repository or is not a folder", path.display())]
    StoreExists {
        /// The path.
        path: PathBuf,
    },
    /// The store holds no version yet.
    #[error("the store has no versions yet")]
    EmptyStore,
    /// A user-supplied value is invalid (a track name, a flag value).
    #[error("invalid {what} `{value}`: {msg}")]
    InvalidArgument {
        /// What kind of value.
        what: &'static str,
        /// The value.
        value: String,
        /// Why it is invalid.
        msg: String,
    },
    /// The store's git data is damaged or git failed unexpectedly.
    #[error("store: {context}: {message}")]
    Git {
        /// What drafttrail was doing.
        context: String,
        /// What went wrong, in one line.
        message: String,
        /// The underlying error where there is one (libgit2's, with its class and code),
        /// printed by `--verbose`.
        #[source]
        source: Option<Cause>,
    },
}

/// The underlying error of an [`Error`], kept for `--verbose` and for callers that inspect it.
pub type Cause = Box<dyn std::error::Error + Send + Sync + 'static>;

impl Error {
    /// A store error with no underlying cause: `context` is what drafttrail was doing.
    pub(crate) fn store(context: impl Into<String>, message: impl Into<String>) -> Self {
        Error::Git {
            context: context.into(),
            message: message.into(),
            source: None,
        }
    }

    /// A store error caused by `cause`, whose message is the one line shown.
    pub(crate) fn store_caused(
        context: impl Into<String>,
        message: impl Into<String>,
        cause: impl std::error::Error + Send + Sync + 'static,
    ) -> Self {
        Error::Git {
            context: context.into(),
            message: message.into(),
            source: Some(Box::new(cause)),
        }
    }

    /// Returns `true` when the error is the user's to fix (exit code 1) rather than an internal
    /// failure (exit code 2).
    pub fn is_user_error(&self) -> bool {
        !matches!(self, Error::Git { .. })
    }

    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}
