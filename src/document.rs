//! The document every stage reads and fills in: the text, its normal form,
//! its creation time, and the span layers (tokens, sentences, mentions,
//! dates, persons, roles, events) that the stages add.

use crate::offsets::OffsetMap;
use crate::records::{EventRecord, PersonCluster, RoleLayer, RoleRecord};
pub use crate::span::Span;
use crate::tokenize::{Sentence, Token};
use scoop_gold::{Label, PersonKind};
use scoop_timex::{Dct, Timex};
use std::ops::Range;

/// A named-entity mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EntityMention {
    /// Where it stands in the normalised text.
    pub span: Span,
    /// Its entity type.
    pub label: Label,
}

/// The document creation time as written (`YYYY-MM-DD` or `YYYY-MM`) and parsed.
#[derive(Debug, Clone)]
pub struct CreationTime {
    /// As the input wrote it.
    pub written: String,
    /// The calendar value the dates stage resolves against.
    pub parsed: Dct,
}

impl CreationTime {
    /// `YYYY-MM-DD` or `YYYY-MM`; `None` for anything else.
    pub fn parse(written: &str) -> Option<CreationTime> {
        let parsed = Dct::parse(written)?;
        Some(CreationTime { written: written.to_string(), parsed })
    }
}

/// One document and every layer the pipeline has added to it.
#[derive(Debug)]
pub struct Doc {
    /// The `doc` name of the guide: the file name, or the JSON Lines `id`.
    pub id: String,
    /// The text exactly as read.
    pub original: String,
    /// The normalised text: same code points count as `original`.
    pub text: String,
    /// Byte range of `text` after the DCT prefix: the part stages read.
    pub body: Range<usize>,
    /// The document creation time: the `date` prefix, the JSON Lines row or `--dct`.
    pub dct: Option<CreationTime>,
    /// Tokenise: words, numbers and punctuation.
    pub tokens: Vec<Token>,
    /// Tokenise: sentences over the tokens.
    pub sentences: Vec<Sentence>,
    /// NER: named-entity mentions, sorted and non-overlapping.
    pub mentions: Vec<EntityMention>,
    /// Dates: TIMEX3 expressions, sorted by start.
    pub dates: Vec<Timex>,
    /// Persons: the document's individuals, with their mentions.
    pub persons: Vec<PersonCluster>,
    /// Roles: who does what on which work.
    pub roles: Vec<RoleRecord>,
    /// Each person's kind as the roles stage decided it (a name that is
    /// played is a character); empty until that stage has run.
    pub person_kinds: Vec<PersonKind>,
    /// Events.
    pub events: Vec<EventRecord>,
    normal_offsets: OffsetMap,
    original_offsets: OffsetMap,
}

impl Doc {
    /// Builds a document from its text; a `date YYYY-MM-DD` prefix overrides `default_dct`.
    pub fn new(id: String, original: String, default_dct: Option<CreationTime>) -> Doc {
        let text = crate::normalize::normalize(&original);
        let (body_start, prefix_dct) = split_dct_prefix(&text);
        Doc {
            id,
            body: body_start..text.len(),
            dct: prefix_dct.or(default_dct),
            normal_offsets: OffsetMap::new(&text),
            original_offsets: OffsetMap::new(&original),
            original,
            text,
            tokens: Vec::new(),
            sentences: Vec::new(),
            mentions: Vec::new(),
            dates: Vec::new(),
            persons: Vec::new(),
            roles: Vec::new(),
            person_kinds: Vec::new(),
            events: Vec::new(),
        }
    }

    /// The normalised text of a span.
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.range()]
    }

    /// The original text of a span, as the guide's `text` fields want it.
    pub fn original_slice(&self, span: Span) -> &str {
        let (start, end) = self.char_span(span);
        let from = self.original_offsets.byte_at(start);
        let to = self.original_offsets.byte_at(end);
        &self.original[from..to]
    }

    /// Code-point offsets of a span, as the guide counts them.
    pub fn char_span(&self, span: Span) -> (usize, usize) {
        (self.normal_offsets.char_at(span.start as usize), self.normal_offsets.char_at(span.end as usize))
    }

    /// The byte span of a code-point span.
    pub fn span_of_chars(&self, start: usize, end: usize) -> Span {
        Span::new(self.normal_offsets.byte_at(start), self.normal_offsets.byte_at(end))
    }

    /// Indices of the mentions inside `span`, found by binary search (the
    /// mentions are sorted by span) so per-sentence lookups stay linear.
    pub fn mentions_within(&self, span: Span) -> Vec<usize> {
        debug_assert!(self.mentions.windows(2).all(|w| w[0].span <= w[1].span));
        let from = self.mentions.partition_point(|m| m.span.start < span.start);
        let to = self.mentions.partition_point(|m| m.span.start < span.end);
        (from..to).filter(|&m| span.contains(self.mentions[m].span)).collect()
    }

    /// Indices of the dates inside `span` (the dates are sorted by start).
    pub fn dates_within(&self, span: Span) -> impl Iterator<Item = usize> + '_ {
        debug_assert!(self.dates.windows(2).all(|w| w[0].start <= w[1].start));
        let from = self.dates.partition_point(|d| d.start < span.start as usize);
        let to = self.dates.partition_point(|d| d.start < span.end as usize);
        (from..to).filter(move |&d| self.dates[d].end <= span.end as usize)
    }

    /// The sentence containing a byte offset.
    pub fn sentence_at(&self, byte: u32) -> Option<&Sentence> {
        self.sentence_index_at(byte).map(|i| &self.sentences[i])
    }

    /// Stores a stage's layer.
    pub fn store(&mut self, layer: Layer) {
        match layer {
            Layer::Tokens { tokens, sentences } => {
                self.tokens = tokens;
                self.sentences = sentences;
            }
            Layer::Mentions(mentions) => self.mentions = mentions,
            Layer::Dates(dates) => self.dates = dates,
            Layer::Persons(persons) => self.persons = persons,
            Layer::Roles(RoleLayer { roles, kinds }) => {
                self.roles = roles;
                self.person_kinds = kinds;
            }
            Layer::Events(events) => self.events = events,
        }
    }

    /// A person's kind: the roles stage's decision once it has run, else
    /// what the name alone says.
    pub fn person_kind(&self, person: usize) -> PersonKind {
        self.person_kinds.get(person).copied().unwrap_or(self.persons[person].kind)
    }

    /// For each mention, the person it belongs to.
    pub fn person_of_mentions(&self) -> Vec<Option<usize>> {
        let mut of = vec![None; self.mentions.len()];
        for (p, person) in self.persons.iter().enumerate() {
            for &m in &person.mentions {
                of[m] = Some(p);
            }
        }
        of
    }

    /// The title mentioned most often (first on ties), as written: the work
    /// a sentence that names none is about.
    pub fn main_work(&self) -> Option<String> {
        let mut counts: Vec<(String, usize, usize)> = Vec::new();
        for (i, m) in self.mentions.iter().enumerate().filter(|(_, m)| m.label == Label::WORK) {
            let title = self.original_slice(m.span).to_string();
            match counts.iter_mut().find(|(t, _, _)| *t == title) {
                Some(entry) => entry.1 += 1,
                None => counts.push((title, 1, i)),
            }
        }
        counts.into_iter().max_by_key(|(_, n, first)| (*n, std::cmp::Reverse(*first))).map(|(t, _, _)| t)
    }

    /// The first title among a sentence's mentions, as written.
    pub fn sentence_work(&self, in_sentence: &[usize]) -> Option<String> {
        in_sentence
            .iter()
            .find(|&&m| self.mentions[m].label == Label::WORK)
            .map(|&m| self.original_slice(self.mentions[m].span).to_string())
    }

    /// The index of the sentence containing a byte offset.
    pub fn sentence_index_at(&self, byte: u32) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= byte);
        self.sentences.get(i).filter(|s| s.span.start <= byte).map(|_| i)
    }
}

/// What one stage adds to a document: each stage returns its own layer and
/// reads only earlier ones.
#[derive(Debug)]
pub enum Layer {
    /// Tokenise: words and sentences.
    Tokens {
        /// Words, numbers and punctuation, in order.
        tokens: Vec<Token>,
        /// Sentences over the tokens, in order.
        sentences: Vec<Sentence>,
    },
    /// NER: named-entity mentions, sorted and non-overlapping.
    Mentions(Vec<EntityMention>),
    /// Dates: TIMEX3 expressions, sorted by start.
    Dates(Vec<Timex>),
    /// Persons: PER mentions grouped into individuals.
    Persons(Vec<PersonCluster>),
    /// Roles, and each person's kind as the roles show it.
    Roles(RoleLayer),
    /// Events.
    Events(Vec<EventRecord>),
}

/// The guide's DCT prefix ([`scoop_gold::dct_prefix`]) with a value that
/// parses as a DCT: where the body starts, and the DCT.
fn split_dct_prefix(text: &str) -> (usize, Option<CreationTime>) {
    match scoop_gold::dct_prefix(text, CreationTime::parse) {
        Some(prefix) => (prefix.body, Some(prefix.dct)),
        None => (0, None),
    }
}

/// The text between two names says only that they are listed together
/// (`,`, `and`, `, and`, `&`; the quotes around titles aside).
pub fn is_list_gap(gap: &str) -> bool {
    let quote = |c: char| c.is_whitespace() || matches!(c, '"' | '\'' | '\u{201c}' | '\u{201d}' | '\u{2018}' | '\u{2019}');
    matches!(gap.trim_matches(quote), "," | "and" | ", and" | "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dct_prefix_is_metadata() {
        let doc = Doc::new("a.txt".into(), " date 2026-01-10 The show.".into(), None);
        assert_eq!(doc.dct.as_ref().unwrap().written, "2026-01-10");
        assert_eq!(&doc.text[doc.body.clone()], "The show.");
    }

    #[test]
    fn month_precision_dct_and_caller_default() {
        let doc = Doc::new("a.txt".into(), "date 2025-07\nText".into(), None);
        assert_eq!(doc.dct.as_ref().unwrap().written, "2025-07");
        assert_eq!(&doc.text[doc.body.clone()], "Text");
        let fallback = CreationTime::parse("2024-02-28");
        let doc = Doc::new("b.txt".into(), "dated text".into(), fallback);
        assert_eq!(doc.body.start, 0);
        assert_eq!(doc.dct.unwrap().written, "2024-02-28");
    }

    #[test]
    fn original_slices_follow_code_points() {
        let doc = Doc::new("a.txt".into(), "Netflix\u{2019}s \u{201C}Sweet Home\u{201D}".into(), None);
        let start = doc.text.find("Sweet").unwrap();
        let span = Span::new(start, start + "Sweet Home".len());
        assert_eq!(doc.original_slice(span), "Sweet Home");
        assert_eq!(doc.char_span(span), (11, 21));
    }
}
