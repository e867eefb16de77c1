//! Markdown views of the lineage: history, blame, shares, timeline.

use std::io::Write;

use super::{claims, redline};
use crate::lineage::timeline::Item;
use crate::lineage::{HistoryEntry, Lineage, Shares};
use crate::render::{
    RenderOptions, RenderResult, claims_for, dates_line, node_name, provision_title, source_line,
    status_line,
};

/// Renders one provision's history.
pub(in crate::render) fn history(
    l: &Lineage,
    identity: &str,
    entries: &[HistoryEntry],
    full: bool,
    _o: &RenderOptions,
    out: &mut dyn Write,
) -> RenderResult {
    let title = entries
        .first()
        .map(|e| provision_title(&l.nodes[e.version].provisions[e.provision].text))
        .unwrap_or_default();
    writeln!(out, "# History of `{identity}` — {title}")?;
    for e in entries {
        let n = &l.nodes[e.version];
        let p = &n.provisions[e.provision];
        writeln!(out, "\n## {} — provision {}\n", node_name(n), p.id)?;
        if !p.place.is_empty() {
            writeln!(out, "- **Place:** {}", p.place.join(" › "))?;
        }
        if let (Some((pv, pi)), Some(kind)) = (e.previous, e.change) {
            let how = match crate::lineage::split_parts(l, entries, e) {
                Some((parts, _)) => format!("split into {}", parts.join(" + ")),
                None if e.reinstated => format!("reinstated, {}", kind.as_str()),
                None => kind.as_str().to_owned(),
            };
            writeln!(
                out,
                "- **From:** {} provision {} ({how})",
                l.nodes[pv].label(),
                l.nodes[pv].provisions[pi].id,
            )?;
        }
        let meta = [status_line(&n.meta), dates_line(&n.meta.dates)]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>();
        if !meta.is_empty() {
            writeln!(out, "- **Status and dates:** {}", meta.join(" · "))?;
        }
        let (shown, others): (Vec<_>, Vec<_>) = claims_for(n, &p.id)
            .into_iter()
            .partition(|c| full || c.provisions.contains(&p.id));
        if full {
            for s in &n.meta.sources {
                writeln!(out, "- **Source:** {}", source_line(s))?;
            }
        } else if !n.meta.sources.is_empty() || !others.is_empty() {
            let outlets: Vec<&str> = n.meta.sources.iter().map(|s| s.outlet.as_str()).collect();
            writeln!(
                out,
                "- **Sources:** {}{}",
                outlets.join(", "),
                if others.is_empty() {
                    String::new()
                } else {
                    format!(
                        " · {} claim(s) on the whole version (`--full`)",
                        others.len()
                    )
                }
            )?;
        }
        claims(out, &n.id, &shown)?;
        for r in &e.reuses {
            writeln!(
                out,
                "- **Reuses:** {} words of {} {}: “{}”",
                r.words, r.document, r.source_provision, r.source_text
            )?;
        }
        writeln!(out)?;
        match crate::lineage::split_parts(l, entries, e) {
            Some((parts, false)) => writeln!(
                out,
                "(its words are in the redline under part {})",
                parts[0]
            )?,
            _ => super::quote(out, &redline(&e.redline))?,
        }
    }
    Ok(())
}

/// Renders word-level blame of one version.
pub(in crate::render) fn blame(
    l: &Lineage,
    v: usize,
    _o: &RenderOptions,
    out: &mut dyn Write,
) -> RenderResult {
    writeln!(out, "# Blame of {}\n", node_name(&l.nodes[v]))?;
    writeln!(
        out,
        "| provision | wording from | identity |\n|---|---|---|"
    )?;
    for (j, inst) in l.instances[v].iter().enumerate() {
        writeln!(
            out,
            "| {} | {} | `{}` |",
            l.nodes[v].provisions[j].id,
            l.nodes[inst.wording_from].label(),
            inst.identity
        )?;
    }
    for (j, inst) in l.instances[v].iter().enumerate() {
        let id = &l.nodes[v].provisions[j].id;
        writeln!(out, "\n## {id}\n")?;
        let marks = crate::render::claims_for(&l.nodes[v], id);
        let marks: Vec<_> = marks.iter().filter(|c| c.kind.is_some()).collect();
        for c in &marks {
            let date = c.date.map(|d| format!(" ({d})")).unwrap_or_default();
            let kind = c.kind.map_or("", |k| k.as_str());
            writeln!(out, "- *{kind}:* {} {}{date}", c.who, c.did)?;
        }
        if !marks.is_empty() {
            writeln!(out)?;
        }
        let text: Vec<String> = inst
            .segments
            .iter()
            .map(|s| {
                format!(
                    "{}<sup>{}</sup>",
                    s.text.replace('\n', " "),
                    l.nodes[s.origin].label()
                )
            })
            .collect();
        writeln!(out, "{}", text.concat())?;
    }
    Ok(())
}

/// Renders "whose wording survived".
pub(in crate::render) fn shares(
    l: &Lineage,
    s: &Shares,
    _o: &RenderOptions,
    out: &mut dyn Write,
) -> RenderResult {
    let pct = |n: usize| 100.0 * s.fraction(n);
    writeln!(
        out,
        "# Whose wording survived in {} ({} words)\n",
        node_name(&l.nodes[s.version]),
        s.total
    )?;
    writeln!(out, "| version | words | share |\n|---|---|---|")?;
    for &(v, n) in &s.by_version {
        writeln!(out, "| {} | {n} | {:.1}% |", node_name(&l.nodes[v]), pct(n))?;
    }
    writeln!(out, "\n| track | words | share |\n|---|---|---|")?;
    for (t, n) in &s.by_track {
        writeln!(out, "| {t} | {n} | {:.1}% |", pct(*n))?;
    }
    writeln!(
        out,
        "\nClaimed contributors (claims, not facts; shares overlap):\n"
    )?;
    writeln!(
        out,
        "| who | words | share | confidence | sources |\n|---|---|---|---|---|"
    )?;
    for c in &s.by_contributor {
        let conf = c.confidence.map_or("unrated".to_owned(), |c| c.to_string());
        writeln!(
            out,
            "| {} | {} | {:.1}% | {conf} | {} |",
            c.who,
            c.words,
            pct(c.words),
            c.sources.join(", ")
        )?;
    }
    Ok(())
}

/// Renders the timeline.
pub(in crate::render) fn timeline(
    l: &Lineage,
    items: &[Item],
    _o: &RenderOptions,
    out: &mut dyn Write,
) -> RenderResult {
    writeln!(out, "# Timeline")?;
    for item in items {
        let date = item.date().map_or("undated".to_owned(), |d| d.to_string());
        match item {
            Item::Event { event, .. } => {
                writeln!(out, "\n## {date} — {} (event)\n", event.title)?;
                if let Some(place) = &event.place {
                    writeln!(out, "- **Place:** {place}")?;
                }
                if !event.participants.is_empty() {
                    writeln!(out, "- **With:** {}", event.participants.join(", "))?;
                }
                for s in &event.sources {
                    writeln!(out, "- **Source:** {}", source_line(s))?;
                }
            }
            Item::Version(vi) => {
                let n = &l.nodes[vi.node];
                writeln!(out, "\n## {date} — {}\n", node_name(n))?;
                if let Some((parent, summary, notable)) = &vi.changes {
                    writeln!(out, "- **Against {}:** {summary}", l.nodes[*parent].label())?;
                    for c in notable {
                        let tags: Vec<&str> = c.tags.iter().map(|t| t.as_str()).collect();
                        writeln!(
                            out,
                            "  - {} → {} {} {}",
                            c.old.join("+"),
                            c.new.join("+"),
                            c.kind.as_str(),
                            tags.join(", ")
                        )?;
                    }
                }
                claims(out, &l.nodes[vi.node].id, &vi.claims)?;
            }
        }
    }
    Ok(())
}
