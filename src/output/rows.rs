//! One struct per CSV table: the field order is the column order, and
//! `docs/output.md` documents each column.

use super::PersonIndex;
use crate::document::{Doc, Span};
use crate::input::InputFailure;
use anyhow::{Context, Result};
use serde::Serialize;
use std::path::Path;

// Column lists, written as headers even when a table has no rows; a test
// checks each against the fields of its row struct.
pub const DOCUMENT_COLUMNS: &[&str] =
    &["doc_id", "source", "status", "error", "dct", "chars", "sentences", "tokens", "mentions", "dates", "persons", "roles", "events"];
pub const MENTION_COLUMNS: &[&str] = &["doc_id", "start", "end", "text", "label"];
pub const DATE_COLUMNS: &[&str] = &["doc_id", "start", "end", "text", "type", "value", "mod", "begin_date", "end_date"];
pub const ROLE_COLUMNS: &[&str] = &["doc_id", "person_id", "person", "role", "character", "work", "evidence_start", "evidence_end"];
pub const EVENT_COLUMNS: &[&str] = &[
    "doc_id",
    "type",
    "work",
    "season",
    "person_id",
    "person",
    "date",
    "date_offset_start",
    "date_offset_end",
    "location",
    "status",
    "trigger",
    "evidence_start",
    "evidence_end",
];
pub const PERSON_COLUMNS: &[&str] = &["person_id", "name", "kind", "aliases", "doc_count", "mention_count"];

#[derive(Serialize)]
pub struct DocumentRow<'a> {
    doc_id: &'a str,
    source: &'a str,
    status: &'static str,
    error: &'a str,
    dct: &'a str,
    chars: usize,
    sentences: usize,
    tokens: usize,
    mentions: usize,
    dates: usize,
    persons: usize,
    roles: usize,
    events: usize,
}

impl<'a> DocumentRow<'a> {
    pub fn ok(doc: &'a Doc, source: &'a str) -> Self {
        DocumentRow {
            doc_id: &doc.id,
            source,
            status: "ok",
            error: "",
            dct: doc.dct.as_ref().map_or("", |d| d.written.as_str()),
            chars: doc.original.chars().count(),
            sentences: doc.sentences.len(),
            tokens: doc.tokens.len(),
            mentions: doc.mentions.len(),
            dates: doc.dates.len(),
            persons: doc.persons.len(),
            roles: doc.roles.len(),
            events: doc.events.len(),
        }
    }

    pub fn failed(failure: &'a InputFailure) -> Self {
        DocumentRow {
            doc_id: &failure.id,
            source: &failure.source,
            status: "failed",
            error: &failure.error,
            dct: "",
            chars: 0,
            sentences: 0,
            tokens: 0,
            mentions: 0,
            dates: 0,
            persons: 0,
            roles: 0,
            events: 0,
        }
    }
}

#[derive(Serialize)]
pub struct MentionRow<'a> {
    doc_id: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
    label: &'static str,
}

impl<'a> MentionRow<'a> {
    pub fn all(doc: &'a Doc) -> impl Iterator<Item = MentionRow<'a>> {
        doc.mentions.iter().map(move |m| {
            let (start, end) = doc.char_span(m.span);
            MentionRow { doc_id: &doc.id, start, end, text: doc.original_slice(m.span), label: m.label.as_str() }
        })
    }
}

#[derive(Serialize)]
pub struct DateRow<'a> {
    doc_id: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
    #[serde(rename = "type")]
    timex_type: &'static str,
    value: &'a str,
    #[serde(rename = "mod")]
    modifier: &'static str,
    begin_date: String,
    end_date: String,
}

impl<'a> DateRow<'a> {
    pub fn all(doc: &'a Doc) -> impl Iterator<Item = DateRow<'a>> {
        doc.dates.iter().map(move |d| {
            let span = Span::new(d.start, d.end);
            let (start, end) = doc.char_span(span);
            let (begin_date, end_date) = d.interval.map_or((String::new(), String::new()), |(b, e)| (b.to_string(), e.to_string()));
            DateRow {
                doc_id: &doc.id,
                start,
                end,
                text: doc.original_slice(span),
                timex_type: d.timex_type.as_str(),
                value: &d.value,
                modifier: d.modifier.unwrap_or(""),
                begin_date,
                end_date,
            }
        })
    }
}

/// `person_id` holds the document-level person key until
/// [`resolve_person_ids`] replaces it with the corpus id.
#[derive(Serialize)]
pub struct RoleRow<'a> {
    doc_id: &'a str,
    person_id: &'a str,
    person: &'a str,
    role: &'static str,
    character: &'a str,
    work: &'a str,
    evidence_start: usize,
    evidence_end: usize,
}

impl<'a> RoleRow<'a> {
    pub fn all(doc: &'a Doc, person_keys: &'a [String]) -> impl Iterator<Item = RoleRow<'a>> {
        doc.roles.iter().map(move |r| {
            let (evidence_start, evidence_end) = doc.char_span(r.evidence);
            RoleRow {
                doc_id: &doc.id,
                person_id: &person_keys[r.person],
                person: &doc.persons[r.person].name,
                role: r.role.as_str(),
                character: r.character.map_or("", |c| doc.persons[c].name.as_str()),
                work: r.work.as_deref().unwrap_or(""),
                evidence_start,
                evidence_end,
            }
        })
    }
}

#[derive(Serialize)]
pub struct EventRow<'a> {
    doc_id: &'a str,
    #[serde(rename = "type")]
    event_type: &'static str,
    work: &'a str,
    season: Option<u32>,
    person_id: &'a str,
    person: &'a str,
    date: &'a str,
    date_offset_start: Option<usize>,
    date_offset_end: Option<usize>,
    location: &'a str,
    status: &'static str,
    trigger: &'a str,
    evidence_start: usize,
    evidence_end: usize,
}

impl<'a> EventRow<'a> {
    pub fn all(doc: &'a Doc, person_keys: &'a [String]) -> impl Iterator<Item = EventRow<'a>> {
        doc.events.iter().map(move |e| {
            let (evidence_start, evidence_end) = doc.char_span(e.evidence);
            let date_span = e.date.map(|d| doc.char_span(Span::new(doc.dates[d].start, doc.dates[d].end)));
            EventRow {
                doc_id: &doc.id,
                event_type: e.event_type.as_str(),
                work: e.work.as_deref().unwrap_or(""),
                season: e.season,
                person_id: e.person.map_or("", |p| person_keys[p].as_str()),
                person: e.person.map_or("", |p| doc.persons[p].name.as_str()),
                date: e.date.map_or("", |d| doc.dates[d].value.as_str()),
                date_offset_start: date_span.map(|s| s.0),
                date_offset_end: date_span.map(|s| s.1),
                location: e.location.as_deref().unwrap_or(""),
                status: e.status.as_str(),
                trigger: doc.original_slice(e.trigger),
                evidence_start,
                evidence_end,
            }
        })
    }
}

/// Copies a spooled roles or events table, replacing each person key in
/// the `person_id` column with the corpus person id.
pub fn resolve_person_ids(spool: &Path, destination: &Path, persons: &mut PersonIndex) -> Result<()> {
    let mut reader = csv::Reader::from_path(spool).with_context(|| format!("{}: cannot read the spooled table", spool.display()))?;
    let headers = reader.headers()?.clone();
    let column = headers.iter().position(|h| h == "person_id").context("spooled table has no person_id column")?;
    super::write_atomically(destination, |out| {
        let mut writer = csv::Writer::from_writer(out);
        writer.write_record(&headers)?;
        for record in reader.records() {
            let record = record?;
            let id = match &record[column] {
                "" => String::new(),
                key => persons.person_id(key),
            };
            writer.write_record(record.iter().enumerate().map(|(i, field)| if i == column { id.as_str() } else { field }))?;
        }
        writer.flush()?;
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::RawDoc;

    fn header_of<T: Serialize>(row: T) -> Vec<String> {
        let mut writer = csv::Writer::from_writer(Vec::new());
        writer.serialize(row).unwrap();
        let text = String::from_utf8(writer.into_inner().unwrap()).unwrap();
        text.lines().next().unwrap().split(',').map(str::to_string).collect()
    }

    #[test]
    fn column_lists_match_the_row_structs() {
        let pipeline = crate::pipeline::Pipeline::new(Box::new(crate::ner::RuleRecognizer::new()), None);
        let text = "Park Ji-hu (Nam On-jo) returns for All of Us Are Dead season 2, filming at Seoul Station on January 17, 2026.";
        let doc = pipeline.analyze(RawDoc { id: "t.txt".into(), source: "t.txt".into(), text: text.into(), date: None });
        assert!(!doc.roles.is_empty() && !doc.events.is_empty() && !doc.dates.is_empty());
        let keys: Vec<String> = (0..doc.persons.len()).map(|i| format!("k{i}")).collect();
        assert_eq!(header_of(DocumentRow::ok(&doc, "t.txt")), DOCUMENT_COLUMNS);
        assert_eq!(header_of(MentionRow::all(&doc).next().unwrap()), MENTION_COLUMNS);
        assert_eq!(header_of(DateRow::all(&doc).next().unwrap()), DATE_COLUMNS);
        assert_eq!(header_of(RoleRow::all(&doc, &keys).next().unwrap()), ROLE_COLUMNS);
        assert_eq!(header_of(EventRow::all(&doc, &keys).next().unwrap()), EVENT_COLUMNS);
        let mut index = PersonIndex::default();
        index.add_doc(&doc);
        assert_eq!(header_of(index.rows().remove(0)), PERSON_COLUMNS);
    }
}
