//! The statistical recogniser: runs the trained `scoop_ner` model over a
//! document's sentences and turns its IOB2 tags into mentions.

use super::{sentence_mentions, EntityRecognizer};
use crate::document::{Doc, EntityMention};
use anyhow::Result;
use scoop_ner::Model;
use std::path::Path;

/// The shipped model, built into the binary so `scoop extract` needs no path.
const SHIPPED: &[u8] = include_bytes!("../../models/ner.bin");

/// The engine of a trained `scoop_ner` model.
pub struct ModelRecognizer {
    model: Model,
}

impl ModelRecognizer {
    /// The engine of a model already loaded.
    pub fn new(model: Model) -> ModelRecognizer {
        ModelRecognizer { model }
    }

    /// The engine of the model file at `path` (`scoop train ner` writes one).
    pub fn load(path: &Path) -> Result<ModelRecognizer> {
        Ok(ModelRecognizer::new(Model::load(path)?))
    }

    /// The model in `models/ner.bin` as of the build.
    pub fn shipped() -> Result<ModelRecognizer> {
        Ok(ModelRecognizer::new(shipped_model()?))
    }
}

pub(super) fn shipped_model() -> Result<Model> {
    Model::from_bytes(SHIPPED)
}

impl EntityRecognizer for ModelRecognizer {
    fn recognize(&self, doc: &Doc) -> Vec<EntityMention> {
        let sentences: Vec<Vec<&str>> =
            doc.sentences.iter().map(|s| doc.tokens[s.tokens.clone()].iter().map(|t| doc.slice(t.span)).collect()).collect();
        let tagged = self.model.tag_document(&sentences);
        let mut mentions = Vec::new();
        for (sentence, tags) in doc.sentences.iter().zip(&tagged) {
            sentence_mentions(doc, sentence.tokens.clone(), tags, &mut mentions);
        }
        mentions
    }
}
