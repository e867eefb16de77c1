//! Markdown view of a diff: a summary table, then one section per change with the redline as
//! `~~deleted~~` and `**inserted**`.

use std::io::Write;

use crate::align::ChangeKind;
use crate::render::{DiffView, RenderOptions, RenderResult};

/// Renders a diff as Markdown.
pub(in crate::render) fn diff(
    view: &DiffView<'_>,
    _opts: &RenderOptions,
    out: &mut dyn Write,
) -> RenderResult {
    let a = view.alignment;
    writeln!(out, "# {} → {}\n", view.old.name(), view.new.name())?;
    writeln!(out, "{}\n", a.summary())?;
    for side in [&view.old, &view.new] {
        if !side.verbatim {
            writeln!(
                out,
                "> **Note:** {} is not verbatim text (paraphrase or reconstruction).\n",
                side.name()
            )?;
        }
    }
    let outlined = view.visible().any(|c| !view.place_of(c).is_empty());
    if outlined {
        writeln!(
            out,
            "| place | old | new | change | flags | tags | similarity |"
        )?;
        writeln!(out, "|---|---|---|---|---|---|---|")?;
    } else {
        writeln!(out, "| old | new | change | flags | tags | similarity |")?;
        writeln!(out, "|---|---|---|---|---|---|")?;
    }
    let visible: Vec<_> = view.visible().collect();
    for c in &visible {
        let mut flags = Vec::new();
        if c.renumbered {
            flags.push("renumbered");
        }
        let from;
        if c.moved {
            from = view
                .moved_from(c)
                .map(|p| format!("moved from {}", p.join(" › ")));
            flags.push(from.as_deref().unwrap_or("moved"));
        }
        let tags: Vec<&str> = c.tags.iter().map(|t| t.as_str()).collect();
        if outlined {
            write!(out, "| {} ", cell(&view.place_of(c).join(" › ")))?;
        }
        writeln!(
            out,
            "| {} | {} | {} | {} | {} | {:.2} |",
            a.old_ids(c).join(", "),
            a.new_ids(c).join(", "),
            c.kind.as_str(),
            flags.join(", "),
            tags.join(", "),
            c.similarity
        )?;
    }
    for c in visible.iter().filter(|c| c.kind != ChangeKind::Unchanged) {
        let old = a.old_ids(c).join(", ");
        let new = a.new_ids(c).join(", ");
        writeln!(
            out,
            "\n## {} → {} ({})\n",
            if old.is_empty() { "—" } else { &old },
            if new.is_empty() { "—" } else { &new },
            c.kind.as_str()
        )?;
        if c.kind == ChangeKind::NotCovered {
            let text: String = c.redline.iter().map(|s| &*s.text).collect();
            writeln!(out, "{}", text.trim())?;
        } else {
            writeln!(out, "{}", super::redline(&c.redline))?;
        }
    }
    Ok(())
}

/// A table cell: pipes escaped, so a heading that holds one cannot break the table.
fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}
