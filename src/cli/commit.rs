//! `drafttrail commit FILE`.

use std::path::PathBuf;

use anyhow::Result;
use chrono::NaiveDate;
use drafttrail::draft::{Claim, Source, Status, TextKind};
use drafttrail::store::Recorded;
use drafttrail::version::short_id;

use super::{Global, write_context};

/// Record one draft version
///
/// The file holds the text, optionally after TOML front matter between `+++` lines (label,
/// track, parent, status, text kind, dates, sources, claims). Flags fill or override it. A body
/// that is already recorded becomes an extra source of that version, not a new version.
///
/// PDF (text layer, or OCR of a scan), Word (.docx), OpenDocument (.odt), web pages (.html:
/// the article, not the menus), images (.png, .jpg, .tif: OCR by tesseract) and text in any
/// common encoding are read too: the original file is kept byte for byte in the version
/// (`show --original`), how the text was extracted and the file's own metadata (author,
/// dates, producing program) are recorded beside it, and a Word file's tracked changes and
/// comments become claims with their authors and dates. Front matter for such a file comes
/// from the flags or from a sidecar NAME.toml beside it.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  drafttrail commit drafts/01-us-28-point-plan.md
  drafttrail commit leak.txt --label \"Geneva draft\" --track us --date leaked=2025-11-24 \\
      --status single-source --source \"FT,https://ft.com/...,2025-11-24\" \\
      --claim \"Rustem Umerov: negotiated the revision [reported; FT]\"
  drafttrail commit plan-scan.jpg --ocr-lang rus+ukr --label \"Photographed draft\"
  drafttrail commit draft-with-edits.docx --changes both")]
pub struct CommitArgs {
    /// The draft file
    file: PathBuf,
    /// The version's label [default: front matter, else the file name]
    #[arg(long)]
    label: Option<String>,
    /// The lineage branch [default: front matter, else main]
    #[arg(long)]
    track: Option<String>,
    /// A revision the version derives from; repeatable [default: the track's tip]. `auto`:
    /// the recorded version the text is closest to (see `drafttrail identify`), and its track
    /// unless --track says otherwise
    #[arg(long, value_name = "REV")]
    parent: Vec<String>,
    /// A reported date, `KIND=YYYY-MM-DD` with KIND drafted, presented, leaked or published;
    /// a bare date means leaked; repeatable
    #[arg(long, value_name = "[KIND=]DATE")]
    date: Vec<String>,
    /// How well established the text is: verified, reported, single-source, disputed, denied
    #[arg(long)]
    status: Option<Status>,
    /// What the text is: verbatim, translation, paraphrase, reconstructed
    #[arg(long)]
    text: Option<TextKind>,
    /// An event id the version came out of; repeatable
    #[arg(long, value_name = "ID")]
    event: Vec<String>,
    /// A source, `OUTLET[,URL[,YYYY-MM-DD]]`; repeatable
    #[arg(long, value_name = "OUTLET,URL,DATE")]
    source: Vec<String>,
    /// A claim, `WHO: WHAT THEY DID [CONFIDENCE; SOURCE; URL]` (the bracket and each of its
    /// parts optional, in any order; CONFIDENCE is confirmed, reported, alleged or disputed);
    /// repeatable
    #[arg(long, value_name = "WHO: DID")]
    claim: Vec<String>,
    /// Who is recording, `Name <email>` [default: git's user.name and user.email]
    #[arg(long, value_name = "NAME <EMAIL>")]
    recorder: Option<String>,
    #[command(flatten)]
    read: super::reading::ReadArgs,
}

pub fn run(global: &Global, args: CommitArgs) -> Result<()> {
    let store = global.store()?;
    let read = drafttrail::import::read_draft(&args.file, &args.read.options())?;
    let mut draft = read.draft;
    let meta = &mut draft.meta;
    if args.label.is_some() {
        meta.label = args.label;
    }
    if args.track.is_some() {
        meta.track = args.track;
    }
    if args.parent == ["auto"] {
        let candidates = drafttrail::load::identify(&store, &draft.body)?;
        let Some(best) = candidates.first().filter(|c| c.is_match()) else {
            anyhow::bail!(
                "--parent auto: no recorded version resembles {}; name the parent, or leave it \
                 out to continue the track",
                super::display_path(&args.file)
            );
        };
        warn!(
            "note: parent {} {} [{}], the closest recorded version (score {:.2}: {})",
            best.version.short_id(),
            best.version.label(),
            best.version.track(),
            best.score,
            best.alignment.summary()
        );
        let meta = &mut draft.meta;
        meta.parent = vec![best.version.id.clone()];
        // The front matter's or --track's track, else the match's.
        if meta.track.is_none() {
            meta.track = Some(best.version.track().to_owned());
        }
    } else if !args.parent.is_empty() {
        draft.meta.parent = args.parent;
    }
    let meta = &mut draft.meta;
    if args.status.is_some() {
        meta.status = args.status;
    }
    if args.text.is_some() {
        meta.text = args.text;
    }
    for d in &args.date {
        set_date(&mut meta.dates, d)?;
    }
    meta.events.extend(args.event);
    for s in &args.source {
        meta.sources.push(parse_source(s)?);
    }
    for c in &args.claim {
        meta.claims.push(parse_claim(c)?);
    }
    let ctx = write_context(args.recorder.as_deref())?;
    if let Some(mut before) = read.before {
        // Both states of tracked changes: the rejected one first, as the parent.
        drafttrail::ingest::link_states(&mut before, &mut draft);
        let outcome = store.commit(&before, &args.file, &ctx)?;
        say!("{}", describe(&outcome))?;
        draft.meta.parent = vec![outcome.id().to_owned()];
    }
    let outcome = store.commit(&draft, &args.file, &ctx)?;
    say!("{}", describe(&outcome))?;
    warn_if_new_lineage(&store, &outcome)?;
    warn_if_ignored(&args.file, &outcome);
    warn_if_unnumbered(&args.file, &draft.body);
    Ok(())
}

/// Warns on stderr when a draft has no numbered provision: it is then split by position
/// (bullets `•N` or paragraphs `¶N`), or is one `preamble`.
pub fn warn_if_unnumbered(path: &std::path::Path, body: &str) {
    let provisions = drafttrail::provisions::parse(body);
    if drafttrail::provisions::is_unnumbered(&provisions) {
        let how = match provisions.iter().find(|p| p.id != "preamble") {
            Some(p) if p.id.starts_with('•') => {
                "each top-level bullet is a provision by position (•1, •2, …)"
            }
            Some(_) => "each paragraph is a provision by position (¶1, ¶2, …)",
            None => "the whole text is one provision, `preamble`",
        };
        warn!(
            "warning: {}: no numbered provision found; {how}",
            super::display_path(path)
        );
    }
}

/// Warns when a new version has no parent in a store that holds other versions: a leak
/// recorded without `--track` or `--parent` starts a lineage of its own, which is rarely meant.
fn warn_if_new_lineage(store: &drafttrail::Store, outcome: &Recorded) -> Result<()> {
    let Recorded::New { id, track, .. } = outcome else {
        return Ok(());
    };
    let versions = store.versions()?;
    let first = versions.iter().any(|v| &v.id == id && v.parents.is_empty());
    if first && versions.len() > 1 {
        let tracks: std::collections::BTreeSet<&str> = versions
            .iter()
            .filter(|v| v.is_live() && &v.id != id)
            .map(|v| v.track())
            .collect();
        let tracks: Vec<&str> = tracks.into_iter().collect();
        warn!(
            "warning: {} starts a new lineage on track `{track}`, beside {}; if it derives from a \
             recorded version, `drafttrail amend {} --track TRACK --parent REV`",
            short_id(id),
            tracks.join(", "),
            short_id(id)
        );
    }
    Ok(())
}

/// Warns on stderr, field by field, about what a draft said of a text already recorded that
/// was not recorded (a version's label, track, dates… are those it was first recorded with).
pub fn warn_if_ignored(path: &std::path::Path, outcome: &Recorded) {
    let (id, label, ignored) = match outcome {
        Recorded::ExtraSources {
            id, label, ignored, ..
        }
        | Recorded::Unchanged { id, label, ignored } => (id, label, ignored),
        Recorded::New { .. } => return,
    };
    if !ignored.is_empty() {
        warn!(
            "warning: {}: this text is already recorded as {} {label}; not recorded: {}",
            super::display_path(path),
            short_id(id),
            ignored.join("; ")
        );
        warn!(
            "hint: to correct the recorded version, `drafttrail amend {}` with the new values",
            short_id(id)
        );
    }
}

/// One line saying what recording a draft did.
pub fn describe(outcome: &Recorded) -> String {
    match outcome {
        Recorded::New {
            id,
            label,
            track,
            retables,
        } => match retables {
            Some(old) => format!(
                "recorded  {} {label} [{track}]: the text of {old}, tabled again",
                short_id(id)
            ),
            None => format!("recorded  {} {label} [{track}]", short_id(id)),
        },
        Recorded::ExtraSources {
            id,
            label,
            sources,
            claims,
            ..
        } => format!(
            "known     {} {label}: same text, added {sources} source(s) and {claims} claim(s)",
            short_id(id)
        ),
        Recorded::Unchanged { id, label, .. } => {
            format!("unchanged {} {label}: already recorded", short_id(id))
        }
    }
}

/// Sets one date from `--date [KIND=]YYYY-MM-DD` (a bare date is the leak date).
pub fn set_date(dates: &mut drafttrail::draft::Dates, d: &str) -> Result<()> {
    let (kind, value) = d.split_once('=').unwrap_or(("leaked", d));
    let date = parse_date(value)?;
    let slot = match kind {
        "drafted" => &mut dates.drafted,
        "presented" => &mut dates.presented,
        "leaked" => &mut dates.leaked,
        "published" => &mut dates.published,
        _ => anyhow::bail!(
            "invalid --date `{d}`: KIND must be drafted, presented, leaked or published"
        ),
    };
    *slot = Some(date);
    Ok(())
}

/// Parses `--claim "WHO: DID [CONFIDENCE; SOURCE; URL]"`.
fn parse_claim(text: &str) -> Result<Claim> {
    let invalid = || {
        anyhow::anyhow!(
            "invalid --claim `{text}`: expected `WHO: WHAT THEY DID [CONFIDENCE; SOURCE; URL]`"
        )
    };
    let (who, rest) = text.split_once(':').ok_or_else(invalid)?;
    let rest = rest.trim();
    let (did, bracket) = match rest.strip_suffix(']').and_then(|r| r.rsplit_once('[')) {
        Some((did, inside)) => (did.trim(), Some(inside)),
        None => (rest, None),
    };
    if who.trim().is_empty() || did.is_empty() {
        return Err(invalid());
    }
    let mut claim = Claim {
        who: who.trim().to_owned(),
        did: did.to_owned(),
        ..Claim::default()
    };
    for part in bracket
        .into_iter()
        .flat_map(|b| b.split(';'))
        .map(str::trim)
    {
        if part.is_empty() {
            continue;
        }
        if let Ok(conf) = part.parse::<drafttrail::draft::Confidence>() {
            claim.confidence = Some(conf);
        } else if part.starts_with("http://") || part.starts_with("https://") {
            claim.url = Some(part.to_owned());
        } else if claim.source.is_none() {
            claim.source = Some(part.to_owned());
        } else {
            anyhow::bail!(
                "invalid --claim `{text}`: `{part}` is neither a confidence (confirmed, \
                 reported, alleged, disputed) nor an address, and the source is `{}`",
                claim.source.as_deref().unwrap_or_default()
            );
        }
    }
    Ok(claim)
}

fn parse_date(text: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| anyhow::anyhow!("invalid date `{text}`: expected YYYY-MM-DD"))
}

/// `OUTLET[,URL][,YYYY-MM-DD]`, the URL and the date in either order. The URL may itself hold
/// commas, so every other part that is a date is the date; a part that looks like a date in
/// another form (`08/01/2026`) is refused rather than kept inside the URL.
pub fn parse_source(text: &str) -> Result<Source> {
    let (outlet, rest) = text.split_once(',').unwrap_or((text, ""));
    if outlet.trim().is_empty() {
        anyhow::bail!("invalid --source `{text}`: the outlet is empty");
    }
    let mut date = None;
    let mut url_parts = Vec::new();
    for part in rest.split(',') {
        let trimmed = part.trim();
        let looks_like_date = trimmed.len() >= 6
            && trimmed.contains(['-', '/', '.'])
            && trimmed.chars().any(|c| c.is_ascii_digit())
            && trimmed
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '-' | '/' | '.' | ' '));
        if looks_like_date {
            let parsed = parse_date(trimmed).map_err(|_| {
                anyhow::anyhow!(
                    "invalid --source `{text}`: the date `{trimmed}` is not YYYY-MM-DD \
                     (expected `OUTLET,URL,YYYY-MM-DD`)"
                )
            })?;
            if date.replace(parsed).is_some() {
                anyhow::bail!("invalid --source `{text}`: two dates");
            }
        } else {
            url_parts.push(part);
        }
    }
    let url = url_parts.join(",");
    Ok(Source {
        outlet: outlet.trim().to_owned(),
        url: Some(url.trim().to_owned()).filter(|u| !u.is_empty()),
        archived: None,
        date,
    })
}
