//! The one interface every stage implements, and the stages of scoop's
//! pipeline behind it.

use crate::document::{Doc, Layer};
use crate::events::EventCues;
use crate::ner::EntityRecognizer;
use crate::roles::RoleCues;
use scoop_lexicon::{ResourceError, Resources};
use scoop_timex::Tagger;

/// One stage of the pipeline: it reads the layers earlier stages stored in
/// the document and returns its own, which the pipeline stores. A stage never
/// changes another stage's layer. Stages are built once and shared by
/// reference across the worker threads.
pub trait Stage: Send + Sync {
    /// The name `scoop extract --profile` reports its time under.
    fn name(&self) -> &'static str;
    /// This stage's layer of `doc`.
    fn run(&self, doc: &Doc) -> Layer;
}

/// Words and sentences.
pub struct Tokenize;

impl Stage for Tokenize {
    fn name(&self) -> &'static str {
        "normalise+tokenise"
    }

    fn run(&self, doc: &Doc) -> Layer {
        let tokens = crate::tokenize::tokenize(&doc.text, doc.body.clone());
        let sentences = crate::tokenize::split_sentences(&doc.text, &tokens);
        Layer::Tokens { tokens, sentences }
    }
}

/// Named entities: an engine's mentions, then the domain refinements.
pub struct Ner {
    engine: Box<dyn EntityRecognizer>,
}

impl Ner {
    /// The stage around one engine.
    pub fn new(engine: Box<dyn EntityRecognizer>) -> Ner {
        Ner { engine }
    }
}

impl Stage for Ner {
    fn name(&self) -> &'static str {
        "NER"
    }

    fn run(&self, doc: &Doc) -> Layer {
        Layer::Mentions(crate::ner::refine::refine(doc, self.engine.recognize(doc)))
    }
}

/// TIMEX3 dates, resolved against the document's creation time.
pub struct Dates {
    tagger: Tagger,
}

impl Dates {
    /// The stage with its tagger.
    pub fn new(tagger: Tagger) -> Dates {
        Dates { tagger }
    }
}

impl Stage for Dates {
    fn name(&self) -> &'static str {
        "dates"
    }

    fn run(&self, doc: &Doc) -> Layer {
        Layer::Dates(self.tagger.tag(&doc.text, doc.body.clone(), doc.dct.as_ref().map(|d| d.parsed)))
    }
}

/// PER mentions grouped into individuals.
pub struct Persons;

impl Stage for Persons {
    fn name(&self) -> &'static str {
        "persons"
    }

    fn run(&self, doc: &Doc) -> Layer {
        Layer::Persons(crate::persons::group_persons(doc))
    }
}

/// Roles, and which persons are characters.
pub struct Roles {
    cues: RoleCues,
}

impl Roles {
    /// The stage with its cue lists from `resources`.
    pub fn new(resources: &Resources) -> Result<Roles, ResourceError> {
        Ok(Roles { cues: RoleCues::new(resources)? })
    }
}

impl Stage for Roles {
    fn name(&self) -> &'static str {
        "roles"
    }

    fn run(&self, doc: &Doc) -> Layer {
        Layer::Roles(self.cues.find_roles(doc))
    }
}

/// Events, their dates and status.
pub struct Events {
    cues: EventCues,
}

impl Events {
    /// The stage with its cue lists from `resources`.
    pub fn new(resources: &Resources) -> Result<Events, ResourceError> {
        Ok(Events { cues: EventCues::new(resources)? })
    }
}

impl Stage for Events {
    fn name(&self) -> &'static str {
        "events"
    }

    fn run(&self, doc: &Doc) -> Layer {
        Layer::Events(self.cues.find_events(doc))
    }
}
