//! A lexicon-and-shape recogniser: the baseline engine. It finds runs of
//! capitalised words and labels them by lexicons, name shape (romanised
//! Korean names) and context (`season 2` after a title), then spreads each
//! label to the other occurrences of the same name in the document.

use super::EntityRecognizer;
use crate::document::{Doc, EntityMention, Span};
use crate::persons::is_korean_surname;
use crate::tokenize::{Token, TokenKind};
use scoop_gold::Label;
use std::collections::HashMap;

pub(super) const ORGS: &[&str] = &[
    "Netflix",
    "Netflix Korea",
    "tvN",
    "JTBC",
    "SBS",
    "KBS",
    "MBC",
    "ENA",
    "OCN",
    "TVING",
    "wavve",
    "Wavve",
    "Coupang Play",
    "Disney",
    "Disney+",
    "HBO",
    "Max",
    "Hulu",
    "Apple TV+",
    "Amazon",
    "Prime Video",
    "Paramount+",
    "NBC",
    "ABC",
    "CBS",
    "Fox",
    "BBC",
    "CNN",
    "Reuters",
    "Marvel",
    "Marvel Studios",
    "Studio Dragon",
    "Yonhap",
    "Soompi",
    "Variety",
    "Deadline",
    "The Hollywood Reporter",
    "Dispatch",
    "Naver",
    "Kakao",
    "Instagram",
    "Twitter",
    "YouTube",
    "TikTok",
    "Weibo",
    "Lezhin",
    "CJ ENM",
    "HYBE",
    "Lucasfilm",
    "Sony",
    "Warner Bros.",
    "Universal",
    "Viki",
    "Viu",
    "Teen Vogue",
    "PEOPLE",
    "X",
];
pub(super) const ORG_SUFFIXES: &[&str] = &[
    "Entertainment",
    "Studios",
    "Studio",
    "Pictures",
    "Media",
    "News",
    "Productions",
    "Production",
    "Company",
    "Inc.",
    "Corp.",
    "Network",
    "Broadcasting",
    "Agency",
    "Films",
    "Times",
    "Post",
    "Herald",
    "Daily",
    "Magazine",
    "Records",
    "Group",
    "Channel",
    "Actors",
    "Office",
    "Ministry",
];
pub(super) const LOCS: &[&str] = &[
    "Seoul",
    "SEOUL",
    "Busan",
    "Incheon",
    "Daegu",
    "Daejeon",
    "Gwangju",
    "Ulsan",
    "Suwon",
    "Paju",
    "Goyang",
    "Ilsan",
    "Jeju",
    "Gangwon",
    "Gyeonggi",
    "Gangnam",
    "Korea",
    "South Korea",
    "North Korea",
    "Japan",
    "China",
    "Taiwan",
    "Thailand",
    "Vietnam",
    "Indonesia",
    "Philippines",
    "Singapore",
    "India",
    "New Delhi",
    "US",
    "U.S.",
    "USA",
    "America",
    "United States",
    "UK",
    "U.K.",
    "England",
    "Scotland",
    "Ireland",
    "London",
    "Los Angeles",
    "New York",
    "Atlanta",
    "Vancouver",
    "Canada",
    "Toronto",
    "Hollywood",
    "Paris",
    "France",
    "Spain",
    "Italy",
    "Germany",
    "Romania",
    "Europe",
    "Asia",
    "Brazil",
    "Brasil",
    "São Paulo",
    "Sao Paulo",
    "Mexico",
    "Australia",
    "Earth",
];
pub(super) const LOC_SUFFIXES: &[&str] = &[
    "Building", "Province", "City", "Island", "Station", "Hall", "Center", "Centre", "Street", "Road", "Beach", "Mountain", "Bridge",
    "Stadium", "Arena", "Palace", "Square", "Tower", "Village", "High", "School",
];
pub(super) const MISCS: &[&str] = &[
    "Korean",
    "South Korean",
    "American",
    "British",
    "English",
    "Japanese",
    "Chinese",
    "Asian",
    "Western",
    "Emmy",
    "Emmys",
    "Oscar",
    "Oscars",
    "Golden Globe",
    "Golden Globes",
    "COVID-19",
    "Tudum",
    "Comic-Con",
    "San Diego Comic-Con",
    "Super Bowl",
];
const MISC_SUFFIXES: &[&str] = &["Awards", "Award", "Festival"];
/// Capitalised words that are not names by themselves (sentence openers, titles of sections).
pub(super) const NOT_NAMES: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "For",
    "With",
    "While",
    "After",
    "Before",
    "As",
    "But",
    "And",
    "Or",
    "If",
    "When",
    "Many",
    "Previously",
    "About",
    "It",
    "He",
    "She",
    "They",
    "We",
    "I",
    "You",
    "His",
    "Her",
    "Their",
    "This",
    "That",
    "These",
    "Those",
    "Meanwhile",
    "However",
    "According",
    "Also",
    "Season",
    "Seasons",
    "Episode",
    "Episodes",
    "Part",
    "Credit",
    "Photo",
    "Photos",
    "Image",
    "Source",
    "Read",
    "Watch",
    "Fans",
    "Netizens",
    "Actor",
    "Actress",
    "Director",
    "Writer",
    "Producer",
    "Star",
    "Stars",
    "Cast",
    "Filming",
    "Production",
    "Release",
    "Premiere",
    "Update",
    "Updates",
    "News",
    "Date",
    "Plot",
    "Trailer",
    "Teaser",
    "What",
    "Who",
    "Where",
    "Why",
    "How",
    "Is",
    "Are",
    "Will",
    "Was",
    "Were",
    "Has",
    "Have",
    "Had",
    "Not",
    "No",
    "Yes",
    "All",
    "One",
    "Two",
    "Three",
    "First",
    "Second",
    "Third",
    "New",
    "Now",
    "Then",
    "So",
    "Here",
    "There",
    "Even",
    "Just",
    "Only",
    "Both",
    "Each",
    "Other",
    "More",
    "Most",
    "Some",
    "Such",
    "Since",
    "Until",
    "During",
    "Though",
    "Although",
    "Because",
    "Despite",
    "Following",
    "Like",
    "Unlike",
    "From",
    "To",
    "By",
    "Of",
    "Our",
    "My",
    "Your",
    "Its",
    "K-drama",
    "K-dramas",
    "Drama",
    "Series",
    "Show",
    "Film",
    "Movie",
    "Webtoon",
    "Official",
    "Sources",
    "Reports",
    "Report",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "Aug.",
    "Sept.",
    "Sep.",
    "Oct.",
    "Nov.",
    "Dec.",
    "Mr.",
    "Ms.",
    "Mrs.",
    "Dr.",
    "PD",
    "CEO",
    "OTT",
    "Q1",
    "Q2",
    "Q3",
    "Q4",
];
/// Lowercase words allowed inside a title or name run (`All of Us Are Dead`).
const CONNECTORS: &[&str] = &["of", "the", "and", "in", "a", "an", "to", "for", "on", "at", "with", "from", "&"];
/// Words that, just before a capitalised run, mark it as the title of a work.
const WORK_CUES_BEFORE: &[&str] =
    &["series", "drama", "film", "movie", "show", "webtoon", "sequel", "novel", "title", "k-drama", "thriller", "comedy", "romance", "hit"];
/// Words that, just after a capitalised run, mark it as a title (`... season 2`).
const WORK_CUES_AFTER: &[&str] = &[
    "season",
    "seasons",
    "part",
    "sequel",
    "cast",
    "star",
    "stars",
    "actor",
    "actress",
    "director",
    "writer",
    "creator",
    "fans",
    "franchise",
    "finale",
    "premiere",
];

#[derive(Debug, Default)]
pub struct RuleRecognizer;

impl RuleRecognizer {
    pub fn new() -> RuleRecognizer {
        RuleRecognizer
    }
}

impl EntityRecognizer for RuleRecognizer {
    fn recognize(&self, doc: &Doc) -> Vec<EntityMention> {
        let mut found: Vec<Guess> = Vec::new();
        for sentence in &doc.sentences {
            let tokens = &doc.tokens[sentence.tokens.clone()];
            // Only this sentence's guesses can overlap its runs.
            let this_sentence = found.len();
            found.extend(quoted_titles(doc, tokens).into_iter().map(|mention| Guess { mention, strength: Strength::Context }));
            for run in capitalised_runs(doc, tokens) {
                if found[this_sentence..].iter().any(|g| overlaps(g.mention.span, run.span)) {
                    continue;
                }
                if let Some((label, strength)) = classify(doc, tokens, &run) {
                    found.push(Guess { mention: EntityMention { span: run.span, label }, strength });
                }
            }
        }
        found.sort_by_key(|g| g.mention.span);
        let mut mentions = settle_labels(doc, found);
        mentions.extend(names_beside_names(doc, &mentions));
        mentions.sort_by_key(|m| m.span);
        propagate(doc, mentions)
    }
}

/// A one-word name paired with a person in parentheses is a person too:
/// `Lomon (Park Solomon)`, `Park Solomon (Lomon)`.
fn names_beside_names(doc: &Doc, mentions: &[EntityMention]) -> Vec<EntityMention> {
    let sorted = SortedMentions::new(mentions);
    let is_person = |span: Span| sorted.has(span, Label::PER);
    let is_free = |span: Span| !sorted.overlaps(span);
    let word = |i: usize| doc.slice(doc.tokens[i].span);
    let single_name = |i: usize| {
        doc.tokens[i].kind == TokenKind::Word && is_name_word(word(i)) && is_capitalised(word(i)) && !NOT_NAMES.contains(&word(i))
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

pub(super) fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_uppercase()) || word.starts_with("tvN") || word == "wavve"
}

fn capitalised_runs(doc: &Doc, tokens: &[Token]) -> Vec<Run> {
    let word = |i: usize| doc.slice(tokens[i].span);
    let mut runs = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        // A generic word opens a run only mid-sentence (`… in All of Us Are Dead`).
        // At the start of a sentence it opens a title only before a connector:
        // `All of Us Are Dead`, `The Glory` stays `Glory` there.
        let opens_title = i + 2 < tokens.len() && CONNECTORS.contains(&word(i + 1)) && is_capitalised(word(i + 2));
        let generic = NOT_NAMES.contains(&word(i)) && ((i == 0 && !opens_title) || is_month_or_day(word(i)));
        if tokens[i].kind != TokenKind::Word || !is_capitalised(word(i)) || generic {
            i += 1;
            continue;
        }
        let first = i;
        let mut end = i + 1;
        loop {
            if end < tokens.len() && tokens[end].kind == TokenKind::Word && is_capitalised(word(end)) && !is_month_or_day(word(end)) {
                end += 1;
            } else if end + 1 < tokens.len()
                // Names hold no connectors: `Lee Min-jae and Lee Jae-kyoo` is two runs.
                && !is_korean_surname(word(first))
                && !is_korean_surname(word(end + 1))
                && CONNECTORS.contains(&word(end))
                && is_capitalised(word(end + 1))
                && tokens[end + 1].kind == TokenKind::Word
                && !NOT_NAMES.contains(&word(end + 1))
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
        let korean_name = is_korean_surname(word(first)) && end - first <= 3;
        while end - first > 1 && !korean_name && (NOT_NAMES.contains(&word(end - 1)) || CONNECTORS.contains(&word(end - 1))) {
            end -= 1;
        }
        if end - first == 1 && NOT_NAMES.contains(&word(first)) {
            i = end;
            continue;
        }
        runs.push(Run { first, end, span: Span { start: tokens[first].span.start, end: tokens[end - 1].span.end } });
        i = end;
    }
    runs
}

pub(super) fn is_month_or_day(word: &str) -> bool {
    NOT_NAMES[NOT_NAMES.iter().position(|w| *w == "January").unwrap_or(0)..].contains(&word)
}

/// Titles between quotes: `"Weak Hero Class 2"`, `'Sweet Home'`.
fn quoted_titles(doc: &Doc, tokens: &[Token]) -> Vec<EntityMention> {
    let mut titles = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let quote = doc.slice(tokens[i].span);
        if quote == "\"" || quote == "'" {
            let close = (i + 1..tokens.len().min(i + 10)).find(|&j| doc.slice(tokens[j].span) == quote);
            if let Some(close) = close {
                let inner = &tokens[i + 1..close];
                let capitalised = inner.iter().filter(|t| is_capitalised(doc.slice(t.span))).count();
                if !inner.is_empty() && capitalised * 2 >= inner.len() && is_capitalised(doc.slice(inner[0].span)) {
                    let span = Span { start: inner[0].span.start, end: inner[inner.len() - 1].span.end };
                    let text = doc.slice(span);
                    if !ORGS.contains(&text) && !LOCS.contains(&text) && !text.ends_with(['.', ',', '!', '?']) {
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

fn classify(doc: &Doc, tokens: &[Token], run: &Run) -> Option<(Label, Strength)> {
    let label = classify_by_context(doc, tokens, run).map(|l| (l, Strength::Context));
    label.or_else(|| classify_by_shape(doc, tokens, run).map(|l| (l, Strength::Shape)))
}

fn classify_by_context(doc: &Doc, tokens: &[Token], run: &Run) -> Option<Label> {
    let text = doc.slice(run.span);
    let words: Vec<&str> = tokens[run.first..run.end].iter().map(|t| doc.slice(t.span)).collect();
    let last = *words.last()?;
    if ORGS.contains(&text) {
        return Some(Label::ORG);
    }
    if LOCS.contains(&text) {
        return Some(Label::LOC);
    }
    if MISCS.contains(&text) {
        return Some(Label::MISC);
    }
    let lower_at = |i: usize| tokens.get(i).map(|t| doc.slice(t.span).to_lowercase());
    let before = run.first.checked_sub(1).and_then(lower_at);
    let after = lower_at(run.end);
    let after_is_cue = after.as_deref().is_some_and(|w| WORK_CUES_AFTER.contains(&w));
    let before_is_cue = before.as_deref().is_some_and(|w| WORK_CUES_BEFORE.contains(&w) || w == "'s");
    let looks_like_name = words.len() <= 3 && words.iter().all(|w| is_name_word(w));
    if words.len() >= 2 && MISC_SUFFIXES.contains(&last) {
        return Some(Label::MISC);
    }
    if words.len() >= 2 && ORG_SUFFIXES.contains(&last) {
        return Some(Label::ORG);
    }
    if words.len() >= 2 && (LOC_SUFFIXES.contains(&last) || is_korean_place(last)) {
        return Some(Label::LOC);
    }
    if after.as_deref() == Some("season") || (before_is_cue && !looks_like_name) || (after_is_cue && words.len() >= 2 && !looks_like_name) {
        return Some(Label::WORK);
    }
    None
}

fn classify_by_shape(doc: &Doc, tokens: &[Token], run: &Run) -> Option<Label> {
    let words: Vec<&str> = tokens[run.first..run.end].iter().map(|t| doc.slice(t.span)).collect();
    let looks_like_name = words.len() <= 3 && words.iter().all(|w| is_name_word(w));
    if is_korean_surname(words[0]) && words.len() >= 2 && looks_like_name {
        return Some(Label::PER);
    }
    if words.len() == 1 && is_given_name(words[0]) {
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

/// `Cheong-san`, `Ji-hu`: two romanised syllables joined by a hyphen, the
/// first capitalised and the second not.
pub(super) fn is_given_name(word: &str) -> bool {
    word.split_once('-').is_some_and(|(a, b)| {
        a.starts_with(|c: char| c.is_ascii_uppercase())
            && b.starts_with(|c: char| c.is_ascii_lowercase())
            && is_syllable(a)
            && is_syllable(b)
    })
}

/// One romanised Korean syllable (`Na`, `Yeon`, `Hwan`), capitalised or not.
pub(super) fn is_syllable(word: &str) -> bool {
    const INITIALS: &[&str] =
        &["", "g", "k", "kk", "n", "d", "t", "tt", "r", "l", "m", "b", "p", "pp", "s", "ss", "sh", "j", "jj", "ch", "h", "y", "w"];
    const VOWELS: &[&str] = &[
        "a", "ae", "e", "eo", "eu", "i", "o", "oe", "oo", "ou", "u", "ui", "ya", "yae", "ye", "yeo", "yo", "yu", "wa", "wae", "we", "wi",
        "wo", "ee", "ea",
    ];
    const FINALS: &[&str] = &["", "k", "n", "ng", "l", "m", "p", "t", "r", "b", "g", "h"];
    let lower = word.to_ascii_lowercase();
    if lower.len() > 6 || !lower.chars().all(|c| c.is_ascii_lowercase()) {
        return false;
    }
    INITIALS.iter().any(|i| {
        lower.strip_prefix(i).is_some_and(|rest| VOWELS.iter().any(|v| rest.strip_prefix(v).is_some_and(|fin| FINALS.contains(&fin))))
    })
}

/// A Korean place by its administrative suffix: `Goyang-si`, `Gyeonggi-do`,
/// `Gapyeong-gun`, `Gangnam-gu`.
pub(super) fn is_korean_place(word: &str) -> bool {
    ["-si", "-do", "-gun", "-gu"].iter().any(|s| word.ends_with(s) && word.len() > s.len() + 2)
}

fn is_name_word(word: &str) -> bool {
    word.chars().all(|c| c.is_alphabetic() || c == '-' || c == '.')
        && !NOT_NAMES.contains(&word)
        && word.len() <= 14
        && !word.chars().skip(1).all(char::is_uppercase)
}

/// Labels the other occurrences of names found once: a later `Ji-hu` after
/// `Park Ji-hu`, the surname `Pascal` after `Pedro Pascal`, a title seen
/// before `season 2` elsewhere.
fn propagate(doc: &Doc, found: Vec<EntityMention>) -> Vec<EntityMention> {
    let mut known: HashMap<&str, Label> = HashMap::new();
    for m in &found {
        known.entry(doc.slice(m.span)).or_insert(m.label);
        if m.label == Label::PER {
            let parts: Vec<&str> = doc.slice(m.span).split(' ').collect();
            if parts.len() >= 2 {
                // Given name of a Korean name; surname of a Western one.
                let key = if is_korean_surname(parts[0]) { parts[1..].join(" ") } else { parts[parts.len() - 1].to_string() };
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
        for run in capitalised_runs(doc, tokens) {
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
