//! One line at a time: does it open a provision, head a part of the document, or is it body
//! text?
//!
//! [`classify`] looks at a line alone. Whether a candidate really opens a provision depends on
//! the whole document (its scheme, its numbering sequence), which `parse` decides.

use super::heading::{GROUPS, Heading, STRUCTURE, md_heading, structure};
use super::keyword::{KEYWORDS, Scheme, WORD_BUF, keyword, lower_word};
use super::number::{self, MAX_DIGITS};

/// Words that, right after a number, show a line citing a provision rather than heading one
/// (`§ 57 Abs. 1 gilt`, `Article 7 of the Treaty`, `Section 5 is amended`).
const CITING: [&str; 52] = [
    "abs.", "absatz", "satz", "nr.", "nummer", "buchst.", "halbsatz", "und", "oder", "bis", "in",
    "im", "an", "auf", "mit", "gilt", "gelten", "ist", "sind", "findet", "finden", "wird",
    "werden", "of", "and", "or", "to", "is", "are", "was", "shall", "may", "applies", "apply",
    "does", "as", "de", "du", "des", "et", "ou", "est", "sont", "à", "al.", "alinéa", "y", "o",
    "del", "la", "le", "les",
];

/// One line, classified on its own.
#[derive(Debug)]
pub(super) enum Line {
    /// Empty or whitespace.
    Blank,
    /// Ordinary text.
    Body,
    /// Could open a provision.
    Marker(Marker),
    /// Heads a part of the document.
    Heading(Box<Heading>),
    /// A removed range (`§§ 1 bis 3 (weggefallen)`): ends the provision above, opens none.
    Gap,
}

/// A line that could open a provision.
#[derive(Debug)]
pub(super) struct Marker {
    pub scheme: Scheme,
    pub indent: usize,
    /// The number as written.
    pub number: String,
    /// Byte offset (within the line) where the provision's text starts.
    pub text_start: usize,
    /// Laid out as a heading: a Markdown heading, the number alone on its line, a keyword,
    /// number and separator (`SEC. 2. TITLE`), or bold.
    pub strong: bool,
    /// Could be a heading at all: `false` for a line that reads as a sentence citing a
    /// provision (`§ 57 Abs. 1 gilt entsprechend.`).
    pub headlike: bool,
    /// The Markdown heading level, if the line is one.
    pub md_level: Option<u8>,
    /// The line is also a structural heading (`Section 1 : Title` in a code of articles).
    pub structure: Option<Box<Heading>>,
}

/// Classifies one line (with its line ending).
pub(super) fn classify(line: &str) -> Line {
    let content = line.trim_end();
    if content.is_empty() {
        return Line::Blank;
    }
    let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
    let mut rest = &line[indent..];
    let mut md_level = None;
    let hashes = rest.len() - rest.trim_start_matches('#').len();
    if (1..=6).contains(&hashes) && rest[hashes..].starts_with([' ', '\t']) {
        md_level = Some(hashes as u8);
        rest = rest[hashes..].trim_start();
    }
    // Bold or italic wrappers around a marker: `**Article 5.**`.
    let stars = rest.len() - rest.trim_start_matches(['*', '_']).len();
    let bold = stars >= 2;
    rest = &rest[stars..];
    if md_level.is_none() && !could_be_marked(rest) {
        return Line::Body;
    }
    if let Some(m) = keyword_marker(line, rest, indent, md_level, bold) {
        return m;
    }
    if let Some(m) = sign_after_number(line, rest, indent, md_level) {
        return Line::Marker(m);
    }
    if md_level.is_none()
        && let Some(h) = structure(rest.trim_end(), None)
    {
        return Line::Heading(Box::new(h));
    }
    if let Some(m) = list_marker(line, rest, indent, md_level) {
        return Line::Marker(m);
    }
    match md_level {
        Some(level) => {
            let text = rest.trim_end();
            if text.trim_matches(['#', ' ', '*', '_']).is_empty() {
                return Line::Body;
            }
            Line::Heading(Box::new(md_heading(text, level)))
        }
        None => Line::Body,
    }
}

/// A cheap first look: most lines of a code are prose, and only a line that starts with a
/// digit, `(`, `§`, a roman numeral, a provision, structure or group keyword, or is short
/// enough to be an `Erster Abschnitt`-style heading can be anything but body text.
fn could_be_marked(rest: &str) -> bool {
    let Some(&b) = rest.as_bytes().first() else {
        return false;
    };
    if b.is_ascii_digit() || b == b'(' || rest.starts_with('§') {
        return true;
    }
    // `IV.`: a roman numeral and a full stop (`Le`, `Dans`, `Mais` are words).
    let roman = rest.bytes().take_while(|c| b"IVXLCDM".contains(c)).count();
    if roman > 0 && rest.as_bytes().get(roman) == Some(&b'.') {
        return true;
    }
    let mut buf = [0u8; WORD_BUF];
    let Some((word, len)) = lower_word(rest, &mut buf) else {
        return false;
    };
    let word = word
        .strip_suffix('s')
        .filter(|_| len > 1)
        .map_or(word, |w| {
            if KEYWORDS.iter().any(|(k, _)| *k == w) {
                w
            } else {
                word
            }
        });
    let known = |w: &str| {
        STRUCTURE.contains(&w)
            || GROUPS.contains(&w)
            || KEYWORDS
                .iter()
                .any(|(k, _)| *k == w || k.strip_suffix('.') == Some(w))
    };
    if known(word) {
        return true;
    }
    // `Allgemeiner Teil`, `Erster Abschnitt - …`: short, the second word a keyword.
    if rest.len() > 200 || rest.trim_end().ends_with(['.', ';', ',']) {
        return false;
    }
    let second = rest[len..].trim_start();
    let mut buf2 = [0u8; WORD_BUF];
    lower_word(second, &mut buf2)
        .is_some_and(|(w, _)| STRUCTURE.contains(&w) || GROUPS.contains(&w))
}

/// The heading a numbered Markdown heading line is when its number is not the document's
/// scheme (`## 3. Security` above articles): built only then, not for every marker.
pub(super) fn outline_of(content: &str) -> Option<Heading> {
    let rest = content.trim_start_matches([' ', '\t']);
    let hashes = rest.len() - rest.trim_start_matches('#').len();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    Some(md_heading(rest[hashes..].trim(), hashes as u8))
}

/// A provision keyword or section sign with its number.
fn keyword_marker(
    line: &str,
    rest: &str,
    indent: usize,
    md_level: Option<u8>,
    bold: bool,
) -> Option<Line> {
    let (scheme, after) = keyword(rest)?;
    let plural = after.starts_with(['s', 'S', '§']);
    let after = match after.chars().next() {
        Some(c) if plural => &after[c.len_utf8()..],
        _ => after,
    };
    let sep = after.len() - after.trim_start().len();
    let body = &after[sep..];
    let (number, used) = number::after_keyword(body)?;
    let tail = &body[used..];
    // `Section 1(b)`, `§ 5(1)`: a citation of a subdivision, never a heading; but a status
    // note after the number (`Artículo cuarto (nuevo).`, `(suprimida)`) heads the provision
    // in committee texts.
    if tail.starts_with(['(', '[']) && !is_status(tail) {
        return Some(Line::Body);
    }
    let tail = match is_status(tail) {
        true => tail.find(')').map_or(tail, |k| &tail[k + 1..]),
        false => tail,
    };
    if plural || is_range(tail) {
        return Some(Line::Gap);
    }
    let closing = tail.trim_start_matches(['.', ':', ')', '*', '_', ' ', '\t', '—', '–', '-']);
    let title = closing.trim_end();
    let separator = tail
        .trim_start()
        .starts_with(['.', ':', ')', '—', '–', '-']);
    let strong = md_level.is_some() || bold || title.is_empty() || separator;
    let headlike = strong || reads_as_title(title);
    let structure = if matches!(scheme, Scheme::Section | Scheme::Point) && headlike {
        structure(rest.trim_end(), md_level).map(Box::new)
    } else {
        None
    };
    Some(Line::Marker(Marker {
        scheme,
        indent,
        number,
        text_start: line.len() - closing.len(),
        strong,
        headlike,
        md_level,
        structure,
    }))
}

/// A section numbered before its sign, as Sweden, Finland and Hungary write them: `1 §`,
/// `2 a §`, `1. §`, then the end of the line or the section's first words.
fn sign_after_number(
    line: &str,
    rest: &str,
    indent: usize,
    md_level: Option<u8>,
) -> Option<Marker> {
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 4 {
        return None;
    }
    let mut end = digits;
    // `2 a §`: an inserted section's letter.
    let b = rest.as_bytes();
    if b.get(end) == Some(&b' ')
        && b.get(end + 1).is_some_and(u8::is_ascii_lowercase)
        && b.get(end + 2) == Some(&b' ')
    {
        end += 2;
    }
    let after = rest[end..].strip_prefix('.').unwrap_or(&rest[end..]);
    let after = after.strip_prefix(' ')?.strip_prefix('§')?;
    if !(after.is_empty() || after.starts_with([' ', '\t', '\n', '\r'])) {
        return None;
    }
    let text = after.trim_start();
    // `3 § första stycket gäller …`: a citation wrapped to the start of a line.
    const CITING: [&str; 17] = [
        "första",
        "andra",
        "tredje",
        "fjärde",
        "femte",
        "stycket",
        "punkt",
        "och",
        "eller",
        "gäller",
        "samt",
        "mom",
        "momentissa",
        "momentin",
        "kohdassa",
        "ja",
        "tai",
    ];
    let first = text
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    Some(Marker {
        scheme: Scheme::Paragraph,
        indent,
        number: rest[..end].to_owned(),
        text_start: line.len() - text.len(),
        strong: text.trim_end().is_empty() || md_level.is_some(),
        headlike: !CITING.contains(&first.as_str()),
        md_level,
        structure: None,
    })
}

/// Whether `tail` starts with a status note in brackets: new, deleted, repealed.
fn is_status(tail: &str) -> bool {
    const STATUS: [&str; 14] = [
        "nuevo",
        "nueva",
        "suprimido",
        "suprimida",
        "new",
        "deleted",
        "repealed",
        "nouveau",
        "nouvelle",
        "supprimé",
        "supprimée",
        "abrogé",
        "neu",
        "novo",
    ];
    let Some(inner) = tail.trim_start().strip_prefix('(') else {
        return false;
    };
    let Some(end) = inner.find(')') else {
        return false;
    };
    STATUS.contains(&inner[..end].trim().to_lowercase().as_str())
}

/// Bare list markers: `5.`, `5)`, `(5)`, `V.`, a Markdown heading with a number, and the UK
/// `5 Short title`.
fn list_marker(line: &str, rest: &str, indent: usize, md_level: Option<u8>) -> Option<Marker> {
    let make = |scheme, number: String, after: &str, strong| {
        let trimmed = after.trim_start_matches(['.', ':', ')', '*', '_', ' ', '\t', '—', '–', '-']);
        Marker {
            scheme: if md_level.is_some() {
                Scheme::Heading
            } else {
                scheme
            },
            indent,
            number,
            text_start: line.len() - trimmed.len(),
            strong: strong || md_level.is_some(),
            headlike: true,
            md_level,
            structure: None,
        }
    };
    if let Some(inner) = rest.strip_prefix('(') {
        let digits = inner.bytes().take_while(u8::is_ascii_digit).count();
        if (1..=MAX_DIGITS).contains(&digits) && inner[digits..].starts_with(')') {
            return Some(make(
                Scheme::ParenNumber,
                inner[..digits].to_owned(),
                &inner[digits + 1..],
                false,
            ));
        }
        return None;
    }
    if let Some((number, end)) = number::bare(rest) {
        let tail = &rest[end..];
        if tail.starts_with(". ") || tail.starts_with(".\t") || tail.trim_end() == "." {
            return Some(make(Scheme::DecimalDot, number, &tail[1..], false));
        }
        if let Some(after) = tail.strip_prefix(')') {
            return Some(make(Scheme::DecimalParen, number, after, false));
        }
        if md_level.is_some() && (tail.starts_with(' ') || tail.trim().is_empty()) {
            return Some(make(Scheme::Heading, number, tail, true));
        }
        // UK style: `12 Short title`, a title and nothing else.
        let title = tail.trim();
        if tail.starts_with(' ')
            && end <= 4
            && title.starts_with(|c: char| c.is_uppercase())
            && title.len() <= 120
            && reads_as_title(title)
        {
            return Some(make(Scheme::BareNumber, number, tail, false));
        }
        return None;
    }
    let roman = rest.len()
        - rest
            .trim_start_matches(['I', 'V', 'X', 'L', 'C', 'D', 'M'])
            .len();
    if roman > 0
        && (rest[roman..].starts_with(". ") || rest[roman..].trim_end() == ".")
        && number::is_roman(&rest[..roman])
    {
        return Some(make(
            Scheme::Roman,
            rest[..roman].to_owned(),
            &rest[roman + 1..],
            false,
        ));
    }
    None
}

/// Whether the text after a number reads as a heading's title rather than as the rest of a
/// sentence: no citing word first, no sentence punctuation at the end.
fn reads_as_title(title: &str) -> bool {
    if title.is_empty() {
        return true;
    }
    let first = title.split_whitespace().next().unwrap_or("").to_lowercase();
    if CITING.contains(&first.as_str()) {
        return false;
    }
    if !title.starts_with(|c: char| c.is_uppercase() || c == '(' || c == '[' || c == '"') {
        return false;
    }
    !title.ends_with(['.', ';', ',', ':'])
}

/// `1 bis 3`, `1 und 2`, `5 to 7`, `5 à 7`, `5-7` after the first number of a range.
fn is_range(tail: &str) -> bool {
    let t = tail.trim_start();
    for w in [
        "bis ", "und ", "to ", "à ", "au ", "through ", "and ", "y ", "a ",
    ] {
        if let Some(r) = t.strip_prefix(w) {
            let r = r.trim_start().trim_start_matches('§').trim_start();
            if r.starts_with(|c: char| c.is_ascii_digit()) {
                return true;
            }
        }
    }
    false
}
