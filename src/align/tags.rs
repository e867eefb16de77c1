//! What kind of rewording a change is, read off its redline: a changed number is a
//! `quantity` (or a `date` when it counts days or names a year), a changed modal verb is
//! `modality`, a changed capitalised name is `party`, and a change that leaves the words
//! intact is `editorial`.

use super::Tag;
use crate::redline::{Op, Span};

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

/// Returns the tags of a rewording, sorted. `same_words` says whether both sides have the
/// same words (only punctuation, case or spacing differ): the change is then editorial.
pub(super) fn classify(spans: &[Span], same_words: bool) -> Vec<Tag> {
    if same_words {
        return vec![Tag::Editorial];
    }
    let is = |word: &str, list: &[&str]| list.iter().any(|w| w.eq_ignore_ascii_case(word));
    let mut tags = Vec::new();
    for side in [Op::Delete, Op::Insert] {
        let tokens = side_tokens(spans, side);
        for (k, &(word, changed)) in tokens.iter().enumerate() {
            if !changed {
                continue;
            }
            if word.chars().any(|c| c.is_ascii_digit()) {
                let year = word.len() == 4 && (word.starts_with("19") || word.starts_with("20"));
                let next_is_time = tokens.get(k + 1).is_some_and(|t| is(t.0, &TIME_WORDS));
                let after_month = k.checked_sub(1).is_some_and(|p| is(tokens[p].0, &MONTHS));
                tags.push(if year || next_is_time || after_month {
                    Tag::Date
                } else {
                    Tag::Quantity
                });
            } else if is(word, &MODALS) && word != "May" {
                tags.push(Tag::Modality);
            } else if is(word, &TIME_WORDS) || is(word, &MONTHS) {
                tags.push(Tag::Date);
            } else if k > 0 && word.starts_with(|c: char| c.is_uppercase()) {
                tags.push(Tag::Party);
            }
        }
    }
    tags.sort_unstable();
    tags.dedup();
    tags
}

/// The words of one side (old for `Delete`, new for `Insert`), each marked changed or not.
/// Numbers keep their inner separators (`600,000`, `1.5`).
fn side_tokens(spans: &[Span], side: Op) -> Vec<(&str, bool)> {
    let mut out = Vec::new();
    for s in spans.iter().filter(|s| s.op == Op::Equal || s.op == side) {
        let changed = s.op == side;
        let text: &str = &s.text;
        let bytes = text.as_bytes();
        let mut start: Option<usize> = None;
        let mut i = 0;
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
                out.push((&text[st..i], changed));
            }
            i += len;
        }
        if let Some(st) = start {
            out.push((&text[st..], changed));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::redline::words;

    fn tags(a: &str, b: &str) -> Vec<Tag> {
        let same = crate::provisions::words_key(a) == crate::provisions::words_key(b);
        classify(&words(a, b), same)
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
}
