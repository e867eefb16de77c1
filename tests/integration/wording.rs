//! Where the wording came from: an old text tabled again is a version of its own.

use crate::common::TestEnv;

#[test]
fn an_old_text_tabled_again_is_a_version_of_its_own() {
    let env = TestEnv::new();
    env.ok(&["init"]);
    let v1 = "1. A ceasefire.\n2. Full amnesty for all parties.\n";
    env.write("v1.md", v1);
    env.write("v2.md", "1. A ceasefire.\n");
    env.write("v3.md", v1);
    env.ok(&[
        "commit",
        "v1.md",
        "--label",
        "v1",
        "--date",
        "leaked=2025-01-01",
    ]);
    env.ok(&[
        "commit",
        "v2.md",
        "--label",
        "v2",
        "--date",
        "leaked=2025-02-01",
    ]);
    let out = env.ok(&[
        "commit",
        "v3.md",
        "--label",
        "v3",
        "--date",
        "leaked=2025-03-01",
        "--source",
        "Outlet,https://o.example/v3",
    ]);
    let id = out.split_whitespace().nth(1).unwrap().to_owned();
    assert_eq!(
        out,
        format!("recorded  {id} v3 [main]: the text of v1, tabled again\n")
    );
    // Its own label, dates and source; the same text; the old version untouched.
    let log: Vec<serde_json::Value> =
        serde_json::from_str(&env.ok(&["log", "--format", "json"])).unwrap();
    let v3 = log.iter().find(|v| v["label"] == "v3").unwrap();
    let v1_entry = log.iter().find(|v| v["label"] == "v1").unwrap();
    assert_eq!(v3["retabled"], v1_entry["id"]);
    assert_eq!(v3["dates"]["leaked"], "2025-03-01");
    assert_eq!(v3["sources"][0]["outlet"], "Outlet");
    assert!(v1_entry["sources"].as_array().unwrap().is_empty());
    assert_eq!(env.ok(&["show", "v3", "--raw"]), v1);
    // The timeline says so; the diff against v2 shows the amnesty back.
    let timeline = env.ok(&["timeline"]);
    assert!(
        timeline.contains("2025-03-01  version  v3 [main] — re-tables the text of v1\n"),
        "{timeline}"
    );
    assert!(
        env.ok(&["diff"])
            .starts_with("v2 → v3: 1 unchanged, 1 added")
    );
    // Recording it again is the same version; so is the same text as the track's latest.
    assert_eq!(
        env.ok(&["commit", "v3.md", "--label", "v3"]),
        format!("unchanged {id} v3: already recorded\n")
    );
    let out = env.ok(&["commit", "v3.md", "--label", "v3 again"]);
    assert!(out.starts_with(&format!("unchanged {id} v3")), "{out}");
}

/// Every sample version, lightly edited (a comma for a semicolon, a number changed), is
/// identified as itself first; an unrelated text matches nothing; `--parent auto` records a
/// copy under its source.
#[test]
fn identify_finds_the_source_of_a_lightly_edited_copy() {
    let env = crate::common::imported();
    let log: Vec<serde_json::Value> =
        serde_json::from_str(&env.ok(&["log", "--format", "json"])).unwrap();
    for v in &log {
        let label = v["label"].as_str().unwrap();
        let body = env.ok(&["show", v["id"].as_str().unwrap(), "--raw"]);
        let edited = body.replacen(", ", "; ", 1).replacen("100", "120", 1);
        env.write("copy.md", &edited);
        let ranked: Vec<serde_json::Value> =
            serde_json::from_str(&env.ok(&["identify", "copy.md", "--format", "json"])).unwrap();
        assert_eq!(ranked[0]["label"], label, "{label}: {:?}", &ranked[..2]);
        assert_eq!(ranked[0]["matches"], true, "{label}");
    }
    env.write(
        "fish.md",
        "1. Fishing quotas for the northern sea.\n2. A commission on salmon.\n",
    );
    let out = env.ok(&["identify", "fish.md"]);
    assert!(
        out.starts_with("no recorded version resembles fish.md"),
        "{out}"
    );
    let err = env.fails(&["commit", "fish.md", "--label", "Fish", "--parent", "auto"]);
    assert!(
        err.contains("--parent auto: no recorded version resembles fish.md"),
        "{err}"
    );

    let body = env.ok(&["show", "europe", "--raw"]).replacen(", ", "; ", 1);
    env.write("leak.md", &body);
    let out = env
        .cmd()
        .args([
            "commit", "leak.md", "--label", "E3 copy", "--parent", "auto",
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.starts_with("note: parent fbbe902f66 E3 counter-proposal [europe], the closest"),
        "{stderr}"
    );
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains(" E3 copy [europe]")
    );
    let text = env.ok(&["identify", "leak.md"]);
    assert!(
        text.contains("editorial: preamble → preamble  [-,-] {+;+}") || text.contains("editorial:"),
        "{text}"
    );
}

/// v1 has an amnesty point, v2 drops it, v3 restores it word for word: v3's point keeps v1's
/// identity, blame credits v1's words to v1, the timeline and history say "reinstated".
#[test]
fn a_dropped_provision_brought_back_keeps_its_identity_and_credit() {
    let env = TestEnv::new();
    env.ok(&["init"]);
    env.write(
        "v1.md",
        "1. A ceasefire.\n2. Full amnesty for all parties to the conflict.\n",
    );
    env.write("v2.md", "1. A ceasefire.\n");
    env.write(
        "v3.md",
        "1. A ceasefire, monitored.\n2. Full amnesty for all parties to the conflict.\n",
    );
    for (file, label, day) in [
        ("v1.md", "v1", "01"),
        ("v2.md", "v2", "02"),
        ("v3.md", "v3", "03"),
    ] {
        env.ok(&[
            "commit",
            file,
            "--label",
            label,
            "--date",
            &format!("leaked=2025-01-{day}"),
        ]);
    }
    let history = env.ok(&["history", "2", "--rev", "v3"]);
    assert_eq!(
        history,
        "history of v1#2 — Full amnesty for all parties to the conflict.: 2 appearance(s) in 2 \
         version(s)\n\n\
         v1 [main]  provision 2  (first appearance)\n  leaked 2025-01-01\n    {+Full amnesty \
         for all parties to the conflict.+}\n\n\
         v3 [main]  provision 2  ← v1 2 (reinstated, unchanged)\n  leaked 2025-01-03\n    \
         Full amnesty for all parties to the conflict.\n"
    );
    let blame = env.ok(&["blame", "v3"]);
    assert!(
        blame.contains(
            "2  wording from v1  (v1#2)\n    [v1]Full amnesty for all parties to the conflict.\n"
        ),
        "{blame}"
    );
    let timeline = env.ok(&["timeline"]);
    assert!(
        timeline.contains("              — → 2 reinstated from v1\n"),
        "{timeline}"
    );
    // diff says so too, against the parent that lacked it.
    let diff = env.ok(&["diff", "v2", "v3"]);
    assert!(
        diff.contains("\n+ — → 2  added  reinstated from v1\n"),
        "{diff}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&env.ok(&["diff", "v2", "v3", "--format", "json"])).unwrap();
    let added = json["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["kind"] == "added")
        .unwrap();
    assert_eq!(added["reinstated_from"], "v1");
    let json: serde_json::Value =
        serde_json::from_str(&env.ok(&["history", "2", "--rev", "v3", "--format", "json"]))
            .unwrap();
    assert_eq!(json["versions"][1]["reinstated"], true);
    assert_eq!(json["versions"][1]["from"]["label"], "v1");
    // A new provision that no ancestor had is new.
    env.write(
        "v4.md",
        "1. A ceasefire, monitored.\n2. Full amnesty for all parties to the conflict.\n3. A joint commission on fisheries.\n",
    );
    env.ok(&[
        "commit",
        "v4.md",
        "--label",
        "v4",
        "--date",
        "leaked=2025-01-04",
    ]);
    assert!(
        env.ok(&["history", "3", "--rev", "v4"])
            .starts_with("history of v4#3 ")
    );
}

/// Reference documents: added, listed, shown, shared by sync, checked by verify; `trace`
/// finds every planted reuse of an edited clause with its span on both sides, and nothing
/// in an unrelated reference.
#[test]
fn trace_finds_planted_reuse_in_references_and_nothing_else() {
    let env = TestEnv::new();
    env.ok(&["init"]);
    env.write(
        "treaty.md",
        "1. The Parties shall not deploy ground-launched intermediate-range and shorter-range missiles in areas allowing them to reach the territory of the other Parties.\n\
         2. The Parties shall settle disputes by peaceful means and refrain from the threat or use of force in any manner inconsistent with the purposes of the United Nations.\n\
         3. This Treaty enters into force on the date of the last instrument of ratification.\n",
    );
    env.write(
        "fisheries.md",
        "1. The commission sets quotas for salmon and herring in the northern waters every spring after hearing the scientific council and the coastal communities.\n",
    );
    env.write(
        "plan.md",
        "1. A ceasefire will take effect once both sides agree to the terms.\n\
         2. Neither side shall deploy ground-launched intermediate-range and shorter-range missiles in areas allowing them to reach the territory of the other side.\n\
         3. Elections will be held in Ukraine as soon as possible after the signature.\n\
         4. The sides shall settle disputes by peaceful means and refrain from the threat or use of force in any manner inconsistent with the purposes of the United Nations Charter.\n",
    );
    let out = env.ok(&[
        "reference",
        "add",
        "treaty.md",
        "--label",
        "Draft treaty (2021)",
        "--date",
        "published=2021-12-17",
    ]);
    assert!(
        out.starts_with("recorded  ") && out.ends_with(" Draft treaty (2021) [references]\n"),
        "{out}"
    );
    env.ok(&[
        "reference",
        "add",
        "fisheries.md",
        "--label",
        "Fisheries accord",
    ]);
    assert_eq!(
        env.ok(&[
            "reference",
            "add",
            "fisheries.md",
            "--label",
            "Fisheries accord"
        ])
        .split_whitespace()
        .next(),
        Some("unchanged")
    );
    let list = env.ok(&["reference", "list"]);
    assert_eq!(list.lines().count(), 2, "{list}");
    assert!(
        env.ok(&["reference", "show", "draft-treaty-2021", "--raw"])
            .starts_with("1. The Parties shall not deploy")
    );
    env.ok(&["commit", "plan.md", "--label", "Plan"]);
    let passages: Vec<serde_json::Value> =
        serde_json::from_str(&env.ok(&["trace", "Plan", "--format", "json"])).unwrap();
    let found: Vec<(&str, &str, &str)> = passages
        .iter()
        .map(|p| {
            (
                p["provision"].as_str().unwrap(),
                p["document"]["label"].as_str().unwrap(),
                p["source_provision"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            ("2", "Draft treaty (2021)", "1"),
            ("4", "Draft treaty (2021)", "2")
        ]
    );
    assert_eq!(
        passages[0]["text"],
        "shall deploy ground-launched intermediate-range and shorter-range missiles in areas allowing them to reach the territory of the other"
    );
    assert_eq!(
        passages[1]["source_text"],
        "The Parties shall settle disputes by peaceful means and refrain from the threat or use of force in any manner inconsistent with the purposes of the United Nations"
    );
    // `show` lists what the version reuses.
    let show = env.ok(&["show", "Plan"]);
    let reuses: Vec<&str> = show
        .lines()
        .filter(|l| l.starts_with("  Reuses:"))
        .collect();
    assert_eq!(reuses.len(), 2, "{show}");
    assert!(
        reuses[0].starts_with("  Reuses:  provision 2: ")
            && reuses[0].ends_with(" words of Draft treaty (2021) 1"),
        "{show}"
    );
    // So does the provision's history.
    let history = env.ok(&["history", "4", "--rev", "Plan"]);
    assert!(
        history.contains(
            " words of Draft treaty (2021) 2: “The Parties shall settle disputes by peaceful means"
        ),
        "{history}"
    );
    // The report shows the passages side by side.
    let report = env.ok(&["report", "--out", "-"]);
    assert!(
        report.contains("<h2>Reused wording</h2>"),
        "no reuse section"
    );
    assert!(
        report.contains("<td>2</td><td>shall deploy ground-launched intermediate-range"),
        "passage not shown"
    );
    let text = env.ok(&["trace", "Plan"]);
    assert!(
        text.starts_with(
            "Plan: 2 of 4 provision(s) reuse wording of 2 document(s) (references, other tracks)\n"
        ),
        "{text}"
    );
    // Shared and checked like versions.
    let remote = env.path().join("remote.git");
    assert!(
        std::process::Command::new("git")
            .args(["init", "-q", "--bare"])
            .arg(&remote)
            .status()
            .unwrap()
            .success()
    );
    env.ok(&["sync", remote.to_str().unwrap()]);
    let other = TestEnv::new();
    let mine = other.path().join("mine.git");
    assert!(
        std::process::Command::new("git")
            .args(["init", "-q", "--bare"])
            .arg(&mine)
            .status()
            .unwrap()
            .success()
    );
    other.ok(&[
        "--repo",
        mine.to_str().unwrap(),
        "sync",
        remote.to_str().unwrap(),
    ]);
    assert_eq!(
        other.ok(&["--repo", mine.to_str().unwrap(), "reference", "list"]),
        list
    );
    assert!(
        other
            .ok(&["--repo", mine.to_str().unwrap(), "verify"])
            .contains("ok: no problem found")
    );
}

/// With --across-tracks, a clause a track takes from another track's earlier version keeps
/// that version's identity; without, it is new on its track.
#[test]
fn across_tracks_a_borrowed_clause_keeps_its_identity() {
    let env = TestEnv::new();
    env.ok(&["init"]);
    env.write(
        "us.md",
        "1. A ceasefire.\n2. Full amnesty for all parties to the conflict.\n",
    );
    env.write("eu.md", "1. A monitored ceasefire.\n");
    env.write(
        "eu2.md",
        "1. A monitored ceasefire.\n2. Full amnesty for all parties to the conflict.\n",
    );
    env.ok(&[
        "commit",
        "us.md",
        "--label",
        "US plan",
        "--track",
        "us",
        "--date",
        "leaked=2025-01-01",
    ]);
    env.ok(&[
        "commit",
        "eu.md",
        "--label",
        "EU plan",
        "--track",
        "eu",
        "--date",
        "leaked=2025-01-02",
    ]);
    env.ok(&[
        "commit",
        "eu2.md",
        "--label",
        "EU plan 2",
        "--track",
        "eu",
        "--date",
        "leaked=2025-01-03",
    ]);
    let plain = env.ok(&["history", "2", "--rev", "EU plan 2"]);
    assert!(plain.starts_with("history of eu-plan-2#2 "), "{plain}");
    let across = env.ok(&["--across-tracks", "history", "2", "--rev", "EU plan 2"]);
    assert!(across.starts_with("history of us-plan#2 "), "{across}");
    assert!(
        across.contains("EU plan 2 [eu]  provision 2  ← US plan 2 (reinstated, unchanged)"),
        "{across}"
    );
    let blame = env.ok(&["--across-tracks", "blame", "EU plan 2"]);
    assert!(
        blame.contains("2  wording from US plan  (us-plan#2)"),
        "{blame}"
    );
}

/// Another track's own wording is a source; wording both tracks inherited is not.
#[test]
fn trace_finds_wording_from_another_track_but_not_what_both_inherited() {
    let env = TestEnv::new();
    env.ok(&["init"]);
    let inherited = "1. The Parties shall settle disputes by peaceful means and refrain from the threat or use of force against each other.\n";
    let borrowed = "2. A joint commission of experts will review the implementation of this agreement every six months and report to the leaders of the Parties.\n";
    env.write("v1.md", inherited);
    env.write("eu.md", format!("{inherited}{borrowed}"));
    env.write(
        "ua.md",
        format!("{inherited}{borrowed}3. Elections will be held after the signature.\n"),
    );
    env.ok(&[
        "commit",
        "v1.md",
        "--label",
        "Base",
        "--track",
        "us",
        "--date",
        "leaked=2025-01-01",
    ]);
    env.ok(&[
        "commit",
        "eu.md",
        "--label",
        "EU text",
        "--track",
        "eu",
        "--parent",
        "Base",
        "--date",
        "leaked=2025-01-02",
    ]);
    env.ok(&[
        "commit",
        "ua.md",
        "--label",
        "UA text",
        "--track",
        "ua",
        "--parent",
        "Base",
        "--date",
        "leaked=2025-01-03",
    ]);
    let passages: Vec<serde_json::Value> =
        serde_json::from_str(&env.ok(&["trace", "UA text", "--format", "json"])).unwrap();
    let found: Vec<(&str, &str)> = passages
        .iter()
        .map(|p| {
            (
                p["provision"].as_str().unwrap(),
                p["document"]["label"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(found, [("2", "EU text [eu]")]);
}
