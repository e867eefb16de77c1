//! `drafttrail amend` and `drafttrail withdraw`: corrections without rewriting history.

use anyhow::Result;
use drafttrail::draft::{Dates, Status, TextKind};
use drafttrail::store::{Correction, Recorded};
use drafttrail::version::short_id;

use super::commit::set_date;
use super::{Global, write_context};

/// Correct a recorded version's metadata: label, track, parents, status, dates…
///
/// Records a corrected version with the same text that supersedes the old one. Nothing is
/// deleted: the old version stays in the store, shown in `log` as superseded, and versions
/// recorded under it now descend from the correction. Sync carries the correction.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  drafttrail amend HEAD --track us --parent 28-point-plan    a leak recorded as a new lineage
  drafttrail amend geneva-draft --label \"Geneva 19-point framework\"
  drafttrail amend europe --date presented=2025-11-23 --status reported
  drafttrail amend HEAD --no-parent                         make it the first of its lineage")]
pub struct AmendArgs {
    /// The version to correct
    rev: String,
    /// The corrected label
    #[arg(long)]
    label: Option<String>,
    /// The corrected track
    #[arg(long)]
    track: Option<String>,
    /// A corrected parent; repeatable (replaces all the recorded parents)
    #[arg(long, value_name = "REV")]
    parent: Vec<String>,
    /// The version has no parent: the first of its lineage
    #[arg(long, conflicts_with = "parent")]
    no_parent: bool,
    /// A corrected date, `KIND=YYYY-MM-DD`; repeatable
    #[arg(long, value_name = "[KIND=]DATE")]
    date: Vec<String>,
    /// The corrected status: verified, reported, single-source, disputed, denied
    #[arg(long)]
    status: Option<Status>,
    /// The corrected text kind: verbatim, translation, paraphrase, reconstructed
    #[arg(long)]
    text: Option<TextKind>,
    /// The corrected note
    #[arg(long)]
    note: Option<String>,
    /// The corrected language (en, fr, de…)
    #[arg(long)]
    lang: Option<String>,
    /// Who is recording, `Name <email>` [default: git's user.name and user.email]
    #[arg(long, value_name = "NAME <EMAIL>")]
    recorder: Option<String>,
}

pub fn run_amend(global: &Global, args: AmendArgs) -> Result<()> {
    let store = global.store()?;
    let mut dates = Dates::default();
    for d in &args.date {
        set_date(&mut dates, d)?;
    }
    let parents = if args.no_parent {
        Some(Vec::new())
    } else {
        Some(args.parent).filter(|p| !p.is_empty())
    };
    let correction = Correction {
        label: args.label,
        track: args.track,
        parents,
        status: args.status,
        text: args.text,
        note: args.note,
        lang: args.lang,
        dates,
    };
    let ctx = write_context(args.recorder.as_deref())?;
    let amended = store.writer(&ctx)?.amend(&args.rev, &correction)?;
    let Recorded::New {
        id, label, track, ..
    } = &amended.new
    else {
        anyhow::bail!("the correction was not recorded");
    };
    say!(
        "amended   {} {} → {} {label} [{track}]",
        amended.old.short_id(),
        amended.old.label(),
        short_id(id)
    )?;
    for change in &amended.changes {
        say!("  {change}")?;
    }
    Ok(())
}

/// Withdraw a version recorded by mistake
///
/// The version stays in the store, with the reason, who withdrew it and when; `log` and the
/// lineage views leave it out (`log --all` shows it). Versions recorded under it descend
/// from its parents instead. Sync carries the withdrawal.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  drafttrail withdraw HEAD --why \"recorded the wrong file\"
  drafttrail withdraw 3e962f44 --why \"a duplicate of the Geneva framework\"")]
pub struct WithdrawArgs {
    /// The version to withdraw
    rev: String,
    /// Why it is withdrawn
    #[arg(long)]
    why: String,
    /// Who is recording, `Name <email>` [default: git's user.name and user.email]
    #[arg(long, value_name = "NAME <EMAIL>")]
    recorder: Option<String>,
}

pub fn run_withdraw(global: &Global, args: WithdrawArgs) -> Result<()> {
    let store = global.store()?;
    let ctx = write_context(args.recorder.as_deref())?;
    let version = store.writer(&ctx)?.withdraw(&args.rev, &args.why)?;
    say!(
        "withdrawn {} {}: {}",
        version.short_id(),
        version.label(),
        args.why.trim()
    )?;
    Ok(())
}
