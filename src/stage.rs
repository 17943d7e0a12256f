//! The one interface every stage implements, and the stages of scoop's
//! pipeline behind it.

use crate::document::{Doc, Layer};
use crate::events::{EventCues, EventModel};
use crate::ner::{EntityRecognizer, Refiner, UserLexicon};
use crate::persons::PersonGrouper;
use crate::roles::{RoleCues, RoleModel};
use crate::tokenize::Tokenizer;
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
pub struct Tokenize {
    tokenizer: Tokenizer,
}

impl Tokenize {
    /// The stage with its abbreviation and sentence-opener lists from `resources`.
    pub fn new(resources: &Resources) -> Result<Tokenize, ResourceError> {
        Ok(Tokenize { tokenizer: Tokenizer::new(resources)? })
    }
}

impl Stage for Tokenize {
    fn name(&self) -> &'static str {
        "normalise+tokenise"
    }

    fn run(&self, doc: &Doc) -> Layer {
        let tokens = self.tokenizer.tokenize(&doc.text, doc.body.clone());
        let sentences = self.tokenizer.split_sentences(&doc.text, &tokens);
        Layer::Tokens { tokens, sentences }
    }
}

/// Named entities: an engine's mentions, then the domain refinements, then
/// the user's lexicon, which has the last word.
pub struct Ner {
    engine: Box<dyn EntityRecognizer>,
    refiner: Refiner,
    user_lexicon: Option<UserLexicon>,
}

impl Ner {
    /// The stage around one engine, refined with the lists of `resources`
    /// and, when given, the user's lexicon (`--lexicon`).
    pub fn new(engine: Box<dyn EntityRecognizer>, resources: &Resources, user_lexicon: Option<UserLexicon>) -> Result<Ner, ResourceError> {
        Ok(Ner { engine, refiner: Refiner::with_resources(resources)?, user_lexicon })
    }
}

impl Stage for Ner {
    fn name(&self) -> &'static str {
        "NER"
    }

    fn run(&self, doc: &Doc) -> Layer {
        let mentions = self.refiner.refine(doc, self.engine.recognize(doc));
        Layer::Mentions(match &self.user_lexicon {
            Some(lexicon) => lexicon.apply(doc, mentions),
            None => mentions,
        })
    }
}

/// TIMEX3 dates, resolved against the document's creation time.
pub struct Dates {
    tagger: Tagger,
}

impl Dates {
    /// The stage with its tagger on the `dates/` lists of `resources`.
    pub fn new(resources: &Resources) -> Result<Dates, ResourceError> {
        Ok(Dates { tagger: Tagger::with_resources(resources)? })
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
pub struct Persons {
    grouper: PersonGrouper,
}

impl Persons {
    /// The stage with its name lists from `resources`.
    pub fn new(resources: &Resources) -> Result<Persons, ResourceError> {
        Ok(Persons { grouper: PersonGrouper::new(resources)? })
    }
}

impl Stage for Persons {
    fn name(&self) -> &'static str {
        "persons"
    }

    fn run(&self, doc: &Doc) -> Layer {
        Layer::Persons(self.grouper.group(doc))
    }
}

/// Roles, and which persons are characters.
pub struct Roles {
    cues: RoleCues,
    model: Option<RoleModel>,
}

impl Roles {
    /// The stage with its cue lists from `resources`, adding what `model`
    /// finds when given.
    pub fn new(resources: &Resources, model: Option<RoleModel>) -> Result<Roles, ResourceError> {
        Ok(Roles { cues: RoleCues::new(resources)?, model })
    }
}

impl Stage for Roles {
    fn name(&self) -> &'static str {
        "roles"
    }

    fn run(&self, doc: &Doc) -> Layer {
        Layer::Roles(self.cues.find_roles_with(doc, self.model.as_ref()))
    }
}

/// Events, their dates and status.
pub struct Events {
    cues: EventCues,
    model: Option<EventModel>,
}

impl Events {
    /// The stage with its cue lists from `resources`, deciding with `model`
    /// when given.
    pub fn new(resources: &Resources, model: Option<EventModel>) -> Result<Events, ResourceError> {
        Ok(Events { cues: EventCues::new(resources)?, model })
    }
}

impl Stage for Events {
    fn name(&self) -> &'static str {
        "events"
    }

    fn run(&self, doc: &Doc) -> Layer {
        Layer::Events(self.cues.find_events_with(doc, self.model.as_ref()))
    }
}
