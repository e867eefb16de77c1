//! What is said of a version after it is recorded, without rewriting history: `attribute`
//! appends a claim, denial or retraction; `amend` records a corrected version of a recorded
//! text (same body, corrected metadata) that supersedes it; `withdraw` marks a version
//! recorded by mistake. Nothing is deleted: the corrected version stays in the store, shown as
//! superseded; a withdrawn one stays too, hidden from the default views. Both travel with
//! `sync` (a correction is a version; a withdrawal is an annotation, merged like claims).

use std::path::Path;

use super::{Recorded, Version, Writer};
use crate::draft::{Dates, Draft, DraftMeta, Status, TextKind};
use crate::error::{Error, Result};
use crate::version::Withdrawal;

/// What `amend` changes; every field left `None` keeps the recorded value.
#[derive(Debug, Clone, Default)]
pub struct Correction {
    /// A new label.
    pub label: Option<String>,
    /// A new track.
    pub track: Option<String>,
    /// New parents (revisions); `Some(vec![])` makes it the first version of its lineage.
    pub parents: Option<Vec<String>>,
    /// A new status.
    pub status: Option<Status>,
    /// A new text kind.
    pub text: Option<TextKind>,
    /// A new note.
    pub note: Option<String>,
    /// A new language.
    pub lang: Option<String>,
    /// Dates to set (the others are kept).
    pub dates: Dates,
}

/// What an amendment did.
#[derive(Debug, Clone)]
pub struct Amended {
    /// The corrected version.
    pub old: Version,
    /// The correction recorded.
    pub new: Recorded,
    /// What changed, field by field (`label "new" (recorded: "old")`).
    pub changes: Vec<String>,
}

impl Writer<'_> {
    /// Adds a claim (or denial) to a version as an annotation: append-only, history untouched.
    /// Returns `false` when the version already has exactly this claim.
    pub fn attribute(&self, version_id: &str, claim: crate::draft::Claim) -> Result<bool> {
        let version = self.store.resolve(version_id)?;
        let extra = super::Annotations {
            sources: Vec::new(),
            claims: vec![claim],
            withdrawals: Vec::new(),
        }
        .missing_from(&version.meta, &version.withdrawals);
        if extra.is_empty() {
            return Ok(false);
        }
        self.annotate(&version.id, extra)?;
        Ok(true)
    }

    /// Records a correction of `rev`: its text with the corrected metadata, superseding it.
    /// Fails when nothing would change, or when `rev` was already corrected (amend the
    /// correction instead).
    pub fn amend(&self, rev: &str, correction: &Correction) -> Result<Amended> {
        let old = self.store.resolve(rev)?;
        if let Some(newer) = &old.superseded_by {
            return Err(Error::InvalidArgument {
                what: "revision",
                value: rev.to_owned(),
                msg: format!(
                    "it is already corrected by {}; amend that one",
                    crate::version::short_id(newer)
                ),
            });
        }
        let body = self.store.body(&old)?;
        let mut meta = old.meta.clone();
        let mut stated = DraftMeta::default();
        macro_rules! set {
            ($($field:ident),*) => {$(
                if let Some(v) = &correction.$field {
                    meta.$field = Some(v.clone());
                    stated.$field = Some(v.clone());
                }
            )*};
        }
        set!(label, track, status, text, note, lang);
        for (name, given) in correction.dates.named() {
            if let Some(date) = given {
                set_date(&mut meta.dates, name, date);
                set_date(&mut stated.dates, name, date);
            }
        }
        // The recorded parents, as ids, unless corrected.
        meta.parent = match &correction.parents {
            Some(revs) => {
                stated.parent = revs.clone();
                revs.clone()
            }
            None => old.parents.clone(),
        };
        let mut recorded = old.meta.clone();
        recorded.parent = old
            .parents
            .iter()
            .map(|p| self.store.resolve(p).map(|v| v.label().to_owned()))
            .collect::<Result<_>>()?;
        if correction.parents.is_some() {
            // Compare parents as the versions they name, not as the words used for them.
            let named: Vec<String> = meta
                .parent
                .iter()
                .map(|p| self.store.resolve(p).map(|v| v.label().to_owned()))
                .collect::<Result<_>>()?;
            stated.parent = named;
        }
        let mut changes = stated.unrecorded_against(&recorded);
        if correction.parents.as_ref().is_some_and(Vec::is_empty) && !old.parents.is_empty() {
            changes.push(format!(
                "parent none (recorded: {})",
                recorded.parent.join(", ")
            ));
        }
        if changes.is_empty() {
            return Err(Error::InvalidArgument {
                what: "correction",
                value: rev.to_owned(),
                msg: "nothing to amend: every value given is already recorded".into(),
            });
        }
        meta.supersedes = Some(old.id.clone());
        // The corrected version keeps the original file the text was extracted from.
        let original = self.store.original(&old.id)?;
        let draft = Draft {
            meta,
            body,
            original,
        };
        let new = self.commit(&draft, Path::new(rev))?;
        Ok(Amended { old, new, changes })
    }

    /// Marks `rev` as withdrawn (recorded by mistake), saying why. Fails when it already is.
    pub fn withdraw(&self, rev: &str, why: &str) -> Result<Version> {
        let version = self.store.resolve(rev)?;
        if !version.withdrawals.is_empty() {
            return Err(Error::InvalidArgument {
                what: "revision",
                value: rev.to_owned(),
                msg: "it is already withdrawn".into(),
            });
        }
        if why.trim().is_empty() {
            return Err(Error::InvalidArgument {
                what: "reason",
                value: why.to_owned(),
                msg: "say why the version is withdrawn".into(),
            });
        }
        let who = &self.ctx.recorder;
        let by = if who.email.is_empty() {
            who.name.clone()
        } else {
            format!("{} <{}>", who.name, who.email)
        };
        let withdrawal = Withdrawal {
            why: why.trim().to_owned(),
            by,
            at: self
                .ctx
                .now
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        };
        let extra = super::Annotations {
            withdrawals: vec![withdrawal],
            ..super::Annotations::default()
        };
        self.annotate(&version.id, extra)?;
        Ok(version)
    }
}

fn set_date(dates: &mut Dates, name: &str, date: chrono::NaiveDate) {
    let slot = match name {
        "drafted" => &mut dates.drafted,
        "presented" => &mut dates.presented,
        "leaked" => &mut dates.leaked,
        _ => &mut dates.published,
    };
    *slot = Some(date);
}
