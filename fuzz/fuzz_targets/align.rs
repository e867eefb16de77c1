//! Two texts (split at the first NUL byte): the alignment partitions both sides, its
//! redlines reproduce both texts, aligning a text with itself changes nothing, and the word
//! redline of the raw texts reproduces them too.
#![no_main]

use drafttrail::align::{AlignOptions, ChangeKind, diff};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &str| {
    let (a, b) = data.split_once('\0').unwrap_or((data, ""));
    let opts = AlignOptions::default();
    let d = diff(a, b, &opts);
    if let Some(v) = d.invariant_violation() {
        panic!("{v}");
    }
    let same = diff(a, a, &opts);
    if let Some(v) = same.invariant_violation() {
        panic!("{v}");
    }
    assert!(
        same.changes.iter().all(|c| c.kind == ChangeKind::Unchanged),
        "a text aligned with itself has changes"
    );
    let spans = drafttrail::redline::words(a, b);
    assert_eq!(
        drafttrail::redline::sides(&spans),
        (a.to_owned(), b.to_owned())
    );
});
