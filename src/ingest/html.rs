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

/// The character set a page declares in its first kilobytes (`<meta charset="…">` or
/// `content="text/html; charset=…"`), if it names one `encoding_rs` knows.
pub(super) fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let label: String = head[at..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    encoding_rs::Encoding::for_label(label.as_bytes()).map(|_| label)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_page_names_its_charset() {
        let page = br#"<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head>"#;
        assert_eq!(
            super::declared_charset(page).as_deref(),
            Some("windows-1251")
        );
        assert_eq!(
            super::declared_charset(b"<meta charset='KOI8-R'>").as_deref(),
            Some("koi8-r")
        );
        assert_eq!(super::declared_charset(b"<p>no charset</p>"), None);
    }
}
