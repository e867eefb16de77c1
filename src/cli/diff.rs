//! `drafttrail diff`.

use std::process::ExitCode;

use anyhow::{Result, bail};
use drafttrail::align::{self, AlignOptions};
use drafttrail::render::{self, DiffSide, DiffView, View};
use drafttrail::store::Version;

use super::Global;
use super::output::{FormatArg, with_stdout};

/// Show how provisions changed between two versions
///
/// Provisions are aligned across versions even when renumbered, moved, split, merged or
/// reworded; inside each aligned pair the redline is word by word. With no revision, compares
/// the most recently recorded version (`HEAD`) with its parent; with one, that version with
/// its parent.
///
/// Outside a store, two files are compared as with --no-index (as git does outside a
/// repository); `-` reads one side from standard input. --exit-code exits 1 when the texts
/// differ, as git; --quiet prints nothing and implies it.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  drafttrail diff                                   latest version against its parent
  drafttrail diff 28-point-plan 20-point-framework  any two versions
  drafttrail diff europe --changed-only             the E3 text against the US plan it answers
  drafttrail diff us~1 us --provision 6             one provision
  drafttrail diff --no-index old.md new.md          two files, no store needed
  pdftotext new.pdf - | drafttrail diff old.txt -   one side from standard input
  drafttrail diff --quiet a.md b.md && echo same    exit 1 when they differ
  drafttrail diff A B --format json                 stable JSON for scripts
  drafttrail diff A B --format csv --bom > a-b.csv  a concordance for a spreadsheet
  drafttrail diff A B --explain                     why each pair was linked
  drafttrail diff A B --substantive                 hide editorial-only changes")]
pub struct DiffArgs {
    /// The old version (or, alone, the version to compare with its parent); a file with --no-index
    old: Option<String>,
    /// The new version; a file with --no-index
    new: Option<String>,
    /// Compare two files instead of stored versions (`-` is standard input); the default
    /// outside a store
    #[arg(long)]
    no_index: bool,
    /// Exit 1 when the texts differ, 0 when they do not (as `git diff --exit-code`)
    #[arg(long)]
    exit_code: bool,
    /// Print nothing; exit 1 when the texts differ (implies --exit-code)
    #[arg(long, short = 'q')]
    quiet: bool,
    /// Output format
    #[arg(long, value_enum, default_value_t = FormatArg::Term)]
    format: FormatArg,
    /// Hide provisions that did not change (renumbered or moved ones stay)
    #[arg(long)]
    changed_only: bool,
    /// Show only the change involving this provision id, on either side; `old:ID` or
    /// `new:ID` picks a side when both have an ID (the old 7 and the new 7 are often different
    /// provisions)
    #[arg(long, value_name = "[old:|new:]ID")]
    provision: Option<String>,
    /// Say why each pair was linked: exact, editorial, similar (with the rarest shared words),
    /// context (between which aligned neighbours), split or merge (coverage), containment, pin
    #[arg(long)]
    explain: bool,
    /// Hide unchanged provisions and those whose only changes are editorial (punctuation,
    /// case, spacing); renumbered or moved ones stay
    #[arg(long)]
    substantive: bool,
    /// How redlines are cut: `phrases` folds short unchanged runs between changes into them,
    /// so reworded passages read as whole phrases replaced; `raw` shows the word-by-word diff
    #[arg(long, value_enum, value_name = "MODE", default_value_t = WordDiff::Phrases)]
    word_diff: WordDiff,
    /// Treat texts that differ only in whitespace, even inside a line, as unchanged (as
    /// `git diff -w`)
    #[arg(short = 'w', long)]
    ignore_all_space: bool,
    /// Ignore carriage returns at line ends (as `git diff --ignore-cr-at-eol`); always on:
    /// line endings and re-wrapping alone are never changes
    #[arg(long)]
    ignore_cr_at_eol: bool,
    /// Language of both texts, for matching words by their stems (en, fr, de, es, it, pt, nl,
    /// ru, uk); default: each version's front matter `lang`, else detected from its text
    #[arg(long, value_name = "LANG")]
    lang: Option<drafttrail::lang::Lang>,
}

/// How redlines are cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum WordDiff {
    /// Whole phrases deleted and inserted
    Phrases,
    /// Word by word, as diffed
    Raw,
}

pub fn run(global: &Global, args: DiffArgs) -> Result<ExitCode> {
    let mut pins = Vec::new();
    let langs;
    let partial;
    let mut stored = None;
    let (old_side, old_text, new_side, new_text) = if args.no_index
        || files_outside_a_store(global, &args)
    {
        let (Some(old), Some(new)) = (&args.old, &args.new) else {
            bail!("--no-index needs two files: drafttrail diff --no-index OLD_FILE NEW_FILE");
        };
        if old == "-" && new == "-" {
            bail!("only one side can be standard input (`-`)");
        }
        let (a, at, am) = read_side(old)?;
        let (b, bt, bm) = read_side(new)?;
        langs = [am.language(), bm.language()];
        partial = [am.is_partial(), bm.is_partial()];
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
        langs = [old.meta.language(), new.meta.language()];
        partial = [old.meta.is_partial(), new.meta.is_partial()];
        let sides = (side(&old), old_text, side(&new), new_text);
        stored = Some((store, old, new));
        sides
    };
    let langs = match args.lang {
        Some(lang) => [Some(lang), Some(lang)],
        None => langs,
    };
    let opts = AlignOptions {
        pins,
        langs,
        partial,
        raw_redline: args.word_diff == WordDiff::Raw,
        ignore_all_space: args.ignore_all_space,
        ..AlignOptions::default()
    };
    let alignment = align::diff(&old_text, &new_text, &opts);
    if let Some(p) = &args.provision {
        check_provision(&alignment, p)?;
    }
    let differ = alignment.summary().has_changes();
    let code = if (args.exit_code || args.quiet) && differ {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    };
    if args.quiet {
        return Ok(code);
    }
    if old_text == new_text && args.format == FormatArg::Term {
        let name = |s: &DiffSide| {
            s.path
                .clone()
                .or_else(|| s.label.clone())
                .unwrap_or_default()
        };
        say!(
            "no differences: {} and {} have the same text",
            name(&old_side),
            name(&new_side)
        )?;
        return Ok(code);
    }
    // Provisions shown as added that an ancestor of the new version had come back.
    let reinstated = match &stored {
        Some((store, old, new)) => drafttrail::load::reinstated(store, old, new, &alignment)?,
        None => Vec::new(),
    };
    let view = DiffView {
        reinstated,
        old: old_side,
        new: new_side,
        alignment: &alignment,
        changed_only: args.changed_only,
        provision: args.provision,
        explain: args.explain,
        substantive: args.substantive,
    };
    let opts = global.render_options();
    with_stdout(global.pager().as_deref(), |out| {
        render::render(&View::Diff(&view), args.format.into(), &opts, out)
    })?;
    Ok(code)
}

/// Fails, listing the provisions there are, when `--provision` names none of them.
fn check_provision(alignment: &align::Alignment, wanted: &str) -> Result<()> {
    let ids = |ps: &[drafttrail::provisions::Provision]| -> Vec<String> {
        ps.iter().map(|p| p.id.clone()).collect()
    };
    let (old, new) = (ids(&alignment.old), ids(&alignment.new));
    let (sides, id): (&[(&str, &Vec<String>)], &str) = match wanted.split_once(':') {
        Some(("old", id)) => (&[("old", &old)], id),
        Some(("new", id)) => (&[("new", &new)], id),
        _ => (&[("old", &old), ("new", &new)], wanted),
    };
    if sides.iter().any(|(_, ids)| ids.iter().any(|i| i == id)) {
        return Ok(());
    }
    let listing = |ids: &[String]| {
        let shown: Vec<&str> = ids.iter().take(40).map(String::as_str).collect();
        let more = ids.len().saturating_sub(shown.len());
        if more > 0 {
            format!("{} … ({} in all)", shown.join(", "), ids.len())
        } else {
            shown.join(", ")
        }
    };
    let known: Vec<String> = sides
        .iter()
        .map(|(side, ids)| format!("{side}: {}", listing(ids)))
        .collect();
    bail!(
        "no provision `{id}` in the {}; provisions are {}",
        if sides.len() == 2 {
            "old or the new version"
        } else {
            sides[0].0
        },
        known.join("; ")
    )
}

/// Whether `diff A B` names a file and no store can be found: then it compares the files,
/// as git does outside a repository.
fn files_outside_a_store(global: &Global, args: &DiffArgs) -> bool {
    let is_file = |p: &Option<String>| {
        p.as_deref()
            .is_some_and(|p| p == "-" || std::path::Path::new(p).is_file())
    };
    global.repo.is_none()
        && args.old.is_some()
        && args.new.is_some()
        && (is_file(&args.old) || is_file(&args.new))
        && global.store().is_err()
}

/// One side of a file comparison: a file, or standard input for `-`.
fn read_side(p: &str) -> Result<(DiffSide, String, drafttrail::draft::DraftMeta)> {
    let draft = super::reading::read_any(p)?;
    let side = DiffSide {
        path: Some(p.to_owned()),
        label: draft.meta.label.clone(),
        date: draft.meta.dates.best(),
        verbatim: draft.meta.verbatim(),
        ..DiffSide::default()
    };
    Ok((side, draft.body, draft.meta))
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
        verbatim: v.meta.verbatim(),
    }
}
