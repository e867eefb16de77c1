//! What kind of rewording a change is, read off the words each side has: a number that one
//! side has and the other has not is a `quantity` (or a `date` when it counts days or names a
//! year or a month), a modal verb one side has more of is `modality`, a name (a capitalised
//! word inside a sentence) that only one side has is `party`, and a change that leaves the
//! words intact is `editorial`.
//!
//! Comparing what each side *has*, not what the redline marks, keeps words that only moved
//! (`will give` → `give … will`) and sub-clause numbers that were renumbered (`(3)` → `(1)`)
//! from being read as changes. Numbers after a reference word (`Article 5`, `section 12`) are
//! references, not quantities; capitalised reference and procedure words (`Article`,
//! `Committee`, `Schedule`) are not names.

use std::collections::HashMap;

use super::Tag;

const MODALS: [&str; 14] = [
    "shall",
    "may",
    "will",
    "must",
    "should",
    "can",
    "could",
    "might",
    "would",
    "expected",
    "required",
    "permitted",
    "obliged",
    "entitled",
];
const TIME_WORDS: [&str; 14] = [
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "immediately",
    "soon",
    "deadline",
    "date",
    "hours",
    "hour",
];
const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
/// Words that state a deadline by themselves; units of time (`days`, `years`) state one only
/// after a number.
const DEADLINE_WORDS: [&str; 4] = ["immediately", "soon", "deadline", "date"];

/// An acronym (`NATO`, `IAEA`, `G8`): a name wherever it stands, sentence starts included.
fn is_acronym(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && word.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Words after which a number is a reference, not a quantity.
const REFERENCE_WORDS: [&str; 14] = [
    "article",
    "articles",
    "section",
    "sections",
    "paragraph",
    "paragraphs",
    "point",
    "points",
    "clause",
    "subsection",
    "schedule",
    "annex",
    "chapter",
    "part",
];
/// Capitalised words that name parts of a text or steps of a procedure, not parties.
const NOT_NAMES: [&str; 24] = [
    "act",
    "agreement",
    "amendment",
    "annex",
    "appendix",
    "article",
    "bill",
    "chapter",
    "clause",
    "code",
    "committee",
    "convention",
    "memorandum",
    "paragraph",
    "part",
    "point",
    "protocol",
    "regulation",
    "schedule",
    "section",
    "subsection",
    "title",
    "treaty",
    "stage",
];

/// Returns the tags of a rewording of `old` into `new`, sorted. `same_words` says whether
/// both sides have the same words (only punctuation, case or spacing differ): the change is
/// then editorial.
pub(super) fn classify(old: &str, new: &str, same_words: bool) -> Vec<Tag> {
    if same_words {
        return vec![Tag::Editorial];
    }
    let (a, b) = (typed(old), typed(new));
    let mut tags = Vec::new();
    let get = |t: &HashMap<Kind, Vec<String>>, k: Kind| t.get(&k).cloned().unwrap_or_default();
    // Every number counts: 100 billion twice is not 100 billion once.
    if get(&a, Kind::Quantity) != get(&b, Kind::Quantity) {
        tags.push(Tag::Quantity);
    }
    // Deadlines and modal verbs count once each: a sentence recast around the same `will`
    // or the same date has not changed either.
    let set = |mut v: Vec<String>| {
        v.dedup();
        v
    };
    if set(get(&a, Kind::Date)) != set(get(&b, Kind::Date)) {
        tags.push(Tag::Date);
    }
    // `will` is a tense as often as an obligation: adding or dropping it alone is no change
    // of modality; trading it for another modal verb (`will` → `may`) is.
    let (ma, mb) = (set(get(&a, Kind::Modal)), set(get(&b, Kind::Modal)));
    if ma != mb {
        let strong = |m: &[String]| m.iter().filter(|w| *w != "will").count();
        if strong(&ma) + strong(&mb) > 0 {
            tags.push(Tag::Modality);
        }
    }
    // Names: the capitalised words either side has inside a sentence; a side has a name when
    // it writes it anywhere, sentence starts included (`Russia will …`).
    let mut names = get(&a, Kind::Name);
    names.extend(get(&b, Kind::Name));
    names.sort_unstable();
    names.dedup();
    if !names.is_empty() {
        let words = |text| -> std::collections::HashSet<&str> {
            side_tokens(text).into_iter().map(|(w, _)| w).collect()
        };
        let (wa, wb) = (words(old), words(new));
        if names
            .iter()
            .any(|n| wa.contains(n.as_str()) != wb.contains(n.as_str()))
        {
            tags.push(Tag::Party);
        }
    }
    tags.sort_unstable();
    tags
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Kind {
    Quantity,
    Date,
    Modal,
    Name,
}

/// The typed words of a text, each kind's words sorted (a multiset).
fn typed(text: &str) -> HashMap<Kind, Vec<String>> {
    let is = |word: &str, list: &[&str]| list.iter().any(|w| w.eq_ignore_ascii_case(word));
    let tokens = side_tokens(text);
    let mut out: HashMap<Kind, Vec<String>> = HashMap::new();
    let mut sentence_start = true;
    for (k, &(word, enumerator)) in tokens.iter().enumerate() {
        let prev = k.checked_sub(1).map(|p| tokens[p].0);
        let kind = if enumerator {
            None
        } else if word.starts_with(|c: char| c.is_ascii_digit())
            && word
                .chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
        {
            let year = word.len() == 4 && (word.starts_with("19") || word.starts_with("20"));
            let next_is_time = tokens.get(k + 1).is_some_and(|t| is(t.0, &TIME_WORDS));
            let after_month = prev.is_some_and(|p| is(p, &MONTHS));
            if prev.is_some_and(|p| is(p, &REFERENCE_WORDS)) {
                None
            } else if year || next_is_time || after_month {
                Some(Kind::Date)
            } else {
                Some(Kind::Quantity)
            }
        } else if is(word, &MODALS) && word != "May" {
            Some(Kind::Modal)
        } else if is(word, &DEADLINE_WORDS) || is(word, &MONTHS) {
            Some(Kind::Date)
        } else if (!sentence_start || is_acronym(word))
            && word.starts_with(|c: char| c.is_uppercase())
            && !is(word, &NOT_NAMES)
        {
            Some(Kind::Name)
        } else {
            None
        };
        if let Some(kind) = kind {
            let w = if kind == Kind::Name {
                word.to_owned()
            } else {
                word.to_lowercase()
            };
            out.entry(kind).or_default().push(w);
        }
        sentence_start = tokens_end_sentence(text, word);
    }
    for v in out.values_mut() {
        v.sort_unstable();
    }
    out
}

/// Whether the character right after this word (a slice of `text`) ends a sentence or
/// opens a new clause line.
fn tokens_end_sentence(text: &str, word: &str) -> bool {
    let end = word.as_ptr() as usize - text.as_ptr() as usize + word.len();
    text[end..]
        .chars()
        .find(|c| !c.is_whitespace() || *c == '\n')
        .is_some_and(|c| matches!(c, '.' | ':' | ';' | '!' | '?' | '\n'))
}

/// The words of a text, each marked when it is an enumerator (`(3)`, `(a)`, `1.` or `b)` at
/// the start of a line): a sub-clause's label, not a number the text states. Numbers keep
/// their inner separators (`600,000`, `1.5`).
fn side_tokens<'t>(text: &'t str) -> Vec<(&'t str, bool)> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut start: Option<usize> = None;
    let mut i = 0;
    let push = |st: usize, end: usize, out: &mut Vec<(&'t str, bool)>| {
        let word = &text[st..end];
        let before = text[..st].trim_end_matches([' ', '\t']);
        let at_line_start = before.is_empty() || before.ends_with('\n');
        let opened = before.ends_with('(');
        let closer = text[end..].chars().next();
        let short = word.chars().count() <= 4;
        let enumerator = short
            && ((opened && closer == Some(')'))
                || (at_line_start && matches!(closer, Some('.' | ')' | '°'))));
        out.push((word, enumerator));
    };
    while i < bytes.len() {
        // ASCII bytes are chars of their own; only other bytes are decoded.
        let b = bytes[i];
        let (is_word, len) = if b < 0x80 {
            (b.is_ascii_alphanumeric(), 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (c.is_alphanumeric(), c.len_utf8())
        };
        let inner_sep = (b == b',' || b == b'.')
            && start.is_some()
            && i > 0
            && bytes[i - 1].is_ascii_digit()
            && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
        if is_word || inner_sep {
            start.get_or_insert(i);
        } else if let Some(st) = start.take() {
            push(st, i, &mut out);
        }
        i += len;
    }
    if let Some(st) = start {
        push(st, text.len(), &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(a: &str, b: &str) -> Vec<Tag> {
        let same = crate::provisions::words_key(a) == crate::provisions::words_key(b);
        classify(a, b, same)
    }

    #[test]
    fn tags_read_the_redline() {
        assert_eq!(
            tags("capped at 600,000 personnel", "capped at 800,000 personnel"),
            [Tag::Quantity]
        );
        assert_eq!(
            tags("elections within 100 days", "elections as soon as possible"),
            [Tag::Date]
        );
        assert_eq!(
            tags("The Parties shall notify", "The Parties may notify"),
            [Tag::Modality]
        );
        assert_eq!(
            tags(
                "Russia, Ukraine and Europe agree",
                "Russia, Ukraine and NATO agree"
            ),
            [Tag::Party]
        );
        assert_eq!(tags("Peace, now.", "peace now"), [Tag::Editorial]);
        assert_eq!(tags("signed in 2025", "signed in 2026"), [Tag::Date]);
    }

    /// Observed wrong tags of the previous tagger: words that only moved, renumbered
    /// sub-clauses, references and procedure words are not changes of substance.
    #[test]
    fn moves_labels_and_references_are_not_tags() {
        assert_eq!(
            tags(
                "(3) The Secretary may issue guidance.",
                "(1) The Secretary may issue guidance and forms."
            ),
            []
        );
        assert_eq!(
            tags(
                "The guarantee given by the United States is subject to conditions.",
                "The United States will give a guarantee mirroring Article 5."
            ),
            []
        );
        assert_eq!(tags("As introduced.", "As amended in Committee."), []);
        assert_eq!(
            tags(
                "Russia will reintegrate, case by case.",
                "Russia will reintegrate, conditional on Russia's compliance."
            ),
            []
        );
    }
}
