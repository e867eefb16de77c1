//! The store's events in the terminal: one line each, then who and where it is reported.

use std::io::Write;

use super::style::{Label, paint};
use crate::events::Events;
use crate::render::{RenderOptions, RenderResult, source_line};

/// Renders the events in date order (undated last), one line each.
pub(in crate::render) fn events(
    events: &Events,
    opts: &RenderOptions,
    out: &mut dyn Write,
) -> RenderResult {
    if events.events.is_empty() {
        writeln!(
            out,
            "no events recorded (drafttrail event add, or events.toml with import)"
        )?;
        return Ok(());
    }
    for e in events.in_date_order() {
        let date = e
            .first_day()
            .map_or_else(|| "undated   ".to_owned(), |d| d.to_string());
        let mut line = format!("{date}  {}", e.title);
        if let Some(place) = &e.place {
            line.push_str(&format!(" — {place}"));
        }
        if let (Some(s), Some(end)) = (e.start, e.end) {
            line.push_str(&format!(" ({s} to {end})"));
        }
        writeln!(
            out,
            "{} {}",
            paint(opts, Label::Id, &e.id),
            paint(opts, Label::Event, &line)
        )?;
        if !e.participants.is_empty() {
            writeln!(out, "  with {}", e.participants.join(", "))?;
        }
        if let Some(note) = &e.note {
            writeln!(out, "  note: {note}")?;
        }
        for s in &e.sources {
            writeln!(out, "  source: {}", source_line(s))?;
        }
    }
    Ok(())
}
