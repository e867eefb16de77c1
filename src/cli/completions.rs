//! `drafttrail completions SHELL`: a shell completion script.

use std::io::Write;

use anyhow::Result;

/// Print a shell completion script
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  drafttrail completions bash > ~/.local/share/bash-completion/completions/drafttrail
  drafttrail completions zsh > ~/.zfunc/_drafttrail
  drafttrail completions fish > ~/.config/fish/completions/drafttrail.fish")]
pub struct CompletionsArgs {
    /// The shell
    shell: clap_complete::Shell,
}

pub fn run(args: CompletionsArgs) -> Result<()> {
    let mut cmd = super::command();
    // Generated into memory first: clap_complete panics if its writer fails (`| head`).
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "drafttrail", &mut out);
    std::io::stdout().write_all(&out)?;
    Ok(())
}
