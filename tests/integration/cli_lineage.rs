//! history, blame, shares, timeline, attribute, pin and sync on the sample corpus.

use serde_json::Value;

use crate::common::{TestEnv, imported};

fn json(env: &TestEnv, args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    serde_json::from_str(&env.ok(&all)).unwrap()
}

#[test]
fn history_of_the_army_cap_runs_from_600k_to_the_20_point_framework() {
    let env = imported();
    let h = json(&env, &["history", "6", "--rev", "28-point-plan"]);
    assert_eq!(h["identity"], "28-point-plan#6");
    let versions = h["versions"].as_array().unwrap();
    let labels: Vec<&str> = versions
        .iter()
        .map(|v| v["version"]["label"].as_str().unwrap())
        .collect();
    assert_eq!(
        labels,
        [
            "28-point plan",
            "E3 counter-proposal",
            "Geneva 19-point framework",
            "Ukraine 20-point response",
            "20-point framework"
        ]
    );
    assert!(versions[0]["text"].as_str().unwrap().contains("600,000"));
    assert_eq!(versions[0]["version"]["dates"]["presented"], "2025-11-20");
    assert!(
        versions[1]["text"]
            .as_str()
            .unwrap()
            .contains("800,000 personnel in peacetime")
    );
    assert_eq!(versions[1]["version"]["dates"]["presented"], "2025-11-23");
    assert_eq!(versions[2]["version"]["verbatim"], false);
    let last = &versions[4];
    assert_eq!(last["provision"], "4");
    assert!(last["text"].as_str().unwrap().contains("800,000"));
    for v in versions {
        assert!(!v["sources"].as_array().unwrap().is_empty(), "{v}");
    }
    // The same through its identity, in the terminal view, with sources and redline.
    let term = env.ok(&["history", "28-point-plan#6"]);
    assert!(term.contains("E3 counter-proposal [europe] (paraphrase, not verbatim)  provision 6  ← 28-point plan 6 (reworded)"), "{term}");
    assert!(term.contains("[-600,000-]{+800,000+}"), "{term}");
    assert!(
        term.starts_with(
            "history of 28-point-plan#6 — The armed forces of Ukraine shall be limited to…: \
             5 appearance(s) in 5 version(s)\n"
        ),
        "{term}"
    );
    // Each version's sources once, compactly; the claims about this provision in full.
    assert!(
        term.contains("  sources: UNN (relaying Reuters), report.az · 2 claim(s) on the whole version (--full)\n"),
        "{term}"
    );
    assert!(!term.contains("Yuri Ushakov"), "{term}");
    assert!(term.contains("f92a994a Kirill Dmitriev"), "{term}");
    let full = env.ok(&["history", "28-point-plan#6", "--full"]);
    assert!(
        full.contains("Source: UNN (relaying Reuters), 2025-11-23"),
        "{full}"
    );
    assert!(full.contains("Yuri Ushakov"), "{full}");
}

#[test]
fn timeline_who_dmitriev_shows_talks_claims_and_denials() {
    let env = imported();
    let out = env.ok(&["timeline", "--who", "Dmitriev"]);
    assert!(
        out.contains("event    Witkoff, Kushner and Dmitriev work out the plan in Miami"),
        "{out}"
    );
    assert!(out.contains("version  28-point plan [us]"), "{out}");
    assert!(
        out.contains("(provisions 6, 7, 13, 21) [reported; Wall Street Journal]"),
        "{out}"
    );
    let claim = out
        .find("leaked the plan to the press [alleged; Steve Witkoff (deleted post)]")
        .expect(&out);
    let denial = out.find("↳ 0c1ca9fb denied by Axios").expect(&out);
    assert!(
        denial > claim && out[claim..denial].lines().count() <= 2,
        "denial not beside its claim:\n{out}"
    );
    assert!(!out.contains("E3 counter-proposal"), "{out}");
    let items = json(&env, &["timeline", "--who", "dmitriev"]);
    let kinds: Vec<&str> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["type"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["event", "version", "event", "event", "version"]);
}

#[test]
fn timeline_orders_versions_and_events_and_filters() {
    let env = imported();
    let all = json(&env, &["timeline"]);
    let dates: Vec<&str> = all
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|i| i["date"].as_str())
        .collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted);
    let leaked = json(
        &env,
        &[
            "timeline",
            "--by",
            "leaked",
            "--since",
            "2025-11-19",
            "--until",
            "2025-11-19",
        ],
    );
    assert_eq!(leaked[0]["version"]["label"], "28-point plan");
    assert_eq!(leaked.as_array().unwrap().len(), 1);
    let army = json(&env, &["timeline", "--provision", "28-point-plan#6"]);
    let labels: Vec<&str> = army
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|i| i["version"]["label"].as_str())
        .collect();
    assert_eq!(
        labels,
        [
            "28-point plan",
            "E3 counter-proposal",
            "Geneva 19-point framework",
            "20-point framework"
        ]
    );
    let md = env.ok(&["timeline", "--track", "europe", "--format", "md"]);
    assert!(
        md.contains("## 2025-11-23 — E3 counter-proposal [europe]"),
        "{md}"
    );
    assert!(!md.contains("28-point plan [us] (paraphrase"), "{md}");
}

#[test]
fn shares_of_the_20_point_framework_sum_to_100_percent() {
    let env = imported();
    let s = json(&env, &["shares", "20-point-framework"]);
    let total = s["words"].as_u64().unwrap();
    assert!(total > 100);
    for key in ["by_version", "by_track"] {
        let rows = s[key].as_array().unwrap();
        let words: u64 = rows.iter().map(|r| r["words"].as_u64().unwrap()).sum();
        let share: f64 = rows.iter().map(|r| r["share"].as_f64().unwrap()).sum();
        assert_eq!(words, total, "{key}");
        assert!((share - 1.0).abs() < 0.001, "{key}: {share}");
    }
    let versions: Vec<&str> = s["by_version"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert!(
        versions.contains(&"28-point plan") && versions.contains(&"20-point framework"),
        "{versions:?}"
    );
    let tracks: Vec<&str> = s["by_track"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert_eq!(tracks, ["ukraine", "us"]);
    let who: Vec<&str> = s["by_contributor"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["who"].as_str().unwrap())
        .collect();
    assert!(who.contains(&"Kirill Dmitriev"), "{who:?}");
    // The terminal view gives each claimed contributor a share, under its heading.
    let term = env.ok(&["shares", "20-point-framework"]);
    let contributors = term
        .split("by claimed contributor")
        .nth(1)
        .unwrap_or_else(|| panic!("{term}"));
    let dmitriev = contributors
        .lines()
        .find(|l| l.contains("Kirill Dmitriev"))
        .unwrap_or_else(|| panic!("{term}"));
    assert!(dmitriev.trim_start().starts_with("51.0%"), "{dmitriev}");
}

#[test]
fn blame_reproduces_text_and_keeps_origins_through_renumbering() {
    let env = imported();
    let b = json(&env, &["blame", "20-point-framework"]);
    let show = json(&env, &["show", "20-point-framework"]);
    let body = show["body"].as_str().unwrap();
    // Every provision (the title and 20 points), each non-empty, its segments giving its
    // text as it stands in the body, in the body's order.
    let provisions = b["provisions"].as_array().unwrap();
    assert_eq!(provisions.len(), 21);
    let mut at = 0;
    for p in provisions {
        let text: String = p["segments"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["text"].as_str().unwrap())
            .collect();
        assert!(!text.trim().is_empty(), "provision {} is empty", p["id"]);
        let found = body[at..]
            .find(&text)
            .unwrap_or_else(|| panic!("provision {} not in order: {text}", p["id"]));
        at += found + text.len();
    }
    // Point 15 (no change of arrangements by force) is the 28-point plan's point 22, unchanged.
    let p15 = b["provisions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "15")
        .unwrap();
    assert_eq!(p15["identity"], "28-point-plan#22");
    assert_eq!(p15["segments"].as_array().unwrap().len(), 1);
    assert_eq!(p15["segments"][0]["origin_label"], "28-point plan");
    let term = env.ok(&["blame", "20-point-framework"]);
    assert!(
        term.contains("4  wording from 20-point framework  (28-point-plan#6)"),
        "{term}"
    );
    assert!(
        term.contains("[v1]The armed forces of Ukraine shall [v6]remain at 800,000 [v1]personnel"),
        "{term}"
    );
}

#[test]
fn attribute_appends_claims_and_denials_without_rewriting_history() {
    let env = imported();
    let head = env.git_stdout(&["rev-parse", "europe"]);
    env.ok(&[
        "attribute",
        "E3 counter-proposal",
        "--provision",
        "6",
        "--who",
        "Jonathan Powell",
        "--did",
        "negotiated the higher army cap",
        "--source",
        "The Telegraph",
        "--confidence",
        "alleged",
        "--url",
        "https://t.example/x",
    ]);
    env.ok(&[
        "attribute",
        "E3 counter-proposal",
        "--who",
        "Jonathan Powell",
        "--did",
        "negotiated the higher army cap",
        "--source",
        "UK government",
        "--stance",
        "denies",
        "--quote",
        "not our wording",
    ]);
    assert_eq!(env.git_stdout(&["rev-parse", "europe"]), head);
    assert!(
        env.ok(&[
            "attribute",
            "europe",
            "--who",
            "Jonathan Powell",
            "--did",
            "negotiated the higher army cap",
            "--source",
            "UK government",
            "--stance",
            "denies",
            "--quote",
            "not our wording"
        ])
        .contains("already has")
    );
    let log = env.ok(&["log", "--track", "europe"]);
    assert!(log.contains("ad83053f Jonathan Powell — negotiated the higher army cap (provisions 6) [alleged; The Telegraph; https://t.example/x]"), "{log}");
    assert!(
        log.contains("↳ e77e9dcb denied by UK government: “not our wording”"),
        "{log}"
    );
    let history = env.ok(&["history", "28-point-plan#6"]);
    assert!(history.contains("Jonathan Powell"), "{history}");
    let timeline = env.ok(&["timeline", "--who", "powell"]);
    assert!(
        timeline.contains("↳ e77e9dcb denied by UK government"),
        "{timeline}"
    );
    // The notes ref keeps each addition as its own commit.
    assert_eq!(
        env.git_stdout(&["rev-list", "--count", "refs/notes/drafttrail"])
            .trim(),
        "2"
    );
    assert!(
        env.fails(&[
            "attribute",
            "europe",
            "--provision",
            "99",
            "--who",
            "x",
            "--did",
            "y",
            "--source",
            "z"
        ])
        .contains("no provision `99`")
    );
}

#[test]
fn a_pin_overrides_the_engine_in_diff_history_and_blame() {
    let env = imported();
    let before = json(&env, &["diff", "28-point-plan", "20-point-framework"]);
    let kind_of_12 = |d: &Value| {
        d["changes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["old"] == serde_json::json!(["12"]))
            .unwrap()
            .clone()
    };
    // The engine links 12 (a reconstruction package) to 8 (a development package) by
    // context; an editor who reads 9 (the reconstruction funds) as its successor pins it.
    assert_eq!(kind_of_12(&before)["new"], serde_json::json!(["8"]));
    env.ok(&["pin", "28-point-plan:12", "20-point-framework:9"]);
    let after = json(&env, &["diff", "28-point-plan", "20-point-framework"]);
    assert_eq!(kind_of_12(&after)["new"], serde_json::json!(["9"]));
    assert_eq!(kind_of_12(&after)["kind"], "reworded");
    assert_eq!(kind_of_12(&after)["why"]["by"], "pin");
    let h = json(&env, &["history", "28-point-plan#12"]);
    let labels: Vec<&str> = h["versions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["version"]["label"].as_str().unwrap())
        .collect();
    assert!(labels.contains(&"20-point framework"), "{labels:?}");
    let b = json(&env, &["blame", "20-point-framework"]);
    let p9 = b["provisions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "9")
        .unwrap();
    assert_eq!(p9["identity"], "28-point-plan#12");
    assert!(
        p9["segments"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["origin_label"] == "28-point plan"),
        "{p9}"
    );
    env.ok(&["unpin", "28-point-plan:12", "20-point-framework:9"]);
    assert_eq!(
        kind_of_12(&json(
            &env,
            &["diff", "28-point-plan", "20-point-framework"]
        ))["new"],
        serde_json::json!(["8"])
    );
    assert!(
        env.fails(&["pin", "28-point-plan:99", "20-point-framework:8"])
            .contains("no provision `99`")
    );
    assert!(
        env.fails(&["pin", "28-point-plan", "20-point-framework:8"])
            .contains("REV:ID")
    );
}

#[test]
fn sync_shares_claims_events_and_pins_through_a_bare_remote() {
    let env = imported();
    env.ok(&[
        "attribute",
        "europe",
        "--who",
        "A. Source",
        "--did",
        "drafted point 6",
        "--source",
        "Outlet",
    ]);
    env.ok(&["pin", "28-point-plan:12", "20-point-framework:8"]);
    let remote = env.path().join("remote.git");
    let status = std::process::Command::new("git")
        .args(["init", "-q", "--bare"])
        .arg(&remote)
        .status()
        .unwrap();
    assert!(status.success());
    let out = env.ok(&["sync", remote.to_str().unwrap()]);
    assert!(out.contains("pushed"), "{out}");
    // A colleague: a plain bare clone, then one sync.
    let theirs = env.path().join("theirs.git");
    let status = std::process::Command::new("git")
        .args(["clone", "-q", "--bare"])
        .arg(&remote)
        .arg(&theirs)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .status()
        .unwrap();
    assert!(status.success());
    let repo = theirs.to_str().unwrap();
    env.ok(&["--repo", repo, "sync", remote.to_str().unwrap()]);
    for args in [
        &["log", "--format", "json"][..],
        &["timeline", "--format", "json"],
        &[
            "diff",
            "28-point-plan",
            "20-point-framework",
            "--format",
            "json",
        ],
    ] {
        let mut mine = vec![];
        mine.extend_from_slice(args);
        let mut their = vec!["--repo", repo];
        their.extend_from_slice(args);
        assert_eq!(env.ok(&their), env.ok(&mine), "{args:?} differs after sync");
    }
    assert!(env.ok(&["--repo", repo, "log"]).contains("A. Source"));
    // Syncing again moves nothing.
    assert!(
        env.ok(&["sync", remote.to_str().unwrap()])
            .contains("fetched 0 ref(s), merged 0, pushed 0 ref(s)")
    );
}
