//! The `drafttrail` binary: parses arguments, runs the command, maps errors to exit codes.

mod cli;

use std::io::Write as _;
use std::process::ExitCode;

/// Writes one line to stderr; a closed or full stderr is no reason to panic.
/// Control characters (from a label, a claim, a remote) are shown, never sent.
fn err_line(line: std::fmt::Arguments<'_>) {
    let line = drafttrail::render::visible(&line.to_string());
    let _ = writeln!(std::io::stderr(), "{line}");
}

fn main() -> ExitCode {
    match cli::run() {
        Ok(code) => code,
        Err(err) => {
            // `drafttrail log | head` closes the pipe early: that is not an error.
            let broken_pipe = err.chain().any(|cause| {
                cause
                    .downcast_ref::<std::io::Error>()
                    .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            });
            if broken_pipe {
                return ExitCode::SUCCESS;
            }
            if let Some(usage) = err.downcast_ref::<cli::Usage>() {
                err_line(format_args!("error: {usage}"));
                for hint in &usage.hints {
                    err_line(format_args!("hint: {hint}"));
                }
                return ExitCode::from(1);
            }
            let lib = err
                .chain()
                .find_map(|c| c.downcast_ref::<drafttrail::Error>());
            // One line: the command's context down to drafttrail's error, which already words
            // its cause; what lies below it (libgit2's class and code, an OS error) is printed
            // with `--verbose`.
            let mut line = Vec::new();
            let mut causes = Vec::new();
            let mut below = false;
            for cause in err.chain() {
                if below {
                    causes.push(cause.to_string());
                } else {
                    line.push(cause.to_string());
                    below = cause.downcast_ref::<drafttrail::Error>().is_some();
                }
            }
            err_line(format_args!("error: {}", line.join(": ")));
            if cli::verbose() {
                for cause in causes {
                    err_line(format_args!("caused by: {cause}"));
                }
            }
            if let Some(hint) = lib.and_then(cli::hint) {
                err_line(format_args!("hint: {hint}"));
            }
            let user = lib.is_none_or(drafttrail::Error::is_user_error)
                && err.downcast_ref::<cli::Internal>().is_none();
            ExitCode::from(if user { 1 } else { 2 })
        }
    }
}
