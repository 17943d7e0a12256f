//! Named-entity recognition: the stage interface and its engines.

#[cfg(feature = "bert")]
mod bert;
pub mod commands;
pub mod domain;
mod lexicons;
mod model;
pub mod refine;
mod rules;
pub mod user_lexicon;

#[cfg(feature = "bert")]
pub use bert::{BertRecognizer, Window};
pub use model::ModelRecognizer;
pub use refine::Refiner;
pub use rules::RuleRecognizer;
pub use user_lexicon::{LexiconError, UserLexicon};

use crate::document::{Doc, EntityMention, Span};
use scoop_gold::Label;
use scoop_ner::{tags, Tag};

/// A named-entity engine. Implementations are shared across threads.
pub trait EntityRecognizer: Send + Sync {
    /// Finds the mentions of a tokenised document, sorted by start, non-overlapping.
    fn recognize(&self, doc: &Doc) -> Vec<EntityMention>;
}

/// The guide's label of a `scoop_ner` entity type (all five have one).
fn label_of_type(type_index: usize) -> Option<Label> {
    Label::ALL.into_iter().find(|l| l.as_str() == tags::TYPES[type_index])
}

/// The mentions of one sentence's IOB tags (IOB1 or IOB2: a stray `I-X`
/// opens a mention, as conlleval reads it), one tag per token of `tokens`.
fn sentence_mentions(doc: &Doc, tokens: std::ops::Range<usize>, tags: &[Tag], out: &mut Vec<EntityMention>) {
    let tokens = &doc.tokens[tokens];
    for (start, end, ty) in tags::spans(tags) {
        if let Some(label) = label_of_type(ty) {
            out.push(EntityMention { span: Span { start: tokens[start].span.start, end: tokens[end - 1].span.end }, label });
        }
    }
}

/// A tokenised document of `text`, for the engines' tests.
#[cfg(test)]
fn test_doc(text: &str) -> Doc {
    let mut doc = Doc::new("t.txt".into(), text.into(), None);
    doc.tokens = crate::tokenize::tokenize(&doc.text, doc.body.clone());
    doc.sentences = crate::tokenize::split_sentences(&doc.text, &doc.tokens);
    doc
}
