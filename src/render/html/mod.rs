//! The self-contained HTML report: one file, inline CSS and a little JavaScript, no network
//! request of any kind. It reads completely without JavaScript (the script only re-orders the
//! timeline by another date and switches redlines between inline and side by side).
//!
//! Safety: every piece of text from drafts, metadata, claims and events goes through
//! [`esc`]; a link is emitted only for `http:`/`https:` addresses ([`safe_url`]). A
//! Content-Security-Policy forbids every load except the page's own inline style and script.

mod matrix;
mod reuse;
mod sections;

use std::io::Write;

use super::{RenderOptions, RenderResult};
use crate::events::Events;
use crate::lineage::Lineage;

const CSS: &str = include_str!("report.css");
const JS: &str = include_str!("report.js");

/// Everything the report shows.
#[derive(Debug, Clone, Copy)]
pub struct Report<'a> {
    /// The lineage of every version.
    pub lineage: &'a Lineage,
    /// The events.
    pub events: &'a Events,
    /// Indexes of the versions to show (in lineage order); the others only as context.
    pub versions: &'a [usize],
    /// The report's title.
    pub title: &'a str,
    /// Per version shown (lineage index), the wording it reuses from reference documents.
    pub reuses: &'a [(usize, Vec<crate::trace::Reuse>)],
}

/// Escapes text for HTML element content and attribute values.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Returns the address, escaped, if it is a plain web address; `None` for `javascript:`,
/// `data:` and anything else.
pub fn safe_url(url: &str) -> Option<String> {
    let u = url.trim();
    let lower = u.to_ascii_lowercase();
    let ok = (lower.starts_with("https://") || lower.starts_with("http://"))
        && !u.chars().any(|c| c.is_control() || c.is_whitespace());
    ok.then(|| esc(u))
}

/// A version's label, short enough for a row header.
pub(super) fn short(label: &str) -> String {
    if label.chars().count() <= 20 {
        return label.to_owned();
    }
    let mut out: String = label.chars().take(19).collect();
    out.push('…');
    out
}

/// Whether a provision's appearances, from its first among the versions shown to the last
/// version shown, all repeat its text under its number, with no claim about it.
pub(super) fn never_changed(r: &Report<'_>, entries: &[crate::lineage::HistoryEntry]) -> bool {
    let l = r.lineage;
    let Some(first) = entries.first() else {
        return false;
    };
    let from = r.versions.iter().position(|&v| v == first.version);
    let expected = from.map_or(usize::MAX, |k| r.versions.len() - k);
    entries.len() == expected
        && entries.iter().skip(1).all(|e| {
            e.change == Some(crate::align::ChangeKind::Unchanged)
                && e.previous.is_some_and(|(pv, pi)| {
                    l.nodes[pv].provisions[pi].id == l.nodes[e.version].provisions[e.provision].id
                })
        })
        && entries.iter().all(|e| {
            let n = &l.nodes[e.version];
            crate::render::claims_for(n, &n.provisions[e.provision].id)
                .iter()
                .all(|c| c.provisions.is_empty())
        })
}

/// Renders the report.
pub fn report(r: &Report<'_>, _opts: &RenderOptions, out: &mut dyn Write) -> RenderResult {
    let mut html = String::with_capacity(256 * 1024);
    html.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    html.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    html.push_str(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src 'none'; \
         form-action 'none'; base-uri 'none'\">\n",
    );
    html.push_str("<meta name=\"referrer\" content=\"no-referrer\">\n");
    html.push_str(&format!(
        "<title>{}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n",
        esc(r.title)
    ));
    sections::header(r, &mut html);
    sections::timeline(r, &mut html);
    let index = r.lineage.index();
    // Each provision's appearances among the versions shown, computed once for the matrix
    // (which links only to a history worth telling) and the histories.
    let histories: Vec<Vec<crate::lineage::HistoryEntry>> = index
        .identities
        .iter()
        .map(|id| {
            index
                .history(r.lineage, id)
                .into_iter()
                .filter(|e| r.versions.contains(&e.version))
                .collect()
        })
        .collect();
    matrix::matrix(r, &index, &histories, &mut html);
    sections::changes(r, &mut html);
    sections::provisions(r, &histories, &mut html);
    sections::shares(r, &mut html);
    reuse::section(r, &mut html);
    html.push_str(&format!("<script>\n{JS}</script>\n</body>\n</html>\n"));
    out.write_all(html.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_and_urls() {
        assert_eq!(
            esc("<script>alert('x')</script> & \""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;"
        );
        assert_eq!(
            safe_url("https://a.example/?q=1&b=2"),
            Some("https://a.example/?q=1&amp;b=2".into())
        );
        assert_eq!(safe_url("javascript:alert(1)"), None);
        assert_eq!(safe_url(" JAVASCRIPT:alert(1)"), None);
        assert_eq!(safe_url("data:text/html,x"), None);
        assert_eq!(
            safe_url("https://a.example/\"onmouseover=x"),
            Some("https://a.example/&quot;onmouseover=x".into())
        );
    }
}
