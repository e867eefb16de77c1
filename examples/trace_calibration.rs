//! Calibrates `trace`'s threshold on real law. Two codes of one language share real wording
//! (statute citations, standard penalty and disqualification formulas), so chance is measured
//! against a null model: each provision of the other code with its words shuffled (same
//! vocabulary, same lengths, no phrase left). Passages found there are chance matches; the
//! threshold keeps them under one per 1,000 provisions. The unshuffled pairs are counted too,
//! as the real reuse `trace` is for. Run `cargo run --release --example trace_calibration`
//! (a pair whose files are absent is skipped).

use drafttrail::provisions::{Provision, parse};
use drafttrail::trace::{Document, trace_with};

/// The other code's provisions, each with its words shuffled (a fixed seed: repeatable).
fn shuffled(provisions: &[Provision]) -> Vec<Provision> {
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let text: String = provisions
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let mut words: Vec<&str> = p.text.split_whitespace().collect();
            for k in (1..words.len()).rev() {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                words.swap(k, (state % (k as u64 + 1)) as usize);
            }
            format!("{}. {}\n", i + 1, words.join(" "))
        })
        .collect();
    parse(&text)
}

fn main() {
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/real-corpus");
    let pairs = [
        (
            "fr-penal-2009-2026/new.md",
            "fr-consommation-2009-2026/new.md",
        ),
        (
            "fr-consommation-2009-2026/new.md",
            "fr-penal-2009-2026/new.md",
        ),
        ("de-stgb-2013-2021/new.md", "de-stgb-2013-2021/old.md"),
        ("us-hr2196-ih-rh/new.md", "us-s269-es-enr/new.md"),
        ("us-s269-es-enr/new.md", "us-hr2196-ih-rh/new.md"),
    ];
    let thresholds = [6, 8, 10, 12, 14, 16, 20];
    let mut provisions = 0;
    let mut chance = vec![0usize; thresholds.len()];
    let mut real = vec![0usize; thresholds.len()];
    for (text, other) in pairs {
        let (Ok(text), Ok(other)) = (
            std::fs::read_to_string(corpus.join(text)),
            std::fs::read_to_string(corpus.join(other)),
        ) else {
            eprintln!("skipped {text}: the real corpus is absent");
            continue;
        };
        let text = parse(&text);
        let other = parse(&other);
        provisions += text.len();
        for (provs, counts) in [(shuffled(&other), &mut chance), (other, &mut real)] {
            let doc = Document {
                id: "other".into(),
                label: "other".into(),
                provisions: provs,
            };
            let passages = trace_with(&text, std::slice::from_ref(&doc), thresholds[0]);
            for (t, n) in thresholds.iter().zip(counts.iter_mut()) {
                *n += passages.iter().filter(|p| p.words >= *t).count();
            }
        }
    }
    println!("{provisions} provisions traced (5 pairs of real law)\n");
    println!(
        "| minimum matched words | chance passages (shuffled) | per 1,000 provisions | passages in the real pairs |"
    );
    println!("|---|---|---|---|");
    for ((t, c), r) in thresholds.iter().zip(&chance).zip(&real) {
        println!(
            "| {t} | {c} | {:.2} | {r} |",
            *c as f64 * 1000.0 / provisions.max(1) as f64
        );
    }
}
