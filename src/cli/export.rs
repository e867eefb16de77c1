//! `drafttrail export OLD NEW --format docx|odt|pdf --out FILE`.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use drafttrail::align::{self, AlignOptions};

use super::Global;

/// Export a comparison as a Word or OpenDocument file with tracked changes, or as a PDF
///
/// The document's tracked changes turn OLD into NEW: accept them all and it reads as NEW,
/// reject them all and it reads as OLD. Deletions and insertions are phrase by phrase, as
/// `diff` shows them; a provision that changed places is a move. Changes are authored by the
/// new version's claimed drafters (else `drafttrail`) and dated with its best-known date; a
/// title block names both versions with their dates, status and kind of text (a paraphrase
/// says so); each claim about the new version is a comment on its provision. `--format pdf`
/// prints the same comparison (deletions struck through, insertions underlined, moves barred
/// in the margin, page numbers), set in a system TrueType font (DejaVu Serif where installed;
/// DRAFTTRAIL_PDF_FONT names another). `--format odt` writes the same tracked changes and
/// comments as OpenDocument, for LibreOffice (ODF has no moves: a moved provision is deleted
/// and inserted).
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  drafttrail export 28-point-plan 20-point-framework --out plan-redline.docx
  drafttrail export us~1 us --format odt --out geneva.odt
  drafttrail export 28-point-plan 20-point-framework --out redline.pdf   (format from the name)")]
pub struct ExportArgs {
    /// The old version
    old: String,
    /// The new version
    new: String,
    /// The file format [default: from the --out file's extension, else docx]
    #[arg(long, value_enum)]
    format: Option<ExportFormat>,
    /// The file to write
    #[arg(long, short)]
    out: PathBuf,
    /// PDF: print every provision, not only the changed ones with a line for each run of
    /// unchanged ones (a Word file always holds the whole text: its changes must turn one
    /// text into the other)
    #[arg(long)]
    full: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ExportFormat {
    /// Word, with tracked changes
    Docx,
    /// OpenDocument (LibreOffice), with tracked changes
    Odt,
    /// PDF: deletions struck through, insertions underlined, page numbers
    Pdf,
}

pub fn run(global: &Global, args: ExportArgs) -> Result<()> {
    let store = global.store()?;
    let (old, old_text) = store.read(&args.old)?;
    let (new, new_text) = store.read(&args.new)?;
    let opts = AlignOptions {
        pins: align::pins_between(&store.pins()?, &old.id, &new.id),
        langs: [old.meta.language(), new.meta.language()],
        partial: [old.meta.is_partial(), new.meta.is_partial()],
        ..AlignOptions::default()
    };
    let alignment = align::diff(&old_text, &new_text, &opts);
    let pieces = drafttrail::export::layout(&alignment, &old_text, &new_text);
    let meta = drafttrail::render::docx::DocxMeta::for_versions(&old, &new);
    let ext = args.out.extension().and_then(|e| e.to_str());
    let format = args
        .format
        .unwrap_or(match ext.map(str::to_ascii_lowercase).as_deref() {
            Some("pdf") => ExportFormat::Pdf,
            Some("odt") => ExportFormat::Odt,
            _ => ExportFormat::Docx,
        });
    match format {
        ExportFormat::Docx => {
            let mut bytes = Vec::new();
            drafttrail::render::docx::docx(&pieces, &meta, &mut bytes)?;
            std::fs::write(&args.out, &bytes)
                .with_context(|| format!("writing {}", super::display_path(&args.out)))?;
        }
        ExportFormat::Odt => {
            let mut bytes = Vec::new();
            drafttrail::render::odt::odt(&pieces, &meta, &mut bytes)?;
            std::fs::write(&args.out, &bytes)
                .with_context(|| format!("writing {}", super::display_path(&args.out)))?;
        }
        ExportFormat::Pdf => {
            let named = std::env::var_os("DRAFTTRAIL_PDF_FONT").filter(|p| !p.is_empty());
            let (font, data) =
                drafttrail::print::pdf_font(&args.out, named.as_deref().map(Path::new))?;
            let bytes = drafttrail::render::pdf::export_pdf(&pieces, &meta, args.full, &data)
                .map_err(|why| anyhow::anyhow!("{}: {why}", font.display()))?;
            std::fs::write(&args.out, &bytes)
                .with_context(|| format!("writing {}", super::display_path(&args.out)))?;
        }
    }
    say!(
        "wrote {} ({} → {}, {} changes)",
        super::display_path(&args.out),
        old.label(),
        new.label(),
        alignment
            .changes
            .iter()
            .filter(|c| c.kind != align::ChangeKind::Unchanged || c.renumbered || c.moved)
            .count()
    )?;
    Ok(())
}
