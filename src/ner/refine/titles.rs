//! Titles of works: between quotes, before `season N`, after a medium word,
//! in parentheses after an actor, with their sequel number, and under one
//! label wherever the title recurs.

use super::Layer;
use crate::tokenize::TokenKind;
use scoop_gold::Label;
use scoop_lexicon::{Lexicon, ResourceError, Resources};
use std::collections::HashMap;

/// The cue lists of titles, from the `ner/` resource files.
#[derive(Debug, Clone)]
pub(super) struct TitleCues {
    /// Lower-case words inside a title (`ner/title-connectors.txt`).
    connectors: Lexicon,
    /// Tokens inside a title but not at its start (`:`, `'s`).
    inner_marks: Lexicon,
    medium_words: Lexicon,
    /// Words between a plural medium word and its list (`such as`).
    list_openers: Lexicon,
    /// Words between a work and a person credited by it (`Teen Wolf alum`).
    credit_nouns: Lexicon,
    /// Words that end a title before a part of it (`Season`).
    breaks: Lexicon,
    not_title_openers: Lexicon,
    counted_nouns: Lexicon,
    headline_lowercase: Lexicon,
}

impl TitleCues {
    /// Reads the files.
    pub(super) fn new(resources: &Resources) -> Result<TitleCues, ResourceError> {
        Ok(TitleCues {
            connectors: resources.lexicon("ner/title-connectors.txt")?,
            inner_marks: resources.lexicon("ner/title-marks.txt")?,
            medium_words: resources.lexicon("ner/medium-words.txt")?,
            list_openers: resources.lexicon("ner/list-openers.txt")?,
            credit_nouns: resources.lexicon("ner/credit-nouns.txt")?,
            breaks: resources.lexicon("ner/title-breaks.txt")?,
            not_title_openers: resources.lexicon("ner/not-title-openers.txt")?,
            counted_nouns: resources.lexicon("ner/counted-nouns.txt")?,
            headline_lowercase: resources.lexicon("ner/headline-lowercase.txt")?,
        })
    }
}

impl<'a> Layer<'a> {
    /// The word at `i`, if it lies before `end`.
    pub(super) fn word_at(&self, i: usize, end: usize) -> Option<&'a str> {
        (i < end).then(|| self.word(i))
    }

    pub(super) fn is_title_word(&self, i: usize) -> bool {
        let word = self.word(i);
        (self.is_word(i) && self.lex.is_capitalised(word))
            || self.doc.tokens[i].kind == TokenKind::Number
            || word.starts_with(|c: char| c.is_ascii_digit())
    }

    /// Tokens `first..end` read as a title: capitalised words, numbers and
    /// connectors, opened by a capitalised word or an ordinal.
    pub(super) fn is_title(&self, first: usize, end: usize) -> bool {
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
    pub(super) fn titles_in(&self, sentence: std::ops::Range<usize>) -> Vec<(usize, usize)> {
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
                // `Gyeongseong Creature: Season 2` names the season of the title.
                let at = if i > sentence.start + 1 && self.word(i - 1) == ":" { i - 1 } else { i };
                if let Some(title) = self.title_before(sentence.start, at) {
                    titles.push(title);
                }
            }
            // `Teen Wolf alum Froy Gutierrez`: a work, then a person it credits.
            let credits_person = word.starts_with(char::is_lowercase)
                && self.cues.credit_nouns.contains(word)
                && i + 1 < sentence.end
                && self
                    .overlapping(self.doc.tokens[i + 1].span)
                    .iter()
                    .any(|m| m.label == Label::PER && m.span.start == self.doc.tokens[i + 1].span.start);
            if credits_person {
                let title = self.title_before(sentence.start, i).filter(|&(first, end)| {
                    let label = self.mention_at(first, end).map(|m| m.label);
                    let partly_other = self.overlapping(self.span_of(first, end)).iter().any(|m| m.label != Label::PER);
                    // One word opening the sentence may be an adjective (`Veteran actor …`).
                    let opener = first == sentence.start && end - first == 1;
                    matches!(label, None | Some(Label::PER)) && !partly_other && !opener && !self.is_korean_name(first, end)
                });
                titles.extend(title);
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
            } else if medium_word && word.ends_with(['s', 'S']) {
                // `series such as Trap, Your Honor and more`
                let mut start = i + 1;
                while start < (i + 3).min(sentence.end) && self.cues.list_openers.contains(self.word(start)) {
                    start += 1;
                }
                titles.extend(self.titles_after(start, sentence.end, true));
            } else if medium_word {
                titles.extend(self.titles_after(i + 1, sentence.end, false));
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
    pub(super) fn is_work_in_parentheses(&self, first: usize, end: usize) -> bool {
        if end - first < 2 || !self.is_title(first, end) || self.is_korean_name(first, end) {
            return false;
        }
        match self.mention_at(first, end).map(|m| m.label) {
            _ if self.has_title_marker(first, end) => true,
            Some(Label::PER) => false,
            Some(_) => true,
            None => end - first >= 3,
        }
    }

    /// The contents of every `Person (…)` parentheses of the document that
    /// read as a name or a title, as token ranges.
    fn parentheses_after_persons(&self) -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        for sentence in &self.doc.sentences {
            for i in sentence.tokens.start + 1..sentence.tokens.end {
                let after_person = self
                    .overlapping(self.doc.tokens[i - 1].span)
                    .iter()
                    .any(|m| m.label == Label::PER && m.span.end == self.doc.tokens[i - 1].span.end);
                if self.word(i) != "(" || !after_person {
                    continue;
                }
                if let Some(close) = (i + 1..sentence.tokens.end.min(i + 10)).find(|&j| self.word(j) == ")") {
                    if self.is_title(i + 1, close) {
                        found.push((i + 1, close));
                    }
                }
            }
        }
        found
    }

    /// Whether `first..end` in parentheses after an actor is surely a work
    /// (a word no name has, `Panda and Hedgehog`) or surely a person (a
    /// Korean name), whatever the document's other parentheses hold.
    fn is_sure_in_parentheses(&self, first: usize, end: usize) -> bool {
        self.is_korean_name(first, end) || self.has_title_marker(first, end)
    }

    /// A word after the first that no name has: a connector, `'s`, a number.
    fn has_title_marker(&self, first: usize, end: usize) -> bool {
        (first + 1..end).any(|i| {
            let word = self.word(i);
            self.cues.connectors.contains(&word.to_lowercase()) || word == "'s" || self.doc.tokens[i].kind == TokenKind::Number
        })
    }

    /// An article writes its `Actor (…)` parentheses one way: after the
    /// actors' works (`Lee Yeon-hee (Ghost), Jung Hye-young (Playful Kiss)`)
    /// or their characters. Where at least two hold one label, three times
    /// as many as hold the other, the parentheses not surely either take it.
    pub(super) fn follow_parenthesis_convention(&mut self) {
        let spans = self.parentheses_after_persons();
        let label_of = |layer: &Self, (first, end): (usize, usize)| layer.mention_at(first, end).map(|m| m.label);
        let count = |label: Label| spans.iter().filter(|&&s| label_of(self, s) == Some(label)).count();
        let (works, persons) = (count(Label::WORK), count(Label::PER));
        let convention = if works >= 2 && works >= 3 * persons {
            Label::WORK
        } else if persons >= 2 && persons >= 3 * works {
            Label::PER
        } else {
            return;
        };
        let changed: Vec<(usize, usize)> = spans
            .into_iter()
            .filter(|&(first, end)| label_of(self, (first, end)) != Some(convention) && !self.is_sure_in_parentheses(first, end))
            .collect();
        self.put_all(changed, convention);
    }

    /// The title that ends just before `season` at `at`: capitalised words
    /// and connectors back from it (`The Last of Us season 2`), without a
    /// sentence opener that no mention covers (`Fans of …`).
    pub(super) fn title_before(&self, sentence_start: usize, at: usize) -> Option<(usize, usize)> {
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
    pub(super) fn titles_after(&self, start: usize, sentence_end: usize, plural: bool) -> Vec<(usize, usize)> {
        let mut titles = Vec::new();
        // After `such as` the list has begun: its first item is no star.
        let after_opener = start > 0 && self.cues.list_openers.contains(self.word(start - 1));
        let mut i = start;
        while let Some(run_end) = self.title_run(i, sentence_end) {
            // In a list, `and` separates two titles where the engine's
            // mentions end or begin at it (`Squid Game and Hellbound`), and
            // joins one otherwise (`Pride and Prejudice`).
            let end = if plural { self.list_item_end(i, run_end) } else { run_end };
            // A person right after the medium word is its star (`the drama Kim
            // Soo-hyun led`); inside a list of titles only a Korean name is.
            let person = i == start
                && !after_opener
                && self.mention_at(i, end).is_some_and(|m| m.label == Label::PER && self.looks_like_person(i, end));
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

    /// Where the list item in `first..run_end` ends: at an inner `and` that
    /// a mention ends before or begins after.
    fn list_item_end(&self, first: usize, run_end: usize) -> usize {
        let bounds_mention = |and: usize| {
            let before = self.doc.tokens[and - 1].span.end;
            let after = self.doc.tokens[and + 1].span.start;
            self.overlapping(self.span_of(and - 1, and + 2)).iter().any(|m| m.span.end == before || m.span.start == after)
        };
        (first + 1..run_end.saturating_sub(1)).find(|&i| self.word(i) == "and" && bounds_mention(i)).unwrap_or(run_end)
    }

    /// The end of a title that starts at `first`, if one does.
    pub(super) fn title_run(&self, first: usize, sentence_end: usize) -> Option<usize> {
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
    pub(super) fn add_sequel_numbers(&mut self) {
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
    pub(super) fn spread_titles(&mut self) {
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
}
