//! Markdown view of a diff: a summary table, then one section per change with the redline as
//! `~~deleted~~` and `**inserted**`.

use std::io::Write;

use super::{DiffView, RenderOptions, RenderResult};
use crate::align::ChangeKind;

/// Renders a diff as Markdown.
pub fn diff(view: &DiffView<'_>, _opts: &RenderOptions, out: &mut dyn Write) -> RenderResult {
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
    writeln!(out, "| old | new | change | flags | tags | similarity |")?;
    writeln!(out, "|---|---|---|---|---|---|")?;
    let visible: Vec<_> = view.visible().collect();
    for c in &visible {
        let mut flags = Vec::new();
        if c.renumbered {
            flags.push("renumbered");
        }
        if c.moved {
            flags.push("moved");
        }
        let tags: Vec<&str> = c.tags.iter().map(|t| t.as_str()).collect();
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
        writeln!(out, "{}", super::lineage_md::redline(&c.redline))?;
    }
    Ok(())
}
