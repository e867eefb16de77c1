//! Text → provisions: the top-level numbered units of a draft.
//!
//! Every line is classified by the numbering marker it opens with, if any: a keyword
//! (`Article 5`, `Art. 5`, `Section 2`, `SEC. 2.`, `Point 7`, `Clause 3`), a section sign
//! (`§ 1a`), a Markdown heading carrying a number (`## 3. Title`), a roman numeral (`IV.`), or a
//! bare number (`1.`, `1)`, `(1)`). The document's scheme is the outermost kind present:
//! keywords and section signs beat headings, which beat bare markers; among bare markers the
//! least indented wins, then `1.` over `1)` over roman over `(1)`. Only lines of that scheme
//! start provisions; all other lines (sub-items `(a)`, `1.1`, bullets, paragraphs `(1)` inside
//! articles) belong to the provision above them. Text before the first provision is the
//! provision `preamble`.
//!
//! A provision's `text` excludes its number marker, so renumbering alone never changes the text
//! the aligner compares.

use std::collections::HashMap;

use crate::hash::fold;
use std::ops::Range;

/// One provision of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Provision {
    /// Unique within its document: the number as written (`"7"`, `"IV"`, `"1a"`), with `#2`,
    /// `#3`… appended to repeats, or `preamble`.
    pub id: String,
    /// The number as written, without decoration; `None` for the preamble.
    pub number: Option<String>,
    /// Byte range of the whole provision (marker included) in the document.
    pub span: Range<usize>,
    /// The provision's text: from after its marker to its end, trailing whitespace removed.
    pub text: std::sync::Arc<str>,
    /// Hash of the text's words, lower-cased, ignoring punctuation and spacing: equal texts up
    /// to editorial changes have equal keys. Computed once here so that aligning a version
    /// with its parent and its child does not redo it.
    pub key: u64,
}

/// Lower-cased form of each ASCII byte that belongs to a word, 0 for the others. Letters and
/// digits both have bit 0x20 set once lower-cased, so a word byte is never 0.
const ASCII_WORD: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            t[b] = c.to_ascii_lowercase();
        }
        b += 1;
    }
    t
};

/// Calls `f` with the hash of every word of `text` (a maximal run of letters and digits,
/// lower-cased), in order. Bytes are folded eight at a time: the hash is a few instructions
/// per byte, and it is on the path of every provision of every diff.
pub fn for_each_word_key(text: &str, mut f: impl FnMut(u64)) {
    const SEED: u64 = 0x243F_6A88_85A3_08D3;
    // A word's last chunk has fewer than 8 bytes, so its top byte is 0 before this marker is
    // applied; full chunks never have a top byte of 0xFF (no word byte is 0xFF in UTF-8).
    const END: u64 = 0xFF00_0000_0000_0000;
    let mut h = SEED;
    let mut acc: u64 = 0;
    let mut n = 0u32;
    let mut in_word = false;
    let push = |byte: u8, h: &mut u64, acc: &mut u64, n: &mut u32| {
        *acc |= u64::from(byte) << (8 * *n);
        *n += 1;
        if *n == 8 {
            *h = fold(*h, *acc);
            *acc = 0;
            *n = 0;
        }
    };
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let word_char = if b < 0x80 {
            let lower = ASCII_WORD[usize::from(b)];
            if lower != 0 {
                push(lower, &mut h, &mut acc, &mut n);
            }
            i += 1;
            lower != 0
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            i += c.len_utf8();
            if c.is_alphanumeric() {
                for l in c.to_lowercase() {
                    let mut buf = [0u8; 4];
                    for &byte in l.encode_utf8(&mut buf).as_bytes() {
                        push(byte, &mut h, &mut acc, &mut n);
                    }
                }
                true
            } else {
                false
            }
        };
        if word_char {
            in_word = true;
        } else if in_word {
            f(fold(h, acc ^ END));
            (h, acc, n, in_word) = (SEED, 0, 0, false);
        }
    }
    if in_word {
        f(fold(h, acc ^ END));
    }
}

/// Returns the hash of a text's words (lower-cased runs of letters and digits): equal for
/// texts that differ only in case, punctuation and spacing.
pub fn words_key(text: &str) -> u64 {
    let mut key = 0x1319_8A2E_0370_7344;
    for_each_word_key(text, |w| key = fold(key, w));
    key
}

/// The kinds of numbering marker, outermost first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Scheme {
    Keyword,
    Section,
    Heading,
    DecimalDot,
    DecimalParen,
    Roman,
    ParenNumber,
}

#[derive(Debug)]
struct Marker {
    scheme: Scheme,
    indent: usize,
    number: String,
    /// Byte offset (within the line) where the provision's text starts.
    text_start: usize,
}

/// Returns `true` when a document has no numbered provision: it is then one provision,
/// `preamble`, and every change to it is one rewording (worth a warning to the user).
pub fn is_unnumbered(provisions: &[Provision]) -> bool {
    provisions.iter().all(|p| p.number.is_none())
}

/// Splits a document into provisions. Every byte of `doc` belongs to exactly one provision's
/// span (the spans tile the document), except that an empty document has no provision.
pub fn parse(doc: &str) -> Vec<Provision> {
    let mut lines = Vec::new();
    let mut offset = 0;
    for line in doc.split_inclusive('\n') {
        lines.push((offset, line, classify(line)));
        offset += line.len();
    }
    let scheme = choose_scheme(lines.iter().filter_map(|(_, _, m)| m.as_ref()));
    let mut out: Vec<(Option<String>, usize, usize)> = Vec::new(); // number, start, text start
    for (start, _, marker) in &lines {
        if let (Some(m), Some((s, indent))) = (marker, scheme)
            && m.scheme == s
            && m.indent <= indent
        {
            out.push((Some(m.number.clone()), *start, start + m.text_start));
        }
    }
    let mut provisions = Vec::new();
    let first_start = out.first().map_or(doc.len(), |p| p.1);
    if !doc[..first_start].trim().is_empty() {
        provisions.push(make(doc, None, "preamble".into(), 0..first_start, 0));
    }
    let mut seen: HashMap<String, usize, crate::hash::FxBuild> = HashMap::default();
    for (i, (number, start, text_start)) in out.iter().enumerate() {
        let end = out.get(i + 1).map_or(doc.len(), |n| n.1);
        // Text before the first marker that is only whitespace joins the first provision.
        let start = if i == 0 && provisions.is_empty() {
            0
        } else {
            *start
        };
        let number = number.clone().unwrap_or_default();
        let count = seen.entry(number.clone()).or_insert(0);
        *count += 1;
        let id = if *count == 1 {
            number.clone()
        } else {
            format!("{number}#{count}")
        };
        provisions.push(make(doc, Some(number), id, start..end, *text_start));
    }
    provisions
}

fn make(
    doc: &str,
    number: Option<String>,
    id: String,
    span: Range<usize>,
    text_start: usize,
) -> Provision {
    let text_start = text_start.max(span.start).min(span.end);
    // Shared, not copied: alignments and redlines of every version pair point at this text.
    let text: std::sync::Arc<str> = doc[text_start..span.end]
        .trim_end()
        .trim_start_matches([' ', '\t'])
        .into();
    Provision {
        id,
        number,
        key: words_key(&text),
        text,
        span,
    }
}

/// Picks the outermost scheme present, with the indentation its markers have.
fn choose_scheme<'a>(markers: impl Iterator<Item = &'a Marker>) -> Option<(Scheme, usize)> {
    let mut best: HashMap<Scheme, (usize, usize)> = HashMap::new(); // scheme -> (min indent, count)
    for m in markers {
        let e = best.entry(m.scheme).or_insert((usize::MAX, 0));
        e.0 = e.0.min(m.indent);
        e.1 += 1;
    }
    for s in [Scheme::Keyword, Scheme::Section, Scheme::Heading] {
        if let Some(&(indent, _)) = best.get(&s) {
            return Some((s, indent));
        }
    }
    best.into_iter()
        // A lone roman `I.` is more likely a sentence than a numbering scheme.
        .filter(|(s, (_, count))| *s != Scheme::Roman || *count >= 2)
        .min_by_key(|(s, (indent, _))| (*indent, *s))
        .map(|(s, (indent, _))| (s, indent))
}

/// Longest bare number taken as a provision number: national codes and generated documents
/// run past 9,999 provisions.
const MAX_DIGITS: usize = 6;

const KEYWORDS: [&str; 9] = [
    "article",
    "art.",
    "section",
    "sec.",
    "point",
    "clause",
    "paragraph",
    "rule",
    "regulation",
];

/// Returns the numbering marker a line opens with, if any.
fn classify(line: &str) -> Option<Marker> {
    let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
    let mut rest = &line[indent..];
    let mut heading = false;
    let hashes = rest.len() - rest.trim_start_matches('#').len();
    if (1..=6).contains(&hashes) && rest[hashes..].starts_with(' ') {
        heading = true;
        let skip = hashes + (rest[hashes..].len() - rest[hashes..].trim_start().len());
        rest = &rest[skip..];
    }
    // Bold or italic wrappers around a marker: `**Article 5.**`.
    let stars = rest.len() - rest.trim_start_matches(['*', '_']).len();
    rest = &rest[stars..];
    for kw in KEYWORDS {
        let starts = rest
            .get(..kw.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(kw));
        if starts && rest.len() > kw.len() {
            let after = &rest[kw.len()..];
            let sep = after.len() - after.trim_start().len();
            if sep == 0 && !kw.ends_with('.') {
                continue;
            }
            if let Some((number, used)) = number_token(&after[sep..], true) {
                let end = kw.len() + sep + used;
                return Some(marker(
                    Scheme::Keyword,
                    indent,
                    number,
                    line.len(),
                    &rest[end..],
                ));
            }
        }
    }
    if let Some(after) = rest.strip_prefix('§') {
        let after = after.strip_prefix('§').unwrap_or(after);
        let sep = after.len() - after.trim_start().len();
        if let Some((number, used)) = number_token(&after[sep..], true) {
            let end = rest.len() - after.len() + sep + used;
            return Some(marker(
                Scheme::Section,
                indent,
                number,
                line.len(),
                &rest[end..],
            ));
        }
    }
    if let Some(inner) = rest.strip_prefix('(') {
        let digits = inner.len() - inner.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if (1..=MAX_DIGITS).contains(&digits) && inner[digits..].starts_with(')') {
            let number = inner[..digits].to_owned();
            let scheme = if heading {
                Scheme::Heading
            } else {
                Scheme::ParenNumber
            };
            return Some(marker(
                scheme,
                indent,
                number,
                line.len(),
                &inner[digits + 1..],
            ));
        }
        return None;
    }
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if (1..=MAX_DIGITS).contains(&digits) {
        let mut end = digits;
        if rest[end..].starts_with(|c: char| c.is_ascii_lowercase())
            && !rest[end + 1..].starts_with(|c: char| c.is_alphabetic())
        {
            end += 1;
        }
        let number = rest[..end].to_owned();
        let tail = &rest[end..];
        let (scheme, skip) =
            if tail.starts_with(". ") || tail.starts_with(".\t") || tail.trim_end() == "." {
                (Scheme::DecimalDot, 1)
            } else if tail.starts_with(')') {
                (Scheme::DecimalParen, 1)
            } else if heading && (tail.starts_with(' ') || tail.trim().is_empty()) {
                (Scheme::Heading, 0)
            } else {
                return None;
            };
        let scheme = if heading { Scheme::Heading } else { scheme };
        return Some(marker(scheme, indent, number, line.len(), &tail[skip..]));
    }
    let roman = rest.len()
        - rest
            .trim_start_matches(['I', 'V', 'X', 'L', 'C', 'D', 'M'])
            .len();
    if roman > 0
        && (rest[roman..].starts_with(". ") || rest[roman..].trim_end() == ".")
        && is_roman(&rest[..roman])
    {
        let scheme = if heading {
            Scheme::Heading
        } else {
            Scheme::Roman
        };
        return Some(marker(
            scheme,
            indent,
            rest[..roman].to_owned(),
            line.len(),
            &rest[roman + 1..],
        ));
    }
    None
}

/// Builds a marker; `after` is the rest of the line after the number token (a suffix of the
/// line, which is `line_len` bytes long).
fn marker(scheme: Scheme, indent: usize, number: String, line_len: usize, after: &str) -> Marker {
    // Skip punctuation and emphasis that close the marker: `5.`, `5:`, `5 —`, `5.**`.
    let trimmed = after.trim_start_matches(['.', ':', ')', '*', '_', ' ', '\t', '—', '–', '-']);
    Marker {
        scheme,
        indent,
        number,
        text_start: line_len - trimmed.len(),
    }
}

/// Parses a provision number after a keyword: digits with an optional letter (`5`, `5a`,
/// `12A`) or a roman numeral. Returns it and the bytes used.
fn number_token(s: &str, allow_roman: bool) -> Option<(String, usize)> {
    let digits = s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits > 0 {
        let mut end = digits;
        if s[end..].starts_with(|c: char| c.is_ascii_alphabetic())
            && !s[end + 1..].starts_with(|c: char| c.is_alphabetic())
        {
            end += 1;
        }
        return Some((s[..end].to_owned(), end));
    }
    if allow_roman {
        let n = s.len()
            - s.trim_start_matches(['I', 'V', 'X', 'L', 'C', 'D', 'M'])
                .len();
        if n > 0 && is_roman(&s[..n]) && !s[n..].starts_with(|c: char| c.is_alphanumeric()) {
            return Some((s[..n].to_owned(), n));
        }
    }
    None
}

fn is_roman(s: &str) -> bool {
    !s.is_empty() && s.len() <= 8 && !s.contains("IIII") && !s.contains("VV")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(doc: &str) -> Vec<String> {
        parse(doc).into_iter().map(|p| p.id).collect()
    }

    #[test]
    fn every_numbering_scheme() {
        assert_eq!(ids("1. a\n2. b\n"), ["1", "2"]);
        assert_eq!(ids("1) a\n2) b\n"), ["1", "2"]);
        assert_eq!(ids("(1) a\n(2) b\n"), ["1", "2"]);
        assert_eq!(ids("Point 1. a\nPoint 2: b\n"), ["1", "2"]);
        assert_eq!(ids("Article 1\nText.\nArticle 2\nMore.\n"), ["1", "2"]);
        assert_eq!(ids("Art. 1 a\nArt. 2 b\n"), ["1", "2"]);
        assert_eq!(ids("Section 1. a\nSection 2. b\n"), ["1", "2"]);
        assert_eq!(
            ids("SEC. 1. SHORT TITLE.\nSEC. 2. DEFINITIONS.\n"),
            ["1", "2"]
        );
        assert_eq!(ids("§ 1 a\n§ 1a b\n§2 c\n"), ["1", "1a", "2"]);
        assert_eq!(ids("I. a\nII. b\nIV. c\n"), ["I", "II", "IV"]);
        assert_eq!(
            ids("# Plan\n## 1. First\ntext\n## 2. Second\n"),
            ["preamble", "1", "2"]
        );
        assert_eq!(ids("### Article 3 — Scope\ntext\n"), ["3"]);
        assert_eq!(
            ids("**Article 5.** Bold.\n**Article 6.** More.\n"),
            ["5", "6"]
        );
    }

    #[test]
    fn sub_items_stay_in_their_parent() {
        let doc =
            "Article 1\n(1) First paragraph.\n(2) Second.\n1. a list\nArticle 2\n(1) Other.\n";
        let p = parse(doc);
        assert_eq!(ids(doc), ["1", "2"]);
        assert!(p[0].text.contains("(2) Second.") && p[0].text.contains("1. a list"));
        let doc = "1. Point one:\n   (a) sub a;\n   (b) sub b.\n1.1 decimal sub\n- bullet\n2. Point two.\n";
        assert_eq!(ids(doc), ["1", "2"]);
        assert!(parse(doc)[0].text.ends_with("- bullet"));
        // Nested bare numbers: the least indented are the provisions.
        assert_eq!(ids("1. a\n   1. x\n   2. y\n2. b\n"), ["1", "2"]);
    }

    #[test]
    fn preamble_repeats_and_text_without_number() {
        let doc = "Title line\n\n7. Seven.\n7. Again seven.\n8. Eight.";
        let p = parse(doc);
        assert_eq!(ids(doc), ["preamble", "7", "7#2", "8"]);
        assert_eq!(&*p[0].text, "Title line");
        assert_eq!(&*p[1].text, "Seven.");
        assert_eq!(p[1].number.as_deref(), Some("7"));
        // Spans tile the document.
        let joined: String = p.iter().map(|x| &doc[x.span.clone()]).collect();
        assert_eq!(joined, doc);
        assert!(parse("").is_empty());
        assert_eq!(ids("Just prose, no numbers."), ["preamble"]);
    }

    #[test]
    fn words_key_ignores_case_punctuation_and_spacing() {
        assert_eq!(
            words_key("The Parties, shall  meet."),
            words_key("the parties shall meet")
        );
        assert_eq!(words_key("Élection à Kyiv"), words_key("élection À KYIV!"));
        assert_ne!(words_key("ab c"), words_key("a bc"));
        assert_ne!(words_key("600,000"), words_key("800,000"));
    }

    #[test]
    fn not_mistaken_for_provisions() {
        // Years, amounts and decimals at line start; a lone roman I.
        assert_eq!(
            ids("1. a\n2025 was a year.\n3.5 percent.\n2. b\n"),
            ["1", "2"]
        );
        assert_eq!(ids("I. think so.\n"), ["preamble"]);
    }
}
