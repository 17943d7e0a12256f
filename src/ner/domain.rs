//! Domain training data: guide-format gold files and their texts, tokenised
//! by scoop's own tokenizer (so training sees tokens exactly as `scoop
//! extract` will), with mention spans mapped to IOB2 token tags.

use crate::document::Doc;
use crate::tokenize::{split_sentences, tokenize};
use anyhow::{Context, Result};
use scoop_gold::format::{read_doc_records, DocRecords};
use scoop_ner::{Document, Sentence, Tag};
use std::path::{Path, PathBuf};

/// The text folder of a gold folder, by the shared layout:
/// `…/gold/NAME` holds the gold of the texts in `…/corpus/NAME`.
pub fn corpus_dir(gold_dir: &Path) -> Result<PathBuf> {
    let name = gold_dir.file_name().with_context(|| format!("{}: not a folder name", gold_dir.display()))?;
    let root = gold_dir.parent().and_then(Path::parent).with_context(|| format!("{}: no corpus folder beside it", gold_dir.display()))?;
    Ok(root.join("corpus").join(name))
}

/// Every gold file of a folder (sorted by name) with its text.
pub fn load_gold_dir(gold_dir: &Path) -> Result<Vec<(DocRecords, String)>> {
    let texts = corpus_dir(gold_dir)?;
    let mut paths: Vec<PathBuf> = std::fs::read_dir(gold_dir)
        .with_context(|| format!("reading {}", gold_dir.display()))?
        .map(|e| e.map(|e| e.path()))
        .collect::<std::io::Result<_>>()?;
    paths.retain(|p| p.extension().is_some_and(|e| e == "json"));
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let gold = read_doc_records(p)?;
            let text_path = texts.join(&gold.doc);
            let text = std::fs::read_to_string(&text_path)
                .with_context(|| format!("{}: reading its text {}", p.display(), text_path.display()))?;
            Ok((gold, text))
        })
        .collect()
}

/// One gold document as IOB2-tagged sentences. A mention tags every token
/// it overlaps (the first one `B-`).
pub fn to_training_document(gold: &DocRecords, text: &str) -> Document {
    let mut doc = Doc::new(gold.doc.clone(), text.to_string(), None);
    doc.tokens = tokenize(&doc.text, doc.body.clone());
    doc.sentences = split_sentences(&doc.text, &doc.tokens);
    // Code-point offset → byte offset in the normalised text.
    let mut byte_of: Vec<usize> = doc.text.char_indices().map(|(b, _)| b).collect();
    byte_of.push(doc.text.len());
    let mut tags = vec![Tag::O; doc.tokens.len()];
    for m in &gold.mentions {
        let (Some(&start), Some(&end)) = (byte_of.get(m.start), byte_of.get(m.end)) else { continue };
        let Some(ty) = scoop_ner::tags::TYPES.iter().position(|t| *t == m.label.as_str()) else { continue };
        let covered = doc.tokens.iter().enumerate().filter(|(_, t)| (t.span.start as usize) < end && start < t.span.end as usize);
        for (n, (i, _)) in covered.enumerate() {
            tags[i] = if n == 0 { Tag::begin(ty) } else { Tag::inside(ty) };
        }
    }
    let sentences = doc
        .sentences
        .iter()
        .map(|s| Sentence {
            tokens: doc.tokens[s.tokens.clone()].iter().map(|t| doc.slice(t.span).to_string()).collect(),
            tags: tags[s.tokens.clone()].to_vec(),
        })
        .collect();
    Document { sentences }
}

#[cfg(test)]
mod tests {
    use super::*;
    use scoop_gold::format::{Label, Mention};

    #[test]
    fn mentions_become_iob2_tokens() {
        let text = "date 2026-01-10 Park Ji-hu joined Netflix\u{2019}s \u{201C}Weak Hero Class 2\u{201D}.";
        let at = |s: &str| text.chars().collect::<String>().find(s).map(|b| text[..b].chars().count()).unwrap();
        let mention = |s: &str, label| Mention { start: at(s), end: at(s) + s.chars().count(), text: s.into(), label };
        let gold = DocRecords {
            doc: "a.txt".into(),
            dct: None,
            mentions: vec![mention("Park Ji-hu", Label::PER), mention("Netflix", Label::ORG), mention("Weak Hero Class 2", Label::WORK)],
            dates: vec![],
            persons: vec![],
            roles: vec![],
            events: vec![],
        };
        let doc = to_training_document(&gold, text);
        let s = &doc.sentences[0];
        let pairs: Vec<String> = s.tokens.iter().zip(&s.tags).map(|(w, t)| format!("{w}/{}", t.as_str())).collect();
        assert_eq!(
            pairs.join(" "),
            "Park/B-PER Ji-hu/I-PER joined/O Netflix/B-ORG 's/O \"/O Weak/B-WORK Hero/I-WORK Class/I-WORK 2/I-WORK \"/O ./O"
        );
    }
}
