//! Mentions: strict span+label, and the per-document set of (folded text, label).

use super::counts::Prf;
use crate::format::{fold_name, Label, Mention};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// Mentions: strict span-and-label figures and the lenient set figures,
/// overall and per label.
#[derive(Debug, Clone, Default, Serialize)]
pub struct MentionScores {
    /// Same start, end and label; set-based in documents whose gold lacks spans.
    pub strict: Prf,
    /// `strict` per label, every label listed.
    pub strict_by_label: BTreeMap<Label, Prf>,
    /// Per-document set of (folded text, label): the lenient figure.
    pub set: Prf,
    /// `set` per label, every label listed.
    pub set_by_label: BTreeMap<Label, Prf>,
    /// Documents whose gold mentions lack spans, so `strict` used the set there.
    pub docs_without_gold_spans: usize,
}

impl MentionScores {
    /// No document yet: zero counts, every label listed.
    pub fn new() -> Self {
        let zeros = || Label::ALL.iter().map(|&l| (l, Prf::default())).collect();
        MentionScores { strict_by_label: zeros(), set_by_label: zeros(), ..Default::default() }
    }

    /// Adds one document's mentions.
    pub fn add_doc(&mut self, gold: &[Mention], system: &[Mention]) {
        let set_counts = by_label(&set_keys(gold), &set_keys(system));
        let strict_counts = if gold.iter().all(has_span) {
            by_label(&span_keys(gold), &span_keys(system))
        } else {
            self.docs_without_gold_spans += 1;
            set_counts.clone()
        };
        add_all(&mut self.strict, &mut self.strict_by_label, strict_counts);
        add_all(&mut self.set, &mut self.set_by_label, set_counts);
    }
}

/// The guide's "where gold has spans": a mention written without one (0, 0) has an empty span.
fn has_span(m: &Mention) -> bool {
    m.end > m.start
}

/// Every record counts: a duplicated mention is one more false positive.
fn span_keys(mentions: &[Mention]) -> BTreeMap<(Label, (usize, usize)), usize> {
    let mut keys = BTreeMap::new();
    for m in mentions {
        *keys.entry((m.label, (m.start, m.end))).or_insert(0) += 1;
    }
    keys
}

fn set_keys(mentions: &[Mention]) -> BTreeMap<(Label, String), usize> {
    let set: BTreeSet<(Label, String)> = mentions.iter().map(|m| (m.label, fold_name(&m.text))).collect();
    set.into_iter().map(|k| (k, 1)).collect()
}

/// Multiset intersection of keys that begin with their label, counted per label.
fn by_label<K: Ord>(gold: &BTreeMap<(Label, K), usize>, system: &BTreeMap<(Label, K), usize>) -> BTreeMap<Label, Prf> {
    let mut counts: BTreeMap<Label, Prf> = BTreeMap::new();
    for (key, &g) in gold {
        let tp = g.min(system.get(key).copied().unwrap_or(0));
        *counts.entry(key.0).or_default() += Prf { tp, fp: 0, fn_: g - tp };
    }
    for (key, &s) in system {
        let tp = s.min(gold.get(key).copied().unwrap_or(0));
        *counts.entry(key.0).or_default() += Prf { tp: 0, fp: s - tp, fn_: 0 };
    }
    counts
}

fn add_all(total: &mut Prf, by_label: &mut BTreeMap<Label, Prf>, counts: BTreeMap<Label, Prf>) {
    for (label, prf) in counts {
        *total += prf;
        *by_label.entry(label).or_default() += prf;
    }
}
