//! The flags that say how a file is read (`commit`, `import`, `reference add`): its encoding,
//! the OCR languages, which state of tracked changes.

use drafttrail::ingest::{Changes, Options};

/// How files are read.
#[derive(Debug, Clone, clap::Args)]
pub struct ReadArgs {
    /// The encoding of a text file that is not UTF-8 (windows-1251, koi8-r, utf-16le,
    /// iso-8859-1, …) [default: detected]
    #[arg(long, value_name = "NAME")]
    encoding: Option<String>,
    /// OCR languages for scans and photos, tesseract's codes joined by `+` (rus+ukr)
    /// [default: those of eng, rus, ukr that are installed]
    #[arg(long, value_name = "LANGS")]
    ocr_lang: Option<String>,
    /// Tracked changes in a Word or OpenDocument file: record the text with them accepted,
    /// rejected, or both (the rejected state as a version, the accepted one as its child)
    #[arg(long, value_enum, default_value_t = ChangesArg::Accept)]
    changes: ChangesArg,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum ChangesArg {
    Accept,
    Reject,
    Both,
}

impl ReadArgs {
    /// The library's options.
    pub fn options(&self) -> Options {
        Options {
            encoding: self.encoding.clone(),
            ocr_lang: self.ocr_lang.clone(),
            changes: match self.changes {
                ChangesArg::Accept => Changes::Accept,
                ChangesArg::Reject => Changes::Reject,
                ChangesArg::Both => Changes::Both,
            },
        }
    }
}

/// Reads one side of a comparison or a text to identify: a file of any format, or standard
/// input for `-`.
pub fn read_any(p: &str) -> anyhow::Result<drafttrail::draft::Draft> {
    let options = Options::default();
    Ok(if p == "-" {
        let name = std::path::Path::new("(standard input)");
        let bytes = drafttrail::draft::read_stream(std::io::stdin().lock(), name)?;
        drafttrail::ingest::from_bytes(name, bytes, &options)?.draft
    } else {
        drafttrail::ingest::read(std::path::Path::new(p), &options)?.draft
    })
}
