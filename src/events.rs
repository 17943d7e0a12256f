//! Events: what happens to a work or a person, at a time, and how sure the
//! article is of it.
//!
//! Each sentence is read with its named entities blanked out (so `Won` in
//! `Roh Jae Won` is no trigger) and matched against the cue lists below; an
//! event takes the sentence's title (else the document's main title), its
//! season number, the date nearest its trigger, a location for filming and
//! script readings, the persons for casting/exit/award, and a status from
//! the sentence's cue words. The lists are the whole grammar: extend them
//! to teach more.

use crate::document::{Doc, Span};
use crate::offsets::slice_within;
use crate::records::EventRecord;
use crate::roles::{main_work, mention_persons, nearest_work};
use aho_corasick::AhoCorasick;
use scoop_gold::{EventType, Label, PersonKind, Status};
use scoop_timex::TimexType;
use std::sync::OnceLock;

/// Renewal: a renewal word, or an announcement of a new season.
static RENEWAL_WORDS: Cues = Cues::new(&["renewed", "renewal", "renews", "renew", "greenlit", "green-lit", "officially happening"]);
static ANNOUNCE_WORDS: Cues =
    Cues::new(&["confirmed", "confirms", "confirm", "announced", "announces", "ordered", "orders", "plans for", "in the works"]);
static NEW_SEASON_WORDS: Cues = Cues::new(&[
    "second season",
    "third season",
    "fourth season",
    "new season",
    "another season",
    "second round",
    "sequel",
    "production of",
]);
static SCRIPT_READING_WORDS: Cues = Cues::new(&["script reading", "script-reading", "table read"]);
/// Filming: a filming noun; with a start or end verb it is a start or a wrap.
static FILMING_WORDS: Cues = Cues::new(&["filming", "shooting", "shoot", "production", "cameras", "film"]);
static START_WORDS: Cues = Cues::new(&[
    "begin",
    "begins",
    "began",
    "begun",
    "beginning",
    "start",
    "starts",
    "started",
    "starting",
    "commence",
    "commenced",
    "kick off",
    "kicked off",
    "rolling",
    "crank in",
    "cranked in",
]);
static END_WORDS: Cues =
    Cues::new(&["wrap", "wraps", "wrapped", "wrapping", "finished", "finish", "completed", "complete", "concluded", "stop", "ended"]);
/// Verbs of filming in progress when no start or end is said.
static WRAP_UP_WORDS: Cues = Cues::new(&["wrapped up", "wrap up", "wrapping up"]);
static FILMING_ONGOING_WORDS: Cues =
    Cues::new(&["filming", "shooting", "is being filmed", "in production", "underway", "on set", "will shoot", "to shoot"]);
/// Release: verbs, and the noun, which counts only with a date.
static RELEASE_WORDS: Cues = Cues::new(&[
    "premiere",
    "premieres",
    "premiered",
    "released",
    "releases",
    "airs",
    "aired",
    "air",
    "debut",
    "debuts",
    "debuted",
    "dropped",
    "drops",
    "streaming",
    "will stream",
    "come out",
    "comes out",
    "coming soon",
    "return on",
    "returns on",
    "hit screens",
    "arrives",
]);
static RELEASE_NOUNS: Cues = Cues::new(&["release", "premiere"]);
/// What is released when the work is not: `Netflix released a teaser`.
static RELEASED_ARTIFACTS: Cues = Cues::new(&[
    "teaser",
    "trailer",
    "poster",
    "photo",
    "still",
    "image",
    "video",
    "gallery",
    "statement",
    "report",
    "first look",
    "clip",
    "footage",
    "single",
    "ost",
    "album",
]);
static CASTING_WORDS: Cues = Cues::new(&[
    "cast",
    "casting",
    "joins",
    "joined",
    "join",
    "joining",
    "in talks",
    "returning",
    "return",
    "returns",
    "reprise",
    "reprising",
    "lineup",
    "line-up",
    "star",
    "stars",
    "starring",
    "confirmed to appear",
    "will appear",
    "roped in",
    "tapped",
    "replaces",
    "replace",
]);
static CAST_EXIT_WORDS: Cues = Cues::new(&[
    "exited",
    "exits",
    "left the",
    "leave the",
    "leaving the",
    "dropped out",
    "drop out",
    "declined",
    "stepped down",
    "will not return",
    "won't return",
    "not return",
]);
/// Award: a verb of winning with an award noun in the sentence.
static AWARD_WORDS: Cues =
    Cues::new(&["won", "wins", "win", "nominated", "nomination", "awarded", "received", "took home", "bagged", "landed"]);
static AWARD_NOUNS: Cues =
    Cues::new(&["award", "awards", "prize", "trophy", "emmy", "emmys", "oscar", "oscars", "globe", "baeksang", "nomination"]);

/// Status cues, strongest first.
static NEGATION_CUES: Cues =
    Cues::new(&["not", "n't", "yet to", "no official", "denied", "never", "has yet", "have yet", "no plans", "untrue", "shut down"]);
static RUMOR_CUES: Cues = Cues::new(&[
    "rumored",
    "rumoured",
    "rumor",
    "rumour",
    "rumors",
    "rumours",
    "could",
    "might",
    "likely",
    "speculation",
    "speculating",
    "speculated",
    "speculate",
    "possibly",
    "perhaps",
    "seemingly",
    "bets are",
    "believed to",
    "hints",
    "may",
    "hopefully",
    "possible",
]);
static REPORT_CUES: Cues = Cues::new(&[
    "according to",
    "reportedly",
    "reported",
    "report",
    "reports",
    "sources",
    "is said to",
    "it is being said",
    "allegedly",
    "insider",
    "under discussion",
    "nothing has been decided",
    "positively reviewing",
    "positively considering",
    "in talks",
    "in discussions",
    "considering",
    "been offered",
    "per",
    "told",
]);
static EXPECT_CUES: Cues = Cues::new(&[
    "will",
    "is expected",
    "are expected",
    "set to",
    "slated",
    "scheduled",
    "plans to",
    "planning to",
    "upcoming",
    "is going to",
    "aims to",
    "expected to",
    "soon",
]);
/// Prepositions that introduce a place: `at the X`, `in X`.
const LOCATION_PREPOSITIONS: &[&str] = &["at", "in"];

pub fn find_events(doc: &mut Doc) {
    let person_of = mention_persons(doc);
    let main_work = main_work(doc);
    let mut events: Vec<EventRecord> = Vec::new();
    for sentence in &doc.sentences {
        let in_sentence = doc.mentions_within(sentence.span);
        let text = masked_lowercase(doc, sentence.span, &in_sentence);
        let work = nearest_work(doc, &in_sentence).or_else(|| main_work.clone());
        let season = season_number(&text);
        let status = sentence_status(&text);
        let has_date = doc.dates_within(sentence.span).any(|d| doc.dates[d].timex_type != TimexType::Duration);
        let plain = doc.slice(sentence.span).to_ascii_lowercase();
        for (event_type, (at, len)) in detect(&text, &plain, has_date) {
            let trigger = Span::new(sentence.span.start as usize + at, sentence.span.start as usize + at + len);
            let date = anchoring_date(doc, sentence.span, trigger);
            let status = adjust_for_future(doc, event_type, status, date);
            let base = EventRecord {
                event_type,
                work: work.clone(),
                season,
                person: None,
                date,
                location: None,
                status,
                evidence: sentence.span,
                trigger,
            };
            if event_type.is_about_person() {
                for &m in &in_sentence {
                    if let Some(p) = person_of[m] {
                        if doc.persons[p].kind == PersonKind::Person
                            && !events.iter().any(|e| e.evidence == sentence.span && e.person == Some(p) && e.event_type == event_type)
                        {
                            events.push(EventRecord { person: Some(p), ..base.clone() });
                        }
                    }
                }
            } else {
                let location = if matches!(event_type, EventType::Filming | EventType::ScriptReading) {
                    location_after(doc, &in_sentence, trigger)
                } else {
                    None
                };
                events.push(EventRecord { location, ..base });
            }
        }
    }
    doc.events = dedupe(doc, events);
}

/// The sentence in ASCII lowercase with every mention and date blanked out
/// (`May 31` is no hedge); byte offsets are those of the sentence.
fn masked_lowercase(doc: &Doc, sentence: Span, in_sentence: &[usize]) -> String {
    let mut bytes = doc.slice(sentence).to_ascii_lowercase().into_bytes();
    let mentions = in_sentence.iter().map(|&m| doc.mentions[m].span);
    let dates = doc.dates_within(sentence).map(|d| Span::new(doc.dates[d].start, doc.dates[d].end));
    for span in mentions.chain(dates) {
        for b in &mut bytes[(span.start - sentence.start) as usize..(span.end - sentence.start) as usize] {
            // Only ASCII bytes: multi-byte chars stay whole and valid.
            if b.is_ascii() {
                *b = b' ';
            }
        }
    }
    String::from_utf8(bytes).unwrap_or_default()
}

/// The events a sentence states, each with its trigger (offset, length).
/// `text` has its names blanked; `plain` has not (award names hold their cue).
fn detect(text: &str, plain: &str, has_date: bool) -> Vec<(EventType, (usize, usize))> {
    let mut found = Vec::new();
    if let Some(t) = RENEWAL_WORDS.first(text).or_else(|| announced_season(text)) {
        found.push((EventType::Renewal, t));
    }
    if let Some(t) = SCRIPT_READING_WORDS.first(text) {
        found.push((EventType::ScriptReading, t));
    }
    let filming_noun = FILMING_WORDS.first(text);
    let start = filming_noun.and_then(|_| START_WORDS.first(text));
    let end = filming_noun.and_then(|_| END_WORDS.first(text)).or_else(|| WRAP_UP_WORDS.first(text));
    if let Some(t) = start {
        found.push((EventType::FilmingStart, t));
    }
    if let Some(t) = end {
        found.push((EventType::FilmingEnd, t));
    }
    if start.is_none() && end.is_none() {
        if let Some(t) = FILMING_ONGOING_WORDS.first(text) {
            found.push((EventType::Filming, t));
        }
    }
    if let Some(t) = release_trigger(text, has_date) {
        found.push((EventType::Release, t));
    }
    if let Some(t) = CAST_EXIT_WORDS.first(text) {
        found.push((EventType::CastExit, t));
    }
    if let Some(t) = CASTING_WORDS.first(text) {
        found.push((EventType::Casting, t));
    }
    if AWARD_NOUNS.first(plain).is_some() {
        if let Some(t) = AWARD_WORDS.first(text) {
            found.push((EventType::Award, t));
        }
    }
    found
}

/// `Netflix confirmed a second season`: an announcement word shortly before a new-season phrase.
fn announced_season(text: &str) -> Option<(usize, usize)> {
    let (at, len) = ANNOUNCE_WORDS.first(text)?;
    let window = slice_within(text, at, at + len + 40);
    NEW_SEASON_WORDS.first(window).map(|_| (at, len))
}

/// A release verb not about a teaser or poster, or the noun with a date.
fn release_trigger(text: &str, has_date: bool) -> Option<(usize, usize)> {
    let verb = RELEASE_WORDS.all(text).into_iter().find(|&(at, len)| {
        let after = slice_within(text, at + len, at + len + 30);
        let before = slice_within(text, at.saturating_sub(8), at);
        let about_the_work = RELEASED_ARTIFACTS.first(after).is_none() && !after.starts_with(" out");
        about_the_work && (!before.ends_with("acting ") && !before.ends_with("were ") || has_date)
    });
    verb.or_else(|| if has_date { RELEASE_NOUNS.first(text) } else { None })
}

/// A cue list, matched in one pass per text by an automaton built on first
/// use. Single words match at word boundaries; phrases and clitics (`n't`)
/// match anywhere.
struct Cues {
    words: &'static [&'static str],
    automaton: OnceLock<AhoCorasick>,
}

impl Cues {
    const fn new(words: &'static [&'static str]) -> Cues {
        Cues { words, automaton: OnceLock::new() }
    }

    /// Every match, in order: (byte offset, length).
    fn all(&self, text: &str) -> Vec<(usize, usize)> {
        let automaton = self.automaton.get_or_init(|| AhoCorasick::new(self.words).expect("cue lists are plain strings"));
        let bytes = text.as_bytes();
        let mut found: Vec<(usize, usize)> = automaton
            .find_overlapping_iter(text)
            .filter(|m| {
                let (at, end) = (m.start(), m.end());
                let left_ok = at == 0 || !bytes[at - 1].is_ascii_alphanumeric();
                let right_ok = end >= bytes.len() || !bytes[end].is_ascii_alphanumeric();
                left_ok && right_ok
            })
            .map(|m| (m.start(), m.len()))
            .collect();
        found.sort_unstable();
        found
    }

    /// The first match at word boundaries.
    fn first(&self, text: &str) -> Option<(usize, usize)> {
        self.all(text).into_iter().next()
    }

    /// Whether the text holds a cue (phrases and clitics anywhere).
    fn present(&self, text: &str) -> bool {
        let automaton = self.automaton.get_or_init(|| AhoCorasick::new(self.words).expect("cue lists are plain strings"));
        let bytes = text.as_bytes();
        automaton.find_overlapping_iter(text).any(|m| {
            let word = self.words[m.pattern().as_usize()];
            let (at, end) = (m.start(), m.end());
            !word.chars().all(char::is_alphanumeric)
                || ((at == 0 || !bytes[at - 1].is_ascii_alphanumeric()) && (end >= bytes.len() || !bytes[end].is_ascii_alphanumeric()))
        })
    }
}

fn sentence_status(text: &str) -> Status {
    if NEGATION_CUES.present(text) {
        Status::Negated
    } else if RUMOR_CUES.present(text) {
        Status::Rumored
    } else if REPORT_CUES.present(text) {
        Status::Reported
    } else if EXPECT_CUES.present(text) {
        Status::Expected
    } else {
        Status::Confirmed
    }
}

/// A casting stated with `will` is settled news; other future events
/// (`will`, or dated after the DCT) are expected.
fn adjust_for_future(doc: &Doc, event_type: EventType, status: Status, date: Option<usize>) -> Status {
    let future_date = date.is_some_and(|d| doc.dates[d].value == "FUTURE_REF" || is_after_dct(doc, d));
    match (event_type, status) {
        (EventType::Casting | EventType::CastExit | EventType::Renewal, Status::Expected) => Status::Confirmed,
        (_, Status::Confirmed) if future_date => Status::Expected,
        _ => status,
    }
}

/// The date lies wholly after the document creation time.
fn is_after_dct(doc: &Doc, date: usize) -> bool {
    let (Some(dct), Some((begin, _))) = (doc.dct.as_ref(), doc.dates[date].interval) else { return false };
    let dct_day = chrono::NaiveDate::from_ymd_opt(dct.parsed.year, dct.parsed.month, dct.parsed.day.unwrap_or(1));
    dct_day.is_some_and(|day| begin > day)
}

/// `season 2`, `second season`, `Season 2`: the first season number of the sentence.
fn season_number(text: &str) -> Option<u32> {
    const ORDINALS: &[(&str, u32)] = &[("first", 1), ("second", 2), ("third", 3), ("fourth", 4), ("fifth", 5)];
    static SEASON: Cues = Cues::new(&["season"]);
    let (at, _) = SEASON.first(text)?;
    let after = text[at + "season".len()..].trim_start();
    let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
    if let Ok(n) = digits.parse() {
        return Some(n);
    }
    let before = text[..at].trim_end();
    ORDINALS.iter().find(|(w, _)| before.ends_with(w)).map(|&(_, n)| n)
}

/// The DATE or TIME in the sentence nearest the trigger.
fn anchoring_date(doc: &Doc, sentence: Span, trigger: Span) -> Option<usize> {
    doc.dates_within(sentence)
        .filter(|&d| matches!(doc.dates[d].timex_type, TimexType::Date | TimexType::Time))
        .min_by_key(|&d| (doc.dates[d].start as i64 - trigger.start as i64).unsigned_abs())
}

/// A LOC mention after `at`/`in` following the trigger.
fn location_after(doc: &Doc, in_sentence: &[usize], trigger: Span) -> Option<String> {
    in_sentence
        .iter()
        .map(|&m| doc.mentions[m])
        .filter(|m| m.label == Label::LOC && m.span.start >= trigger.end)
        .find(|m| {
            let lead = &doc.text[trigger.end as usize..m.span.start as usize];
            lead.split(|c: char| !c.is_ascii_alphanumeric()).any(|w| LOCATION_PREPOSITIONS.contains(&w)) && lead.len() < 80
        })
        .map(|m| doc.original_slice(m.span).to_string())
}

/// An unstated work or season agrees with any.
fn agree<T: PartialEq>(a: &Option<T>, b: &Option<T>) -> bool {
    a.is_none() || b.is_none() || a == b
}

/// An event stated several times is one: same type, person or date, status
/// and work. A dateless statement of an event the document also dates adds
/// nothing, and dateless statements of one event are one whatever their cues.
fn dedupe(doc: &Doc, events: Vec<EventRecord>) -> Vec<EventRecord> {
    let value = |e: &EventRecord| e.date.map(|d| doc.dates[d].value.as_str());
    let same_event = |a: &EventRecord, b: &EventRecord| {
        a.event_type == b.event_type && a.person == b.person && agree(&a.work, &b.work) && agree(&a.season, &b.season)
    };
    let mut kept: Vec<EventRecord> = Vec::new();
    for event in &events {
        // The guide keys person events by person: the first statement stands.
        if event.event_type.is_about_person() && kept.iter().any(|k| same_event(k, event)) {
            continue;
        }
        let dateless_repeat = !event.event_type.is_about_person()
            && event.date.is_none()
            && events.iter().any(|other| same_event(other, event) && (other.date.is_some() || kept.iter().any(|k| same_event(k, event))));
        let duplicate = kept
            .iter()
            .any(|k| same_event(k, event) && k.status == event.status && (event.event_type.is_about_person() || value(k) == value(event)));
        if !dateless_repeat && !duplicate {
            kept.push(event.clone());
        }
    }
    kept
}
