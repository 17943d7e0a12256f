//! The roles model: what each real person of a document does, where the
//! cue lists say nothing, learned from the gold.
//!
//! Crew credits come in more phrasings than lists written from a few dozen
//! articles hold (`showrunner`, `executive producer`, `the manga by`,
//! `penned`). A classifier per role kind reads everything the document
//! writes around one person — the words next to each of their mentions and
//! in a window around it (names and dates standing as `<per>`, `<date>` …),
//! what the cue lists gave them — and adds the role when it says yes. What
//! the lists find stands; an actor role with a character comes only from them.

use crate::document::{Doc, Span};
use crate::features::{balanced, sentence_words};
use crate::persons::name_key;
use crate::records::{RoleLayer, RoleRecord};
use scoop_gold::{DocRecords, PersonKind, RoleKind};
use scoop_learn::{train, Classifier, Example, Features, Margins, ModelSet, TrainOptions};

/// A classifier's classes: the person does not have the role, or does.
const YES_NO: [&str; 2] = ["no", "yes"];

/// Words this far on either side of a mention are its window.
const WINDOW: usize = 8;

/// The roles stage's classifiers: one per role kind, in `RoleKind::ALL` order.
pub struct RoleModel {
    kinds: Vec<Classifier>,
    /// The classifiers read together.
    margins: Margins,
}

fn model_name(kind: RoleKind) -> String {
    format!("roles.kind.{}", kind.as_str())
}

impl RoleModel {
    /// The roles classifiers of a model set, if it has them all.
    pub fn from_set(set: &ModelSet) -> Option<RoleModel> {
        let kinds = RoleKind::ALL.iter().map(|&k| set.get(&model_name(k)).cloned()).collect::<Option<Vec<_>>>()?;
        Some(RoleModel::new(kinds))
    }

    /// Puts the classifiers into a model set.
    pub fn add_to(&self, set: &mut ModelSet) {
        for (&kind, classifier) in RoleKind::ALL.iter().zip(&self.kinds) {
            set.insert(&model_name(kind), classifier.clone());
        }
    }

    /// Trains the classifiers on examples drawn from gold documents.
    pub fn train(examples: &RoleExamples) -> RoleModel {
        let options = TrainOptions::default();
        RoleModel::new(examples.kinds.iter().map(|e| train(&YES_NO, &balanced(e), options)).collect())
    }

    fn new(kinds: Vec<Classifier>) -> RoleModel {
        let margins = Margins::new(&kinds.iter().collect::<Vec<_>>());
        RoleModel { kinds, margins }
    }

    /// Adds to the cue lists' layer the roles the classifiers find of its real persons.
    pub(super) fn add_roles(&self, doc: &Doc, layer: &mut RoleLayer) {
        let work = doc.main_work();
        for (person, features) in person_features(doc, layer) {
            for (&kind, margin) in RoleKind::ALL.iter().zip(self.margins.margins(&features)) {
                if !has_role(layer, person, kind) && margin > 0.0 {
                    let evidence = first_sentence(doc, person);
                    layer.roles.push(RoleRecord { person, role: kind, character: None, work: work.clone(), evidence });
                }
            }
        }
    }
}

/// Training examples: per role kind, in `RoleKind::ALL` order, one per real
/// person the cue lists do not give that role.
#[derive(Default)]
pub struct RoleExamples {
    kinds: Vec<Vec<Example>>,
}

impl RoleExamples {
    /// Adds the examples of one document, analysed by the cue lists, and its gold records.
    pub fn add_document(&mut self, doc: &Doc, gold: &DocRecords) {
        if self.kinds.is_empty() {
            self.kinds = vec![Vec::new(); RoleKind::ALL.len()];
        }
        let layer = RoleLayer { roles: doc.roles.clone(), kinds: doc.person_kinds.clone() };
        for (person, features) in person_features(doc, &layer) {
            let p = &doc.persons[person];
            let forms: Vec<String> = std::iter::once(&p.name).chain(&p.aliases).map(|n| name_key(n)).collect();
            for (k, &kind) in RoleKind::ALL.iter().enumerate() {
                if !has_role(&layer, person, kind) {
                    let has = gold.roles.iter().any(|r| r.role == kind && forms.contains(&name_key(&r.person)));
                    self.kinds[k].push(Example { features: features.clone(), class: usize::from(has) });
                }
            }
        }
    }
}

fn has_role(layer: &RoleLayer, person: usize, kind: RoleKind) -> bool {
    layer.roles.iter().any(|r| r.person == person && r.role == kind)
}

/// The sentence of a person's first mention.
fn first_sentence(doc: &Doc, person: usize) -> Span {
    let first = doc.persons[person].mentions.first().map(|&m| doc.mentions[m].span.start);
    first.and_then(|at| doc.sentence_at(at)).map_or(Span::new(0, 0), |s| s.span)
}

/// Each real person's features: the words beside and around each of their
/// mentions, the roles the cue lists gave them, how often they are named.
fn person_features(doc: &Doc, layer: &RoleLayer) -> Vec<(usize, Features)> {
    let mut features: Vec<Option<Features>> = vec![None; doc.persons.len()];
    let person_of = doc.person_of_mentions();
    for sentence in &doc.sentences {
        let in_sentence = doc.mentions_within(sentence.span);
        let people: Vec<(usize, usize)> = in_sentence
            .iter()
            .filter_map(|&m| person_of[m].map(|p| (m, p)))
            .filter(|&(_, p)| layer.kinds.get(p) == Some(&PersonKind::Person))
            .collect();
        if people.is_empty() {
            continue;
        }
        let words = sentence_words(doc, sentence, &in_sentence);
        for (m, p) in people {
            let f = features[p].get_or_insert_with(Features::new);
            let at = words.iter().position(|(_, s)| *s == doc.mentions[m].span).unwrap_or(0);
            for k in 1..=3 {
                f.add_pair(["b1", "b2", "b3"][k - 1], at.checked_sub(k).map_or("<s>", |i| words[i].0.as_str()));
                f.add_pair(["a1", "a2", "a3"][k - 1], words.get(at + k).map_or("</s>", |(w, _)| w.as_str()));
            }
            for (word, _) in &words[at.saturating_sub(WINDOW)..at] {
                f.add_pair("near-before", word);
            }
            for (word, _) in words.iter().skip(at + 1).take(WINDOW) {
                f.add_pair("near-after", word);
            }
        }
    }
    features
        .into_iter()
        .enumerate()
        .filter_map(|(p, f)| f.map(|f| (p, f)))
        .map(|(p, mut f)| {
            f.add("bias");
            let mentions = doc.persons[p].mentions.len();
            f.add_pair("mentions", ["0", "1", "2", "3+"][mentions.min(3)]);
            for role in layer.roles.iter().filter(|r| r.person == p) {
                f.add_pair("cue-role", if role.character.is_some() { "actor-with-character" } else { role.role.as_str() });
            }
            if !layer.roles.iter().any(|r| r.person == p) {
                f.add("no-cue-role");
            }
            (p, f)
        })
        .collect()
}
