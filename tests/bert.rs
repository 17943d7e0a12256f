#![cfg(feature = "bert")]
//! The bert engine on a checkpoint made by scripts/test-bert: checks the
//! windows and mentions here, and dumps the sub-tokens, the logits and the
//! mentions for scripts/bert/check.py to compare with transformers.
//!
//! Without its environment (SCOOP_BERT_MODEL: the converted checkpoint;
//! SCOOP_BERT_TEXT: a text file; SCOOP_BERT_DUMP: where to write the JSON)
//! the test does nothing, so `cargo test --features bert` passes anywhere.

use scoop::document::Doc;
use scoop::ner::{BertRecognizer, EntityRecognizer};
use scoop::tokenize::{split_sentences, tokenize};
use serde_json::json;
use std::path::Path;

#[test]
fn windows_logits_and_mentions() {
    let (Ok(model), Ok(text), Ok(dump)) =
        (std::env::var("SCOOP_BERT_MODEL"), std::env::var("SCOOP_BERT_TEXT"), std::env::var("SCOOP_BERT_DUMP"))
    else {
        eprintln!("bert: not run (scripts/test-bert sets SCOOP_BERT_MODEL, SCOOP_BERT_TEXT and SCOOP_BERT_DUMP)");
        return;
    };
    let recognizer = BertRecognizer::load(Path::new(&model), Some(1)).unwrap();
    let mut doc = Doc::new("test".into(), std::fs::read_to_string(&text).unwrap(), None);
    doc.tokens = tokenize(&doc.text, doc.body.clone());
    doc.sentences = split_sentences(&doc.text, &doc.tokens);

    let windows = recognizer.windows(&doc);
    let logits = recognizer.logits(&windows);
    assert!(windows.len() > 1, "the test text should need several windows");
    let mut last_token = None;
    for (window, rows) in windows.iter().zip(&logits) {
        assert!(window.ids.len() <= 512, "a window of {} sub-tokens", window.ids.len());
        assert_eq!(rows.len(), window.ids.len());
        let mut last_position = 0;
        for &(token, position) in &window.words {
            assert!(last_token.map_or(true, |t| t < token), "words out of order");
            assert!(position > last_position && position < window.ids.len() - 1, "a first sub-token outside the window");
            last_token = Some(token);
            last_position = position;
        }
    }

    let mentions = recognizer.recognize(&doc);
    assert!(mentions.windows(2).all(|m| m[0].span.end <= m[1].span.start), "mentions overlap or are out of order");
    for m in &mentions {
        assert!(doc.tokens.iter().any(|t| t.span.start == m.span.start) && doc.tokens.iter().any(|t| t.span.end == m.span.end));
    }

    let out = json!({
        "words": doc.tokens.iter().map(|t| doc.slice(t.span)).collect::<Vec<_>>(),
        "spans": doc.tokens.iter().map(|t| doc.char_span(t.span)).collect::<Vec<_>>(),
        "sentences": doc.sentences.iter().map(|s| [s.tokens.start, s.tokens.end]).collect::<Vec<_>>(),
        "windows": windows.iter().zip(&logits).map(|(w, l)| json!({"ids": w.ids, "words": w.words, "logits": l})).collect::<Vec<_>>(),
        "mentions": mentions.iter().map(|m| {
            let (start, end) = doc.char_span(m.span);
            json!([start, end, m.label.as_str()])
        }).collect::<Vec<_>>(),
    });
    std::fs::write(&dump, serde_json::to_string(&out).unwrap()).unwrap();
}
