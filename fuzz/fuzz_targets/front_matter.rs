//! Any bytes as a draft file: parsing returns a draft or an error, never panics; a parsed
//! draft's metadata survives a TOML round trip and its body is the file's exact tail.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let path = std::path::Path::new("fuzz.md");
    let Ok(draft) = drafttrail::draft::parse(path, data) else {
        return;
    };
    assert!(
        data.ends_with(draft.body.as_bytes()),
        "body is not the file's tail"
    );
    let toml = draft.meta.to_toml().expect("parsed metadata serialises");
    let again = drafttrail::draft::parse_meta(path, &toml, 1).expect("serialised metadata parses");
    assert_eq!(again, draft.meta, "metadata changed in a round trip");
});
