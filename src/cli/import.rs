//! `drafttrail import DIR`.

use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::Result;
use drafttrail::Store;

use drafttrail::store::Recorded;

use super::commit::{describe, warn_if_ignored};
use super::{Global, display_path, write_context};

/// Record every draft in a folder, and its events.toml
///
/// Every `*.md`/`*.txt` file except READMEs is a draft, and so is every PDF, Word (.docx),
/// OpenDocument (.odt), web page (.html) and image (.png, .jpg, .tif: OCR), whose front matter
/// comes from a sidecar `NAME.toml` beside it. All files are checked before anything is
/// written; drafts are recorded parents first, then oldest first. Importing again records
/// nothing new.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  drafttrail import drafts --init    create ./history if needed, then record drafts/
  drafttrail import drafts -q        record quietly
  drafttrail import leaks --ocr-lang rus+ukr --changes both")]
pub struct ImportArgs {
    /// The folder of drafts
    dir: PathBuf,
    /// Create the store first if there is none
    #[arg(long)]
    init: bool,
    /// Print only errors
    #[arg(short, long)]
    quiet: bool,
    /// Who is recording, `Name <email>` [default: git's user.name and user.email]
    #[arg(long, value_name = "NAME <EMAIL>")]
    recorder: Option<String>,
    #[command(flatten)]
    read: super::reading::ReadArgs,
}

pub fn run(global: &Global, args: ImportArgs) -> Result<()> {
    let corpus = drafttrail::import::load_dir(&args.dir, &args.read.options())?;
    for (path, why) in &corpus.skipped {
        warn!("note: skipped {}: {why}", display_path(path));
    }
    for (path, draft) in &corpus.drafts {
        super::commit::warn_if_unnumbered(path, &draft.body);
    }
    let store = match global.store() {
        Err(e) if args.init && no_store_yet(&e) => Store::init(&global.default_store_path())?,
        other => other?,
    };
    let ctx = write_context(args.recorder.as_deref())?;
    let bar = (!args.quiet && std::io::stderr().is_terminal()).then(|| {
        let bar = indicatif::ProgressBar::new(corpus.drafts.len() as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} {msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    });
    let mut lines = Vec::new();
    let mut known = Vec::new();
    let summary = drafttrail::import::import(&store, &ctx, &corpus, |path, outcome| {
        if let Some(bar) = &bar {
            bar.set_message(display_path(path));
            bar.inc(1);
        }
        lines.push(describe(outcome));
        if matches!(
            outcome,
            Recorded::ExtraSources { .. } | Recorded::Unchanged { .. }
        ) {
            known.push((path.to_owned(), outcome.clone()));
        }
    })?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    for (path, outcome) in &known {
        warn_if_ignored(path, outcome);
    }
    if !args.quiet {
        for line in lines {
            say!("{line}")?;
        }
        say!(
            "{} new version(s), {} known text(s) with new sources, {} unchanged{} in {}",
            summary.new,
            summary.extra_sources,
            summary.unchanged,
            if summary.events_changed {
                "; events updated"
            } else {
                ""
            },
            display_path(store.path()),
        )?;
    }
    Ok(())
}

/// `--init` creates a store when none was found, or when `--repo` names a folder that holds
/// no repository yet; never over something else.
fn no_store_yet(e: &anyhow::Error) -> bool {
    match e.downcast_ref::<drafttrail::Error>() {
        Some(drafttrail::Error::NoStore { .. }) => true,
        Some(drafttrail::Error::NotAStore { path }) => !path.join("HEAD").exists(),
        _ => false,
    }
}
