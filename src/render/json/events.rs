//! The store's events as JSON: the `events.toml` fields, in date order.

use std::io::Write;

use super::wire::write_json;
use crate::events::Events;
use crate::render::{RenderOptions, RenderResult};

/// Renders the events in date order (undated last) as a JSON array.
pub(in crate::render) fn events(
    events: &Events,
    _opts: &RenderOptions,
    out: &mut dyn Write,
) -> RenderResult {
    write_json(&events.in_date_order(), out)
}
