//! `diff` on the sample corpus (snapshots of every parent → child pair) and on files.

use crate::common::{TestEnv, imported};

const PAIRS: [(&str, &str); 6] = [
    ("28-point-plan", "e3-counter-proposal"),
    ("28-point-plan", "geneva-19-point-framework"),
    ("e3-counter-proposal", "geneva-19-point-framework"),
    ("geneva-19-point-framework", "ukraine-20-point-response"),
    ("ukraine-20-point-response", "20-point-framework"),
    ("28-point-plan", "20-point-framework"),
];

fn json_without_revs(text: &str) -> serde_json::Value {
    let mut v: serde_json::Value = serde_json::from_str(text).unwrap();
    v["old"]["rev"] = "<rev>".into();
    v["new"]["rev"] = "<rev>".into();
    v
}

#[test]
fn sample_pairs_snapshots() {
    let env = imported();
    for (old, new) in PAIRS {
        let json = env.ok(&["diff", old, new, "--format", "json"]);
        let pretty = serde_json::to_string_pretty(&json_without_revs(&json)).unwrap();
        insta::assert_snapshot!(format!("diff_json__{old}__{new}"), pretty);
        let term = env.ok(&["diff", old, new]);
        insta::assert_snapshot!(format!("diff_term__{old}__{new}"), term);
    }
}

/// `--explain` says why each pair was linked; the JSON always carries it.
#[test]
fn explain_says_why_each_pair_was_linked() {
    let env = imported();
    let term = env.ok(&[
        "diff",
        "28-point-plan",
        "e3-counter-proposal",
        "--explain",
        "--changed-only",
    ]);
    insta::assert_snapshot!("diff_explain__28-point-plan__e3-counter-proposal", term);
    assert!(term.contains("why: similar"), "{term}");
    let v = json_without_revs(&env.ok(&[
        "diff",
        "28-point-plan",
        "e3-counter-proposal",
        "--format",
        "json",
    ]));
    for c in v["changes"].as_array().unwrap() {
        let linked =
            !c["old"].as_array().unwrap().is_empty() && !c["new"].as_array().unwrap().is_empty();
        assert_eq!(c.get("why").is_some(), linked, "{c}");
    }
    // Editorial-only changes leave with --substantive; the raw redline interleaves words.
    let raw = env.ok(&[
        "diff",
        "28-point-plan",
        "e3-counter-proposal",
        "--word-diff",
        "raw",
        "--provision",
        "10",
    ]);
    let phrases = env.ok(&[
        "diff",
        "28-point-plan",
        "e3-counter-proposal",
        "--provision",
        "10",
    ]);
    assert!(
        raw.matches("[-").count() > phrases.matches("[-").count(),
        "{raw}\n{phrases}"
    );
}

/// The 28-point → 20-point diff reads as an editor's concordance.
#[test]
fn twenty_eight_to_twenty_is_a_concordance() {
    let env = imported();
    let v = json_without_revs(&env.ok(&[
        "diff",
        "28-point-plan",
        "20-point-framework",
        "--format",
        "json",
    ]));
    let changes = v["changes"].as_array().unwrap();
    let find = |side: &str, id: &str| {
        changes
            .iter()
            .find(|c| c[side].as_array().unwrap().iter().any(|x| x == id))
            .unwrap_or_else(|| panic!("no change with {side} {id}"))
    };
    let army = find("old", "6");
    assert_eq!(army["new"], serde_json::json!(["4"]));
    assert_eq!(army["kind"], "reworded");
    assert_eq!(army["renumbered"], true);
    assert!(
        army["tags"]
            .as_array()
            .unwrap()
            .contains(&"quantity".into())
    );
    let redline = serde_json::to_string(&army["redline"]).unwrap();
    assert!(redline.contains("600,000") && redline.contains("800,000"));
    for nato in ["3", "4", "7", "8", "9"] {
        assert_eq!(
            find("old", nato)["kind"],
            "removed",
            "NATO-related point {nato}"
        );
    }
    assert_eq!(find("old", "26")["kind"], "removed", "amnesty");
    assert_eq!(find("new", "10")["kind"], "added", "free trade");
    let elections = find("old", "25");
    assert_eq!(elections["new"], serde_json::json!(["18"]));
    assert_eq!(elections["kind"], "reworded");
    assert_eq!(v["old"]["label"], "28-point plan");
    assert_eq!(v["new"]["date"], "2025-12-23");
}

#[test]
fn default_diff_is_tip_against_its_parent() {
    let env = imported();
    let out = env.ok(&["diff", "--changed-only"]);
    assert!(
        out.starts_with("Ukraine 20-point response → 20-point framework:"),
        "{out}"
    );
    assert!(out.contains("note: Ukraine 20-point response is not verbatim text"));
    let one = env.ok(&["diff", "europe", "--provision", "6"]);
    assert!(one.contains("~ 6 → 6  reworded  [quantity]"), "{one}");
    assert!(one.contains("[-600,000-]{+800,000+}"), "{one}");
    assert_eq!(
        one.matches("\n~ ").count() + one.matches("\n= ").count(),
        1,
        "{one}"
    );
    let md = env.ok(&["diff", "europe", "--format", "md", "--changed-only"]);
    assert!(md.contains("| 6 | 6 | reworded |  | quantity |"), "{md}");
    assert!(
        md.contains("~~600,000~~") && md.contains("**800,000**"),
        "{md}"
    );
    let show = env.ok(&["show", "20-point-framework", "4"]);
    assert!(
        show.contains("4. The armed forces of Ukraine shall remain at 800,000"),
        "{show}"
    );
}

#[test]
fn no_index_diffs_files_and_rejects_bad_ones() {
    let env = TestEnv::new();
    env.write("a.md", "+++\nlabel = \"A\"\n+++\nArticle 1\nThe Parties shall meet.\nArticle 2\nThey shall report within 30 days.\n");
    env.write("b.md", "Article 1\nThey shall report within 60 days.\nArticle 2\nThe Parties shall meet.\nArticle 3\nNew.\n");
    let v: serde_json::Value =
        serde_json::from_str(&env.ok(&["diff", "--no-index", "a.md", "b.md", "--format", "json"]))
            .unwrap();
    assert_eq!(v["old"]["path"], "a.md");
    assert!(v["old"].get("rev").is_none());
    assert_eq!(v["summary"]["added"], 1);
    assert_eq!(v["summary"]["renumbered"], 2);
    let report = v["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["old"] == serde_json::json!(["2"]))
        .unwrap();
    assert_eq!(report["new"], serde_json::json!(["1"]));
    assert_eq!(report["tags"], serde_json::json!(["date"]));
    env.write("bin.md", b"\x00\x01");
    env.write("bad.md", b"\xc3\x28");
    assert!(
        env.fails(&["diff", "--no-index", "a.md", "missing.md"])
            .contains("missing.md")
    );
    assert!(
        env.fails(&["diff", "--no-index", "a.md", "bin.md"])
            .contains("bin.md: looks like a binary file")
    );
    assert!(
        env.fails(&["diff", "--no-index", "bad.md", "a.md"])
            .contains("bad.md:1: not valid UTF-8")
    );
}

#[test]
fn unknown_revision_hints_at_log() {
    let env = imported();
    let stderr = env.fails(&["diff", "28-point-plan", "no-such-version"]);
    assert!(
        stderr.starts_with("error: unknown revision `no-such-version`"),
        "{stderr}"
    );
    assert!(stderr.contains("hint: run `drafttrail log`"), "{stderr}");
    assert!(
        env.fails(&["diff", "28-point-plan"])
            .contains("is the first version of its lineage")
    );
}

/// A code as Légifrance publishes it: YAML front matter, an outline of plain headings, article
/// numbers with a code prefix and hyphens, a citation at the start of a body line. The old
/// side has article L111-3 in chapter I; the new side moves it into chapter II and amends
/// L111-2.
const CODE_OLD: &str = "---\ntitle: \"Code de test\"\n---\n# Code de test\n\nPartie législative\n\n\
Livre Ier : Information\n\nChapitre Ier : Obligation générale\n\nArticle L111-1\n\n\
Tout professionnel informe le consommateur.\n\nArticle L111-2\n\n\
Le professionnel communique ses coordonnées.\n\nArticle L111-3\n\n\
Les modalités sont fixées par décret.\n\nChapitre II : Prix\n\nArticle L112-1\n\n\
Le vendeur informe sur les prix.\nArticle L111-1 du présent code est applicable.\n";

const CODE_NEW: &str = "---\ntitle: \"Code de test\"\n---\n# Code de test\n\nPartie législative\n\n\
Livre Ier : Information\n\nChapitre Ier : Obligation générale\n\nArticle L111-1\n\n\
Tout professionnel informe le consommateur.\n\nArticle L111-2\n\n\
Le professionnel communique ses coordonnées et son adresse électronique.\n\n\
Chapitre II : Prix\n\nArticle L112-1\n\n\
Le vendeur informe sur les prix.\nArticle L111-1 du présent code est applicable.\n\n\
Article L112-2\n\nLes modalités sont fixées par décret.\n";

#[test]
fn a_published_code_reads_with_whole_numbers_and_places() {
    let env = crate::common::TestEnv::new();
    env.write("old.md", CODE_OLD);
    env.write("new.md", CODE_NEW);
    let (old, new) = ("old.md", "new.md");
    let v: serde_json::Value =
        serde_json::from_str(&env.ok(&["diff", "--no-index", old, new, "--format", "json"]))
            .unwrap();
    let changes = v["changes"].as_array().unwrap();
    let ids: Vec<(String, String)> = changes
        .iter()
        .map(|c| (c["old"].to_string(), c["new"].to_string()))
        .collect();
    // Whole numbers, no stray provision from the citation line, the title in the preamble.
    assert_eq!(
        ids,
        [
            (r#"["preamble"]"#, r#"["preamble"]"#),
            (r#"["L111-1"]"#, r#"["L111-1"]"#),
            (r#"["L111-2"]"#, r#"["L111-2"]"#),
            (r#"["L112-1"]"#, r#"["L112-1"]"#),
            (r#"["L111-3"]"#, r#"["L112-2"]"#),
        ]
        .map(|(a, b)| (a.to_owned(), b.to_owned()))
    );
    let moved = &changes[4];
    assert_eq!(moved["renumbered"], true);
    assert_eq!(moved["moved"], true);
    assert_eq!(
        moved["old_place"],
        serde_json::json!([
            "Partie législative",
            "Livre Ier : Information",
            "Chapitre Ier : Obligation générale"
        ])
    );
    assert_eq!(
        moved["new_place"],
        serde_json::json!([
            "Partie législative",
            "Livre Ier : Information",
            "Chapitre II : Prix"
        ])
    );
    // Staying in its chapter is not a move, even next to one that left.
    assert_eq!(changes[2]["moved"], false);
    assert_eq!(changes[3]["moved"], false);
    assert_eq!(changes[2]["kind"], "reworded");
    let term = env.ok(&["diff", "--no-index", old, new]);
    insta::assert_snapshot!("diff_term__published_code", term);
}

/// `diff --format json` of a real-corpus case's `old.md` and `new.md`; `None` (the test
/// skips) when `../shared/real-corpus` is absent.
fn real_diff_json(case: &str) -> Option<serde_json::Value> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/real-corpus")
        .join(case);
    if !dir.join("old.md").is_file() {
        eprintln!("skipped: ../shared/real-corpus is absent");
        return None;
    }
    let env = crate::common::TestEnv::new();
    let (old, new) = (dir.join("old.md"), dir.join("new.md"));
    let out = env.ok(&[
        "diff",
        "--no-index",
        old.to_str().unwrap(),
        new.to_str().unwrap(),
        "--format",
        "json",
    ]);
    Some(serde_json::from_str(&out).unwrap())
}

/// The real French Code pénal (when `../shared/real-corpus` is present): ids as written and
/// every article under its chapter.
#[test]
fn real_code_penal_ids_and_places() {
    let Some(v) = real_diff_json("fr-penal-2009-2026") else {
        return;
    };
    let changes = v["changes"].as_array().unwrap();
    let first = changes
        .iter()
        .find(|c| c["old"] == serde_json::json!(["111-1"]))
        .expect("article 111-1 is read whole");
    assert_eq!(first["new"], serde_json::json!(["111-1"]));
    assert_eq!(
        first["new_place"],
        serde_json::json!([
            "Partie législative",
            "Livre Ier : Dispositions générales",
            "Titre Ier : De la loi pénale",
            "Chapitre Ier : Des principes généraux"
        ])
    );
    // No cut number survives: every article id has its hyphen.
    let cut = changes
        .iter()
        .flat_map(|c| c["new"].as_array().unwrap().iter())
        .filter_map(|id| id.as_str())
        .filter(|id| *id != "preamble" && !id.contains('-'))
        .count();
    assert_eq!(cut, 0);
}

/// The real StGB (when `../shared/real-corpus` is present) keeps its repealed sections as
/// `§ N (weggefallen)`: each placeholder pairs with its own number's (none is renumbered into
/// another's), and a section repealed between the two states reads as that section reworded
/// into its placeholder, explained as such.
#[test]
fn real_stgb_placeholders_pair_by_number() {
    let Some(v) = real_diff_json("de-stgb-2013-2021") else {
        return;
    };
    let changes = v["changes"].as_array().unwrap();
    let text = |c: &serde_json::Value| c["redline"].to_string();
    let placeholders: Vec<&serde_json::Value> = changes
        .iter()
        .filter(|c| c["kind"] == "unchanged" && text(c).contains("(weggefallen)"))
        .collect();
    assert!(
        placeholders.len() >= 20,
        "{} placeholders",
        placeholders.len()
    );
    for c in &placeholders {
        assert_eq!(c["old"], c["new"], "a placeholder renumbered: {c}");
    }
    // § 80 (preparing a war of aggression) was repealed in 2017.
    let repeal = changes
        .iter()
        .find(|c| c["old"] == serde_json::json!(["80"]))
        .expect("§ 80 is in the old state");
    assert_eq!(repeal["new"], serde_json::json!(["80"]));
    assert_eq!(repeal["kind"], "reworded");
    assert_eq!(repeal["why"]["by"], "placeholder");
    assert_eq!(repeal["tags"], serde_json::json!([]));
}
