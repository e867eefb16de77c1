//! Word-level redlines of aligned provisions. The only module that uses `similar`.
//!
//! [`words`] tokenises both texts into Unicode words (UAX #29: punctuation and spaces are their
//! own tokens), diffs them with the Patience algorithm, and maps the result back onto slices of
//! the original strings: the `equal` + `delete` spans concatenate to the old text and the
//! `equal` + `insert` spans to the new text, byte for byte. No deadline is set anywhere, so the
//! output never depends on the machine's speed.

use similar::{Algorithm, ChangeTag, TextDiff, utils::TextDiffRemapper};

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

fn words_changed(old: &str, new: &str) -> Vec<Span> {
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Patience)
        .diff_unicode_words(old, new);
    let remap = TextDiffRemapper::from_text_diff(&diff, old, new);
    let mut runs: Vec<(Op, String)> = Vec::new();
    for (tag, text) in diff.ops().iter().flat_map(|op| remap.iter_slices(op)) {
        let op = match tag {
            ChangeTag::Equal => Op::Equal,
            ChangeTag::Delete => Op::Delete,
            ChangeTag::Insert => Op::Insert,
        };
        match runs.last_mut() {
            Some(last) if last.0 == op => last.1.push_str(text),
            _ if text.is_empty() => {}
            _ => runs.push((op, text.to_owned())),
        }
    }
    runs.into_iter()
        .map(|(op, text)| Span {
            op,
            text: text.into(),
        })
        .collect()
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
    fn a_number_change_is_one_word() {
        let spans = words("capped at 600,000 troops", "capped at 800,000 troops");
        let deleted: Vec<&str> = spans
            .iter()
            .filter(|s| s.op == Op::Delete)
            .map(|s| &*s.text)
            .collect();
        assert_eq!(deleted, ["600,000"]);
    }
}
