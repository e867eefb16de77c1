//! Reading drafts as they arrive: text in any common encoding, PDF (text layer, or OCR for a
//! scan), Word (`.docx`), OpenDocument (`.odt`), web pages and images (OCR).
//!
//! [`read`] sniffs the format from the bytes (the extension only breaks ties), extracts one
//! text, normalises it only where it must (see `cleanup`), and returns a [`Draft`] whose
//! `[extraction]` says how, whose `[document]` carries the file's own metadata, and which
//! keeps the original bytes to be stored beside the text. Tracked changes become claims of kind
//! `tracked-change`, comments claims of kind `comment`, each tied to its provision. A file
//! that cannot carry front matter takes it from a sidecar `NAME.toml`. Nothing downstream
//! knows the format.

use std::path::{Path, PathBuf};

use crate::draft::{self, Claim, ClaimKind, DocumentMeta, Draft, DraftMeta, Extraction, Original};
use crate::error::{Error, Result};
use crate::provisions;

mod cleanup;
mod docx;
mod html;
mod marked;
mod numbering;
mod ocr;
mod odt;
mod package;
mod pdf;
mod text;

pub use ocr::MAX_PIXELS;

/// Which state of a file's tracked changes to record.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Changes {
    /// Every change accepted (the document as its last editor sees it).
    #[default]
    Accept,
    /// Every change rejected (the document before the edits).
    Reject,
    /// Both: the rejected state as a version, the accepted state as its child.
    Both,
}

/// How to read files.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The encoding of a text file, overriding detection (`windows-1251`).
    pub encoding: Option<String>,
    /// OCR languages, tesseract's way (`rus+ukr`).
    pub ocr_lang: Option<String>,
    /// Which state of tracked changes to record.
    pub changes: Changes,
}

/// What reading one file gives.
#[derive(Debug, Clone)]
pub struct Ingested {
    /// The draft to record.
    pub draft: Draft,
    /// With [`Changes::Both`] and a file that has tracked changes: the rejected state, to be
    /// recorded first as the draft's parent (see [`link_states`]).
    pub before: Option<Draft>,
}

/// The kinds of file drafttrail reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text or Markdown, in any common encoding.
    Text,
    /// PDF.
    Pdf,
    /// Word (Office Open XML).
    Docx,
    /// OpenDocument text.
    Odt,
    /// Flat OpenDocument text: one XML file (`.fodt`).
    Fodt,
    /// A web page.
    Html,
    /// A PNG, JPEG or TIFF image (OCR).
    Image,
}

/// The extensions of documents (besides text drafts) that `import` reads.
pub const DOCUMENT_EXTENSIONS: [&str; 10] = [
    "pdf", "docx", "odt", "html", "htm", "xhtml", "png", "jpg", "jpeg", "tif",
];

/// Whether a file name is a document `import` reads (by extension; `.tiff` too).
pub fn is_document(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .is_some_and(|e| DOCUMENT_EXTENSIONS.contains(&e.as_str()) || e == "tiff")
}

/// The format of a file, from its first bytes (and, for zip packages and HTML, its contents or
/// extension).
pub fn format_of(path: &Path, bytes: &[u8]) -> Format {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    if bytes.starts_with(b"%PDF-") {
        return Format::Pdf;
    }
    if bytes.starts_with(b"PK\x03\x04") {
        let odt = bytes
            .get(30..100)
            .is_some_and(|h| h.windows(8).any(|w| w == b"mimetype"))
            && bytes
                .get(..200)
                .is_some_and(|h| h.windows(11).any(|w| w == b"opendocumen"));
        return if odt || ext == "odt" {
            Format::Odt
        } else {
            Format::Docx
        };
    }
    if bytes.starts_with(b"\x89PNG")
        || bytes.starts_with(b"\xff\xd8\xff")
        || bytes.starts_with(b"II*\0")
        || bytes.starts_with(b"MM\0*")
    {
        return Format::Image;
    }
    // A name that promises a binary format is read as that format, which then says what is
    // wrong with the file rather than recording it as text.
    match ext.as_str() {
        "pdf" => return Format::Pdf,
        "docx" => return Format::Docx,
        "odt" => return Format::Odt,
        "fodt" => return Format::Fodt,
        "png" | "jpg" | "jpeg" | "tif" | "tiff" => return Format::Image,
        _ => {}
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
    let head = head.trim_start_matches('\u{feff}').trim_start();
    if head.starts_with("<?xml")
        && head.contains("<office:document")
        && head.contains("opendocument.text")
    {
        return Format::Fodt;
    }
    if matches!(ext.as_str(), "html" | "htm" | "xhtml")
        || head.starts_with("<!doctype html")
        || head.starts_with("<html")
    {
        return Format::Html;
    }
    Format::Text
}

/// Reads a draft from a file of any supported format (see [`from_bytes`]).
pub fn read(path: &Path, options: &Options) -> Result<Ingested> {
    let bytes = draft::read_bytes(path)?;
    from_bytes(path, bytes, options)
}

/// Reads a draft from the bytes of a file; `path` names it (its extension names the kept
/// original) and locates its sidecar `NAME.toml`.
pub fn from_bytes(path: &Path, bytes: Vec<u8>, options: &Options) -> Result<Ingested> {
    let format = format_of(path, &bytes);
    let ext = original_extension(path, format);
    let mut extraction = Extraction {
        original: format!("original.{ext}"),
        ..Extraction::default()
    };
    let mut marked = None;
    let (body, document) = match format {
        Format::Pdf => {
            let read = pdf::read(path, &bytes)?;
            let pages = if pdf::is_image_only(&read.pages) {
                ocr::require(path)?;
                let dir = scratch(path)?;
                let file = dir.path().join("scan.pdf");
                std::fs::write(&file, &bytes).map_err(|e| Error::io(&file, e))?;
                let images = ocr::render_pdf(path, &file, dir.path())?;
                recognised(path, &images, options, &mut extraction)?
            } else {
                extraction.method = "pdf-text".into();
                extraction.tool = read.tool;
                read.pages
            };
            (clean(&pages, &mut extraction), read.document)
        }
        Format::Image => {
            ocr::check_image(path, &bytes)?;
            let dir = scratch(path)?;
            let file = dir.path().join(format!("page.{ext}"));
            std::fs::write(&file, &bytes).map_err(|e| Error::io(&file, e))?;
            let pages = recognised(path, &[file], options, &mut extraction)?;
            (clean(&pages, &mut extraction), DocumentMeta::default())
        }
        Format::Docx | Format::Odt | Format::Fodt => {
            let (m, document) = match format {
                Format::Docx => docx::read(path, &bytes)?,
                Format::Odt => odt::read(path, &bytes)?,
                _ => {
                    let xml = draft::check_text(path, &bytes)?;
                    odt::read_flat(path, xml)?
                }
            };
            extraction.method = ext.clone();
            extraction.tool = format!("drafttrail {}", env!("CARGO_PKG_VERSION"));
            marked = Some(m);
            (String::new(), document)
        }
        Format::Html => {
            // `--encoding`, else UTF-8 when the bytes are (pages often declare a charset they
            // were since converted from), else the page's own `<meta charset>`, else detection.
            let declared = match std::str::from_utf8(&bytes) {
                Ok(_) => None,
                Err(_) => html::declared_charset(&bytes),
            };
            let encoding = options.encoding.as_deref().or(declared.as_deref());
            let html = match text::decode(path, &bytes, encoding)? {
                Some(d) => {
                    extraction.encoding = Some(d.encoding.into());
                    d.text
                }
                None => String::from_utf8_lossy(&bytes).into_owned(),
            };
            let (text, document) = html::read(path, &html)?;
            extraction.method = "html".into();
            extraction.tool = "dom_smoothie 0.19".into();
            (tidy(text.lines()).0, document)
        }
        Format::Text => return read_text(path, bytes, options),
    };
    extraction.sha256 = draft::sha256_hex(&bytes);
    let mut meta = sidecar(path)?.unwrap_or_default();
    meta.document = Some(document).filter(|d| !d.is_empty());
    let original = Original {
        name: extraction.original.clone(),
        bytes,
    };
    let Some(marked) = marked else {
        meta.extraction = Some(extraction);
        return finish(path, meta, body, original, None);
    };
    let (accepted, offsets) = tidy(marked.accepted.iter().map(String::as_str));
    let (rejected, _) = tidy(marked.rejected.iter().map(String::as_str));
    let source = format!("revision marks and comments in {}", extraction.original);
    let claims = file_claims(&marked, &accepted, &offsets, &source);
    let before = match options.changes {
        Changes::Both if marked.has_changes() => {
            let mut meta = meta.clone();
            meta.extraction = Some(Extraction {
                changes: Some("rejected".into()),
                ..extraction.clone()
            });
            Some(draft_of(path, meta, rejected.clone(), original.clone())?)
        }
        _ => None,
    };
    let (body, state) = match options.changes {
        Changes::Reject if marked.has_changes() => (rejected, "rejected"),
        _ => (accepted, "accepted"),
    };
    if marked.has_changes() {
        extraction.changes = Some(state.into());
    }
    meta.extraction = Some(extraction);
    meta.claims.extend(
        claims
            .into_iter()
            .filter(|c| state == "accepted" || c.kind == Some(ClaimKind::Comment)),
    );
    finish(path, meta, body, original, before)
}

/// Links the two states of a file recorded with [`Changes::Both`] once labels are known: the
/// rejected state is labelled `LABEL (changes rejected)`, takes the draft's parents, and
/// becomes the draft's parent.
pub fn link_states(before: &mut Draft, after: &mut Draft) {
    let label = after.meta.label.clone().unwrap_or_default();
    before.meta.label = Some(format!("{label} (changes rejected)"));
    before.meta.track = after.meta.track.clone();
    before.meta.parent = std::mem::take(&mut after.meta.parent);
    before.meta.dates = after.meta.dates.clone();
    before.meta.sources = after.meta.sources.clone();
    before.meta.status = after.meta.status;
    before.meta.text = after.meta.text;
    after.meta.parent = before.meta.label.clone().into_iter().collect();
}

/// Reads a text file: UTF-8 as it always was (front matter and all), another encoding decoded
/// and its original kept.
fn read_text(path: &Path, bytes: Vec<u8>, options: &Options) -> Result<Ingested> {
    let Some(decoded) = text::decode(path, &bytes, options.encoding.as_deref())? else {
        let draft = draft::parse(path, &bytes)?;
        return Ok(Ingested {
            draft,
            before: None,
        });
    };
    let mut draft = draft::parse(path, decoded.text.as_bytes())?;
    let ext = original_extension(path, Format::Text);
    draft.meta.extraction = Some(Extraction {
        method: "text".into(),
        tool: "encoding_rs 0.8".into(),
        original: format!("original.{ext}"),
        sha256: draft::sha256_hex(&bytes),
        encoding: Some(decoded.encoding.into()),
        ..Extraction::default()
    });
    draft.original = Some(Original {
        name: format!("original.{ext}"),
        bytes,
    });
    Ok(Ingested {
        draft,
        before: None,
    })
}

/// The extension the original is stored under: the file's own when it names the format,
/// else the format's.
fn original_extension(path: &Path, format: Format) -> String {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .filter(|e| !e.is_empty() && e.len() <= 5 && e.chars().all(|c| c.is_ascii_alphanumeric()));
    let fits = |e: &str| match format {
        Format::Text => true,
        Format::Pdf => e == "pdf",
        Format::Docx => e == "docx",
        Format::Odt => e == "odt",
        Format::Fodt => e == "fodt",
        Format::Html => matches!(e, "html" | "htm" | "xhtml"),
        Format::Image => matches!(e, "png" | "jpg" | "jpeg" | "tif" | "tiff"),
    };
    match ext {
        Some(e) if fits(&e) => e,
        _ => match format {
            Format::Text => "txt",
            Format::Pdf => "pdf",
            Format::Docx => "docx",
            Format::Odt => "odt",
            Format::Fodt => "fodt",
            Format::Html => "html",
            Format::Image => "png",
        }
        .into(),
    }
}

/// A scratch folder for files external programs read, removed when dropped.
fn scratch(path: &Path) -> Result<tempfile::TempDir> {
    tempfile::Builder::new()
        .prefix("drafttrail-ocr-")
        .tempdir()
        .map_err(|e| Error::io(path, e))
}

/// OCR of page images, recorded in the extraction.
fn recognised(
    path: &Path,
    images: &[PathBuf],
    options: &Options,
    extraction: &mut Extraction,
) -> Result<Vec<String>> {
    let r = ocr::images(path, images, options.ocr_lang.as_deref())?;
    extraction.method = "ocr".into();
    extraction.tool = r.tool;
    extraction.ocr_lang = Some(r.langs);
    extraction.ocr_confidence = Some((r.confidence * 10.0).round() / 10.0);
    Ok(r.pages)
}

/// Cleans page text, listing the steps in the extraction.
fn clean(pages: &[String], extraction: &mut Extraction) -> String {
    let cleaned = cleanup::pages(pages);
    extraction.steps = cleaned.steps;
    tidy(cleaned.text.lines()).0
}

/// Joins lines into a body: spaces trimmed at both ends, runs of blank lines made one, no blank
/// line at either end, a final newline. Returns the body and each input line's byte offset in
/// it (where a dropped blank line would have been).
fn tidy<'a>(lines: impl Iterator<Item = &'a str>) -> (String, Vec<usize>) {
    let mut out = String::new();
    let mut offsets = Vec::new();
    let mut blank = false;
    for line in lines {
        // Indentation in a document is layout (tabs, a justified PDF line), not words.
        let line = line.trim();
        if line.trim().is_empty() {
            offsets.push(out.len());
            blank = !out.is_empty();
            continue;
        }
        if blank {
            out.push('\n');
            blank = false;
        }
        offsets.push(out.len());
        out.push_str(line);
        out.push('\n');
    }
    (out, offsets)
}

/// The claims a file's own marks make: each revision and comment, tied to the provision of
/// the accepted text its line falls in.
fn file_claims(
    marked: &marked::Marked,
    accepted: &str,
    offsets: &[usize],
    source: &str,
) -> Vec<Claim> {
    let parsed = provisions::parse(accepted);
    let provision_at = |line: usize| -> Vec<String> {
        let Some(&at) = offsets.get(line) else {
            return Vec::new();
        };
        parsed
            .iter()
            .rev()
            .find(|p| p.span.start <= at)
            .map(|p| vec![p.id.clone()])
            .unwrap_or_default()
    };
    let date = |d: &Option<String>| {
        d.as_deref()
            .and_then(|d| d.get(..10))
            .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
    };
    let mut claims = Vec::new();
    for r in &marked.revisions {
        let words = clip(&r.text, 120);
        if words.is_empty() {
            continue;
        }
        let verb = if r.inserted { "inserted" } else { "deleted" };
        claims.push(Claim {
            who: r.author.clone(),
            did: format!("{verb} “{words}”"),
            provisions: provision_at(r.line),
            source: Some(source.to_owned()),
            kind: Some(ClaimKind::TrackedChange),
            date: date(&r.date),
            ..Claim::default()
        });
    }
    for n in &marked.comments {
        claims.push(Claim {
            who: n.author.clone(),
            did: format!("commented “{}”", clip(&n.text, 300)),
            provisions: provision_at(n.line),
            source: Some(source.to_owned()),
            kind: Some(ClaimKind::Comment),
            date: date(&n.date),
            ..Claim::default()
        });
    }
    claims
}

/// `s` with its spacing collapsed, cut at `max` characters with an ellipsis.
fn clip(s: &str, max: usize) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= max {
        return s;
    }
    let mut out: String = s.chars().take(max).collect();
    out.push('…');
    out
}

/// The front matter of a file that cannot carry it: `NAME.toml` beside `NAME.pdf`.
fn sidecar(path: &Path) -> Result<Option<DraftMeta>> {
    let side = path.with_extension("toml");
    if side == path || !side.is_file() {
        return Ok(None);
    }
    let bytes = draft::read_bytes(&side)?;
    let text = draft::check_text(&side, &bytes)?;
    draft::parse_meta(&side, text, 1).map(Some)
}

fn draft_of(path: &Path, meta: DraftMeta, body: String, original: Original) -> Result<Draft> {
    if body.trim().is_empty() {
        return Err(Error::Ingest {
            path: path.to_owned(),
            msg: "no text could be extracted from it".into(),
        });
    }
    Ok(Draft {
        meta,
        body,
        original: Some(original),
    })
}

fn finish(
    path: &Path,
    meta: DraftMeta,
    body: String,
    original: Original,
    before: Option<Draft>,
) -> Result<Ingested> {
    Ok(Ingested {
        draft: draft_of(path, meta, body, original)?,
        before,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_sniffed_from_bytes() {
        let p = Path::new("leak.bin");
        assert_eq!(format_of(p, b"%PDF-1.7\n"), Format::Pdf);
        assert_eq!(format_of(p, b"\x89PNG\r\n"), Format::Image);
        assert_eq!(format_of(p, b"<!DOCTYPE html><p>x"), Format::Html);
        assert_eq!(format_of(p, b"1. Text"), Format::Text);
        assert_eq!(
            format_of(Path::new("a.odt"), b"PK\x03\x04rest"),
            Format::Odt
        );
        assert_eq!(
            format_of(Path::new("a.docx"), b"PK\x03\x04rest"),
            Format::Docx
        );
    }

    #[test]
    fn tidy_maps_lines_to_offsets() {
        let (body, offsets) = tidy(["1. A  ", "", "", "\t2. B"].into_iter());
        assert_eq!(body, "1. A\n\n2. B\n");
        assert_eq!(offsets, [0, 5, 5, 6]);
    }
}
