//! `drafttrail init`.

use std::path::PathBuf;

use anyhow::Result;
use drafttrail::Store;

use super::{Global, display_path};

/// Create an empty store (a bare git repository)
///
/// The default is ./history, which every other command finds from this folder or below.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  drafttrail init                 create ./history
  drafttrail init ~/plans/store   create a store elsewhere (then pass --repo or set DRAFTTRAIL_REPO)")]
pub struct InitArgs {
    /// Where to create the store [default: ./history, or --repo]
    dir: Option<PathBuf>,
}

pub fn run(global: &Global, args: InitArgs) -> Result<()> {
    let path = args.dir.unwrap_or_else(|| global.default_store_path());
    let store = Store::init(&path)?;
    say!(
        "Initialized empty drafttrail store in {}",
        display_path(store.path())
    )?;
    Ok(())
}
