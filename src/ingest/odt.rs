//! OpenDocument text (`.odt`): the text of `content.xml`, one line per paragraph or heading,
//! in both states of its tracked changes (the deleted text is kept in `text:tracked-changes`,
//! the inserted text is marked in place), each change with its author and date, the
//! annotations (comments), and `meta.xml` as document metadata.

use std::collections::HashMap;
use std::path::Path;

use quick_xml::events::Event;

use super::marked::Marked;
use super::numbering::{OdtCounters, OdtStyles, odt_list_styles};
use super::package::{Package, Slot, attr, fill_meta, malformed, read_meta, reference, refuse_dtd};
use crate::draft::DocumentMeta;
use crate::error::Result;

const BODY: &str = "content.xml";

/// One changed region: inserted?, author, date, and the deleted paragraphs.
#[derive(Default)]
struct Region {
    inserted: bool,
    author: String,
    date: Option<String>,
    deleted: Vec<String>,
}

/// Reads an ODT package.
pub(super) fn read(path: &Path, bytes: &[u8]) -> Result<(Marked, DocumentMeta)> {
    let mut package = Package::open(path, bytes)?;
    let Some(xml) = package.xml(BODY)? else {
        return Err(package.error(BODY, "is missing: not an OpenDocument text"));
    };
    let mut styles = OdtStyles::new();
    if let Some(named) = package.xml("styles.xml")? {
        odt_list_styles(path, "styles.xml", &named, &mut styles)?;
    }
    odt_list_styles(path, BODY, &xml, &mut styles)?;
    let marked = read_body(path, &xml, &styles)?;
    let mut document = DocumentMeta::default();
    read_meta(&mut package, "meta.xml", &META, &mut document)?;
    Ok((marked, document))
}

/// Reads a flat OpenDocument text (`.fodt`): one XML file holding meta, styles and body.
pub(super) fn read_flat(path: &Path, xml: &str) -> Result<(Marked, DocumentMeta)> {
    refuse_dtd(path, "the document", xml)?;
    let mut styles = OdtStyles::new();
    odt_list_styles(path, "the document", xml, &mut styles)?;
    let marked = read_body(path, xml, &styles)?;
    let mut document = DocumentMeta::default();
    // Only the meta section: `dc:creator` also names the authors of tracked changes.
    if let (Some(a), Some(b)) = (xml.find("<office:meta"), xml.find("</office:meta>"))
        && a < b
    {
        fill_meta(
            path,
            "office:meta",
            &xml[a..b + "</office:meta>".len()],
            &META,
            &mut document,
        )?;
    }
    Ok((marked, document))
}

/// Where each field of `meta.xml` goes.
const META: [(&str, Slot); 7] = [
    ("dc:title", |d| &mut d.title),
    ("meta:initial-creator", |d| &mut d.author),
    ("dc:creator", |d| &mut d.last_modified_by),
    ("meta:editing-cycles", |d| &mut d.revision),
    ("meta:creation-date", |d| &mut d.created),
    ("dc:date", |d| &mut d.modified),
    ("meta:generator", |d| &mut d.creator),
];

/// Where the walker is.
#[derive(Clone, Copy, PartialEq)]
enum In {
    Body,
    /// Inside `text:tracked-changes`: reading regions.
    Regions,
    /// Inside an annotation (a comment).
    Annotation,
    /// Inside something whose text is not the body's (a footnote).
    Skipped,
}

fn read_body(path: &Path, xml: &str, styles: &OdtStyles) -> Result<Marked> {
    let mut lists = OdtCounters::default();
    // The number of the list item whose first paragraph is next, and of the open paragraph.
    let mut item_label: Option<String> = None;
    let mut paragraph_label: Option<String> = None;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut marked = Marked::default();
    let mut regions: HashMap<String, Region> = HashMap::new();
    let mut region_id: Option<String> = None;
    let mut field_name: Option<&'static str> = None;
    let mut buffer = String::new();
    let mut state = In::Body;
    let mut nested = 0usize;
    let mut inserting = false;
    let mut started = false;
    let mut annotation = (String::new(), None::<String>, String::new());
    loop {
        let event = reader.read_event().map_err(|e| malformed(path, BODY, e))?;
        match &event {
            Event::Start(e) | Event::Empty(e) => {
                let empty = matches!(event, Event::Empty(_));
                let name = e.name();
                let name = name.as_ref();
                if state != In::Body {
                    if !empty {
                        nested += 1;
                    }
                    match (state, name) {
                        (In::Regions, b"text:changed-region") => {
                            region_id = attr(e, "text:id").or_else(|| attr(e, "xml:id"));
                        }
                        (In::Regions, b"text:insertion") => {
                            if let Some(r) = current(&mut regions, &region_id) {
                                r.inserted = true;
                            }
                        }
                        (In::Regions | In::Annotation, b"dc:creator") => {
                            buffer.clear();
                            field_name = Some("who");
                        }
                        (In::Regions | In::Annotation, b"dc:date") => {
                            buffer.clear();
                            field_name = Some("when");
                        }
                        // Indentation between elements of a pretty-printed file is not text.
                        (_, b"text:p" | b"text:h") if !empty => buffer.clear(),
                        (_, b"text:s") => buffer.push(' '),
                        (_, b"text:tab" | b"text:line-break") => buffer.push(' '),
                        _ => {}
                    }
                    continue;
                }
                match name {
                    b"text:tracked-changes" if !empty => {
                        state = In::Regions;
                        nested = 1;
                    }
                    b"office:annotation" if !empty => {
                        state = In::Annotation;
                        nested = 1;
                        annotation = (String::new(), None, String::new());
                    }
                    b"text:note" | b"office:annotation-end" if !empty => {
                        state = In::Skipped;
                        nested = 1;
                    }
                    b"text:list" if !empty => {
                        let continues = attr(e, "text:continue-numbering").as_deref()
                            == Some("true")
                            || attr(e, "text:continue-list").is_some();
                        lists.open(attr(e, "text:style-name"), continues);
                    }
                    b"text:list-item" if !empty => {
                        let start = attr(e, "text:start-value").and_then(|v| v.parse().ok());
                        item_label = lists.item(styles, start);
                    }
                    b"text:p" | b"text:h" if !empty => {
                        started = true;
                        paragraph_label = item_label.take();
                    }
                    b"text:p" | b"text:h" => {
                        if let Some(label) = item_label.take() {
                            marked.prefix(&format!("{label} "));
                        }
                        marked.end_line();
                    }
                    b"text:s" => {
                        let n = attr(e, "text:c").and_then(|c| c.parse().ok()).unwrap_or(1);
                        marked.text(&" ".repeat(n.min(1000)), inserting.then_some(true));
                    }
                    b"text:tab" | b"text:line-break" => {
                        marked.text(" ", inserting.then_some(true));
                    }
                    b"text:change-start" => {
                        let id = attr(e, "text:change-id");
                        if let Some(r) = id.as_ref().and_then(|id| regions.get(id))
                            && r.inserted
                        {
                            marked.open(true, &r.author, r.date.as_deref());
                            inserting = true;
                        }
                    }
                    b"text:change-end" if inserting => {
                        marked.close();
                        inserting = false;
                    }
                    b"text:change" => {
                        let id = attr(e, "text:change-id");
                        if let Some(r) = id.as_ref().and_then(|id| regions.get(id))
                            && !r.inserted
                        {
                            marked.deleted_paragraphs(&r.deleted, &r.author, r.date.as_deref());
                        }
                    }
                    _ => {}
                }
            }
            Event::End(e) => {
                let name = e.name();
                let name = name.as_ref();
                if state != In::Body {
                    nested -= 1;
                    match (state, name) {
                        (In::Regions | In::Annotation, b"dc:creator" | b"dc:date") => {
                            let value = std::mem::take(&mut buffer).trim().to_owned();
                            match state {
                                In::Regions => {
                                    if let Some(r) = current(&mut regions, &region_id) {
                                        if field_name == Some("who") {
                                            r.author = value;
                                        } else {
                                            r.date = Some(value);
                                        }
                                    }
                                }
                                _ => {
                                    if field_name == Some("who") {
                                        annotation.0 = value;
                                    } else {
                                        annotation.1 = Some(value);
                                    }
                                }
                            }
                            field_name = None;
                        }
                        (In::Regions, b"text:p" | b"text:h") => {
                            let text = std::mem::take(&mut buffer);
                            if let Some(r) = current(&mut regions, &region_id) {
                                r.deleted.push(text);
                            }
                        }
                        (In::Annotation, b"text:p") => {
                            let text = std::mem::take(&mut buffer);
                            annotation.2.push_str(text.trim());
                            annotation.2.push(' ');
                        }
                        _ => {}
                    }
                    if nested == 0 {
                        if state == In::Annotation {
                            let author = if annotation.0.is_empty() {
                                "unknown"
                            } else {
                                &annotation.0
                            };
                            marked.comment(author, annotation.1.as_deref(), annotation.2.trim());
                        }
                        state = In::Body;
                        buffer.clear();
                    }
                    continue;
                }
                if name == b"text:list" {
                    lists.close();
                }
                if matches!(name, b"text:p" | b"text:h") && started {
                    if let Some(label) = paragraph_label.take() {
                        marked.prefix(&format!("{label} "));
                    }
                    marked.end_line();
                    started = false;
                }
            }
            Event::Text(t) if state != In::Body || started => {
                let s = t.decode().map_err(|e| malformed(path, BODY, e))?;
                text(state, &mut marked, &mut buffer, &s, inserting);
            }
            Event::GeneralRef(r) if state != In::Body || started => {
                if let Some(s) = reference(r) {
                    text(state, &mut marked, &mut buffer, &s, inserting);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(marked)
}

/// Where a piece of text goes: the body, or the buffer of what is being read.
fn text(state: In, marked: &mut Marked, buffer: &mut String, s: &str, inserting: bool) {
    // ODF collapses white space in text to one space (`text:s` writes the others): a line
    // end inside a paragraph of a hand-written or pretty-printed file is a space.
    let collapsed;
    let s = if s.contains(|c: char| c.is_whitespace() && c != ' ') || s.contains("  ") {
        collapsed = collapse(s);
        collapsed.as_str()
    } else {
        s
    };
    match state {
        In::Body => marked.text(s, inserting.then_some(true)),
        In::Regions | In::Annotation => buffer.push_str(s),
        In::Skipped => {}
    }
}

/// Runs of white space as one space.
fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    out
}

fn current<'a>(
    regions: &'a mut HashMap<String, Region>,
    id: &Option<String>,
) -> Option<&'a mut Region> {
    let id = id.as_ref()?;
    Some(regions.entry(id.clone()).or_default())
}
