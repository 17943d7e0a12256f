//! Training: jackknifed gazetteers and stage-1 predictions, so that the
//! stage-2 model learns to trust stage 1 and the gazetteer only as much as
//! they deserve on unseen text; then the full models.

use crate::clusters::{induce, ClusterOptions, Clusters};
use crate::conll::Document;
use crate::conlleval::{percent, Counts};
use crate::features::{context_features, local_features, Resources, SentenceFeatures};
use crate::gazetteer::Gazetteer;
use crate::hash::KeyMap;
use crate::model::{Model, Stage};
use crate::perceptron::{self, EpochReport, Instance, Linear};
use crate::tags::Tag;
use rayon::prelude::*;
use std::time::Instant;

/// Training settings; the defaults are the shipped model's.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// Passes of the stage-1 (local features) perceptron.
    pub epochs: usize,
    /// Passes of the stage-2 (document context) perceptron.
    pub context_epochs: usize,
    /// Jackknife folds for the gazetteer and the stage-1 tags of training data.
    pub folds: usize,
    /// Documents from this index on are seen `weight` times per pass (the
    /// domain documents, few next to CoNLL's).
    pub weighted_from: usize,
    /// How many times a weighted document is seen per pass.
    pub weight: usize,
    /// Seed of the training orders: the same seed gives the same model bytes.
    pub seed: u64,
    /// Perceptrons per stage, each with its own training order; the stage
    /// keeps the mean of their weights.
    pub ensemble: usize,
    /// Unlabeled sentences for the word clusters (the training tokens are added).
    pub unlabeled: Vec<Vec<String>>,
    /// How the word clusters are learned.
    pub clusters: ClusterOptions,
}

impl Default for TrainOptions {
    fn default() -> TrainOptions {
        TrainOptions {
            epochs: 12,
            context_epochs: 12,
            folds: 5,
            weighted_from: usize::MAX,
            weight: 1,
            seed: 0x5c00_9e12,
            ensemble: 4,
            unlabeled: Vec::new(),
            clusters: ClusterOptions::default(),
        }
    }
}

/// Sentences of a document as token slices, as the tagger takes them.
pub(crate) fn token_refs(doc: &Document) -> Vec<Vec<&str>> {
    doc.sentences.iter().map(|s| s.tokens.iter().map(String::as_str).collect()).collect()
}

/// Maps feature keys to dense indices in first-seen order (deterministic).
#[derive(Default)]
struct Dictionary {
    index: KeyMap<u32>,
    keys: Vec<u64>,
}

impl Dictionary {
    fn instance(&mut self, feats: &SentenceFeatures, gold: &[Tag]) -> Instance {
        let feats_idx = feats
            .keys
            .iter()
            .map(|&k| {
                *self.index.entry(k).or_insert_with(|| {
                    self.keys.push(k);
                    (self.keys.len() - 1) as u32
                })
            })
            .collect();
        Instance { feats: feats_idx, offsets: feats.offsets.clone(), gold: gold.to_vec() }
    }
}

/// Each document's sentences as training instances, keyed by one dictionary.
fn doc_instances(dict: &mut Dictionary, feats: &[Vec<SentenceFeatures>], docs: &[Document]) -> Vec<Vec<Instance>> {
    feats
        .iter()
        .zip(docs)
        .map(|(doc_feats, doc)| doc_feats.iter().zip(&doc.sentences).map(|(f, s)| dict.instance(f, &s.tags)).collect())
        .collect()
}

/// The instances of the documents `keep` accepts, weighted ones repeated.
fn select<'a>(per_doc: &'a [Vec<Instance>], options: &TrainOptions, keep: impl Fn(usize) -> bool) -> Vec<&'a Instance> {
    let mut out = Vec::new();
    for (d, insts) in per_doc.iter().enumerate().filter(|(d, _)| keep(*d)) {
        let times = if d >= options.weighted_from { options.weight.max(1) } else { 1 };
        for _ in 0..times {
            out.extend(insts.iter());
        }
    }
    out
}

/// Entity-level F1 (percent) of tagged documents against their gold.
pub fn score(docs: &[Document], tagged: &[Vec<Vec<Tag>>]) -> Counts {
    let mut counts = Counts::default();
    for (doc, tags) in docs.iter().zip(tagged) {
        for (s, guess) in doc.sentences.iter().zip(tags) {
            let gold: Vec<&str> = s.tags.iter().map(|t| t.as_str()).collect();
            let guess: Vec<&str> = guess.iter().map(|t| t.as_str()).collect();
            counts.add_sentence(&gold, &guess);
        }
    }
    counts
}

fn f1_line(counts: &Counts) -> String {
    let mut line = format!("F1 {:.2}", percent(&counts.overall()).f1);
    for (t, p) in counts.per_type() {
        line.push_str(&format!(" {t} {:.2}", percent(&p).f1));
    }
    line
}

impl TrainOptions {
    /// One seed per ensemble member, derived from `seed` and the run's `salt`.
    fn seeds(&self, salt: u64) -> Vec<u64> {
        (0..self.ensemble.max(1) as u64).map(|i| (self.seed ^ salt).wrapping_add(i.wrapping_mul(0x9e37_79b9_7f4a_7c15))).collect()
    }
}

/// Trains a model. Deterministic: the same inputs give the same model bytes.
/// Progress and per-epoch dev F1 go to `report`.
pub fn train(train: &[Document], dev: Option<&[Document]>, options: &TrainOptions, report: &mut dyn FnMut(&str)) -> Model {
    let clock = Instant::now();
    let folds = options.folds.max(2);
    let fold_of = |d: usize| d % folds;
    let mut unlabeled: Vec<Vec<&str>> = options.unlabeled.iter().map(|s| s.iter().map(String::as_str).collect()).collect();
    unlabeled.extend(train.iter().flat_map(token_refs));
    let clusters = if options.clusters.count > 0 { induce(&unlabeled, &options.clusters, report) } else { Clusters::default() };
    report(&format!("clusters: {} words ({:.0?})", clusters.paths.len(), clock.elapsed()));

    // Stage 1 features: each training document sees the gazetteer of the other folds.
    let gazetteers: Vec<Gazetteer> =
        (0..folds).map(|k| Gazetteer::from_docs(train.iter().enumerate().filter(|(d, _)| fold_of(*d) != k).map(|(_, doc)| doc))).collect();
    let full_gazetteer = Gazetteer::from_docs(train);
    let local: Vec<Vec<SentenceFeatures>> = train
        .par_iter()
        .enumerate()
        .map(|(d, doc)| local_features(&token_refs(doc), &Resources { gazetteer: &gazetteers[fold_of(d)], clusters: &clusters }))
        .collect();
    let full_res = Resources { gazetteer: &full_gazetteer, clusters: &clusters };
    let dev_local: Vec<Vec<SentenceFeatures>> =
        dev.unwrap_or_default().par_iter().map(|doc| local_features(&token_refs(doc), &full_res)).collect();
    let mut dict1 = Dictionary::default();
    let inst1 = doc_instances(&mut dict1, &local, train);
    report(&format!(
        "stage 1: {} features, {} sentences ({:.0?})",
        dict1.keys.len(),
        inst1.iter().map(Vec::len).sum::<usize>(),
        clock.elapsed()
    ));

    // Jackknifed stage-1 tags: what stage 2 will see from stage 1 on new text.
    let jackknife: Vec<(usize, Vec<Vec<Tag>>)> = (0..folds)
        .into_par_iter()
        .flat_map_iter(|k| {
            let linear = perceptron::train(
                &select(&inst1, options, |d| fold_of(d) != k),
                dict1.keys.len(),
                options.epochs,
                &options.seeds(k as u64),
                None,
            );
            let stage = Stage::new(&dict1.keys, &linear);
            let tagged: Vec<(usize, Vec<Vec<Tag>>)> =
                (0..train.len()).filter(|&d| fold_of(d) == k).map(|d| (d, local[d].iter().map(|f| stage.tag(f)).collect())).collect();
            tagged
        })
        .collect();
    let mut first: Vec<Vec<Vec<Tag>>> = vec![Vec::new(); train.len()];
    for (d, tags) in jackknife {
        first[d] = tags;
    }
    report(&format!("stage 1: {folds} jackknife folds done ({:.0?})", clock.elapsed()));

    let dev_docs = dev.unwrap_or_default();
    let tag_dev = |stage: &Stage, feats: &[Vec<SentenceFeatures>]| -> Vec<Vec<Vec<Tag>>> {
        feats.par_iter().map(|doc| doc.iter().map(|f| stage.tag(f)).collect()).collect()
    };
    let mut dev_report1 = |epoch: usize, linear: &Linear| {
        let tagged = tag_dev(&Stage::new(&dict1.keys, linear), &dev_local);
        report(&format!("stage 1 epoch {epoch}: dev {} ({:.0?})", f1_line(&score(dev_docs, &tagged)), clock.elapsed()));
    };
    let dev_report1: Option<EpochReport> = (!dev_docs.is_empty()).then_some(&mut dev_report1);
    let linear1 = perceptron::train(&select(&inst1, options, |_| true), dict1.keys.len(), options.epochs, &options.seeds(0), dev_report1);
    let stage1 = Stage::new(&dict1.keys, &linear1);
    drop(inst1);

    // Stage 2 on the jackknifed stage-1 tags.
    let context: Vec<Vec<SentenceFeatures>> =
        train.par_iter().enumerate().map(|(d, doc)| context_features(&token_refs(doc), &local[d], &first[d])).collect();
    drop(local);
    let dev_first = tag_dev(&stage1, &dev_local);
    let dev_context: Vec<Vec<SentenceFeatures>> =
        dev_docs.par_iter().enumerate().map(|(d, doc)| context_features(&token_refs(doc), &dev_local[d], &dev_first[d])).collect();
    let mut dict2 = Dictionary::default();
    let inst2 = doc_instances(&mut dict2, &context, train);
    drop(context);
    report(&format!("stage 2: {} features ({:.0?})", dict2.keys.len(), clock.elapsed()));
    let mut dev_report2 = |epoch: usize, linear: &Linear| {
        let tagged = tag_dev(&Stage::new(&dict2.keys, linear), &dev_context);
        report(&format!("stage 2 epoch {epoch}: dev {} ({:.0?})", f1_line(&score(dev_docs, &tagged)), clock.elapsed()));
    };
    let dev_report2: Option<EpochReport> = (!dev_docs.is_empty()).then_some(&mut dev_report2);
    let linear2: Linear = perceptron::train(
        &select(&inst2, options, |_| true),
        dict2.keys.len(),
        options.context_epochs,
        &options.seeds(0).into_iter().map(|s| s.rotate_left(7)).collect::<Vec<_>>(),
        dev_report2,
    );
    let model = Model { stage1, stage2: Stage::new(&dict2.keys, &linear2), gazetteer: full_gazetteer, clusters };
    report(&format!("trained in {:.1?}", clock.elapsed()));
    model
}
