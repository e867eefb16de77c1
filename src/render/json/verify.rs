//! The `verify` report as JSON: the [`crate::verify::Report`] itself, with `ok`.

use std::io::Write;

use crate::render::{RenderOptions, RenderResult};
use crate::verify::Report;

/// JSON: the report's fields plus `ok`.
pub(in crate::render) fn verify(
    r: &Report,
    _opts: &RenderOptions,
    out: &mut dyn Write,
) -> RenderResult {
    #[derive(serde::Serialize)]
    struct Json<'a> {
        ok: bool,
        #[serde(flatten)]
        report: &'a Report,
    }
    serde_json::to_writer_pretty(
        &mut *out,
        &Json {
            ok: r.is_ok(),
            report: r,
        },
    )?;
    writeln!(out)
}
