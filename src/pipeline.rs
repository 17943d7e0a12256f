//! The per-document pipeline: normalise → tokenise → (NER ‖ dates) →
//! persons → roles → events.

use crate::document::{CreationTime, Doc};
use crate::input::RawDoc;
use crate::ner::EntityRecognizer;
use crate::tokenize::{split_sentences, tokenize};
use scoop_timex::Tagger;

pub struct Pipeline {
    ner: Box<dyn EntityRecognizer>,
    tagger: Tagger,
    /// `--dct`: used when neither the text nor its JSON Lines row gives one.
    default_dct: Option<CreationTime>,
}

impl Pipeline {
    pub fn new(ner: Box<dyn EntityRecognizer>, default_dct: Option<CreationTime>) -> Pipeline {
        Pipeline { ner, tagger: Tagger::new(), default_dct }
    }

    /// Runs every stage on one document.
    pub fn analyze(&self, raw: RawDoc) -> Doc {
        let dct = raw.date.as_deref().and_then(CreationTime::parse).or_else(|| self.default_dct.clone());
        let mut doc = Doc::new(raw.id, raw.text, dct);
        doc.tokens = tokenize(&doc.text, doc.body.clone());
        doc.sentences = split_sentences(&doc.text, &doc.tokens);
        let (mentions, dates) = rayon::join(
            || self.ner.recognize(&doc),
            || self.tagger.tag(&doc.text, doc.body.clone(), doc.dct.as_ref().map(|d| d.parsed)),
        );
        doc.mentions = mentions;
        doc.dates = dates;
        doc.persons = crate::persons::group_persons(&doc);
        crate::roles::find_roles(&mut doc);
        crate::events::find_events(&mut doc);
        doc
    }
}
