//! The HTML report: escaping of hostile input, and the real-browser check (headless Chromium
//! through tests/browser/check.mjs), including that the check itself catches a script error,
//! a network request and missing content.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::{TestEnv, draft, imported};

#[path = "../../benches/code.rs"]
mod code;

fn browser_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser")
}

/// The Chromium to drive: `$CHROMIUM`, else the first of the usual names on `PATH`.
fn chromium() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("CHROMIUM") {
        return Some(PathBuf::from(path));
    }
    let path = std::env::var_os("PATH")?;
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .flat_map(|name| std::env::split_paths(&path).map(move |dir| dir.join(name)))
        .find(|candidate| candidate.is_file())
}

/// Returns whether the browser check can run; wherever `CI` is set it must, and the test
/// fails rather than skip.
fn browser_available() -> bool {
    let ok = chromium().is_some() && browser_dir().join("node_modules/playwright-core").exists();
    if !ok {
        assert!(
            std::env::var_os("CI").is_none(),
            "the browser test needs Chromium on PATH (or $CHROMIUM) and tests/browser/node_modules (.ci/run installs both)"
        );
        eprintln!(
            "skipping the browser check: run .ci/run (or apt-get install chromium; npm ci in tests/browser)"
        );
    }
    ok
}

fn check(report: &Path, screenshot: &Path, extra: &[&str]) -> (bool, String) {
    let mut node = Command::new("node");
    if let Some(path) = chromium() {
        node.env("CHROMIUM", path);
    }
    let out = node
        .arg(browser_dir().join("check.mjs"))
        .arg(report)
        .arg(screenshot)
        .args(extra)
        .output()
        .expect("node runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

#[test]
fn sample_report_is_small_and_self_contained() {
    let env = imported();
    let out = env.ok(&["report", "--out", "-"]);
    assert!(out.len() < 2 * 1024 * 1024, "report is {} bytes", out.len());
    assert!(out.starts_with("<!DOCTYPE html>"));
    assert!(out.contains("default-src 'none'"));
    for external in ["<link", "src=\"http", "src='http", "@import", "url("] {
        assert!(!out.contains(external), "external resource: {external}");
    }
    assert_eq!(out.matches("<li class=\"version\"").count(), 6);
    assert!(out.contains("<del>600,000</del>") && out.contains("<ins>800,000</ins>"));
    env.ok(&["report", "--out", "r.html", "28-point-plan", "europe"]);
    let two = std::fs::read_to_string(env.path().join("r.html")).unwrap();
    assert_eq!(two.matches("<li class=\"version\"").count(), 2);
}

#[test]
fn hostile_drafts_and_claims_render_as_text() {
    let env = TestEnv::new();
    env.ok(&["init"]);
    let front = "[[source]]\noutlet = \"<img src=x onerror=alert(1)>\"\nurl = \"javascript:alert(2)\"\n\
                 [[claim]]\nwho = \"<script>alert(3)</script>\"\ndid = \"wrote <b onclick=alert(4)>this</b>\"\n\
                 source = \"x\"\nurl = \"JavaScript:alert(5)\"\nquote = \"\\\"><svg onload=alert(6)>\"\n";
    env.write("evil.md", draft("<script>alert(7)</script>", front, "1. <script>alert(8)</script>\n2. <img src=x onerror=alert(9)> [link](javascript:alert(10))\n"));
    env.ok(&["commit", "evil.md"]);
    env.write(
        "evil2.md",
        draft(
            "second",
            "",
            "1. <script>alert(8)</script> changed\n2. <iframe src=javascript:alert(11)>\n",
        ),
    );
    env.ok(&["commit", "evil2.md"]);
    // Quotes and schemes that break out of attributes, in a track name, URLs and events.
    env.write(
        "more/evil3.md",
        draft(
            "third",
            "track = \"x\\\"onmouseover=alert(14)\"\n[[source]]\noutlet = \"o\"\n\
             url = \"https://example.org/\\\"onmouseover=\\\"alert(13)\"\n\
             [[claim]]\nwho = \"w\"\ndid = \"d\"\nsource = \"s\"\nurl = \" javascript:alert(15)\"\n\
             [[claim]]\nwho = \"w2\"\ndid = \"d\"\nsource = \"s\"\nurl = \"data:text/html,<script>alert(16)</script>\"\n",
            "1. </script><script>alert(17)</script>\n2. <!-- x --> ]]> &#x3C;script&#x3E;\n",
        ),
    );
    env.write(
        "more/events.toml",
        "[[event]]\nid = \"e\\\"onfocus=alert(18)\"\ndate = 2025-11-20\ntitle = \"<script>alert(19)</script>\"\n\
         place = \"<img src=x onerror=alert(20)>\"\n",
    );
    env.ok(&["import", "more"]);
    env.ok(&["report", "--out", "evil.html"]);
    let html = std::fs::read_to_string(env.path().join("evil.html")).unwrap();
    let body = &html[html.find("<body>").unwrap()..html.rfind("<script>").unwrap()];
    for raw in [
        "<script>alert",
        "<img src=x",
        "<b onclick",
        "<svg onload",
        "<iframe",
        "href=\"javascript",
        "href=\"JavaScript",
        "href=\" javascript",
        "href=\"data:",
        "\"onmouseover",
        "\"onfocus",
        "</script><script>",
    ] {
        assert!(!body.contains(raw), "unescaped: {raw}");
    }
    assert!(body.contains("&lt;script&gt;alert(8)&lt;/script&gt;"));
    assert!(body.contains("&lt;img src=x onerror=alert(1)&gt;"));
    if browser_available() {
        let shot = env.path().join("evil.png");
        let (ok, out) = check(
            &env.path().join("evil.html"),
            &shot,
            &["--versions", "3", "--text", "<script>alert(7)</script>"],
        );
        assert!(ok, "{out}");
    }
}

#[test]
fn sample_report_passes_the_browser_check() {
    if !browser_available() {
        return;
    }
    let env = imported();
    env.ok(&["report", "--out", "report.html"]);
    let report = env.path().join("report.html");
    let shot = std::env::var_os("DRAFTTRAIL_SCREENSHOT")
        .map_or_else(|| env.path().join("report.png"), PathBuf::from);
    let expect = [
        "--versions",
        "6",
        "--redline",
        "600,000:800,000",
        "--text",
        "He must have got this from K.",
        "--text",
        "denied:",
    ];
    let (ok, out) = check(&report, &shot, &expect);
    assert!(ok, "{out}");
    eprintln!("browser: {}", out.trim());
    assert!(std::fs::metadata(&shot).unwrap().len() > 10_000);

    // The check catches what it must catch (screenshots of these go elsewhere).
    let shot = env.path().join("negative.png");
    let html = std::fs::read_to_string(&report).unwrap();
    let broken = html.replace("<script>\n", "<script>\nthrow new Error('boom');\n");
    std::fs::write(env.path().join("broken.html"), broken).unwrap();
    let (ok, out) = check(&env.path().join("broken.html"), &shot, &[]);
    assert!(!ok && out.contains("boom"), "{out}");

    let csp_start = html.find("<meta http-equiv").unwrap();
    let csp_end = csp_start + html[csp_start..].find(">\n").unwrap() + 2;
    let leaky = format!("{}{}", &html[..csp_start], &html[csp_end..])
        .replace("<body>", "<body><img src=\"http://127.0.0.1:9/pixel.png\">");
    std::fs::write(env.path().join("leaky.html"), leaky).unwrap();
    let (ok, out) = check(&env.path().join("leaky.html"), &shot, &[]);
    assert!(!ok && out.contains("network requests"), "{out}");

    let (ok, out) = check(
        &report,
        &shot,
        &["--versions", "7", "--text", "no such text anywhere"],
    );
    assert!(
        !ok && out.contains("expected 7 versions") && out.contains("text not found"),
        "{out}"
    );
}

/// The report at a code's scale: 20 versions of 3,000 provisions make a report of a few
/// megabytes whose matrix shows only what changed, with a working filter and toggle. How fast
/// it opens is measured by the benchmark (`SECTIONS=report cargo bench --bench suite`), not
/// here: tests run side by side, and a time limit would fail on a loaded machine.
#[test]
fn a_code_in_twenty_versions_reports_what_changed() {
    if !browser_available() {
        return;
    }
    let env = TestEnv::new();
    code::write_code(&env.path().join("code"));
    env.ok(&["import", "code", "--init", "-q"]);
    env.ok(&["report", "--out", "report.html"]);
    let report = env.path().join("report.html");
    let html = std::fs::read_to_string(&report).unwrap();
    assert!(html.contains("never changed and are hidden"));
    assert!(
        html.len() < 8 * 1024 * 1024,
        "report is {} bytes",
        html.len()
    );
    let (ok, out) = check(&report, &env.path().join("code.png"), &["--versions", "20"]);
    assert!(ok, "{out}");
    eprintln!("browser, 20 × 3,000: {}", out.trim());
}
