//! Unit tests of the parser; the heading-line table is in `headings.rs`.
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
    assert_eq!(ids("Art. 1 Scope\nArt. 2 Terms\n"), ["1", "2"]);
    assert_eq!(ids("Section 1. a\nSection 2. b\n"), ["1", "2"]);
    assert_eq!(
        ids("SEC. 1. SHORT TITLE.\nSEC. 2. DEFINITIONS.\n"),
        ["1", "2"]
    );
    assert_eq!(ids("§ 1 Eins\n§ 1a Zwei\n§2 Drei\n"), ["1", "1a", "2"]);
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

