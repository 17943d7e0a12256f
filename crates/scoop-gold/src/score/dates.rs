//! Dates: span F1 (strict and overlap), value/type/mod accuracy over overlap
//! pairs, and value F1 (TempEval-3's convention).

use super::counts::{Accuracy, Prf};
use super::matching::pair_up;
use crate::format::DateRecord;
use serde::Serialize;

/// Dates: span figures, attribute agreement over overlapping pairs, and value F1.
#[derive(Debug, Clone, Default, Serialize)]
pub struct DateScores {
    /// Same start and end, one-to-one.
    pub strict: Prf,
    /// Any shared character, one-to-one.
    pub overlap: Prf,
    /// Over overlap pairs: the same `value`.
    pub value: Accuracy,
    /// Over overlap pairs: the same `type`.
    #[serde(rename = "type")]
    pub timex_type: Accuracy,
    /// Over overlap pairs: the same `mod` (absent = absent).
    #[serde(rename = "mod")]
    pub modifier: Accuracy,
    /// A system date counts only if it overlaps a gold date with the same value, one-to-one.
    pub value_f1: Prf,
}

impl DateScores {
    /// Adds one document's dates.
    pub fn add_doc(&mut self, gold: &[DateRecord], system: &[DateRecord]) {
        let (ng, ns) = (gold.len(), system.len());
        let strict = pair_up(ng, ns, |g, s| same_span(&gold[g], &system[s]).then_some([]));
        self.strict += Prf::from_matching(strict.len(), ng, ns);

        // Among pairings of equal size, prefer value, then exact span, then type agreement.
        let overlap = pair_up(ng, ns, |g, s| {
            let (g, s) = (&gold[g], &system[s]);
            overlaps(g, s).then(|| [g.value == s.value, same_span(g, s), g.timex_type == s.timex_type])
        });
        self.overlap += Prf::from_matching(overlap.len(), ng, ns);
        for &(g, s) in &overlap {
            let (g, s) = (&gold[g], &system[s]);
            self.value.record(g.value == s.value);
            self.timex_type.record(g.timex_type == s.timex_type);
            self.modifier.record(g.modifier == s.modifier);
        }

        let valued = pair_up(ng, ns, |g, s| {
            let (g, s) = (&gold[g], &system[s]);
            (overlaps(g, s) && g.value == s.value).then_some([])
        });
        self.value_f1 += Prf::from_matching(valued.len(), ng, ns);
    }
}

fn same_span(a: &DateRecord, b: &DateRecord) -> bool {
    (a.start, a.end) == (b.start, b.end)
}

/// Spans share at least one code point (end exclusive); identical spans always overlap.
fn overlaps(a: &DateRecord, b: &DateRecord) -> bool {
    same_span(a, b) || (a.start < b.end && b.start < a.end)
}
