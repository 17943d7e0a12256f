//! Records the person, role and event stages produce, tied to the text by
//! spans; writers turn them into the guide's shape and the CSV rows.

use crate::span::Span;
use scoop_gold::{EventType, PersonKind, RoleKind, Status};

/// One individual of a document: its PER mentions grouped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonCluster {
    /// The fullest form written in the document.
    pub name: String,
    /// Every other form used for the same person, in order of first use.
    pub aliases: Vec<String>,
    /// Person or character, as the name alone says (the roles stage may decide otherwise: `Doc::person_kind`).
    pub kind: PersonKind,
    /// Indices into the document's mentions.
    pub mentions: Vec<usize>,
}

/// The roles stage's layer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RoleLayer {
    /// Who does what on which work.
    pub roles: Vec<RoleRecord>,
    /// Each person's kind, by index into the document's persons: the
    /// persons stage's, but a character where the roles show one.
    pub kinds: Vec<PersonKind>,
}

/// Who does what on which work.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleRecord {
    /// Index into the document's persons.
    pub person: usize,
    /// What they do.
    pub role: RoleKind,
    /// For actors: index of the character's person cluster.
    pub character: Option<usize>,
    /// The title, as written: the sentence's, else the document's main one.
    pub work: Option<String>,
    /// The sentence that states it.
    pub evidence: Span,
}

/// Something that happens to a work or a person, at a time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventRecord {
    /// What happens.
    pub event_type: EventType,
    /// The title, as written: the sentence's, else the document's main one.
    pub work: Option<String>,
    /// The season named in the sentence.
    pub season: Option<u32>,
    /// Index into the document's persons (casting, cast_exit, award).
    pub person: Option<usize>,
    /// Index into the document's dates: the anchoring date.
    pub date: Option<usize>,
    /// Where filming or a script reading takes place.
    pub location: Option<String>,
    /// How sure the article is of it.
    pub status: Status,
    /// The sentence that states it.
    pub evidence: Span,
    /// The word or phrase that signals the event.
    pub trigger: Span,
}
