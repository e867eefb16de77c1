//! `trace` as JSON: every passage with its provision, its source and both stretches of text.

use std::io::Write;

use serde::Serialize;

use super::wire::write_json;
use crate::provisions::Provision;
use crate::render::{RenderOptions, RenderResult};
use crate::trace::{Document, Passage};

#[derive(Serialize)]
struct PassageJson<'a> {
    provision: &'a str,
    text: &'a str,
    document: DocumentJson<'a>,
    source_provision: &'a str,
    source_text: &'a str,
    words: usize,
    share: f64,
    score: i32,
}

#[derive(Serialize)]
struct DocumentJson<'a> {
    id: &'a str,
    label: &'a str,
}

/// Renders the passages as a JSON array, by provision.
pub(in crate::render) fn trace(
    _label: &str,
    provisions: &[Provision],
    documents: &[Document],
    passages: &[Passage],
    _opts: &RenderOptions,
    out: &mut dyn Write,
) -> RenderResult {
    let items: Vec<PassageJson<'_>> = passages
        .iter()
        .map(|s| {
            let d = &documents[s.document];
            let source = &d.provisions[s.source_provision];
            PassageJson {
                provision: &provisions[s.provision].id,
                text: &provisions[s.provision].text[s.span.clone()],
                document: DocumentJson {
                    id: &d.id,
                    label: &d.label,
                },
                source_provision: &source.id,
                source_text: &source.text[s.source_span.clone()],
                words: s.words,
                share: (s.share * 1000.0).round() / 1000.0,
                score: s.score,
            }
        })
        .collect();
    write_json(&items, out)
}
