//! `drafttrail verify`: checks a whole store and reports every problem found.
//!
//! Layers, each run even when an earlier one found problems: git integrity (objects re-hashed,
//! refs, reachability; [`Store::integrity`]), then every version (metadata parses, body is
//! UTF-8 text with provisions), annotations (each parses and annotates a version), events and
//! pins (parse; pins name versions that exist), and finally the lineage of all versions, the
//! computation every view relies on.

use serde::Serialize;

use crate::store::Store;

/// What `verify` checked and found.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    /// Objects read and re-hashed.
    pub objects: usize,
    /// Refs checked.
    pub refs: usize,
    /// Versions whose metadata and body were read and parsed.
    pub versions: usize,
    /// Provisions parsed across all versions.
    pub provisions: usize,
    /// Versions with annotations.
    pub annotated: usize,
    /// Events stored.
    pub events: usize,
    /// Alignment pins stored.
    pub pins: usize,
    /// Original files (PDF, Word, images…) whose bytes match their recorded hash.
    pub originals: usize,
    /// Whether the lineage of all versions was computed.
    pub lineage: bool,
    /// Every problem: what is affected, and how.
    pub problems: Vec<Problem>,
    /// Things worth knowing that are not damage (a ref lock file may be a write in progress).
    pub warnings: Vec<String>,
}

/// One problem found by `verify`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// The object, ref, version or file concerned.
    pub what: String,
    /// What is wrong with it.
    pub message: String,
}

impl Report {
    /// Returns `true` when no problem was found.
    pub fn is_ok(&self) -> bool {
        self.problems.is_empty()
    }

    fn problem(&mut self, what: impl Into<String>, message: impl std::fmt::Display) {
        self.problems.push(Problem {
            what: what.into(),
            message: message.to_string(),
        });
    }
}

/// Checks `store` (see the module docs). Never fails: what cannot be read is a problem in the
/// report.
pub fn verify(store: &Store) -> Report {
    let mut report = Report::default();
    match store.integrity() {
        Ok(integrity) => {
            report.objects = integrity.objects;
            report.refs = integrity.refs;
            for (what, message) in integrity.problems {
                report.problem(what, message);
            }
            if integrity.journal_pending {
                report.warnings.push(
                    "an import was interrupted after writing its versions: the next write (any `drafttrail import`, `commit` or `attribute`) finishes moving its tracks".into(),
                );
            }
            for lock in integrity.lock_files {
                report.warnings.push(format!(
                    "{} exists: a write is in progress, or one was interrupted (remove it if no git or drafttrail process is running)",
                    lock.display()
                ));
            }
        }
        Err(e) => report.problem("repository", e),
    }

    let versions = match store.versions() {
        Ok(v) => v,
        Err(e) => {
            report.problem("versions", e);
            return report;
        }
    };
    // The bodies read here are the lineage's input below: each is read once.
    let mut inputs = Vec::with_capacity(versions.len());
    let mut unreadable = false;
    for v in &versions {
        match store.body(v) {
            Ok(body) => {
                if body.trim().is_empty() {
                    report.problem(format!("version {}", v.short_id()), "its body is empty");
                } else {
                    report.versions += 1;
                    report.provisions += crate::provisions::parse(&body).len();
                }
                inputs.push(crate::lineage::Input::new(v, body));
            }
            Err(e) => {
                unreadable = true;
                report.problem(format!("version {}", v.short_id()), e);
            }
        }
    }
    let ids: std::collections::HashSet<&str> = versions.iter().map(|v| v.id.as_str()).collect();
    match store.all_annotations() {
        Ok(notes) => {
            report.annotated = notes.len();
            for id in notes.keys() {
                if !ids.contains(id.as_str()) {
                    report.problem(
                        format!("annotation of {id}"),
                        "annotates a commit that is not a recorded version",
                    );
                }
            }
        }
        Err(e) => report.problem("annotations", e),
    }
    check_corrections_and_answers(&versions, &ids, &mut report);
    check_originals(store, &versions, &mut report);
    // Reference documents read like versions: metadata that parses, a text in UTF-8.
    let references = store
        .references()
        .and_then(|refs| refs.iter().try_for_each(|r| store.body(r).map(drop)));
    if let Err(e) = references {
        report.problem("reference documents", e);
    }
    match store.events() {
        Ok(events) => report.events = events.events.len(),
        Err(e) => report.problem("events", e),
    }
    let pins = match store.pins() {
        Ok(pins) => {
            report.pins = pins.len();
            for pin in &pins {
                for id in [&pin.old_version, &pin.new_version] {
                    if !ids.contains(id.as_str()) {
                        report.problem(
                            format!("pin {} → {}", pin.old_provision, pin.new_provision),
                            format!("names version {id}, which is not recorded"),
                        );
                    }
                }
            }
            Some(pins)
        }
        Err(e) => {
            report.problem("pins", e);
            None
        }
    };
    match pins {
        Some(pins) if !unreadable => {
            crate::lineage::build(inputs, &pins, &crate::lineage::lineage_options());
            report.lineage = true;
        }
        _ => report.problem(
            "lineage",
            "not computed: a version's body or the pins cannot be read (see above)",
        ),
    }
    report
}

/// A version extracted from a file keeps that file, and its bytes still hash to the SHA-256
/// its `[extraction]` recorded.
fn check_originals(store: &Store, versions: &[crate::version::Version], report: &mut Report) {
    for v in versions {
        let Some(x) = &v.meta.extraction else {
            continue;
        };
        let what = format!("version {} original", v.short_id());
        match store.original(&v.id) {
            Ok(Some(file)) if file.name != x.original => {
                report.problem(
                    what,
                    format!("stored as {}, recorded as {}", file.name, x.original),
                );
            }
            Ok(Some(file)) => {
                let hash = crate::draft::sha256_hex(&file.bytes);
                if hash != x.sha256 {
                    report.problem(
                        what,
                        format!(
                            "{} hashes to {hash}, not the recorded {}",
                            file.name, x.sha256
                        ),
                    );
                } else {
                    report.originals += 1;
                }
            }
            Ok(None) => report.problem(what, format!("{} is missing from its tree", x.original)),
            Err(e) => report.problem(what, e),
        }
    }
}

/// A correction names a recorded version; a denial or retraction names a claim of its own
/// version (both can arrive from a remote, which `sync` checks for structure only).
fn check_corrections_and_answers(
    versions: &[crate::store::Version],
    ids: &std::collections::HashSet<&str>,
    report: &mut Report,
) {
    use crate::draft::claim_id;
    for v in versions {
        if let Some(old) = &v.meta.supersedes
            && !ids.contains(old.as_str())
        {
            report.problem(
                format!("version {}", v.short_id()),
                format!("it corrects {old}, which is not a recorded version"),
            );
        }
        let claims: std::collections::HashSet<String> =
            v.meta.claims.iter().map(|c| claim_id(&v.id, c)).collect();
        for c in &v.meta.claims {
            if let Some(about) = &c.about
                && !claims.contains(about)
            {
                report.problem(
                    format!("claim {} of {}", claim_id(&v.id, c), v.short_id()),
                    format!("it answers claim {about}, which the version does not have"),
                );
            }
        }
    }
}
