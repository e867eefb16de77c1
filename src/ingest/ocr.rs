//! Optical character recognition of scans and photos, by `tesseract` (Debian's
//! `tesseract-ocr`), called like git is: found on PATH, its version recorded, a clear error
//! and an install hint when it or a language's data is missing. Image-only PDFs are first
//! rendered to pages by poppler's `pdftoppm`. Images are measured before anything is decoded:
//! one over [`MAX_PIXELS`] is refused.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::error::{Error, Result};

/// The largest image drafttrail hands to OCR: 100 megapixels (an A3 page at 600 dpi is 70).
pub const MAX_PIXELS: u64 = 100_000_000;

/// The languages tried when none is given: those of the first use case that are installed.
const DEFAULT_LANGS: [&str; 3] = ["eng", "rus", "ukr"];

/// Recognised text, line by line, with its mean word confidence.
pub(super) struct Recognised {
    /// One string per page: lines, a blank line between paragraphs.
    pub pages: Vec<String>,
    /// Mean confidence of the recognised words, 0–100.
    pub confidence: f64,
    /// `tesseract` and its version.
    pub tool: String,
    /// The languages used, tesseract's way (`rus+ukr+eng`).
    pub langs: String,
}

/// Checks an image's size from its header.
pub(super) fn check_image(path: &Path, bytes: &[u8]) -> Result<()> {
    let size = imagesize::blob_size(bytes).map_err(|e| Error::Ingest {
        path: path.to_owned(),
        msg: format!("not a readable image ({e})"),
    })?;
    let pixels = size.width as u64 * size.height as u64;
    if pixels > MAX_PIXELS {
        return Err(Error::Ingest {
            path: path.to_owned(),
            msg: format!(
                "the image is {} × {} pixels, over the {} megapixels drafttrail reads: scale it \
                 down (300 dpi is enough for OCR)",
                size.width,
                size.height,
                MAX_PIXELS / 1_000_000
            ),
        });
    }
    Ok(())
}

/// The first line of `tool --version` (tesseract prints it on stdout or stderr).
fn version(
    path: &Path,
    tool: &'static str,
    why: &'static str,
    hint: &'static str,
) -> Result<String> {
    let out = Command::new(tool)
        .arg(if tool == "pdftoppm" {
            "-v"
        } else {
            "--version"
        })
        .output()
        .map_err(|_| Error::MissingTool {
            path: path.to_owned(),
            tool,
            why,
            hint,
        })?;
    let text = String::from_utf8_lossy(if out.stdout.is_empty() {
        &out.stderr
    } else {
        &out.stdout
    })
    .into_owned();
    Ok(text.lines().next().unwrap_or(tool).trim().to_owned())
}

const TESSERACT_HINT: &str =
    "install it (Debian/Ubuntu: apt install tesseract-ocr tesseract-ocr-rus tesseract-ocr-ukr)";

/// The languages to use: those asked for (each must be installed), else the default ones
/// installed.
fn languages(path: &Path, asked: Option<&str>) -> Result<String> {
    let out = Command::new("tesseract")
        .arg("--list-langs")
        .output()
        .map_err(|e| Error::io(path, e))?;
    let listing =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    let installed: Vec<&str> = listing.lines().skip(1).map(str::trim).collect();
    match asked {
        Some(asked) => {
            for lang in asked.split('+') {
                if !installed.contains(&lang) {
                    return Err(Error::Ingest {
                        path: path.to_owned(),
                        msg: format!(
                            "tesseract has no data for `{lang}` (installed: {}); install it \
                             (Debian: apt install tesseract-ocr-{lang})",
                            installed.join(", ")
                        ),
                    });
                }
            }
            Ok(asked.to_owned())
        }
        None => {
            let langs: Vec<&str> = DEFAULT_LANGS
                .into_iter()
                .filter(|l| installed.contains(l))
                .collect();
            if langs.is_empty() {
                return Err(Error::Ingest {
                    path: path.to_owned(),
                    msg: "tesseract has no language data for eng, rus or ukr: install one, or \
                          name one with --ocr-lang"
                        .into(),
                });
            }
            Ok(langs.join("+"))
        }
    }
}

/// Fails with an install hint when tesseract is missing (checked before a PDF's pages are
/// rendered for it).
pub(super) fn require(path: &Path) -> Result<()> {
    version(
        path,
        "tesseract",
        "optical character recognition",
        TESSERACT_HINT,
    )
    .map(drop)
}

/// Recognises the text of image files (one page each).
pub(super) fn images(path: &Path, files: &[PathBuf], asked: Option<&str>) -> Result<Recognised> {
    if files.is_empty() {
        return Err(Error::Ingest {
            path: path.to_owned(),
            msg: "no page to recognise".into(),
        });
    }
    let tool = version(
        path,
        "tesseract",
        "optical character recognition",
        TESSERACT_HINT,
    )?;
    let langs = languages(path, asked)?;
    let mut pages = Vec::new();
    let (mut sum, mut words) = (0.0, 0usize);
    for file in files {
        let out = Command::new("tesseract")
            .arg(file)
            .arg("stdout")
            // A single column of text of varying sizes: how drafts are laid out. The automatic
            // layout splits a column of provision numbers off as a block of its own and can
            // drop it.
            .args(["-l", &langs, "--psm", "4", "tsv"])
            .env("OMP_THREAD_LIMIT", "1")
            .output()
            .map_err(|e| Error::io(path, e))?;
        if !out.status.success() {
            let err = String::from_utf8_lossy(&out.stderr);
            return Err(Error::Ingest {
                path: path.to_owned(),
                msg: format!(
                    "tesseract failed: {}",
                    err.lines().last().unwrap_or("no message").trim()
                ),
            });
        }
        let (page, s, n) = from_tsv(&String::from_utf8_lossy(&out.stdout));
        pages.push(page);
        sum += s;
        words += n;
    }
    Ok(Recognised {
        pages,
        confidence: if words == 0 { 0.0 } else { sum / words as f64 },
        tool,
        langs,
    })
}

/// Rebuilds lines and paragraphs from tesseract's TSV (level, page, block, paragraph, line,
/// word, box, confidence, text); returns the text, the sum of word confidences and the count.
fn from_tsv(tsv: &str) -> (String, f64, usize) {
    let mut text = String::new();
    let mut last: Option<(&str, &str, &str)> = None;
    let (mut sum, mut n) = (0.0, 0);
    for row in tsv.lines().skip(1) {
        let cols: Vec<&str> = row.split('\t').collect();
        if cols.len() < 12 || cols[0] != "5" {
            continue;
        }
        let word = cols[11].trim();
        if word.is_empty() {
            continue;
        }
        let at = (cols[2], cols[3], cols[4]);
        match last {
            Some(prev) if prev == at => text.push(' '),
            Some(prev) if (prev.0, prev.1) == (at.0, at.1) => text.push('\n'),
            Some(_) => text.push_str("\n\n"),
            None => {}
        }
        last = Some(at);
        text.push_str(word);
        if let Ok(c) = cols[10].parse::<f64>()
            && c >= 0.0
        {
            sum += c;
            n += 1;
        }
    }
    text.push('\n');
    (text, sum, n)
}

/// Renders a PDF's pages to PNG files in `dir` with poppler's `pdftoppm` (at most 3,508
/// pixels on a side: A4 at 300 dpi), returning them in page order.
pub(super) fn render_pdf(path: &Path, pdf: &Path, dir: &Path) -> Result<Vec<PathBuf>> {
    version(
        path,
        "pdftoppm",
        "rendering an image-only PDF's pages for OCR",
        "install it (Debian/Ubuntu: apt install poppler-utils)",
    )?;
    let status = Command::new("pdftoppm")
        .args(["-png", "-r", "300", "-scale-to", "3508"])
        .arg(pdf)
        .arg(dir.join("page"))
        .output()
        .map_err(|e| Error::io(path, e))?;
    if !status.status.success() {
        return Err(Error::Ingest {
            path: path.to_owned(),
            msg: "pdftoppm could not render its pages".into(),
        });
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| Error::io(dir, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "png"))
        .collect();
    files.sort();
    Ok(files)
}

#[cfg(test)]
mod tests {
    #[test]
    fn tsv_rebuilds_lines_and_paragraphs() {
        let tsv = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n\
                   5\t1\t1\t1\t1\t1\t0\t0\t1\t1\t90\t1.\n\
                   5\t1\t1\t1\t1\t2\t0\t0\t1\t1\t80\tUkraine\n\
                   5\t1\t1\t1\t2\t1\t0\t0\t1\t1\t70\tagrees\n\
                   5\t1\t2\t1\t1\t1\t0\t0\t1\t1\t60\t2.\n";
        let (text, sum, n) = super::from_tsv(tsv);
        assert_eq!(text, "1. Ukraine\nagrees\n\n2.\n");
        assert_eq!((sum, n), (300.0, 4));
    }
}
