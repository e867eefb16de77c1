//! `drafttrail sync`: fetch from and push to another store.

use anyhow::Result;
use drafttrail::Store;

use super::{Global, write_context};

/// Fetch from and push to another repository: versions, claims, events and pins
///
/// Uses plain git refspecs for refs/heads/*, refs/notes/* and refs/drafttrail/*, fast-forward
/// only. REMOTE is a path or a URL. A store cloned with `git clone --bare` becomes a full
/// store after one sync.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  drafttrail sync ../shared-store.git
  git clone --bare ../shared-store.git mine && drafttrail --repo mine sync ../shared-store.git")]
pub struct SyncArgs {
    /// The other repository (path or URL)
    remote: String,
}

pub fn run(global: &Global, args: SyncArgs) -> Result<()> {
    let store = match (&global.repo, global.store()) {
        (_, Ok(store)) => store,
        (Some(path), Err(_)) => Store::open_for_sync(path)?,
        (None, Err(e)) => return Err(e),
    };
    let ctx = write_context(None)?;
    let report = store.sync(&args.remote, &ctx)?;
    say!(
        "fetched {} ref(s), merged {}, pushed {} ref(s) with {}",
        report.fetched.len(),
        report.merged.len(),
        report.pushed.len(),
        args.remote
    )?;
    for (local, kept) in &report.kept {
        let track = local.trim_start_matches("refs/heads/");
        warn!(
            "warning: {local} moved on both sides: the remote's tip is kept as {kept}; \
             record a version that reconciles them, with both as parents (front matter \
             `parent = [\"{track}\", \"{kept}\"]`), then sync again"
        );
    }
    for (name, why) in &report.refused {
        warn!("warning: refused {name} from {}: {why}", args.remote);
    }
    for name in &report.reconciled {
        warn!("note: {name} is reconciled; removed");
    }
    for (name, why) in &report.not_pushed {
        warn!("warning: did not push {name}: {why}");
    }
    Ok(())
}
