//! What printing needs from the machine. The report (a page with a script and a stylesheet)
//! is printed to PDF by headless Chromium (Debian's `chromium`), called like git is: found on
//! PATH (or named: the CLI reads `$CHROMIUM`), a clear error and hint when it is missing, and a time
//! limit so that a stuck browser never hangs the command. The page's own print stylesheet
//! lays it out (page numbers in the bottom margin, redlines legible in black and white);
//! Chromium's header and footer, which would print the file's path, are off. An export's PDF
//! is written by drafttrail itself ([`crate::render::pdf`]) and only needs a TrueType font
//! with the scripts of the text: [`pdf_font`] finds one.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::error::{Error, Result};

/// How long Chromium may take to print one document.
const TIME_LIMIT: Duration = Duration::from_secs(180);

/// The Chromium program: the one named (the CLI reads `$CHROMIUM`), else the first of the
/// usual names on PATH.
fn chromium(named: Option<&Path>) -> Option<PathBuf> {
    if let Some(p) = named {
        return Some(p.to_owned());
    }
    let path = std::env::var_os("PATH")?;
    [
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
    ]
    .iter()
    .flat_map(|name| std::env::split_paths(&path).map(move |dir| dir.join(name)))
    .find(|p| p.is_file())
}

/// Waits for `child`, killing it after [`TIME_LIMIT`]; `what` says what it failed to do.
fn wait_limited(mut child: std::process::Child, out: &Path, what: &str) -> Result<()> {
    let start = Instant::now();
    loop {
        match child.try_wait().map_err(|e| Error::io(out, e))? {
            Some(_) => return Ok(()),
            None if start.elapsed() > TIME_LIMIT => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(Error::Print {
                    path: out.to_owned(),
                    msg: format!("{what} within {} s", TIME_LIMIT.as_secs()),
                });
            }
            None => std::thread::sleep(Duration::from_millis(50)),
        }
    }
}

/// Fonts tried, in order, when none is named: serif faces that cover
/// Latin, Greek and Cyrillic, where Debian, Fedora, Arch, macOS and Windows put them.
const FONTS: &[&str] = &[
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    "/usr/share/fonts/dejavu/DejaVuSerif.ttf",
    "/usr/share/fonts/TTF/DejaVuSerif.ttf",
    "/usr/share/fonts/dejavu-serif-fonts/DejaVuSerif.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
    "/usr/share/fonts/liberation-serif/LiberationSerif-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/System/Library/Fonts/Supplemental/Times New Roman.ttf",
    "/Library/Fonts/Times New Roman.ttf",
    "C:\\Windows\\Fonts\\times.ttf",
];

/// The TrueType font an exported PDF is set in: the file `named` (the CLI reads
/// `$DRAFTTRAIL_PDF_FONT`), else the first usable one of the usual system fonts. `out` is the
/// PDF, for the error.
pub fn pdf_font(out: &Path, named: Option<&Path>) -> Result<(PathBuf, Vec<u8>)> {
    if let Some(p) = named {
        let p = p.to_owned();
        let data = std::fs::read(&p).map_err(|e| Error::io(&p, e))?;
        crate::render::pdf::check_font(&data).map_err(|why| Error::Print {
            path: out.to_owned(),
            msg: format!("DRAFTTRAIL_PDF_FONT={}: {why}", p.display()),
        })?;
        return Ok((p, data));
    }
    FONTS
        .iter()
        .map(PathBuf::from)
        .filter_map(|p| std::fs::read(&p).ok().map(|data| (p, data)))
        .find(|(_, data)| crate::render::pdf::check_font(data).is_ok())
        .ok_or_else(|| Error::Print {
            path: out.to_owned(),
            msg: "no TrueType font to set the PDF in; install one (Debian/Ubuntu: apt install fonts-dejavu-core), or name a .ttf file with DRAFTTRAIL_PDF_FONT=/path/font.ttf".into(),
        })
}

/// Prints `html` (a self-contained page) to the PDF file `out` with the browser `named`, or
/// the first found on PATH; returns the browser's version.
pub fn pdf_from_html(html: &[u8], out: &Path, named: Option<&Path>) -> Result<String> {
    let missing = || Error::MissingTool {
        path: out.to_owned(),
        tool: "chromium",
        why: "printing HTML to PDF",
        hint: "install it (Debian/Ubuntu: apt install chromium), or name it with CHROMIUM=/path",
    };
    let browser = chromium(named).ok_or_else(missing)?;
    let version = Command::new(&browser)
        .arg("--version")
        .output()
        .map_err(|_| missing())?;
    let version = String::from_utf8_lossy(&version.stdout).trim().to_owned();
    let dir = tempfile::Builder::new()
        .prefix("drafttrail-print-")
        .tempdir()
        .map_err(|e| Error::io(out, e))?;
    let page = dir.path().join("page.html");
    std::fs::write(&page, html).map_err(|e| Error::io(&page, e))?;
    let pdf = dir.path().join("page.pdf");
    let child = Command::new(&browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
        ])
        .arg(format!(
            "--user-data-dir={}",
            dir.path().join("profile").display()
        ))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|_| missing())?;
    wait_limited(child, out, "Chromium did not print")?;
    let printed = std::fs::read(&pdf).ok().filter(|b| b.starts_with(b"%PDF"));
    let Some(bytes) = printed else {
        return Err(Error::Print {
            path: out.to_owned(),
            msg: format!("{} did not write a PDF", browser.display()),
        });
    };
    std::fs::write(out, bytes).map_err(|e| Error::io(out, e))?;
    Ok(version)
}
