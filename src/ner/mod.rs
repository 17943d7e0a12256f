//! Named-entity recognition: the stage interface and its engines.

#[cfg(feature = "bert")]
mod bert;
pub mod commands;
pub mod domain;
mod model;
pub mod refine;
mod rules;

#[cfg(feature = "bert")]
pub use bert::{BertRecognizer, Window};
pub use model::ModelRecognizer;
pub use rules::RuleRecognizer;

use crate::document::{Doc, EntityMention};

/// A named-entity engine. Implementations are shared across threads.
pub trait EntityRecognizer: Send + Sync {
    /// Finds the mentions of a tokenised document, sorted by start, non-overlapping.
    fn recognize(&self, doc: &Doc) -> Vec<EntityMention>;
}
