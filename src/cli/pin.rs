//! `drafttrail pin` and `unpin`: a user's override of one alignment decision.

use anyhow::{Result, bail};
use drafttrail::Store;
use drafttrail::pin::Pin;

use super::{Global, write_context};

/// Override an alignment decision: OLD_REV:ID is the same provision as NEW_REV:ID
///
/// diff, history, blame, shares and timeline honour pins between those two versions.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  drafttrail pin 28-point-plan:12 20-point-framework:8
  drafttrail unpin 28-point-plan:12 20-point-framework:8")]
pub struct PinArgs {
    /// The old side, `REV:ID`
    old: String,
    /// The new side, `REV:ID`
    new: String,
    /// Who is recording, `Name <email>` [default: git's user.name and user.email]
    #[arg(long, value_name = "NAME <EMAIL>")]
    recorder: Option<String>,
}

fn resolve_side(store: &Store, side: &str) -> Result<(String, String)> {
    let Some((rev, id)) = side.rsplit_once(':') else {
        bail!("`{side}` should be REV:ID, e.g. 28-point-plan:6");
    };
    let (version, body) = store.read(rev)?;
    if !drafttrail::provisions::parse(&body)
        .iter()
        .any(|p| p.id == id)
    {
        bail!("`{}` has no provision `{id}`", version.label());
    }
    Ok((version.id, id.to_owned()))
}

fn pin_of(store: &Store, args: &PinArgs) -> Result<Pin> {
    let (old_version, old_provision) = resolve_side(store, &args.old)?;
    let (new_version, new_provision) = resolve_side(store, &args.new)?;
    Ok(Pin {
        old_version,
        old_provision,
        new_version,
        new_provision,
    })
}

pub fn run_pin(global: &Global, args: PinArgs) -> Result<()> {
    let store = global.store()?;
    let pin = pin_of(&store, &args)?;
    let ctx = write_context(args.recorder.as_deref())?;
    if store.writer(&ctx)?.add_pin(pin)? {
        say!("pinned {} to {}", args.old, args.new)?;
    } else {
        say!("{} was already pinned to {}", args.old, args.new)?;
    }
    Ok(())
}

pub fn run_unpin(global: &Global, args: PinArgs) -> Result<()> {
    let store = global.store()?;
    let pin = pin_of(&store, &args)?;
    let ctx = write_context(args.recorder.as_deref())?;
    if store.writer(&ctx)?.remove_pin(&pin)? {
        say!("unpinned {} from {}", args.old, args.new)?;
    } else {
        bail!("{} is not pinned to {}", args.old, args.new);
    }
    Ok(())
}
