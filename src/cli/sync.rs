//! `drafttrail sync`: fetch from and push to another store.

use std::io::IsTerminal;

use anyhow::Result;
use drafttrail::Store;

use super::{Global, write_context};

/// Fetch from and push to another repository: versions, claims, events, pins and references
///
/// Fetches every track, claim, event, pin and reference document of REMOTE into a
/// quarantine, checks that each is a drafttrail version or record, then moves local refs
/// fast-forward only (claims, events and pins merge; a track or reference that moved on both
/// sides is kept aside and reported), and pushes back what REMOTE lacks. A store cloned with `git clone --bare` becomes a full store after
/// one sync.
///
/// REMOTE is a path, a URL (https://, ssh://, git://, user@host:path) or the name of a remote
/// in the store's git config (`git --git-dir history remote add newsroom URL`). A path is read
/// in-process; anything else goes through the system `git`, with your usual credentials:
/// credential helpers, ssh-agent, ~/.ssh/config, core.sshCommand, proxies, GIT_SSL_CAINFO.
/// When input is not a terminal, git and ssh never prompt: a missing or wrong credential is an
/// error.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  drafttrail sync ../shared-store.git
  drafttrail sync https://git.example.org/newsroom/drafts.git
  drafttrail sync git@git.example.org:newsroom/drafts.git
  git clone --bare ../shared-store.git mine && drafttrail --repo mine sync ../shared-store.git")]
pub struct SyncArgs {
    /// The other repository: a path, a URL or a configured remote's name
    remote: String,
}

pub fn run(global: &Global, args: SyncArgs) -> Result<()> {
    let store = match (&global.repo, global.store()) {
        (_, Ok(store)) => store,
        (Some(path), Err(_)) => Store::open_for_sync(path)?,
        (None, Err(e)) => return Err(e),
    };
    let mut ctx = write_context(None)?;
    ctx.prompts = std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
    let report = store.sync(&args.remote, &ctx)?;
    let remote = drafttrail::store::shown_remote(&args.remote);
    say!(
        "fetched {} ref(s), merged {}, pushed {} ref(s) with {}",
        report.fetched.len(),
        report.merged.len(),
        report.pushed.len(),
        remote
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
        warn!("warning: refused {name} from {remote}: {why}");
    }
    for name in &report.reconciled {
        warn!("note: {name} is reconciled; removed");
    }
    for (name, why) in &report.not_pushed {
        warn!("warning: did not push {name}: {why}");
    }
    Ok(())
}
