//! Documents as they arrive (issue 17): files written by real programs (LibreOffice, poppler;
//! see `tests/files/make.sh`), the real Spanish and Chilean files of `../shared/real-corpus`,
//! and hostile files, each of which must fail with one `error:` line and change nothing.

use std::path::{Path, PathBuf};

use crate::common::{TestEnv, installed};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/files")
        .join(name)
}

fn real_files() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/real-corpus/files");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipped: ../shared/real-corpus is absent");
        None
    }
}

/// Whether tesseract is installed; under CI its absence is a failure, not a skip.
fn tesseract() -> bool {
    installed(&["tesseract"], "tesseract-ocr")
}

fn json(s: &str) -> serde_json::Value {
    serde_json::from_str(s).unwrap()
}

fn summary(env: &TestEnv, old: &Path, new: &Path) -> serde_json::Value {
    let out = env.ok(&[
        "diff",
        "--no-index",
        old.to_str().unwrap(),
        new.to_str().unwrap(),
        "--format",
        "json",
    ]);
    json(&out)
}

#[test]
fn libreoffice_conversions_read_as_their_source() {
    for (name, method) in [
        ("plan.docx", "docx"),
        ("plan.odt", "odt"),
        ("plan.pdf", "pdf-text"),
        ("plan.html", "html"),
    ] {
        // Each in its own store: the same text twice is one version with two sources.
        let env = TestEnv::new();
        env.ok(&["init"]);
        let d = summary(&env, &fixture("plan.txt"), &fixture(name));
        let s = &d["summary"];
        assert_eq!(s["unchanged"], 29, "{name}: {s}");
        for kind in ["reworded", "added", "removed", "split", "merged"] {
            assert_eq!(s[kind], 0, "{name}: {kind} in {s}");
        }
        // Recorded, it keeps its original byte for byte, and verify checks the hash.
        env.ok(&["commit", fixture(name).to_str().unwrap(), "--label", "plan"]);
        let out = env.run_ok(&["show", "plan", "--original"]);
        assert_eq!(out.stdout, std::fs::read(fixture(name)).unwrap(), "{name}");
        let v = env.ok(&["verify"]);
        assert!(v.contains("1 original files"), "{v}");
        let log = json(&env.ok(&["log", "--format", "json"]));
        assert_eq!(log[0]["extraction"]["method"], method);
    }
}

#[test]
fn a_tampered_original_fails_verify() {
    let env = TestEnv::new();
    env.ok(&["init"]);
    env.ok(&["commit", fixture("plan.docx").to_str().unwrap()]);
    // Replace the stored original's blob content by editing the object through git: rewrite
    // the tree with another blob under the same name, then point the track at it.
    let store = env.store();
    // The env's git reads no user configuration: a commit names its author here.
    let git = |args: &[&str]| {
        let args = [
            &["-c", "user.name=Test", "-c", "user.email=test@example.org"],
            args,
        ]
        .concat();
        env.git_stdout(&args).trim().to_owned()
    };
    let tree = git(&["ls-tree", "main"]);
    let fake = env.write("fake", "not the original");
    let blob = git(&["hash-object", "-w", fake.to_str().unwrap()]);
    let new_tree: String = tree
        .lines()
        .map(|l| {
            if l.ends_with("original.docx") {
                format!("100644 blob {blob}\toriginal.docx\n")
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    let mk = std::process::Command::new("git")
        .arg("--git-dir")
        .arg(&store)
        .arg("mktree")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    mk.stdin
        .as_ref()
        .unwrap()
        .write_all(new_tree.as_bytes())
        .unwrap();
    let out = mk.wait_with_output().unwrap();
    let tree_id = String::from_utf8(out.stdout).unwrap().trim().to_owned();
    let commit = git(&["commit-tree", &tree_id, "-m", "tampered"]);
    git(&["update-ref", "refs/heads/main", &commit]);
    let out = env.cmd().arg("verify").output().unwrap();
    assert!(!out.status.success());
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(text.contains("original.docx hashes to"), "{text}");
}

#[test]
fn tracked_changes_by_two_authors_are_recorded_in_both_states() {
    // The same edits, written by LibreOffice as DOCX and as ODT, and as the flat ODT they
    // were made from.
    for name in ["tracked.docx", "tracked.odt", "tracked.fodt"] {
        let env = TestEnv::new();
        env.ok(&["init"]);
        let file = fixture(name);
        env.ok(&[
            "commit",
            file.to_str().unwrap(),
            "--label",
            "Edited",
            "--changes",
            "both",
        ]);
        let log = json(&env.ok(&["log", "--format", "json"]));
        let versions = log.as_array().unwrap();
        assert_eq!(versions.len(), 2, "{name}");
        let (after, before) = (&versions[0], &versions[1]);
        assert_eq!(after["label"], "Edited");
        assert_eq!(before["label"], "Edited (changes rejected)");
        assert_eq!(after["parents"][0]["id"], before["id"]);
        let raw = |rev: &str| env.ok(&["show", rev, "--raw"]);
        assert!(raw("Edited").contains("Elections are held at the earliest possible date after"));
        assert!(
            raw("Edited (changes rejected)").contains("Elections are held within 100 days after")
        );
        let claims = after["claims"].as_array().unwrap();
        let summary: Vec<(String, String, String, String)> = claims
            .iter()
            .map(|c| {
                (
                    c["who"].as_str().unwrap().to_owned(),
                    c["kind"].as_str().unwrap().to_owned(),
                    c["date"].as_str().unwrap_or("").to_owned(),
                    c["provisions"][0].as_str().unwrap_or("").to_owned(),
                )
            })
            .collect();
        let s = |a: &str, b: &str, c: &str, d: &str| (a.into(), b.into(), c.into(), d.into());
        assert_eq!(
            summary,
            [
                s("Olena Editor", "tracked-change", "2025-11-23", "2"),
                s("Olena Editor", "tracked-change", "2025-11-23", "2"),
                s("Mark Reviewer", "tracked-change", "2025-11-24", "3"),
                s("Mark Reviewer", "comment", "2025-11-24", "4"),
            ],
            "{name}"
        );
        assert!(
            claims[0]["did"]
                .as_str()
                .unwrap()
                .contains("deleted “within 100 days”")
        );
        assert!(
            claims[3]["did"]
                .as_str()
                .unwrap()
                .contains("Which signature")
        );
        // Blame names the edit's author on the provision it touched.
        let blame = env.ok(&["blame", "Edited"]);
        let mark = "tracked-change: Mark Reviewer inserted “and reports every month” (2025-11-24)";
        assert!(blame.contains(mark), "{name}: {blame}");
        // Rejected alone: the text before the edits, the comments kept, no edit claimed.
        let env = TestEnv::new();
        env.ok(&["init"]);
        env.ok(&[
            "commit",
            file.to_str().unwrap(),
            "--label",
            "R",
            "--changes",
            "reject",
        ]);
        assert!(env.ok(&["show", "R", "--raw"]).contains("within 100 days"));
        let log = json(&env.ok(&["log", "--format", "json"]));
        let kinds: Vec<&str> = log[0]["claims"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["kind"].as_str().unwrap())
            .collect();
        assert_eq!(kinds, ["comment"], "{name}");
        assert_eq!(log[0]["extraction"]["changes"], "rejected");
    }
}

#[test]
fn a_news_page_gives_its_article_not_its_menus() {
    let env = TestEnv::new();
    env.ok(&["init"]);
    env.ok(&[
        "commit",
        fixture("news.html").to_str().unwrap(),
        "--label",
        "page",
    ]);
    let text = env.ok(&["show", "page", "--raw"]);
    for n in 1..=5 {
        assert!(
            text.contains(&format!("\n{n}. ")) || text.starts_with(&format!("{n}. ")),
            "{n}: {text}"
        );
    }
    for chrome in [
        "Subscribe",
        "Most read",
        "Cookie",
        "Advertisement",
        "Sign in",
        "Share on",
    ] {
        assert!(!text.contains(chrome), "{chrome} in {text}");
    }
    let log = json(&env.ok(&["log", "--format", "json"]));
    assert_eq!(log[0]["extraction"]["method"], "html");
    assert_eq!(log[0]["document"]["author"], "Maria Reporter");
}

/// Records a picture in a new store with OCR in `lang`; returns the recognised text.
fn recognised(env: &TestEnv, name: &str, lang: &str) -> String {
    env.ok(&["init"]);
    env.ok(&[
        "commit",
        fixture(name).to_str().unwrap(),
        "--ocr-lang",
        lang,
    ]);
    let label = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    env.ok(&["show", label, "--raw"])
}

#[test]
fn ocr_of_a_page_picture_keeps_words_and_numbers() {
    if !tesseract() {
        return;
    }
    let env = TestEnv::new();
    let ocr = recognised(&env, "plan-page1.png", "eng");
    let source = std::fs::read_to_string(fixture("plan.txt")).unwrap();
    let d = summary(&env, &fixture("plan.txt"), &fixture("plan-page1.png"));
    // Every provision on the page is found, numbered as in the source, with its words.
    let on_page: Vec<&serde_json::Value> = d["changes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| !c["new"].as_array().unwrap().is_empty())
        .collect();
    assert!(on_page.len() >= 15, "{}", on_page.len());
    for (i, c) in on_page.iter().enumerate() {
        let want = if i == 0 {
            "preamble".to_owned()
        } else {
            i.to_string()
        };
        assert_eq!(c["new"][0].as_str().unwrap(), want, "{c}");
        assert_eq!(c["old"], c["new"]);
    }
    let words = |s: &str| -> Vec<String> {
        s.split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .filter(|w| !w.is_empty())
            .collect()
    };
    let last = on_page.len() - 1;
    let cut = source
        .find(&format!("\n{}. ", last + 1))
        .unwrap_or(source.len());
    let want = words(&source[..cut]);
    let mut got = words(&ocr);
    let mut kept = 0;
    for w in &want {
        if let Some(k) = got.iter().position(|g| g == w) {
            got.swap_remove(k);
            kept += 1;
        }
    }
    let share = kept as f64 / want.len() as f64;
    assert!(share >= 0.98, "OCR kept {kept} of {} words", want.len());
    let log = json(&env.ok(&["log", "--format", "json"]));
    let x = &log[0]["extraction"];
    assert_eq!(x["method"], "ocr");
    assert_eq!(x["ocr_lang"], "eng");
    assert!(x["ocr_confidence"].as_f64().unwrap() > 80.0, "{x}");
}

#[test]
fn a_cyrillic_page_and_a_scanned_pdf_are_recognised() {
    if !tesseract() {
        return;
    }
    let env = TestEnv::new();
    let ocr = recognised(&env, "ru-page.png", "rus");
    let source = std::fs::read_to_string(fixture("ru-page.txt")).unwrap();
    for n in 1..=7 {
        assert!(ocr.contains(&format!("\n{n}. ")), "point {n} in {ocr}");
    }
    let got: std::collections::HashSet<&str> = ocr.split_whitespace().collect();
    let want: Vec<&str> = source.split_whitespace().collect();
    let kept = want.iter().filter(|w| got.contains(*w)).count();
    assert!(
        kept * 100 >= want.len() * 98,
        "kept {kept} of {}",
        want.len()
    );
    // A PDF that is only a picture goes to OCR.
    env.ok(&[
        "commit",
        fixture("scan.pdf").to_str().unwrap(),
        "--ocr-lang",
        "eng",
    ]);
    let log = json(&env.ok(&["log", "--format", "json"]));
    assert_eq!(log[0]["extraction"]["method"], "ocr");
    assert!(env.ok(&["show", "scan", "--raw"]).contains("Ukraine"));
}

#[test]
fn a_legacy_encoding_is_decoded_and_its_original_kept() {
    let env = TestEnv::new();
    env.ok(&["init"]);
    let text = "1. Суверенитет Украины подтверждается.\n2. Выборы проводятся после подписания.\n";
    let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(text);
    let file = env.write("leak.txt", &bytes);
    env.ok(&["commit", file.to_str().unwrap()]);
    assert_eq!(env.ok(&["show", "leak", "--raw"]), text);
    let log = json(&env.ok(&["log", "--format", "json"]));
    assert_eq!(log[0]["extraction"]["encoding"], "windows-1251");
    let out = env
        .cmd()
        .args(["show", "leak", "--original"])
        .output()
        .unwrap();
    assert_eq!(out.stdout, bytes.as_ref());
}

#[test]
fn a_sidecar_gives_a_document_its_front_matter() {
    let env = TestEnv::new();
    let dir = env.path().join("leaks");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(fixture("plan.pdf"), dir.join("plan.pdf")).unwrap();
    std::fs::write(
        dir.join("plan.toml"),
        "label = \"Leaked PDF\"\ntrack = \"us\"\nstatus = \"reported\"\n[dates]\nleaked = 2025-11-19\n",
    )
    .unwrap();
    let out = env.run_ok(&["import", "leaks", "--init"]);
    assert!(!String::from_utf8_lossy(&out.stderr).contains("skipped"));
    let log = json(&env.ok(&["log", "--format", "json"]));
    assert_eq!(log.as_array().unwrap().len(), 1);
    assert_eq!(log[0]["label"], "Leaked PDF");
    assert_eq!(log[0]["track"], "us");
    assert_eq!(log[0]["dates"]["leaked"], "2025-11-19");
}

#[test]
fn the_spanish_bill_stages_align_by_article() {
    let Some(files) = real_files() else { return };
    let env = TestEnv::new();
    env.ok(&["init"]);
    for stage in ["1", "4", "5"] {
        let f = files.join(format!("es-121-000036/bocg-15-a-36-{stage}.pdf"));
        let label = format!("BOCG 36-{stage}");
        env.ok(&[
            "commit",
            f.to_str().unwrap(),
            "--label",
            &label,
            "--track",
            "es",
        ]);
    }
    let d = json(&env.ok(&["diff", "BOCG 36-4", "BOCG 36-5", "--format", "json"]));
    let pairs: Vec<(String, String)> = d["changes"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| {
            Some((
                c["old"][0].as_str()?.to_owned(),
                c["new"][0].as_str()?.to_owned(),
            ))
        })
        .collect();
    for id in [
        "primero",
        "segundo",
        "tercero",
        "cuarto",
        "transitoria primera",
    ] {
        assert!(pairs.contains(&(id.into(), id.into())), "{id} in {pairs:?}");
    }
    for stage in ["1", "4", "5"] {
        for id in ["primero", "segundo", "tercero"] {
            let text = env.ok(&["show", &format!("BOCG 36-{stage}"), id, "--raw"]);
            for furniture in [
                "cve: BOCG",
                "Pág.",
                "BOLETÍN OFICIAL DE LAS CORTES",
                "Serie A",
            ] {
                assert!(!text.contains(furniture), "{furniture} in {stage}/{id}");
            }
            assert!(
                !text.contains("econo-\n"),
                "hyphenation left in {stage}/{id}"
            );
        }
    }
}

#[test]
fn the_chilean_files_keep_their_document_metadata() {
    let Some(files) = real_files() else { return };
    let env = TestEnv::new();
    env.ok(&["init"]);
    let dir = files.join("cl-15995");
    env.ok(&[
        "commit",
        dir.join("01-mocion.docx").to_str().unwrap(),
        "--track",
        "cl",
    ]);
    env.ok(&[
        "commit",
        dir.join("03-informe-comision.pdf").to_str().unwrap(),
        "--track",
        "pdf",
    ]);
    let log = json(&env.ok(&["log", "--format", "json", "--all"]));
    let by = |label: &str| {
        log.as_array()
            .unwrap()
            .iter()
            .find(|v| v["label"] == label)
            .unwrap()
            .clone()
    };
    let motion = by("01-mocion");
    assert_eq!(motion["document"]["author"], "Jorge Mera Schmidt");
    assert_eq!(
        motion["document"]["last_modified_by"],
        "Guillermo Diaz Vallejos"
    );
    assert_eq!(motion["document"]["created"], "2023-06-02T14:23:00Z");
    let report = by("03-informe-comision");
    assert_eq!(report["document"]["author"], "FESTEBAN");
    assert_eq!(report["document"]["created"], "2024-04-16T11:05:43-04:00");
    let show = env.ok(&["show", "01-mocion"]);
    assert!(show.contains("(file metadata, not verified)"), "{show}");
}

/// Runs a command that must fail with one `error:` line and leave the store as it was.
fn refused(env: &TestEnv, file: &Path, extra: &[&str], path: Option<&str>) -> String {
    let before = env.refs();
    let mut cmd = env.cmd();
    cmd.args(["commit", file.to_str().unwrap()]).args(extra);
    if let Some(p) = path {
        cmd.env("PATH", p);
    }
    let out = cmd.output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{file:?} should be refused");
    let err = String::from_utf8(out.stderr).unwrap();
    let errors = err.lines().filter(|l| l.starts_with("error:")).count();
    assert_eq!(errors, 1, "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(env.refs(), before, "the store changed");
    err
}

fn zip_with(entries: &[(&str, &[u8])]) -> Vec<u8> {
    use std::io::Write;
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in entries {
        zip.start_file(*name, opts).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap();
    out.into_inner()
}

#[test]
fn hostile_files_are_refused_and_change_nothing() {
    let env = TestEnv::new();
    env.ok(&["init"]);
    env.ok(&["commit", fixture("plan.txt").to_str().unwrap()]);

    let err = refused(&env, &fixture("encrypted.pdf"), &[], None);
    assert!(err.contains("encrypted"), "{err}");

    // A scan with no tesseract on PATH.
    let empty = env.path().join("empty-bin");
    std::fs::create_dir_all(&empty).unwrap();
    let err = refused(&env, &fixture("scan.pdf"), &[], empty.to_str());
    assert!(err.contains("tesseract"), "{err}");

    let pdf = std::fs::read(fixture("plan.pdf")).unwrap();
    let cut = env.write("cut.pdf", &pdf[..pdf.len() - 300]);
    let err = refused(&env, &cut, &[], None);
    assert!(err.contains("is the file complete?"), "{err}");

    let docx = std::fs::read(fixture("plan.docx")).unwrap();
    let cut = env.write("cut.docx", &docx[..docx.len() / 2]);
    let err = refused(&env, &cut, &[], None);
    assert!(err.contains("zip"), "{err}");

    // 300 MB of spaces, deflated to a few hundred kilobytes.
    let spaces = vec![b' '; 300 * 1024 * 1024];
    let bomb = env.write("bomb.docx", zip_with(&[("word/document.xml", &spaces)]));
    let err = refused(&env, &bomb, &[], None);
    assert!(err.contains("zip bomb"), "{err}");

    // A PNG that says it is 20,000 × 20,000 pixels.
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend(20_000u32.to_be_bytes());
    png.extend(20_000u32.to_be_bytes());
    png.extend([8, 0, 0, 0, 0, 0, 0, 0, 0]);
    let big = env.write("big.png", &png);
    let err = refused(&env, &big, &[], None);
    assert!(err.contains("20000 × 20000"), "{err}");

    // External entities: never resolved, never fetched.
    let xxe = br#"<?xml version="1.0"?>
<!DOCTYPE w:document [<!ENTITY leak SYSTEM "file:///etc/passwd"><!ENTITY far SYSTEM "http://127.0.0.1:9/x">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>1. &leak; &far;</w:t></w:r></w:p></w:body></w:document>"#;
    let file = env.write("xxe.docx", zip_with(&[("word/document.xml", xxe)]));
    let err = refused(&env, &file, &[], None);
    assert!(err.contains("DTD"), "{err}");
    assert!(!err.contains("root:"), "{err}");
}

#[test]
fn automatic_list_numbers_are_rebuilt() {
    // Numbers a word processor computes (not in the text), as LibreOffice writes them to
    // DOCX (`w:numPr`) and ODT (`text:list`).
    let want = "Framework numbered by the word processor\n\
                1. Ukraine's sovereignty is confirmed by all parties.\n\
                2. Security guarantees are given as follows:\n\
                (a) a joint commission reviews disputes;\n\
                (b) violations are reported every month.\n\
                3. Elections are held at the earliest possible date after signature.\n";
    for name in ["numbered.docx", "numbered.odt"] {
        let env = TestEnv::new();
        env.ok(&["init"]);
        env.ok(&["commit", fixture(name).to_str().unwrap(), "--label", "n"]);
        assert_eq!(env.ok(&["show", "n", "--raw"]), want, "{name}");
        let blame = env.ok(&["show", "n", "3", "--raw"]);
        assert!(blame.starts_with("3. Elections"), "{name}: {blame}");
    }
}

#[test]
fn a_page_in_a_legacy_charset_is_read_in_the_charset_it_declares() {
    // Too few non-ASCII bytes to guess an encoding from: only the page's declaration can say.
    let env = TestEnv::new();
    env.ok(&["init"]);
    let article: String = (1..=6)
        .map(|n| format!("<p>{n}. The delegations meet again in Kyiv on day {n} of the talks, as agreed.</p>\n"))
        .collect::<String>()
        + "<p>7. Signed in Киев.</p>\n";
    let page = format!(
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\">\
         <title>Talks</title></head><body><article>{article}</article></body></html>"
    );
    let (bytes, _, _) = encoding_rs::KOI8_R.encode(&page);
    let file = env.write("page.html", &bytes);
    env.ok(&["commit", file.to_str().unwrap()]);
    let text = env.ok(&["show", "page", "--raw"]);
    assert!(text.contains("7. Signed in Киев."), "{text}");
    let log: serde_json::Value =
        serde_json::from_str(&env.ok(&["log", "--format", "json"])).unwrap();
    assert_eq!(log[0]["extraction"]["encoding"], "KOI8-R");
    assert_eq!(log[0]["extraction"]["method"], "html");
}

/// A bill printed with numbered lines (LibreOffice's line numbering: every line in one PDF,
/// every fifth in the other, restarting on each page): the numbers are the printer's, not
/// the text's. Without them taken out, a column of `1` … `48` lands in the section that
/// crosses the page break and reads as a split.
#[test]
fn margin_line_numbers_are_not_text() {
    let env = TestEnv::new();
    let d = summary(&env, &fixture("lined.pdf"), &fixture("lined-5.pdf"));
    let s = &d["summary"];
    assert_eq!(
        (s["unchanged"].as_u64(), s["reworded"].as_u64()),
        (Some(8), Some(1)),
        "{s}"
    );
    for kind in ["added", "removed", "split", "merged"] {
        assert_eq!(s[kind], 0, "{kind} in {s}");
    }
    for c in d["changes"].as_array().unwrap() {
        let text: String = c["redline"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["text"].as_str().unwrap())
            .collect();
        assert!(
            !text.lines().any(|l| l.trim().parse::<u32>().is_ok()),
            "a line number in {}: {text}",
            c["old"]
        );
    }
}
