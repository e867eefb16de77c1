//! JSON with a stable schema: every view's wire types are in `wire.rs` or beside the view,
//! and may only grow (README, "JSON").

mod diff;
mod events;
mod identify;
mod lineage;
mod trace;
mod verify;
mod version;
mod wire;

pub(super) use diff::diff;
pub(super) use events::events;
pub(super) use identify::identify;
pub(super) use lineage::{blame, history, shares, timeline};
pub(super) use trace::trace;
pub(super) use verify::verify;
pub(super) use version::{log, show};
