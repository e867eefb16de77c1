//! `drafttrail attribute`, `pin`, `unpin`, `sync`: additions to a store after the fact.

use anyhow::{Result, bail};
use drafttrail::Store;
use drafttrail::draft::{Claim, Confidence, Stance};
use drafttrail::pin::Pin;

use super::{Global, write_context};

/// Add a sourced claim (or a denial) to a version or one of its provisions
///
/// Claims are appended as git notes: the version's history is never rewritten, and the notes
/// ref keeps every addition. A claim is what a source reports, never a fact.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  drafttrail attribute 28-point-plan --provision 21 --who \"Kirill Dmitriev\" \\
      --did \"pushed for the territorial clauses\" --source WSJ --confidence reported
  drafttrail attribute 28-point-plan --who \"Kirill Dmitriev\" --did \"leaked the plan to the press\" \\
      --source Axios --stance denies --quote \"not our source\"")]
pub struct AttributeArgs {
    /// The version
    rev: String,
    /// The provision the claim is about (an id in REV); repeatable [default: the whole version]
    #[arg(long, value_name = "ID")]
    provision: Vec<String>,
    /// Who reportedly did it
    #[arg(long)]
    who: String,
    /// What they reportedly did
    #[arg(long)]
    did: String,
    /// The outlet that reports it
    #[arg(long)]
    source: String,
    /// Their role
    #[arg(long)]
    role: Option<String>,
    /// The report's address
    #[arg(long)]
    url: Option<String>,
    /// A short quote backing it
    #[arg(long)]
    quote: Option<String>,
    /// How sure the reporting is: confirmed, reported, alleged, disputed
    #[arg(long)]
    confidence: Option<Confidence>,
    /// Whether the source asserts or denies it
    #[arg(long, default_value = "asserts")]
    stance: Stance,
    /// Who is recording, `Name <email>` [default: git's user.name and user.email]
    #[arg(long, value_name = "NAME <EMAIL>")]
    recorder: Option<String>,
}

pub fn run_attribute(global: &Global, args: AttributeArgs) -> Result<()> {
    let store = global.store()?;
    let (version, body) = store.read(&args.rev)?;
    let provisions = drafttrail::provisions::parse(&body);
    for id in &args.provision {
        if !provisions.iter().any(|p| &p.id == id) {
            bail!("`{}` has no provision `{id}`", version.label());
        }
    }
    let claim = Claim {
        who: args.who,
        role: args.role,
        did: args.did,
        provisions: args.provision,
        stance: args.stance,
        confidence: args.confidence,
        source: Some(args.source),
        url: args.url,
        quote: args.quote,
    };
    let ctx = write_context(args.recorder.as_deref())?;
    let added = store.writer(&ctx)?.attribute(&version.id, claim)?;
    if added {
        println!("claim added to {} {}", version.short_id(), version.label());
    } else {
        println!(
            "{} {} already has this claim",
            version.short_id(),
            version.label()
        );
    }
    Ok(())
}

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
        println!("pinned {} to {}", args.old, args.new);
    } else {
        println!("{} was already pinned to {}", args.old, args.new);
    }
    Ok(())
}

pub fn run_unpin(global: &Global, args: PinArgs) -> Result<()> {
    let store = global.store()?;
    let pin = pin_of(&store, &args)?;
    let ctx = write_context(args.recorder.as_deref())?;
    if store.writer(&ctx)?.remove_pin(&pin)? {
        println!("unpinned {} from {}", args.old, args.new);
    } else {
        bail!("{} is not pinned to {}", args.old, args.new);
    }
    Ok(())
}

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

pub fn run_sync(global: &Global, args: SyncArgs) -> Result<()> {
    let store = match (&global.repo, global.store()) {
        (_, Ok(store)) => store,
        (Some(path), Err(_)) => Store::open_for_sync(path)?,
        (None, Err(e)) => return Err(e),
    };
    let report = store.sync(&args.remote)?;
    println!(
        "fetched {} ref(s), pushed {} ref(s) with {}",
        report.fetched.len(),
        report.pushed.len(),
        args.remote
    );
    Ok(())
}
