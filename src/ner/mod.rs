//! Named-entity recognition: the stage interface and its engines.

mod rules;

pub use rules::RuleRecognizer;

use crate::document::{Doc, EntityMention};

/// A named-entity engine. Implementations are shared across threads.
pub trait EntityRecognizer: Send + Sync {
    /// Finds the mentions of a tokenised document, sorted by start, non-overlapping.
    fn recognize(&self, doc: &Doc) -> Vec<EntityMention>;
}
