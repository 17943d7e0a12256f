//! Trains on CoNLL-2003 alone and reports dev F1: the quick loop for
//! feature work. `cargo run --release -p scoop-ner --example train_conll --
//! TRAIN DEV OUT [CLUSTER_DEPTH] [UNLABELED_CONLL...]`
//! (the lead's `scoop train ner` adds the domain gold and raw texts).

use anyhow::{Context, Result};
use scoop_ner::{read_conll, train, TrainOptions};
use std::path::PathBuf;

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [train_path, dev_path, out, rest @ ..] = args.as_slice() else {
        anyhow::bail!("usage: train_conll TRAIN DEV OUT [CLUSTER_DEPTH] [UNLABELED_CONLL...]");
    };
    let train_docs = read_conll(&PathBuf::from(train_path))?;
    let dev_docs = read_conll(&PathBuf::from(dev_path))?;
    let mut options = TrainOptions::default();
    if let Some(depth) = rest.first() {
        options.clusters.count = depth.parse().context("cluster depth")?;
    }
    for path in rest.iter().skip(1) {
        options.unlabeled.extend(scoop_ner::read_token_sentences(&PathBuf::from(path))?);
    }
    let model = train(&train_docs, Some(&dev_docs), &options, &mut |line| eprintln!("{line}"));
    model.save(&PathBuf::from(out))?;
    let loaded = scoop_ner::Model::load(&PathBuf::from(out))?;
    println!("{}", loaded.evaluate(&dev_docs).to_text());
    Ok(())
}
