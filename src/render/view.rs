//! The data each view shows, as render takes it: [`View`] names a view and borrows its data;
//! [`DiffView`] adds what a diff view selects and how (changed only, one provision, explain).

use crate::lineage::timeline::Item;
use crate::lineage::{HistoryEntry, Lineage, Shares};
use crate::log::LogEntry;

/// A view and the data it shows; see [`super::render`].
#[derive(Debug, Clone, Copy)]
pub enum View<'a> {
    /// The version log.
    Log {
        /// The versions, in the order to show.
        entries: &'a [LogEntry],
        /// One line per version (terminal format; the others show everything).
        oneline: bool,
    },
    /// One version: header and exact text.
    Show {
        /// The version, its parents and corrections named.
        entry: &'a LogEntry,
        /// Its text.
        body: &'a str,
        /// Wording it reuses from reference documents (`trace`).
        reuses: &'a [crate::trace::Reuse],
    },
    /// A provision-level diff.
    Diff(&'a DiffView<'a>),
    /// One provision through every version.
    History {
        /// The lineage.
        lineage: &'a Lineage,
        /// The provision's identity (`28-point-plan#6`).
        identity: &'a str,
        /// Its appearances, oldest first.
        entries: &'a [HistoryEntry],
        /// Every source and claim of each version (terminal and Markdown; by default only
        /// the outlets, and the claims about this provision).
        full: bool,
    },
    /// Where each provision's wording comes from, in one version.
    Blame {
        /// The lineage.
        lineage: &'a Lineage,
        /// The version's index in it.
        version: usize,
    },
    /// Whose wording survived in one version.
    Shares {
        /// The lineage.
        lineage: &'a Lineage,
        /// The shares of that version.
        shares: &'a Shares,
    },
    /// Versions and events in time.
    Timeline {
        /// The lineage.
        lineage: &'a Lineage,
        /// The items, in order.
        items: &'a [Item],
    },
    /// A store check.
    Verify(&'a crate::verify::Report),
    /// Recorded versions ranked by resemblance to an unrecorded text (`identify`).
    Identify {
        /// The text's name (its file).
        name: &'a str,
        /// The candidates, best first (only the first few are shown).
        candidates: &'a [crate::identify::Candidate],
    },
    /// Wording a version reuses from reference documents (`trace`).
    Trace {
        /// The traced version's label.
        label: &'a str,
        /// Its provisions.
        provisions: &'a [crate::provisions::Provision],
        /// The documents searched.
        documents: &'a [crate::trace::Document],
        /// The passages found, by provision.
        passages: &'a [crate::trace::Passage],
    },
    /// The store's events (talks, meetings), in date order.
    Events(&'a crate::events::Events),
}

/// One side of a diff as the views name it: a stored version or a plain file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DiffSide {
    /// The version's full id (stored versions).
    pub rev: Option<String>,
    /// The file's path (`--no-index`).
    pub path: Option<String>,
    /// The version's label.
    pub label: Option<String>,
    /// The version's best-known date.
    pub date: Option<chrono::NaiveDate>,
    /// `false` when the text is a paraphrase or a reconstruction.
    pub verbatim: bool,
}

impl DiffSide {
    /// Returns the label, else the path, else the short id.
    pub fn name(&self) -> String {
        self.label
            .clone()
            .or_else(|| self.path.clone())
            .or_else(|| {
                self.rev
                    .as_deref()
                    .map(|r| crate::version::short_id(r).to_owned())
            })
            .unwrap_or_default()
    }
}

/// Everything a diff view shows.
#[derive(Debug, Clone)]
pub struct DiffView<'a> {
    /// The old side.
    pub old: DiffSide,
    /// The new side.
    pub new: DiffSide,
    /// The alignment.
    pub alignment: &'a crate::align::Alignment,
    /// Hide unchanged provisions.
    pub changed_only: bool,
    /// Show only changes involving this provision id: on either side, or `old:ID` / `new:ID`
    /// on that side only.
    pub provision: Option<String>,
    /// Say why each pair was linked (terminal and Markdown; JSON always does).
    pub explain: bool,
    /// Hide unchanged provisions and editorial-only changes.
    pub substantive: bool,
    /// Added provisions (new-side index) that an ancestor of the new version had: the label
    /// of the nearest such ancestor (`reinstated from …`).
    pub reinstated: Vec<(usize, String)>,
}

impl DiffView<'_> {
    /// The ancestor an added change brings its provision back from, if it does.
    pub fn reinstated_from(&self, c: &crate::align::Change) -> Option<&str> {
        if c.kind != crate::align::ChangeKind::Added {
            return None;
        }
        let j = *c.new.first()?;
        self.reinstated
            .iter()
            .find(|(k, _)| *k == j)
            .map(|(_, label)| label.as_str())
    }

    /// The place a change is shown under: its new side's, or its old side's for a removal.
    pub fn place_of(&self, c: &crate::align::Change) -> &[String] {
        let a = self.alignment;
        if c.new.is_empty() {
            a.old_place(c)
        } else {
            a.new_place(c)
        }
    }

    /// Where a change came from when it crossed places: the old place, from the first heading
    /// that differs (`None` when the place is the same or either side has none).
    pub fn moved_from<'v>(&'v self, c: &crate::align::Change) -> Option<&'v [String]> {
        let a = self.alignment;
        let (old, new) = (a.old_place(c), a.new_place(c));
        if old.is_empty() || new.is_empty() || old == new {
            return None;
        }
        let common = old.iter().zip(new).take_while(|(x, y)| x == y).count();
        Some(&old[common..])
    }

    /// Returns the changes the view shows.
    pub fn visible(&self) -> impl Iterator<Item = &crate::align::Change> {
        let a = self.alignment;
        a.changes.iter().filter(move |c| {
            let hide_same = self.changed_only || self.substantive;
            let editorial = c.tags == [crate::align::Tag::Editorial];
            (!hide_same || c.kind != crate::align::ChangeKind::Unchanged || c.renumbered || c.moved)
                && (!self.substantive || !editorial || c.renumbered || c.moved)
                && self
                    .provision
                    .as_ref()
                    .is_none_or(|p| match p.split_once(':') {
                        Some(("old", id)) => a.old_ids(c).contains(&id),
                        Some(("new", id)) => a.new_ids(c).contains(&id),
                        _ => {
                            a.old_ids(c).contains(&p.as_str()) || a.new_ids(c).contains(&p.as_str())
                        }
                    })
        })
    }
}
