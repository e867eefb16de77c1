//! Sets kept as one TOML file in a commit on their own ref: the events on
//! `refs/drafttrail/events`, the pins on `refs/drafttrail/pins`. Each update is a new commit
//! whose parent is the previous state, so the ref's history is the log of changes.

use serde::{Deserialize, Serialize};

use super::commit::Writer;
use super::refs::update_ref;
use super::{EVENTS_REF, PINS_REF, Store, git};
use crate::error::Result;
use crate::events::Events;
use crate::pin::Pin;

pub(super) const EVENTS_FILE: &str = "events.toml";
pub(super) const PINS_FILE: &str = "pins.toml";

/// The pins file: a list of `[[pin]]` tables.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct PinFile {
    #[serde(default, rename = "pin")]
    pins: Vec<Pin>,
}

impl Store {
    /// Returns the stored events (empty if none were recorded).
    pub fn events(&self) -> Result<Events> {
        self.read_events_at(EVENTS_REF)
    }

    /// Returns the stored alignment pins.
    pub fn pins(&self) -> Result<Vec<Pin>> {
        self.read_pins_at(PINS_REF)
    }

    /// The events at a ref (the store's, or one fetched into quarantine by `sync`).
    pub(super) fn read_events_at(&self, ref_name: &str) -> Result<Events> {
        match self.read_ref_file(ref_name, EVENTS_FILE)? {
            Some((path, text)) => Events::parse(&path, &text),
            None => Ok(Events::default()),
        }
    }

    /// The pins at a ref (the store's, or one fetched into quarantine by `sync`).
    pub(super) fn read_pins_at(&self, ref_name: &str) -> Result<Vec<Pin>> {
        let Some((path, text)) = self.read_ref_file(ref_name, PINS_FILE)? else {
            return Ok(Vec::new());
        };
        let file: PinFile =
            toml::from_str(&text).map_err(|e| crate::draft::toml_error(&path, &text, 1, &e))?;
        Ok(file.pins)
    }

    fn ref_tip(&self, name: &str) -> Result<Option<git2::Oid>> {
        match self.repo.find_reference(name) {
            Ok(r) => Ok(r.target()),
            Err(e) if e.code() == git2::ErrorCode::NotFound => Ok(None),
            Err(e) => Err(git("reading a ref")(e)),
        }
    }

    fn read_ref_file(
        &self,
        ref_name: &str,
        file: &str,
    ) -> Result<Option<(std::path::PathBuf, String)>> {
        let Some(tip) = self.ref_tip(ref_name)? else {
            return Ok(None);
        };
        let commit = self.repo.find_commit(tip).map_err(git("reading a ref"))?;
        let tree = commit.tree().map_err(git("reading a ref"))?;
        let Some(entry) = tree.get_name(file) else {
            return Ok(None);
        };
        let blob = self
            .repo
            .find_blob(entry.id())
            .map_err(git("reading a ref"))?;
        let path = std::path::PathBuf::from(format!("{ref_name}:{file}"));
        let text = crate::draft::check_text(&path, blob.content())?.to_owned();
        Ok(Some((path, text)))
    }
}

impl Writer<'_> {
    /// Merges `new` into the stored events (same id: replaced). Returns `true` if they changed.
    pub fn merge_events(&self, new: Events) -> Result<bool> {
        // Within a batch, events are merged once, before anything else moved their ref.
        let mut events = self.store.events()?;
        if !events.merge(new) {
            return Ok(false);
        }
        self.write_ref_file(
            EVENTS_REF,
            EVENTS_FILE,
            &events.to_toml()?,
            "drafttrail: events",
        )?;
        Ok(true)
    }

    /// Adds a pin, replacing any pin of the same old or new provision between the same two
    /// versions. Returns `false` if it was already there.
    pub fn add_pin(&self, pin: Pin) -> Result<bool> {
        let mut pins = self.store.pins()?;
        if pins.contains(&pin) {
            return Ok(false);
        }
        pins.retain(|p| {
            !(p.old_version == pin.old_version
                && p.new_version == pin.new_version
                && (p.old_provision == pin.old_provision || p.new_provision == pin.new_provision))
        });
        pins.push(pin);
        self.write_pins(pins)?;
        Ok(true)
    }

    /// Removes a pin. Returns `false` if there was no such pin.
    pub fn remove_pin(&self, pin: &Pin) -> Result<bool> {
        let mut pins = self.store.pins()?;
        let before = pins.len();
        pins.retain(|p| p != pin);
        if pins.len() == before {
            return Ok(false);
        }
        self.write_pins(pins)?;
        Ok(true)
    }

    fn write_pins(&self, pins: Vec<Pin>) -> Result<()> {
        let text = pins_toml(pins)?;
        self.write_ref_file(PINS_REF, PINS_FILE, &text, "drafttrail: pins")
    }

    fn write_ref_file(&self, ref_name: &str, file: &str, text: &str, message: &str) -> Result<()> {
        let store = self.store;
        let repo = &store.repo;
        let tip = self.tip(ref_name, store.ref_tip(ref_name)?);
        let blob = repo.blob(text.as_bytes()).map_err(git("writing a ref"))?;
        let mut tb = repo.treebuilder(None).map_err(git("writing a ref"))?;
        tb.insert(file, blob, 0o100644)
            .map_err(git("writing a ref"))?;
        let tree = repo
            .find_tree(tb.write().map_err(git("writing a ref"))?)
            .map_err(git("writing a ref"))?;
        let parent = tip
            .map(|t| repo.find_commit(t))
            .transpose()
            .map_err(git("reading a ref"))?;
        let parents: Vec<&git2::Commit<'_>> = parent.iter().collect();
        let sig = store.committer(self.ctx)?;
        let id = repo
            .commit(None, &sig, &sig, &format!("{message}\n"), &tree, &parents)
            .map_err(git("writing a ref"))?;
        if self.defer_ref(ref_name, store.ref_tip(ref_name)?, id) {
            return Ok(());
        }
        super::crash_point();
        update_ref(repo, ref_name, id, tip, ref_name, message)
    }
}

/// The pins file's text.
pub(super) fn pins_toml(pins: Vec<Pin>) -> Result<String> {
    toml::to_string(&PinFile { pins })
        .map_err(|e| crate::error::Error::store("writing pins", e.to_string()))
}
