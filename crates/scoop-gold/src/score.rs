//! Scoring per the guide's "How outputs are scored"; `docs/scoring.md` states
//! the rules as implemented, including every choice the guide leaves open.

mod counts;
mod dates;
mod events;
mod load;
mod matching;
mod mentions;
mod persons;
mod roles;
mod text;

pub use counts::{Accuracy, Prf, Rates};
pub use dates::DateScores;
pub use events::EventScores;
pub use load::{load_dir, load_jsonl, load_system};
pub use mentions::MentionScores;
pub use persons::PersonScores;
pub use roles::RoleScores;

use crate::format::DocRecords;
use serde::Serialize;
use std::collections::btree_map::Entry;
use std::collections::{BTreeMap, BTreeSet};

/// Every figure of one evaluation, micro-averaged over the gold documents.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// How the documents paired up.
    pub docs: DocCounts,
    /// Mention figures.
    pub mentions: MentionScores,
    /// Date figures.
    pub dates: DateScores,
    /// Person figures.
    pub persons: PersonScores,
    /// Role figures.
    pub roles: RoleScores,
    /// Event figures.
    pub events: EventScores,
}

/// How the gold and system documents paired up.
#[derive(Debug, Clone, Default, Serialize)]
pub struct DocCounts {
    /// Gold documents.
    pub gold: usize,
    /// System documents.
    pub system: usize,
    /// Gold documents with a system document.
    pub scored: usize,
    /// Gold documents without one: scored with every gold record missed.
    pub missing_from_system: usize,
    /// System documents without gold: ignored.
    pub system_without_gold: usize,
    /// System documents whose name repeats an earlier one's: ignored.
    pub duplicate_system: usize,
    /// The names (extension stripped) behind `missing_from_system`.
    pub missing_from_system_docs: Vec<String>,
    /// The names (extension stripped) behind `system_without_gold`.
    pub system_without_gold_docs: Vec<String>,
}

/// Scores every gold document against the system document of the same name
/// (compared without extension: `d010.txt` = `d010`).
pub fn score_corpus(gold: &[DocRecords], system: &[DocRecords]) -> Report {
    let mut report = Report::new(gold.len(), system.len());
    let mut by_name: BTreeMap<&str, &DocRecords> = BTreeMap::new();
    for doc in system {
        // The first document of a name is scored; later ones are only counted.
        match by_name.entry(doc_name(&doc.doc)) {
            Entry::Vacant(slot) => {
                slot.insert(doc);
            }
            Entry::Occupied(_) => report.docs.duplicate_system += 1,
        }
    }

    for g in gold {
        match by_name.get(doc_name(&g.doc)) {
            Some(s) => {
                report.docs.scored += 1;
                report.add_doc(g, s);
            }
            None => {
                report.docs.missing_from_system += 1;
                report.docs.missing_from_system_docs.push(doc_name(&g.doc).to_string());
                report.add_doc(g, &empty_like(g));
            }
        }
    }
    let gold_names: BTreeSet<&str> = gold.iter().map(|d| doc_name(&d.doc)).collect();
    let orphans: Vec<String> = by_name.keys().filter(|n| !gold_names.contains(*n)).map(|n| n.to_string()).collect();
    report.docs.system_without_gold = orphans.len();
    report.docs.system_without_gold_docs = orphans;
    report
}

impl Report {
    fn new(gold: usize, system: usize) -> Report {
        Report {
            docs: DocCounts { gold, system, ..Default::default() },
            mentions: MentionScores::new(),
            dates: DateScores::default(),
            persons: PersonScores::default(),
            roles: RoleScores::new(),
            events: EventScores::new(),
        }
    }

    fn add_doc(&mut self, gold: &DocRecords, system: &DocRecords) {
        self.mentions.add_doc(&gold.mentions, &system.mentions);
        self.dates.add_doc(&gold.dates, &system.dates);
        self.persons.add_doc(&gold.persons, &system.persons);
        self.roles.add_doc(gold, system);
        self.events.add_doc(gold, system);
    }
}

/// A document's name for pairing: its file name without folders or the last extension.
fn doc_name(doc: &str) -> &str {
    let file = doc.rsplit(['/', '\\']).next().unwrap_or(doc);
    match file.rfind('.') {
        Some(dot) if dot > 0 => &file[..dot],
        _ => file,
    }
}

/// The system's answer for a document it never produced: no records at all.
fn empty_like(gold: &DocRecords) -> DocRecords {
    DocRecords {
        doc: gold.doc.clone(),
        dct: None,
        mentions: Vec::new(),
        dates: Vec::new(),
        persons: Vec::new(),
        roles: Vec::new(),
        events: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::doc_name;

    #[test]
    fn doc_names_drop_folders_and_the_last_extension() {
        assert_eq!(doc_name("d010.txt"), "d010");
        assert_eq!(doc_name("d010"), "d010");
        assert_eq!(doc_name("corpus/dev/d010.txt"), "d010");
        assert_eq!(doc_name("000_02047a922b9ee736"), "000_02047a922b9ee736");
        assert_eq!(doc_name(".hidden"), ".hidden");
    }
}
