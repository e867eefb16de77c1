//! Command-line definitions (clap) and dispatch. Compiled into the binary only: the library's
//! API knows nothing of clap, the terminal or the environment.

/// Prints a line to stdout like `println!`, but returns the error where `println!` would
/// panic (stdout closed or full): what a write command recorded must not depend on its reader.
/// A closed pipe then ends the command quietly (`main`); a full disk is one `error:` line.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        writeln!(std::io::stdout(), $($arg)*)
    }};
}

/// Prints a line to stderr like `eprintln!`, its control characters shown, not sent (a
/// warning may name what a remote or a draft put there), ignoring a closed or full stderr
/// instead of panicking: a warning is not worth a crash.
macro_rules! warn {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let line = drafttrail::render::visible(&format!($($arg)*));
        let _ = writeln!(std::io::stderr(), "{line}");
    }};
}

mod amend;
mod attribute;
mod blame;
mod commit;
mod completions;
mod diff;
mod event;
mod export;
mod history;
mod identify;
mod import;
mod init;
mod log;
mod man;
mod output;
mod pin;
mod reading;
mod reference;
mod report;
mod shares;
mod show;
mod sync;
mod timeline;
mod trace;
mod verify;

use std::path::{Path, PathBuf};

use anyhow::Result;
use clap::{Parser, Subcommand};
use drafttrail::store::{Identity, Store, WriteContext};

/// An error that is drafttrail's fault, not the user's (exit code 2).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct Internal(pub String);

/// A command line clap rejects: its message (without `error: `) and its tips as hints. It
/// leaves through `main` like every other error: exit 1, one `error:` line.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct Usage {
    /// The one-line message.
    pub message: String,
    /// What to try instead.
    pub hints: Vec<String>,
}

/// Whether `--verbose` was given: errors then print their causes.
static VERBOSE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Whether `--verbose` was given (false before the command line is parsed).
pub fn verbose() -> bool {
    VERBOSE.load(std::sync::atomic::Ordering::Relaxed)
}

/// Track successive drafts of a negotiated text: record versions, see how each provision
/// changed, when, and who reportedly shaped it.
#[derive(Debug, Parser)]
#[command(name = "drafttrail", version, max_term_width = 100)]
#[command(after_help = "Examples:
  drafttrail import drafts --init     record every draft in drafts/ into ./history
  drafttrail log                      list the recorded versions
  drafttrail show 28-point-plan       print one version
  drafttrail diff 28-point-plan 20-point-framework
                                      how each provision changed

A store is a bare git repository (default ./history, found upward like .git).")]
pub struct Cli {
    /// Use the store at DIR instead of finding ./history upward
    #[arg(long, global = true, value_name = "DIR", env = "DRAFTTRAIL_REPO")]
    repo: Option<PathBuf>,

    /// When to colour terminal output (NO_COLOR is honoured)
    #[arg(long, global = true, value_enum, default_value_t = output::ColorChoice::Auto)]
    color: output::ColorChoice,

    /// Never send output through a pager ($DRAFTTRAIL_PAGER, $PAGER or `less -FRX` on a terminal)
    #[arg(long, global = true)]
    no_pager: bool,

    /// On an error, also print what caused it (`caused by:` lines: libgit2's class and code…)
    #[arg(long, global = true)]
    verbose: bool,

    /// In lineage views (history, blame, shares, timeline, report), also reinstate a
    /// provision from a version of another track recorded before it, not only from an
    /// ancestor
    #[arg(long, global = true)]
    across_tracks: bool,

    /// With --format csv: begin with a UTF-8 byte-order mark, so that spreadsheet programs
    /// read accented and Cyrillic text right
    #[arg(long, global = true)]
    bom: bool,

    #[command(subcommand)]
    command: Command,
}

/// The clap command tree, for completions and the man page.
pub fn command() -> clap::Command {
    <Cli as clap::CommandFactory>::command()
}

#[derive(Debug, Subcommand)]
enum Command {
    Init(init::InitArgs),
    Commit(commit::CommitArgs),
    Diff(diff::DiffArgs),
    Export(export::ExportArgs),
    Import(import::ImportArgs),
    Log(log::LogArgs),
    Show(show::ShowArgs),
    History(history::HistoryArgs),
    Blame(blame::BlameArgs),
    Shares(shares::SharesArgs),
    Timeline(timeline::TimelineArgs),
    Attribute(attribute::AttributeArgs),
    Amend(amend::AmendArgs),
    Withdraw(amend::WithdrawArgs),
    Event(event::EventArgs),
    Identify(identify::IdentifyArgs),
    Reference(reference::ReferenceArgs),
    Trace(trace::TraceArgs),
    Pin(pin::PinArgs),
    /// Remove a pin set with `drafttrail pin`
    Unpin(pin::PinArgs),
    Sync(sync::SyncArgs),
    Report(report::ReportArgs),
    Verify(verify::VerifyArgs),
    Completions(completions::CompletionsArgs),
    Man(man::ManArgs),
}

/// Parses the command line and runs the command.
/// Returns the exit code of a command that succeeded: 0, or 1 for `diff --exit-code` when
/// the texts differ (as git).
pub fn run() -> Result<std::process::ExitCode> {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            use clap::error::ErrorKind;
            if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
                e.print()?;
                return Ok(std::process::ExitCode::SUCCESS);
            }
            // Usage errors are user errors: exit 1 like every other, and one `error:` line
            // like every other (clap's tips become hints).
            let text = e.render().to_string();
            let mut lines = text.lines().filter(|l| !l.trim().is_empty());
            let first = lines.next().unwrap_or("invalid arguments");
            let mut message = first.strip_prefix("error: ").unwrap_or(first).to_owned();
            let mut hints = Vec::new();
            for line in lines.map(str::trim) {
                if let Some(tip) = line.strip_prefix("tip: ") {
                    hints.push(tip.to_owned());
                } else if let Some(values) = line
                    .strip_prefix("[possible values: ")
                    .and_then(|v| v.strip_suffix(']'))
                {
                    // The valid values belong on the error line itself.
                    message.push_str(&format!(" (expected one of: {values})"));
                }
            }
            hints.push("see `drafttrail --help`, or `drafttrail COMMAND --help`".to_owned());
            return Err(Usage { message, hints }.into());
        }
    };
    VERBOSE.store(cli.verbose, std::sync::atomic::Ordering::Relaxed);
    let global = Global {
        repo: cli.repo.clone(),
        color: cli.color,
        no_pager: cli.no_pager,
        across_tracks: cli.across_tracks,
        bom: cli.bom,
    };
    let done = match cli.command {
        Command::Diff(args) => return diff::run(&global, args),
        Command::Init(args) => init::run(&global, args),
        Command::Export(args) => export::run(&global, args),
        Command::Commit(args) => commit::run(&global, args),
        Command::Import(args) => import::run(&global, args),
        Command::Log(args) => log::run(&global, args),
        Command::Show(args) => show::run(&global, args),
        Command::History(args) => history::run(&global, args),
        Command::Blame(args) => blame::run(&global, args),
        Command::Shares(args) => shares::run(&global, args),
        Command::Timeline(args) => timeline::run(&global, args),
        Command::Attribute(args) => attribute::run(&global, args),
        Command::Amend(args) => amend::run_amend(&global, args),
        Command::Withdraw(args) => amend::run_withdraw(&global, args),
        Command::Event(args) => event::run(&global, args),
        Command::Identify(args) => identify::run(&global, args),
        Command::Reference(args) => reference::run(&global, args),
        Command::Trace(args) => trace::run(&global, args),
        Command::Pin(args) => pin::run_pin(&global, args),
        Command::Unpin(args) => pin::run_unpin(&global, args),
        Command::Sync(args) => sync::run(&global, args),
        Command::Report(args) => report::run(&global, args),
        Command::Verify(args) => verify::run(&global, args),
        Command::Completions(args) => completions::run(args),
        Command::Man(args) => man::run(args),
    };
    done.map(|()| std::process::ExitCode::SUCCESS)
}

/// Options every command sees.
pub struct Global {
    repo: Option<PathBuf>,
    color: output::ColorChoice,
    no_pager: bool,
    across_tracks: bool,
    bom: bool,
}

impl Global {
    /// How to render to standard output.
    fn render_options(&self) -> drafttrail::render::RenderOptions {
        drafttrail::render::RenderOptions {
            bom: self.bom,
            ..output::render_options(self.color)
        }
    }

    /// The pager for long output, if any.
    fn pager(&self) -> Option<String> {
        use std::io::IsTerminal;
        output::choose_pager(
            self.no_pager,
            std::io::stdout().is_terminal(),
            std::env::var("DRAFTTRAIL_PAGER").ok().as_deref(),
            std::env::var("PAGER").ok().as_deref(),
        )
    }

    /// Opens the store named by `--repo`/`DRAFTTRAIL_REPO`, or finds one upward.
    fn store(&self) -> Result<Store> {
        Ok(match &self.repo {
            Some(path) => Store::open(path)?,
            None => Store::discover(&std::env::current_dir()?)?,
        })
    }

    /// The path `init` and `import --init` create a store at.
    fn default_store_path(&self) -> PathBuf {
        self.repo
            .clone()
            .unwrap_or_else(|| PathBuf::from(drafttrail::store::DEFAULT_DIR))
    }
}

/// Builds the lineage of every version in the store, honouring pins.
fn load_lineage(global: &Global, store: &Store) -> Result<drafttrail::lineage::Lineage> {
    Ok(drafttrail::load::lineage_with(store, global.across_tracks)?)
}

/// The lineage of the store, and the index of `rev` in it (default: the latest version).
fn lineage_at(global: &Global, rev: Option<&str>) -> Result<(drafttrail::lineage::Lineage, usize)> {
    let store = global.store()?;
    let version = match rev {
        Some(rev) => store.resolve(rev)?,
        None => store.tip()?.ok_or(drafttrail::Error::EmptyStore)?,
    };
    let lineage = load_lineage(global, &store)?;
    let v = lineage
        .node(&version.id)
        .ok_or_else(|| drafttrail::Error::UnknownRevision(version.id.clone()))?;
    Ok((lineage, v))
}

/// Returns a hint for errors where one helps.
pub fn hint(err: &drafttrail::Error) -> Option<&'static str> {
    use drafttrail::Error as E;
    match err {
        E::NoStore { .. } => Some("run `drafttrail init` to create one, or pass --repo DIR"),
        E::NotAStore { .. } => Some("run `drafttrail init DIR` to create a store there"),
        E::UnknownRevision(_) | E::AmbiguousRevision { .. } | E::PastRoot { .. } => {
            Some("run `drafttrail log` to list versions")
        }
        E::UnknownParent { .. } => {
            Some("record the parent first, or run `drafttrail log` to list versions")
        }
        E::NotOwned { .. } => Some(
            "if you trust it: git config --global --add safe.directory <absolute path of the store>",
        ),
        E::ReadOnlyStore { .. } => Some("record into a copy: git clone --bare STORE COPY"),
        E::EmptyStore => {
            Some("record drafts with `drafttrail commit FILE` or `drafttrail import DIR`")
        }
        _ => None,
    }
}

/// Builds the write context: recorder from `--recorder`, `GIT_COMMITTER_*`, git config or
/// `$USER`; time from `DRAFTTRAIL_NOW` (for reproducible tests) or the clock.
fn write_context(recorder: Option<&str>) -> Result<WriteContext> {
    let identity = match recorder {
        Some(text) => parse_identity(text),
        None => match std::env::var("GIT_COMMITTER_NAME") {
            Ok(name) => Identity {
                name,
                email: std::env::var("GIT_COMMITTER_EMAIL").unwrap_or_default(),
            },
            Err(_) => drafttrail::store::git_config_identity().unwrap_or_else(|| Identity {
                name: std::env::var("USER").unwrap_or_else(|_| "unknown".into()),
                email: String::new(),
            }),
        },
    };
    let now = match std::env::var("DRAFTTRAIL_NOW") {
        Ok(text) => chrono::DateTime::parse_from_rfc3339(&text)
            .map_err(|e| anyhow::anyhow!("DRAFTTRAIL_NOW=`{text}`: {e} (expected RFC 3339)"))?
            .to_utc(),
        Err(_) => chrono::Utc::now(),
    };
    Ok(WriteContext::new(identity, now).with_summary(drafttrail::align::summary_line))
}

/// Parses `Name <email>` or a bare name.
fn parse_identity(text: &str) -> Identity {
    match text.split_once('<') {
        Some((name, rest)) => Identity {
            name: name.trim().to_owned(),
            email: rest.trim_end_matches('>').trim().to_owned(),
        },
        None => Identity {
            name: text.trim().to_owned(),
            email: String::new(),
        },
    }
}

/// Shows a path relative to the current folder when it is inside it.
fn display_path(path: &Path) -> String {
    std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| path.to_path_buf())
        .display()
        .to_string()
}
