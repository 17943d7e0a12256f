//! The events model: which event types a sentence states that its cue
//! lists miss, learned from the gold.
//!
//! The cue lists were written while reading a few dozen articles; on new
//! text they miss events stated in words they do not hold. A classifier per
//! event type reads the sentences the lists find nothing of that type in —
//! their words (names and dates standing as `<per>`, `<date>`, …) and word
//! pairs, what the lists found of other types, the sentence's names and
//! dates — and adds the events they state. What a cue list finds stands:
//! under cross-validation no classifier vetoing the lists, and no learned
//! status, did better than the lists (docs/records.md gives the figures).
//! One more classifier drops, from a casting, exit or award, a person of the
//! sentence it is sure the event is not about.

use super::{is_after_dct, EventCues, SentenceReading};
use crate::document::{Doc, Span};
use crate::features::{balanced, sentence_words};
use crate::persons::name_key;
use crate::tokenize::Sentence;
use scoop_gold::{DocRecords, EventType, PersonKind};
use scoop_learn::{train, Classifier, Example, Features, Margins, ModelSet, TrainOptions};
use scoop_timex::TimexType;

/// A type classifier's classes: the sentence does not state it, or does.
const YES_NO: [&str; 2] = ["no", "yes"];

/// The events stage's classifiers: one per type, in `EventType::ALL`
/// order, and one that tells which persons of a sentence a casting, exit or
/// award is about.
pub struct EventModel {
    types: Vec<Classifier>,
    /// The type classifiers read together.
    type_margins: Margins,
    persons: Classifier,
}

const PERSONS_MODEL: &str = "events.persons";

/// How much surer than not the persons classifier must be to drop a person
/// the cue lists name: at no margin it dropped as many cast persons as
/// bystanders (5-fold, gold mentions: casting F1 0.769 at 0, 0.799 at 20,
/// 0.786 with no classifier).
const PERSON_VETO_MARGIN: f32 = 20.0;

fn model_name(event_type: EventType) -> String {
    format!("events.type.{}", event_type.as_str())
}

impl EventModel {
    /// The events classifiers of a model set, if it has them all.
    pub fn from_set(set: &ModelSet) -> Option<EventModel> {
        let types = EventType::ALL.iter().map(|&t| set.get(&model_name(t)).cloned()).collect::<Option<Vec<_>>>()?;
        Some(EventModel::new(types, set.get(PERSONS_MODEL)?.clone()))
    }

    /// Puts the classifiers into a model set.
    pub fn add_to(&self, set: &mut ModelSet) {
        for (&event_type, classifier) in EventType::ALL.iter().zip(&self.types) {
            set.insert(&model_name(event_type), classifier.clone());
        }
        set.insert(PERSONS_MODEL, self.persons.clone());
    }

    /// Trains the classifiers on examples drawn from gold documents.
    pub fn train(examples: &EventExamples) -> EventModel {
        let options = TrainOptions::default();
        let types = examples.types.iter().map(|e| train(&YES_NO, &balanced(e), options)).collect();
        EventModel::new(types, train(&YES_NO, &examples.persons, options))
    }

    fn new(types: Vec<Classifier>, persons: Classifier) -> EventModel {
        let type_margins = Margins::new(&types.iter().collect::<Vec<_>>());
        EventModel { types, type_margins, persons }
    }

    /// Whether the person named (mention, person) may be the one an event of
    /// the sentence (a casting, exit or award) is about: the classifier
    /// drops only those it is sure are not (a director quoted, a co-star
    /// named in passing).
    pub(super) fn is_about(
        &self,
        doc: &Doc,
        words: &[(String, Span)],
        event_type: EventType,
        trigger: Span,
        named: (usize, usize),
    ) -> bool {
        let scores = self.persons.scores(&person_features(doc, words, event_type, trigger, named));
        scores[0] - scores[1] <= PERSON_VETO_MARGIN
    }

    /// The event types a sentence states that its cue lists did not find,
    /// each with the word that weighs most for it as its trigger.
    pub(super) fn added_types(
        &self,
        doc: &Doc,
        sentence: &Sentence,
        words: &[(String, Span)],
        reading: &SentenceReading,
    ) -> Vec<(EventType, Span)> {
        let features = sentence_features(doc, sentence.span, words, reading);
        let margins = self.type_margins.margins(&features);
        EventType::ALL
            .iter()
            .zip(&self.types)
            .zip(margins)
            .filter(|((&event_type, _), margin)| *margin > 0.0 && reading.trigger_of(event_type, sentence.span).is_none())
            .map(|((&event_type, classifier), _)| (event_type, strongest_word(classifier, words, sentence.span)))
            .collect()
    }
}

/// Training examples for the events classifiers: per type, in
/// `EventType::ALL` order, one per sentence whose cue lists find no event
/// of the type.
/// And for the persons classifier, one per (sentence, person type its cue
/// lists find, real person named).
#[derive(Default)]
pub struct EventExamples {
    types: Vec<Vec<Example>>,
    persons: Vec<Example>,
}

impl EventExamples {
    /// Adds the examples of one document, analysed up to the roles stage,
    /// and its gold records.
    pub fn add_document(&mut self, cues: &EventCues, doc: &Doc, gold: &DocRecords) {
        if self.types.is_empty() {
            self.types = vec![Vec::new(); EventType::ALL.len()];
        }
        let person_of = doc.person_of_mentions();
        let evidence: Vec<(EventType, Span)> =
            gold.events.iter().map(|e| (e.event_type, doc.span_of_chars(e.evidence.start, e.evidence.end))).collect();
        for sentence in &doc.sentences {
            let in_sentence = doc.mentions_within(sentence.span);
            let reading = cues.read_sentence(doc, sentence.span, &in_sentence);
            let words = sentence_words(doc, sentence, &in_sentence);
            let features = sentence_features(doc, sentence.span, &words, &reading);
            for &(event_type, _) in reading.detections.iter().filter(|(t, _)| t.is_about_person()) {
                let Some(trigger) = reading.trigger_of(event_type, sentence.span) else { continue };
                for &m in &in_sentence {
                    let Some(p) = person_of[m].filter(|&p| doc.person_kind(p) == PersonKind::Person) else { continue };
                    let forms: Vec<String> =
                        std::iter::once(&doc.persons[p].name).chain(&doc.persons[p].aliases).map(|n| name_key(n)).collect();
                    let about = gold
                        .events
                        .iter()
                        .any(|e| e.event_type == event_type && e.person.as_ref().is_some_and(|n| forms.contains(&name_key(n))));
                    self.persons
                        .push(Example { features: person_features(doc, &words, event_type, trigger, (m, p)), class: usize::from(about) });
                }
            }
            for (t, &event_type) in EventType::ALL.iter().enumerate() {
                if reading.trigger_of(event_type, sentence.span).is_none() {
                    let stated = evidence.iter().any(|&(e, span)| e == event_type && states(sentence.span, span));
                    self.types[t].push(Example { features: features.clone(), class: usize::from(stated) });
                }
            }
        }
    }
}

/// The gold evidence span is this sentence: they overlap by at least half
/// of the shorter (sentence splits differ a little).
fn states(sentence: Span, evidence: Span) -> bool {
    let overlap = sentence.end.min(evidence.end).saturating_sub(sentence.start.max(evidence.start));
    let shorter = (sentence.end - sentence.start).min(evidence.end - evidence.start);
    overlap > 0 && 2 * overlap >= shorter
}

/// What the type classifiers see: the words and word pairs, what the cue
/// lists found, and the sentence's names and dates.
fn sentence_features(doc: &Doc, sentence: Span, words: &[(String, Span)], reading: &SentenceReading) -> Features {
    let mut f = Features::new();
    f.add("bias");
    add_words(&mut f, words);
    for (event_type, _) in &reading.detections {
        f.add_pair("cue", event_type.as_str());
    }
    f.add_pair("cue-status", reading.status.as_str());
    if reading.season.is_some() {
        f.add("season");
    }
    let persons = words.iter().filter(|(w, _)| w == "<per>").count();
    f.add_pair("persons", ["0", "1", "2", "3+"][persons.min(3)]);
    let dates: Vec<usize> =
        doc.dates_within(sentence).filter(|&d| matches!(doc.dates[d].timex_type, TimexType::Date | TimexType::Time)).collect();
    if dates.iter().any(|&d| is_after_dct(doc, d)) {
        f.add("future-date");
    }
    if doc.sentences.first().is_some_and(|s| s.span == sentence) {
        f.add("headline");
    }
    f
}

fn add_words(f: &mut Features, words: &[(String, Span)]) {
    for (i, (word, _)) in words.iter().enumerate() {
        f.add_pair("w", word);
        if let Some((next, _)) = words.get(i + 1) {
            f.add_pair_of_words("ww", word, next);
        }
    }
}

/// What the persons classifier sees: the event type, the words around the
/// name and whether it comes before or after the trigger, and what the
/// roles stage says the person does in the document.
fn person_features(doc: &Doc, words: &[(String, Span)], event_type: EventType, trigger: Span, (m, person): (usize, usize)) -> Features {
    let mut f = Features::new();
    let t = event_type.as_str();
    f.add("bias");
    f.add_pair("type", t);
    let span = doc.mentions[m].span;
    let at = words.iter().position(|(_, s)| *s == span).unwrap_or(0);
    for k in 1..=3 {
        let before = at.checked_sub(k).map_or("<s>", |i| words[i].0.as_str());
        let after = words.get(at + k).map_or("</s>", |(w, _)| w.as_str());
        f.add_pair(BEFORE[k - 1], before);
        f.add_pair(AFTER[k - 1], after);
    }
    let side = if span.end <= trigger.start { "before" } else { "after" };
    let gap = words
        .iter()
        .filter(|(_, s)| (s.start >= span.end && s.end <= trigger.start) || (s.start >= trigger.end && s.end <= span.start))
        .count();
    f.add_pair_of_words("side", t, side);
    f.add_pair("gap", &format!("{side} {}", [0, 1, 2, 3, 5, 8, 13].iter().rposition(|&g| gap >= g).unwrap_or(0)));
    let persons = words.iter().filter(|(w, _)| w == "<per>").count();
    f.add_pair("persons", ["0", "1", "2", "3+"][persons.min(3)]);
    for role in doc.roles.iter().filter(|r| r.person == person) {
        f.add_pair("role", if role.character.is_some() { "actor-with-character" } else { role.role.as_str() });
        f.add_pair_of_words("type+role", t, role.role.as_str());
    }
    f
}

/// The features of the words before and after a name, by distance.
const BEFORE: [&str; 3] = ["b1", "b2", "b3"];
const AFTER: [&str; 3] = ["a1", "a2", "a3"];

/// The sentence's word the type classifier weighs most: the trigger of an
/// event no cue list found.
fn strongest_word(classifier: &Classifier, words: &[(String, Span)], sentence: Span) -> Span {
    let weight = |word: &str| {
        let mut f = Features::new();
        f.add_pair("w", word);
        let scores = classifier.scores(&f);
        scores[1] - scores[0]
    };
    let mut best: Option<(f32, Span)> = None;
    for (word, span) in words {
        let w = weight(word);
        if !best.is_some_and(|(b, _)| w <= b) {
            best = Some((w, *span));
        }
    }
    best.map_or(Span::new(sentence.start as usize, sentence.start as usize), |(_, span)| span)
}
