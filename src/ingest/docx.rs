//! Word documents (`.docx`): the text of `word/document.xml`, one line per paragraph, in both
//! states of its tracked changes (accepted and rejected), each insertion and deletion with
//! its author and date, the comments of `word/comments.xml` with the paragraph they are
//! anchored in, and the core and app properties as document metadata.

use std::collections::HashMap;
use std::path::Path;

use quick_xml::events::Event;

use super::marked::Marked;
use super::numbering::Numbering;
use super::package::{Package, Slot, attr, malformed, read_meta, reference};
use crate::draft::DocumentMeta;
use crate::error::Result;

const BODY: &str = "word/document.xml";

/// Reads a DOCX package.
pub(super) fn read(path: &Path, bytes: &[u8]) -> Result<(Marked, DocumentMeta)> {
    let mut package = Package::open(path, bytes)?;
    let Some(xml) = package.xml(BODY)? else {
        return Err(package.error(BODY, "is missing: not a Word document"));
    };
    let comments = match package.xml("word/comments.xml")? {
        Some(c) => read_comments(path, &c)?,
        None => HashMap::new(),
    };
    let styles = package.xml("word/styles.xml")?;
    let mut numbering = match package.xml("word/numbering.xml")? {
        Some(n) => Numbering::parse(path, &n, styles.as_deref())?,
        None => Numbering::default(),
    };
    let marked = read_body(path, &xml, &comments, &mut numbering)?;
    let mut document = DocumentMeta::default();
    let core: [(&str, Slot); 6] = [
        ("dc:title", |d| &mut d.title),
        ("dc:creator", |d| &mut d.author),
        ("cp:lastModifiedBy", |d| &mut d.last_modified_by),
        ("cp:revision", |d| &mut d.revision),
        ("dcterms:created", |d| &mut d.created),
        ("dcterms:modified", |d| &mut d.modified),
    ];
    read_meta(&mut package, "docProps/core.xml", &core, &mut document)?;
    let app: [(&str, Slot); 2] = [
        ("Application", |d| &mut d.creator),
        ("Template", |d| &mut d.template),
    ];
    read_meta(&mut package, "docProps/app.xml", &app, &mut document)?;
    Ok((marked, document))
}

/// A comment's author, date and text, by its id.
type Comments = HashMap<String, (String, Option<String>, String)>;

/// Reads `word/comments.xml`.
fn read_comments(path: &Path, xml: &str) -> Result<Comments> {
    let part = "word/comments.xml";
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = Comments::new();
    let mut current: Option<(String, String, Option<String>, String)> = None;
    loop {
        match reader.read_event().map_err(|e| malformed(path, part, e))? {
            Event::Start(e) if e.name().as_ref() == b"w:comment" => {
                let id = attr(&e, "w:id").unwrap_or_default();
                let author = attr(&e, "w:author").unwrap_or_else(|| "unknown".into());
                current = Some((id, author, attr(&e, "w:date"), String::new()));
            }
            Event::Text(t) => {
                if let Some(c) = &mut current {
                    c.3.push_str(&t.decode().map_err(|e| malformed(path, part, e))?);
                }
            }
            Event::GeneralRef(r) => {
                if let (Some(c), Some(s)) = (&mut current, reference(&r)) {
                    c.3.push_str(&s);
                }
            }
            Event::End(e) if e.name().as_ref() == b"w:p" => {
                if let Some(c) = &mut current {
                    c.3.push(' ');
                }
            }
            Event::End(e) if e.name().as_ref() == b"w:comment" => {
                if let Some((id, author, date, text)) = current.take() {
                    out.insert(id, (author, date, text.trim().to_owned()));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

/// Walks the body: paragraphs, runs, insertions, deletions and moves.
fn read_body(
    path: &Path,
    xml: &str,
    comments: &Comments,
    numbering: &mut Numbering,
) -> Result<Marked> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut marked = Marked::default();
    // The open revision element: (inserted?, author, date).
    let mut revision: Option<(bool, String, Option<String>)> = None;
    let mut in_text = false;
    let mut depth_p = 0usize;
    let mut skip = 0usize;
    // The paragraph's style, and its own list and level (`w:numPr`), for its number.
    let mut style: Option<String> = None;
    let mut num: Option<String> = None;
    let mut ilvl: Option<u8> = None;
    loop {
        let event = reader.read_event().map_err(|e| malformed(path, BODY, e))?;
        match &event {
            Event::Start(e) | Event::Empty(e) => {
                let empty = matches!(event, Event::Empty(_));
                let name = e.name();
                if skip > 0 {
                    if !empty {
                        skip += 1;
                    }
                    continue;
                }
                match name.as_ref() {
                    // Alternative renderings repeat the content of the choice; property changes
                    // hold the properties before a tracked change, not the paragraph's own.
                    b"mc:Fallback" | b"w:instrText" | b"w:delInstrText" | b"w:pPrChange"
                    | b"w:rPrChange" | b"w:numberingChange"
                        if !empty =>
                    {
                        skip = 1;
                    }
                    b"w:pStyle" if depth_p == 1 => style = attr(e, "w:val"),
                    b"w:numId" if depth_p == 1 => num = attr(e, "w:val"),
                    b"w:ilvl" if depth_p == 1 => {
                        ilvl = attr(e, "w:val").and_then(|v| v.parse().ok());
                    }
                    b"w:p" if !empty => {
                        depth_p += 1;
                        if depth_p > 1 {
                            marked.text(" ", revision.as_ref().map(|r| r.0));
                        }
                    }
                    b"w:p" => {
                        number(numbering, &mut marked, &mut style, &mut num, &mut ilvl);
                        marked.end_line();
                    }
                    b"w:ins" | b"w:moveTo" | b"w:del" | b"w:moveFrom" if !empty => {
                        let inserted = matches!(name.as_ref(), b"w:ins" | b"w:moveTo");
                        let author = attr(e, "w:author").unwrap_or_else(|| "unknown".into());
                        marked.open(inserted, &author, attr(e, "w:date").as_deref());
                        revision = Some((inserted, author, attr(e, "w:date")));
                    }
                    b"w:t" | b"w:delText" if !empty => in_text = true,
                    b"w:tab" | b"w:br" | b"w:cr" | b"w:noBreakHyphen" => {
                        let s = if name.as_ref() == b"w:noBreakHyphen" {
                            "-"
                        } else {
                            " "
                        };
                        marked.text(s, revision.as_ref().map(|r| r.0));
                    }
                    b"w:commentReference" => {
                        if let Some((author, date, text)) =
                            attr(e, "w:id").and_then(|id| comments.get(&id))
                        {
                            marked.comment(author, date.as_deref(), text);
                        }
                    }
                    _ => {}
                }
            }
            Event::End(e) => {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                match e.name().as_ref() {
                    b"w:p" => {
                        depth_p = depth_p.saturating_sub(1);
                        if depth_p == 0 {
                            number(numbering, &mut marked, &mut style, &mut num, &mut ilvl);
                            marked.end_line();
                        }
                    }
                    b"w:ins" | b"w:moveTo" | b"w:del" | b"w:moveFrom" => {
                        marked.close();
                        revision = None;
                    }
                    b"w:t" | b"w:delText" => in_text = false,
                    _ => {}
                }
            }
            Event::Text(t) if in_text && skip == 0 => {
                let s = t.decode().map_err(|e| malformed(path, BODY, e))?;
                marked.text(&s, revision.as_ref().map(|r| r.0));
            }
            Event::GeneralRef(r) if in_text && skip == 0 => {
                if let Some(s) = reference(r) {
                    marked.text(&s, revision.as_ref().map(|r| r.0));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(marked)
}

/// Puts the number Word shows before a numbered paragraph (its own list, else its style's),
/// and clears the paragraph's numbering state.
fn number(
    numbering: &mut Numbering,
    marked: &mut Marked,
    style: &mut Option<String>,
    num: &mut Option<String>,
    ilvl: &mut Option<u8>,
) {
    let from_style = style.take().and_then(|s| numbering.style(&s));
    let list = match num.take() {
        // `w:numId="0"` switches a style's numbering off.
        Some(n) if n == "0" => None,
        Some(n) => Some((n, ilvl.take().unwrap_or(0))),
        None => from_style.map(|(n, l)| (n, ilvl.take().unwrap_or(l))),
    };
    *ilvl = None;
    if let Some((n, l)) = list
        && let Some(label) = numbering.next(&n, l)
    {
        marked.prefix(&format!("{label} "));
    }
}
