//! The timeline: versions and events in date order, with what each version changed and the
//! claims behind it.

use chrono::NaiveDate;

use super::Lineage;
use crate::align::{ChangeKind, Summary, Tag};
use crate::draft::Claim;
use crate::events::{Event, Events};

/// Which date places a version on the timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Axis {
    /// The best-known date (drafted, else presented, leaked, published).
    #[default]
    Best,
    /// When it was written.
    Drafted,
    /// When it was handed to a party.
    Presented,
    /// When it was first reported.
    Leaked,
    /// When the full text became public.
    Published,
}

/// What to keep.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// The date axis.
    pub axis: Axis,
    /// Keep versions with a claim about someone whose name contains this (case-insensitive),
    /// and events they took part in.
    pub who: Option<String>,
    /// Keep versions where the provision with this identity changed.
    pub identity: Option<String>,
    /// Keep items on or after this date.
    pub since: Option<NaiveDate>,
    /// Keep items on or before this date.
    pub until: Option<NaiveDate>,
    /// Keep versions of this track (and the events they came out of).
    pub track: Option<String>,
}

/// One line of the timeline.
#[derive(Debug, Clone)]
pub enum Item {
    /// A meeting or round of talks.
    Event {
        /// The event.
        event: Event,
        /// Its first day.
        date: Option<NaiveDate>,
    },
    /// A version.
    Version(VersionItem),
}

/// A version on the timeline.
#[derive(Debug, Clone)]
pub struct VersionItem {
    /// Index into [`Lineage::nodes`].
    pub node: usize,
    /// Its date on the chosen axis (else its best-known date).
    pub date: Option<NaiveDate>,
    /// `true` when the version has no date on the chosen axis and its best date stands in.
    pub fallback_date: bool,
    /// Changes against its first parent, if it has one: (parent index, counts, notable ones).
    pub changes: Option<(usize, Summary, Vec<Notable>)>,
    /// The claims shown (all, or those about the `who` filter).
    pub claims: Vec<Claim>,
}

/// A change worth naming: anything but an untouched or merely renumbered provision.
#[derive(Debug, Clone, PartialEq)]
pub struct Notable {
    /// What happened.
    pub kind: ChangeKind,
    /// Old ids.
    pub old: Vec<String>,
    /// New ids.
    pub new: Vec<String>,
    /// Tags of the rewording.
    pub tags: Vec<Tag>,
    /// For an added provision that an earlier version had: that version's label.
    pub reinstated_from: Option<String>,
}

impl Item {
    /// Returns the item's date.
    pub fn date(&self) -> Option<NaiveDate> {
        match self {
            Item::Event { date, .. } => *date,
            Item::Version(v) => v.date,
        }
    }
}

/// Builds the timeline, oldest first; undated items come last.
pub fn timeline(lineage: &Lineage, events: &Events, filter: &Filter) -> Vec<Item> {
    let who = filter.who.as_ref().map(|w| w.to_lowercase());
    let mut items = Vec::new();
    let mut linked_events: Vec<&str> = Vec::new();
    for (v, node) in lineage.nodes.iter().enumerate() {
        if filter.track.as_deref().is_some_and(|t| t != node.track()) {
            continue;
        }
        let claims: Vec<Claim> = node
            .meta
            .claims
            .iter()
            .filter(|c| {
                who.as_ref()
                    .is_none_or(|w| c.who.to_lowercase().contains(w))
            })
            .cloned()
            .collect();
        if who.is_some() && claims.is_empty() {
            continue;
        }
        let edge = lineage.first_parent_edge(v);
        if let Some(id) = &filter.identity {
            let touched = lineage.instances[v].iter().enumerate().any(|(j, inst)| {
                *inst.identity == **id
                    && edge.is_none_or(|e| {
                        e.alignment
                            .changes
                            .iter()
                            .any(|c| c.new.contains(&j) && c.kind != ChangeKind::Unchanged)
                    })
            });
            let removed_here = edge.is_some_and(|e| {
                e.alignment.changes.iter().any(|c| {
                    c.kind == ChangeKind::Removed
                        && *lineage.instances[e.parent][c.old[0]].identity == **id
                })
            });
            if !touched && !removed_here {
                continue;
            }
        }
        let d = &node.meta.dates;
        let on_axis = match filter.axis {
            Axis::Best => d.best(),
            Axis::Drafted => d.drafted,
            Axis::Presented => d.presented,
            Axis::Leaked => d.leaked,
            Axis::Published => d.published,
        };
        let changes = edge.map(|e| {
            let a = &e.alignment;
            let notable = a
                .changes
                .iter()
                // What a partial text does not cover is not news about it.
                .filter(|c| !matches!(c.kind, ChangeKind::Unchanged | ChangeKind::NotCovered))
                .map(|c| Notable {
                    kind: c.kind,
                    old: a.old_ids(c).into_iter().map(str::to_owned).collect(),
                    new: a.new_ids(c).into_iter().map(str::to_owned).collect(),
                    tags: c.tags.clone(),
                    reinstated_from: match (c.kind, c.new.as_slice()) {
                        (ChangeKind::Added, [j]) => lineage.instances[v][*j]
                            .reinstated_from
                            .map(|(a, _)| lineage.nodes[a].label().to_owned()),
                        _ => None,
                    },
                })
                .collect();
            (e.parent, a.summary(), notable)
        });
        linked_events.extend(node.meta.events.iter().map(String::as_str));
        items.push(Item::Version(VersionItem {
            node: v,
            date: on_axis.or(d.best()),
            fallback_date: on_axis.is_none(),
            changes,
            claims,
        }));
    }
    for event in &events.events {
        let keep = match (&who, &filter.track, &filter.identity) {
            (Some(w), _, _) => event
                .participants
                .iter()
                .any(|p| p.to_lowercase().contains(w)),
            (None, Some(_), _) | (None, None, Some(_)) => {
                linked_events.contains(&event.id.as_str())
            }
            (None, None, None) => true,
        };
        if keep {
            items.push(Item::Event {
                event: event.clone(),
                date: event.first_day(),
            });
        }
    }
    items.retain(|i| {
        let d = i.date();
        filter.since.is_none_or(|s| d.is_some_and(|d| d >= s))
            && filter.until.is_none_or(|u| d.is_some_and(|d| d <= u))
    });
    // Stable sort: events before versions on the same day (talks come before their texts).
    items.sort_by_key(|i| (i.date().is_none(), i.date(), matches!(i, Item::Version(_))));
    items
}
