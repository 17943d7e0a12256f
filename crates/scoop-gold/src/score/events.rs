//! Events: keyed by (type, person) or (type, date), then status, work and
//! location scored as accuracy over the matched pairs.

use super::counts::{Accuracy, Prf};
use super::matching::{fold_opt, name_forms, pair_up, same_name, unpaired};
use crate::format::{DocRecords, Event, EventType, Status};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// Events, keyed by (type, person) or (type, date), with status, work and
/// location agreement over the matched pairs.
#[derive(Debug, Clone, Default, Serialize)]
pub struct EventScores {
    /// Every event type together.
    pub overall: Prf,
    /// Per event type, every type listed.
    pub by_type: BTreeMap<EventType, Prf>,
    /// Over matched pairs: the same status.
    pub status: Accuracy,
    /// Over matched pairs: the same work (folded; absent = absent).
    pub work: Accuracy,
    /// Over matched pairs where either side states a location: the same location (folded).
    pub location: Accuracy,
    /// Over matched pairs: gold status → system status → count.
    pub status_confusion: BTreeMap<Status, BTreeMap<Status, usize>>,
}

/// What an event is matched on: its type and either the forms of its person's name or its date.
#[derive(Debug, PartialEq, Eq)]
enum Anchor {
    Person(BTreeSet<String>),
    Date(Option<String>),
}

impl EventScores {
    /// No document yet: zero counts, every type and status listed.
    pub fn new() -> Self {
        let row = || Status::ALL.iter().map(|&s| (s, 0)).collect::<BTreeMap<_, _>>();
        EventScores {
            by_type: EventType::ALL.iter().map(|&t| (t, Prf::default())).collect(),
            status_confusion: Status::ALL.iter().map(|&s| (s, row())).collect(),
            ..Default::default()
        }
    }

    /// Adds one document's events.
    pub fn add_doc(&mut self, gold: &DocRecords, system: &DocRecords) {
        let (ge, se) = (&gold.events, &system.events);
        let g_anchor: Vec<Anchor> = ge.iter().map(|e| anchor(e, gold)).collect();
        let s_anchor: Vec<Anchor> = se.iter().map(|e| anchor(e, system)).collect();
        // Duplicate keys are kept (a multiset); among pairings of equal size the
        // one agreeing most on status, then on work, wins.
        let pairs = pair_up(ge.len(), se.len(), |g, s| {
            let same_key = ge[g].event_type == se[s].event_type && same_anchor(&g_anchor[g], &s_anchor[s]);
            same_key.then(|| [ge[g].status == se[s].status, same_work(&ge[g], &se[s])])
        });
        for &(g, s) in &pairs {
            self.count(ge[g].event_type, Prf { tp: 1, fp: 0, fn_: 0 });
            self.compare_attributes(&ge[g], &se[s]);
        }
        let (missed, spurious) = unpaired(&pairs, ge.len(), se.len());
        for g in missed {
            self.count(ge[g].event_type, Prf { tp: 0, fp: 0, fn_: 1 });
        }
        for s in spurious {
            self.count(se[s].event_type, Prf { tp: 0, fp: 1, fn_: 0 });
        }
    }

    fn count(&mut self, event_type: EventType, prf: Prf) {
        self.overall += prf;
        *self.by_type.entry(event_type).or_default() += prf;
    }

    fn compare_attributes(&mut self, gold: &Event, system: &Event) {
        self.status.record(gold.status == system.status);
        *self.status_confusion.entry(gold.status).or_default().entry(system.status).or_default() += 1;
        self.work.record(same_work(gold, system));
        let (gl, sl) = (fold_opt(gold.location.as_deref()), fold_opt(system.location.as_deref()));
        if gl.is_some() || sl.is_some() {
            self.location.record(gl == sl);
        }
    }
}

/// Person events are anchored by their person (through the side's own aliases), the others by date value.
fn anchor(event: &Event, doc: &DocRecords) -> Anchor {
    if event.event_type.is_about_person() {
        Anchor::Person(event.person.as_deref().map(|p| name_forms(p, &doc.persons)).unwrap_or_default())
    } else {
        // The guide's "or empty": an empty string is no date.
        Anchor::Date(event.date.clone().filter(|d| !d.is_empty()))
    }
}

fn same_anchor(a: &Anchor, b: &Anchor) -> bool {
    match (a, b) {
        (Anchor::Person(a), Anchor::Person(b)) => same_name(a, b),
        (Anchor::Date(a), Anchor::Date(b)) => a == b,
        _ => false,
    }
}

fn same_work(a: &Event, b: &Event) -> bool {
    fold_opt(a.work.as_deref()) == fold_opt(b.work.as_deref())
}
