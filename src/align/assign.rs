//! One-to-one pairing: pins, exact matches, best-score greedy assignment, and the context pass.

use std::collections::{HashMap, VecDeque};

use super::text::{Features, normalised, rank};
use crate::provisions::Provision;

/// The pairs chosen so far, and by which pass.
pub(super) struct Pairs {
    pub old_to_new: Vec<Option<usize>>,
    pub new_to_old: Vec<Option<usize>>,
    /// Per old provision: the pass that paired it.
    pub by: Vec<Option<By>>,
}

/// The pass that made a one-to-one pair.
#[derive(Debug, Clone, Copy)]
pub(super) enum By {
    Pin,
    Exact,
    Similar,
    /// Between these aligned (old, new) neighbours.
    Context {
        after: Option<(usize, usize)>,
        before: Option<(usize, usize)>,
    },
    Containment,
    /// The same id, one side the placeholder of a repealed provision.
    Placeholder,
}

impl Pairs {
    pub(super) fn new(n_old: usize, n_new: usize) -> Pairs {
        Pairs {
            old_to_new: vec![None; n_old],
            new_to_old: vec![None; n_new],
            by: vec![None; n_old],
        }
    }

    pub(super) fn link(&mut self, i: usize, j: usize, by: By) {
        self.old_to_new[i] = Some(j);
        self.new_to_old[j] = Some(i);
        self.by[i] = Some(by);
    }

    pub(super) fn free(&self, i: usize, j: usize) -> bool {
        self.old_to_new[i].is_none() && self.new_to_old[j].is_none()
    }
}

/// Applies the user's pins (by provision id); unknown ids are ignored.
pub(super) fn pins(
    old: &[Provision],
    new: &[Provision],
    pins: &[(String, String)],
    pairs: &mut Pairs,
) {
    for (a, b) in pins {
        let i = old.iter().position(|p| &p.id == a);
        let j = new.iter().position(|p| &p.id == b);
        if let (Some(i), Some(j)) = (i, j)
            && pairs.free(i, j)
        {
            pairs.link(i, j, By::Pin);
        }
    }
}

/// Pairs provisions whose normalised texts are equal: the k-th occurrence of a text on one side
/// with its k-th occurrence on the other. Placeholders of repealed provisions (`(weggefallen)`,
/// see [`Provision::is_placeholder`]) are left to `placeholders`: every one has the same
/// words, which say nothing of which is which.
pub(super) fn exact(old: &[Provision], new: &[Provision], pairs: &mut Pairs) {
    let mut by_key: HashMap<u64, VecDeque<usize>, crate::hash::FxBuild> = HashMap::default();
    for (i, p) in old.iter().enumerate() {
        if pairs.old_to_new[i].is_none() && !p.is_placeholder() {
            by_key.entry(p.key).or_default().push_back(i);
        }
    }
    for (j, p) in new.iter().enumerate() {
        if pairs.new_to_old[j].is_some() {
            continue;
        }
        let Some(queue) = by_key.get_mut(&p.key) else {
            continue;
        };
        // Keys are hashes: confirm the words really match before pairing.
        if let Some(pos) = queue
            .iter()
            .position(|&i| same_words(&old[i].text, &p.text))
            && let Some(i) = queue.remove(pos)
        {
            pairs.link(i, j, By::Exact);
        }
    }
}

fn same_words(a: &str, b: &str) -> bool {
    a == b || normalised(a) == normalised(b)
}

/// Greedy one-to-one assignment over candidate pairs scoring at least `threshold`: best score
/// first; on equal scores, the pair closest in relative position (order-preserving) first.
pub(super) fn greedy(
    f: &Features,
    candidates: &[(usize, usize)],
    threshold: f64,
    pairs: &mut Pairs,
) {
    let (n_old, n_new) = (f.old.len().max(1) as f64, f.new.len().max(1) as f64);
    let mut scored: Vec<(f64, f64, usize, usize)> = candidates
        .iter()
        .filter(|&&(i, j)| pairs.free(i, j))
        .map(|&(i, j)| {
            let drift = (i as f64 / n_old - j as f64 / n_new).abs();
            (f.similarity(i, j), drift, i, j)
        })
        .filter(|s| s.0 >= threshold && f.stands_out(s.2, s.3, s.0))
        .collect();
    scored.sort_unstable_by(|a, b| {
        rank(b.0)
            .cmp(&rank(a.0))
            .then(a.1.total_cmp(&b.1))
            .then((a.2 + a.3).cmp(&(b.2 + b.3)))
            .then(a.2.min(a.3).cmp(&b.2.min(b.3)))
            .then(f.mirror_key(a.2, a.3).cmp(&f.mirror_key(b.2, b.3)))
    });
    for (_, _, i, j) in scored {
        if pairs.free(i, j) {
            pairs.link(i, j, By::Similar);
        }
    }
}

/// Links the two texts' openings (the `preamble`: the title, or whatever precedes the first
/// provision) when nothing else took them: each version of a text has one opening, at the
/// same place, and an editor reads a retitled draft's title as its predecessor's title
/// reworded, not as one title removed and another added.
pub(super) fn openings(old: &[Provision], new: &[Provision], pairs: &mut Pairs) {
    let (Some(a), Some(b)) = (old.first(), new.first()) else {
        return;
    };
    if a.id != "preamble" || b.id != "preamble" || !pairs.free(0, 0) {
        return;
    }
    // The first pair after the openings that keeps its place on both sides.
    let before = (1..old.len()).find_map(|i| pairs.old_to_new[i].map(|j| (i, j)));
    pairs.link(
        0,
        0,
        By::Context {
            after: None,
            before,
        },
    );
}

/// A stretch between two aligned pairs that keep their order (anchors), on both sides.
pub(super) struct Gap {
    /// The anchor before, if any.
    pub prev: Option<(usize, usize)>,
    /// The anchor after, if any.
    pub next: Option<(usize, usize)>,
    /// Old indexes between them.
    pub old: std::ops::Range<usize>,
    /// New indexes between them.
    pub new: std::ops::Range<usize>,
}

/// The gaps between anchors: the aligned pairs that keep their order. A provision that moved
/// away does not bound a gap: the provisions around its old place still face their
/// counterparts. The chain is read in new order, as the order step reads it, so both call
/// the same provision moved when two could be.
pub(super) fn gaps(pairs: &Pairs) -> Vec<Gap> {
    let (n_old, n_new) = (pairs.old_to_new.len(), pairs.new_to_old.len());
    let aligned: Vec<(usize, usize)> = pairs
        .new_to_old
        .iter()
        .enumerate()
        .filter_map(|(b, a)| a.map(|a| (a, b)))
        .collect();
    let weights: Vec<f64> = aligned
        .iter()
        .map(|&(a, b)| super::order::stays(a, b, n_old, n_new))
        .collect();
    let keep = super::order::in_order(&aligned.iter().map(|p| p.0).collect::<Vec<_>>(), &weights);
    let anchors: Vec<(usize, usize)> = aligned
        .iter()
        .zip(&keep)
        .filter_map(|(&p, &k)| k.then_some(p))
        .collect();
    (0..=anchors.len())
        .map(|k| {
            let prev = k.checked_sub(1).map(|p| anchors[p]);
            let next = anchors.get(k).copied();
            let (old_lo, new_lo) = prev.map_or((0, 0), |(a, b)| (a + 1, b + 1));
            let (old_hi, new_hi) = next.unwrap_or((n_old, n_new));
            Gap {
                prev,
                next,
                old: old_lo..old_hi,
                new: new_lo..new_hi,
            }
        })
        .collect()
}

/// How far above its background (see `Features::stands_out`) a context pair must be: its
/// place already speaks for it, so it need only beat what it shares with the settled
/// provisions, where a pair chosen on score alone must beat it by a margin.
const CONTEXT_BACKGROUND_MARGIN: f64 = 0.0;

/// How far above its best rival (see [`context`]) a context pair's similarity must be.
const RIVAL_MARGIN: f64 = -0.05;

/// The context pass examines gaps of at most this many provisions squared (old × new pairs
/// to score); keeps it linear overall.
const MAX_GAP: usize = 16;

/// Pairs leftovers that sit between the same two aligned neighbours, at a lower threshold: a
/// provision reworded in place keeps its position even when few words survive.
pub(super) fn context(
    f: &Features,
    (old, new): (&[Provision], &[Provision]),
    candidates: &[(usize, usize)],
    threshold: f64,
    pairs: &mut Pairs,
) {
    let n_old = pairs.old_to_new.len();
    let n_new = pairs.new_to_old.len();
    // Rivals: how much each leftover resembles provisions already paired with others. A
    // provision replaced by an unrelated one at the same place shares the document's
    // vocabulary with its neighbour as much as with its neighbours' partners; a rewording
    // resembles its own successor more than anything else taken.
    let mut rival_old = vec![0.0f64; n_old];
    let mut rival_new = vec![0.0f64; n_new];
    for &(a, b) in candidates {
        let (to_new, to_old) = (pairs.old_to_new[a], pairs.new_to_old[b]);
        if to_new.is_none() && to_old.is_some() {
            rival_old[a] = rival_old[a].max(f.similarity(a, b));
        }
        if to_old.is_none() && to_new.is_some() {
            rival_new[b] = rival_new[b].max(f.similarity(a, b));
        }
    }
    for gap in gaps(pairs) {
        let (prev, next) = (gap.prev, gap.next);
        let (old_lo, old_hi) = (gap.old.start, gap.old.end);
        let (new_lo, new_hi) = (gap.new.start, gap.new.end);
        let olds: Vec<usize> = (old_lo..old_hi)
            .filter(|&a| pairs.old_to_new[a].is_none())
            .collect();
        let news: Vec<usize> = (new_lo..new_hi)
            .filter(|&b| pairs.new_to_old[b].is_none())
            .collect();
        if olds.is_empty() || news.is_empty() || olds.len() * news.len() > MAX_GAP * MAX_GAP {
            continue;
        }
        let (after, before) = (prev, next);
        let mut scored: Vec<(f64, usize, usize)> = Vec::new();
        for &a in &olds {
            for &b in &news {
                let s = f.similarity(a, b);
                if s >= threshold
                    && s >= rival_old[a] + RIVAL_MARGIN
                    && s >= rival_new[b] + RIVAL_MARGIN
                    && f.stands_out_by(a, b, s, CONTEXT_BACKGROUND_MARGIN)
                {
                    scored.push((s, a, b));
                }
            }
        }
        // One provision left on each side, under the same number, between neighbours that
        // keep theirs: the point rewritten in its own slot, as an amending text replaces
        // "point 7". Its place is half the evidence; the other half is content of its own:
        // at least two words that the pair shares and no other provision has (see
        // `Features::own_words`). A slot refilled with an unrelated provision shares only
        // the document's common vocabulary, and stays removed + added (the Replace cells).
        if let ([a], [b]) = (olds.as_slice(), news.as_slice()) {
            let steady = |pair: Option<(usize, usize)>| {
                pair.is_none_or(|(x, y)| old[x].same_number(&new[y]))
            };
            if old[*a].number.is_some()
                && old[*a].same_number(&new[*b])
                && steady(prev)
                && steady(next)
                && (prev.is_some() || next.is_some())
                && f.own_words(*a, *b) >= 2
                && !scored
                    .iter()
                    .any(|&(s, x, y)| (x, y) == (*a, *b) && s > 0.0)
            {
                scored.push((f.similarity(*a, *b), *a, *b));
            }
        }
        scored.sort_unstable_by(|x, y| {
            rank(y.0)
                .cmp(&rank(x.0))
                .then((x.1 + x.2).cmp(&(y.1 + y.2)))
                .then(f.mirror_key(x.1, x.2).cmp(&f.mirror_key(y.1, y.2)))
        });
        // Within a gap, keep pairs in order so the pass never creates a move.
        let mut chosen: Vec<(usize, usize)> = Vec::new();
        for (_, a, b) in scored {
            let crosses = chosen.iter().any(|&(x, y)| (x < a) != (y < b));
            if pairs.free(a, b) && !crosses {
                pairs.link(a, b, By::Context { after, before });
                chosen.push((a, b));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::align::{AlignOptions, ChangeKind, diff};

    const POINTS: [&str; 8] = [
        "The sovereignty of the Republic is confirmed.",
        "A commission on fisheries will meet every spring.",
        "Railway lines to the coast will be restored.",
        "Prisoners will be exchanged on an all-for-all basis.",
        "The occupied districts north of the river will be demilitarised and patrolled by observers.",
        "Grain exports through the ports will not be obstructed.",
        "Elections will be held within one hundred days.",
        "A council of guarantors will oversee the agreement.",
    ];

    fn text(title: &str, five: &str) -> String {
        let mut out = format!("{title}\n");
        for (k, p) in POINTS.iter().enumerate() {
            let p = if k == 4 { five } else { p };
            out.push_str(&format!("{}. {p}\n", k + 1));
        }
        out
    }

    /// What became of old provision `id` when the title and point 5 change as given.
    fn kind_of(titles: [&str; 2], five: &str, id: &str) -> Vec<ChangeKind> {
        let d = diff(
            &text(titles[0], POINTS[4]),
            &text(titles[1], five),
            &AlignOptions::default(),
        );
        d.changes
            .iter()
            .filter(|c| c.old.iter().any(|&i| d.old[i].id == id))
            .map(|c| c.kind)
            .collect()
    }

    /// Point 5 is rewritten in its own slot, in words that resemble point 8 as much as its old
    /// self (which keeps the ordinary context pass away), but two of the words it keeps
    /// (`districts`, `river`) belong to it alone. An editor links it; so does the same-number
    /// rule.
    #[test]
    fn a_point_rewritten_in_its_own_slot_is_linked() {
        let five = "A council of guarantors will oversee the districts by the river.";
        assert_eq!(kind_of(["Plan"; 2], five, "5"), [ChangeKind::Reworded]);
    }

    /// The same slot refilled with an unrelated point that shares only the document's common
    /// words stays removed + added.
    #[test]
    fn a_slot_refilled_with_another_subject_stays_removed_and_added() {
        let five = "The agreement will be translated into every official language of the Republic.";
        assert_eq!(kind_of(["Plan"; 2], five, "5"), [ChangeKind::Removed]);
    }

    /// A retitled draft's title is its predecessor's title reworded, whatever words it keeps.
    #[test]
    fn retitled_drafts_link_their_titles() {
        let titles = [
            "Draft framework of November",
            "Updated proposal agreed in Geneva",
        ];
        assert_eq!(
            kind_of(titles, POINTS[4], "preamble"),
            [ChangeKind::Reworded]
        );
    }

    fn ids<'a>(side: &'a [crate::provisions::Provision], ix: &[usize]) -> Vec<&'a str> {
        ix.iter().map(|&i| side[i].id.as_str()).collect()
    }

    /// A code keeps the numbers of repealed provisions as placeholders, all with one text
    /// (`(weggefallen)`): each pairs with the placeholder of its own number, not with the
    /// next one in order; a provision repealed in this version is its own placeholder now.
    #[test]
    fn placeholders_pair_by_number() {
        let old = "##### § 47 Kurze Freiheitsstrafe\n\nDas Gericht verhängt eine Freiheitsstrafe nur in Ausnahmefällen.\n\n\
                   ##### § 48 Rückfall\n\nWer binnen 5 Jahren wiederholt handelt, wird schwerer bestraft.\n\n\
                   ##### § 49 (weggefallen)\n\n##### § 50 (weggefallen)\n\n\
                   ##### § 51 Anrechnung\n\nDie Untersuchungshaft wird angerechnet.\n";
        let new = old.replace(
            "Rückfall\n\nWer binnen 5 Jahren wiederholt handelt, wird schwerer bestraft.",
            "(weggefallen)",
        );
        let d = diff(old, &new, &AlignOptions::default());
        let pairs: Vec<(Vec<&str>, Vec<&str>, ChangeKind, bool)> = d
            .changes
            .iter()
            .map(|c| {
                (
                    ids(&d.old, &c.old),
                    ids(&d.new, &c.new),
                    c.kind,
                    c.renumbered,
                )
            })
            .collect();
        use ChangeKind::*;
        assert_eq!(
            pairs,
            [
                (vec!["47"], vec!["47"], Unchanged, false),
                (vec!["48"], vec!["48"], Reworded, false),
                (vec!["49"], vec!["49"], Unchanged, false),
                (vec!["50"], vec!["50"], Unchanged, false),
                (vec!["51"], vec!["51"], Unchanged, false),
            ]
        );
        let why = d.changes[1].why.as_ref().map(crate::align::Why::as_str);
        assert_eq!(why, Some("placeholder"));
        // The repeal deletes a quantity (`5 Jahren`): it is not a rewording of it.
        assert!(d.changes[1].tags.is_empty(), "{:?}", d.changes[1].tags);
        // Read the other way, the repealed number is given content: the same pairs.
        let back = diff(&new, old, &AlignOptions::default());
        let mirrored: Vec<(Vec<&str>, Vec<&str>)> = back
            .changes
            .iter()
            .map(|c| (ids(&back.new, &c.new), ids(&back.old, &c.old)))
            .collect();
        let forward: Vec<(Vec<&str>, Vec<&str>)> =
            pairs.iter().map(|p| (p.0.clone(), p.1.clone())).collect();
        assert_eq!(mirrored, forward);
    }

    /// A number written in other capitals (`Artículo Único` in a motion, `Artículo único`
    /// in the committee's text) is the same number: not renumbered.
    #[test]
    fn numbers_in_other_capitals_are_the_same_number() {
        let old = "Ley\nArtículo Único.- Sustitúyese la palabra tercer por primer.\n";
        let new = "Ley\nArtículo único.- Sustitúyese la palabra tercer por primer.\n";
        let d = diff(old, new, &AlignOptions::default());
        let last = d.changes.last().expect("two changes");
        assert_eq!(ids(&d.old, &last.old), ["Único"]);
        assert_eq!(ids(&d.new, &last.new), ["único"]);
        assert!(!last.renumbered);
    }
}
