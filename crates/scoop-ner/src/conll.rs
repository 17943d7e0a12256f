//! Reading CoNLL files (IOB1 or IOB2 tags in the last column) into
//! documents of IOB2-tagged sentences.

use crate::tags::Tag;
use anyhow::{Context, Result};
use std::path::Path;

/// A tokenised sentence with one IOB2 tag per token.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Sentence {
    /// The words, in order.
    pub tokens: Vec<String>,
    /// One tag per word.
    pub tags: Vec<Tag>,
}

/// A document: the unit of document-level features.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Document {
    /// The sentences, in order.
    pub sentences: Vec<Sentence>,
}

impl Document {
    /// Words over all sentences.
    pub fn token_count(&self) -> usize {
        self.sentences.iter().map(|s| s.tokens.len()).sum()
    }
}

/// Reads a CoNLL file: whitespace-separated columns, token first, NER tag
/// last; blank lines end sentences; `-DOCSTART-` starts a document.
pub fn read_conll(path: &Path) -> Result<Vec<Document>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    parse_conll(&text).with_context(|| format!("in {}", path.display()))
}

/// Parses CoNLL text; errors name the line.
pub fn parse_conll(text: &str) -> Result<Vec<Document>> {
    let mut docs = vec![Document::default()];
    let mut sentence = Sentence::default();
    let mut raw_tags: Vec<Tag> = Vec::new();
    let flush = |docs: &mut Vec<Document>, sentence: &mut Sentence, raw: &mut Vec<Tag>| -> Result<()> {
        if !sentence.tokens.is_empty() {
            sentence.tags = to_iob2(raw);
            if let Some(doc) = docs.last_mut() {
                doc.sentences.push(std::mem::take(sentence));
            }
        }
        raw.clear();
        Ok(())
    };
    for (n, line) in text.lines().enumerate() {
        let fields: Vec<&str> = line.split_whitespace().collect();
        let result = match fields.as_slice() {
            [] => flush(&mut docs, &mut sentence, &mut raw_tags),
            [first, ..] if *first == "-DOCSTART-" => {
                flush(&mut docs, &mut sentence, &mut raw_tags).map(|()| docs.push(Document::default()))
            }
            [_] => Err(anyhow::anyhow!("expected a token and a tag")),
            [token, .., tag] => Tag::parse(tag).with_context(|| format!("unknown tag {tag:?}")).map(|t| {
                sentence.tokens.push(token.to_string());
                raw_tags.push(t);
            }),
        };
        result.with_context(|| format!("line {}", n + 1))?;
    }
    flush(&mut docs, &mut sentence, &mut raw_tags).context("at the end of the file")?;
    docs.retain(|d| !d.sentences.is_empty());
    Ok(docs)
}

/// The token column of any CoNLL-like file (tags ignored): raw text for
/// the word clusters. `-DOCSTART-` lines are skipped.
pub fn read_token_sentences(path: &Path) -> Result<Vec<Vec<String>>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut out = vec![Vec::new()];
    for line in text.lines() {
        match line.split_whitespace().next() {
            None => out.push(Vec::new()),
            Some("-DOCSTART-") => {}
            Some(token) => out.last_mut().into_iter().for_each(|s| s.push(token.to_string())),
        }
    }
    out.retain(|s| !s.is_empty());
    Ok(out)
}

/// Converts IOB1 or IOB2 tags to IOB2: an `I-T` that does not continue a
/// `T` entity begins one.
pub fn to_iob2(raw: &[Tag]) -> Vec<Tag> {
    let mut out: Vec<Tag> = Vec::with_capacity(raw.len());
    for &tag in raw {
        let fixed = match tag.type_index() {
            Some(t) if !tag.may_follow(out.last().copied()) => Tag::begin(t),
            _ => tag,
        };
        out.push(fixed);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iob1_becomes_iob2_and_docs_split() {
        let text = "-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\n\nPeter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\nSmith NNP I-NP B-PER\n\n-DOCSTART- -X- O O\n\nx X X O\n";
        let docs = parse_conll(text).unwrap();
        assert_eq!(docs.len(), 2);
        let tags: Vec<&str> = docs[0].sentences[1].tags.iter().map(|t| t.as_str()).collect();
        assert_eq!(tags, ["B-PER", "I-PER", "B-PER"]);
        assert_eq!(docs[0].sentences[0].tags[0].as_str(), "B-ORG");
    }

    #[test]
    fn errors_name_the_line() {
        let err = parse_conll("a O\nb B-XYZ\n").unwrap_err();
        assert!(format!("{err:#}").contains("line 2"), "{err:#}");
    }
}
