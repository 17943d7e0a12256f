//! What the record classifiers see of a document: its sentences as words,
//! and the examples they train on balanced.

use crate::document::{Doc, Span};
use crate::tokenize::Sentence;
use scoop_gold::Label;
use scoop_learn::Example;
use scoop_timex::TimexType;

/// A sentence's words in lower case, each name standing as its label
/// (`<per>`, `<work>`) and each date as `<date>` or `<duration>`, with its span.
pub(crate) fn sentence_words(doc: &Doc, sentence: &Sentence, in_sentence: &[usize]) -> Vec<(String, Span)> {
    let dates: Vec<(Span, TimexType)> =
        doc.dates_within(sentence.span).map(|d| (Span::new(doc.dates[d].start, doc.dates[d].end), doc.dates[d].timex_type)).collect();
    let mut words: Vec<(String, Span)> = Vec::new();
    let mut covered: Option<Span> = None;
    for token in &doc.tokens[sentence.tokens.clone()] {
        if covered.is_some_and(|c| c.contains(token.span)) {
            continue;
        }
        let mention = in_sentence.iter().map(|&m| doc.mentions[m]).find(|m| m.span.contains(token.span));
        let date = dates.iter().find(|(span, _)| span.contains(token.span));
        let (word, span) = match (mention, date) {
            (Some(m), _) => (format!("<{}>", label_word(m.label)), m.span),
            (None, Some(&(span, TimexType::Duration))) => ("<duration>".to_string(), span),
            (None, Some(&(span, _))) => ("<date>".to_string(), span),
            (None, None) => (doc.slice(token.span).to_lowercase(), token.span),
        };
        covered = (span != token.span).then_some(span);
        words.push((word, span));
    }
    words
}

fn label_word(label: Label) -> &'static str {
    match label {
        Label::PER => "per",
        Label::ORG => "org",
        Label::LOC => "loc",
        Label::WORK => "work",
        Label::MISC => "misc",
    }
}

/// The examples with each positive repeated: most event types are stated
/// in one sentence of fifty, most persons hold no crew role, and a
/// perceptron trained on that imbalance learns to say no.
pub(crate) fn balanced(examples: &[Example]) -> Vec<Example> {
    let positives = examples.iter().filter(|e| e.class == 1).count().max(1);
    let ratio = (examples.len() - positives) as f64 / positives as f64;
    let repeat = (ratio.sqrt().round() as usize).clamp(1, POSITIVE_REPEAT_MAX);
    examples.iter().flat_map(|e| std::iter::repeat(e).take(if e.class == 1 { repeat } else { 1 })).cloned().collect()
}

/// The most a positive example is repeated.
const POSITIVE_REPEAT_MAX: usize = 8;
