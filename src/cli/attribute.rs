//! `drafttrail attribute`: a claim or a denial added to a version after the fact.

use anyhow::{Result, bail};
use drafttrail::draft::{Claim, Confidence, Stance};

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

pub fn run(global: &Global, args: AttributeArgs) -> Result<()> {
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
        say!("claim added to {} {}", version.short_id(), version.label())?;
    } else {
        say!(
            "{} {} already has this claim",
            version.short_id(),
            version.label()
        )?;
    }
    Ok(())
}
