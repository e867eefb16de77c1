//! `drafttrail attribute`: a claim, a denial or a retraction added to a version after the fact.

use anyhow::{Result, bail};
use drafttrail::draft::{Claim, Confidence, Stance, claim_id};
use drafttrail::store::Version;

use super::{Global, write_context};

/// Add a sourced claim, a denial or a retraction to a version or one of its provisions
///
/// Claims are appended as git notes: the version's history is never rewritten, and the notes
/// ref keeps every addition. A claim is what a source reports, never a fact. Every claim has a
/// short id (shown by `log`, `show`, `history` and in JSON): a denial or a retraction names
/// the claim it answers by that id.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  drafttrail attribute 28-point-plan --provision 21 --who \"Kirill Dmitriev\" \\
      --did \"pushed for the territorial clauses\" --source WSJ --confidence reported
  drafttrail attribute 28-point-plan --denies 5f2c0e1a --source Kremlin \\
      --quote \"we did not write it\"                      a denial of claim 5f2c0e1a
  drafttrail attribute 28-point-plan --retracts 5f2c0e1a --source WSJ \\
      --quote \"an earlier version misattributed\"          the outlet withdraws its claim")]
pub struct AttributeArgs {
    /// The version
    rev: String,
    /// The provision the claim is about (an id in REV); repeatable [default: the whole version]
    #[arg(long, value_name = "ID")]
    provision: Vec<String>,
    /// Who reportedly did it [with --denies: the denied claim's; with --retracts: the source]
    #[arg(long, required_unless_present_any = ["denies", "retracts"])]
    who: Option<String>,
    /// What they reportedly did [with --denies or --retracts: from the claim answered]
    #[arg(long, required_unless_present_any = ["denies", "retracts"])]
    did: Option<String>,
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
    /// Whether the source asserts or denies it (a denial must match a claim's who and did;
    /// prefer --denies ID)
    #[arg(long, default_value = "asserts")]
    stance: Stance,
    /// Deny the claim with this id
    #[arg(long, value_name = "ID", conflicts_with_all = ["retracts", "stance"])]
    denies: Option<String>,
    /// Retract the claim with this id (the source withdraws what it reported)
    #[arg(long, value_name = "ID", conflicts_with_all = ["denies", "stance"])]
    retracts: Option<String>,
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
    let answered = match (&args.denies, &args.retracts) {
        (Some(id), _) => Some((Stance::Denies, find_claim(&version, id)?)),
        (_, Some(id)) => Some((Stance::Retracts, find_claim(&version, id)?)),
        _ => None,
    };
    let claim = match answered {
        Some((stance, target)) => {
            let who = match stance {
                Stance::Retracts => args.who.unwrap_or_else(|| args.source.clone()),
                _ => args.who.unwrap_or_else(|| target.who.clone()),
            };
            let did = match stance {
                Stance::Retracts => args
                    .did
                    .unwrap_or_else(|| format!("retracted the claim: {}", target.did)),
                _ => args.did.unwrap_or_else(|| target.did.clone()),
            };
            Claim {
                who,
                role: args.role,
                did,
                provisions: if args.provision.is_empty() {
                    target.provisions.clone()
                } else {
                    args.provision
                },
                stance,
                confidence: args.confidence,
                source: Some(args.source),
                url: args.url,
                quote: args.quote,
                about: Some(claim_id(&version.id, &target)),
                ..Claim::default()
            }
        }
        None => {
            let (Some(who), Some(did)) = (args.who, args.did) else {
                bail!("--who and --did are required for a claim");
            };
            if args.stance == Stance::Retracts {
                bail!("a retraction names the claim it withdraws: --retracts ID");
            }
            if args.stance == Stance::Denies {
                check_denied_claim_exists(&version, &who, &did)?;
            }
            Claim {
                who,
                role: args.role,
                did,
                provisions: args.provision,
                stance: args.stance,
                confidence: args.confidence,
                source: Some(args.source),
                url: args.url,
                quote: args.quote,
                ..Claim::default()
            }
        }
    };
    let ctx = write_context(args.recorder.as_deref())?;
    let id = claim_id(&version.id, &claim);
    let kind = match claim.stance {
        Stance::Asserts => "claim",
        Stance::Denies => "denial",
        Stance::Retracts => "retraction",
    };
    let added = store.writer(&ctx)?.attribute(&version.id, claim)?;
    if added {
        say!(
            "{kind} {id} added to {} {}",
            version.short_id(),
            version.label()
        )?;
    } else {
        say!(
            "{} {} already has this {kind} ({id})",
            version.short_id(),
            version.label()
        )?;
    }
    Ok(())
}

/// The claim of `version` whose id is `id` (or starts with it, at least four digits).
fn find_claim(version: &Version, id: &str) -> Result<Claim> {
    let id = id.trim().to_ascii_lowercase();
    let found: Vec<&Claim> = version
        .meta
        .claims
        .iter()
        .filter(|c| id.len() >= 4 && claim_id(&version.id, c).starts_with(&id))
        .collect();
    match found.as_slice() {
        [one] => Ok((*one).clone()),
        [] => bail!(
            "`{}` has no claim `{id}`; its claims: {}",
            version.label(),
            listing(version, version.meta.claims.iter())
        ),
        _ => bail!(
            "claim id `{id}` is ambiguous in `{}`: give more digits",
            version.label()
        ),
    }
}

/// A denial without an id must contradict a claim of the same `who` and `did`; otherwise it
/// is refused, with the closest claims and their ids, rather than recorded as a stray line.
fn check_denied_claim_exists(version: &Version, who: &str, did: &str) -> Result<()> {
    let same = |a: &str, b: &str| a.trim().eq_ignore_ascii_case(b.trim());
    let asserted = version
        .meta
        .claims
        .iter()
        .filter(|c| c.stance == Stance::Asserts);
    if asserted
        .clone()
        .any(|c| same(&c.who, who) && same(&c.did, did))
    {
        return Ok(());
    }
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.len() > 2)
            .map(str::to_lowercase)
            .collect()
    };
    let wanted = words(&format!("{who} {did}"));
    let mut ranked: Vec<(usize, &Claim)> = asserted
        .map(|c| {
            let have = words(&format!("{} {}", c.who, c.did));
            (wanted.iter().filter(|w| have.contains(w)).count(), c)
        })
        .filter(|(score, _)| *score > 0)
        .collect();
    ranked.sort_by_key(|(score, _)| std::cmp::Reverse(*score));
    if ranked.is_empty() {
        bail!(
            "`{}` has no claim that `{who}` {did}, and none like it, to deny",
            version.label()
        );
    }
    bail!(
        "`{}` has no claim that `{who}` {did}; closest: {} (deny one with --denies ID)",
        version.label(),
        listing(version, ranked.into_iter().take(3).map(|(_, c)| c))
    )
}

/// `ID who — did` for each claim, separated by `; `.
fn listing<'a>(version: &Version, claims: impl Iterator<Item = &'a Claim>) -> String {
    let all: Vec<String> = claims
        .map(|c| format!("{} {} — {}", claim_id(&version.id, c), c.who, c.did))
        .collect();
    if all.is_empty() {
        "none".into()
    } else {
        all.join("; ")
    }
}
