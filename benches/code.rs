//! A generated code for the report at scale, shared by the benchmark (`SECTIONS=report`) and
//! the browser test of the report.

use std::path::Path;

/// Writes 20 versions of a generated code of 3,000 provisions: each version rewords 40
/// provisions, repeals 5 and inserts 5 (numbered `Na`, as codes insert), dated a year apart.
pub fn write_code(dir: &Path) {
    const WORDS: [&str; 24] = [
        "the",
        "court",
        "may",
        "shall",
        "person",
        "property",
        "offence",
        "penalty",
        "public",
        "order",
        "state",
        "office",
        "within",
        "days",
        "authority",
        "decision",
        "appeal",
        "notice",
        "register",
        "fee",
        "minister",
        "law",
        "right",
        "duty",
    ];
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let sentence = |len: usize, next: &mut dyn FnMut(usize) -> usize| {
        let w: Vec<&str> = (0..len).map(|_| WORDS[next(WORDS.len())]).collect();
        format!("{}.", w.join(" "))
    };
    let mut code: Vec<(String, String)> = (1..=3000)
        .map(|n| (n.to_string(), sentence(12 + next(28), &mut next)))
        .collect();
    std::fs::create_dir_all(dir).expect("create the code folder");
    for v in 0..20 {
        if v > 0 {
            for _ in 0..40 {
                let k = next(code.len());
                code[k].1 = sentence(12 + next(28), &mut next);
            }
            for _ in 0..5 {
                let k = next(code.len());
                code.remove(k);
            }
            for _ in 0..5 {
                let k = next(code.len());
                let number = format!("{}a", code[k].0);
                code.insert(k + 1, (number, sentence(20, &mut next)));
            }
        }
        let body: String = code
            .iter()
            .map(|(n, t)| format!("Article {n}. {t}\n"))
            .collect();
        let front = format!(
            "+++\nlabel = \"Code {}\"\n[dates]\npublished = {}-01-01\n+++\n",
            2000 + v,
            2000 + v
        );
        std::fs::write(dir.join(format!("v{v:02}.md")), front + &body).expect("write a version");
    }
}
