//! The whole pipeline and each of its stages on a fixed sample: the bundled
//! articles in `corpus/` plus the shared articles (`$SCOOP_SHARED/corpus`:
//! seeds, dev, dev2; never the sealed test split) when present, read once.
//!
//!   cargo bench --bench pipeline
//!
//! Every benchmark reports throughput in bytes of article text, so the
//! stages add up to the pipeline: tokenise (normalise, offset maps, tokens,
//! sentences), NER (the shipped model), dates (TIMEX3 tagger), records
//! (persons, roles, events), writers (CSV tables and the person index, to
//! a temporary folder), and analyse (every stage but writing, one thread).

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use scoop::document::Doc;
use scoop::input::{expand, read_all, RawDoc, ReadLimits};
use scoop::ner::{EntityRecognizer, ModelRecognizer};
use scoop::output::{Destination, Formats, Writers};
use scoop::pipeline::Pipeline;
use scoop::stage::Stage;
use scoop::tokenize::{split_sentences, tokenize};
use scoop_timex::Tagger;
use std::path::{Path, PathBuf};

fn sample() -> Vec<RawDoc> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // Read as `scoop extract` reads them; without the shared data the bundled articles alone.
    let shared = ["seeds", "dev", "dev2"].map(|split| scoop_gold::shared::or_skip(&format!("corpus/{split}")));
    let folders: Vec<PathBuf> = std::iter::once(root.join("corpus")).chain(shared.into_iter().flatten()).collect();
    read_all(expand(&folders), ReadLimits { max_doc_bytes: u64::MAX }).filter_map(Result::ok).collect()
}

fn tokenized(raw: &RawDoc) -> Doc {
    let mut doc = Doc::new(raw.id.clone(), raw.text.clone(), None);
    doc.tokens = tokenize(&doc.text, doc.body.clone());
    doc.sentences = split_sentences(&doc.text, &doc.tokens);
    doc
}

fn stages(c: &mut Criterion) {
    let raws = sample();
    let bytes: u64 = raws.iter().map(|r| r.text.len() as u64).sum();
    let ner = ModelRecognizer::shipped().unwrap();
    let tagger = Tagger::new();
    let pipeline = Pipeline::new(Box::new(ModelRecognizer::shipped().unwrap()), None);
    let analysed: Vec<Doc> = raws.iter().cloned().map(|raw| pipeline.analyze(raw)).collect();
    let docs: Vec<Doc> = raws.iter().map(tokenized).collect();
    let resources = scoop::resources::load(None).unwrap();
    let shipped = scoop::models::RecordModels::shipped();
    let record_stages: Vec<Box<dyn Stage>> = vec![
        Box::new(scoop::stage::Persons::new(&resources).unwrap()),
        Box::new(scoop::stage::Roles::new(&resources, shipped.roles).unwrap()),
        Box::new(scoop::stage::Events::new(&resources, shipped.events).unwrap()),
    ];

    let mut group = c.benchmark_group(format!("pipeline/{}-docs", raws.len()));
    group.throughput(Throughput::Bytes(bytes));
    group.sample_size(20);
    group.bench_function("tokenise", |b| b.iter(|| raws.iter().map(|r| tokenized(r).tokens.len()).sum::<usize>()));
    group.bench_function("ner", |b| b.iter(|| docs.iter().map(|d| ner.recognize(d).len()).sum::<usize>()));
    group.bench_function("dates", |b| {
        b.iter(|| docs.iter().map(|d| tagger.tag(&d.text, d.body.clone(), d.dct.as_ref().map(|t| t.parsed)).len()).sum::<usize>())
    });
    group.bench_function("records", |b| {
        b.iter_batched(
            || {
                raws.iter()
                    .zip(&analysed)
                    .map(|(raw, done)| {
                        let mut doc = tokenized(raw);
                        doc.mentions = done.mentions.clone();
                        doc.dates = done.dates.clone();
                        doc
                    })
                    .collect::<Vec<Doc>>()
            },
            |mut docs| {
                for doc in &mut docs {
                    for stage in &record_stages {
                        let layer = stage.run(doc);
                        doc.store(layer);
                    }
                }
                docs
            },
            BatchSize::LargeInput,
        )
    });
    group.bench_function("writers-csv", |b| {
        b.iter_batched(
            || tempfile::tempdir().unwrap(),
            |dir| {
                let formats = Formats { csv: true, ..Formats::default() };
                let mut writers = Writers::create(&Destination::Dir(dir.path().to_path_buf()), formats).unwrap();
                for doc in &analysed {
                    writers.write_doc(doc, &doc.id).unwrap();
                }
                writers.finish().unwrap();
                dir
            },
            BatchSize::PerIteration,
        )
    });
    group.bench_function("analyse", |b| {
        b.iter_batched(
            || raws.clone(),
            |raws| raws.into_iter().map(|r| pipeline.analyze(r).mentions.len()).sum::<usize>(),
            BatchSize::LargeInput,
        )
    });
    group.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
