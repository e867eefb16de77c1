//! The store's events as a Markdown list.

use std::io::Write;

use crate::events::Events;
use crate::render::{RenderOptions, RenderResult, source_line};

/// Renders the events in date order (undated last) as a list.
pub(in crate::render) fn events(
    events: &Events,
    _opts: &RenderOptions,
    out: &mut dyn Write,
) -> RenderResult {
    writeln!(out, "# Events\n")?;
    for e in events.in_date_order() {
        let date = e
            .first_day()
            .map_or_else(|| "undated".to_owned(), |d| d.to_string());
        let mut line = format!("- **{date}** {} (`{}`)", e.title, e.id);
        if let Some(place) = &e.place {
            line.push_str(&format!(" — {place}"));
        }
        writeln!(out, "{line}")?;
        if !e.participants.is_empty() {
            writeln!(out, "  - with {}", e.participants.join(", "))?;
        }
        if let Some(note) = &e.note {
            writeln!(out, "  - {note}")?;
        }
        for s in &e.sources {
            writeln!(out, "  - source: {}", source_line(s))?;
        }
    }
    Ok(())
}
