//! Date stage throughput on one thread:
//! `cargo bench -p scoop-timex --bench dates`.
//! The sample is generated here (news-like sentences, about 1 MB of ASCII,
//! so bytes/s is characters/s) rather than read from the shared corpus.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use scoop_timex::{Dct, Tagger};
use std::hint::black_box;

const SENTENCES: [&str; 12] = [
    "The drama, which premiered on January 17, 2026, drew 12 episodes' worth of praise from critics last week.",
    "Net income rose 12% to $85.7 million in the third quarter from $76.5 million a year earlier, the company said Tuesday.",
    "Filming will begin in early 2027 and run for about six months, according to a statement released on Friday.",
    "The actor, 34, said he had spent the past three years preparing for the role of a detective in Season 2.",
    "Shares closed at 474.26 on the exchange, down 3.95 points, after trading of 12 million shares.",
    "Rehearsals take place every Monday at 9 p.m. until mid-February, and the cast meets weekly.",
    "She first appeared on screen in the 1990s and won Class 2 honours before her debut in 2004.",
    "The ceremony is scheduled for next weekend, and tickets go on sale tomorrow morning.",
    "Over the weekend, officials said the talks could resume as early as next month or in the fall.",
    "Sales in the year-earlier period were flat, while the current quarter looks stronger than the previous one.",
    "Now, nearly two decades later, the series returns for a second season on Netflix.",
    "Production of the film was suspended in March 2020 and resumed in the summer of 2021.",
];

fn sample(bytes: usize) -> String {
    let mut text = String::with_capacity(bytes + 200);
    let mut i = 0;
    while text.len() < bytes {
        text.push_str(SENTENCES[i % SENTENCES.len()]);
        text.push_str(if i % 5 == 4 { "\n\n" } else { " " });
        i += 1;
    }
    text
}

fn dates(c: &mut Criterion) {
    let text = sample(1_000_000);
    let tagger = Tagger::new();
    let dct = Dct::parse("2026-01-10");
    let mut group = c.benchmark_group("dates");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(10);
    group.bench_function("tag_1mb", |b| b.iter(|| black_box(tagger.tag(black_box(&text), 0..text.len(), dct)).len()));
    group.finish();
}

criterion_group!(benches, dates);
criterion_main!(benches);
