//! Blame invariants on generated histories of 5+ versions with renumbering, moves, splits,
//! merges, rewording and additions.

use proptest::prelude::*;

use super::blame::tokens;
use super::{Input, Lineage, build};
use crate::align::AlignOptions;
use crate::draft::DraftMeta;

const VOCAB: &[&str] = &[
    "parties",
    "shall",
    "withdraw",
    "forces",
    "within",
    "days",
    "commission",
    "monitor",
    "ceasefire",
    "line",
    "contact",
    "sanctions",
    "lifted",
    "stages",
    "elections",
    "held",
    "assets",
    "frozen",
];

/// A sentence of six words of the shared vocabulary: provisions have no word of their own,
/// so the aligner must tell them apart by what they share (and sometimes cannot: two seeds
/// can give the same sentence).
fn sentence(seed: usize, k: usize) -> String {
    let words: Vec<&str> = (0..6)
        .map(|i| VOCAB[(seed * 7 + k * 3 + i * 5 + seed / 3) % VOCAB.len()])
        .collect();
    let mut s = words.join(" ");
    if let Some(first) = s.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    format!("{s}.")
}

fn history_strategy() -> impl Strategy<Value = Vec<Vec<String>>> {
    let steps = prop::collection::vec(
        prop::collection::vec((0usize..6, any::<prop::sample::Index>()), 1..4),
        4..7,
    );
    (4usize..9, steps).prop_map(|(n, steps)| {
        let mut next = n;
        let mut versions = vec![
            (0..n)
                .map(|s| format!("{} {}", sentence(s, 0), sentence(s, 1)))
                .collect::<Vec<_>>(),
        ];
        for ops in steps {
            let mut v = versions.last().cloned().unwrap_or_default();
            for (op, at) in ops {
                if v.is_empty() {
                    v.push(sentence(next, 0));
                    next += 1;
                    continue;
                }
                let k = at.index(v.len());
                match op {
                    0 => v.insert(0, format!("{} {}", sentence(next, 0), sentence(next, 1))), // renumbers all
                    1 => {
                        let p = v.remove(k);
                        let to = at.index(v.len() + 1);
                        v.insert(to, p);
                    }
                    2 => {
                        let parts: Vec<String> =
                            v[k].split_inclusive(". ").map(str::to_owned).collect();
                        if parts.len() >= 2 {
                            v[k] = parts[0].trim().to_owned();
                            v.insert(k + 1, parts[1..].concat().trim().to_owned());
                        }
                    }
                    3 if k + 1 < v.len() => {
                        let b = v.remove(k + 1);
                        v[k] = format!("{} {b}", v[k]);
                    }
                    4 => v[k] = v[k].replacen("shall", "may", 1),
                    _ => {
                        v.insert(k, sentence(next, 0));
                        next += 1;
                    }
                }
            }
            next += 1;
            versions.push(v);
        }
        versions
    })
}

fn lineage_of(versions: &[Vec<String>]) -> Lineage {
    let inputs = versions
        .iter()
        .enumerate()
        .map(|(i, provs)| Input {
            id: format!("v{i}"),
            parents: if i == 0 {
                vec![]
            } else {
                vec![format!("v{}", i - 1)]
            },
            meta: DraftMeta {
                label: Some(format!("v{i}")),
                ..DraftMeta::default()
            },
            body: provs
                .iter()
                .enumerate()
                .map(|(k, t)| format!("{}. {t}\n", k + 1))
                .collect(),
        })
        .collect();
    build(inputs, &[], &AlignOptions::default())
}

/// Every (version, provision) this instance descends from, itself included.
fn ancestry(l: &Lineage, v: usize, j: usize, out: &mut Vec<(usize, usize)>) {
    if out.contains(&(v, j)) {
        return;
    }
    out.push((v, j));
    // A reinstated provision's lineage goes on through the ancestor it came back from.
    if let Some((a, i)) = l.instances[v][j].reinstated_from {
        ancestry(l, a, i, out);
    }
    for s in &l.instances[v][j].sources {
        let e = &l.edges[s.edge];
        for &i in &e.alignment.changes[s.change].old {
            ancestry(l, e.parent, i, out);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn blame_invariants(versions in history_strategy()) {
        let l = lineage_of(&versions);
        prop_assert!(l.nodes.len() >= 5);
        for (v, insts) in l.instances.iter().enumerate() {
            for (j, inst) in insts.iter().enumerate() {
                let text = &l.nodes[v].provisions[j].text;
                // Concatenating the words by origin reproduces the text.
                let joined: String = inst.segments.iter().map(|s| s.text.as_str()).collect();
                prop_assert_eq!(joined.as_str(), &**text);
                let mut anc = Vec::new();
                ancestry(&l, v, j, &mut anc);
                for seg in inst.segments.iter() {
                    // An origin is this version or a version in the provision's lineage where
                    // each of the segment's words already stood in that provision.
                    prop_assert!(seg.origin <= v);
                    if seg.origin != v {
                        for w in tokens(&seg.text) {
                            let word = &seg.text[w];
                            let stood = anc.iter().any(|&(av, aj)| av == seg.origin && l.nodes[av].provisions[aj].text.contains(word));
                            prop_assert!(stood, "word {} not in its origin v{}", word, seg.origin);
                        }
                    }
                }
                // An unchanged provision keeps every word's origin, whatever its number.
                for s in &inst.sources {
                    let e = &l.edges[s.edge];
                    if let [i] = e.alignment.changes[s.change].old.as_slice()
                        && l.nodes[e.parent].provisions[*i].text == *text {
                            prop_assert_eq!(&l.instances[e.parent][*i].segments, &inst.segments);
                        }
                }
            }
        }
    }

    #[test]
    fn untouched_provisions_keep_their_identity_and_origin(versions in history_strategy()) {
        let l = lineage_of(&versions);
        // A root provision that every later version still has verbatim, once, keeps its
        // identity and origin v0 for all its words, through renumbering and moves.
        let once = |v: usize, text: &str| {
            let mut at = l.nodes[v].provisions.iter().enumerate().filter(|(_, p)| &*p.text == text);
            match (at.next(), at.next()) {
                (Some((j, _)), None) => Some(j),
                _ => None,
            }
        };
        let last = l.nodes.len() - 1;
        for (i, p0) in l.nodes[0].provisions.iter().enumerate() {
            let kept: Option<Vec<usize>> = (0..l.nodes.len()).map(|v| once(v, &p0.text)).collect();
            if let Some(kept) = kept {
                let j = kept[last];
                prop_assert_eq!(&l.instances[last][j].identity, &l.instances[0][i].identity);
                prop_assert!(l.instances[last][j].segments.iter().all(|s| s.origin == 0));
            }
        }
    }
}
