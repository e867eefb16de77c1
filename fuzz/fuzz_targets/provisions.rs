//! Any text as a draft body: provisions tile it in order (spans ascending, inside the text,
//! ids unique), and each text is a slice of its own span.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let provisions = drafttrail::provisions::parse(text);
    let mut end = 0;
    let mut ids = std::collections::HashSet::new();
    for p in &provisions {
        assert!(p.span.start >= end, "spans overlap or go backwards");
        assert!(p.span.end <= text.len(), "span past the end");
        assert!(text.is_char_boundary(p.span.start) && text.is_char_boundary(p.span.end));
        assert!(
            text[p.span.clone()].contains(&*p.text),
            "text outside its span"
        );
        assert!(ids.insert(p.id.clone()), "duplicate id {}", p.id);
        end = p.span.end;
    }
});
