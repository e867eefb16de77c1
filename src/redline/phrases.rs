//! Readable redlines: short equal runs between changes are folded into the changes, so that a
//! heavily reworded passage reads as whole phrases deleted and inserted rather than single
//! words interleaved (`[-guarantee-]{+United+} [-given-]{+States+}`).
//!
//! The rule is the one of semantic clean-up in diff tools (diff-match-patch's
//! `cleanup_semantic`): an equal run is folded when it is no longer than the changes on
//! either side of it, counting the longer of deletion and insertion on each side, and one of
//! those changes replaces text (words only added around a kept phrase stay apart). Folding
//! grows the changes around it, so the pass repeats until nothing more folds. Equal runs
//! holding a line break are kept: the sub-clauses of a provision stay apart.
//!
//! The result still tiles both texts: the equal and deleted spans concatenate to the old text,
//! the equal and inserted spans to the new text.

use super::{Op, Span};

/// Passes at most; each is linear, and real redlines settle in two or three.
const MAX_PASSES: usize = 16;

/// Returns the redline with short equalities between changes folded into them.
pub fn phrases(spans: Vec<Span>) -> Vec<Span> {
    if !spans.iter().any(|s| s.op == Op::Equal) || spans.len() < 3 {
        return spans;
    }
    // Work on (op, text) with a "folded" mark per equal span; rebuild once at the end.
    let mut folded = vec![false; spans.len()];
    let lens: Vec<usize> = spans.iter().map(|s| s.text.chars().count()).collect();
    for _ in 0..MAX_PASSES {
        // Per span: changed chars (deleted, inserted) since the last kept equality before it,
        // and until the next kept equality after it.
        let n = spans.len();
        let before = changes_around(&spans, &lens, &folded, 0..n);
        let after = changes_around(&spans, &lens, &folded, (0..n).rev());
        let mut changed = false;
        for k in 0..n {
            if spans[k].op != Op::Equal || folded[k] || spans[k].text.contains('\n') {
                continue;
            }
            let (b, a) = (before[k], after[k]);
            let l = lens[k];
            // Text only inserted (or only deleted) around an equal run is an addition to a
            // sentence that stays readable as it is: fold only next to a replacement.
            let replaced = |x: (usize, usize)| x.0 > 0 && x.1 > 0;
            if b != (0, 0)
                && a != (0, 0)
                && (replaced(b) || replaced(a))
                && l <= b.0.max(b.1)
                && l <= a.0.max(a.1)
            {
                folded[k] = true;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    rebuild(spans, &folded)
}

/// Per span, in the order `order` visits them: the chars deleted and inserted since the last
/// kept equality passed (folded equalities count on both sides).
fn changes_around(
    spans: &[Span],
    lens: &[usize],
    folded: &[bool],
    order: impl Iterator<Item = usize>,
) -> Vec<(usize, usize)> {
    let mut out = vec![(0, 0); spans.len()];
    let mut acc = (0, 0);
    for k in order {
        out[k] = acc;
        match spans[k].op {
            Op::Equal if !folded[k] => acc = (0, 0),
            Op::Equal => acc = (acc.0 + lens[k], acc.1 + lens[k]),
            Op::Delete => acc.0 += lens[k],
            Op::Insert => acc.1 += lens[k],
        }
    }
    out
}

/// Rebuilds the spans: between kept equalities, one deletion (old text of the run) and one
/// insertion (new text of the run).
fn rebuild(spans: Vec<Span>, folded: &[bool]) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let (mut del, mut ins) = (String::new(), String::new());
    let flush = |out: &mut Vec<Span>, del: &mut String, ins: &mut String| {
        for (op, text) in [(Op::Delete, del), (Op::Insert, ins)] {
            if !text.is_empty() {
                out.push(Span {
                    op,
                    text: std::mem::take(text).into(),
                });
            }
        }
    };
    for (s, &fold) in spans.into_iter().zip(folded) {
        match s.op {
            Op::Equal if fold => {
                del.push_str(&s.text);
                ins.push_str(&s.text);
            }
            Op::Equal => {
                flush(&mut out, &mut del, &mut ins);
                match out.last_mut() {
                    Some(last) if last.op == Op::Equal => {
                        last.text = format!("{}{}", last.text, s.text).into();
                    }
                    _ => out.push(s),
                }
            }
            Op::Delete => del.push_str(&s.text),
            Op::Insert => ins.push_str(&s.text),
        }
    }
    flush(&mut out, &mut del, &mut ins);
    out
}

/// Changed runs (maximal sequences of deleted and inserted spans) per hundred words of the
/// old and new texts together: how fragmented a redline reads. Lower reads better.
pub fn runs_per_100_words(spans: &[Span]) -> (usize, usize) {
    let mut runs = 0;
    let mut in_run = false;
    let mut words = 0;
    for s in spans {
        if s.op == Op::Equal {
            in_run = false;
        } else if !in_run {
            runs += 1;
            in_run = true;
        }
        let n = s
            .text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .count();
        words += if s.op == Op::Equal { 2 * n } else { n };
    }
    (runs, words)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::redline::{sides, words};

    fn show(spans: &[Span]) -> String {
        spans
            .iter()
            .map(|s| match s.op {
                Op::Equal => s.text.to_string(),
                Op::Delete => format!("[-{}-]", s.text),
                Op::Insert => format!("{{+{}+}}", s.text),
            })
            .collect()
    }

    #[test]
    fn interleaved_words_become_phrases() {
        let old = "The guarantee given by the United States is subject to these conditions:";
        let new = "The United States will give a security guarantee mirroring Article 5, subject to these conditions:";
        let raw = words(old, new);
        let clean = phrases(raw.clone());
        assert_eq!(sides(&clean), (old.to_owned(), new.to_owned()));
        let runs = |s: &[Span]| runs_per_100_words(s).0;
        assert!(runs(&clean) < runs(&raw), "{}", show(&clean));
        assert!(
            show(&clean).ends_with(" subject to these conditions:"),
            "{}",
            show(&clean)
        );
    }

    #[test]
    fn a_small_change_stays_small() {
        let old = "The armed forces of Ukraine shall be limited to 600,000 personnel.";
        let new = "The armed forces of Ukraine shall be limited to 800,000 personnel.";
        assert_eq!(
            show(&phrases(words(old, new))),
            "The armed forces of Ukraine shall be limited to [-600,000-]{+800,000+} personnel."
        );
    }

    #[test]
    fn line_breaks_are_never_folded() {
        let old = "Terms:\n(a) one;\n(b) two.";
        let new = "Conditions:\n(a) uno;\n(b) dos.";
        let clean = phrases(words(old, new));
        assert_eq!(sides(&clean), (old.to_owned(), new.to_owned()));
        assert!(clean.iter().filter(|s| s.op == Op::Equal).count() >= 2);
    }
}
