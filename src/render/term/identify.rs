//! `identify` in the terminal: the closest recorded versions, and exactly how the best differ.

use std::io::Write;

use super::style::{Label, paint};
use crate::identify::Candidate;
use crate::render::{RenderOptions, RenderResult};

/// How many candidates are listed.
const SHOWN: usize = 5;

/// Renders the ranked candidates; the editorial differences of each match, exactly.
pub(in crate::render) fn identify(
    name: &str,
    candidates: &[Candidate],
    opts: &RenderOptions,
    out: &mut dyn Write,
) -> RenderResult {
    match candidates.first() {
        Some(best) if best.is_match() => {
            writeln!(out, "closest recorded versions to {name}:")?;
        }
        Some(best) => {
            writeln!(
                out,
                "no recorded version resembles {name} (the closest, {}, scores {:.2})",
                best.version.label(),
                best.score
            )?;
            return Ok(());
        }
        None => {
            writeln!(out, "the store holds no version to compare {name} with")?;
            return Ok(());
        }
    }
    for c in candidates.iter().take(SHOWN).filter(|c| c.is_match()) {
        let v = &c.version;
        writeln!(
            out,
            "  {:.2}  {} {} [{}]  {}",
            c.score,
            paint(opts, Label::Id, v.short_id()),
            v.label(),
            v.track(),
            c.alignment.summary()
        )?;
        for e in c.editorial() {
            let a = &c.alignment;
            let text: String = e
                .redline
                .iter()
                .filter(|s| s.op != crate::redline::Op::Equal)
                .map(|s| match s.op {
                    crate::redline::Op::Delete => format!("[-{}-]", s.text),
                    _ => format!("{{+{}+}}", s.text),
                })
                .collect::<Vec<_>>()
                .join(" ");
            writeln!(
                out,
                "        editorial: {} → {}  {}",
                a.old_ids(e).join("+"),
                a.new_ids(e).join("+"),
                text
            )?;
        }
    }
    Ok(())
}
