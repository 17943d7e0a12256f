//! Cross-validation of the whole pipeline on the shared gold: the gold
//! documents of dev, dev2 and seeds (in that order, each sorted by name)
//! in folds, round robin; each
//! fold's NER model trains as the shipped one does, on CoNLL train and dev
//! plus the other folds' documents, its record classifiers on the other
//! folds' gold, and the held-out documents run through the full pipeline. All system
//! documents are then scored together with the guide's scorer, as
//! `scoop eval` would, so every figure comes from a model that never saw
//! the document it is scored on.
//!
//! The JSON report adds `sets`: the same measures over each set's
//! documents alone, and over `dev+seeds` (the 35 documents of the first
//! cross-validation, so its figures stay comparable).
//!
//! `--held-out SET` (seeds, dev or dev2) instead scores that one set with a
//! model trained on the others: how scoop does on a set of articles no
//! part of its model saw.
//!
//! `cargo run --release --example ner_cv -- [FOLDS] [--held-out SET] [--json REPORT.json]`,
//! reading the shared data from `$SCOOP_SHARED` (by default `../shared`
//! beside the workspace).

use anyhow::{Context, Result};
use scoop::input::RawDoc;
use scoop::learn::train_record_models;
use scoop::models::RecordModels;
use scoop::ner::commands::DOMAIN_WEIGHT;
use scoop::ner::domain::{load_gold_dir, to_training_document};
use scoop::ner::{EntityRecognizer, ModelRecognizer};
use scoop::pipeline::Pipeline;
use scoop_gold::format::DocRecords;
use scoop_gold::score::score_corpus;
use scoop_ner::{read_conll, TrainOptions};
use std::path::PathBuf;

fn system_records(ner: Box<dyn EntityRecognizer>, records: RecordModels, docs: &[&(DocRecords, String)]) -> Vec<DocRecords> {
    let pipeline = scoop::resources::on_defaults(|resources| Pipeline::with_models(ner, resources, None, None, records));
    docs.iter()
        .map(|(gold, text)| {
            let raw = RawDoc { id: gold.doc.clone(), source: gold.doc.clone(), text: text.clone(), date: None };
            scoop::output::doc_records(&pipeline.analyze(raw))
        })
        .collect()
}

/// The gold sets, in the order their documents are numbered for the folds.
const SETS: [&str; 3] = ["dev", "dev2", "seeds"];

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let shared = scoop_gold::shared::find("")?;
    let folds: usize =
        args.first().filter(|a| !a.starts_with("--")).map_or(Ok(5), |f| f.parse()).context("usage: ner_cv [FOLDS] [--json REPORT.json]")?;
    let option = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1));
    let json_out: Option<PathBuf> = option("--json").map(PathBuf::from);
    let held_out_set = option("--held-out");
    let mut conll = read_conll(&shared.join("data/conll2003/train.txt"))?;
    conll.extend(read_conll(&shared.join("data/conll2003/dev.txt"))?);
    let mut gold_docs = Vec::new();
    let mut set_of = Vec::new();
    for set in SETS {
        let docs = load_gold_dir(&shared.join("gold").join(set))?;
        set_of.extend(std::iter::repeat(set).take(docs.len()));
        gold_docs.extend(docs);
    }
    if let Some(set) = held_out_set.filter(|s| !SETS.contains(&s.as_str())) {
        anyhow::bail!("--held-out {set}: not one of {SETS:?}");
    }
    let folds = if held_out_set.is_some() { 1 } else { folds };

    let mut gold = Vec::new();
    let mut gold_sets = Vec::new();
    let mut system = Vec::new();
    for k in 0..folds {
        let in_fold = |i: &usize| match held_out_set {
            Some(set) => set_of[*i] == set,
            None => i % folds == k,
        };
        let held_out: Vec<&(DocRecords, String)> = gold_docs.iter().enumerate().filter(|(i, _)| in_fold(i)).map(|(_, d)| d).collect();
        let mut train = conll.clone();
        let options = TrainOptions { weighted_from: train.len(), weight: DOMAIN_WEIGHT, ..TrainOptions::default() };
        train.extend(gold_docs.iter().enumerate().filter(|(i, _)| !in_fold(i)).map(|(_, (g, t))| to_training_document(g, t)));
        let model = scoop_ner::train(&train, None, &options, &mut |_| {});
        let training_gold: Vec<(DocRecords, String)> =
            gold_docs.iter().enumerate().filter(|(i, _)| !in_fold(i)).map(|(_, d)| d.clone()).collect();
        let records = train_record_models(&training_gold);
        eprintln!("fold {}/{folds}: trained on {} documents, tagging {}", k + 1, train.len(), held_out.len());
        gold.extend(held_out.iter().map(|(g, _)| g.clone()));
        gold_sets.extend(gold_docs.iter().enumerate().filter(|(i, _)| in_fold(i)).map(|(i, _)| set_of[i]));
        system.extend(system_records(Box::new(ModelRecognizer::new(model)), records, &held_out));
    }
    // Optional: the system records, one JSON per document, for error analysis.
    if let Some(dir) = std::env::var_os("SCOOP_CV_SYSTEM").map(PathBuf::from) {
        std::fs::create_dir_all(&dir)?;
        for r in &system {
            std::fs::write(dir.join(format!("{}.json", r.doc)), serde_json::to_string_pretty(r)?)?;
        }
    }
    let report = score_corpus(&gold, &system);
    println!("{}", report.to_text());
    if let Some(path) = json_out {
        let mut json = serde_json::to_value(&report)?;
        let mut sets = serde_json::Map::new();
        for (name, members) in [("dev", &["dev"][..]), ("dev2", &["dev2"]), ("seeds", &["seeds"]), ("dev+seeds", &["dev", "seeds"])] {
            let pick = |records: &[DocRecords]| -> Vec<DocRecords> {
                records.iter().zip(&gold_sets).filter(|(_, set)| members.contains(set)).map(|(r, _)| r.clone()).collect()
            };
            let (set_gold, set_system) = (pick(&gold), pick(&system));
            if !set_gold.is_empty() {
                sets.insert(name.to_string(), serde_json::to_value(score_corpus(&set_gold, &set_system))?);
            }
        }
        json["sets"] = serde_json::Value::Object(sets);
        std::fs::write(&path, serde_json::to_string_pretty(&json)?).with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(())
}
