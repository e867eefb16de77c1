//! `trace` as Markdown: one section per provision that reuses wording.

use std::io::Write;

use crate::provisions::Provision;
use crate::render::{RenderOptions, RenderResult, provision_title};
use crate::trace::{Document, Passage};

/// Renders the passages by provision, each with the passage on both sides quoted.
pub(in crate::render) fn trace(
    label: &str,
    provisions: &[Provision],
    documents: &[Document],
    passages: &[Passage],
    _opts: &RenderOptions,
    out: &mut dyn Write,
) -> RenderResult {
    writeln!(out, "# Wording of {label} traced to reference documents")?;
    let mut traced: Vec<usize> = passages.iter().map(|p| p.provision).collect();
    traced.dedup();
    for j in traced {
        let p = &provisions[j];
        writeln!(out, "\n## {} — {}\n", p.id, provision_title(&p.text))?;
        for s in passages.iter().filter(|s| s.provision == j) {
            let d = &documents[s.document];
            let source = &d.provisions[s.source_provision];
            writeln!(
                out,
                "- {} words ({:.0}%) from **{}** {}: “{}” — there: “{}”",
                s.words,
                s.share * 100.0,
                d.label,
                source.id,
                &p.text[s.span.clone()],
                &source.text[s.source_span.clone()]
            )?;
        }
    }
    Ok(())
}
