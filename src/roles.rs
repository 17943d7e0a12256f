//! Roles: who does what on which work.
//!
//! Patterns, in the order they are tried within a sentence:
//! - `Actor (Character)`; `Character, played by Actor`;
//!   `Actor plays/portrays/as/reprises the role of Character`;
//! - crew cues before a name: `directed by`, `writer`, `webtoon by` …;
//! - cast cues in the sentence (`cast`, `stars`, `joins`, `returning` …):
//!   every other real person named there is an actor with no character.
//!
//! The work is the title named in the sentence, else the document's main title.

use crate::document::{Doc, Span};
use crate::records::RoleRecord;
use scoop_gold::{Label, PersonKind, RoleKind};

/// Text between an actor and a character that links them (`Actor … Character`).
const ACTOR_THEN_CHARACTER: &[&str] = &[" as ", "plays", "portrays", "played", "portrayed", "playing", "portraying", "role of", "character", "reprise", "reprising"];
/// Text between a character and an actor (`Character, played by Actor`).
const CHARACTER_THEN_ACTOR: &[&str] = &["played by", "portrayed by", "voiced by"];
/// Cues just before a name that give a crew role.
const CREW_CUES: &[(&str, RoleKind)] = &[
    ("directed by", RoleKind::Director),
    ("director", RoleKind::Director),
    ("helmed by", RoleKind::Director),
    ("pd", RoleKind::Director),
    ("written by", RoleKind::Writer),
    ("screenwriter", RoleKind::Writer),
    ("writer", RoleKind::Writer),
    ("penned by", RoleKind::Writer),
    ("produced by", RoleKind::Producer),
    ("producer", RoleKind::Producer),
    ("created by", RoleKind::Creator),
    ("creator", RoleKind::Creator),
    ("webtoon by", RoleKind::OriginalAuthor),
    ("novel by", RoleKind::OriginalAuthor),
    ("written and illustrated by", RoleKind::OriginalAuthor),
    ("author", RoleKind::OriginalAuthor),
];
/// Words that make a sentence about the cast.
const CAST_CUES: &[&str] = &[
    "cast", "casting", "star", "stars", "starring", "starred", "lead", "leads", "lineup", "line-up", "join",
    "joins", "joined", "joining", "return", "returns", "returning", "reprise", "reprises", "reprising", "actor",
    "actress", "actors", "ensemble", "alongside", "appear", "appears", "appearing",
];

/// Finds roles and marks the persons that are characters.
pub fn find_roles(doc: &mut Doc) {
    let person_of = mention_persons(doc);
    let main_work = main_work(doc);
    let mut roles: Vec<RoleRecord> = Vec::new();
    let mut characters: Vec<usize> = Vec::new();
    for sentence in &doc.sentences {
        let in_sentence: Vec<usize> = (0..doc.mentions.len()).filter(|&m| sentence.span.contains(doc.mentions[m].span)).collect();
        let people: Vec<usize> = in_sentence.iter().copied().filter(|&m| person_of[m].is_some()).collect();
        let work = nearest_work(doc, &in_sentence).or_else(|| main_work.clone());
        let mut assigned: Vec<usize> = Vec::new();
        for pair in people.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let (pa, pb) = (person_of[a].unwrap_or_default(), person_of[b].unwrap_or_default());
            if pa == pb {
                continue;
            }
            let between = doc.text[doc.mentions[a].span.end as usize..doc.mentions[b].span.start as usize].to_lowercase();
            let closes = doc.text[doc.mentions[b].span.end as usize..].trim_start().starts_with(')');
            let (actor, character) = if between.trim() == "(" && closes {
                (pa, pb)
            } else if between.len() < 40 && CHARACTER_THEN_ACTOR.iter().any(|c| between.contains(c)) {
                (pb, pa)
            } else if between.len() < 60 && ACTOR_THEN_CHARACTER.iter().any(|c| between.contains(c)) && !between.contains(',') {
                (pa, pb)
            } else {
                continue;
            };
            characters.push(character);
            assigned.extend([actor, character]);
            roles.push(RoleRecord { person: actor, role: RoleKind::Actor, character: Some(character), work: work.clone(), evidence: sentence.span });
        }
        for &m in &people {
            let person = person_of[m].unwrap_or_default();
            if let Some(role) = crew_cue(doc, sentence.span, doc.mentions[m].span) {
                assigned.push(person);
                roles.push(RoleRecord { person, role, character: None, work: work.clone(), evidence: sentence.span });
            }
        }
        if has_cast_cue(doc.slice(sentence.span)) {
            for &m in &people {
                let person = person_of[m].unwrap_or_default();
                if !assigned.contains(&person) && !characters.contains(&person) {
                    assigned.push(person);
                    roles.push(RoleRecord { person, role: RoleKind::Actor, character: None, work: work.clone(), evidence: sentence.span });
                }
            }
        }
    }
    for &c in &characters {
        doc.persons[c].kind = PersonKind::Character;
    }
    doc.roles = dedupe(roles, &doc.persons);
}

/// For each mention, the person it belongs to.
pub fn mention_persons(doc: &Doc) -> Vec<Option<usize>> {
    let mut of = vec![None; doc.mentions.len()];
    for (p, person) in doc.persons.iter().enumerate() {
        for &m in &person.mentions {
            of[m] = Some(p);
        }
    }
    of
}

/// The title mentioned most often (first on ties), as written.
pub fn main_work(doc: &Doc) -> Option<String> {
    let mut counts: Vec<(String, usize, usize)> = Vec::new();
    for (i, m) in doc.mentions.iter().enumerate().filter(|(_, m)| m.label == Label::WORK) {
        let title = doc.original_slice(m.span).to_string();
        match counts.iter_mut().find(|(t, _, _)| *t == title) {
            Some(entry) => entry.1 += 1,
            None => counts.push((title, 1, i)),
        }
    }
    counts.into_iter().max_by_key(|(_, n, first)| (*n, std::cmp::Reverse(*first))).map(|(t, _, _)| t)
}

/// The title named in a sentence, if any (the first one).
pub fn nearest_work(doc: &Doc, in_sentence: &[usize]) -> Option<String> {
    in_sentence.iter().find(|&&m| doc.mentions[m].label == Label::WORK).map(|&m| doc.original_slice(doc.mentions[m].span).to_string())
}

fn crew_cue(doc: &Doc, sentence: Span, name: Span) -> Option<RoleKind> {
    let before = doc.text[sentence.start as usize..name.start as usize].to_lowercase();
    let before = before.trim_end().trim_end_matches([',', ':']).trim_end();
    CREW_CUES.iter().find(|(cue, _)| before.ends_with(cue)).map(|(_, role)| *role)
}

fn has_cast_cue(sentence: &str) -> bool {
    sentence.split(|c: char| !c.is_alphanumeric() && c != '-').any(|w| CAST_CUES.contains(&w.to_lowercase().as_str()))
}

/// One role per (person, role, character, work); a characterless actor role
/// is dropped when the same person has a character on the same work.
fn dedupe(roles: Vec<RoleRecord>, persons: &[crate::records::PersonCluster]) -> Vec<RoleRecord> {
    let mut kept: Vec<RoleRecord> = Vec::new();
    for role in roles {
        // A character is never itself an actor with no character.
        if role.role == RoleKind::Actor && role.character.is_none() && persons[role.person].kind == PersonKind::Character {
            continue;
        }
        let same = |r: &RoleRecord| r.person == role.person && r.role == role.role && r.work == role.work;
        if kept.iter().any(|r| same(r) && (r.character == role.character || role.character.is_none())) {
            continue;
        }
        if role.character.is_some() {
            kept.retain(|r| !(same(r) && r.character.is_none()));
        }
        kept.push(role);
    }
    kept
}
