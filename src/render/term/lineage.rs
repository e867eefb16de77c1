//! Terminal views of the lineage: history, blame, shares, timeline.

use std::io::Write;

use super::redline;
use super::style::{Label, paint, styled};
use crate::lineage::timeline::Item;
use crate::lineage::{HistoryEntry, Lineage, Shares};
use crate::render::{
    ClaimLine, RenderOptions, RenderResult, claim_lines, claims_for, dates_line, node_name,
    provision_title, source_line, status_line,
};

/// Renders one provision's history.
pub(in crate::render) fn history(
    l: &Lineage,
    identity: &str,
    entries: &[HistoryEntry],
    full: bool,
    opts: &RenderOptions,
    out: &mut dyn Write,
) -> RenderResult {
    let title = entries
        .first()
        .map(|e| provision_title(&l.nodes[e.version].provisions[e.provision].text))
        .unwrap_or_default();
    let mut versions: Vec<usize> = entries.iter().map(|e| e.version).collect();
    versions.dedup();
    writeln!(
        out,
        "history of {identity} — {title}: {} appearance(s) in {} version(s)",
        entries.len(),
        versions.len()
    )?;
    for e in entries {
        let n = &l.nodes[e.version];
        let p = &n.provisions[e.provision];
        writeln!(out)?;
        let from = match (e.previous, e.change) {
            (Some((pv, pi)), Some(kind)) => {
                let how = match crate::lineage::split_parts(l, entries, e) {
                    Some((parts, _)) => format!("split into {}", parts.join(" + ")),
                    None if e.reinstated => format!("reinstated, {}", kind.as_str()),
                    None => kind.as_str().to_owned(),
                };
                format!(
                    "  ← {} {} ({how})",
                    l.nodes[pv].label(),
                    l.nodes[pv].provisions[pi].id,
                )
            }
            _ => "  (first appearance)".to_owned(),
        };
        let title = format!("{}  provision {}{from}", node_name(n), p.id);
        writeln!(out, "{}", paint(opts, Label::Title, &title))?;
        if !p.place.is_empty() {
            let place = format!("§ {}", p.place.join(" › "));
            writeln!(out, "  {}", paint(opts, Label::Place, &place))?;
        }
        let meta = [status_line(&n.meta), dates_line(&n.meta.dates)]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" · ");
        if !meta.is_empty() {
            writeln!(out, "  {meta}")?;
        }
        let claims = claims_for(n, &p.id);
        let (shown, others): (Vec<_>, Vec<_>) = claims
            .into_iter()
            .partition(|c| full || c.provisions.contains(&p.id));
        if full {
            for s in &n.meta.sources {
                writeln!(out, "  Source: {}", source_line(s))?;
            }
        } else {
            let outlets: Vec<&str> = n.meta.sources.iter().map(|s| s.outlet.as_str()).collect();
            let mut line = String::new();
            if !outlets.is_empty() {
                line.push_str(&format!("sources: {}", outlets.join(", ")));
            }
            if !others.is_empty() {
                if !line.is_empty() {
                    line.push_str(" · ");
                }
                line.push_str(&format!(
                    "{} claim(s) on the whole version (--full)",
                    others.len()
                ));
            }
            if !line.is_empty() {
                writeln!(out, "  {}", paint(opts, Label::Key, &line))?;
            }
        }
        for line in claim_lines(&n.id, &shown) {
            writeln!(
                out,
                "  {} {}",
                match line {
                    ClaimLine::Claim(_) => "Claim:",
                    ClaimLine::Denial(_) => "      ",
                },
                line.text()
            )?;
        }
        for r in &e.reuses {
            writeln!(
                out,
                "  Reuses: {} words of {} {}: “{}”",
                r.words, r.document, r.source_provision, r.source_text
            )?;
        }
        match crate::lineage::split_parts(l, entries, e) {
            // One redline covers all the parts: shown once, under the first.
            Some((parts, false)) => {
                let note = format!("(its words are in the redline under part {})", parts[0]);
                writeln!(out, "    {}", paint(opts, Label::Key, &note))?;
            }
            _ => redline(out, &e.redline, opts)?,
        }
    }
    Ok(())
}

/// Renders word-level blame of one version.
pub(in crate::render) fn blame(
    l: &Lineage,
    v: usize,
    opts: &RenderOptions,
    out: &mut dyn Write,
) -> RenderResult {
    let n = &l.nodes[v];
    writeln!(out, "blame of {}", node_name(n))?;
    let mut used: Vec<usize> = l.instances[v]
        .iter()
        .flat_map(|i| i.segments.iter().map(|s| s.origin))
        .collect();
    used.sort_unstable();
    used.dedup();
    writeln!(out, "origins:")?;
    for &o in &used {
        let date = l.nodes[o]
            .meta
            .dates
            .best()
            .map(|d| format!(" {d}"))
            .unwrap_or_default();
        let tag = paint(opts, Label::Origin(o), &format!("v{}", o + 1));
        writeln!(out, "  {tag}  {}{date}", node_name(&l.nodes[o]))?;
    }
    for (j, inst) in l.instances[v].iter().enumerate() {
        let p = &n.provisions[j];
        writeln!(out)?;
        let from = &l.nodes[inst.wording_from];
        writeln!(
            out,
            "{}",
            paint(
                opts,
                Label::Title,
                &format!(
                    "{}  wording from {}  ({})",
                    p.id,
                    from.label(),
                    inst.identity
                )
            )
        )?;
        // The file's own revision marks and comments on this provision (who edited what).
        for c in claims_for(n, &p.id).iter().filter(|c| c.kind.is_some()) {
            let date = c.date.map(|d| format!(" ({d})")).unwrap_or_default();
            let kind = c.kind.map_or("", |k| k.as_str());
            writeln!(out, "  {kind}: {} {}{date}", c.who, c.did)?;
        }
        write!(out, "    ")?;
        for seg in inst.segments.iter() {
            let text = seg.text.replace('\n', "\n    ");
            if styled(opts) {
                write!(out, "{}", paint(opts, Label::Origin(seg.origin), &text))?;
            } else {
                write!(out, "[v{}]{text}", seg.origin + 1)?;
            }
        }
        writeln!(out)?;
    }
    Ok(())
}

/// A share as a right-aligned percentage, `  51.0%`.
fn pct(fraction: f64) -> String {
    format!("{:5.1}%", 100.0 * fraction)
}

/// Renders "whose wording survived".
pub(in crate::render) fn shares(
    l: &Lineage,
    s: &Shares,
    opts: &RenderOptions,
    out: &mut dyn Write,
) -> RenderResult {
    let heading = |text: &str| paint(opts, Label::Title, text);
    writeln!(
        out,
        "{}: {} words",
        heading(&format!(
            "whose wording survived in {}",
            node_name(&l.nodes[s.version])
        )),
        s.total
    )?;
    writeln!(out, "\n{}", heading("by version:"))?;
    for &(v, n) in &s.by_version {
        writeln!(
            out,
            "  {}  {:>6} words  {}",
            pct(s.fraction(n)),
            n,
            node_name(&l.nodes[v])
        )?;
    }
    writeln!(out, "\n{}", heading("by track:"))?;
    for (t, n) in &s.by_track {
        writeln!(out, "  {}  {:>6} words  {t}", pct(s.fraction(*n)), n)?;
    }
    writeln!(
        out,
        "\n{}",
        heading(
            "by claimed contributor (what sources claim, not facts; one version can have several):"
        )
    )?;
    if s.by_contributor.is_empty() {
        writeln!(
            out,
            "  (no contribution claims on the versions these words come from)"
        )?;
    }
    for c in &s.by_contributor {
        let conf = c.confidence.map_or("unrated".to_owned(), |c| c.to_string());
        writeln!(
            out,
            "  {}  {:>6} words  {}  [{conf}; {}]",
            pct(s.fraction(c.words)),
            c.words,
            c.who,
            c.sources.join(", ")
        )?;
    }
    Ok(())
}

/// Renders the timeline.
pub(in crate::render) fn timeline(
    l: &Lineage,
    items: &[Item],
    opts: &RenderOptions,
    out: &mut dyn Write,
) -> RenderResult {
    for (k, item) in items.iter().enumerate() {
        if k > 0 {
            writeln!(out)?;
        }
        let date = item
            .date()
            .map_or("undated   ".to_owned(), |d| d.to_string());
        match item {
            Item::Event { event, .. } => {
                let mut line = format!("{date}  event    {}", event.title);
                if let Some(place) = &event.place {
                    line.push_str(&format!(" — {place}"));
                }
                if let (Some(s), Some(e)) = (event.start, event.end) {
                    line.push_str(&format!(" ({s} to {e})"));
                }
                writeln!(out, "{}", paint(opts, Label::Event, &line))?;
                if !event.participants.is_empty() {
                    writeln!(out, "            with {}", event.participants.join(", "))?;
                }
                for s in &event.sources {
                    writeln!(out, "            source: {}", source_line(s))?;
                }
            }
            Item::Version(vi) => {
                let n = &l.nodes[vi.node];
                let fallback = if vi.fallback_date {
                    " (no date on this axis; best-known date)"
                } else {
                    ""
                };
                let retabled = match &n.meta.retabled {
                    Some(old) => match l.node(old) {
                        Some(o) => format!(" — re-tables the text of {}", l.nodes[o].label()),
                        None => " — an earlier text, tabled again".to_owned(),
                    },
                    None => String::new(),
                };
                let line = format!("{date}  version  {}{fallback}{retabled}", node_name(n));
                writeln!(out, "{}", paint(opts, Label::Title, &line))?;
                match &vi.changes {
                    Some((parent, summary, notable)) => {
                        writeln!(
                            out,
                            "            against {}: {summary}",
                            l.nodes[*parent].label()
                        )?;
                        for c in notable.iter().take(12) {
                            let old = if c.old.is_empty() {
                                "—".to_owned()
                            } else {
                                c.old.join("+")
                            };
                            let new = if c.new.is_empty() {
                                "—".to_owned()
                            } else {
                                c.new.join("+")
                            };
                            let tags: Vec<&str> = c.tags.iter().map(|t| t.as_str()).collect();
                            let tags = if tags.is_empty() {
                                String::new()
                            } else {
                                format!(" [{}]", tags.join(", "))
                            };
                            let kind = match &c.reinstated_from {
                                Some(from) => format!("reinstated from {from}"),
                                None => c.kind.as_str().to_owned(),
                            };
                            writeln!(out, "              {old} → {new} {kind}{tags}")?;
                        }
                        if notable.len() > 12 {
                            writeln!(out, "              … and {} more", notable.len() - 12)?;
                        }
                    }
                    None => writeln!(out, "            first version of its lineage")?,
                }
                for line in claim_lines(&n.id, &vi.claims) {
                    let lead = match line {
                        ClaimLine::Claim(_) => "            claim: ",
                        ClaimLine::Denial(_) => "                ",
                    };
                    writeln!(out, "{lead}{}", line.text())?;
                }
            }
        }
    }
    Ok(())
}
