//! The report's "Reused wording" section: for each version shown, the passages it reuses
//! from reference documents, side by side with the source passage (computed by `trace`
//! before rendering; absent when the store has no reference documents).

use std::fmt::Write as _;

use super::{Report, esc};

pub(super) fn section(r: &Report<'_>, html: &mut String) {
    if r.reuses.iter().all(|(_, reuses)| reuses.is_empty()) {
        return;
    }
    html.push_str("<section id=\"reuse\">\n<h2>Reused wording</h2>\n");
    html.push_str("<p class=\"meta\">Passages of at least 12 words that a version shares with a reference document (a position paper, an earlier treaty): here, and there.</p>\n");
    for (v, reuses) in r.reuses {
        if reuses.is_empty() {
            continue;
        }
        let _ = writeln!(
            html,
            "<h3>{}</h3>\n<table class=\"reuse\"><thead><tr><th>provision</th><th>here</th><th>there</th><th>words</th></tr></thead><tbody>",
            esc(r.lineage.nodes[*v].label())
        );
        for u in reuses {
            let _ = writeln!(
                html,
                "<tr><td>{}</td><td>{}</td><td>{} {}: {}</td><td>{}</td></tr>",
                esc(&u.provision),
                esc(&u.text),
                esc(&u.document),
                esc(&u.source_provision),
                esc(&u.source_text),
                u.words
            );
        }
        html.push_str("</tbody></table>\n");
    }
    html.push_str("</section>\n");
}
