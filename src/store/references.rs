//! Reference documents: outside texts that drafts may have borrowed wording from (a party's
//! published position, an earlier treaty, a communiqué). Each is kept like a version — a
//! commit of `draft.md` and `draft.toml` — on its own ref, `refs/drafttrail/references/SLUG`,
//! outside the tracks, so that it never enters the lineage; adding a new text under the same
//! label makes a new commit on that ref (its history kept). `sync` shares them like tracks and
//! `verify` reads them.

use std::path::Path;

use super::refs::update_ref;
use super::{Recorded, Store, Version, Writer, git};
use crate::draft::{Draft, slug};
use crate::error::{Error, Result};

/// Where reference documents live, one ref each.
pub const REFERENCES_REF: &str = "refs/drafttrail/references/";

/// The track name a reference document's metadata carries (it is on no track).
pub const REFERENCE_TRACK: &str = "references";

impl Store {
    /// The reference documents, by label.
    pub fn references(&self) -> Result<Vec<Version>> {
        let mut out = Vec::new();
        let refs = self
            .repo
            .references_glob(&format!("{REFERENCES_REF}*"))
            .map_err(git("listing references"))?;
        for r in refs {
            let r = r.map_err(git("listing references"))?;
            if let Some(target) = r.target() {
                out.push(self.load_version(target)?);
            }
        }
        out.sort_by(|a, b| a.label().cmp(b.label()));
        Ok(out)
    }

    /// A reference document by label, slug or id prefix (at least four hex digits).
    pub fn reference(&self, name: &str) -> Result<Version> {
        let all = self.references()?;
        let wanted = slug(name);
        let lower = name.to_ascii_lowercase();
        let found: Vec<&Version> = all
            .iter()
            .filter(|v| {
                v.label() == name
                    || (!wanted.is_empty() && slug(v.label()) == wanted)
                    || (lower.len() >= 4 && v.id.starts_with(&lower))
            })
            .collect();
        match found.as_slice() {
            [one] => Ok((*one).clone()),
            [] => Err(Error::InvalidArgument {
                what: "reference document",
                value: name.to_owned(),
                msg: format!(
                    "no such reference (there are: {})",
                    if all.is_empty() {
                        "none".to_owned()
                    } else {
                        all.iter().map(|v| v.label()).collect::<Vec<_>>().join(", ")
                    }
                ),
            }),
            _ => Err(Error::InvalidArgument {
                what: "reference document",
                value: name.to_owned(),
                msg: "it names several; give its label or more of its id".into(),
            }),
        }
    }
}

impl Writer<'_> {
    /// Records `draft` as a reference document under its label (a new commit on its ref when
    /// the label is known and the text or metadata differ; nothing when they are the same).
    pub fn add_reference(&self, draft: &Draft, origin: &Path) -> Result<Recorded> {
        let mut meta = draft.meta.clone();
        let label = meta.label.clone().ok_or_else(|| Error::FrontMatter {
            path: origin.to_owned(),
            line: 1,
            msg: "missing field `label` (set it in the front matter or with --label)".into(),
        })?;
        let name = slug(&label);
        let ref_name = format!("{REFERENCES_REF}{name}");
        if name.is_empty() || !git2::Reference::is_valid_name(&ref_name) {
            return Err(Error::InvalidArgument {
                what: "label",
                value: label,
                msg: "a reference's label needs letters or digits".into(),
            });
        }
        meta.track = Some(REFERENCE_TRACK.to_owned());
        meta.parent.clear();
        let repo = &self.store.repo;
        let tip = match repo.find_reference(&ref_name) {
            Ok(r) => r.target(),
            Err(e) if e.code() == git2::ErrorCode::NotFound => None,
            Err(e) => return Err(git("reading a reference")(e)),
        };
        if let Some(t) = tip {
            let current = self.store.load_version(t)?;
            if self.store.body(&current)? == draft.body && current.meta == meta {
                return Ok(Recorded::Unchanged {
                    id: current.id,
                    label,
                    ignored: Vec::new(),
                });
            }
        }
        let stored = Draft {
            original: draft.original.clone(),
            meta: meta.clone(),
            body: draft.body.clone(),
        };
        let (tree, _) = self.write_tree(&stored, &meta)?;
        let message = super::commit::commit_message(&label, Some("Reference document"), &meta);
        let parents: Vec<git2::Oid> = tip.into_iter().collect();
        let id = self.write_commit(&meta, &message, tree, &parents)?;
        super::crash_point();
        update_ref(repo, &ref_name, id, tip, &name, "drafttrail: reference")?;
        Ok(Recorded::New {
            id: id.to_string(),
            label,
            track: REFERENCE_TRACK.to_owned(),
            retables: None,
        })
    }
}
