//! The comparison as an OpenDocument text whose tracked changes turn the old text into the new
//! one: the Word export's twin for LibreOffice users, from the same layout
//! ([`crate::export::layout`]) and the same title block and comments ([`DocxMeta`]).
//!
//! ODF keeps tracked changes out of line: the body marks where an insertion starts and ends
//! (`text:change-start`, `text:change-end`) and where a deletion was (`text:change`), and a
//! `text:tracked-changes` list at the top holds each change's author, date and, for a
//! deletion, the deleted text. ODF has no move: a moved provision is deleted at its old place
//! and inserted at its new one (the Word export marks it as a move). Claims are annotations
//! (comments) at the start of their provision's paragraph.

use std::fmt::Write as _;
use std::io::{self, Write};

use crate::export::Piece;
use crate::redline::Op;
use crate::render::docx::DocxMeta;

const NS: &str = concat!(
    r#"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" "#,
    r#"xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" "#,
    r#"xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" "#,
    r#"xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" "#,
    r#"xmlns:dc="http://purl.org/dc/elements/1.1/" "#,
    r#"xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" "#,
    r#"office:version="1.3""#
);

const STYLES: &str = r##"<office:styles><style:style style:name="Title" style:family="paragraph"><style:text-properties fo:font-size="16pt" fo:font-weight="bold"/></style:style><style:style style:name="Subtitle" style:family="paragraph"><style:text-properties fo:font-size="10pt" fo:color="#444444"/></style:style></office:styles>"##;

const MANIFEST: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;

/// The body and the list of changes, built together.
struct Doc<'a> {
    meta: &'a DocxMeta,
    /// ODF's date form (no time zone suffix).
    date: String,
    changes: String,
    body: String,
    next: usize,
}

impl Doc<'_> {
    fn change_info(&self) -> String {
        format!(
            "<office:change-info><dc:creator>{}</dc:creator><dc:date>{}</dc:date></office:change-info>",
            esc(&self.meta.author),
            self.date
        )
    }

    /// Text as it stands in a paragraph: line ends as line breaks, tabs as tabs, and a space
    /// that starts a piece or follows another as `text:s` (ODF collapses white space, and a
    /// deletion's text is a paragraph of its own, where a leading space would be lost).
    fn text(text: &str) -> String {
        let mut out = String::with_capacity(text.len() + 16);
        let mut after_space = true;
        let mut plain = String::new();
        let flush = |plain: &mut String, out: &mut String| {
            out.push_str(&esc(plain));
            plain.clear();
        };
        for c in text.chars() {
            match c {
                '\n' => {
                    flush(&mut plain, &mut out);
                    out.push_str("<text:line-break/>");
                    after_space = true;
                }
                '\t' => {
                    flush(&mut plain, &mut out);
                    out.push_str("<text:tab/>");
                    after_space = false;
                }
                ' ' if after_space => {
                    flush(&mut plain, &mut out);
                    out.push_str("<text:s/>");
                }
                _ => {
                    after_space = c == ' ';
                    plain.push(c);
                }
            }
        }
        flush(&mut plain, &mut out);
        out
    }

    fn insert(&mut self, text: &str) {
        self.next += 1;
        let id = format!("ct{}", self.next);
        let info = self.change_info();
        let _ = write!(
            self.changes,
            r#"<text:changed-region text:id="{id}"><text:insertion>{info}</text:insertion></text:changed-region>"#
        );
        let _ = write!(
            self.body,
            r#"<text:change-start text:change-id="{id}"/>{}<text:change-end text:change-id="{id}"/>"#,
            Self::text(text)
        );
    }

    fn delete(&mut self, text: &str) {
        self.next += 1;
        let id = format!("ct{}", self.next);
        let info = self.change_info();
        let _ = write!(
            self.changes,
            r#"<text:changed-region text:id="{id}"><text:deletion>{info}<text:p>{}</text:p></text:deletion></text:changed-region>"#,
            Self::text(text)
        );
        let _ = write!(self.body, r#"<text:change text:change-id="{id}"/>"#);
    }

    fn annotate(&mut self, who: &str, text: &str) {
        let _ = write!(
            self.body,
            "<office:annotation><dc:creator>{}</dc:creator><dc:date>{}</dc:date><text:p>{}</text:p></office:annotation>",
            esc(who),
            self.date,
            esc(text)
        );
    }
}

fn esc(s: &str) -> std::borrow::Cow<'_, str> {
    quick_xml::escape::escape(s)
}

/// Writes the layout as an ODT file.
pub fn odt(pieces: &[Piece], meta: &DocxMeta, out: &mut dyn Write) -> io::Result<()> {
    let date = meta
        .date
        .trim_end_matches('Z')
        .split('+')
        .next()
        .unwrap_or_default()
        .to_owned();
    let mut doc = Doc {
        meta,
        date,
        changes: String::new(),
        body: String::new(),
        next: 0,
    };
    doc.body.push_str(r#"<text:p text:style-name="Title">"#);
    for (_, who, text) in meta.comments.iter().filter(|(p, _, _)| p.is_none()) {
        doc.annotate(who, text);
    }
    let _ = write!(doc.body, "{}</text:p>", esc(&meta.title));
    for line in &meta.subtitle {
        let _ = write!(
            doc.body,
            r#"<text:p text:style-name="Subtitle">{}</text:p>"#,
            esc(line)
        );
    }
    for piece in pieces {
        doc.body.push_str("<text:p>");
        if let Piece::Kept { new, .. } | Piece::Added { new, .. } = piece {
            for (_, who, text) in meta
                .comments
                .iter()
                .filter(|(on, _, _)| on.as_ref().is_some_and(|id| new.contains(id)))
            {
                doc.annotate(who, text);
            }
        }
        match piece {
            Piece::Kept { spans, .. } => {
                for (op, text) in crate::export::paragraph_spans(spans) {
                    match op {
                        Op::Equal => doc.body.push_str(&Doc::text(text)),
                        Op::Delete => doc.delete(text),
                        Op::Insert => doc.insert(text),
                    }
                }
            }
            Piece::Removed { text, .. } => doc.delete(text.trim_end_matches('\n')),
            Piece::Added { text, .. } => doc.insert(text.trim_end_matches('\n')),
        }
        doc.body.push_str("</text:p>");
    }
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content {NS}><office:body><office:text><text:tracked-changes text:track-changes="true">{}</text:tracked-changes>{}</office:text></office:body></office:document-content>"#,
        doc.changes, doc.body
    );
    let styles = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles {NS}>{STYLES}</office:document-styles>"#
    );
    let meta_xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta {NS}><office:meta><dc:title>{}</dc:title><meta:generator>drafttrail {}</meta:generator></office:meta></office:document-meta>"#,
        esc(&meta.title),
        env!("CARGO_PKG_VERSION")
    );
    let mut buf = io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut buf);
    // The mimetype comes first and stored, so that a reader can tell the format from the
    // file's first bytes.
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let packed = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let parts: [(&str, &[u8], _); 5] = [
        (
            "mimetype",
            b"application/vnd.oasis.opendocument.text",
            stored,
        ),
        ("META-INF/manifest.xml", MANIFEST.as_bytes(), packed),
        ("content.xml", content.as_bytes(), packed),
        ("styles.xml", styles.as_bytes(), packed),
        ("meta.xml", meta_xml.as_bytes(), packed),
    ];
    for (name, data, options) in parts {
        zip.start_file(name, options).map_err(io::Error::other)?;
        zip.write_all(data)?;
    }
    zip.finish().map_err(io::Error::other)?;
    out.write_all(buf.get_ref())
}

#[cfg(test)]
mod tests {
    use super::Doc;

    #[test]
    fn white_space_survives_odf_collapsing() {
        // A deletion's text is a paragraph of its own: its leading space must be written out.
        assert_eq!(
            Doc::text(" while <it> lasts"),
            "<text:s/>while &lt;it&gt; lasts"
        );
        assert_eq!(Doc::text("a  b"), "a <text:s/>b");
        assert_eq!(
            Doc::text("(a) one;\n   (b) two"),
            "(a) one;<text:line-break/><text:s/><text:s/><text:s/>(b) two"
        );
        assert_eq!(Doc::text("x\ty"), "x<text:tab/>y");
    }
}
