//! Domain refinements over any engine's mentions. A model trained mostly on
//! Reuters cannot learn this domain's writing conventions from a few dozen
//! articles, so they are stated here once:
//!
//! - titles of works: between quotes, before `season N`, after a medium word
//!   (`the movie Veteran 2`, `K-dramas Our Blues, Black Knight and …`), in
//!   parentheses after an actor (`Jo Byeong-gu (Hot Stove League)`), with
//!   their sequel number, and under one label wherever the title recurs;
//! - Korean names written with spaces (`Bae Na Ra`, `Yoo Ah In`) kept whole,
//!   and a nickname inside a name (`Lee "Bare-su" Su-hyeok`) kept in it;
//! - one label per name within a document: a given name after its full
//!   name is a person, and a name the engine labelled several ways takes its
//!   most frequent label.

use super::lexicons::NameLexicons;
use crate::document::{Doc, EntityMention, Span};
use crate::tokenize::TokenKind;
use scoop_gold::Label;
use scoop_lexicon::{Lexicon, ResourceError, Resources};
use std::collections::{BTreeMap, HashMap, HashSet};

/// The refinements, built once from their resource files and shared by
/// every engine's output.
#[derive(Debug, Clone)]
pub struct Refiner {
    lex: NameLexicons,
    cues: TitleCues,
}

impl Refiner {
    /// The refinements on the embedded resource files.
    pub fn new() -> Refiner {
        crate::resources::on_defaults(Refiner::with_resources)
    }

    /// The refinements on `resources`' `ner/` and `names/` files.
    pub fn with_resources(resources: &Resources) -> Result<Refiner, ResourceError> {
        Ok(Refiner { lex: NameLexicons::new(resources)?, cues: TitleCues::new(resources)? })
    }

    /// Applies every refinement, in order: titles first, so that a title's
    /// words are not taken for names afterwards.
    pub fn refine(&self, doc: &Doc, mentions: Vec<EntityMention>) -> Vec<EntityMention> {
        let mut layer = Layer { doc, mentions, lex: &self.lex, cues: &self.cues };
        layer.mentions.sort_by_key(|m| m.span);
        let titles: Vec<(usize, usize)> = doc.sentences.iter().flat_map(|s| layer.titles_in(s.tokens.clone())).collect();
        layer.put_all(titles, Label::WORK);
        layer.add_sequel_numbers();
        layer.spread_titles();
        layer.merge_nicknames();
        layer.complete_spaced_korean_names();
        layer.unify_labels();
        layer.apply_lexicons();
        layer.mentions
    }
}

impl Default for Refiner {
    fn default() -> Refiner {
        Refiner::new()
    }
}

/// The cue lists of titles, from the `ner/` resource files.
#[derive(Debug, Clone)]
struct TitleCues {
    /// Lower-case words inside a title (`ner/title-connectors.txt`).
    connectors: Lexicon,
    /// Tokens inside a title but not at its start (`:`, `'s`).
    inner_marks: Lexicon,
    medium_words: Lexicon,
    /// Words that end a title before a part of it (`Season`).
    breaks: Lexicon,
    not_title_openers: Lexicon,
    counted_nouns: Lexicon,
    headline_lowercase: Lexicon,
}

impl TitleCues {
    /// Reads the files.
    fn new(resources: &Resources) -> Result<TitleCues, ResourceError> {
        Ok(TitleCues {
            connectors: resources.lexicon("ner/title-connectors.txt")?,
            inner_marks: resources.lexicon("ner/title-marks.txt")?,
            medium_words: resources.lexicon("ner/medium-words.txt")?,
            breaks: resources.lexicon("ner/title-breaks.txt")?,
            not_title_openers: resources.lexicon("ner/not-title-openers.txt")?,
            counted_nouns: resources.lexicon("ner/counted-nouns.txt")?,
            headline_lowercase: resources.lexicon("ner/headline-lowercase.txt")?,
        })
    }
}

/// A document's mentions while the refinements rewrite them, sorted and
/// non-overlapping between steps.
struct Layer<'a> {
    doc: &'a Doc,
    mentions: Vec<EntityMention>,
    lex: &'a NameLexicons,
    cues: &'a TitleCues,
}

impl<'a> Layer<'a> {
    fn word(&self, i: usize) -> &'a str {
        self.doc.slice(self.doc.tokens[i].span)
    }

    fn is_word(&self, i: usize) -> bool {
        self.doc.tokens[i].kind == TokenKind::Word
    }

    fn span_of(&self, first: usize, end: usize) -> Span {
        Span { start: self.doc.tokens[first].span.start, end: self.doc.tokens[end - 1].span.end }
    }

    /// The token range a mention covers.
    fn tokens_of(&self, span: Span) -> (usize, usize) {
        let first = self.doc.tokens.partition_point(|t| t.span.end <= span.start);
        let end = self.doc.tokens.partition_point(|t| t.span.start < span.end);
        (first, end.max(first + 1))
    }

    /// The mentions overlapping `span`. Mentions are sorted and never
    /// overlap, so their ends are sorted too and both bounds are binary searches.
    fn overlapping(&self, span: Span) -> &[EntityMention] {
        let from = self.mentions.partition_point(|m| m.span.end <= span.start);
        let to = self.mentions.partition_point(|m| m.span.start < span.end);
        &self.mentions[from..to.max(from)]
    }

    fn mention_at(&self, first: usize, end: usize) -> Option<&EntityMention> {
        let span = self.span_of(first, end);
        self.overlapping(span).iter().find(|m| m.span == span)
    }

    fn is_person_token(&self, i: usize) -> bool {
        self.overlapping(self.doc.tokens[i].span).iter().any(|m| m.label == Label::PER)
    }

    fn is_covered(&self, i: usize) -> bool {
        !self.overlapping(self.doc.tokens[i].span).is_empty()
    }

    /// Adds one mention per token range, each replacing whatever it overlaps;
    /// of two new ranges that overlap, the later one wins.
    fn put_all(&mut self, ranges: Vec<(usize, usize)>, label: Label) {
        let mut ordered: Vec<(Span, usize)> =
            ranges.into_iter().enumerate().map(|(order, (first, end))| (self.span_of(first, end), order)).collect();
        ordered.sort();
        let mut kept_new: Vec<(Span, usize)> = Vec::new();
        for (span, order) in ordered {
            let mut wins = true;
            while let Some(&(last, last_order)) = kept_new.last() {
                if last.end <= span.start {
                    break;
                }
                if last_order > order {
                    wins = false;
                    break;
                }
                kept_new.pop();
            }
            if wins {
                kept_new.push((span, order));
            }
        }
        let added: Vec<EntityMention> = kept_new.into_iter().map(|(span, _)| EntityMention { span, label }).collect();
        let kept = self.mentions.iter().filter(|m| {
            let at = added.partition_point(|a| a.span.end <= m.span.start);
            added.get(at).map_or(true, |a| m.span.end <= a.span.start)
        });
        let mut merged: Vec<EntityMention> = kept.chain(&added).copied().collect();
        merged.sort_by_key(|m| m.span);
        self.mentions = merged;
    }

    /// Capitalised words that can be a person's name (`Hot Stove League` can;
    /// `One The Woman` cannot).
    fn looks_like_person(&self, first: usize, end: usize) -> bool {
        end - first <= 4
            && (first..end).all(|i| self.is_word(i) && self.lex.is_capitalised(self.word(i)) && !self.lex.is_not_name(self.word(i)))
    }

    /// Two or three name words opened by a Korean surname (`Kim Ji-won`, `Yoo Ah In`).
    fn is_korean_name(&self, first: usize, end: usize) -> bool {
        end - first >= 2 && end - first <= 3 && self.lex.is_korean_surname(self.word(first)) && self.looks_like_person(first, end)
    }

    /// The word at `i`, if it lies before `end`.
    fn word_at(&self, i: usize, end: usize) -> Option<&'a str> {
        (i < end).then(|| self.word(i))
    }

    fn is_title_word(&self, i: usize) -> bool {
        let word = self.word(i);
        (self.is_word(i) && self.lex.is_capitalised(word))
            || self.doc.tokens[i].kind == TokenKind::Number
            || word.starts_with(|c: char| c.is_ascii_digit())
    }

    /// Tokens `first..end` read as a title: capitalised words, numbers and
    /// connectors, opened by a capitalised word or an ordinal.
    fn is_title(&self, first: usize, end: usize) -> bool {
        if end <= first || end - first > 10 || !self.is_title_word(first) || !self.is_title_word(end - 1) {
            return false;
        }
        if !(self.is_word(first) && self.lex.is_capitalised(self.word(first))) && end - first == 1 {
            return false;
        }
        if self.cues.not_title_openers.contains(&self.word(first).to_lowercase()) {
            return false;
        }
        (first..end).all(|i| {
            let word = self.word(i);
            self.is_title_word(i) || self.cues.connectors.contains(word) || (i > first && self.cues.inner_marks.contains(word))
        })
    }

    /// Every title the context marks in one sentence, as token ranges.
    fn titles_in(&self, sentence: std::ops::Range<usize>) -> Vec<(usize, usize)> {
        let mut titles = Vec::new();
        let mut words = sentence.clone().filter(|&i| self.is_word(i)).map(|i| self.word(i));
        let headline = words.clone().count() >= 4
            && words.all(|w| self.lex.is_capitalised(w) || self.cues.headline_lowercase.contains(w) || !w.starts_with(char::is_alphabetic));
        let mut i = sentence.start;
        while i < sentence.end {
            let word = self.word(i);
            if matches!(word, "\"" | "'") {
                let close = (i + 1..sentence.end.min(i + 13)).find(|&j| self.word(j) == word);
                if let Some(close) = close.filter(|&close| close > i + 1) {
                    // A person in quotes stays a person (`"Victor Von Doom"`), a
                    // company a company (`'Netflix'`), and a nickname stays in its
                    // name (`Lee "Bare-su" Su-hyeok`).
                    let person = self.mention_at(i + 1, close).is_some_and(|m| m.label == Label::PER);
                    let company = self.lex.organisations.contains(self.doc.slice(self.span_of(i + 1, close)));
                    let capitalised_at =
                        |j: usize| j >= sentence.start && j < sentence.end && self.is_word(j) && self.lex.is_capitalised(self.word(j));
                    let nickname = i > 0 && capitalised_at(i - 1) && capitalised_at(close + 1);
                    if self.is_title(i + 1, close) && !person && !company && !nickname {
                        titles.push((i + 1, close));
                    }
                    i = close + 1;
                    continue;
                }
            }
            // In a title-case headline every word is capitalised, so only
            // quotes mark a title there.
            if headline {
                i += 1;
                continue;
            }
            if (word.eq_ignore_ascii_case("season") || word.eq_ignore_ascii_case("seasons"))
                && i + 1 < sentence.end
                && self.doc.tokens[i + 1].kind == TokenKind::Number
            {
                if let Some(title) = self.title_before(sentence.start, i) {
                    titles.push(title);
                }
            }
            // A capitalised medium word is part of a name (`Drama Series`, `Film
            // Monster`), but `K-Dramas` is written so.
            let medium_word = self.cues.medium_words.contains(word) && (word.starts_with(char::is_lowercase) || word.starts_with("K-"));
            if medium_word && self.word_at(i + 1, sentence.end) == Some(",") {
                // An appositive title closes with the comma or the sentence
                // (`the Korean drama, King the Land, while…`); a "person" the
                // engine found there is the title, unless Korean.
                let closed = |&end: &usize| matches!(self.word_at(end, sentence.end), Some("," | ".") | None);
                if let Some(end) = self.title_run(i + 2, sentence.end).filter(closed).filter(|&end| !self.is_korean_name(i + 2, end)) {
                    titles.push((i + 2, end));
                }
            } else if medium_word {
                titles.extend(self.titles_after(i + 1, sentence.end, word.ends_with(['s', 'S'])));
            }
            if word == "("
                && i > sentence.start
                && self
                    .overlapping(self.doc.tokens[i - 1].span)
                    .iter()
                    .any(|m| m.label == Label::PER && m.span.end == self.doc.tokens[i - 1].span.end)
            {
                if let Some(close) = (i + 1..sentence.end.min(i + 10)).find(|&j| self.word(j) == ")") {
                    if self.is_work_in_parentheses(i + 1, close) {
                        titles.push((i + 1, close));
                    }
                }
            }
            i += 1;
        }
        titles
    }

    /// After an actor, parentheses hold a character or a work: a work when
    /// a word in it cannot be in a name (`One The Woman`, `Today's Webtoon`),
    /// or when it is long or labelled as something else than a person
    /// (`Hot Stove League`); a person the engine found stays one (`Mrs. Varley`).
    fn is_work_in_parentheses(&self, first: usize, end: usize) -> bool {
        if end - first < 2 || !self.is_title(first, end) || self.is_korean_name(first, end) {
            return false;
        }
        let title_marker = (first + 1..end).any(|i| {
            let word = self.word(i);
            self.cues.connectors.contains(&word.to_lowercase()) || word == "'s" || self.doc.tokens[i].kind == TokenKind::Number
        });
        match self.mention_at(first, end).map(|m| m.label) {
            _ if title_marker => true,
            Some(Label::PER) => false,
            Some(_) => true,
            None => end - first >= 3,
        }
    }

    /// The title that ends just before `season` at `at`: capitalised words
    /// and connectors back from it (`The Last of Us season 2`), without a
    /// sentence opener that no mention covers (`Fans of …`).
    fn title_before(&self, sentence_start: usize, at: usize) -> Option<(usize, usize)> {
        let mut first = at;
        while first > sentence_start {
            let prev = first - 1;
            let word = self.word(prev);
            // `Jenna in Wednesday season 2`: a person does not open a title.
            let joins = (self.cues.connectors.contains(word) || word == ":")
                && first < at
                && prev > sentence_start
                && self.is_title_word(prev - 1)
                && !self.is_person_token(prev - 1);
            if (self.is_word(prev) && self.lex.is_capitalised(word)) || joins {
                first = prev;
            } else {
                break;
            }
        }
        while first < at && first == sentence_start && self.lex.is_not_name(self.word(first)) && !self.is_covered(first) {
            first += 1;
            while first < at && self.cues.connectors.contains(self.word(first)) {
                first += 1;
            }
        }
        let title = (first < at && self.is_title(first, at)).then_some((first, at))?;
        // `Kim Ji-won season 2` is not a title; a person the engine found stays.
        (!self.is_korean_name(title.0, title.1)).then_some(title)
    }

    /// The title (or, after a plural medium word, the list of titles) right
    /// after a medium word: `the movie Veteran 2`, `K-dramas Our Blues, Black
    /// Knight and 20th Century Girl`.
    fn titles_after(&self, start: usize, sentence_end: usize, plural: bool) -> Vec<(usize, usize)> {
        let mut titles = Vec::new();
        let mut i = start;
        while let Some(end) = self.title_run(i, sentence_end) {
            // A person right after the medium word is its star (`the drama Kim
            // Soo-hyun led`); inside a list of titles only a Korean name is.
            let person = i == start && self.mention_at(i, end).is_some_and(|m| m.label == Label::PER && self.looks_like_person(i, end));
            if self.is_korean_name(i, end) || person {
                break;
            }
            titles.push((i, end));
            if !plural {
                break;
            }
            match (self.word_at(end, sentence_end), self.word_at(end + 1, sentence_end)) {
                (Some(","), Some("and")) => i = end + 2,
                (Some(",") | Some("and"), _) => i = end + 1,
                _ => break,
            }
        }
        titles
    }

    /// The end of a title that starts at `first`, if one does.
    fn title_run(&self, first: usize, sentence_end: usize) -> Option<usize> {
        let opens = first < sentence_end
            && ((self.is_word(first) && self.lex.is_capitalised(self.word(first)) && !self.cues.breaks.contains(self.word(first)))
                || (self.word(first).starts_with(|c: char| c.is_ascii_digit())
                    && first + 1 < sentence_end
                    && self.lex.is_capitalised(self.word(first + 1))));
        if !opens {
            return None;
        }
        let mut end = first + 1;
        loop {
            let word = self.word_at(end, sentence_end);
            let next_capitalised = end + 1 < sentence_end && self.is_word(end + 1) && self.lex.is_capitalised(self.word(end + 1));
            match word {
                Some(w) if self.cues.breaks.contains(w) => break,
                Some(w) if self.is_word(end) && self.lex.is_capitalised(w) => end += 1,
                Some(w)
                    if (self.cues.connectors.contains(w) || w == ":") && next_capitalised && !self.lex.breaks_runs(self.word(end + 1)) =>
                {
                    end += 2
                }
                Some(_) if self.doc.tokens[end].kind == TokenKind::Number && self.word(end).len() <= 2 => {
                    end += 1;
                    break;
                }
                _ => break,
            }
        }
        Some(end)
    }

    /// `Veteran 2`, `Alchemy of Souls 2`: a small number right after a title
    /// belongs to it, unless it counts something (`Squid Game 2 episodes`).
    fn add_sequel_numbers(&mut self) {
        let mut extended = Vec::new();
        for m in self.mentions.iter().filter(|m| m.label == Label::WORK) {
            let (first, end) = self.tokens_of(m.span);
            let Some(next) = self.doc.tokens.get(end) else { continue };
            let number = self.word(end);
            let sentence = self.doc.sentence_at(next.span.start).map(|s| s.tokens.end).unwrap_or(end);
            let counted = self.word_at(end + 1, sentence).is_some_and(|w| self.cues.counted_nouns.contains(&w.to_lowercase()));
            if next.kind == TokenKind::Number && number.len() == 1 && next.span.start == m.span.end + 1 && !counted && end < sentence {
                extended.push((first, end + 1));
            }
        }
        self.put_all(extended, Label::WORK);
    }

    /// A title found once is a title wherever the same words recur: other
    /// mentions of it are relabelled, and unlabelled occurrences of a title
    /// of two or more words are added.
    fn spread_titles(&mut self) {
        // Each distinct title once, as (text, first word, length in tokens).
        let mut titles: Vec<(&str, &str, usize)> = self
            .mentions
            .iter()
            .filter(|m| m.label == Label::WORK)
            .map(|m| {
                let (first, end) = self.tokens_of(m.span);
                (self.doc.slice(m.span), self.word(first), end - first)
            })
            .collect();
        if titles.is_empty() {
            return;
        }
        titles.sort_unstable();
        titles.dedup();
        let mut positions: HashMap<&str, Vec<usize>> = HashMap::new();
        for i in 0..self.doc.tokens.len() {
            positions.entry(self.word(i)).or_default().push(i);
        }
        let mut found = Vec::new();
        for (title, first_word, length) in titles {
            for &start in &positions[first_word] {
                if start + length > self.doc.tokens.len() || self.doc.slice(self.span_of(start, start + length)) != title {
                    continue;
                }
                let at = self.mention_at(start, start + length).copied();
                let free = !(start..start + length).any(|i| self.is_covered(i));
                let relabel =
                    at.is_some_and(|m| m.label != Label::WORK && !(m.label == Label::PER && self.is_korean_name(start, start + length)));
                if relabel || (free && length >= 2) {
                    found.push((start, start + length));
                }
            }
        }
        self.put_all(found, Label::WORK);
    }

    /// `Lee "Bare-su" Su-hyeok`: a surname, a quoted nickname and a given
    /// name are one person's name.
    fn merge_nicknames(&mut self) {
        let mut found = Vec::new();
        for i in 0..self.doc.tokens.len().saturating_sub(4) {
            let quote = self.word(i + 1);
            if matches!(quote, "\"" | "'")
                && self.word(i + 3) == quote
                && self.lex.is_korean_surname(self.word(i))
                && self.lex.is_capitalised(self.word(i + 2))
                && self.is_word(i + 4)
                && self.lex.is_capitalised(self.word(i + 4))
                && self.overlapping(self.span_of(i, i + 5)).iter().any(|m| m.label == Label::PER)
            {
                found.push((i, i + 5));
            }
        }
        self.put_all(found, Label::PER);
    }

    /// A Korean name written with spaces is three words: a surname before
    /// a two-syllable name the engine found (`Bae` + `Na Ra`), a last
    /// syllable after a surname and one syllable (`Yoo Ah` + `In`), or both
    /// around the one syllable it found (`Cho` + `Dong` + `In`).
    fn complete_spaced_korean_names(&mut self) {
        let mut found = Vec::new();
        for m in self.mentions.iter().filter(|m| m.label == Label::PER) {
            let (first, end) = self.tokens_of(m.span);
            let syllables = (first..end).all(|i| self.lex.names.is_syllable(self.word(i)));
            if end - first > 2 || !syllables {
                continue;
            }
            let free_word = |i: usize| {
                self.is_word(i) && self.overlapping(self.doc.tokens[i].span).iter().all(|o| o.span == m.span || o.label == Label::MISC)
            };
            let adjacent = |a: usize, b: usize| self.doc.tokens[b].span.start == self.doc.tokens[a].span.end + 1;
            let surname_before = first > 0
                && free_word(first - 1)
                && adjacent(first - 1, first)
                && self.lex.is_korean_surname(self.word(first - 1))
                && self.lex.is_capitalised(self.word(first - 1));
            let syllable_after = end < self.doc.tokens.len()
                && free_word(end)
                && adjacent(end - 1, end)
                && self.lex.names.is_syllable(self.word(end))
                && self.lex.is_capitalised(self.word(end));
            match end - first {
                2 if surname_before => found.push((first - 1, end)),
                2 if self.lex.is_korean_surname(self.word(first)) && syllable_after => found.push((first, end + 1)),
                1 if surname_before && syllable_after => found.push((first - 1, end + 1)),
                _ => {}
            }
        }
        self.put_all(found, Label::PER);
    }

    /// One label per name: a mention whose words are a person's full name or
    /// a Korean person's given name is a person; otherwise a name labelled
    /// several ways takes its most frequent label (ties keep the engine's).
    fn unify_labels(&mut self) {
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
    fn apply_lexicons(&mut self) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::test_doc as doc;

    fn refine(doc: &Doc, mentions: Vec<EntityMention>) -> Vec<EntityMention> {
        Refiner::new().refine(doc, mentions)
    }

    fn mention(doc: &Doc, text: &str, label: Label) -> EntityMention {
        let start = doc.text.find(text).unwrap();
        EntityMention { span: Span::new(start, start + text.len()), label }
    }

    fn shown(doc: &Doc, mentions: &[EntityMention]) -> Vec<String> {
        mentions.iter().map(|m| format!("{}/{}", doc.slice(m.span), m.label.as_str())).collect()
    }

    #[test]
    fn quoted_titles_and_sequel_numbers_are_works() {
        let d = doc("Kim Sung-chul joins \u{201C}Alchemy of Souls 2\u{201D} after \u{2018}Kingdom\u{2019}. He said, \u{201C}No\u{201D}.");
        let engine = vec![mention(&d, "Kim Sung-chul", Label::PER), mention(&d, "Alchemy of Souls", Label::ORG)];
        assert_eq!(shown(&d, &refine(&d, engine)), ["Kim Sung-chul/PER", "Alchemy of Souls 2/WORK", "Kingdom/WORK"]);
    }

    #[test]
    fn titles_before_season_and_after_medium_words() {
        let d =
            doc("Filming for The Last of Us season 2 began. She starred in the K-Dramas Our Blues, Black Knight and 20th Century Girl.");
        let engine = vec![mention(&d, "The Last", Label::LOC), mention(&d, "Us", Label::LOC), mention(&d, "Black Knight", Label::PER)];
        assert_eq!(
            shown(&d, &refine(&d, engine)),
            ["The Last of Us/WORK", "Our Blues/WORK", "Black Knight/WORK", "20th Century Girl/WORK"]
        );
        // After a comma the title must close the appositive.
        let d = doc("He wrote the Korean drama, Brave Hearts, while she shot the film, Netflix said.");
        let engine = vec![mention(&d, "Brave Hearts", Label::PER), mention(&d, "Netflix", Label::ORG)];
        assert_eq!(shown(&d, &refine(&d, engine)), ["Brave Hearts/WORK", "Netflix/ORG"]);
    }

    #[test]
    fn what_is_not_a_title() {
        let d = doc("The Glory To Be Released Earlier Than Planned\n\nThe 'Netflix' drama Sweet Home in December drew Jenna in Wednesday season 2 and Drama Series awards. An empty \"\" quote.");
        let engine = vec![mention(&d, "The Glory", Label::WORK), mention(&d, "Netflix", Label::ORG), mention(&d, "Jenna", Label::PER)];
        assert_eq!(shown(&d, &refine(&d, engine)), ["The Glory/WORK", "Netflix/ORG", "Sweet Home/WORK", "Jenna/PER", "Wednesday/WORK"]);
    }

    #[test]
    fn parentheses_after_an_actor_hold_a_work_or_a_character() {
        let d = doc("Jo Byeong-gu (Hot Stove League) and Jin Sun-kyu (One The Woman) join Ahn Joon-ho (Jung Hae-in).");
        let engine = vec![
            mention(&d, "Jo Byeong-gu", Label::PER),
            mention(&d, "Jin Sun-kyu", Label::PER),
            mention(&d, "One The Woman", Label::PER),
            mention(&d, "Ahn Joon-ho", Label::PER),
            mention(&d, "Jung Hae-in", Label::PER),
        ];
        let refined = shown(&d, &refine(&d, engine));
        assert_eq!(
            refined,
            ["Jo Byeong-gu/PER", "Hot Stove League/WORK", "Jin Sun-kyu/PER", "One The Woman/WORK", "Ahn Joon-ho/PER", "Jung Hae-in/PER"]
        );
    }

    #[test]
    fn spaced_korean_names_and_nicknames_stay_whole() {
        let d = doc("Bae Na Ra met Yoo Ah In and Lee \"Bare-su\" Su-hyeok. Cho Dong In and Kim Ha sing.");
        let engine = vec![
            mention(&d, "Na Ra", Label::PER),
            mention(&d, "Yoo Ah", Label::PER),
            mention(&d, "Su-hyeok", Label::PER),
            mention(&d, "Dong", Label::PER),
            mention(&d, "Ha", Label::PER),
        ];
        let found = ["Bae Na Ra/PER", "Yoo Ah In/PER", "Lee \"Bare-su\" Su-hyeok/PER", "Cho Dong In/PER", "Ha/PER"];
        assert_eq!(shown(&d, &refine(&d, engine)), found);
    }

    #[test]
    fn a_name_keeps_one_label_in_a_document() {
        let d = doc("Bella Ramsey returns. Bella Ramsey said Park Ji-hu met Bella Ramsey. Ji-hu left.");
        let nth = |text: &str, n: usize, label| {
            let start = d.text.match_indices(text).nth(n).unwrap().0;
            EntityMention { span: Span::new(start, start + text.len()), label }
        };
        let engine = vec![
            nth("Bella Ramsey", 0, Label::PER),
            nth("Bella Ramsey", 1, Label::ORG),
            nth("Park Ji-hu", 0, Label::PER),
            nth("Bella Ramsey", 2, Label::PER),
            nth("Ji-hu", 1, Label::LOC),
        ];
        let labels: Vec<Label> = refine(&d, engine).iter().map(|m| m.label).collect();
        assert_eq!(labels, [Label::PER; 5]);
    }

    #[test]
    fn lexicon_names_keep_their_label() {
        let d = doc("Deadline reports that Kim Ji-won of Namoo Actors filmed in Goyang-si and Yongduri Village as Cheong-san in K-pop.");
        let engine = vec![
            mention(&d, "Deadline", Label::PER),
            mention(&d, "Kim Ji-won", Label::PER),
            mention(&d, "Namoo Actors", Label::PER),
            mention(&d, "Goyang-si", Label::PER),
            mention(&d, "Yongduri Village", Label::PER),
            mention(&d, "Cheong-san", Label::MISC),
            mention(&d, "K-pop", Label::MISC),
        ];
        let refined = shown(&d, &refine(&d, engine));
        assert_eq!(
            refined,
            ["Deadline/ORG", "Kim Ji-won/PER", "Namoo Actors/ORG", "Goyang-si/LOC", "Yongduri Village/LOC", "Cheong-san/PER", "K-pop/MISC"]
        );
    }
}
