//! PDF files: the text layer, page by page, through `pdf-extract` (pure Rust, on `lopdf`), and
//! the Info dictionary as document metadata. A PDF without a text layer (a scan) goes to OCR.
//! An encrypted PDF opens when its user password is empty (permissions only); otherwise it is
//! refused with a hint.

use std::path::Path;

use pdf_extract::{Document, Object};

use crate::draft::DocumentMeta;
use crate::error::{Error, Result};

/// The pages' text and the file's metadata.
pub(super) struct Pages {
    /// One string per page.
    pub pages: Vec<String>,
    /// The Info dictionary.
    pub document: DocumentMeta,
    /// What read the text, with its version.
    pub tool: String,
}

/// Fewer letters than this per page on average: the PDF has no real text layer.
const MIN_LETTERS_PER_PAGE: usize = 20;

/// Reads the text layer of a PDF: with pdf-extract, else (when it fails on the file's
/// structure, or reads fewer pages than the file has) with poppler's `pdftotext` if installed.
pub(super) fn read(path: &Path, bytes: &[u8]) -> Result<Pages> {
    let fail = |msg: String| Error::Ingest {
        path: path.to_owned(),
        msg,
    };
    let (document, extracted) = match Document::load_mem(bytes) {
        Ok(mut doc) => {
            if doc.is_encrypted() && doc.decrypt("").is_err() {
                return Err(fail(
                    "the PDF is encrypted with a password: decrypt it first (e.g. qpdf \
                     --decrypt --password=PASSWORD in.pdf out.pdf) and record that file"
                        .into(),
                ));
            }
            (info(&doc), extract(&doc))
        }
        Err(e) => (
            DocumentMeta::default(),
            Err(format!("not a PDF its parser can read: {e}")),
        ),
    };
    match extracted {
        Ok(pages) => Ok(Pages {
            pages,
            document,
            tool: "pdf-extract 0.12".into(),
        }),
        Err(why) => match poppler(path, bytes)? {
            Poppler::Read(pages, tool) => Ok(Pages {
                pages,
                document,
                tool: format!("{tool} (pdf-extract: {why})"),
            }),
            Poppler::Failed(also) => Err(fail(format!(
                "its text could not be extracted ({why}; pdftotext: {also}); is the file \
                 complete?"
            ))),
            Poppler::Missing => Err(fail(format!(
                "its text could not be extracted ({why}); is the file complete? Installing \
                 poppler-utils gives drafttrail a second reader (pdftotext)"
            ))),
        },
    }
}

/// pdf-extract's pages of the document already loaded (and decrypted), or why they cannot
/// be trusted.
fn extract(doc: &Document) -> std::result::Result<Vec<String>, String> {
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    // pdf-extract panics on some malformed fonts and streams: a panic becomes this file's
    // error, and the default hook is silenced meanwhile so that the user sees one line.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        pages
            .iter()
            .map(|&n| {
                let mut text = String::new();
                let mut out = pdf_extract::PlainTextOutput::new(&mut text);
                pdf_extract::output_doc_page(doc, &mut out, n)
                    .map_err(|e| format!("page {n}: {e}"))?;
                Ok(text)
            })
            .collect::<std::result::Result<Vec<String>, String>>()
    }));
    std::panic::set_hook(hook);
    match result {
        Ok(pages) => pages,
        Err(_) => Err("its parser failed on the file's structure".into()),
    }
}

/// What poppler's `pdftotext` made of a PDF.
enum Poppler {
    /// It is not installed.
    Missing,
    /// It failed, saying this.
    Failed(String),
    /// The pages (form feeds between them) and the tool with its version.
    Read(Vec<String>, String),
}

/// Reads a PDF with poppler's `pdftotext`.
fn poppler(path: &Path, bytes: &[u8]) -> Result<Poppler> {
    use std::process::Command;
    let Ok(version) = Command::new("pdftotext").arg("-v").output() else {
        return Ok(Poppler::Missing);
    };
    let tool = String::from_utf8_lossy(&version.stderr)
        .lines()
        .next()
        .unwrap_or("pdftotext")
        .trim()
        .to_owned();
    let dir = tempfile::tempdir().map_err(|e| Error::io(path, e))?;
    let file = dir.path().join("in.pdf");
    std::fs::write(&file, bytes).map_err(|e| Error::io(&file, e))?;
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&file)
        .arg("-")
        .output()
        .map_err(|e| Error::io(path, e))?;
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        let last = err.lines().last().unwrap_or("no message").trim().to_owned();
        return Ok(Poppler::Failed(last));
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_owned).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    Ok(Poppler::Read(pages, tool))
}

/// Whether the pages carry (almost) no text: a scan.
pub(super) fn is_image_only(pages: &[String]) -> bool {
    let letters: usize = pages
        .iter()
        .map(|p| p.chars().filter(|c| c.is_alphabetic()).count())
        .sum();
    letters < MIN_LETTERS_PER_PAGE * pages.len().max(1)
}

/// The Info dictionary's fields.
fn info(doc: &Document) -> DocumentMeta {
    let Some(dict) = doc
        .trailer
        .get(b"Info")
        .ok()
        .and_then(|o| match o {
            Object::Reference(id) => doc.get_object(*id).ok(),
            other => Some(other),
        })
        .and_then(|o| o.as_dict().ok())
    else {
        return DocumentMeta::default();
    };
    let get = |key: &[u8]| -> Option<String> {
        let o = dict.get(key).ok()?;
        let o = match o {
            Object::Reference(id) => doc.get_object(*id).ok()?,
            other => other,
        };
        let Object::String(bytes, _) = o else {
            return None;
        };
        let s = pdf_string(bytes);
        let s = s.trim();
        (!s.is_empty()).then(|| s.to_owned())
    };
    DocumentMeta {
        title: get(b"Title"),
        author: get(b"Author"),
        creator: get(b"Creator"),
        producer: get(b"Producer"),
        created: get(b"CreationDate").map(|d| pdf_date(&d)),
        modified: get(b"ModDate").map(|d| pdf_date(&d)),
        ..DocumentMeta::default()
    }
}

/// A PDF text string: UTF-16BE after a byte-order mark, else PDFDocEncoding (Latin-1 for the
/// letters that matter here).
fn pdf_string(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xfe, 0xff]) {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        return String::from_utf16_lossy(&units);
    }
    if let Ok(s) = std::str::from_utf8(bytes.strip_prefix(&[0xef, 0xbb, 0xbf]).unwrap_or(bytes)) {
        return s.to_owned();
    }
    bytes.iter().map(|&b| b as char).collect()
}

/// `D:20241018093000+02'00'` → `2024-10-18T09:30:00+02:00` (as much as is given).
fn pdf_date(raw: &str) -> String {
    let d = raw.strip_prefix("D:").unwrap_or(raw);
    let digits: String = d.chars().take_while(char::is_ascii_digit).collect();
    if digits.len() < 8 {
        return raw.to_owned();
    }
    let part = |a: usize, b: usize| digits.get(a..b).unwrap_or("00");
    let mut out = format!("{}-{}-{}", part(0, 4), part(4, 6), part(6, 8));
    if digits.len() >= 12 {
        out.push_str(&format!(
            "T{}:{}:{}",
            part(8, 10),
            part(10, 12),
            part(12, 14)
        ));
        let zone = &d[digits.len()..];
        if zone.starts_with('Z') {
            out.push('Z');
        } else if zone.starts_with(['+', '-']) {
            let z: String = zone.chars().filter(|c| c.is_ascii_digit()).collect();
            if z.len() >= 4 {
                out.push_str(&format!("{}{}:{}", &zone[..1], &z[..2], &z[2..4]));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn pdf_dates_and_strings() {
        assert_eq!(
            super::pdf_date("D:20241018093000+02'00'"),
            "2024-10-18T09:30:00+02:00"
        );
        assert_eq!(super::pdf_date("D:20241018"), "2024-10-18");
        assert_eq!(
            super::pdf_string(&[0xfe, 0xff, 0x04, 0x10, 0x00, 0x41]),
            "АA"
        );
    }
}
