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

use crate::document::{is_list_gap, Doc, Span};
use crate::features::sentence_words;
use crate::offsets::slice_within;
use crate::records::EventRecord;
use scoop_gold::{EventType, Label, PersonKind, Status};
use scoop_lexicon::{Lexicon, ResourceError, Resources};
use scoop_timex::TimexType;

mod learned;
pub use learned::{EventExamples, EventModel};

/// The events stage's cue lists (`resources/events/`), read once: each
/// file's header says what its cues state.
pub struct EventCues {
    renewal: Lexicon,
    announce: Lexicon,
    new_season: Lexicon,
    script_reading: Lexicon,
    filming_nouns: Lexicon,
    filming_start: Lexicon,
    filming_end: Lexicon,
    wrap_up: Lexicon,
    filming_ongoing: Lexicon,
    release_verbs: Lexicon,
    release_nouns: Lexicon,
    released_artifacts: Lexicon,
    casting: Lexicon,
    cast_exit: Lexicon,
    award_verbs: Lexicon,
    award_nouns: Lexicon,
    status_negated: Lexicon,
    status_negated_clitics: Lexicon,
    status_rumored: Lexicon,
    status_reported: Lexicon,
    status_expected: Lexicon,
    location_prepositions: Lexicon,
    season_ordinals: Lexicon,
    season_words: Lexicon,
}

/// What the cue lists read in one sentence.
struct SentenceReading {
    /// The season number named.
    season: Option<u32>,
    /// The status its cue words say.
    status: Status,
    /// The events its cues state, each with its trigger (offset, length in the sentence).
    detections: Vec<(EventType, (usize, usize))>,
}

impl SentenceReading {
    /// The cue lists' decisions: every detection, with its trigger.
    fn decisions(&self, doc: &Doc, sentence: Span) -> Vec<Decision> {
        self.detections
            .iter()
            .map(|&(event_type, (at, len))| {
                let trigger = Span::new(sentence.start as usize + at, sentence.start as usize + at + len);
                self.decision(doc, sentence, event_type, trigger)
            })
            .collect()
    }

    /// An event of the sentence with its trigger, and the status its cue
    /// words say, adjusted for a future date.
    fn decision(&self, doc: &Doc, sentence: Span, event_type: EventType, trigger: Span) -> Decision {
        let status = adjust_for_future(doc, event_type, self.status, anchoring_date(doc, sentence, trigger));
        Decision { event_type, trigger, status }
    }

    /// The trigger of a detected event type.
    fn trigger_of(&self, event_type: EventType, sentence: Span) -> Option<Span> {
        self.detections
            .iter()
            .find(|(t, _)| *t == event_type)
            .map(|&(_, (at, len))| Span::new(sentence.start as usize + at, sentence.start as usize + at + len))
    }
}

/// That a sentence states an event of a type, where, and how surely.
struct Decision {
    event_type: EventType,
    trigger: Span,
    status: Status,
}

impl EventCues {
    /// Reads every `events/` file; a season ordinal's value must be a number.
    pub fn new(resources: &Resources) -> Result<EventCues, ResourceError> {
        let cues = EventCues {
            renewal: resources.lexicon("events/renewal.txt")?,
            announce: resources.lexicon("events/announce.txt")?,
            new_season: resources.lexicon("events/new-season.txt")?,
            script_reading: resources.lexicon("events/script-reading.txt")?,
            filming_nouns: resources.lexicon("events/filming-nouns.txt")?,
            filming_start: resources.lexicon("events/filming-start.txt")?,
            filming_end: resources.lexicon("events/filming-end.txt")?,
            wrap_up: resources.lexicon("events/wrap-up.txt")?,
            filming_ongoing: resources.lexicon("events/filming-ongoing.txt")?,
            release_verbs: resources.lexicon("events/release-verbs.txt")?,
            release_nouns: resources.lexicon("events/release-nouns.txt")?,
            released_artifacts: resources.lexicon("events/released-artifacts.txt")?,
            casting: resources.lexicon("events/casting.txt")?,
            cast_exit: resources.lexicon("events/cast-exit.txt")?,
            award_verbs: resources.lexicon("events/award-verbs.txt")?,
            award_nouns: resources.lexicon("events/award-nouns.txt")?,
            status_negated: resources.lexicon("events/status-negated.txt")?,
            status_negated_clitics: resources.lexicon("events/status-negated-clitics.txt")?,
            status_rumored: resources.lexicon("events/status-rumored.txt")?,
            status_reported: resources.lexicon("events/status-reported.txt")?,
            status_expected: resources.lexicon("events/status-expected.txt")?,
            location_prepositions: resources.lexicon("events/location-prepositions.txt")?,
            season_ordinals: resources.lexicon("events/season-ordinals.txt")?,
            season_words: resources.lexicon("events/season-words.txt")?,
        };
        for entry in cues.season_ordinals.entries() {
            if entry.value.as_deref().and_then(|v| v.parse::<u32>().ok()).is_none() {
                return Err(ResourceError {
                    file: cues.season_ordinals.name().to_string(),
                    line: Some(entry.line),
                    message: format!("`{}` needs its season number after ` => `", entry.text),
                });
            }
        }
        Ok(cues)
    }

    /// Finds a document's events by the cue lists alone.
    pub fn find_events(&self, doc: &Doc) -> Vec<EventRecord> {
        self.find_events_with(doc, None)
    }

    /// Finds a document's events: what each sentence's cue lists find, and
    /// what `model`, when given, finds that they miss.
    pub fn find_events_with(&self, doc: &Doc, model: Option<&EventModel>) -> Vec<EventRecord> {
        let person_of = doc.person_of_mentions();
        let main_work = doc.main_work();
        let mut events: Vec<EventRecord> = Vec::new();
        for sentence in &doc.sentences {
            let in_sentence = doc.mentions_within(sentence.span);
            let reading = self.read_sentence(doc, sentence.span, &in_sentence);
            let work = doc.sentence_work(&in_sentence).or_else(|| main_work.clone());
            let mut decisions = reading.decisions(doc, sentence.span);
            // The classifiers read the sentence as words, made once for all of them.
            let words = model.map(|_| sentence_words(doc, sentence, &in_sentence)).unwrap_or_default();
            if let Some(model) = model {
                let added = model.added_types(doc, sentence, &words, &reading);
                decisions.extend(added.into_iter().map(|(event_type, trigger)| reading.decision(doc, sentence.span, event_type, trigger)));
            }
            for Decision { event_type, trigger, status } in decisions {
                let date = anchoring_date(doc, sentence.span, trigger);
                let base = EventRecord {
                    event_type,
                    work: work.clone(),
                    season: reading.season,
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
                            if doc.person_kind(p) == PersonKind::Person
                                && !events.iter().any(|e| e.evidence == sentence.span && e.person == Some(p) && e.event_type == event_type)
                                && !model.is_some_and(|model| !model.is_about(doc, &words, event_type, trigger, (m, p)))
                            {
                                events.push(EventRecord { person: Some(p), ..base.clone() });
                            }
                        }
                    }
                } else {
                    let location = if matches!(event_type, EventType::Filming | EventType::ScriptReading) {
                        self.location_after(doc, &in_sentence, trigger)
                    } else {
                        None
                    };
                    // `A, B and C were renewed`: one renewal per listed title.
                    match listed_works(doc, &in_sentence) {
                        works if works.len() >= 2 && event_type == EventType::Renewal => events
                            .extend(works.into_iter().map(|w| EventRecord { work: Some(w), location: location.clone(), ..base.clone() })),
                        _ => events.push(EventRecord { location, ..base }),
                    }
                }
            }
        }
        dedupe(doc, events)
    }

    /// What the cue lists read in one sentence.
    fn read_sentence(&self, doc: &Doc, sentence: Span, in_sentence: &[usize]) -> SentenceReading {
        let text = masked_lowercase(doc, sentence, in_sentence);
        let has_date = doc.dates_within(sentence).any(|d| doc.dates[d].timex_type != TimexType::Duration);
        let plain = doc.slice(sentence).to_ascii_lowercase();
        SentenceReading {
            season: self.season_number(&text),
            status: self.sentence_status(&text),
            detections: self.detect(&text, &plain, has_date),
        }
    }

    /// The events a sentence states, each with its trigger (offset, length).
    /// `text` has its names blanked; `plain` has not (award names hold their cue).
    fn detect(&self, text: &str, plain: &str, has_date: bool) -> Vec<(EventType, (usize, usize))> {
        let mut found = Vec::new();
        if let Some(t) = self.renewal.find_first(text).or_else(|| self.announced_season(text)) {
            found.push((EventType::Renewal, t));
        }
        if let Some(t) = self.script_reading.find_first(text) {
            found.push((EventType::ScriptReading, t));
        }
        let filming_noun = self.filming_nouns.find_first(text);
        let start = filming_noun.and_then(|_| self.filming_start.find_first(text));
        let end = filming_noun.and_then(|_| self.filming_end.find_first(text)).or_else(|| self.wrap_up.find_first(text));
        if let Some(t) = start {
            found.push((EventType::FilmingStart, t));
        }
        if let Some(t) = end {
            found.push((EventType::FilmingEnd, t));
        }
        if start.is_none() && end.is_none() {
            if let Some(t) = self.filming_ongoing.find_first(text) {
                found.push((EventType::Filming, t));
            }
        }
        if let Some(t) = self.release_trigger(text, has_date) {
            found.push((EventType::Release, t));
        }
        if let Some(t) = self.cast_exit.find_first(text) {
            found.push((EventType::CastExit, t));
        }
        if let Some(t) = self.casting.find_first(text) {
            found.push((EventType::Casting, t));
        }
        if self.award_nouns.find_first(plain).is_some() {
            if let Some(t) = self.award_verbs.find_first(text) {
                found.push((EventType::Award, t));
            }
        }
        found
    }

    /// `Netflix confirmed a second season`: an announcement word shortly before a new-season phrase.
    fn announced_season(&self, text: &str) -> Option<(usize, usize)> {
        let (at, len) = self.announce.find_first(text)?;
        let window = slice_within(text, at, at + len + 40);
        self.new_season.find_first(window).map(|_| (at, len))
    }

    /// A release verb not about a teaser or poster, or the noun with a date.
    fn release_trigger(&self, text: &str, has_date: bool) -> Option<(usize, usize)> {
        let verb = self.release_verbs.find_all(text).into_iter().find(|&(at, len)| {
            let after = slice_within(text, at + len, at + len + 30);
            let before = slice_within(text, at.saturating_sub(8), at);
            let about_the_work = self.released_artifacts.find_first(after).is_none() && !after.starts_with(" out");
            about_the_work && (!before.ends_with("acting ") && !before.ends_with("were ") || has_date)
        });
        verb.or_else(|| if has_date { self.release_nouns.find_first(text) } else { None })
    }

    fn sentence_status(&self, text: &str) -> Status {
        if self.status_negated.is_in(text) || self.status_negated_clitics.is_in(text) {
            Status::Negated
        } else if self.status_rumored.is_in(text) {
            Status::Rumored
        } else if self.status_reported.is_in(text) {
            Status::Reported
        } else if self.status_expected.is_in(text) {
            Status::Expected
        } else {
            Status::Confirmed
        }
    }

    /// `season 2`, `second season`, `Season 2`: the first season number of the sentence.
    fn season_number(&self, text: &str) -> Option<u32> {
        let (at, len) = self.season_words.find_first(text)?;
        let after = text[at + len..].trim_start();
        let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
        if let Ok(n) = digits.parse() {
            return Some(n);
        }
        let before = text[..at].trim_end();
        self.season_ordinals.ending(before).and_then(|entry| entry.value.as_deref()?.parse().ok())
    }

    /// A LOC mention after `at`/`in` following the trigger.
    fn location_after(&self, doc: &Doc, in_sentence: &[usize], trigger: Span) -> Option<String> {
        in_sentence
            .iter()
            .map(|&m| doc.mentions[m])
            .filter(|m| m.label == Label::LOC && m.span.start >= trigger.end)
            .find(|m| {
                let lead = &doc.text[trigger.end as usize..m.span.start as usize];
                self.location_prepositions.is_in(lead) && lead.len() < 80
            })
            .map(|m| doc.original_slice(m.span).to_string())
    }
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

/// The longest run of titles a sentence lists together (`A, B and C`), as written.
fn listed_works(doc: &Doc, in_sentence: &[usize]) -> Vec<String> {
    let works: Vec<Span> = in_sentence.iter().map(|&m| doc.mentions[m]).filter(|m| m.label == Label::WORK).map(|m| m.span).collect();
    let mut longest: &[Span] = &[];
    let mut start = 0;
    for i in 1..=works.len() {
        let continues = i < works.len() && is_list_gap(&doc.text[works[i - 1].end as usize..works[i].start as usize]);
        if !continues {
            if i - start > longest.len() {
                longest = &works[start..i];
            }
            start = i;
        }
    }
    longest.iter().map(|&span| doc.original_slice(span).to_string()).collect()
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

/// The DATE or TIME in the sentence nearest the trigger.
fn anchoring_date(doc: &Doc, sentence: Span, trigger: Span) -> Option<usize> {
    doc.dates_within(sentence)
        .filter(|&d| matches!(doc.dates[d].timex_type, TimexType::Date | TimexType::Time))
        .min_by_key(|&d| (doc.dates[d].start as i64 - trigger.start as i64).unsigned_abs())
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
