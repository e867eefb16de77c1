//! Writes a generated history of drafts into a folder, ready for `drafttrail import`.
//!
//! Run: `cargo run --release --example gen_history -- DIR [VERSIONS] [PROVISIONS] [SEED]`
//! (defaults: 200 versions, 2,000 provisions, seed 7). Each step rewords, moves, splits, adds
//! and removes a handful of provisions; the rest stay untouched, as in real redrafting.

#[path = "../benches/synth.rs"]
mod synth;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first() else {
        eprintln!("usage: gen_history DIR [VERSIONS] [PROVISIONS] [SEED]");
        std::process::exit(1);
    };
    let num = |i: usize, d: usize| args.get(i).and_then(|s| s.parse().ok()).unwrap_or(d);
    let (versions, provisions, seed) = (num(1, 200), num(2, 2_000), num(3, 7) as u64);
    if let Err(e) = synth::write_history(std::path::Path::new(dir), versions, provisions, seed) {
        eprintln!("error: {dir}: {e}");
        std::process::exit(1);
    }
}
