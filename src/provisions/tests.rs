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
    let doc = "Article 1\n(1) First paragraph.\n(2) Second.\n1. a list\nArticle 2\n(1) Other.\n";
    let p = parse(doc);
    assert_eq!(ids(doc), ["1", "2"]);
    assert!(p[0].text.contains("(2) Second.") && p[0].text.contains("1. a list"));
    let doc =
        "1. Point one:\n   (a) sub a;\n   (b) sub b.\n1.1 decimal sub\n- bullet\n2. Point two.\n";
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

fn place(doc: &str, id: &str) -> Vec<String> {
    let p = parse(doc);
    let found = p.iter().find(|p| p.id == id);
    found.map(|p| p.place.to_vec()).unwrap_or_default()
}

#[test]
fn structural_headings_are_places_not_text() {
    let doc = "---\ntitle: \"Code\"\n---\n# Code pénal\n\nPartie législative\n\n\
               Livre Ier : Dispositions générales\n\nTitre Ier : De la loi pénale\n\n\
               Chapitre Ier : Des principes généraux\n\nArticle 111-1\n\nLes infractions.\n\n\
               Article 111-2\n\nLa loi.\n\nChapitre II : De l'application\n\nArticle 112-1\n\nSont punissables.\n";
    let p = parse(doc);
    assert_eq!(ids(doc), ["preamble", "111-1", "111-2", "112-1"]);
    // The front matter and the title are the preamble; headings are nobody's text.
    assert!(p[0].text.contains("title: \"Code\"") && p[0].text.contains("# Code pénal"));
    assert!(!p[0].text.contains("Livre"));
    assert_eq!(&*p[2].text, "La loi.");
    assert_eq!(
        place(doc, "111-2"),
        [
            "Partie législative",
            "Livre Ier : Dispositions générales",
            "Titre Ier : De la loi pénale",
            "Chapitre Ier : Des principes généraux"
        ]
    );
    assert_eq!(place(doc, "112-1")[3], "Chapitre II : De l'application");
    // Spans still tile the document.
    let joined: String = p.iter().map(|x| &doc[x.span.clone()]).collect();
    assert_eq!(joined, doc);
}

#[test]
fn markdown_outline_and_sections_inside_a_code_of_articles() {
    let doc = "# Code\n\n## Partie législative\n\n#### Chapitre Ier : Information\n\n\
               #### Section 1 : Prix\n\n##### Article L111-1\n\nTexte un.\n\n\
               #### Section 2 : Délais\n\n##### Article L111-2\n\nTexte deux.\n";
    // A lone top-level heading is the document's title: the preamble, not a place.
    assert_eq!(ids(doc), ["preamble", "L111-1", "L111-2"]);
    assert_eq!(
        place(doc, "L111-2"),
        [
            "Partie législative",
            "Chapitre Ier : Information",
            "Section 2 : Délais"
        ]
    );
    // German: provisions are Markdown headings under unnumbered headings of the outline.
    let doc = "## Allgemeiner Teil -\n\n### Erster Abschnitt - Das Strafgesetz\n\n\
               ##### § 1 Keine Strafe ohne Gesetz\n\nText.\n\n##### Freiheitsstrafe - \n\n\
               ###### § 38 Dauer\n\nText.\n\n##### § 40 Tagessätze\n\nText.\n";
    assert_eq!(ids(doc), ["1", "38", "40"]);
    assert_eq!(
        place(doc, "38"),
        [
            "Allgemeiner Teil",
            "Erster Abschnitt - Das Strafgesetz",
            "Freiheitsstrafe"
        ]
    );
    assert_eq!(place(doc, "40").len(), 2);
}

#[test]
fn citations_at_line_start_open_no_provision() {
    // US bill: a body line that begins with a citation of a section.
    let doc = "A BILL\n\nSEC. 1. EXTENSION.\nSection 1(b) of Public Law 115–275 is amended by striking.\n";
    assert_eq!(ids(doc), ["preamble", "1"]);
    // German code: wrapped lines that begin with a `§` citation.
    let doc = "##### § 56 Strafaussetzung\n\n(1) Text nach\n§ 57 Abs. 1 Satz 2 und Abs. 6 gilt entsprechend.\n\n\
               ##### § 57 Aussetzung\n\nText.\n§ 56 bestraft.\n\n##### § 58 Gesamtstrafe\n\nText.\n";
    assert_eq!(ids(doc), ["56", "57", "58"]);
    // Without heading layout, a repeat or a step back in the numbering is a citation.
    let doc = "Article 1 Scope\nText.\nArticle 2 Terms\nArticle 1 Scope applies here too\nArticle 3 End\n";
    assert_eq!(ids(doc), ["1", "2", "3"]);
    // A real repeat laid out as a heading stays a provision, with #2.
    let doc = "##### Article L111-4\n\nUn.\n\n##### Article L111-4\n\nDeux.\n";
    assert_eq!(ids(doc), ["L111-4", "L111-4#2"]);
}

#[test]
fn groups_number_on_their_own() {
    let doc = "Article 1\nScope.\n\nArticle 2\nTerms.\n\nAnnex I\n\n1. First annex point.\n2. Second.\n\n\
               Annex II\n\n1. Other.\n";
    assert_eq!(ids(doc), ["1", "2", "Annex I/1", "Annex I/2", "Annex II/1"]);
    let p = parse(doc);
    // The annex heading is not glued onto the article before it.
    assert_eq!(&*p[1].text, "Terms.");
    assert_eq!(&*p[2].place, ["Annex I"]);
    // An annex without numbering is one provision named after it.
    let doc = "1. One.\n2. Two.\n\nANNEX A L'ARTICLE 5\n\nA table of rates.\nMore rows.\n";
    assert_eq!(ids(doc), ["1", "2", "ANNEX A L'ARTICLE 5"]);
    // Lettered parts that restart the numbering qualify their ids.
    let doc = "Part A. Security\n\n1. Ceasefire.\n2. Monitoring.\n\nPart B. Economy\n\n1. Trade.\n2. Funds.\n";
    assert_eq!(ids(doc), ["Part A/1", "Part A/2", "Part B/1", "Part B/2"]);
    assert_eq!(&*parse(doc)[1].text, "Monitoring.");
}

#[test]
fn unnumbered_texts_split_by_position() {
    let doc = "The 20 points, as reported:\n- Sovereignty is confirmed.\n- A non-aggression pact.\n  It is monitored.\n- Elections soon.\n";
    assert_eq!(ids(doc), ["preamble", "•1", "•2", "•3"]);
    let p = parse(doc);
    assert_eq!(&*p[2].text, "A non-aggression pact.\n  It is monitored.");
    assert!(is_unnumbered(&p));
    let doc = "First paragraph.\nStill first.\n\nSecond paragraph.\n\nThird.\n";
    assert_eq!(ids(doc), ["¶1", "¶2", "¶3"]);
    assert_eq!(&*parse(doc)[0].text, "First paragraph.\nStill first.");
}

#[test]
fn uk_style_numbers_when_they_are_the_scheme() {
    let doc = "PART 1\n\n1 Short title\n\n(1) This Act may be cited as the Test Act.\n\n2 Commencement\n\n(1) It comes into force.\n";
    assert_eq!(ids(doc), ["1", "2"]);
    assert_eq!(&*parse(doc)[0].place, ["PART 1"]);
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Line starts that exercise every rule: keywords, numbers, headings, groups, citations,
    /// bullets, multi-byte characters right after a marker.
    const PIECES: &[&str] = &[
        "Article ",
        "Art. ",
        "§ ",
        "§§ ",
        "SEC. ",
        "Section ",
        "Artículo ",
        "Статья ",
        "##### ",
        "# ",
        "Livre ",
        "Chapitre ",
        "Titre Ier : ",
        "Annex ",
        "Part ",
        "Anhang",
        "- ",
        "• ",
        "(",
        "1",
        "12",
        "L",
        "R*",
        ". ",
        "-",
        "–",
        " bis",
        " ter A",
        "°",
        "º",
        "er",
        "é",
        "ß",
        "I",
        "IV",
        "V.",
        ") ",
        ":",
        " (weggefallen)",
        " of the Act.",
        "(b)",
        "\n",
        "\n\n",
        " ",
        "Text",
        "Übergang",
        "—",
        "---\n",
        "¶",
        "\u{0301}",
    ];

    fn document() -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop_oneof![
                4 => prop::sample::select(PIECES).prop_map(str::to_owned),
                1 => any::<String>(),
            ],
            0..80,
        )
        .prop_map(|parts| parts.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        /// Any text parses without panicking; the spans tile it (unless it is blank); ids are
        /// unique; every provision's text lies inside its span.
        #[test]
        fn any_text_parses_into_tiling_spans(doc in document()) {
            let ps = parse(&doc);
            let joined: String = ps.iter().map(|p| &doc[p.span.clone()]).collect();
            // A blank text has no provision at all (drafts refuse it before).
            if doc.trim().is_empty() {
                prop_assert!(ps.is_empty());
            } else {
                prop_assert_eq!(&joined, &doc);
            }
            let mut ids: Vec<&str> = ps.iter().map(|p| p.id.as_str()).collect();
            ids.sort_unstable();
            let n = ids.len();
            ids.dedup();
            prop_assert_eq!(ids.len(), n);
            for p in &ps {
                if p.id != "preamble" {
                    prop_assert!(doc[p.span.clone()].contains(&*p.text));
                }
            }
        }
    }
}

/// EU regulations and Spanish laws set a chapter's title on the line after `CHAPTER I`: that
/// title belongs to the outline (the chapter's label), not to the preamble before it.
#[test]
fn a_chapter_title_on_its_own_line_is_not_preamble() {
    let doc = "REGULATION (EU) 2022/1925\n\nHAVE ADOPTED THIS REGULATION:\n\nCHAPTER I\n\n\
               SUBJECT MATTER, SCOPE AND DEFINITIONS\n\nArticle 1\n\nSubject matter\n\n\
               1. This Regulation lays down rules.\n";
    let p = parse(doc);
    assert_eq!(ids(doc), ["preamble", "1"]);
    assert_eq!(
        &*p[0].text,
        "REGULATION (EU) 2022/1925\n\nHAVE ADOPTED THIS REGULATION:"
    );
    assert_eq!(
        p[1].place.as_ref(),
        ["CHAPTER I — SUBJECT MATTER, SCOPE AND DEFINITIONS"]
    );
}

/// Swedish and Finnish laws number sections within each chapter, the number before the sign
/// (`1 kap.`, `1 §`, `2 a §`): ids are qualified by their chapter, and a citation at a line's
/// start (`3 § första stycket …`) is text.
#[test]
fn sections_numbered_within_chapters_before_the_sign() {
    let doc = "Lag om fiske\n\n1 kap. Inledande bestämmelser\n\n1 § Denna lag gäller fiske.\n\n\
               2 § I denna lag avses med fartyg varje farkost.\n\n2 a § Bestämmelserna i\n\
               1 § gäller även vattenbruk.\n\n2 kap. Tillstånd\n\n1 § Tillstånd krävs.\n\n\
               2 § Tillstånd ges av myndigheten.\n";
    assert_eq!(
        ids(doc),
        [
            "preamble",
            "1 kap./1",
            "1 kap./2",
            "1 kap./2 a",
            "2 kap./1",
            "2 kap./2"
        ]
    );
    let finnish = "1 luku\n\nYleiset säännökset\n\n1 §\n\nLain tarkoitus\n\nTämä laki koskee kalastusta.\n\n\
                   2 §\n\nMääritelmät\n\nTässä laissa tarkoitetaan alusta.\n\n2 luku\n\nLuvat\n\n1 §\n\nLupa vaaditaan.\n";
    assert_eq!(ids(finnish), ["1 luku/1", "1 luku/2", "2 luku/1"]);
}
