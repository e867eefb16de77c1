//! Claims as addressable records: each has a short id derived from what it says and the
//! version it is about, so that a denial or a retraction can name exactly one claim
//! (`attribute REV --denies ID`), and every view can show which is which.

use super::{Claim, Stance};

/// The short id of `claim` on version `version` (full id): 8 hex digits of a 64-bit FNV-1a
/// hash of the version id and the claim's TOML. Stable across runs and machines (unlike
/// std's hasher), and the same wherever the claim was recorded (front matter or annotation).
pub fn claim_id(version: &str, claim: &Claim) -> String {
    let text = toml::to_string(claim).unwrap_or_else(|_| format!("{claim:?}"));
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in version.bytes().chain([0]).chain(text.bytes()) {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{:08x}", hash >> 32)
}

/// A claim with the denials and retractions that answer it.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimWithDenials<'a> {
    /// The claim; an answer with no matching claim stands here on its own.
    pub claim: &'a Claim,
    /// Denials and retractions of it, in order (see [`Claim::stance`]).
    pub denials: Vec<&'a Claim>,
}

impl ClaimWithDenials<'_> {
    /// Whether a retraction withdrew the claim.
    pub fn is_retracted(&self) -> bool {
        self.denials.iter().any(|d| d.stance == Stance::Retracts)
    }
}

/// Groups the claims of version `version` so that each denial or retraction stands beside
/// the claim it answers: the one its `about` names by id, else (a denial recorded without an
/// id) the one with the same `who` and `did`, compared case-insensitively. Answers that match
/// nothing stand alone. Order is kept.
pub fn pair_denials<'a>(version: &str, claims: &'a [Claim]) -> Vec<ClaimWithDenials<'a>> {
    let key = |c: &Claim| (c.who.to_lowercase(), c.did.to_lowercase());
    let mut out: Vec<ClaimWithDenials<'a>> = Vec::new();
    let mut ids: Vec<String> = Vec::new();
    for c in claims.iter().filter(|c| c.stance == Stance::Asserts) {
        out.push(ClaimWithDenials {
            claim: c,
            denials: Vec::new(),
        });
        ids.push(claim_id(version, c));
    }
    for d in claims.iter().filter(|c| c.stance != Stance::Asserts) {
        let target = match &d.about {
            Some(id) => ids.iter().position(|i| i == id),
            None if d.stance == Stance::Denies => out
                .iter()
                .position(|g| g.claim.stance == Stance::Asserts && key(g.claim) == key(d)),
            None => None,
        };
        match target {
            Some(i) => out[i].denials.push(d),
            None => {
                out.push(ClaimWithDenials {
                    claim: d,
                    denials: Vec::new(),
                });
                ids.push(claim_id(version, d));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(who: &str, did: &str) -> Claim {
        Claim {
            who: who.into(),
            did: did.into(),
            source: Some("Outlet".into()),
            ..Claim::default()
        }
    }

    #[test]
    fn ids_are_stable_and_depend_on_the_version_and_the_claim() {
        let c = claim("A", "drafted it");
        assert_eq!(claim_id("v1", &c), claim_id("v1", &c.clone()));
        assert_eq!(claim_id("v1", &c).len(), 8);
        assert_ne!(claim_id("v1", &c), claim_id("v2", &c));
        assert_ne!(claim_id("v1", &c), claim_id("v1", &claim("A", "wrote it")));
        // Pinned: an id printed today must name the same claim tomorrow.
        assert_eq!(claim_id("v1", &c), "1318e49a");
    }

    #[test]
    fn answers_attach_by_id_then_by_who_and_did() {
        let a = claim("A", "drafted it");
        let b = claim("B", "leaked it");
        let by_id = Claim {
            stance: Stance::Denies,
            about: Some(claim_id("v", &b)),
            ..claim("B's office", "says B did not")
        };
        let by_text = Claim {
            stance: Stance::Denies,
            ..claim("a", "DRAFTED IT")
        };
        let retraction = Claim {
            stance: Stance::Retracts,
            about: Some(claim_id("v", &a)),
            ..claim("Outlet", "retracted the claim")
        };
        let stray = Claim {
            stance: Stance::Denies,
            ..claim("C", "did something else")
        };
        let claims = [a, b, by_id, by_text, retraction, stray];
        let groups = pair_denials("v", &claims);
        assert_eq!(groups.len(), 3);
        assert_eq!(groups[0].denials, [&claims[3], &claims[4]]);
        assert!(groups[0].is_retracted());
        assert_eq!(groups[1].denials, [&claims[2]]);
        assert!(!groups[1].is_retracted());
        assert_eq!(groups[2].claim, &claims[5]);
    }
}
