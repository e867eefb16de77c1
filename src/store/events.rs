//! The events set, kept as `events.toml` in a commit on `refs/drafttrail/events`.

use super::commit::{Writer, update_ref};
use super::{EVENTS_REF, Store, git};
use crate::error::Result;
use crate::events::Events;

const EVENTS_FILE: &str = "events.toml";

impl Store {
    /// Returns the stored events (empty if none were recorded).
    pub fn events(&self) -> Result<Events> {
        let Some(tip) = self.events_tip()? else {
            return Ok(Events::default());
        };
        let commit = self.repo.find_commit(tip).map_err(git("reading events"))?;
        let tree = commit.tree().map_err(git("reading events"))?;
        let Some(entry) = tree.get_name(EVENTS_FILE) else {
            return Ok(Events::default());
        };
        let blob = self
            .repo
            .find_blob(entry.id())
            .map_err(git("reading events"))?;
        let path = std::path::PathBuf::from(format!("{EVENTS_REF}:{EVENTS_FILE}"));
        let text = crate::draft::check_text(&path, blob.content())?;
        Events::parse(&path, text)
    }

    fn events_tip(&self) -> Result<Option<git2::Oid>> {
        match self.repo.find_reference(EVENTS_REF) {
            Ok(r) => Ok(r.target()),
            Err(e) if e.code() == git2::ErrorCode::NotFound => Ok(None),
            Err(e) => Err(git("reading events")(e)),
        }
    }
}

impl Writer<'_> {
    /// Merges `new` into the stored events (same id: replaced). Returns `true` if they changed.
    pub fn merge_events(&self, new: Events) -> Result<bool> {
        let store = self.store;
        let repo = &store.repo;
        let tip = store.events_tip()?;
        let mut events = store.events()?;
        if !events.merge(new) {
            return Ok(false);
        }
        let blob = repo
            .blob(events.to_toml().as_bytes())
            .map_err(git("writing events"))?;
        let mut tb = repo.treebuilder(None).map_err(git("writing events"))?;
        tb.insert(EVENTS_FILE, blob, 0o100644)
            .map_err(git("writing events"))?;
        let tree = repo
            .find_tree(tb.write().map_err(git("writing events"))?)
            .map_err(git("writing events"))?;
        let parent = tip
            .map(|t| repo.find_commit(t))
            .transpose()
            .map_err(git("reading events"))?;
        let parents: Vec<&git2::Commit<'_>> = parent.iter().collect();
        let sig = store.committer(self.ctx)?;
        let id = repo
            .commit(None, &sig, &sig, "drafttrail: events\n", &tree, &parents)
            .map_err(git("writing events"))?;
        update_ref(repo, EVENTS_REF, id, tip, "events", "drafttrail: events")?;
        Ok(true)
    }
}
