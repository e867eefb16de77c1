//! End-to-end tests of the `drafttrail` binary. One test binary for the whole suite (one link
//! on a 2-core machine); each module covers one command family.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

// TestEnv: a temporary store, hermetic git config, fixed clock, no colour.
mod common;
// init, commit, import, log, show: the store and its error handling.
mod cli_store;
// Several processes writing one store at once.
mod concurrency;
// SIGKILL at every crash point of an import, then resume.
mod crash;
// Extreme and hostile input, a read-only store.
mod hostile;
// diff: snapshots of the sample pairs, --no-index, errors.
mod cli_diff;
// history, blame, shares, timeline, attribute, pin, sync.
mod cli_lineage;
// The HTML report: escaping and the headless-Chromium check.
mod report;
// Colour, completions, man page, help, broken pipes.
mod cli_feel;
// Every view × format on the sample corpus, under snapshot.
mod views;
// The layer rules of ARCHITECTURE.md, read from the source.
mod layers;
// sync against remotes that cannot be trusted.
mod remote;
// sync with real servers on localhost: git daemon, https with TLS, sshd.
mod hosts;
// git's habits: diff of files outside a store, stdin, exit codes, HEAD, log shortcuts.
mod git_habits;
// amend and withdraw: corrections without rewriting history.
mod corrections;
// Where the wording came from: re-tabled texts.
mod wording;
// The sample corpus against its hand-made gold alignment (tests/gold).
mod gold;
// Documents as they arrive: PDF, Word, OpenDocument, web pages, scans, encodings.
mod ingest;
// Exports: CSV.
mod exports;
