//! NER throughput on one thread: the shipped model over the first 100
//! documents of CoNLL-2003 dev, from the shared data (`$SCOOP_SHARED`, by
//! default `../shared` beside the workspace; skipped without it).
//! Tokens/s = elements/s in criterion's report.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use scoop_ner::{read_conll, Model};
use std::path::Path;

fn throughput(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let model = match Model::load(&root.join("models/ner.bin")) {
        Ok(m) => m,
        Err(e) => return eprintln!("skipping NER bench: {e:#}"),
    };
    let Some(dev) = scoop_gold::shared::or_skip("data/conll2003/dev.txt") else { return };
    let docs = read_conll(&dev).expect("CoNLL-2003 dev reads").into_iter().take(100).collect::<Vec<_>>();
    let sample: Vec<Vec<Vec<&str>>> =
        docs.iter().map(|d| d.sentences.iter().map(|s| s.tokens.iter().map(String::as_str).collect()).collect()).collect();
    let tokens: usize = docs.iter().map(|d| d.token_count()).sum();
    let mut group = c.benchmark_group("ner");
    group.throughput(Throughput::Elements(tokens as u64));
    group.sample_size(20);
    group.bench_function("tag_conll_dev_100_docs", |b| b.iter(|| sample.iter().map(|doc| model.tag_document(doc).len()).sum::<usize>()));
    group.finish();
}

criterion_group!(benches, throughput);
criterion_main!(benches);
