//! The heading-line table: how single lines of real published texts read, from the codes and
//! bills of several countries. Each row is a line and what it must be.

use super::line::{Line, classify};

/// What a line must read as.
#[derive(Debug, Clone, Copy)]
enum Reading {
    /// Opens a provision numbered so (if the document's scheme is its scheme).
    Opens(&'static str),
    /// A provision keyword or sign followed by a citation, not a heading.
    Cites,
    /// A structural heading (part, title, chapter, section of a code).
    Outline,
    /// A group heading (annex, schedule) with this short name.
    Group(&'static str),
    /// A removed range.
    Gap,
    /// Running text.
    Text,
}
use Reading::*;

const TABLE: &[(&str, Reading)] = &[
    // France (Légifrance, legalize-fr), Belgium, Luxembourg
    ("Article 111-1", Opens("111-1")),
    ("##### Article L111-1", Opens("L111-1")),
    ("Article R131-1", Opens("R131-1")),
    ("Article L. 111-1", Opens("L. 111-1")),
    ("Article R*131-1", Opens("R*131-1")),
    ("Article D. 123-4", Opens("D. 123-4")),
    ("Article LO. 12", Opens("LO. 12")),
    ("Article A. 1", Opens("A. 1")),
    ("Article 1er", Opens("1er")),
    ("Article 6 bis", Opens("6 bis")),
    ("Article 12 ter A", Opens("12 ter A")),
    ("##### Article liminaire", Opens("liminaire")),
    ("Article 226-16-1-A", Opens("226-16-1-A")),
    ("Article 1231-2", Opens("1231-2")),
    ("Article 39 quinquies FA", Opens("39 quinquies FA")),
    ("Article 1649 quater-0 B bis", Opens("1649 quater-0 B bis")),
    ("Article 199 terdecies-0 A", Opens("199 terdecies-0 A")),
    (
        "Art. 1er. La présente loi règle une matière visée à l'article 74.",
        Opens("1er"),
    ),
    ("Art. 5.", Opens("5")),
    ("Livre Ier : Dispositions générales", Outline),
    ("Titre Ier : De la loi pénale", Outline),
    (
        "Chapitre II : De l'application de la loi pénale dans le temps",
        Outline,
    ),
    (
        "#### Section 1 : Information sur les conditions sociales",
        Outline,
    ),
    (
        "Section 2 :  Information sur la saisonnalité des fruits",
        Outline,
    ),
    ("Sous-section 2 : Des peines applicables", Outline),
    (
        "Section 2 bis : Du recours à la prostitution de mineurs ou de personnes vulnérables.",
        Outline,
    ),
    ("Paragraphe 3 : Dispositions communes", Outline),
    ("Partie législative", Outline),
    ("### Annexes", Group("Annexes")),
    (
        "ANNEXE A L'ARTICLE R311-6",
        Group("ANNEXE A L'ARTICLE R311-6"),
    ),
    ("L'article 111-1 est abrogé.", Text),
    // Germany (bundestag/gesetze), Austria
    ("##### § 1 Keine Strafe ohne Gesetz", Opens("1")),
    ("§ 651e Vertragsübertragung", Opens("651e")),
    ("###### § 38 Dauer der Freiheitsstrafe", Opens("38")),
    ("##### § 48 (weggefallen)", Opens("48")),
    ("§ 57 Abs. 1 Satz 2 und Abs. 6 gilt entsprechend.", Cites),
    ("§ 5 bestraft.", Cites),
    ("§ 12 in Verbindung mit § 13", Cites),
    ("§§ 1 bis 3 (weggefallen)", Gap),
    ("§ 7 bis 9 (aufgehoben)", Gap),
    ("Art. 1 Änderung des Strafgesetzbuches", Opens("1")),
    ("Artikel 3 Inkrafttreten", Opens("3")),
    // The Grundgesetz and other laws of articles write `Art` without a full stop.
    ("### Art 1", Opens("1")),
    ("### Art 143h", Opens("143h")),
    ("Art 5 Abs. 1 gilt entsprechend.", Cites),
    ("Art und Ausmaß der Entschädigung regelt ein Gesetz.", Text),
    ("Erster Abschnitt - Das Strafgesetz", Outline),
    ("## Allgemeiner Teil - ", Outline),
    ("#### Zweiter Titel - Sprachgebrauch", Outline),
    ("Anhang", Group("Anhang")),
    ("Anlage 1 (zu § 5)", Group("Anlage 1")),
    // United States (GPO bill text)
    ("SEC. 1. SHORT TITLE.", Opens("1")),
    ("SEC. 101. DEFINITIONS.", Opens("101")),
    ("SEC. 3A. AUTHORIZATION OF APPROPRIATIONS.", Opens("3A")),
    ("Sec. 2. Findings.", Opens("2")),
    (
        "Section 1(b) of Public Law 115–275 is amended by striking the period",
        Text,
    ),
    ("Section 5 is amended—", Cites),
    ("TITLE I—GENERAL PROVISIONS", Outline),
    (
        "Subtitle A—Amendments to the Internal Revenue Code",
        Outline,
    ),
    ("CHAPTER 3—MISCELLANEOUS", Outline),
    (
        "Chapter 5 of title 10, United States Code, is amended",
        Text,
    ),
    ("(a) In general.—The Secretary shall", Text),
    // United Kingdom
    ("1 Short title", Opens("1")),
    ("12 Commencement and extent", Opens("12")),
    ("PART 1", Outline),
    ("Schedule 2", Group("Schedule 2")),
    (
        "2 The Secretary of State may by regulations make provision.",
        Text,
    ),
    // Spain, Latin America, Italy
    ("Artículo 1°", Opens("1°")),
    ("Artículo 1. Objeto.", Opens("1")),
    (
        "Artículo único. Modificación de la Ley 5/2011.",
        Opens("único"),
    ),
    ("Artículo 5 bis. Ámbito de aplicación", Opens("5 bis")),
    (
        "Artículo primero.  Modificación de la Ley 27/1999, de 16 de julio.",
        Opens("primero"),
    ),
    (
        "Disposición transitoria primera.  Depósito provisional de los planes.",
        Opens("transitoria primera"),
    ),
    (
        "Disposición derogatoria única.  Derogación normativa.",
        Opens("derogatoria única"),
    ),
    (
        "Artículo cuarto (nuevo).  Modificación de la Ley 20/1990.",
        Opens("cuarto"),
    ),
    (
        "Disposición final primera.  (suprimida)",
        Opens("final primera"),
    ),
    (
        "Disposición final primera pre (nueva).  Modificación de la Ley 31/1995.",
        Opens("final primera pre"),
    ),
    ("Artículo 5 (a) del Reglamento se aplica.", Cites),
    (
        "Disposición final primera de la Ley 31/1995 se modifica en estos términos.",
        Cites,
    ),
    ("Artículo 2.º Definiciones", Opens("2.º")),
    ("CAPÍTULO I", Outline),
    ("Capítulo II. Disposiciones generales", Outline),
    ("TÍTULO PRELIMINAR", Outline),
    ("Art. 2-bis. (Definizioni)", Opens("2-bis")),
    ("Capo I - Disposizioni generali", Outline),
    ("Art. 1-bis", Opens("1-bis")),
    ("Articolo 1-bis", Opens("1-bis")),
    ("Art. 2-ter. (Definizioni)", Opens("2-ter")),
    ("Artigo 5.º-A", Opens("5.º-A")),
    ("Artigo 12.º", Opens("12.º")),
    ("Art. 10a.", Opens("10a")),
    ("§ 1.", Opens("1")),
    ("§ 2a. Anwendungsbereich", Opens("2a")),
    ("Artikel 7:400", Opens("7:400")),
    ("Art. L. 121-1", Opens("L. 121-1")),
    ("Article 2 quater", Opens("2 quater")),
    ("Artículo 7 bis.", Opens("7 bis")),
    ("ARTICLE 1", Opens("1")),
    ("Article premier", Opens("premier")),
    ("ARTICLE PREMIER", Opens("PREMIER")),
    ("Art. 1er.", Opens("1er")),
    ("Artykuł 5.", Opens("5")),
    ("Art. 5a.", Opens("5a")),
    ("Article 16-1-1", Opens("16-1-1")),
    ("SECTION 1. SHORT TITLE.", Opens("1")),
    ("Sec. 101. Definitions.", Opens("101")),
    (
        "Artículo 1°.- La presente ley tiene por objeto regular.",
        Opens("1°"),
    ),
    ("Artículo 2º.- Definiciones.", Opens("2º")),
    (
        "Artículo primero.- Modifícase la ley N° 18.290.",
        Opens("primero"),
    ),
    (
        "Artículo transitorio.- La presente ley entrará en vigencia.",
        Opens("transitorio"),
    ),
    (
        "Artículo primero transitorio.- Dentro del plazo",
        Opens("primero transitorio"),
    ),
    ("ARTÍCULO 5.- Créase", Opens("5")),
    (
        "Artículo 2° transitorio.- El reglamento",
        Opens("2° transitorio"),
    ),
    ("Art. 3°.- Las normas", Opens("3°")),
    ("Artículo 10 bis.- Agrégase", Opens("10 bis")),
    (
        "Disposición adicional única. Evaluación.",
        Opens("adicional única"),
    ),
    ("Artículo 4.", Opens("4")),
    // Switzerland (Fedlex), Austria (RIS), Central and Eastern Europe
    ("Art. 12bis", Opens("12bis")),
    ("Art. 3a Geltungsbereich", Opens("3a")),
    (
        "§ 1. (1) Dieses Bundesgesetz regelt die Ausübung.",
        Opens("1"),
    ),
    ("Článek 5", Opens("5")),
    ("Čl. 3", Opens("3")),
    ("Член 5. Предмет", Opens("5")),
    ("Članak 12.", Opens("12")),
    ("Articolul 4", Opens("4")),
    // Sweden, Finland, Hungary: the number before the section sign, chapters numbered first
    (
        "1 § Denna lag innehåller bestämmelser om fiske.",
        Opens("1"),
    ),
    ("2 a § Med fartyg avses i denna lag", Opens("2 a")),
    ("3 §", Opens("3")),
    ("1. § E törvény célja", Opens("1")),
    ("1 kap. Inledande bestämmelser", Outline),
    ("2 luku", Outline),
    ("23 Division of functions", Opens("23")),
    ("Enligt 3 § första stycket gäller", Text),
    ("4 § första stycket gäller även fartyg.", Cites),
    // Russia, Ukraine
    ("Статья 5. Сфера действия настоящего Закона", Opens("5")),
    ("Стаття 12. Набрання чинності", Opens("12")),
    ("Глава 1. Общие положения", Outline),
    // Treaties, plans, leaks
    ("Article 5a", Opens("5a")),
    ("**Article 5.** The Parties shall", Opens("5")),
    ("Annex I", Group("Annex I")),
    ("ANNEX II: Security guarantees", Group("ANNEX II")),
    ("PROTOCOL", Group("PROTOCOL")),
    ("Part B. Economy", Outline),
    ("1. Ukraine's sovereignty will be confirmed.", Opens("1")),
    ("12) Elections will be held", Opens("12")),
    ("(3) The guarantee ends", Opens("3")),
    ("IV. Final provisions", Opens("IV")),
    ("## 3. Security", Opens("3")),
    ("Point 7: NATO", Opens("7")),
    ("2025 was a year of talks.", Text),
    ("3.5 percent of GDP", Text),
    ("Part of the deal was signed.", Text),
    ("Article 7 of the Treaty applies.", Cites),
    ("- a bullet point", Text),
];

#[test]
fn every_heading_line_reads_as_published() {
    assert!(TABLE.len() >= 60, "{} rows", TABLE.len());
    let mut wrong = Vec::new();
    for &(text, want) in TABLE {
        let got = classify(text);
        let ok = match (want, &got) {
            // A Markdown heading may also serve the outline when the scheme is not its own.
            (Opens(n), Line::Marker(m)) => m.headlike && m.number == n,
            (Cites, Line::Marker(m)) => !m.headlike,
            (Cites, Line::Body) => true,
            (Outline, Line::Heading(h)) => h.group.is_none(),
            (Outline, Line::Marker(m)) => m.structure.as_ref().is_some_and(|h| h.group.is_none()),
            (Group(g), Line::Heading(h)) => h.group.as_deref() == Some(g),
            (Gap, Line::Gap) | (Text, Line::Body) => true,
            _ => false,
        };
        if !ok {
            wrong.push(format!("{text:?}: want {want:?}, got {got:?}"));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} lines misread:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}
