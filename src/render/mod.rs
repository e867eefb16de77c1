//! Output: finished data in, text out through a writer. Nothing here computes or reads state.
//!
//! One folder per format: `term` (plain or coloured terminal text), `markdown`, `json` (the
//! stable wire schema, its types in `json/wire.rs`), [`html`] (the self-contained report).
//! [`render`] is the one entry point of the first three: a [`View`] (which view, borrowing its
//! data), a [`Format`], the [`RenderOptions`] and a `&mut dyn Write`; each format's
//! `render` matches on the view. Words shared by every format (a claim line, a date list, why
//! a change was linked) are written once, in `text.rs`.

mod csv;
pub mod docx;
pub mod html;
mod json;
mod markdown;
pub mod odt;
pub mod pdf;
mod sanitise;
mod term;
mod text;
mod view;

use std::io;

pub use sanitise::visible;
pub use text::why_phrase;
pub(crate) use text::{
    ClaimLine, claim_lines, claims_for, dates_line, document_line, extraction_line, node_name,
    provision_title, source_line, status_line, verify_counts,
};
pub use view::{DiffSide, DiffView, View};

/// Output formats every view offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Terminal text, coloured when [`RenderOptions::color`] is set.
    Term,
    /// Markdown.
    Markdown,
    /// JSON with a stable schema.
    Json,
    /// CSV (RFC 4180) for the tabular views: diff, history, timeline, log.
    Csv,
}

/// How to render.
#[derive(Debug, Clone, Copy, Default)]
pub struct RenderOptions {
    /// Emit ANSI colours (terminal format only). Default: off.
    pub color: bool,
    /// Print each styled piece as `<<label::text>>` instead of colouring it (terminal format
    /// only; the hidden `--color=debug`, for reviewing styles in tests). Default: off.
    pub labels: bool,
    /// Begin CSV with a UTF-8 byte-order mark, for spreadsheet programs. Default: off.
    pub bom: bool,
}

/// The result type of renderers.
pub type RenderResult = io::Result<()>;

/// Renders `view` in `format` to `out`. Every format module offers one function per view,
/// with the same name and arguments; this is the one place that chooses among them.
pub fn render(
    view: &View<'_>,
    format: Format,
    opts: &RenderOptions,
    out: &mut dyn io::Write,
) -> RenderResult {
    macro_rules! views_in {
        ($format:ident, $out:expr) => {
            match *view {
                View::Log { entries, oneline } => $format::log(entries, oneline, opts, $out),
                View::Show {
                    entry,
                    body,
                    reuses,
                } => $format::show(entry, body, reuses, opts, $out),
                View::Diff(d) => $format::diff(d, opts, $out),
                View::History {
                    lineage,
                    identity,
                    entries,
                    full,
                } => $format::history(lineage, identity, entries, full, opts, $out),
                View::Blame { lineage, version } => $format::blame(lineage, version, opts, $out),
                View::Shares { lineage, shares } => $format::shares(lineage, shares, opts, $out),
                View::Timeline { lineage, items } => $format::timeline(lineage, items, opts, $out),
                View::Verify(report) => $format::verify(report, opts, $out),
                View::Events(events) => $format::events(events, opts, $out),
                View::Trace {
                    label,
                    provisions,
                    documents,
                    passages,
                } => $format::trace(label, provisions, documents, passages, opts, $out),
                View::Identify { name, candidates } => {
                    $format::identify(name, candidates, opts, $out)
                }
            }
        };
    }
    match format {
        Format::Json => views_in!(json, out),
        Format::Csv => views_in!(csv, out),
        // Text from drafts, claims, events and remotes reaches a terminal: its control
        // characters are shown, not sent.
        Format::Term | Format::Markdown => {
            let mut clean = sanitise::Sanitise::new(out, opts.color && format == Format::Term);
            if format == Format::Term {
                views_in!(term, &mut clean)?;
            } else {
                views_in!(markdown, &mut clean)?;
            }
            clean.finish()
        }
    }
}
