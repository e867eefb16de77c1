//! Events: the talks and meetings that drafts came out of, read from `events.toml`.
//!
//! An events file is a list of `[[event]]` tables. Versions name the events they came out of by
//! `id`; the store keeps the whole set on its own ref so that events can be shared and updated
//! without touching the versions.

use std::path::Path;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::draft::Source;
use crate::error::{Error, Result};

/// A set of events, as in an `events.toml` file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Events {
    /// The events, in file order.
    #[serde(default, rename = "event")]
    pub events: Vec<Event>,
}

/// A meeting, round of talks or announcement.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// Identifier versions refer to, e.g. `geneva-talks`.
    pub id: String,
    /// What happened.
    pub title: String,
    /// The day, for a one-day event.
    #[serde(
        default,
        with = "crate::draft::date_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub date: Option<NaiveDate>,
    /// First day, for a multi-day event.
    #[serde(
        default,
        with = "crate::draft::date_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub start: Option<NaiveDate>,
    /// Last day, for a multi-day event.
    #[serde(
        default,
        with = "crate::draft::date_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub end: Option<NaiveDate>,
    /// Where it happened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Who took part, as reported.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<String>,
    /// A short note on what was reported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Where it is reported.
    #[serde(default, rename = "source", skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
}

impl Event {
    /// Returns the first day of the event (its `date`, else its `start`).
    pub fn first_day(&self) -> Option<NaiveDate> {
        self.date.or(self.start)
    }
}

impl Events {
    /// Reads and validates an events file.
    pub fn read_file(path: &Path) -> Result<Events> {
        let bytes = crate::draft::read_bytes(path)?;
        let text = crate::draft::check_text(path, &bytes)?;
        Events::parse(path, text)
    }

    /// Parses and validates events TOML; `path` is used in error messages only.
    pub fn parse(path: &Path, text: &str) -> Result<Events> {
        let events: Events =
            toml::from_str(text).map_err(|e| crate::draft::toml_error(path, text, 1, &e))?;
        let mut seen = std::collections::HashSet::new();
        for event in &events.events {
            if event.id.trim().is_empty() || !seen.insert(event.id.as_str()) {
                let line = text
                    .lines()
                    .position(|l| l.contains(&format!("\"{}\"", event.id)))
                    .map_or(1, |i| i + 1);
                return Err(Error::FrontMatter {
                    path: path.to_owned(),
                    line,
                    msg: format!("event id `{}` is empty or repeated", event.id),
                });
            }
        }
        Ok(events)
    }

    /// Merges `other` into `self`: events with a known id are replaced, new ones appended.
    /// Returns `true` when anything changed.
    pub fn merge(&mut self, other: Events) -> bool {
        let mut changed = false;
        for event in other.events {
            match self.events.iter_mut().find(|e| e.id == event.id) {
                Some(old) if *old == event => {}
                Some(old) => {
                    *old = event;
                    changed = true;
                }
                None => {
                    self.events.push(event);
                    changed = true;
                }
            }
        }
        changed
    }

    /// Serialises the events as TOML.
    pub fn to_toml(&self) -> crate::error::Result<String> {
        toml::to_string(self).map_err(|e| Error::store("serialising events", e.to_string()))
    }

    /// The events by first day, undated ones last; ties keep file order.
    pub fn in_date_order(&self) -> Vec<&Event> {
        let mut all: Vec<&Event> = self.events.iter().collect();
        all.sort_by_key(|e| (e.first_day().is_none(), e.first_day()));
        all
    }

    /// Looks an event up by id.
    pub fn get(&self, id: &str) -> Option<&Event> {
        self.events.iter().find(|e| e.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_merges_and_rejects_duplicates() {
        let text = r#"
[[event]]
id = "geneva"
title = "US-Ukraine talks"
date = 2025-11-23
place = "Geneva"
[[event.source]]
outlet = "White House"
"#;
        let mut ev = Events::parse(Path::new("events.toml"), text).expect("valid events");
        assert_eq!(
            ev.events[0].first_day(),
            NaiveDate::from_ymd_opt(2025, 11, 23)
        );
        let again =
            Events::parse(Path::new("e"), &ev.to_toml().expect("serialises")).expect("round trip");
        assert_eq!(again, ev);
        assert!(!ev.merge(again));
        let dup = format!("{text}{text}");
        let e = Events::parse(Path::new("events.toml"), &dup).unwrap_err();
        assert!(e.to_string().contains("repeated"), "{e}");
    }
}
