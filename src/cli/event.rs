//! `drafttrail event add` and `drafttrail event list`: the talks and meetings drafts came out
//! of, without writing an `events.toml` by hand.

use anyhow::{Result, bail};
use chrono::NaiveDate;
use drafttrail::events::{Event, Events};
use drafttrail::render::{self, View};

use super::output::{FormatArg, with_stdout};
use super::{Global, write_context};

/// Record or list events: the talks, meetings and announcements drafts came out of
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  drafttrail event add geneva-talks --title \"US–Ukraine talks in Geneva\" --date 2025-11-23 \\
      --place Geneva --who \"Marco Rubio\" --who \"Andriy Yermak\" \\
      --source \"White House,https://www.whitehouse.gov/...,2025-11-23\"
  drafttrail event add miami-drafting --title \"The plan is worked out in Miami\" \\
      --date 2025-10-24 --until 2025-10-26
  drafttrail event list
  drafttrail commit leak.md --event geneva-talks       a version that came out of it")]
pub struct EventArgs {
    #[command(subcommand)]
    command: EventCommand,
}

#[derive(Debug, clap::Subcommand)]
enum EventCommand {
    /// Record an event (append-only history; shared by sync)
    Add(AddArgs),
    /// List the recorded events in date order
    List(ListArgs),
}

#[derive(Debug, clap::Args)]
struct AddArgs {
    /// The id versions name it by (`--event ID`, `events = [ID]`), e.g. geneva-talks
    id: String,
    /// What happened
    #[arg(long)]
    title: String,
    /// The day (the first day, with --until)
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<NaiveDate>,
    /// The last day of an event of several days
    #[arg(long, value_name = "YYYY-MM-DD", requires = "date")]
    until: Option<NaiveDate>,
    /// Where it happened
    #[arg(long)]
    place: Option<String>,
    /// Who took part, as reported; repeatable
    #[arg(long, value_name = "NAME")]
    who: Vec<String>,
    /// A short note on what was reported
    #[arg(long)]
    note: Option<String>,
    /// A source, `OUTLET[,URL][,YYYY-MM-DD]`; repeatable
    #[arg(long, value_name = "OUTLET,URL,DATE")]
    source: Vec<String>,
    /// Replace an event of the same id (its history is kept)
    #[arg(long)]
    replace: bool,
    /// Who is recording, `Name <email>` [default: git's user.name and user.email]
    #[arg(long, value_name = "NAME <EMAIL>")]
    recorder: Option<String>,
}

#[derive(Debug, clap::Args)]
struct ListArgs {
    /// Output format
    #[arg(long, value_enum, default_value_t = FormatArg::Term)]
    format: FormatArg,
}

pub fn run(global: &Global, args: EventArgs) -> Result<()> {
    match args.command {
        EventCommand::Add(args) => add(global, args),
        EventCommand::List(args) => list(global, args),
    }
}

fn add(global: &Global, args: AddArgs) -> Result<()> {
    let store = global.store()?;
    let id = args.id.trim();
    let valid = !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if !valid {
        bail!("invalid event id `{id}`: use letters, digits, `-`, `_` or `.`");
    }
    if args.title.trim().is_empty() {
        bail!("the event's --title is empty");
    }
    if let (Some(from), Some(to)) = (args.date, args.until)
        && to < from
    {
        bail!("--until {to} is before --date {from}");
    }
    if !args.replace && store.events()?.get(id).is_some() {
        bail!("event `{id}` is already recorded; --replace to record a new description of it");
    }
    let mut sources = Vec::new();
    for s in &args.source {
        sources.push(super::commit::parse_source(s)?);
    }
    let (date, start, end) = match args.until {
        Some(until) => (None, args.date, Some(until)),
        None => (args.date, None, None),
    };
    let event = Event {
        id: id.to_owned(),
        title: args.title.trim().to_owned(),
        date,
        start,
        end,
        place: args.place,
        participants: args.who,
        note: args.note,
        sources,
    };
    let ctx = write_context(args.recorder.as_deref())?;
    let changed = store.writer(&ctx)?.merge_events(Events {
        events: vec![event],
    })?;
    if changed {
        say!("event {id} recorded")?;
    } else {
        say!("event {id} is already recorded exactly so")?;
    }
    Ok(())
}

fn list(global: &Global, args: ListArgs) -> Result<()> {
    let store = global.store()?;
    let events = store.events()?;
    let opts = global.render_options();
    with_stdout(global.pager().as_deref(), |out| {
        render::render(&View::Events(&events), args.format.into(), &opts, out)
    })
}
