//! Where output goes: stdout, buffered, with colour decided once from the flag, the tty and
//! the conventions every colouring tool follows (`NO_COLOR`, `CLICOLOR`, `CLICOLOR_FORCE`,
//! `TERM=dumb`), read by `anstyle-query` as clap and anstream read them.

use std::io::{IsTerminal, Write};

use drafttrail::render::{Format, RenderOptions};

/// `--color` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// Colour when stdout is a terminal that supports it (NO_COLOR, CLICOLOR=0 and TERM=dumb
    /// turn it off; CLICOLOR_FORCE turns it on)
    Auto,
    /// Always colour
    Always,
    /// Never colour
    Never,
    /// Print style labels, `<<label::text>>`, instead of colours (for reviewing styles)
    #[value(hide = true)]
    Debug,
}

/// `--format` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatArg {
    /// Terminal text
    Term,
    /// Markdown
    Md,
    /// JSON (stable schema)
    Json,
    /// CSV, one row per change, appearance, item or version (diff, history, timeline, log)
    Csv,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Term => Format::Term,
            FormatArg::Md => Format::Markdown,
            FormatArg::Json => Format::Json,
            FormatArg::Csv => Format::Csv,
        }
    }
}

/// Decides the render options for stdout.
pub fn render_options(choice: ColorChoice) -> RenderOptions {
    let color = match choice {
        ColorChoice::Always => true,
        ColorChoice::Never | ColorChoice::Debug => false,
        ColorChoice::Auto => auto_color(&Environment::read(), std::io::stdout().is_terminal()),
    };
    RenderOptions {
        color,
        labels: choice == ColorChoice::Debug,
        ..RenderOptions::default()
    }
}

/// What the environment says about colour.
#[derive(Debug, Clone, Copy, Default)]
struct Environment {
    /// `NO_COLOR` is set and not empty.
    no_color: bool,
    /// `CLICOLOR_FORCE` is set and not `0`.
    clicolor_force: bool,
    /// `CLICOLOR`: `Some(false)` for `0`.
    clicolor: Option<bool>,
    /// `TERM` names a terminal with colours (not `dumb`).
    term_supports_color: bool,
    /// Running under CI, whose logs show colours.
    ci: bool,
}

impl Environment {
    fn read() -> Environment {
        Environment {
            no_color: anstyle_query::no_color(),
            clicolor_force: anstyle_query::clicolor_force(),
            clicolor: anstyle_query::clicolor(),
            term_supports_color: anstyle_query::term_supports_color(),
            ci: anstyle_query::is_ci(),
        }
    }
}

/// `--color=auto`: the precedence anstream uses — `NO_COLOR`, then `CLICOLOR_FORCE`, then
/// `CLICOLOR=0`, then a terminal whose `TERM` (or `CLICOLOR=1`, or CI) says it shows colour.
fn auto_color(env: &Environment, is_tty: bool) -> bool {
    if env.no_color {
        false
    } else if env.clicolor_force {
        true
    } else if env.clicolor == Some(false) {
        false
    } else {
        is_tty && (env.term_supports_color || env.clicolor == Some(true) || env.ci)
    }
}

/// Returns the pager command to use, if any: none with `--no-pager` or when stdout is not a
/// terminal; else `$DRAFTTRAIL_PAGER`, else `$PAGER`, else `less -FRX`. An empty value or
/// `cat` means no pager.
pub fn choose_pager(
    no_pager: bool,
    stdout_is_tty: bool,
    drafttrail_pager: Option<&str>,
    pager: Option<&str>,
) -> Option<String> {
    if no_pager || !stdout_is_tty {
        return None;
    }
    let cmd = drafttrail_pager.or(pager).unwrap_or("less -FRX").trim();
    (!cmd.is_empty() && cmd != "cat").then(|| cmd.to_owned())
}

/// Runs `f` with a buffered stdout (through the pager when `pager` is set) and flushes it.
pub fn with_stdout(
    pager: Option<&str>,
    f: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> anyhow::Result<()> {
    if let Some(cmd) = pager {
        let child = std::process::Command::new("sh")
            .args(["-c", cmd])
            .env(
                "LESS",
                std::env::var("LESS").unwrap_or_else(|_| "FRX".into()),
            )
            .stdin(std::process::Stdio::piped())
            .spawn();
        // A pager that cannot start is not worth failing for: print directly instead.
        if let Ok(mut child) = child
            && let Some(stdin) = child.stdin.take()
        {
            let mut out = std::io::BufWriter::new(stdin);
            let result = f(&mut out).and_then(|()| out.flush());
            drop(out);
            let _ = child.wait();
            // The reader quitting the pager early closes the pipe: not an error.
            return match result {
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                other => Ok(other?),
            };
        }
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    f(&mut out)?;
    out.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auto_colour_follows_the_conventions() {
        let tty_term = Environment {
            term_supports_color: true,
            ..Environment::default()
        };
        assert!(auto_color(&tty_term, true));
        assert!(!auto_color(&tty_term, false), "not a terminal");
        let dumb = Environment::default();
        assert!(!auto_color(&dumb, true), "TERM=dumb");
        let no_color = Environment {
            no_color: true,
            clicolor_force: true,
            ..tty_term
        };
        assert!(!auto_color(&no_color, true), "NO_COLOR wins");
        let forced = Environment {
            clicolor_force: true,
            ..Environment::default()
        };
        assert!(
            auto_color(&forced, false),
            "CLICOLOR_FORCE, even into a pipe"
        );
        let off = Environment {
            clicolor: Some(false),
            ..tty_term
        };
        assert!(!auto_color(&off, true), "CLICOLOR=0");
        let on = Environment {
            clicolor: Some(true),
            ..Environment::default()
        };
        assert!(
            auto_color(&on, true),
            "CLICOLOR=1 on a terminal without TERM"
        );
    }

    #[test]
    fn pager_selection() {
        assert_eq!(
            choose_pager(false, false, Some("most"), None),
            None,
            "no pager without a tty"
        );
        assert_eq!(
            choose_pager(true, true, Some("most"), None),
            None,
            "--no-pager wins"
        );
        assert_eq!(
            choose_pager(false, true, Some("most"), Some("more")),
            Some("most".into())
        );
        assert_eq!(
            choose_pager(false, true, None, Some("more")),
            Some("more".into())
        );
        assert_eq!(
            choose_pager(false, true, None, None),
            Some("less -FRX".into())
        );
        assert_eq!(choose_pager(false, true, Some(""), Some("more")), None);
        assert_eq!(choose_pager(false, true, None, Some("cat")), None);
    }
}
