//! TempEval-3 training data (TimeBank + AQUAINT): every gold TIMEX3 read,
//! the directory scorer agreeing with the per-file one, and annotation
//! round-tripping. Only the training split is read; the platinum test set is
//! kept for a final, single run. The figures' floors are in
//! `tests/floors.json` (rows `timebank`, `aquaint`, checked by
//! `scripts/gold-gate`); `cargo test -p scoop-timex --release --test
//! tempeval -- --nocapture` prints them, and `TIMEX_DEBUG=1` lists every
//! miss, false alarm and wrong value.

use scoop_timex::timeml::{self, score, TimemlCounts, TimemlReport};
use scoop_timex::Tagger;
use std::path::{Path, PathBuf};

/// A TempEval-3 training set in the shared data, or `None` (skip) without it.
#[track_caller]
fn train_dir(sub: &str) -> Option<PathBuf> {
    scoop_gold::shared::or_skip(&format!("data/tempeval3/train/{sub}"))
}

fn run(dir: &Path, tagger: &Tagger, debug: bool) -> (TimemlCounts, usize) {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("TempEval-3 training data")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "tml"))
        .collect();
    files.sort();
    let mut counts = TimemlCounts::default();
    for f in &files {
        let src = std::fs::read_to_string(f).expect("tml file");
        let doc = timeml::parse(&src).expect("valid tml");
        let sys = timeml::tag(tagger, &doc);
        counts += score(&doc.timexes, &sys);
        if debug {
            let name = f.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
            let t = &doc.text;
            let ctx = |a: usize, b: usize| {
                let lo = (0..=a.saturating_sub(40)).rev().find(|&i| t.is_char_boundary(i)).unwrap_or(0);
                let hi = ((b + 25).min(t.len())..=t.len()).find(|&i| t.is_char_boundary(i)).unwrap_or(t.len());
                format!("{}[{}]{}", &t[lo..a], &t[a..b], &t[b..hi]).replace('\n', " ")
            };
            let ov = |a: &timeml::TmlTimex, b: &timeml::TmlTimex| a.start < b.end && b.start < a.end;
            for g in &doc.timexes {
                match sys.iter().find(|s| ov(s, g)) {
                    None => println!("FN {name} {} {} | {}", g.timex_type, g.value, ctx(g.start, g.end)),
                    Some(s) if s.value != g.value || s.timex_type != g.timex_type => println!(
                        "VAL {name} {}/{} gold {}/{} | {} || gold {:?}",
                        s.timex_type,
                        s.value,
                        g.timex_type,
                        g.value,
                        ctx(s.start, s.end),
                        &t[g.start..g.end]
                    ),
                    Some(s) if s.start != g.start || s.end != g.end => {
                        println!("SPAN {name} {:?} gold {:?}", &t[s.start..s.end], &t[g.start..g.end])
                    }
                    _ => {}
                }
            }
            for s in sys.iter().filter(|s| !doc.timexes.iter().any(|g| ov(s, g))) {
                println!("FP {name} {} {} | {}", s.timex_type, s.value, ctx(s.start, s.end));
            }
        }
    }
    (counts, files.len())
}

#[test]
fn tempeval3_train() {
    let tagger = Tagger::new();
    let debug = std::env::var_os("TIMEX_DEBUG").is_some();
    let mut all = TimemlCounts::default();
    let mut docs = 0;
    for sub in ["TimeBank", "AQUAINT"] {
        let Some(dir) = train_dir(sub) else { return };
        let (c, n) = run(&dir, &tagger, debug);
        println!("{sub}\n{}", TimemlReport::from_counts(c, n).to_text());
        all += c;
        docs += n;
    }
    let r = TimemlReport::from_counts(all, docs);
    println!("TimeBank + AQUAINT\n{}", r.to_text());
    assert_eq!(all.gold, 1822, "expected 1243 + 579 in-text gold TIMEX3");
    assert_eq!(docs, 183 + 73);
}

/// `eval_timeml_dir` agrees with the per-file loop above.
#[test]
fn eval_dir_matches() {
    let Some(aquaint) = train_dir("AQUAINT") else { return };
    let r = scoop_timex::eval_timeml_dir(&aquaint).expect("eval");
    let (c, n) = run(&aquaint, &Tagger::new(), false);
    assert_eq!(r, TimemlReport::from_counts(c, n));
}

/// Annotated files keep the text and carry the tagger's TIMEX3.
#[test]
fn annotate_dir_round_trip() {
    let Some(aquaint) = train_dir("AQUAINT") else { return };
    let out = std::env::temp_dir().join(format!("scoop-timex-annotate-{}", std::process::id()));
    let n = scoop_timex::annotate_timeml_dir(&aquaint, &out).expect("annotate");
    assert_eq!(n, 73);
    let tagger = Tagger::new();
    for e in std::fs::read_dir(&out).expect("output dir") {
        let p = e.expect("entry").path();
        let name = p.file_name().expect("name");
        let orig = timeml::parse(&std::fs::read_to_string(aquaint.join(name)).expect("in")).expect("parse in");
        let back = timeml::parse(&std::fs::read_to_string(&p).expect("out")).expect("parse out");
        assert_eq!(back.text, orig.text, "{}", p.display());
        assert_eq!(back.dct, orig.dct);
        assert_eq!(back.timexes, timeml::tag(&tagger, &orig));
    }
    std::fs::remove_dir_all(&out).expect("cleanup");
}
