//! Splits (one old → several new) and merges (several old → one new) among the provisions the
//! one-to-one passes left over, by containment: most of a piece's weighted words stand in the
//! provision it came from or went into.

use super::assign::{By, Pairs};
use super::text::{Features, rank};

/// Share of the whole (weighted words) that a piece of a split or merge must carry.
const MIN_PIECE_SHARE: f64 = 0.1;

/// A group found: one provision on one side, several on the other.
pub(super) struct Groups {
    /// old index → new indexes it split into (its own partner included).
    pub splits: Vec<(usize, Vec<usize>)>,
    /// new index → old indexes merged into it (its own partner included).
    pub merges: Vec<(usize, Vec<usize>)>,
}

/// Finds splits and merges among unpaired provisions; `candidates` limits what is compared.
/// A lone piece with no partner on the other side becomes an ordinary pair instead.
pub(super) fn find(
    f: &Features,
    candidates: &[(usize, usize)],
    min: f64,
    pairs: &mut Pairs,
) -> Groups {
    let n_old = pairs.old_to_new.len();
    let n_new = pairs.new_to_old.len();
    // For each unpaired new provision: the old provision containing most of it.
    let mut pieces_of_old: Vec<Vec<usize>> = vec![Vec::new(); n_old];
    let mut pieces_of_new: Vec<Vec<usize>> = vec![Vec::new(); n_new];
    let mut best_old: Vec<Option<(f64, usize)>> = vec![None; n_new];
    let mut best_new: Vec<Option<(f64, usize)>> = vec![None; n_old];
    for &(i, j) in candidates {
        // A piece is mostly made of the whole's words, and carries a part of the whole worth
        // naming: a one-line provision that reuses a few words of a long article (its
        // cross-references, its legal vocabulary) was not cut from it.
        if pairs.new_to_old[j].is_none() {
            let c = f.new_in_old(i, j);
            if c >= min
                && f.old_in_new(i, j) >= MIN_PIECE_SHARE
                && best_old[j].is_none_or(|(b, bi)| c > b || (c == b && i < bi))
            {
                best_old[j] = Some((c, i));
            }
        }
        if pairs.old_to_new[i].is_none() {
            let c = f.old_in_new(i, j);
            if c >= min
                && f.new_in_old(i, j) >= MIN_PIECE_SHARE
                && best_new[i].is_none_or(|(b, bj)| c > b || (c == b && j < bj))
            {
                best_new[i] = Some((c, j));
            }
        }
    }
    for (j, b) in best_old.iter().enumerate() {
        if let Some((_, i)) = b {
            pieces_of_old[*i].push(j);
        }
    }
    for (i, b) in best_new.iter().enumerate() {
        if let Some((_, j)) = b {
            pieces_of_new[*j].push(i);
        }
    }
    let mut groups = Groups {
        splits: Vec::new(),
        merges: Vec::new(),
    };
    let mut used_new = vec![false; n_new];
    let mut used_old = vec![false; n_old];
    // A provision that is a piece on one side must not also be grouped on the other. Groups
    // are taken larger first, then by how well they match, whichever side they are on, so
    // that diffing B against A finds the mirror of A against B (a split one way is the merge
    // the other way); a group whose members were taken regrows from what is left.
    let mut cands: Vec<(usize, f64, bool, usize)> = Vec::new();
    for (i, pieces) in pieces_of_old.iter().enumerate() {
        let members = grow(pairs.old_to_new[i], pieces, |m| f.group_similarity(&[i], m));
        if members.len() >= 2 {
            cands.push((members.len(), f.group_similarity(&[i], &members), true, i));
        }
    }
    for (j, pieces) in pieces_of_new.iter().enumerate() {
        let members = grow(pairs.new_to_old[j], pieces, |m| f.group_similarity(m, &[j]));
        if members.len() >= 2 {
            cands.push((members.len(), f.group_similarity(&members, &[j]), false, j));
        }
    }
    cands.sort_by(|x, y| {
        y.0.cmp(&x.0)
            .then(rank(y.1).cmp(&rank(x.1)))
            .then(x.3.cmp(&y.3))
            .then(y.2.cmp(&x.2))
    });
    for (_, _, split, at) in cands {
        if split {
            let i = at;
            if used_old[i] {
                continue;
            }
            let own = pairs.old_to_new[i].filter(|&j| !used_new[j]);
            let free: Vec<usize> = pieces_of_old[i]
                .iter()
                .copied()
                .filter(|&j| !used_new[j])
                .collect();
            let mut members = grow(own, &free, |m| f.group_similarity(&[i], m));
            if members.len() >= 2 {
                members.sort_unstable();
                for &j in &members {
                    used_new[j] = true;
                }
                used_old[i] = true;
                groups.splits.push((i, members));
            }
        } else {
            let j = at;
            if used_new[j] {
                continue;
            }
            let own = pairs.new_to_old[j].filter(|&i| !used_old[i]);
            let free: Vec<usize> = pieces_of_new[j]
                .iter()
                .copied()
                .filter(|&i| !used_old[i])
                .collect();
            let mut members = grow(own, &free, |m| f.group_similarity(m, &[j]));
            if members.len() >= 2 {
                members.sort_unstable();
                for &i in &members {
                    used_old[i] = true;
                }
                used_new[j] = true;
                groups.merges.push((j, members));
            }
        }
    }
    groups.splits.sort_unstable_by_key(|g| g.0);
    groups.merges.sort_unstable_by_key(|g| g.0);
    // Lone pieces: a provision cut down (or padded out) so much that its score fell below the
    // threshold is still the same provision — unless what it shares is the document's
    // boilerplate (see `Features::stands_out`).
    for (i, pieces) in pieces_of_old.iter().enumerate() {
        if let [j] = pieces.as_slice()
            && !used_old[i]
            && !used_new[*j]
            && pairs.free(i, *j)
            && f.stands_out(i, *j, f.similarity(i, *j))
        {
            pairs.link(i, *j, By::Containment);
        }
    }
    for (j, pieces) in pieces_of_new.iter().enumerate() {
        if let [i] = pieces.as_slice()
            && !used_old[*i]
            && !used_new[j]
            && pairs.free(*i, j)
            && f.stands_out(*i, j, f.similarity(*i, j))
        {
            pairs.link(*i, j, By::Containment);
        }
    }
    // Grouped provisions leave the one-to-one pairs.
    for (i, news) in &groups.splits {
        for &j in news {
            pairs.new_to_old[j] = None;
        }
        pairs.old_to_new[*i] = None;
    }
    for (j, olds) in &groups.merges {
        for &i in olds {
            pairs.old_to_new[i] = None;
        }
        pairs.new_to_old[*j] = None;
    }
    groups
}

/// Builds a group from a provision's own partner and candidate pieces. With a partner, a piece
/// joins only if it makes the group more similar to the other side: a provision that merely
/// shares boilerplate with a kept one is not merged into it.
fn grow(own: Option<usize>, pieces: &[usize], score: impl Fn(&[usize]) -> f64) -> Vec<usize> {
    let Some(own) = own else {
        return pieces.to_vec();
    };
    let mut members = vec![own];
    let mut best = score(&members);
    for &p in pieces {
        members.push(p);
        let s = score(&members);
        if s > best {
            best = s;
        } else {
            members.pop();
        }
    }
    members
}
