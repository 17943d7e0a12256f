//! Diagnostic: the person, role and event stages scored on the shared gold
//! with the gold mentions as their input, which separates their errors from
//! the recogniser's. Ignored by default:
//! `cargo test --release --test records_oracle -- --ignored --nocapture`.

use scoop::document::{Doc, EntityMention};
use scoop::input::RawDoc;
use scoop::ner::EntityRecognizer;
use scoop::pipeline::Pipeline;
use scoop_gold::{read_doc_records, score::score_corpus, DocRecords};
use std::collections::HashMap;
use std::path::Path;

/// Returns the gold mentions of the document being analysed.
struct GoldMentions(HashMap<String, DocRecords>);

impl EntityRecognizer for GoldMentions {
    fn recognize(&self, doc: &Doc) -> Vec<EntityMention> {
        self.0[&doc.id].mentions.iter().map(|m| EntityMention { span: doc.span_of_chars(m.start, m.end), label: m.label }).collect()
    }
}

#[test]
#[ignore]
fn records_from_gold_mentions() {
    let Some(shared) = scoop_gold::shared::or_skip("gold").and_then(|gold| gold.parent().map(Path::to_path_buf)) else { return };
    let mut gold = HashMap::new();
    let mut raws = Vec::new();
    for split in ["dev", "seeds"] {
        for entry in std::fs::read_dir(shared.join("gold").join(split)).unwrap() {
            let path = entry.unwrap().path();
            let records = read_doc_records(&path).unwrap();
            let text = std::fs::read_to_string(shared.join("corpus").join(split).join(&records.doc)).unwrap();
            raws.push(RawDoc { id: records.doc.clone(), source: String::new(), text, date: None });
            gold.insert(records.doc.clone(), records);
        }
    }
    raws.sort_by(|a, b| a.id.cmp(&b.id));
    let golds: Vec<DocRecords> = raws.iter().map(|r| gold[&r.id].clone()).collect();
    let pipeline = Pipeline::new(Box::new(GoldMentions(gold)), None);
    let system: Vec<DocRecords> = raws.into_iter().map(|raw| scoop::output::doc_records(&pipeline.analyze(raw))).collect();
    if let Ok(dir) = std::env::var("ORACLE_OUT") {
        for doc in &system {
            std::fs::write(Path::new(&dir).join(doc.doc.replace(".txt", ".json")), serde_json::to_string_pretty(doc).unwrap()).unwrap();
        }
    }
    let report = score_corpus(&golds, &system);
    println!("{}", report.to_text());
}
