//! Web pages (`.html`, `.htm`): the article body, found by `dom_smoothie` (a port of the
//! Readability algorithm of Firefox's reader view: menus, sidebars, share buttons and ads
//! score low and are left out), as text with one line per block; the page's title, byline and
//! publication times as document metadata.

use std::path::Path;

use dom_smoothie::{Config, Readability, TextMode};

use crate::draft::DocumentMeta;
use crate::error::{Error, Result};

/// The article's text and the page's metadata.
pub(super) fn read(path: &Path, html: &str) -> Result<(String, DocumentMeta)> {
    let cfg = Config {
        text_mode: TextMode::Formatted,
        max_elements_to_parse: 200_000,
        ..Config::default()
    };
    let fail = |e: dom_smoothie::ReadabilityError| Error::Ingest {
        path: path.to_owned(),
        msg: format!("no article text found in the page ({e})"),
    };
    let mut reader = Readability::new(html, None, Some(cfg)).map_err(fail)?;
    let article = reader.parse().map_err(fail)?;
    let text = article.text_content.to_string();
    let document = DocumentMeta {
        title: Some(article.title.trim().to_owned()).filter(|t| !t.is_empty()),
        author: article.byline.filter(|b| !b.trim().is_empty()),
        creator: article.site_name,
        created: article.published_time,
        modified: article.modified_time,
        ..DocumentMeta::default()
    };
    Ok((text, document))
}
