//! `drafttrail reference add|list|show`: outside documents that drafts may borrow wording from.

use std::path::PathBuf;

use anyhow::Result;
use drafttrail::render::{self, View};

use super::commit::{describe, parse_source, set_date};
use super::output::{FormatArg, with_stdout};
use super::{Global, write_context};

/// Keep outside documents (a party's position paper, an earlier treaty, a communiqué) to trace
/// wording to
///
/// A reference document is stored like a version (its exact text and front matter) on a ref
/// of its own, outside every track: it never enters the lineage, but `trace` finds the
/// passages drafts reuse from it. `sync` shares references; `verify` reads them.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  drafttrail reference add russia-2021-draft-treaty.md --label \"Russian draft treaty (Dec 2021)\" \\
      --source \"MFA Russia,https://mid.ru/...,2021-12-17\" --date published=2021-12-17
  drafttrail reference list
  drafttrail reference show russian-draft-treaty-dec-2021 --raw
  drafttrail trace 28-point-plan                     which provisions reuse their wording")]
pub struct ReferenceArgs {
    #[command(subcommand)]
    command: ReferenceCommand,
}

#[derive(Debug, clap::Subcommand)]
enum ReferenceCommand {
    /// Record an outside document (a new text under a known label is a new revision of it)
    Add(AddArgs),
    /// List the reference documents
    List(ListArgs),
    /// Show a reference document: its metadata and text
    Show(ShowArgs),
}

#[derive(Debug, clap::Args)]
struct AddArgs {
    /// The document (text with optional front matter, as a draft; or a PDF, Word,
    /// OpenDocument, web page or image file)
    file: PathBuf,
    /// Its label [default: front matter, else the file name]
    #[arg(long)]
    label: Option<String>,
    /// A source, `OUTLET[,URL][,YYYY-MM-DD]`; repeatable
    #[arg(long, value_name = "OUTLET,URL,DATE")]
    source: Vec<String>,
    /// A date, `KIND=YYYY-MM-DD` (drafted, presented, leaked, published); repeatable
    #[arg(long, value_name = "[KIND=]DATE")]
    date: Vec<String>,
    /// Who is recording, `Name <email>` [default: git's user.name and user.email]
    #[arg(long, value_name = "NAME <EMAIL>")]
    recorder: Option<String>,
    #[command(flatten)]
    read: super::reading::ReadArgs,
}

#[derive(Debug, clap::Args)]
struct ListArgs {
    /// Output format
    #[arg(long, value_enum, default_value_t = FormatArg::Term)]
    format: FormatArg,
}

#[derive(Debug, clap::Args)]
struct ShowArgs {
    /// Its label, slug or id prefix
    name: String,
    /// Output format
    #[arg(long, value_enum, default_value_t = FormatArg::Term)]
    format: FormatArg,
    /// Print only the text, byte for byte
    #[arg(long, conflicts_with = "format")]
    raw: bool,
}

pub fn run(global: &Global, args: ReferenceArgs) -> Result<()> {
    match args.command {
        ReferenceCommand::Add(args) => add(global, args),
        ReferenceCommand::List(args) => list(global, args),
        ReferenceCommand::Show(args) => show(global, args),
    }
}

fn add(global: &Global, args: AddArgs) -> Result<()> {
    let store = global.store()?;
    let mut draft = drafttrail::import::read_draft(&args.file, &args.read.options())?.draft;
    if args.label.is_some() {
        draft.meta.label = args.label;
    }
    for s in &args.source {
        draft.meta.sources.push(parse_source(s)?);
    }
    for d in &args.date {
        set_date(&mut draft.meta.dates, d)?;
    }
    let ctx = write_context(args.recorder.as_deref())?;
    let outcome = store.writer(&ctx)?.add_reference(&draft, &args.file)?;
    say!("{}", describe(&outcome))?;
    Ok(())
}

fn list(global: &Global, args: ListArgs) -> Result<()> {
    let store = global.store()?;
    let references = store.references()?;
    let entries = drafttrail::log::entries(&references, false);
    let opts = global.render_options();
    with_stdout(global.pager().as_deref(), |out| {
        let view = View::Log {
            entries: &entries,
            oneline: true,
        };
        render::render(&view, args.format.into(), &opts, out)
    })
}

fn show(global: &Global, args: ShowArgs) -> Result<()> {
    let store = global.store()?;
    let reference = store.reference(&args.name)?;
    let body = store.body(&reference)?;
    let entry = drafttrail::log::entry(std::slice::from_ref(&reference), &reference);
    let opts = global.render_options();
    with_stdout(global.pager().as_deref(), |out| {
        if args.raw {
            return out.write_all(body.as_bytes());
        }
        let view = View::Show {
            entry: &entry,
            body: &body,
            reuses: &[],
        };
        render::render(&view, args.format.into(), &opts, out)
    })
}
