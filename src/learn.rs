//! Training the record stages' classifiers from gold (`scoop train
//! records`, `scripts/train-records`).
//!
//! Training reads the gold documents through the pipeline with their gold
//! mentions as the names, so the classifiers learn what the text says of
//! the right names, not the recogniser's mistakes.

use crate::document::{Doc, EntityMention};
use crate::events::{EventCues, EventExamples, EventModel};
use crate::input::RawDoc;
use crate::models::RecordModels;
use crate::ner::EntityRecognizer;
use crate::pipeline::Pipeline;
use crate::roles::{RoleExamples, RoleModel};
use anyhow::{Context, Result};
use scoop_gold::DocRecords;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Trains every record classifier on gold documents and their texts.
pub fn train_record_models(docs: &[(DocRecords, String)]) -> RecordModels {
    let cues = crate::resources::on_defaults(EventCues::new);
    let (mut roles, mut events) = (RoleExamples::default(), EventExamples::default());
    for (doc, gold) in analyse_with_gold_mentions(docs).iter().zip(docs.iter().map(|(g, _)| g)) {
        roles.add_document(doc, gold);
        events.add_document(&cues, doc, gold);
    }
    RecordModels { roles: Some(RoleModel::train(&roles)), events: Some(EventModel::train(&events)) }
}

/// A recogniser that returns each document's gold mentions: the record
/// stages' input when they are trained, or scored apart from NER.
pub struct GoldMentions(HashMap<String, Vec<scoop_gold::Mention>>);

impl GoldMentions {
    /// The gold mentions of these documents, by document name.
    pub fn new<'a>(golds: impl IntoIterator<Item = &'a DocRecords>) -> GoldMentions {
        GoldMentions(golds.into_iter().map(|g| (g.doc.clone(), g.mentions.clone())).collect())
    }
}

impl EntityRecognizer for GoldMentions {
    fn recognize(&self, doc: &Doc) -> Vec<EntityMention> {
        let mentions = self.0.get(&doc.id).map_or(&[][..], Vec::as_slice);
        mentions.iter().map(|m| EntityMention { span: doc.span_of_chars(m.start, m.end), label: m.label }).collect()
    }
}

/// The documents run through the pipeline with their gold mentions and no
/// trained record classifiers.
pub fn analyse_with_gold_mentions(docs: &[(DocRecords, String)]) -> Vec<Doc> {
    use rayon::prelude::*;
    let ner = GoldMentions::new(docs.iter().map(|(g, _)| g));
    let pipeline = crate::resources::on_defaults(|r| Pipeline::with_models(Box::new(ner), r, None, None, RecordModels::default()));
    docs.par_iter()
        .map(|(gold, text)| pipeline.analyze(RawDoc { id: gold.doc.clone(), source: gold.doc.clone(), text: text.clone(), date: None }))
        .collect()
}

/// `scoop train records`: trains on the gold folders and writes the model set.
pub fn train_records(gold_dirs: &[PathBuf], out: &Path) -> Result<()> {
    let mut docs = Vec::new();
    for dir in gold_dirs {
        docs.extend(crate::ner::domain::load_gold_dir(dir)?);
    }
    eprintln!("train records: {} gold documents", docs.len());
    let json = train_record_models(&docs).to_set().to_json();
    let tmp = out.with_extension("json.tmp");
    std::fs::write(&tmp, &json).with_context(|| format!("writing {}", tmp.display()))?;
    std::fs::rename(&tmp, out).with_context(|| format!("writing {}", out.display()))?;
    eprintln!("saved {} ({} bytes)", out.display(), json.len());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use scoop_gold::EventType;

    /// A document whose title "goes out to viewers" on a date — wording no
    /// release cue list holds — with that release as its gold.
    fn release_doc(n: usize, title: &str, date: &str, value: &str) -> (DocRecords, String) {
        let dct_line = "date 2025-01-10\n\n";
        let first = format!("{title} goes out to viewers on {date}.");
        let text = format!("{dct_line}{first}\n\nThe cast met fans in a cafe.\n");
        let at = dct_line.len();
        let gold = serde_json::json!({
            "doc": format!("d{n}.txt"), "dct": "2025-01-10",
            "mentions": [{"start": at, "end": at + title.len(), "text": title, "label": "WORK"}],
            "dates": [], "persons": [], "roles": [],
            "events": [{"type": "release", "work": title, "season": null, "person": null, "date": value,
                        "location": null, "status": "confirmed", "evidence": {"start": at, "end": at + first.len()}}],
        });
        (serde_json::from_value(gold).unwrap(), text)
    }

    fn release_dates(models: RecordModels, doc: &(DocRecords, String)) -> Vec<Option<String>> {
        let ner = GoldMentions::new([&doc.0]);
        let pipeline = crate::resources::on_defaults(|r| Pipeline::with_models(Box::new(ner), r, None, None, models));
        let analysed = pipeline.analyze(RawDoc { id: doc.0.doc.clone(), source: String::new(), text: doc.1.clone(), date: None });
        crate::output::doc_records(&analysed).events.into_iter().filter(|e| e.event_type == EventType::Release).map(|e| e.date).collect()
    }

    #[test]
    fn the_events_classifier_adds_what_the_cue_lists_miss() {
        let titles = ["Moonlight Harbor", "Blue Lantern", "Salt Road", "Paper Crown", "Night Ferry", "Iron Orchard"];
        let dates = [("March 3", "2025-03-03"), ("April 8", "2025-04-08"), ("May 21", "2025-05-21")];
        let training: Vec<_> = titles.iter().enumerate().map(|(n, title)| release_doc(n, title, dates[n % 3].0, dates[n % 3].1)).collect();
        let unseen = release_doc(9, "Glass Tide", "June 9", "2025-06-09");
        assert_eq!(release_dates(RecordModels::default(), &unseen), Vec::<Option<String>>::new(), "the cue lists already find it");
        assert_eq!(release_dates(train_record_models(&training), &unseen), [Some("2025-06-09".to_string())]);
    }

    /// A document crediting a person as "lens master" — a credit no cue
    /// list holds — with that person's role `other` as its gold.
    fn credit_doc(n: usize, name: &str) -> (DocRecords, String) {
        let text = format!("The drama hired lens master {name} for its second season.\n");
        let at = text.find(name).unwrap();
        let gold = serde_json::json!({
            "doc": format!("c{n}.txt"), "dct": "2025-01-10",
            "mentions": [{"start": at, "end": at + name.len(), "text": name, "label": "PER"}],
            "dates": [], "persons": [{"name": name, "aliases": [], "kind": "person"}],
            "roles": [{"person": name, "role": "other", "character": "", "work": "The drama"}], "events": [],
        });
        (serde_json::from_value(gold).unwrap(), text)
    }

    fn roles_of(models: RecordModels, doc: &(DocRecords, String)) -> Vec<String> {
        let ner = GoldMentions::new([&doc.0]);
        let pipeline = crate::resources::on_defaults(|r| Pipeline::with_models(Box::new(ner), r, None, None, models));
        let analysed = pipeline.analyze(RawDoc { id: doc.0.doc.clone(), source: String::new(), text: doc.1.clone(), date: None });
        crate::output::doc_records(&analysed).roles.into_iter().map(|r| format!("{} {}", r.person, r.role.as_str())).collect()
    }

    #[test]
    fn the_roles_classifier_adds_what_the_cue_lists_miss() {
        let names = ["Kim Ha-ram", "Lee Do-yun", "Park Seo-a", "Choi Min-jun", "Jung Ye-rin", "Kang Tae-oh"];
        let training: Vec<_> = names.iter().enumerate().map(|(n, name)| credit_doc(n, name)).collect();
        let unseen = credit_doc(9, "Yoon Ji-ho");
        assert_eq!(roles_of(RecordModels::default(), &unseen), Vec::<String>::new(), "the cue lists already find it");
        assert_eq!(roles_of(train_record_models(&training), &unseen), ["Yoon Ji-ho other"]);
    }
}
