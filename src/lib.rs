//! drafttrail: track successive drafts of a negotiated text.
//!
//! ```text
//! draft file (text + TOML front matter)
//!    │ draft::read_file       → Draft { meta: DraftMeta, body: String }
//!    │ store::Store::commit   → git commit in the store (history/)
//!    ▼
//! store (bare git repo) ── Store::versions / Store::read(rev) ──▶ Version + body
//!    │ align::diff (two texts) · load::lineage (every version: lineage::build)
//!    ▼
//! render::render(View, Format, …)  → output (pure formatting, no computation)
//! ```
//!
//! The library never prints, never reads the environment or the clock: the binary passes the
//! recorder and the time in a [`store::WriteContext`].

pub mod align;
pub mod draft;
pub mod error;
pub mod events;
pub mod export;
mod hash;
pub mod identify;
pub mod import;
pub mod ingest;
pub mod lang;
pub mod lineage;
pub mod load;
pub mod log;
pub mod pin;
pub mod print;
pub mod provisions;
pub mod redline;
pub mod render;
pub mod store;
pub mod trace;
pub mod verify;
pub mod version;

pub use draft::{Draft, DraftMeta};
pub use error::{Error, Result};
pub use store::{Store, Version};
