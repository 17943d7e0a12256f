//! One label per name within a document: a given name after its full name
//! is a person, a name the engine labelled several ways takes its most
//! frequent label, and the domain lexicons' names keep their label.

use super::Layer;
use scoop_gold::Label;
use std::collections::{BTreeMap, HashMap, HashSet};

impl Layer<'_> {
    /// One label per name: a mention whose words are a person's full name or
    /// a Korean person's given name is a person; otherwise a name labelled
    /// several ways takes its most frequent label (ties keep the engine's).
    pub(super) fn unify_labels(&mut self) {
        let mut person_names: HashSet<&str> = HashSet::new();
        // Ordered maps: ties between labels break the same way in every run.
        let mut counts: HashMap<&str, BTreeMap<Label, usize>> = HashMap::new();
        for m in &self.mentions {
            let text = self.doc.slice(m.span);
            *counts.entry(text).or_default().entry(m.label).or_default() += 1;
            if m.label == Label::PER {
                person_names.insert(text);
                if let Some((surname, given)) = text.split_once(' ') {
                    if self.lex.is_korean_surname(surname) && given.contains('-') {
                        person_names.insert(given);
                    }
                }
            }
        }
        let doc = self.doc;
        for m in &mut self.mentions {
            let text = doc.slice(m.span);
            if m.label == Label::WORK {
                continue;
            }
            if person_names.contains(text) {
                m.label = Label::PER;
                continue;
            }
            let labels = &counts[text];
            let best = labels.iter().max_by_key(|(label, n)| (**n, **label == m.label)).map(|(label, _)| *label);
            if let Some(best) = best.filter(|b| *b != Label::WORK && labels[b] > labels[&m.label]) {
                m.label = best;
            }
        }
    }

    /// A name in the domain lexicons (`Deadline`, `Prime Video`, `Seoul`) or
    /// a Korean place by its suffix (`Goyang-si`, `Gyeonggi-do`) keeps that
    /// label wherever the engine found it, and no person's name ends in a
    /// company's or a place's word (`Namoo Actors`, `Yongduri Village`); no
    /// mention is added. A romanised Korean given name alone (`Cheong-san`,
    /// `Nam-ra`) is a person, whatever the engine said.
    pub(super) fn apply_lexicons(&mut self) {
        let (doc, lex) = (self.doc, self.lex);
        for m in &mut self.mentions {
            let text = doc.slice(m.span);
            let korean_place = !text.contains(' ') && lex.names.is_korean_place(text);
            if !korean_place && lex.names.is_given_name(text) {
                m.label = Label::PER;
            } else if lex.organisations.contains(text) {
                m.label = Label::ORG;
            } else if lex.places.contains(text) || korean_place {
                m.label = Label::LOC;
            } else if lex.misc_names.contains(text) {
                m.label = Label::MISC;
            } else if let Some((_, last)) = text.rsplit_once(' ').filter(|_| m.label == Label::PER) {
                if lex.organisation_final_words.contains(last) {
                    m.label = Label::ORG;
                } else if lex.place_final_words.contains(last) {
                    m.label = Label::LOC;
                }
            }
        }
    }
}
