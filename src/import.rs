//! Importing a folder of drafts: every draft file plus `events.toml`, oldest first.
//!
//! [`load_dir`] reads and validates every file before anything is written, so a bad file aborts
//! the import with the store untouched. [`order`] puts parents before children (a draft's
//! `parent` naming another draft's label or slug) and otherwise sorts by best-known date, so the
//! implicit parent (the track's tip) is the previous version of the track. [`import`] records
//! them in one locked write, reporting each outcome through a callback.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::path::{Path, PathBuf};

use crate::draft::{Draft, slug};
use crate::error::{Error, Result};
use crate::events::Events;
use crate::ingest;
use crate::store::{Recorded, Store, WriteContext};

/// Corpora up to this much text are staged in memory and written as one pack (measured:
/// 4× faster on small drafts; beyond this, delta-compressing the pack costs more than loose
/// files do).
const IN_MEMORY_LIMIT: usize = 64 * 1024 * 1024;

/// The extensions whose `NAME.toml` sidecar holds front matter.
const DOCUMENT_SIDECARS: [&str; 12] = [
    "pdf", "docx", "odt", "fodt", "html", "htm", "xhtml", "png", "jpg", "jpeg", "tif", "tiff",
];

/// The file name of the events list in a drafts folder.
pub const EVENTS_FILE: &str = "events.toml";

/// The drafts and events of one folder, validated.
#[derive(Debug, Clone)]
pub struct Corpus {
    /// Each draft with the file it came from, in file-name order.
    pub drafts: Vec<(PathBuf, Draft)>,
    /// The folder's events, if it has an `events.toml`.
    pub events: Option<Events>,
    /// Entries of the folder that are not read, and why (subfolders, links leading out of the
    /// folder, devices, files of other kinds…), in file-name order. Hidden entries and READMEs
    /// are neither read nor listed.
    pub skipped: Vec<(PathBuf, String)>,
}

/// What an import did, in counts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportSummary {
    /// New versions recorded.
    pub new: usize,
    /// Drafts whose body was known and which added sources or claims.
    pub extra_sources: usize,
    /// Drafts already recorded with everything they say.
    pub unchanged: usize,
    /// Whether the stored events changed.
    pub events_changed: bool,
}

/// Returns `true` for files that `import` treats as drafts: `*.md`, `*.markdown`, `*.txt`,
/// and documents (PDF, Word, OpenDocument, web pages, images; see [`ingest::is_document`]),
/// except READMEs and hidden files.
pub fn is_draft_file(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let ext_ok = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "md" | "markdown" | "txt"))
        || ingest::is_document(path);
    ext_ok && !name.starts_with('.') && !name.to_ascii_lowercase().starts_with("readme")
}

/// Reads a draft file of any format (see [`ingest`]), taking the label from the file name
/// when the front matter (or the sidecar) has none. With [`ingest::Changes::Both`], the
/// rejected state comes labelled too, not yet linked (see [`ingest::link_states`]).
pub fn read_draft(path: &Path, options: &ingest::Options) -> Result<ingest::Ingested> {
    let mut read = ingest::read(path, options)?;
    if read.draft.meta.label.is_none() {
        read.draft.meta.label = path.file_stem().and_then(|s| s.to_str()).map(str::to_owned);
    }
    Ok(read)
}

/// Reads and validates every draft and the events of `dir`; lists what it does not read.
pub fn load_dir(dir: &Path, options: &ingest::Options) -> Result<Corpus> {
    if !dir.is_dir() {
        return Err(Error::InvalidArgument {
            what: "drafts folder",
            value: dir.display().to_string(),
            msg: "not a folder".into(),
        });
    }
    let root = dir.canonicalize().map_err(|e| Error::io(dir, e))?;
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| Error::io(dir, e))?
        .map(|entry| entry.map(|e| e.path()).map_err(|e| Error::io(dir, e)))
        .collect::<Result<_>>()?;
    paths.sort();
    let mut corpus = Corpus {
        drafts: Vec::new(),
        events: None,
        skipped: Vec::new(),
    };
    for path in paths {
        match classify(&path, &root) {
            Entry::Hidden => {}
            Entry::Skip(why) => corpus.skipped.push((path, why)),
            Entry::Events => corpus.events = Some(Events::read_file(&path)?),
            Entry::Draft => {
                let read = read_draft(&path, options)?;
                let mut draft = read.draft;
                if draft.meta.label.is_none() {
                    // A name that cannot be a label is skipped, not the whole import.
                    let why = "the file name is not UTF-8 and the front matter has no label";
                    corpus.skipped.push((path, why.into()));
                    continue;
                }
                if let Some(mut before) = read.before {
                    ingest::link_states(&mut before, &mut draft);
                    corpus.drafts.push((path.clone(), before));
                }
                corpus.drafts.push((path, draft));
            }
        }
    }
    Ok(corpus)
}

/// What a folder entry is to an import.
enum Entry {
    Draft,
    Events,
    Hidden,
    Skip(String),
}

/// Classifies one entry of the folder `root` (canonical): a symbolic link is followed only
/// when it leads to a regular file inside the folder.
fn classify(path: &Path, root: &Path) -> Entry {
    let name = path.file_name().unwrap_or_default();
    if name.as_encoded_bytes().starts_with(b".") {
        return Entry::Hidden;
    }
    let Ok(link) = std::fs::symlink_metadata(path) else {
        return Entry::Skip("cannot be read".into());
    };
    if link.file_type().is_symlink() {
        match path.canonicalize() {
            Err(_) => return Entry::Skip("a symbolic link to nothing".into()),
            Ok(target) if !target.starts_with(root) => {
                return Entry::Skip(format!(
                    "a symbolic link leading out of the folder (to {})",
                    target.display()
                ));
            }
            Ok(_) => {}
        }
    }
    if name == EVENTS_FILE {
        // Not skipped, whatever it is: reading it says what is wrong with it.
        return Entry::Events;
    }
    if path.extension().is_some_and(|e| e == "toml")
        && DOCUMENT_SIDECARS
            .iter()
            .any(|ext| path.with_extension(ext).is_file())
    {
        // The front matter of a document beside it: read with that document.
        return Entry::Hidden;
    }
    let Ok(meta) = std::fs::metadata(path) else {
        return Entry::Skip("cannot be read".into());
    };
    if meta.is_dir() {
        return Entry::Skip("a folder (import reads one folder; import it on its own)".into());
    }
    if !meta.is_file() {
        return Entry::Skip("not a regular file (a device, FIFO or socket)".into());
    }
    if is_draft_file(path) {
        return Entry::Draft;
    }
    if name
        .to_string_lossy()
        .to_ascii_lowercase()
        .starts_with("readme")
    {
        // A folder's README is documentation, by convention; not worth a line.
        return Entry::Hidden;
    }
    Entry::Skip(
        "not a draft file (drafts end in .md, .markdown or .txt, or are PDF, Word, \
         OpenDocument, HTML or image files)"
            .into(),
    )
}

/// Returns the indexes of `drafts` in recording order: parents before children, then by
/// best-known date, then by position.
pub fn order(drafts: &[(PathBuf, Draft)]) -> Vec<usize> {
    let n = drafts.len();
    let names: Vec<(String, String)> = drafts
        .iter()
        .map(|(_, d)| {
            let label = d.meta.label.clone().unwrap_or_default();
            let s = slug(&label);
            (label, s)
        })
        .collect();
    let mut pending = vec![0usize; n];
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (child, (_, d)) in drafts.iter().enumerate() {
        for parent in &d.meta.parent {
            let wanted = slug(parent);
            if let Some(p) = names
                .iter()
                .position(|(label, s)| label == parent || (!wanted.is_empty() && *s == wanted))
                && p != child
            {
                pending[child] += 1;
                children[p].push(child);
            }
        }
    }
    let key = |i: usize| Reverse((drafts[i].1.meta.dates.best(), i));
    let mut ready: BinaryHeap<_> = (0..n).filter(|&i| pending[i] == 0).map(key).collect();
    let mut out = Vec::with_capacity(n);
    while let Some(Reverse((_, i))) = ready.pop() {
        out.push(i);
        for &c in &children[i] {
            pending[c] -= 1;
            if pending[c] == 0 {
                ready.push(key(c));
            }
        }
    }
    // A parent cycle leaves drafts unplaced; append them so the store reports the real error.
    for i in 0..n {
        if !out.contains(&i) {
            out.push(i);
        }
    }
    out
}

/// Records a corpus in the store, all or nothing. `on_each` sees every draft's outcome as it
/// is staged (nothing is on disk until the whole corpus is).
pub fn import(
    store: &Store,
    ctx: &WriteContext,
    corpus: &Corpus,
    mut on_each: impl FnMut(&Path, &Recorded),
) -> Result<ImportSummary> {
    // One batch: refs move only at the end, so a failure anywhere (a parent that does not
    // resolve, a diverged track) records nothing; moderate corpora go to disk as one pack.
    // Track names first: a track beside another's folder (`eu`, `eu/x`) would fail in the
    // middle of moving refs.
    store.check_tracks(corpus.drafts.iter().map(|(_, d)| {
        d.meta
            .track
            .as_deref()
            .unwrap_or(crate::version::DEFAULT_TRACK)
    }))?;
    let bytes: usize = corpus.drafts.iter().map(|(_, d)| d.body.len()).sum();
    store.batch(ctx, bytes <= IN_MEMORY_LIMIT, |writer| {
        let mut summary = ImportSummary::default();
        if let Some(events) = &corpus.events {
            summary.events_changed = writer.merge_events(events.clone())?;
        }
        for i in order(&corpus.drafts) {
            let (path, draft) = &corpus.drafts[i];
            let outcome = writer.commit(draft, path)?;
            match outcome {
                Recorded::New { .. } => summary.new += 1,
                Recorded::ExtraSources { .. } => summary.extra_sources += 1,
                Recorded::Unchanged { .. } => summary.unchanged += 1,
            }
            on_each(path, &outcome);
        }
        Ok(summary)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::DraftMeta;
    use chrono::NaiveDate;

    fn d(label: &str, parent: &[&str], day: u32) -> (PathBuf, Draft) {
        let mut meta = DraftMeta {
            label: Some(label.into()),
            parent: parent.iter().map(|s| s.to_string()).collect(),
            ..DraftMeta::default()
        };
        meta.dates.leaked = NaiveDate::from_ymd_opt(2025, 11, day);
        (
            PathBuf::from(label),
            Draft {
                meta,
                body: "1. x".into(),
                original: None,
            },
        )
    }

    #[test]
    fn parents_come_first_then_dates() {
        // The child is dated before its parent: lineage wins over dates.
        let drafts = vec![
            d("child", &["Parent Draft"], 1),
            d("later", &[], 30),
            d("Parent Draft", &[], 10),
        ];
        assert_eq!(order(&drafts), vec![2, 0, 1]);
    }

    #[test]
    fn draft_files_are_recognised() {
        assert!(is_draft_file(Path::new("a/01-plan.md")));
        assert!(is_draft_file(Path::new("a/plan.TXT")));
        assert!(!is_draft_file(Path::new("a/README.md")));
        assert!(!is_draft_file(Path::new("a/events.toml")));
        assert!(!is_draft_file(Path::new("a/.hidden.md")));
    }
}
