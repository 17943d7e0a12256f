//! A lexicon-and-shape recogniser: the baseline engine. It finds runs of
//! capitalised words and labels them by lexicons, name shape (romanised
//! Korean names) and context (`season 2` after a title), then spreads each
//! label to the other occurrences of the same name in the document.

use super::lexicons::NameLexicons;
use super::EntityRecognizer;
use crate::document::{Doc, EntityMention, Span};
use crate::tokenize::{Token, TokenKind};
use scoop_gold::Label;
use scoop_lexicon::{Lexicon, ResourceError, Resources};
use std::collections::HashMap;

/// The rule engine, built once from its resource files.
#[derive(Debug, Clone)]
pub struct RuleRecognizer {
    lex: NameLexicons,
    /// `ner/name-connectors.txt`: lower-case words inside a run.
    connectors: Lexicon,
    work_cues_before: Lexicon,
    work_cues_after: Lexicon,
}

impl RuleRecognizer {
    /// The engine on the embedded resource files.
    pub fn new() -> RuleRecognizer {
        crate::resources::on_defaults(RuleRecognizer::with_resources)
    }

    /// The engine on `resources`' `ner/` and `names/` files.
    pub fn with_resources(resources: &Resources) -> Result<RuleRecognizer, ResourceError> {
        Ok(RuleRecognizer {
            lex: NameLexicons::new(resources)?,
            connectors: resources.lexicon("ner/name-connectors.txt")?,
            work_cues_before: resources.lexicon("ner/work-cues-before.txt")?,
            work_cues_after: resources.lexicon("ner/work-cues-after.txt")?,
        })
    }
}

impl Default for RuleRecognizer {
    fn default() -> RuleRecognizer {
        RuleRecognizer::new()
    }
}

impl EntityRecognizer for RuleRecognizer {
    fn recognize(&self, doc: &Doc) -> Vec<EntityMention> {
        let mut found: Vec<Guess> = Vec::new();
        for sentence in &doc.sentences {
            let tokens = &doc.tokens[sentence.tokens.clone()];
            // Only this sentence's guesses can overlap its runs.
            let this_sentence = found.len();
            found.extend(self.quoted_titles(doc, tokens).into_iter().map(|mention| Guess { mention, strength: Strength::Context }));
            for run in self.capitalised_runs(doc, tokens) {
                if found[this_sentence..].iter().any(|g| overlaps(g.mention.span, run.span)) {
                    continue;
                }
                if let Some((label, strength)) = self.classify(doc, tokens, &run) {
                    found.push(Guess { mention: EntityMention { span: run.span, label }, strength });
                }
            }
        }
        found.sort_by_key(|g| g.mention.span);
        let mut mentions = settle_labels(doc, found);
        mentions.extend(self.names_beside_names(doc, &mentions));
        mentions.sort_by_key(|m| m.span);
        self.propagate(doc, mentions)
    }
}

impl RuleRecognizer {
    /// A one-word name paired with a person in parentheses is a person too:
    /// `Lomon (Park Solomon)`, `Park Solomon (Lomon)`.
    fn names_beside_names(&self, doc: &Doc, mentions: &[EntityMention]) -> Vec<EntityMention> {
        let sorted = SortedMentions::new(mentions);
        let is_person = |span: Span| sorted.has(span, Label::PER);
        let is_free = |span: Span| !sorted.overlaps(span);
        let word = |i: usize| doc.slice(doc.tokens[i].span);
        let single_name = |i: usize| {
            doc.tokens[i].kind == TokenKind::Word
                && self.is_name_word(word(i))
                && self.lex.is_capitalised(word(i))
                && !self.lex.is_not_name(word(i))
        };
        let mut found = Vec::new();
        for (i, token) in doc.tokens.iter().enumerate() {
            if word(i) != "(" || i == 0 {
                continue;
            }
            let Some(close) = (i + 1..doc.tokens.len().min(i + 6)).find(|&j| word(j) == ")") else { continue };
            let inside = Span { start: doc.tokens[i + 1].span.start, end: doc.tokens[close - 1].span.end };
            if close == i + 2
                && single_name(i + 1)
                && is_free(inside)
                && sorted.ending_in(blank_before(doc, token.span.start), token.span.start).any(|m| m.label == Label::PER)
            {
                found.push(EntityMention { span: inside, label: Label::PER });
            }
            if single_name(i - 1) && is_free(doc.tokens[i - 1].span) && is_person(inside) {
                found.push(EntityMention { span: doc.tokens[i - 1].span, label: Label::PER });
            }
        }
        found
    }

    fn capitalised_runs(&self, doc: &Doc, tokens: &[Token]) -> Vec<Run> {
        let lex = &self.lex;
        let word = |i: usize| doc.slice(tokens[i].span);
        let mut runs = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            // A generic word opens a run only mid-sentence (`… in All of Us Are Dead`).
            // At the start of a sentence it opens a title only before a connector:
            // `All of Us Are Dead`, `The Glory` stays `Glory` there.
            let opens_title = i + 2 < tokens.len() && self.connectors.contains(word(i + 1)) && lex.is_capitalised(word(i + 2));
            let generic = lex.is_not_name(word(i)) && ((i == 0 && !opens_title) || lex.breaks_runs(word(i)));
            if tokens[i].kind != TokenKind::Word || !lex.is_capitalised(word(i)) || generic {
                i += 1;
                continue;
            }
            let first = i;
            let mut end = i + 1;
            loop {
                if end < tokens.len() && tokens[end].kind == TokenKind::Word && lex.is_capitalised(word(end)) && !lex.breaks_runs(word(end))
                {
                    end += 1;
                } else if end + 1 < tokens.len()
                    // Names hold no connectors: `Lee Min-jae and Lee Jae-kyoo` is two runs.
                    && !lex.is_korean_surname(word(first))
                    && !lex.is_korean_surname(word(end + 1))
                    && self.connectors.contains(word(end))
                    && lex.is_capitalised(word(end + 1))
                    && tokens[end + 1].kind == TokenKind::Word
                    && !lex.is_not_name(word(end + 1))
                {
                    end += 2;
                } else if end < tokens.len() && tokens[end].kind == TokenKind::Number && word(end - 1) == "Class" {
                    end += 1;
                } else {
                    break;
                }
            }
            // A trailing generic word (`Season`, `Netizens`) is not part of the
            // name, but a Korean name may end in a syllable like `In` (`Yoo Ah In`).
            let korean_name = lex.is_korean_surname(word(first)) && end - first <= 3;
            while end - first > 1 && !korean_name && (lex.is_not_name(word(end - 1)) || self.connectors.contains(word(end - 1))) {
                end -= 1;
            }
            if end - first == 1 && lex.is_not_name(word(first)) {
                i = end;
                continue;
            }
            runs.push(Run { first, end, span: Span { start: tokens[first].span.start, end: tokens[end - 1].span.end } });
            i = end;
        }
        runs
    }

    /// Titles between quotes: `"Weak Hero Class 2"`, `'Sweet Home'`.
    fn quoted_titles(&self, doc: &Doc, tokens: &[Token]) -> Vec<EntityMention> {
        let mut titles = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            let quote = doc.slice(tokens[i].span);
            if quote == "\"" || quote == "'" {
                let close = (i + 1..tokens.len().min(i + 10)).find(|&j| doc.slice(tokens[j].span) == quote);
                if let Some(close) = close {
                    let inner = &tokens[i + 1..close];
                    let capitalised = inner.iter().filter(|t| self.lex.is_capitalised(doc.slice(t.span))).count();
                    if !inner.is_empty() && capitalised * 2 >= inner.len() && self.lex.is_capitalised(doc.slice(inner[0].span)) {
                        let span = Span { start: inner[0].span.start, end: inner[inner.len() - 1].span.end };
                        let text = doc.slice(span);
                        if !self.lex.organisations.contains(text)
                            && !self.lex.places.contains(text)
                            && !text.ends_with(['.', ',', '!', '?'])
                        {
                            titles.push(EntityMention { span, label: Label::WORK });
                        }
                    }
                    i = close + 1;
                    continue;
                }
            }
            i += 1;
        }
        titles
    }

    fn classify(&self, doc: &Doc, tokens: &[Token], run: &Run) -> Option<(Label, Strength)> {
        let label = self.classify_by_context(doc, tokens, run).map(|l| (l, Strength::Context));
        label.or_else(|| self.classify_by_shape(doc, tokens, run).map(|l| (l, Strength::Shape)))
    }

    fn classify_by_context(&self, doc: &Doc, tokens: &[Token], run: &Run) -> Option<Label> {
        let lex = &self.lex;
        let text = doc.slice(run.span);
        let words: Vec<&str> = tokens[run.first..run.end].iter().map(|t| doc.slice(t.span)).collect();
        let last = *words.last()?;
        if lex.organisations.contains(text) {
            return Some(Label::ORG);
        }
        if lex.places.contains(text) {
            return Some(Label::LOC);
        }
        if lex.misc_names.contains(text) {
            return Some(Label::MISC);
        }
        let lower_at = |i: usize| tokens.get(i).map(|t| doc.slice(t.span).to_lowercase());
        let before = run.first.checked_sub(1).and_then(lower_at);
        let after = lower_at(run.end);
        let after_is_cue = after.as_deref().is_some_and(|w| self.work_cues_after.contains(w));
        let before_is_cue = before.as_deref().is_some_and(|w| self.work_cues_before.contains(w));
        let looks_like_name = words.len() <= 3 && words.iter().all(|w| self.is_name_word(w));
        if words.len() >= 2 && lex.misc_final_words.contains(last) {
            return Some(Label::MISC);
        }
        if words.len() >= 2 && lex.organisation_final_words.contains(last) {
            return Some(Label::ORG);
        }
        if words.len() >= 2 && (lex.place_final_words.contains(last) || lex.names.is_korean_place(last)) {
            return Some(Label::LOC);
        }
        if after.as_deref() == Some("season")
            || (before_is_cue && !looks_like_name)
            || (after_is_cue && words.len() >= 2 && !looks_like_name)
        {
            return Some(Label::WORK);
        }
        None
    }

    fn classify_by_shape(&self, doc: &Doc, tokens: &[Token], run: &Run) -> Option<Label> {
        let words: Vec<&str> = tokens[run.first..run.end].iter().map(|t| doc.slice(t.span)).collect();
        let looks_like_name = words.len() <= 3 && words.iter().all(|w| self.is_name_word(w));
        if self.lex.is_korean_surname(words[0]) && words.len() >= 2 && looks_like_name {
            return Some(Label::PER);
        }
        if words.len() == 1 && self.lex.names.is_given_name(words[0]) {
            return Some(Label::PER);
        }
        if words.len() >= 2 && looks_like_name {
            return Some(Label::PER);
        }
        if words.len() >= 3 {
            return Some(Label::WORK);
        }
        None
    }

    fn is_name_word(&self, word: &str) -> bool {
        word.chars().all(|c| c.is_alphabetic() || c == '-' || c == '.')
            && !self.lex.is_not_name(word)
            && word.len() <= 14
            && !word.chars().skip(1).all(char::is_uppercase)
    }

    /// Labels the other occurrences of names found once: a later `Ji-hu` after
    /// `Park Ji-hu`, the surname `Pascal` after `Pedro Pascal`, a title seen
    /// before `season 2` elsewhere.
    fn propagate(&self, doc: &Doc, found: Vec<EntityMention>) -> Vec<EntityMention> {
        let mut known: HashMap<&str, Label> = HashMap::new();
        for m in &found {
            known.entry(doc.slice(m.span)).or_insert(m.label);
            if m.label == Label::PER {
                let parts: Vec<&str> = doc.slice(m.span).split(' ').collect();
                if parts.len() >= 2 {
                    // Given name of a Korean name; surname of a Western one.
                    let key = if self.lex.is_korean_surname(parts[0]) { parts[1..].join(" ") } else { parts[parts.len() - 1].to_string() };
                    if let Some(part) = doc.slice(m.span).rfind(key.as_str()).map(|at| &doc.slice(m.span)[at..]) {
                        known.entry(part).or_insert(Label::PER);
                    }
                }
            }
        }
        // Runs never overlap one another, so a new mention can only clash with
        // one found before.
        let sorted = SortedMentions::new(&found);
        let mut added = Vec::new();
        for sentence in &doc.sentences {
            let tokens = &doc.tokens[sentence.tokens.clone()];
            for run in self.capitalised_runs(doc, tokens) {
                if sorted.overlaps(run.span) {
                    continue;
                }
                if let Some(&label) = known.get(doc.slice(run.span)) {
                    added.push(EntityMention { span: run.span, label });
                }
            }
        }
        let mut all = found;
        all.extend(added);
        all.sort_by_key(|m| m.span);
        all
    }
}

/// Where the whitespace just before `pos` begins.
fn blank_before(doc: &Doc, pos: u32) -> u32 {
    doc.text[..pos as usize].trim_end().len() as u32
}

/// How a label was decided: a lexicon or context cue outweighs name shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Strength {
    Shape,
    Context,
}

struct Guess {
    mention: EntityMention,
    strength: Strength,
}

/// A name labelled from context anywhere in the document (`Squid Game`
/// before `season 2`) keeps that label where only its shape was seen.
fn settle_labels(doc: &Doc, guesses: Vec<Guess>) -> Vec<EntityMention> {
    let mut strong: HashMap<&str, Label> = HashMap::new();
    for g in guesses.iter().filter(|g| g.strength == Strength::Context) {
        strong.entry(doc.slice(g.mention.span)).or_insert(g.mention.label);
    }
    guesses
        .into_iter()
        .map(|g| match (g.strength, strong.get(doc.slice(g.mention.span))) {
            (Strength::Shape, Some(&label)) => EntityMention { label, ..g.mention },
            _ => g.mention,
        })
        .collect()
}

/// A run of capitalised tokens `tokens[first..end]` within one sentence.
struct Run {
    first: usize,
    end: usize,
    span: Span,
}

/// Mentions sorted by span, searched by binary search so that a long
/// document's checks stay linear-logarithmic.
struct SortedMentions<'m> {
    mentions: &'m [EntityMention],
    /// `max_end[i]`: the furthest end among `mentions[..=i]`.
    max_end: Vec<u32>,
}

impl<'m> SortedMentions<'m> {
    fn new(mentions: &'m [EntityMention]) -> SortedMentions<'m> {
        debug_assert!(mentions.windows(2).all(|w| w[0].span <= w[1].span));
        let max_end = mentions.iter().scan(0, |end, m| {
            *end = m.span.end.max(*end);
            Some(*end)
        });
        SortedMentions { mentions, max_end: max_end.collect() }
    }

    fn overlaps(&self, span: Span) -> bool {
        let before_end = self.mentions.partition_point(|m| m.span.start < span.end);
        before_end > 0 && self.max_end[before_end - 1] > span.start
    }

    fn has(&self, span: Span, label: Label) -> bool {
        let from = self.mentions.partition_point(|m| m.span < span);
        self.mentions[from..].iter().take_while(|m| m.span == span).any(|m| m.label == label)
    }

    /// Mentions whose end lies in `lo..=hi`.
    fn ending_in(&self, lo: u32, hi: u32) -> impl Iterator<Item = &'m EntityMention> + '_ {
        let before = self.mentions.partition_point(|m| m.span.start < hi);
        let reach = self.max_end[..before].partition_point(|&end| end < lo);
        self.mentions[reach..before].iter().filter(move |m| (lo..=hi).contains(&m.span.end))
    }
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}
