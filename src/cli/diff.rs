//! `drafttrail diff`.

use std::path::PathBuf;

use anyhow::{Result, bail};
use drafttrail::align::{self, AlignOptions};
use drafttrail::render::{self, DiffSide, DiffView, Format};
use drafttrail::store::Version;

use super::Global;
use super::output::{FormatArg, render_options, with_stdout};

/// Show how provisions changed between two versions
///
/// Provisions are aligned across versions even when renumbered, moved, split, merged or
/// reworded; inside each aligned pair the redline is word by word. With no revision, compares
/// the latest recorded version with its parent; with one, that version with its parent.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  drafttrail diff                                   latest version against its parent
  drafttrail diff 28-point-plan 20-point-framework  any two versions
  drafttrail diff europe --changed-only             the E3 text against the US plan it answers
  drafttrail diff us~1 us --provision 6             one provision
  drafttrail diff --no-index old.md new.md          two files, no store needed
  drafttrail diff A B --format json                 stable JSON for scripts")]
pub struct DiffArgs {
    /// The old version (or, alone, the version to compare with its parent); a file with --no-index
    old: Option<String>,
    /// The new version; a file with --no-index
    new: Option<String>,
    /// Compare two files instead of stored versions
    #[arg(long)]
    no_index: bool,
    /// Output format
    #[arg(long, value_enum, default_value_t = FormatArg::Term)]
    format: FormatArg,
    /// Hide provisions that did not change (renumbered or moved ones stay)
    #[arg(long)]
    changed_only: bool,
    /// Show only the change involving this provision id (on either side)
    #[arg(long, value_name = "ID")]
    provision: Option<String>,
}

pub fn run(global: &Global, args: DiffArgs) -> Result<()> {
    let mut pins = Vec::new();
    let (old_side, old_text, new_side, new_text) = if args.no_index {
        let (Some(old), Some(new)) = (&args.old, &args.new) else {
            bail!("--no-index needs two files: drafttrail diff --no-index OLD_FILE NEW_FILE");
        };
        let read = |p: &String| -> Result<(DiffSide, String)> {
            let draft = drafttrail::draft::read_file(&PathBuf::from(p))?;
            let side = DiffSide {
                path: Some(p.clone()),
                label: draft.meta.label.clone(),
                date: draft.meta.dates.best(),
                verbatim: !draft.meta.text.is_some_and(|t| t.is_not_verbatim()),
                ..DiffSide::default()
            };
            Ok((side, draft.body))
        };
        let (a, at) = read(old)?;
        let (b, bt) = read(new)?;
        (a, at, b, bt)
    } else {
        let store = global.store()?;
        let (old, new) = match (&args.old, &args.new) {
            (Some(old), Some(new)) => (store.resolve(old)?, store.resolve(new)?),
            (one, None) => {
                let new = match one {
                    Some(rev) => store.resolve(rev)?,
                    None => store.tip()?.ok_or(drafttrail::Error::EmptyStore)?,
                };
                let Some(parent) = new.parents.first() else {
                    bail!(
                        "`{}` is the first version of its lineage: name two versions to compare",
                        new.label()
                    );
                };
                (store.resolve(parent)?, new)
            }
            (None, Some(_)) => unreachable_args()?,
        };
        let old_text = store.body(&old)?;
        let new_text = store.body(&new)?;
        pins = align::pins_between(&store.pins()?, &old.id, &new.id);
        (side(&old), old_text, side(&new), new_text)
    };
    let opts = AlignOptions {
        pins,
        ..AlignOptions::default()
    };
    let alignment = align::diff(&old_text, &new_text, &opts);
    let view = DiffView {
        old: old_side,
        new: new_side,
        alignment: &alignment,
        changed_only: args.changed_only,
        provision: args.provision,
    };
    let opts = render_options(global.color);
    with_stdout(global.pager().as_deref(), |out| {
        match Format::from(args.format) {
            Format::Term => render::diff_term::diff(&view, &opts, out),
            Format::Markdown => render::diff_md::diff(&view, &opts, out),
            Format::Json => render::json::diff(&view, &opts, out),
        }
    })
}

fn unreachable_args() -> Result<(Version, Version)> {
    bail!("give the old version before the new one")
}

fn side(v: &Version) -> DiffSide {
    DiffSide {
        rev: Some(v.id.clone()),
        path: None,
        label: Some(v.label().to_owned()),
        date: v.meta.dates.best(),
        verbatim: !v.meta.text.is_some_and(|t| t.is_not_verbatim()),
    }
}
