//! Diagnostic: the person, role and event stages scored on the shared gold
//! (seeds, dev, dev2) with the gold mentions as their input, which separates
//! their errors from the recogniser's. The shipped record classifiers were
//! trained on these documents; `examples/records_cv.rs` gives the
//! cross-validated figures. Ignored by default:
//! `cargo test --release --test records_oracle -- --ignored --nocapture`.

use scoop::input::RawDoc;
use scoop::learn::GoldMentions;
use scoop::pipeline::Pipeline;
use scoop_gold::{read_doc_records, score::score_corpus, DocRecords};
use std::collections::HashMap;
use std::path::Path;

#[test]
#[ignore]
fn records_from_gold_mentions() {
    let Some(shared) = scoop_gold::shared::or_skip("gold").and_then(|gold| gold.parent().map(Path::to_path_buf)) else { return };
    let mut gold = HashMap::new();
    let mut raws = Vec::new();
    for split in ["dev", "dev2", "seeds"] {
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
    let pipeline = Pipeline::new(Box::new(GoldMentions::new(gold.values())), None);
    let system: Vec<DocRecords> = raws.into_iter().map(|raw| scoop::output::doc_records(&pipeline.analyze(raw))).collect();
    if let Ok(dir) = std::env::var("ORACLE_OUT") {
        for doc in &system {
            std::fs::write(Path::new(&dir).join(doc.doc.replace(".txt", ".json")), serde_json::to_string_pretty(doc).unwrap()).unwrap();
        }
    }
    let report = score_corpus(&golds, &system);
    println!("{}", report.to_text());
}
