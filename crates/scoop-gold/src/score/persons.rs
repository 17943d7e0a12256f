//! Persons: the per-document set of real persons, matched through names and aliases.

use super::counts::{Accuracy, Prf};
use super::matching::{own_forms, pair_up};
use crate::format::{Person, PersonKind};
use serde::Serialize;
use std::collections::BTreeSet;

/// Persons, matched one-to-one by any shared name or alias.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PersonScores {
    /// Real persons (`kind == person`) only: the guide's figure.
    pub real: Prf,
    /// Persons and characters together, matched regardless of kind.
    pub with_characters: Prf,
    /// Over the `with_characters` pairs: the same kind.
    pub kind: Accuracy,
}

impl PersonScores {
    /// Adds one document's persons.
    pub fn add_doc(&mut self, gold: &[Person], system: &[Person]) {
        let real = |ps: &[Person]| -> Vec<BTreeSet<String>> { ps.iter().filter(|p| p.kind == PersonKind::Person).map(own_forms).collect() };
        let (g_real, s_real) = (real(gold), real(system));
        let pairs = pair_up(g_real.len(), s_real.len(), |g, s| shares_name(&g_real[g], &s_real[s]).then_some([]));
        self.real += Prf::from_matching(pairs.len(), g_real.len(), s_real.len());

        let g_all: Vec<_> = gold.iter().map(own_forms).collect();
        let s_all: Vec<_> = system.iter().map(own_forms).collect();
        // Among pairings of equal size, prefer pairs of the same kind.
        let pairs = pair_up(gold.len(), system.len(), |g, s| shares_name(&g_all[g], &s_all[s]).then(|| [gold[g].kind == system[s].kind]));
        self.with_characters += Prf::from_matching(pairs.len(), gold.len(), system.len());
        for (g, s) in pairs {
            self.kind.record(gold[g].kind == system[s].kind);
        }
    }
}

/// Any name or alias in common; a person with no usable name matches no one.
fn shares_name(a: &BTreeSet<String>, b: &BTreeSet<String>) -> bool {
    !a.is_disjoint(b)
}
