//! JSON with a stable schema: every view's wire types are in `wire.rs` or beside the view,
//! and may only grow (README, "JSON").

mod diff;
mod lineage;
mod verify;
mod version;
mod wire;

use std::io::Write;

use super::{RenderOptions, RenderResult, View};

/// Renders a view as JSON.
pub(super) fn render(view: &View<'_>, opts: &RenderOptions, out: &mut dyn Write) -> RenderResult {
    match *view {
        View::Log(entries) => version::log(entries, opts, out),
        View::Show { version, body } => version::show(version, body, opts, out),
        View::Diff(d) => diff::diff(d, opts, out),
        View::History {
            lineage,
            identity,
            entries,
        } => lineage::history(lineage, identity, entries, opts, out),
        View::Blame { lineage, version } => lineage::blame(lineage, version, opts, out),
        View::Shares { lineage, shares } => lineage::shares(lineage, shares, opts, out),
        View::Timeline { lineage, items } => lineage::timeline(lineage, items, opts, out),
        View::Verify(report) => verify::verify(report, out),
    }
}
