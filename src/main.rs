//! The `drafttrail` binary: parses arguments, runs the command, maps errors to exit codes.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    match cli::run() {
        Ok(()) => ExitCode::SUCCESS,
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
            let lib = err
                .chain()
                .find_map(|c| c.downcast_ref::<drafttrail::Error>());
            eprintln!("error: {err:#}");
            if let Some(hint) = lib.and_then(cli::hint) {
                eprintln!("hint: {hint}");
            }
            let user = lib.is_none_or(drafttrail::Error::is_user_error)
                && err.downcast_ref::<cli::Internal>().is_none();
            ExitCode::from(if user { 1 } else { 2 })
        }
    }
}
