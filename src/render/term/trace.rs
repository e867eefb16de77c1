//! `trace` in the terminal: each provision that reuses wording, with the passage on both sides.

use std::io::Write;

use super::style::{Label, paint};
use crate::provisions::Provision;
use crate::render::{RenderOptions, RenderResult, provision_title};
use crate::trace::{Document, Passage};

/// Renders the passages by provision: the reused words, where they come from, how many.
pub(in crate::render) fn trace(
    label: &str,
    provisions: &[Provision],
    documents: &[Document],
    passages: &[Passage],
    opts: &RenderOptions,
    out: &mut dyn Write,
) -> RenderResult {
    if documents.is_empty() {
        writeln!(
            out,
            "nothing to trace {label} to: no reference document (drafttrail reference add) and \
             no version on another track"
        )?;
        return Ok(());
    }
    let mut traced: Vec<usize> = passages.iter().map(|p| p.provision).collect();
    traced.dedup();
    writeln!(
        out,
        "{label}: {} of {} provision(s) reuse wording of {} document(s) (references, other tracks)",
        traced.len(),
        provisions.len(),
        documents.len()
    )?;
    for j in traced {
        let p = &provisions[j];
        writeln!(out)?;
        let title = format!("{} — {}", p.id, provision_title(&p.text));
        writeln!(out, "{}", paint(opts, Label::Title, &title))?;
        for s in passages.iter().filter(|s| s.provision == j) {
            let d = &documents[s.document];
            let source = &d.provisions[s.source_provision];
            writeln!(
                out,
                "  {} words ({:.0}% of it) from {} {}",
                s.words,
                s.share * 100.0,
                d.label,
                source.id
            )?;
            writeln!(out, "    here:  “{}”", &p.text[s.span.clone()])?;
            writeln!(out, "    there: “{}”", &source.text[s.source_span.clone()])?;
        }
    }
    Ok(())
}
