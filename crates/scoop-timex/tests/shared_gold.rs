//! The tagger alone on the shared gold articles (dates only): it reads the
//! DCT from the prefix as the gold states it and tags nothing inside the
//! prefix. The figures, from the guide's scorer, are printed with
//! `cargo test -p scoop-timex --release --test shared_gold -- --nocapture`;
//! `TIMEX_DEBUG=1` lists every miss and false alarm. Their floors are the
//! `shared` dates rows of `tests/floors.json` (the same tagger through the
//! pipeline, checked by `scripts/gold-gate`).

use scoop_gold::score::DateScores;
use scoop_gold::{read_doc_records, DateRecord, DocRecords};
use scoop_timex::{Dct, Tagger};

struct Doc {
    gold: DocRecords,
    text: String,
    /// Byte offset where the article starts, after the DCT prefix.
    body: usize,
    /// The DCT the prefix gives, if any.
    prefix_dct: Option<Dct>,
}

/// The shared gold documents (seeds, dev) with their texts, or `None` (skip) without them.
#[track_caller]
fn load() -> Option<Vec<Doc>> {
    let root = scoop_gold::shared::or_skip("gold")?.parent()?.to_path_buf();
    let mut docs = Vec::new();
    for split in ["seeds", "dev"] {
        let mut files: Vec<_> = std::fs::read_dir(root.join("gold").join(split))
            .expect("the shared gold splits")
            .map(|e| e.expect("gold entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        files.sort();
        for f in files {
            let gold = read_doc_records(&f).expect("gold file");
            let text = std::fs::read_to_string(root.join("corpus").join(split).join(&gold.doc)).expect("corpus text");
            let prefix = scoop_gold::dct_prefix(&text, Dct::parse);
            docs.push(Doc { body: prefix.map_or(0, |p| p.body), prefix_dct: prefix.map(|p| p.dct), gold, text });
        }
    }
    Some(docs)
}

/// The tagger's dates for a document, as guide-format records (code-point offsets).
fn tag(tagger: &Tagger, doc: &Doc) -> Vec<DateRecord> {
    let cp = |byte: usize| doc.text[..byte].chars().count();
    let dct = doc.gold.dct.as_deref().and_then(Dct::parse).or(doc.prefix_dct);
    tagger
        .tag(&doc.text, doc.body..doc.text.len(), dct)
        .into_iter()
        .map(|t| DateRecord {
            start: cp(t.start),
            end: cp(t.end),
            text: doc.text[t.start..t.end].to_string(),
            timex_type: t.timex_type,
            value: t.value,
            modifier: t.modifier.map(str::to_string),
        })
        .collect()
}

#[test]
fn shared_gold_dates() {
    let Some(docs) = load() else { return };
    assert_eq!(docs.len(), 35, "expected the 35 shared gold documents");
    let tagger = Tagger::new();
    let debug = std::env::var_os("TIMEX_DEBUG").is_some();
    let mut scores = DateScores::default();
    for doc in &docs {
        // The prefix is the gold's DCT, and no date is found inside it.
        if let Some(dct) = doc.prefix_dct {
            assert_eq!(doc.gold.dct.as_deref().and_then(Dct::parse), Some(dct), "{}", doc.gold.doc);
        }
        let body_start = doc.text[..doc.body].chars().count();
        let system = tag(&tagger, doc);
        assert!(system.iter().all(|d| d.start >= body_start && d.start < d.end), "{}: a date in the DCT prefix", doc.gold.doc);
        scores.add_doc(&doc.gold.dates, &system);
        if debug {
            let overlaps = |s: &DateRecord, g: &DateRecord| s.start < g.end && g.start < s.end;
            for s in &system {
                match doc.gold.dates.iter().find(|g| overlaps(s, g)) {
                    None => println!("{} FP   {:?} {}", doc.gold.doc, s.text, s.value),
                    Some(g) if g.value != s.value || g.start != s.start || g.end != s.end => {
                        println!("{} DIFF {:?} {} | gold {:?} {}", doc.gold.doc, s.text, s.value, g.text, g.value)
                    }
                    _ => {}
                }
            }
            for g in doc.gold.dates.iter().filter(|g| !system.iter().any(|s| overlaps(s, g))) {
                println!("{} FN   {:?} {}", doc.gold.doc, g.text, g.value);
            }
        }
    }
    let row = |name: &str, p: &scoop_gold::score::Prf| {
        println!(
            "{name:<8} P {:.3} R {:.3} F1 {:.3} ({} matched, {} system, {} gold)",
            p.precision(),
            p.recall(),
            p.f1(),
            p.tp,
            p.system(),
            p.gold()
        )
    };
    println!("dates over {} documents", docs.len());
    row("strict", &scores.strict);
    row("overlap", &scores.overlap);
    row("value", &scores.value_f1);
}

/// Throughput on ~10 MB of repeated gold articles (one thread):
/// `cargo test -p scoop-timex --release --test shared_gold -- --ignored --nocapture`.
#[test]
#[ignore]
fn throughput() {
    let Some(docs) = load() else { return };
    let mut big = String::new();
    while big.len() < 10_000_000 {
        for d in &docs {
            big.push_str(&d.text[d.body..]);
            big.push_str("\n\n");
        }
    }
    let tagger = Tagger::new();
    let dct = Dct::parse("2026-01-10");
    let t = std::time::Instant::now();
    let n = tagger.tag(&big, 0..big.len(), dct).len();
    let secs = t.elapsed().as_secs_f64();
    println!("{n} timexes in {:.1} MB: {secs:.2} s, {:.1} MB/s", big.len() as f64 / 1e6, big.len() as f64 / 1e6 / secs);
}
