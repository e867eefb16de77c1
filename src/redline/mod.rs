//! Word-level redlines of aligned provisions. The only module that uses `similar`.
//!
//! [`words`] tokenises both texts into words (punctuation and spaces are their own tokens,
//! close to UAX #29 word boundaries), diffs the token sequences with the Patience algorithm,
//! and maps the result back onto slices of the original strings: the `equal` + `delete` spans
//! concatenate to the old text and the `equal` + `insert` spans to the new text, byte for
//! byte. No deadline is set anywhere, so the output never depends on the machine's speed.
//! [`phrases`] then folds short equal runs between changes into them, for reading.

use similar::Algorithm;

mod phrases;

pub use phrases::{phrases, runs_per_100_words};

/// What a span of a redline does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Op {
    /// In both texts.
    Equal,
    /// Only in the old text.
    Delete,
    /// Only in the new text.
    Insert,
}

impl Op {
    /// Returns `equal`, `delete` or `insert`.
    pub fn as_str(self) -> &'static str {
        match self {
            Op::Equal => "equal",
            Op::Delete => "delete",
            Op::Insert => "insert",
        }
    }
}

/// A run of text with one [`Op`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// What the run does.
    pub op: Op,
    /// The text, a slice of the old text (equal, delete) or the new text (insert); shared
    /// with the provision when the whole text is one span.
    pub text: std::sync::Arc<str>,
}

/// Returns the word-level redline of `old` → `new`; adjacent spans with the same op are merged.
pub fn words(old: &str, new: &str) -> Vec<Span> {
    if old == new {
        return if old.is_empty() {
            Vec::new()
        } else {
            vec![Span {
                op: Op::Equal,
                text: old.into(),
            }]
        };
    }
    words_changed(old, new)
}

/// Like [`words`] for two texts already shared as `Arc<str>`: an unchanged text costs a
/// reference count, not a copy.
pub fn words_shared(old: &std::sync::Arc<str>, new: &std::sync::Arc<str>) -> Vec<Span> {
    if old == new && !old.is_empty() {
        return vec![Span {
            op: Op::Equal,
            text: old.clone(),
        }];
    }
    words(old, new)
}

/// Above this many word tokens in a pair, the pair is first diffed line by line, and only
/// runs of changed lines small enough are diffed word by word (the rest are shown as deleted
/// and inserted whole). A word diff costs up to (tokens × differences): on two unrelated
/// one-megabyte provisions that is seconds, and it grows with the square of the size.
const WORD_DIFF_MAX_TOKENS: usize = 200_000;

fn words_changed(old: &str, new: &str) -> Vec<Span> {
    let a = tokens(old);
    let b = tokens(new);
    if a.len() + b.len() <= WORD_DIFF_MAX_TOKENS {
        return diff_tokens(old, new, &a, &b);
    }
    let lines = |text: &str| -> Vec<std::ops::Range<usize>> {
        let mut out = Vec::new();
        let mut start = 0;
        for line in text.split_inclusive('\n') {
            out.push(start..start + line.len());
            start += line.len();
        }
        out
    };
    let (la, lb) = (lines(old), lines(new));
    let mut spans: Vec<Span> = Vec::new();
    for run in diff_tokens(old, new, &la, &lb) {
        let after_delete = matches!(spans.last(), Some(s) if s.op == Op::Delete);
        let next = if run.op == Op::Insert && after_delete {
            // Deleted lines replaced by inserted ones: word diff them if small enough.
            let deleted = spans.pop().map(|s| s.text).unwrap_or_default();
            let (ta, tb) = (tokens(&deleted), tokens(&run.text));
            if ta.len() + tb.len() <= WORD_DIFF_MAX_TOKENS {
                diff_tokens(&deleted, &run.text, &ta, &tb)
            } else {
                let delete = Span {
                    op: Op::Delete,
                    text: deleted,
                };
                vec![delete, run]
            }
        } else {
            vec![run]
        };
        for span in next {
            match spans.last_mut() {
                Some(last) if last.op == span.op => {
                    last.text = format!("{}{}", last.text, span.text).into();
                }
                _ => spans.push(span),
            }
        }
    }
    spans
}

/// Diffs two texts cut into tokens that tile them (words, or lines); adjacent spans with the
/// same op are merged.
fn diff_tokens(
    old: &str,
    new: &str,
    a: &[std::ops::Range<usize>],
    b: &[std::ops::Range<usize>],
) -> Vec<Span> {
    let slice_a: Vec<&str> = a.iter().map(|r| &old[r.clone()]).collect();
    let slice_b: Vec<&str> = b.iter().map(|r| &new[r.clone()]).collect();
    let ops = similar::capture_diff_slices(Algorithm::Patience, &slice_a, &slice_b);
    // Tokens tile their text, so a run of tokens is one contiguous byte range of it; runs of
    // one op that follow each other are contiguous too, so merging them extends a range and
    // each span costs one allocation.
    let range_of = |toks: &[std::ops::Range<usize>], from: usize, len: usize| match (
        toks.get(from),
        toks.get((from + len).wrapping_sub(1)),
    ) {
        (Some(first), Some(last)) if len > 0 => Some(first.start..last.end),
        _ => None,
    };
    let mut runs: Vec<(Op, std::ops::Range<usize>)> = Vec::new();
    let mut push = |op: Op, range: Option<std::ops::Range<usize>>| {
        let Some(range) = range else { return };
        match runs.last_mut() {
            Some(last) if last.0 == op && last.1.end == range.start => last.1.end = range.end,
            _ => runs.push((op, range)),
        }
    };
    for op in ops {
        match op {
            similar::DiffOp::Equal { old_index, len, .. } => {
                push(Op::Equal, range_of(a, old_index, len));
            }
            similar::DiffOp::Delete {
                old_index, old_len, ..
            } => push(Op::Delete, range_of(a, old_index, old_len)),
            similar::DiffOp::Insert {
                new_index, new_len, ..
            } => push(Op::Insert, range_of(b, new_index, new_len)),
            similar::DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                push(Op::Delete, range_of(a, old_index, old_len));
                push(Op::Insert, range_of(b, new_index, new_len));
            }
        }
    }
    runs.into_iter()
        .map(|(op, range)| Span {
            op,
            text: if op == Op::Insert {
                new[range].into()
            } else {
                old[range].into()
            },
        })
        .collect()
}

/// Splits text into word tokens that tile it: runs of letters and digits (keeping an
/// apostrophe between letters, `Ukraine's`, and a `.` or `,` between digits, `600,000`), runs
/// of whitespace, and single other characters. Scripts written without spaces (CJK) give one
/// token per character. This follows UAX #29 word boundaries closely for the texts drafttrail
/// sees, at a fraction of the cost.
fn tokens(text: &str) -> Vec<std::ops::Range<usize>> {
    #[derive(PartialEq, Clone, Copy)]
    enum Class {
        Word,
        Space,
        Other,
    }
    let class = |c: char| {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                Class::Word
            } else if c.is_ascii_whitespace() || c == '\x0b' {
                Class::Space
            } else {
                Class::Other
            }
        } else if c.is_alphanumeric() && (c as u32) < 0x2E80 {
            Class::Word
        } else if c.is_whitespace() {
            Class::Space
        } else {
            Class::Other
        }
    };
    // Most text is ASCII: a byte is its own char there, with no decoding.
    let bytes = text.as_bytes();
    let at = |i: usize| -> Option<char> {
        match *bytes.get(i)? {
            b if b < 0x80 => Some(char::from(b)),
            _ => text.get(i..)?.chars().next(),
        }
    };
    let mut out: Vec<std::ops::Range<usize>> = Vec::with_capacity(text.len() / 3);
    let mut i = 0;
    while let Some(c) = at(i) {
        let start = i;
        let cls = class(c);
        let mut prev = c;
        i += c.len_utf8();
        while let Some(n) = at(i).filter(|_| cls != Class::Other) {
            if class(n) == cls {
                prev = n;
                i += n.len_utf8();
                continue;
            }
            // Joiners inside a word: 600,000 / 1.5 / Ukraine's.
            let after = i + n.len_utf8();
            let joins = cls == Class::Word
                && at(after).is_some_and(|nx| {
                    class(nx) == Class::Word
                        && (((n == ',' || n == '.')
                            && prev.is_ascii_digit()
                            && nx.is_ascii_digit())
                            || ((n == '\'' || n == '’')
                                && prev.is_alphabetic()
                                && nx.is_alphabetic()))
                });
            if !joins {
                break;
            }
            let nx = at(after).unwrap_or(n);
            prev = nx;
            i = after + nx.len_utf8();
        }
        out.push(start..i);
    }
    out
}

/// Returns the texts a redline was made from: (old, new).
pub fn sides(spans: &[Span]) -> (String, String) {
    let mut old = String::new();
    let mut new = String::new();
    for s in spans {
        match s.op {
            Op::Equal => {
                old.push_str(&s.text);
                new.push_str(&s.text);
            }
            Op::Delete => old.push_str(&s.text),
            Op::Insert => new.push_str(&s.text),
        }
    }
    (old, new)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_reproduce_both_texts() {
        let cases = [
            ("", ""),
            ("a", ""),
            ("", "b"),
            (
                "The Parties shall, within 30 days, notify.",
                "Each Party shall, within sixty (60) days, notify.",
            ),
            ("line one\r\nline  two ", "line one\nline two"),
            ("🇺🇦 flags é", "🇺🇦 flag é!"),
        ];
        for (old, new) in cases {
            let spans = words(old, new);
            assert_eq!(sides(&spans), (old.to_owned(), new.to_owned()));
        }
    }

    #[test]
    fn tokens_tile_the_text() {
        let text = "Ukraine's army: 600,000 (1.5%) — 日本語 non-aggression\r\n";
        let toks = tokens(text);
        let joined: String = toks.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(joined, text);
        let words: Vec<&str> = toks.iter().map(|r| &text[r.clone()]).collect();
        assert!(
            words.contains(&"Ukraine's") && words.contains(&"600,000") && words.contains(&"1.5")
        );
        assert!(words.contains(&"日") && words.contains(&"non") && words.contains(&"-"));
    }

    #[test]
    fn a_number_change_is_one_word() {
        let spans = words("capped at 600,000 troops", "capped at 800,000 troops");
        let deleted: Vec<&str> = spans
            .iter()
            .filter(|s| s.op == Op::Delete)
            .map(|s| &*s.text)
            .collect();
        assert_eq!(deleted, ["600,000"]);
    }

    #[test]
    fn very_long_pairs_are_diffed_by_lines_then_words() {
        let line = |k: usize| format!("Line {k}: the parties shall meet within 30 days.\n");
        let old: String = (0..12_000).map(line).collect();
        let new = old.replace(
            "Line 77: the parties shall meet within 30",
            "Line 77: the parties shall meet within 60",
        );
        let mut single_old = "word ".repeat(120_000);
        single_old.push('a');
        let single_new = single_old.replace('a', "b");
        for (a, b) in [(&old, &new), (&single_old, &single_new)] {
            assert!(tokens(a).len() + tokens(b).len() > WORD_DIFF_MAX_TOKENS);
            let spans = words(a, b);
            assert_eq!(sides(&spans), (a.clone(), b.clone()));
        }
        // A small change inside a long text is still a word-level change.
        let deleted: Vec<String> = words(&old, &new)
            .iter()
            .filter(|s| s.op == Op::Delete)
            .map(|s| s.text.to_string())
            .collect();
        assert_eq!(deleted, ["30"]);
    }
}
