//! `scoop train ner` and `scoop eval conll`, as plain functions for the CLI.

use super::domain::{load_gold_dir, to_training_document};
use anyhow::{Context, Result};
use scoop_ner::{read_conll, Document, Model, TrainOptions};
use std::path::{Path, PathBuf};

/// How many times per pass a domain document is seen next to CoNLL's 946.
pub const DOMAIN_WEIGHT: usize = 10;

/// The domain gold of some gold folders as training documents.
pub fn domain_documents(domain: &[PathBuf]) -> Result<Vec<Document>> {
    let mut docs = Vec::new();
    for dir in domain {
        docs.extend(load_gold_dir(dir)?.iter().map(|(gold, text)| to_training_document(gold, text)));
    }
    Ok(docs)
}

/// Trains on CoNLL `conll` plus the gold folders `domain` (weighted),
/// reporting per-epoch F1 on `dev` to stderr, and writes the model to `out`.
pub fn train_ner(conll: &Path, dev: &Path, domain: &[PathBuf], out: &Path) -> Result<()> {
    let mut train = read_conll(conll)?;
    let dev = read_conll(dev)?;
    let domain_docs = domain_documents(domain)?;
    eprintln!("train: {} CoNLL documents + {} domain documents (x{DOMAIN_WEIGHT}); dev: {} documents", train.len(), domain_docs.len(), dev.len());
    let options = TrainOptions { weighted_from: train.len(), weight: DOMAIN_WEIGHT, ..TrainOptions::default() };
    train.extend(domain_docs);
    let model = scoop_ner::train(&train, Some(&dev), &options, &mut |line| eprintln!("{line}"));
    model.save(out)?;
    // The figures that count are those of the file as saved (quantised weights).
    let saved = Model::load(out)?;
    eprintln!("saved {} ({} bytes); dev as saved: F1 {:.2}", out.display(), std::fs::metadata(out)?.len(), saved.evaluate(&dev).overall().f1);
    Ok(())
}

/// Tags a CoNLL file with a model (the built-in one by default) and scores it as conlleval does.
pub fn eval_conll(model: Option<&Path>, file: &Path, json: bool) -> Result<String> {
    let model = match model {
        Some(path) => Model::load(path)?,
        None => super::model::shipped_model()?,
    };
    let docs = read_conll(file).with_context(|| format!("reading the CoNLL file {}", file.display()))?;
    let counts = model.evaluate(&docs);
    Ok(if json { counts.to_json() } else { counts.to_text() })
}
