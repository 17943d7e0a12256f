//! `scoop train ner` and `scoop eval conll`, as plain functions for the CLI.

use super::domain::{load_gold_dir, to_training_document};
use anyhow::{Context, Result};
use scoop_ner::{read_conll, Document, Model, TrainOptions};
use std::path::{Path, PathBuf};

/// How many times per pass a domain document is seen next to CoNLL's 946.
pub const DOMAIN_WEIGHT: usize = 5;

/// The domain gold of some gold folders as training documents.
pub fn domain_documents(domain: &[PathBuf]) -> Result<Vec<Document>> {
    let mut docs = Vec::new();
    for dir in domain {
        docs.extend(load_gold_dir(dir)?.iter().map(|(gold, text)| to_training_document(gold, text)));
    }
    Ok(docs)
}

/// Trains on the CoNLL files `conll` plus the gold folders `domain`
/// (weighted), reporting per-epoch F1 on `dev` to stderr if given, and
/// writes the model to `out`.
pub fn train_ner(conll: &[PathBuf], dev: Option<&Path>, domain: &[PathBuf], out: &Path) -> Result<()> {
    let mut train = Vec::new();
    for path in conll {
        train.extend(read_conll(path)?);
    }
    let dev = dev.map(read_conll).transpose()?;
    let domain_docs = domain_documents(domain)?;
    let dev_note = dev.as_ref().map_or("no dev file".to_string(), |d| format!("dev: {} documents", d.len()));
    eprintln!("train: {} CoNLL documents + {} domain documents (x{DOMAIN_WEIGHT}); {dev_note}", train.len(), domain_docs.len());
    let options = TrainOptions { weighted_from: train.len(), weight: DOMAIN_WEIGHT, ..TrainOptions::default() };
    train.extend(domain_docs);
    let model = scoop_ner::train(&train, dev.as_deref(), &options, &mut |line| eprintln!("{line}"));
    model.save(out)?;
    eprintln!("saved {} ({} bytes)", out.display(), std::fs::metadata(out)?.len());
    if let Some(dev) = &dev {
        // The figures that count are those of the file as saved (quantised weights).
        eprintln!("dev as saved: F1 {:.2}", scoop_ner::conlleval::percent(&Model::load(out)?.evaluate(dev).overall()).f1);
    }
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
