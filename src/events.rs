//! Events: what happens to a work or a person, at a time, and how sure the
//! article is of it.
//!
//! Each sentence is matched against trigger phrases per event type; the
//! event takes the sentence's title (else the document's main title), its
//! season number, the date nearest the trigger, a location for filming, the
//! persons for casting/exit/award, and a status from the cue words of the
//! sentence.

use crate::document::{Doc, Span};
use crate::records::EventRecord;
use crate::roles::{main_work, mention_persons, nearest_work};
use scoop_gold::{EventType, Label, PersonKind, Status};
use scoop_timex::TimexType;

/// Trigger phrases per event type, lowercase, matched at word boundaries.
const TRIGGERS: &[(EventType, &[&str])] = &[
    (EventType::Renewal, &["renewed", "renewal", "renews", "greenlit", "green-lit", "confirmed a second season", "confirmed season", "ordered a", "officially confirmed the production"]),
    (EventType::ScriptReading, &["script reading", "script-reading", "table read"]),
    (EventType::FilmingStart, &["began filming", "begin filming", "begins filming", "start filming", "started filming", "starts filming", "began shooting", "begin shooting", "start shooting", "started shooting", "begin production", "began production", "started production", "start production", "cameras rolling", "kicked off filming", "commenced filming", "crank in", "cranked in"]),
    (EventType::FilmingEnd, &["wrapped", "wrap up", "wrapping up", "wraps", "wrap filming", "finished filming", "completed filming", "finished shooting", "completed shooting", "filming wrapped", "concluded filming"]),
    (EventType::Filming, &["filming", "shooting", "is being filmed", "currently in production", "in production", "on set"]),
    (EventType::Release, &["premiere", "premieres", "premiered", "release", "released", "releases", "airs", "aired", "air on", "debut", "debuts", "debuted", "drop", "drops", "streaming", "will stream", "hit screens", "arrives"]),
    (EventType::CastExit, &["exited", "exits", "left the", "leave the", "leaving the", "dropped out", "drop out", "declined", "stepped down", "replaced", "will not return", "won't return", "not return"]),
    (EventType::Casting, &["cast", "casting", "joins", "joined", "join", "joining", "in talks", "returning", "return", "returns", "reprise", "reprising", "lineup", "line-up", "star", "stars", "starring", "confirmed to appear", "will appear", "roped in", "tapped"]),
    (EventType::Award, &["won", "wins", "nominated", "nomination", "award for", "awarded"]),
];
const NEGATION_CUES: &[&str] = &["not", "n't", "yet to", "no official", "denied", "never", "has yet", "have yet", "no plans"];
const RUMOR_CUES: &[&str] = &["rumored", "rumoured", "rumor", "rumour", "could", "might", "likely", "speculation", "speculating", "speculated", "speculate", "possibly", "perhaps", "seemingly", "bets are", "believed to", "hints", "may"];
const REPORT_CUES: &[&str] = &["according to", "reportedly", "reported", "report", "sources", "is said to", "it is being said", "allegedly", "insider", "under discussion", "nothing has been decided", "positively reviewing"];
const EXPECT_CUES: &[&str] = &["will", "is expected", "are expected", "set to", "slated", "scheduled", "plans to", "planning to", "upcoming", "is going to", "aims to", "expected to"];
/// Prepositions that introduce a place: `at the X`, `in X`.
const LOCATION_PREPOSITIONS: &[&str] = &[" at ", " in "];

pub fn find_events(doc: &mut Doc) {
    let person_of = mention_persons(doc);
    let main_work = main_work(doc);
    let mut events: Vec<EventRecord> = Vec::new();
    for sentence in &doc.sentences {
        let lower = doc.slice(sentence.span).to_lowercase();
        let in_sentence: Vec<usize> = (0..doc.mentions.len()).filter(|&m| sentence.span.contains(doc.mentions[m].span)).collect();
        let work = nearest_work(doc, &in_sentence).or_else(|| main_work.clone());
        let season = season_number(&lower);
        let status = sentence_status(&lower);
        for &(event_type, triggers) in TRIGGERS {
            let Some((at, len)) = find_trigger(&lower, triggers) else { continue };
            let trigger = Span::new(sentence.span.start as usize + at, sentence.span.start as usize + at + len);
            if event_type == EventType::Filming && events.iter().any(|e| e.evidence == sentence.span && matches!(e.event_type, EventType::FilmingStart | EventType::FilmingEnd)) {
                continue;
            }
            let date = anchoring_date(doc, sentence.span, trigger);
            let status = adjust_for_future(doc, event_type, status, date);
            let base = EventRecord { event_type, work: work.clone(), season, person: None, date, location: None, status, evidence: sentence.span, trigger };
            if event_type.is_about_person() {
                for &m in &in_sentence {
                    if let Some(p) = person_of[m] {
                        if doc.persons[p].kind == PersonKind::Person && !events.iter().any(|e| e.evidence == sentence.span && e.person == Some(p) && e.event_type == event_type) {
                            events.push(EventRecord { person: Some(p), ..base.clone() });
                        }
                    }
                }
            } else {
                let location = if matches!(event_type, EventType::Filming | EventType::ScriptReading) { location_after(doc, &in_sentence, trigger) } else { None };
                events.push(EventRecord { location, ..base });
            }
        }
    }
    doc.events = dedupe(doc, events);
}

/// First trigger found at word boundaries: (byte offset in `lower`, length).
fn find_trigger(lower: &str, triggers: &[&str]) -> Option<(usize, usize)> {
    triggers
        .iter()
        .filter_map(|t| find_word(lower, t).map(|at| (at, t.len())))
        .min()
}

fn find_word(haystack: &str, needle: &str) -> Option<usize> {
    let bytes = haystack.as_bytes();
    let mut from = 0;
    while let Some(found) = haystack[from..].find(needle) {
        let at = from + found;
        let end = at + needle.len();
        let left_ok = at == 0 || !bytes[at - 1].is_ascii_alphanumeric();
        let right_ok = end >= bytes.len() || !bytes[end].is_ascii_alphanumeric();
        if left_ok && right_ok {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// Single words match whole words; phrases and clitics (`n't`) match anywhere.
fn has_cue(lower: &str, cues: &[&str]) -> bool {
    cues.iter().any(|c| if c.chars().all(char::is_alphanumeric) { find_word(lower, c).is_some() } else { lower.contains(c) })
}

fn sentence_status(lower: &str) -> Status {
    if has_cue(lower, NEGATION_CUES) {
        Status::Negated
    } else if has_cue(lower, RUMOR_CUES) {
        Status::Rumored
    } else if has_cue(lower, REPORT_CUES) {
        Status::Reported
    } else if has_cue(lower, EXPECT_CUES) {
        Status::Expected
    } else {
        Status::Confirmed
    }
}

/// A casting stated with `will` is settled news; other future events are expected.
fn adjust_for_future(doc: &Doc, event_type: EventType, status: Status, date: Option<usize>) -> Status {
    let future_date = date.is_some_and(|d| doc.dates[d].value == "FUTURE_REF");
    match (event_type, status) {
        (EventType::Casting | EventType::CastExit | EventType::Renewal, Status::Expected) => Status::Confirmed,
        (_, Status::Confirmed) if future_date => Status::Expected,
        _ => status,
    }
}

/// `season 2`, `second season`, `Season 2`: the first season number of the sentence.
fn season_number(lower: &str) -> Option<u32> {
    const ORDINALS: &[(&str, u32)] = &[("first", 1), ("second", 2), ("third", 3), ("fourth", 4), ("fifth", 5), ("final", 0)];
    if let Some(at) = find_word(lower, "season") {
        let after = lower[at + "season".len()..].trim_start();
        let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
        if let Ok(n) = digits.parse() {
            return Some(n);
        }
        let before = lower[..at].trim_end();
        if let Some(&(_, n)) = ORDINALS.iter().find(|(w, n)| *n > 0 && before.ends_with(w)) {
            return Some(n);
        }
    }
    None
}

/// The DATE or TIME in the sentence nearest the trigger.
fn anchoring_date(doc: &Doc, sentence: Span, trigger: Span) -> Option<usize> {
    doc.dates
        .iter()
        .enumerate()
        .filter(|(_, d)| matches!(d.timex_type, TimexType::Date | TimexType::Time))
        .filter(|(_, d)| sentence.start as usize <= d.start && d.end <= sentence.end as usize)
        .min_by_key(|(_, d)| (d.start as i64 - trigger.start as i64).unsigned_abs())
        .map(|(i, _)| i)
}

/// A LOC mention after `at`/`in` following the trigger.
fn location_after(doc: &Doc, in_sentence: &[usize], trigger: Span) -> Option<String> {
    in_sentence
        .iter()
        .map(|&m| doc.mentions[m])
        .filter(|m| m.label == Label::LOC && m.span.start >= trigger.end)
        .find(|m| {
            let lead = &doc.text[trigger.end as usize..m.span.start as usize];
            LOCATION_PREPOSITIONS.iter().any(|p| lead.contains(p)) && lead.len() < 80
        })
        .map(|m| doc.original_slice(m.span).to_string())
}

/// An event stated several times is one: same type, person or date, status and work.
fn dedupe(doc: &Doc, events: Vec<EventRecord>) -> Vec<EventRecord> {
    let mut kept: Vec<EventRecord> = Vec::new();
    let key_date = |e: &EventRecord| if e.event_type.is_about_person() { None } else { e.date.map(|d| doc.dates[d].value.as_str()) };
    for event in events {
        let duplicate = kept.iter().any(|k| {
            k.event_type == event.event_type && k.person == event.person && k.status == event.status && k.work == event.work && key_date(k) == key_date(&event)
        });
        if !duplicate {
            kept.push(event);
        }
    }
    kept
}
