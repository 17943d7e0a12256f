//! The statistical recogniser: runs the trained `scoop_ner` model over a
//! document's sentences and turns its IOB2 tags into mentions.

use super::EntityRecognizer;
use crate::document::{Doc, EntityMention, Span};
use anyhow::Result;
use scoop_gold::Label;
use scoop_ner::{tags, Model};
use std::path::Path;

/// The shipped model, built into the binary so `scoop extract` needs no path.
const SHIPPED: &[u8] = include_bytes!("../../models/ner.bin");

pub struct ModelRecognizer {
    model: Model,
}

impl ModelRecognizer {
    pub fn new(model: Model) -> ModelRecognizer {
        ModelRecognizer { model }
    }

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

fn label(entity_type: &str) -> Option<Label> {
    Label::ALL.into_iter().find(|l| l.as_str() == entity_type)
}

impl EntityRecognizer for ModelRecognizer {
    fn recognize(&self, doc: &Doc) -> Vec<EntityMention> {
        let sentences: Vec<Vec<&str>> =
            doc.sentences.iter().map(|s| doc.tokens[s.tokens.clone()].iter().map(|t| doc.slice(t.span)).collect()).collect();
        let tagged = self.model.tag_document(&sentences);
        let mut mentions = Vec::new();
        for (sentence, tags) in doc.sentences.iter().zip(&tagged) {
            let tokens = &doc.tokens[sentence.tokens.clone()];
            for (start, end, ty) in tags::spans(tags) {
                if let Some(label) = label(tags::TYPES[ty]) {
                    mentions.push(EntityMention { span: Span { start: tokens[start].span.start, end: tokens[end - 1].span.end }, label });
                }
            }
        }
        mentions
    }
}
