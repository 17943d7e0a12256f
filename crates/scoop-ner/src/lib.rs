//! scoop's trainable named-entity recogniser.
//!
//! A two-stage averaged structured perceptron (first-order, Viterbi over
//! well-formed IOB2): stage 1 tags from rich local features, a gazetteer
//! and word clusters learned from the training data; stage 2 adds stage 1's
//! tags in context and across the document. Everything is trained from the
//! CoNLL-2003 data and scoop's own gold; nothing pretrained.

#![warn(missing_docs)]

mod clusters;
mod codec;
pub mod conll;
pub mod conlleval;
mod features;
mod gazetteer;
mod hash;
mod model;
mod perceptron;
pub mod tags;
mod train;

pub use clusters::ClusterOptions;
pub use conll::{parse_conll, read_conll, read_token_sentences, Document, Sentence};
pub use model::Model;
pub use tags::Tag;
pub use train::{score, train, TrainOptions};

impl Model {
    /// Tags CoNLL documents and scores them against their own tags.
    pub fn evaluate(&self, docs: &[Document]) -> conlleval::Counts {
        use rayon::prelude::*;
        let tagged: Vec<Vec<Vec<Tag>>> = docs.par_iter().map(|d| self.tag_document(&train::token_refs(d))).collect();
        score(docs, &tagged)
    }
}
