//! Where output goes: stdout, buffered, with colour decided once from the flag, the tty and
//! `NO_COLOR`.

use std::io::{IsTerminal, Write};

use drafttrail::render::{Format, RenderOptions};

/// `--color` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// Colour when stdout is a terminal and NO_COLOR is unset
    Auto,
    /// Always colour
    Always,
    /// Never colour
    Never,
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
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Term => Format::Term,
            FormatArg::Md => Format::Markdown,
            FormatArg::Json => Format::Json,
        }
    }
}

/// Decides the render options for stdout.
pub fn render_options(choice: ColorChoice) -> RenderOptions {
    let color = match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stdout().is_terminal()
        }
    };
    RenderOptions { color }
}

/// Runs `f` with a buffered stdout and flushes it.
pub fn with_stdout(f: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> anyhow::Result<()> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    f(&mut out)?;
    out.flush()?;
    Ok(())
}
