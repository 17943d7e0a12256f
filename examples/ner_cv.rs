//! Cross-validation of the whole pipeline on the shared gold: the 35 gold
//! documents (dev + seeds) in folds (by sorted name, round robin); each
//! fold's NER model trains as the shipped one does, on CoNLL train and dev
//! plus the other folds' documents, and the held-out documents run through
//! the full pipeline. All system
//! documents are then scored together with the guide's scorer, as
//! `scoop eval` would, so every figure comes from a model that never saw
//! the document it is scored on.
//!
//! `cargo run --release --example ner_cv -- [FOLDS] [--json REPORT.json]`,
//! reading the shared data from `$SCOOP_SHARED` (by default `../shared`
//! beside the workspace).

use anyhow::{Context, Result};
use scoop::input::RawDoc;
use scoop::ner::commands::DOMAIN_WEIGHT;
use scoop::ner::domain::{load_gold_dir, to_training_document};
use scoop::ner::{EntityRecognizer, ModelRecognizer};
use scoop::pipeline::Pipeline;
use scoop_gold::format::DocRecords;
use scoop_gold::score::score_corpus;
use scoop_ner::{read_conll, TrainOptions};
use std::path::PathBuf;

fn system_records(ner: Box<dyn EntityRecognizer>, docs: &[&(DocRecords, String)]) -> Vec<DocRecords> {
    let pipeline = Pipeline::new(ner, None);
    docs.iter()
        .map(|(gold, text)| {
            let raw = RawDoc { id: gold.doc.clone(), source: gold.doc.clone(), text: text.clone(), date: None };
            scoop::output::doc_records(&pipeline.analyze(raw))
        })
        .collect()
}

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let shared = scoop_gold::shared::find("")?;
    let folds: usize =
        args.first().filter(|a| !a.starts_with("--")).map_or(Ok(5), |f| f.parse()).context("usage: ner_cv [FOLDS] [--json REPORT.json]")?;
    let json_out: Option<PathBuf> = args.iter().position(|a| a == "--json").and_then(|i| args.get(i + 1)).map(PathBuf::from);
    let mut conll = read_conll(&shared.join("data/conll2003/train.txt"))?;
    conll.extend(read_conll(&shared.join("data/conll2003/dev.txt"))?);
    let mut gold_docs = load_gold_dir(&shared.join("gold/dev"))?;
    gold_docs.extend(load_gold_dir(&shared.join("gold/seeds"))?);
    gold_docs.sort_by(|a, b| a.0.doc.cmp(&b.0.doc));

    let mut gold = Vec::new();
    let mut system = Vec::new();
    for k in 0..folds {
        let in_fold = |i: &usize| i % folds == k;
        let held_out: Vec<&(DocRecords, String)> = gold_docs.iter().enumerate().filter(|(i, _)| in_fold(i)).map(|(_, d)| d).collect();
        let mut train = conll.clone();
        let options = TrainOptions { weighted_from: train.len(), weight: DOMAIN_WEIGHT, ..TrainOptions::default() };
        train.extend(gold_docs.iter().enumerate().filter(|(i, _)| !in_fold(i)).map(|(_, (g, t))| to_training_document(g, t)));
        let model = scoop_ner::train(&train, None, &options, &mut |_| {});
        eprintln!("fold {}/{folds}: trained on {} documents, tagging {}", k + 1, train.len(), held_out.len());
        gold.extend(held_out.iter().map(|(g, _)| g.clone()));
        system.extend(system_records(Box::new(ModelRecognizer::new(model)), &held_out));
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
        std::fs::write(&path, serde_json::to_string_pretty(&report)?).with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(())
}
