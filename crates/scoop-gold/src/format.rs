//! Record types exactly as `extraction-guide.md` defines the gold format.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::path::Path;

/// All records of one document: the guide's gold file shape.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocRecords {
    /// File name of the document (`NAME.txt`), or its id for JSON Lines input.
    pub doc: String,
    /// Document creation time, `YYYY-MM-DD` or `YYYY-MM`, when known.
    pub dct: Option<String>,
    /// Named entities.
    pub mentions: Vec<Mention>,
    /// Temporal expressions.
    pub dates: Vec<DateRecord>,
    /// Distinct persons and characters.
    pub persons: Vec<Person>,
    /// Who does what on which work.
    pub roles: Vec<Role>,
    /// What happens to works and persons.
    pub events: Vec<Event>,
}

/// A named entity; offsets are Unicode code points, end exclusive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// First code point.
    pub start: usize,
    /// Code point after the last.
    pub end: usize,
    /// The text of the span.
    pub text: String,
    /// The entity's label.
    pub label: Label,
}

/// The guide's mention labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Label {
    /// A person or a fictional character.
    PER,
    /// A company, broadcaster, agency or outlet.
    ORG,
    /// A place.
    LOC,
    /// The title of a show, film, webtoon, book or event series.
    WORK,
    /// Other names: nationalities, awards, languages.
    MISC,
}

impl Label {
    /// Every label, in the guide's order.
    pub const ALL: [Label; 5] = [Label::PER, Label::ORG, Label::LOC, Label::WORK, Label::MISC];

    /// The label as the gold format writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Label::PER => "PER",
            Label::ORG => "ORG",
            Label::LOC => "LOC",
            Label::WORK => "WORK",
            Label::MISC => "MISC",
        }
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A TIMEX3 temporal expression (simplified, per the guide).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateRecord {
    /// First code point.
    pub start: usize,
    /// Code point after the last.
    pub end: usize,
    /// The text of the span, without signal words.
    pub text: String,
    /// The TIMEX3 type.
    #[serde(rename = "type")]
    pub timex_type: TimexType,
    /// The TIMEX3 value (`2026-01-17`, `2025-Q3`, `P7M`, `PRESENT_REF` …).
    pub value: String,
    /// The TIMEX3 `mod`, one of [`DateRecord::MODS`], when there is one.
    #[serde(rename = "mod")]
    pub modifier: Option<String>,
}

impl DateRecord {
    /// The guide's TIMEX3 `mod` values.
    pub const MODS: [&'static str; 10] =
        ["START", "MID", "END", "APPROX", "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER", "LESS_THAN", "MORE_THAN"];
}

/// The TIMEX3 types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    /// A calendar date or period (`2026-02`, `2024-SU`).
    Date,
    /// A time of day (`2026-01-17T15:00`).
    Time,
    /// A length of time (`P7M`).
    Duration,
    /// A recurrence (`every week`).
    Set,
}

impl TimexType {
    /// The type as the gold format writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// A distinct person of one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    /// The fullest form written in the document.
    pub name: String,
    /// Every other form used for the same person.
    pub aliases: Vec<String>,
    /// Real or fictional.
    pub kind: PersonKind,
}

/// Whether a person is real or fictional.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PersonKind {
    /// A real person.
    Person,
    /// A fictional character.
    Character,
}

impl PersonKind {
    /// The kind as the gold format writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            PersonKind::Person => "person",
            PersonKind::Character => "character",
        }
    }
}

/// Who does what on which work. `character` and `work` are empty strings when unknown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Role {
    /// The person's name.
    pub person: String,
    /// What they do.
    pub role: RoleKind,
    /// For actors, the character's fullest name.
    pub character: String,
    /// The title, if stated or clear.
    pub work: String,
}

/// The guide's roles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RoleKind {
    /// Plays a part (with or without a named character).
    Actor,
    /// Directs.
    Director,
    /// Writes the screenplay.
    Writer,
    /// Produces.
    Producer,
    /// Created the work.
    Creator,
    /// Wrote the webtoon or novel adapted.
    OriginalAuthor,
    /// Any other credit.
    Other,
}

impl RoleKind {
    /// Every role, in the guide's order.
    pub const ALL: [RoleKind; 7] = [
        RoleKind::Actor,
        RoleKind::Director,
        RoleKind::Writer,
        RoleKind::Producer,
        RoleKind::Creator,
        RoleKind::OriginalAuthor,
        RoleKind::Other,
    ];

    /// The role as the gold format writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            RoleKind::Actor => "actor",
            RoleKind::Director => "director",
            RoleKind::Writer => "writer",
            RoleKind::Producer => "producer",
            RoleKind::Creator => "creator",
            RoleKind::OriginalAuthor => "original_author",
            RoleKind::Other => "other",
        }
    }
}

/// Something that happens to a work or a person, at a time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// What happens.
    #[serde(rename = "type")]
    pub event_type: EventType,
    /// The work, when stated.
    pub work: Option<String>,
    /// The season number, when stated.
    pub season: Option<u32>,
    /// For casting, cast_exit and award: the person concerned.
    pub person: Option<String>,
    /// The anchoring date record's TIMEX3 value.
    pub date: Option<String>,
    /// For filming and script readings: where, when stated.
    pub location: Option<String>,
    /// The event's factuality at the DCT.
    pub status: Status,
    /// The sentence that states it.
    pub evidence: Evidence,
}

/// Code-point span of the sentence that states an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// First code point.
    pub start: usize,
    /// Code point after the last.
    pub end: usize,
}

/// The guide's event types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventType {
    /// A new season ordered or confirmed.
    Renewal,
    /// A person joins, is cast, is in talks, returns for a new season.
    Casting,
    /// A person leaves, drops out, declines.
    CastExit,
    /// Filming begins.
    FilmingStart,
    /// Filming wraps.
    FilmingEnd,
    /// Shooting at a place or time, ongoing.
    Filming,
    /// A script reading.
    ScriptReading,
    /// A premiere, release or airing, past or future.
    Release,
    /// A person wins or is nominated.
    Award,
}

impl EventType {
    /// Every event type, in the guide's order.
    pub const ALL: [EventType; 9] = [
        EventType::Renewal,
        EventType::Casting,
        EventType::CastExit,
        EventType::FilmingStart,
        EventType::FilmingEnd,
        EventType::Filming,
        EventType::ScriptReading,
        EventType::Release,
        EventType::Award,
    ];

    /// The type as the gold format writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            EventType::Renewal => "renewal",
            EventType::Casting => "casting",
            EventType::CastExit => "cast_exit",
            EventType::FilmingStart => "filming_start",
            EventType::FilmingEnd => "filming_end",
            EventType::Filming => "filming",
            EventType::ScriptReading => "script_reading",
            EventType::Release => "release",
            EventType::Award => "award",
        }
    }

    /// Events about a person are keyed by person when scored; the others by date.
    pub fn is_about_person(self) -> bool {
        matches!(self, EventType::Casting | EventType::CastExit | EventType::Award)
    }
}

/// An event's factuality at the DCT, as the article presents it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Stated as fact, or official.
    Confirmed,
    /// Attributed to a report or an outlet.
    Reported,
    /// Rumour, speculation, the writer's guess.
    Rumored,
    /// Scheduled or predicted future.
    Expected,
    /// Did not happen, denied, not yet.
    Negated,
}

impl Status {
    /// Every status, in the guide's order.
    pub const ALL: [Status; 5] = [Status::Confirmed, Status::Reported, Status::Rumored, Status::Expected, Status::Negated];

    /// The status as the gold format writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Confirmed => "confirmed",
            Status::Reported => "reported",
            Status::Rumored => "rumored",
            Status::Expected => "expected",
            Status::Negated => "negated",
        }
    }
}

/// A text's DCT prefix, as the guide defines it: `date YYYY-MM-DD` or
/// `date YYYY-MM` at the start (leading whitespace allowed) is the document
/// creation time, metadata rather than text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DctPrefix<T> {
    /// The value, as the caller's parser read it.
    pub dct: T,
    /// Byte offset where the article starts: after the value and the one
    /// space or line break that ends the prefix.
    pub body: usize,
}

/// Finds the DCT prefix of a text. The value (the word after `date `, up to
/// whitespace or the end) goes to `parse`: `scoop_timex::Dct::parse` for the
/// pipeline, [`is_dct_value`] for a shape check. A value `parse` rejects
/// means the text has no prefix.
pub fn dct_prefix<T>(text: &str, parse: impl FnOnce(&str) -> Option<T>) -> Option<DctPrefix<T>> {
    let rest = text.trim_start().strip_prefix("date ")?;
    let value_len = rest.find(char::is_whitespace).unwrap_or(rest.len());
    let dct = parse(&rest[..value_len])?;
    let separator = rest[value_len..].chars().next().map_or(0, char::len_utf8);
    Some(DctPrefix { dct, body: text.len() - rest.len() + value_len + separator })
}

/// Whether a DCT is written as the guide writes it: `YYYY-MM-DD` or `YYYY-MM`
/// in ASCII digits (the calendar is not checked).
pub fn is_dct_value(value: &str) -> bool {
    let digits = |part: &str, n: usize| part.len() == n && part.bytes().all(|b| b.is_ascii_digit());
    let mut parts = value.split('-');
    let (year, month, day, more) = (parts.next(), parts.next(), parts.next(), parts.next());
    more.is_none() && year.is_some_and(|y| digits(y, 4)) && month.is_some_and(|m| digits(m, 2)) && day.into_iter().all(|d| digits(d, 2))
}

/// Reads one gold or system JSON file, naming the file in any error.
pub fn read_doc_records(path: &Path) -> anyhow::Result<DocRecords> {
    use anyhow::Context;
    let bytes = std::fs::read(path).with_context(|| format!("{}: cannot read", path.display()))?;
    serde_json::from_slice(&bytes)
        .map_err(|e| anyhow::anyhow!("{}:{}:{}: not a guide-format document: {}", path.display(), e.line(), e.column(), e))
}

/// Folds a name for comparison as the guide scores names: case folded,
/// spaces, hyphens and dots removed (`Park Ji Hu` = `Park Ji-hu` = `park jihu`).
pub fn fold_name(name: &str) -> String {
    name.chars().filter(|c| !c.is_whitespace() && !matches!(c, '-' | '.' | '‐' | '‑' | '–')).flat_map(char::to_lowercase).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_fold_as_the_guide_says() {
        assert_eq!(fold_name("Park Ji Hu"), fold_name("Park Ji-hu"));
        assert_eq!(fold_name("park jihu"), fold_name("Park Ji-hu"));
        assert_ne!(fold_name("Lee Min-jae"), fold_name("Lee Jae-kyoo"));
    }

    #[test]
    fn dct_prefix_is_date_then_value_then_one_separator() {
        let shape = |v: &str| is_dct_value(v).then(|| v.to_string());
        let p = dct_prefix(" date 2026-01-10 The show.", shape).unwrap();
        assert_eq!((p.dct.as_str(), p.body), ("2026-01-10", " date 2026-01-10 ".len()));
        let p = dct_prefix("date 2025-07\nText", shape).unwrap();
        assert_eq!((p.dct.as_str(), &"date 2025-07\nText"[p.body..]), ("2025-07", "Text"));
        assert_eq!(dct_prefix("date 2025-07", shape).map(|p| p.body), Some(12));
        // One separator only, whatever its width: the rest is text.
        assert_eq!(dct_prefix("date 2025-07\u{3000}\u{3000}x", shape).map(|p| p.body), Some(15));
        for no_prefix in ["dated text", "date night", "The date 2025-01-01", "date 2025-1-10 x", "date 2025-01-10, x", "date  2025-01-10"] {
            assert_eq!(dct_prefix(no_prefix, shape), None, "{no_prefix:?}");
        }
        assert!(is_dct_value("2025-02-30"), "the shape only, not the calendar");
        assert!(!is_dct_value("2025-+1") && !is_dct_value("2025-01-01-01") && !is_dct_value("２０２５-01"));
    }

    #[test]
    fn every_shared_gold_file_parses() {
        let Some(root) = crate::shared::or_skip("gold") else { return };
        let mut seen = 0;
        for split in ["seeds", "dev"] {
            for entry in std::fs::read_dir(root.join(split)).expect("the shared gold splits") {
                let path = entry.unwrap().path();
                read_doc_records(&path).unwrap();
                seen += 1;
            }
        }
        assert_eq!(seen, 35);
    }
}
