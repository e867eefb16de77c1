//! Text files in other encodings than UTF-8: UTF-16 (with or without a byte-order mark),
//! legacy single-byte encodings (CP1251, KOI8-R, Latin-1…) detected by `chardetng`, or named
//! with `--encoding`. Decoding is strict: a text that does not decode cleanly is refused, not
//! patched with replacement characters.

use std::path::Path;

use encoding_rs::Encoding;

use crate::draft;
use crate::error::{Error, Result};

/// The fewest non-ASCII bytes from which an encoding is guessed; below it a text that is not
/// UTF-8 is refused (name its encoding with `--encoding`).
const MIN_EVIDENCE: usize = 16;

/// A text decoded from another encoding.
pub(super) struct Decoded {
    /// The text.
    pub text: String,
    /// The encoding it was in (WHATWG name: `windows-1251`, `UTF-16LE`).
    pub encoding: &'static str,
}

/// Decodes `bytes` when they are not UTF-8 text; `None` when they are (a UTF-8 byte-order
/// mark included) and no other encoding is forced.
pub(super) fn decode(path: &Path, bytes: &[u8], forced: Option<&str>) -> Result<Option<Decoded>> {
    let encoding = match forced {
        Some(label) => {
            let e = Encoding::for_label(label.trim().as_bytes()).ok_or_else(|| {
                Error::InvalidArgument {
                    what: "encoding",
                    value: label.to_owned(),
                    msg: "not an encoding name drafttrail knows (e.g. utf-8, windows-1251, \
                          koi8-r, utf-16le, iso-8859-1)"
                        .into(),
                }
            })?;
            if e == encoding_rs::UTF_8 {
                return Ok(None);
            }
            e
        }
        None => match Encoding::for_bom(bytes) {
            Some((e, _)) if e == encoding_rs::UTF_8 => return Ok(None),
            Some((e, _)) => e,
            None if std::str::from_utf8(bytes).is_ok() && !bytes.contains(&0) => return Ok(None),
            None => match utf16_without_bom(bytes) {
                Some(e) => e,
                None if bytes.contains(&0) => {
                    let offset = bytes.iter().position(|&b| b == 0).unwrap_or(0);
                    return Err(Error::Binary {
                        path: path.to_owned(),
                        offset,
                    });
                }
                // A guess needs evidence: a few stray bytes are damage, not an encoding.
                None if bytes.iter().filter(|b| !b.is_ascii()).count() < MIN_EVIDENCE => {
                    return draft::check_text(path, bytes).map(|_| None);
                }
                None => {
                    let mut detector = chardetng::EncodingDetector::new();
                    detector.feed(bytes, true);
                    detector.guess(None, true)
                }
            },
        },
    };
    let (text, used, had_errors) = encoding.decode(bytes);
    // Control characters other than tabs and line ends are not text in any encoding: the
    // guess was wrong, or the file is not text.
    let controls = text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}' | '\u{feff}'));
    if had_errors || controls {
        return Err(Error::Ingest {
            path: path.to_owned(),
            msg: format!(
                "not UTF-8, and not valid {} either; name its encoding with --encoding",
                used.name()
            ),
        });
    }
    Ok(Some(Decoded {
        text: text.into_owned(),
        encoding: used.name(),
    }))
}

/// UTF-16 without a byte-order mark: the high byte of every ASCII code unit (spaces, digits,
/// line ends, which even a Cyrillic text has one in ten of) is zero, the low byte never is.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let units = bytes.len() / 2;
    let zero_at = |k: usize| bytes.iter().skip(k).step_by(2).filter(|&&b| b == 0).count();
    let (even, odd) = (zero_at(0), zero_at(1));
    let both = bytes.chunks(2).filter(|c| c == &[0, 0]).count();
    if both > 0 {
        return None;
    }
    if odd * 10 >= units && even == 0 {
        Some(encoding_rs::UTF_16LE)
    } else if even * 10 >= units && odd == 0 {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cp1251_and_utf16_are_decoded() {
        let p = Path::new("x.txt");
        let text =
            "1. Украина сохраняет суверенитет.\n2. Россия не вторгается в соседние страны.\n";
        let (cp, _, _) = encoding_rs::WINDOWS_1251.encode(text);
        let d = decode(p, &cp, None)
            .ok()
            .flatten()
            .map(|d| (d.text, d.encoding));
        assert_eq!(d, Some((text.to_owned(), "windows-1251")));
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let d = decode(p, &le, None)
            .ok()
            .flatten()
            .map(|d| (d.text, d.encoding));
        assert_eq!(d, Some((text.to_owned(), "UTF-16LE")));
        assert!(matches!(decode(p, text.as_bytes(), None), Ok(None)));
        assert!(matches!(
            decode(p, b"a\0b\0\0\0c", None),
            Err(Error::Binary { .. })
        ));
    }
}
