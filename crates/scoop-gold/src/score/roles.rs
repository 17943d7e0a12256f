//! Roles: the per-document set of (person, role, character); the work is scored apart.

use super::counts::{Accuracy, Prf};
use super::matching::{fold_opt, name_forms, pair_up, same_name, unpaired};
use crate::format::{DocRecords, RoleKind};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// Roles: the per-document set of (person, role, character), with work
/// agreement over the matched keys.
#[derive(Debug, Clone, Default, Serialize)]
pub struct RoleScores {
    /// Every role kind together.
    pub overall: Prf,
    /// Per role kind, every kind listed.
    pub by_role: BTreeMap<RoleKind, Prf>,
    /// Over matched keys: the same set of works (folded; a key seen with
    /// several works, e.g. one actor in two shows, carries them all).
    pub work: Accuracy,
}

/// The key of one element of a document's role set: what, who (all forms of
/// the name) and as whom (all forms of the character; none when empty).
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct RoleKey {
    role: RoleKind,
    person: BTreeSet<String>,
    character: BTreeSet<String>,
}

impl RoleScores {
    /// No document yet: zero counts, every role kind listed.
    pub fn new() -> Self {
        RoleScores { by_role: RoleKind::ALL.iter().map(|&r| (r, Prf::default())).collect(), ..Default::default() }
    }

    /// Adds one document's roles.
    pub fn add_doc(&mut self, gold: &DocRecords, system: &DocRecords) {
        let (g, s) = (role_set(gold), role_set(system));
        let pairs = pair_up(g.len(), s.len(), |i, j| {
            let ((gk, gw), (sk, sw)) = (&g[i], &s[j]);
            let same_key = gk.role == sk.role && same_name(&gk.person, &sk.person) && same_name(&gk.character, &sk.character);
            same_key.then(|| [gw == sw])
        });
        for &(i, j) in &pairs {
            self.work.record(g[i].1 == s[j].1);
            self.count(g[i].0.role, Prf { tp: 1, fp: 0, fn_: 0 });
        }
        let (missed, spurious) = unpaired(&pairs, g.len(), s.len());
        for i in missed {
            self.count(g[i].0.role, Prf { tp: 0, fp: 0, fn_: 1 });
        }
        for j in spurious {
            self.count(s[j].0.role, Prf { tp: 0, fp: 1, fn_: 0 });
        }
    }

    fn count(&mut self, role: RoleKind, prf: Prf) {
        self.overall += prf;
        *self.by_role.entry(role).or_default() += prf;
    }
}

/// The document's roles as a set: records with the same key collapse into one
/// that keeps all their works.
fn role_set(doc: &DocRecords) -> Vec<(RoleKey, BTreeSet<Option<String>>)> {
    let mut set: BTreeMap<RoleKey, BTreeSet<Option<String>>> = BTreeMap::new();
    for r in &doc.roles {
        let key = RoleKey { role: r.role, person: name_forms(&r.person, &doc.persons), character: name_forms(&r.character, &doc.persons) };
        set.entry(key).or_default().insert(fold_opt(Some(&r.work)));
    }
    set.into_iter().collect()
}
