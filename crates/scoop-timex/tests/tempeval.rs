//! Sanity check on TempEval-3 training data (TimeBank + AQUAINT), outside
//! the news domain the tagger is tuned for; ignored by default:
//! `cargo test -p scoop-timex --release --test tempeval -- --ignored --nocapture`.
//! Only the training split is read; test/platinum data are never used.

use regex::Regex;
use scoop_timex::{Dct, Tagger};
use std::path::Path;

struct Gold {
    start: usize,
    end: usize,
    value: String,
}

/// Article text without tags, its TIMEX3 spans (byte offsets) and DCT.
fn parse_tml(
    tml: &str,
    timex: &Regex,
    tag: &Regex,
    dct_re: &Regex,
) -> Option<(String, Vec<Gold>, Option<Dct>)> {
    let dct = dct_re
        .captures(tml)
        .and_then(|c| Dct::parse(c.get(1)?.as_str().get(..10)?));
    let body = tml.split_once("<TEXT>")?.1.split_once("</TEXT>")?.0;
    let mut text = String::new();
    let mut gold = Vec::new();
    let mut open: Option<(usize, String)> = None;
    let mut last = 0;
    for m in tag.find_iter(body) {
        text.push_str(&unescape(&body[last..m.start()]));
        last = m.end();
        let t = m.as_str();
        if let Some(c) = timex.captures(t) {
            open = Some((text.len(), c.get(1).map_or("", |v| v.as_str()).to_string()));
        } else if t == "</TIMEX3>" {
            if let Some((start, value)) = open.take() {
                gold.push(Gold {
                    start,
                    end: text.len(),
                    value,
                });
            }
        }
    }
    text.push_str(&unescape(&body[last..]));
    Some((text, gold, dct))
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

#[test]
#[ignore]
fn tempeval3_train() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/tempeval3/train");
    let timex = Regex::new(r#"^<TIMEX3[^>]*\bvalue="([^"]*)""#).expect("regex");
    let tag = Regex::new(r"<[^>]+>").expect("regex");
    let dct_re =
        Regex::new(r#"functionInDocument="CREATION_TIME"[^>]*value="([^"]+)""#).expect("regex");
    let value_first =
        Regex::new(r#"<TIMEX3[^>]*value="([^"]+)"[^>]*functionInDocument="CREATION_TIME""#)
            .expect("regex");
    let tagger = Tagger::new();
    let (mut nsys, mut ngold, mut overlap, mut valued) = (0, 0, 0, 0);
    for sub in ["TimeBank", "AQUAINT"] {
        let Ok(dir) = std::fs::read_dir(root.join(sub)) else {
            continue;
        };
        for f in dir.filter_map(|e| e.ok().map(|e| e.path())) {
            let Ok(tml) = std::fs::read_to_string(&f) else {
                continue;
            };
            let Some((text, gold, mut dct)) = parse_tml(&tml, &timex, &tag, &dct_re) else {
                continue;
            };
            if dct.is_none() {
                dct = value_first
                    .captures(&tml)
                    .and_then(|c| Dct::parse(c.get(1)?.as_str().get(..10)?));
            }
            let sys = tagger.tag(&text, 0..text.len(), dct);
            nsys += sys.len();
            ngold += gold.len();
            let mut used = vec![false; gold.len()];
            let mut used_v = vec![false; gold.len()];
            let debug = std::env::var_os("TIMEX_DEBUG").is_some();
            if debug {
                for g in gold
                    .iter()
                    .filter(|g| !sys.iter().any(|s| s.start < g.end && g.start < s.end))
                {
                    println!(
                        "FN {:?} {} | {:?}",
                        &text[g.start..g.end],
                        g.value,
                        &text[g.start.saturating_sub(30)..g.start]
                    );
                }
            }
            for s in &sys {
                if debug {
                    match gold.iter().find(|g| s.start < g.end && g.start < s.end) {
                        None => println!("FP {:?} {}", &text[s.start..s.end], s.value),
                        Some(g) if g.value != s.value => println!(
                            "DIFF {:?} {} | {:?} {}",
                            &text[s.start..s.end],
                            s.value,
                            &text[g.start..g.end],
                            g.value
                        ),
                        _ => {}
                    }
                }
                let ov = |g: &Gold| s.start < g.end && g.start < s.end;
                if let Some(i) = (0..gold.len()).find(|&i| !used[i] && ov(&gold[i])) {
                    used[i] = true;
                    overlap += 1;
                }
                if let Some(i) = (0..gold.len())
                    .find(|&i| !used_v[i] && ov(&gold[i]) && gold[i].value == s.value)
                {
                    used_v[i] = true;
                    valued += 1;
                }
            }
        }
    }
    let f1 = |tp: usize| 2.0 * tp as f64 / (nsys + ngold).max(1) as f64;
    println!(
        "TempEval-3 train: {nsys} system, {ngold} gold; overlap F1 {:.3}, value F1 {:.3}",
        f1(overlap),
        f1(valued)
    );
    assert!(ngold > 0, "no TempEval-3 data found");
}
