//! Scores the tagger on the shared gold annotations (dates only) and guards
//! the figures against regressions. `cargo test -p scoop-timex -- --nocapture`
//! prints them; set `TIMEX_DEBUG=1` to list every miss and false alarm.

use scoop_gold::score::Prf;
use scoop_timex::{Dct, Tagger};
use serde_json::Value;

struct Doc {
    name: String,
    text: String,
    /// Byte offset where the article starts (after a `date YYYY-MM-DD ` prefix).
    body: usize,
    dct: Option<Dct>,
    gold: Vec<Span>,
}

#[derive(Debug, Clone)]
struct Span {
    start: usize,
    end: usize,
    value: String,
}

/// The shared gold documents (seeds, dev) with their texts, or `None` (skip) without them.
#[track_caller]
fn load() -> Option<Vec<Doc>> {
    let root = scoop_gold::shared::or_skip("gold")?.parent()?.to_path_buf();
    let mut docs = Vec::new();
    for split in ["seeds", "dev"] {
        let dir = root.join("gold").join(split);
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        files.sort();
        for f in files {
            let gold: Value = serde_json::from_str(&std::fs::read_to_string(&f).expect("gold file")).expect("gold json");
            let stem = f.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
            let text_path = root.join("corpus").join(split).join(format!("{stem}.txt"));
            let text = std::fs::read_to_string(&text_path).expect("corpus text");
            let prefix = scoop_gold::dct_prefix(&text, Dct::parse);
            let dct = gold["dct"].as_str().and_then(Dct::parse).or(prefix.map(|p| p.dct));
            let spans = gold["dates"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .map(|d| Span {
                            start: d["start"].as_u64().unwrap_or(0) as usize,
                            end: d["end"].as_u64().unwrap_or(0) as usize,
                            value: d["value"].as_str().unwrap_or_default().to_string(),
                        })
                        .collect()
                })
                .unwrap_or_default();
            docs.push(Doc { name: stem, body: prefix.map_or(0, |p| p.body), text, dct, gold: spans });
        }
    }
    Some(docs)
}

/// Byte offset → code-point offset.
fn cp_index(text: &str) -> Vec<usize> {
    let mut map = vec![0; text.len() + 1];
    let mut cp = 0;
    for (b, c) in text.char_indices() {
        for k in 0..c.len_utf8() {
            map[b + k] = cp;
        }
        cp += 1;
    }
    map[text.len()] = cp;
    map
}

/// Greedy one-to-one matching of system to gold spans under `ok`.
fn matches(sys: &[Span], gold: &[Span], ok: impl Fn(&Span, &Span) -> bool) -> usize {
    let mut used = vec![false; gold.len()];
    let mut n = 0;
    for s in sys {
        if let Some(i) = (0..gold.len()).find(|&i| !used[i] && ok(s, &gold[i])) {
            used[i] = true;
            n += 1;
        }
    }
    n
}

fn prf(tp: usize, nsys: usize, ngold: usize) -> (f64, f64, f64) {
    let m = Prf::from_matching(tp, ngold, nsys).harmonic(1.0);
    (m.precision, m.recall, m.f1)
}

#[test]
fn shared_gold_dates() {
    let Some(docs) = load() else { return };
    assert_eq!(docs.len(), 35, "expected the 35 shared gold documents");
    let tagger = Tagger::new();
    let debug = std::env::var_os("TIMEX_DEBUG").is_some();
    let (mut nsys, mut ngold, mut strict, mut overlap, mut valued) = (0, 0, 0, 0, 0);
    for doc in &docs {
        let map = cp_index(&doc.text);
        let sys: Vec<Span> = tagger
            .tag(&doc.text, doc.body..doc.text.len(), doc.dct)
            .into_iter()
            .map(|t| Span { start: map[t.start], end: map[t.end], value: t.value })
            .collect();
        let overlaps = |s: &Span, g: &Span| s.start < g.end && g.start < s.end;
        nsys += sys.len();
        ngold += doc.gold.len();
        strict += matches(&sys, &doc.gold, |s, g| s.start == g.start && s.end == g.end);
        overlap += matches(&sys, &doc.gold, overlaps);
        valued += matches(&sys, &doc.gold, |s, g| overlaps(s, g) && s.value == g.value);
        if debug {
            let chars: Vec<char> = doc.text.chars().collect();
            let show = |s: &Span| chars[s.start..s.end].iter().collect::<String>();
            for s in &sys {
                match doc.gold.iter().find(|g| overlaps(s, g)) {
                    None => println!("{} FP   {:?} {}", doc.name, show(s), s.value),
                    Some(g) if g.value != s.value || g.start != s.start || g.end != s.end => {
                        println!("{} DIFF {:?} {} | gold {:?} {}", doc.name, show(s), s.value, show(g), g.value)
                    }
                    _ => {}
                }
            }
            for g in doc.gold.iter().filter(|g| !sys.iter().any(|s| overlaps(s, g))) {
                println!("{} FN   {:?} {}", doc.name, show(g), g.value);
            }
        }
    }
    let (sp, sr, sf) = prf(strict, nsys, ngold);
    let (op, or, of) = prf(overlap, nsys, ngold);
    let (vp, vr, vf) = prf(valued, nsys, ngold);
    println!("dates: {nsys} system, {ngold} gold over {} documents", docs.len());
    println!("strict  P {sp:.3} R {sr:.3} F1 {sf:.3} ({strict} matched)");
    println!("overlap P {op:.3} R {or:.3} F1 {of:.3} ({overlap} matched)");
    println!("value   P {vp:.3} R {vr:.3} F1 {vf:.3} ({valued} matched)");
    // Regression gates, just below the figures reached (strict 1.000,
    // overlap 1.000, value 0.986 on 214 gold dates).
    assert!(sf >= 0.97, "strict F1 regressed: {sf:.3}");
    assert!(of >= 0.98, "overlap F1 regressed: {of:.3}");
    assert!(vf >= 0.96, "value F1 regressed: {vf:.3}");
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
