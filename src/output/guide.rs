//! A document's records in the guide's gold shape.

use crate::document::Doc;
use scoop_gold::{DateRecord, DocRecords, Event, Evidence, Mention, Person, Role};

/// A document's records in the guide's format, as `scoop eval` reads them.
pub fn doc_records(doc: &Doc) -> DocRecords {
    let char_span = |span| doc.char_span(span);
    let person_name = |p: usize| doc.persons[p].name.clone();
    DocRecords {
        doc: doc.id.clone(),
        dct: doc.dct.as_ref().map(|d| d.written.clone()),
        mentions: doc
            .mentions
            .iter()
            .map(|m| {
                let (start, end) = char_span(m.span);
                Mention { start, end, text: doc.original_slice(m.span).to_string(), label: m.label }
            })
            .collect(),
        dates: doc
            .dates
            .iter()
            .map(|d| {
                let span = crate::document::Span::new(d.start, d.end);
                let (start, end) = char_span(span);
                DateRecord {
                    start,
                    end,
                    text: doc.original_slice(span).to_string(),
                    timex_type: d.timex_type,
                    value: d.value.clone(),
                    modifier: d.modifier.map(str::to_string),
                }
            })
            .collect(),
        persons: doc
            .persons
            .iter()
            .enumerate()
            .map(|(i, p)| Person { name: p.name.clone(), aliases: p.aliases.clone(), kind: doc.person_kind(i) })
            .collect(),
        roles: doc
            .roles
            .iter()
            .map(|r| Role {
                person: person_name(r.person),
                role: r.role,
                character: r.character.map(person_name).unwrap_or_default(),
                work: r.work.clone().unwrap_or_default(),
            })
            .collect(),
        events: doc
            .events
            .iter()
            .map(|e| {
                let (start, end) = char_span(e.evidence);
                Event {
                    event_type: e.event_type,
                    work: e.work.clone(),
                    season: e.season,
                    person: e.person.map(person_name),
                    date: e.date.map(|d| doc.dates[d].value.clone()),
                    location: e.location.clone(),
                    status: e.status,
                    evidence: Evidence { start, end },
                }
            })
            .collect(),
    }
}
