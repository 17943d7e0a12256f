//! No stage may panic on odd characters: the repository's own sample
//! articles with characters swapped, deterministically, for multi-byte
//! punctuation, symbols, emoji, Hangul and digits run through both NER
//! engines and, as TimeML, through the TIMEX3 tagger's TimeML conventions.

use scoop::input::RawDoc;
use scoop::ner::{EntityRecognizer, ModelRecognizer, RuleRecognizer};
use scoop::pipeline::Pipeline;
use std::panic::{catch_unwind, AssertUnwindSafe};

const SWAPS: &[char] = &['—', '–', '’', '“', '…', '®', '™', '€', '·', '😀', '한', 'é', '\u{a0}', '-', '/', ':', '.', '0', '9', '\''];

/// The samples with about one character in `every` swapped, `rounds` times
/// over with different swaps (a fixed linear congruential sequence).
fn mutated(every: usize, rounds: u64) -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut samples: Vec<_> = std::fs::read_dir(&dir).expect("corpus/ is readable").map(|e| e.expect("entry").path()).collect();
    samples.sort();
    let mut out = Vec::new();
    for path in samples.iter().filter(|p| p.extension().is_some_and(|e| e == "txt")) {
        let text = std::fs::read_to_string(path).expect("sample is UTF-8");
        for round in 0..rounds {
            let mut state = round.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            let swapped: String = text
                .chars()
                .map(|c| {
                    state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                    let roll = (state >> 33) as usize;
                    if roll % every == 0 {
                        SWAPS[(roll / every) % SWAPS.len()]
                    } else {
                        c
                    }
                })
                .collect();
            out.push(swapped);
        }
    }
    out
}

fn analyses_all(ner: Box<dyn EntityRecognizer>, texts: &[String]) {
    let pipeline = Pipeline::new(ner, scoop::document::CreationTime::parse("2025-06-01"));
    for (i, text) in texts.iter().enumerate() {
        let raw = RawDoc { id: format!("odd-{i}.txt"), source: String::new(), text: text.clone(), date: None };
        let result = catch_unwind(AssertUnwindSafe(|| pipeline.analyze(raw)));
        assert!(result.is_ok(), "the pipeline panicked on mutated sample {i}:\n{text}");
    }
}

#[test]
fn the_model_pipeline_survives_odd_characters() {
    analyses_all(Box::new(ModelRecognizer::shipped().expect("models/ner.bin loads")), &mutated(12, 8));
}

#[test]
fn the_rule_pipeline_survives_odd_characters() {
    analyses_all(Box::new(RuleRecognizer::new()), &mutated(12, 8));
}

#[test]
fn timeml_tagging_survives_odd_characters() {
    let tagger = scoop_timex::Tagger::new();
    let dct = scoop_timex::Dct::parse("2025-06-01");
    for (i, text) in mutated(8, 8).iter().enumerate() {
        let result = catch_unwind(AssertUnwindSafe(|| tagger.tag_timeml(text, 0..text.len(), dct)));
        assert!(result.is_ok(), "TimeML tagging panicked on mutated sample {i}:\n{text}");
    }
}
