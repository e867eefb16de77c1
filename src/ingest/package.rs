//! Reading the parts of a zipped document (DOCX, ODT) safely: every part's expansion is
//! capped (a zip bomb is refused, not unpacked), and XML that declares a DTD is refused, so no
//! entity is ever expanded or fetched (XXE). The XML walkers of `docx` and `odt` share the
//! small helpers here.

use std::borrow::Cow;
use std::io::{Cursor, Read};
use std::path::Path;

use quick_xml::events::{BytesRef, BytesStart};

use crate::draft::DocumentMeta;
use crate::error::{Error, Result};

/// The most one part of a package may expand to (a 64 MiB draft is the text limit; markup
/// around it is rarely more than four times the text).
const MAX_PART: u64 = 256 * 1024 * 1024;
/// The most expansion ratio drafttrail believes of a part over 1 MiB: real documents compress
/// XML 5–20 times, zip bombs a thousand times and more.
const MAX_RATIO: u64 = 200;
/// The most entries a package may list.
const MAX_ENTRIES: usize = 100_000;

/// A zipped document opened for reading its parts.
pub(super) struct Package<'a> {
    path: &'a Path,
    archive: zip::ZipArchive<Cursor<&'a [u8]>>,
}

impl<'a> Package<'a> {
    /// Opens the zip archive in `bytes`; `path` names it in errors.
    pub(super) fn open(path: &'a Path, bytes: &'a [u8]) -> Result<Self> {
        let archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| Error::Ingest {
            path: path.to_owned(),
            msg: format!("not a readable zip archive ({e}); is the file complete?"),
        })?;
        if archive.len() > MAX_ENTRIES {
            return Err(Error::Ingest {
                path: path.to_owned(),
                msg: format!("the archive lists {} entries: refused", archive.len()),
            });
        }
        Ok(Self { path, archive })
    }

    /// Reads a part as UTF-8 XML, refusing a DTD; `None` when the part is absent.
    pub(super) fn xml(&mut self, name: &str) -> Result<Option<String>> {
        let Some(bytes) = self.part(name)? else {
            return Ok(None);
        };
        let text = String::from_utf8(bytes).map_err(|_| self.error(name, "is not UTF-8"))?;
        refuse_dtd(self.path, name, &text)?;
        Ok(Some(text))
    }

    /// Reads a part's bytes, capped; `None` when absent.
    pub(super) fn part(&mut self, name: &str) -> Result<Option<Vec<u8>>> {
        let path = self.path;
        let mut file = match self.archive.by_name(name) {
            Ok(f) => f,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(e) => {
                return Err(Error::Ingest {
                    path: path.to_owned(),
                    msg: format!("{name}: cannot be read ({e})"),
                });
            }
        };
        let (size, packed) = (file.size(), file.compressed_size());
        let bomb = |size: u64| Error::Ingest {
            path: path.to_owned(),
            msg: format!(
                "{name} expands to {size} bytes or more from {packed}: refused as a zip bomb \
                 (limit {MAX_PART} bytes, ratio {MAX_RATIO}:1)"
            ),
        };
        if size > MAX_PART || (size > 1 << 20 && size / packed.max(1) > MAX_RATIO) {
            return Err(bomb(size));
        }
        // The declared size can lie: the read itself is capped too.
        let limit = MAX_PART.min(packed.max(1).saturating_mul(MAX_RATIO).max(1 << 20));
        let mut bytes = Vec::new();
        (&mut file)
            .take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| Error::Ingest {
                path: path.to_owned(),
                msg: format!("{name}: cannot be unpacked ({e})"),
            })?;
        if bytes.len() as u64 > limit {
            return Err(bomb(bytes.len() as u64));
        }
        Ok(Some(bytes))
    }

    /// An error about one part.
    pub(super) fn error(&self, name: &str, msg: &str) -> Error {
        Error::Ingest {
            path: self.path.to_owned(),
            msg: format!("{name} {msg}"),
        }
    }
}

/// Refuses XML that declares a DTD: office documents never need one, and its entities could
/// read local files or fetch addresses.
pub(super) fn refuse_dtd(path: &Path, part: &str, xml: &str) -> Result<()> {
    if xml.contains("<!DOCTYPE") || xml.contains("<!ENTITY") {
        return Err(Error::Ingest {
            path: path.to_owned(),
            msg: format!(
                "{part} declares a DTD: refused (office documents never need one, and its \
                 entities could read local files or fetch addresses)"
            ),
        });
    }
    Ok(())
}

/// An attribute's value by its qualified name (`w:author`), unescaped.
pub(super) fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    let a = e.try_get_attribute(name).ok()??;
    a.unescape_value().ok().map(Cow::into_owned)
}

/// The text of an entity or character reference: the five XML entities and `&#…;`. Any
/// other entity (which only a DTD could define) yields nothing.
pub(super) fn reference(r: &BytesRef<'_>) -> Option<String> {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return Some(c.to_string());
    }
    let name = r.decode().ok()?;
    quick_xml::escape::resolve_predefined_entity(&name).map(str::to_owned)
}

/// A malformed-XML error for one part.
pub(super) fn malformed(path: &Path, part: &str, e: impl std::fmt::Display) -> Error {
    Error::Ingest {
        path: path.to_owned(),
        msg: format!("{part} is not well-formed XML ({e})"),
    }
}

/// The text content of the first element of each name in a small metadata part (core
/// properties, ODF meta), as `(local name, text)` pairs.
fn simple_fields(path: &Path, part: &str, xml: &str) -> Result<Vec<(String, String)>> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut fields = Vec::new();
    let mut current: Option<(String, String)> = None;
    loop {
        match reader.read_event().map_err(|e| malformed(path, part, e))? {
            Event::Start(e) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                current = Some((name, String::new()));
            }
            Event::Text(t) => {
                if let Some((_, text)) = &mut current {
                    text.push_str(&t.decode().map_err(|e| malformed(path, part, e))?);
                }
            }
            Event::GeneralRef(r) => {
                if let (Some((_, text)), Some(s)) = (&mut current, reference(&r)) {
                    text.push_str(&s);
                }
            }
            Event::End(_) => {
                if let Some((name, text)) = current.take() {
                    let text = text.trim().to_owned();
                    if !text.is_empty() && !fields.iter().any(|(n, _)| *n == name) {
                        fields.push((name, text));
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(fields)
}

/// The value of a field by qualified name, from [`simple_fields`].
fn field(fields: &[(String, String)], name: &str) -> Option<String> {
    fields
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.clone())
}

/// Where one field of a metadata part goes in [`DocumentMeta`].
pub(super) type Slot = fn(&mut DocumentMeta) -> &mut Option<String>;

/// Reads a small metadata part (core properties, `meta.xml`) into `document`, each element
/// named in `map` filling its slot.
pub(super) fn read_meta(
    package: &mut Package<'_>,
    part: &str,
    map: &[(&str, Slot)],
    document: &mut DocumentMeta,
) -> Result<()> {
    let Some(xml) = package.xml(part)? else {
        return Ok(());
    };
    fill_meta(package.path, part, &xml, map, document)
}

/// Fills `document` from a metadata part's XML (see [`read_meta`]).
pub(super) fn fill_meta(
    path: &Path,
    part: &str,
    xml: &str,
    map: &[(&str, Slot)],
    document: &mut DocumentMeta,
) -> Result<()> {
    let fields = simple_fields(path, part, xml)?;
    for (name, slot) in map {
        if let Some(value) = field(&fields, name) {
            *slot(document) = Some(value);
        }
    }
    Ok(())
}
