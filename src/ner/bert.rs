//! The transformer recogniser (`--ner bert`, cargo feature `bert`): a BERT
//! token-classification checkpoint (`BertForTokenClassification`, as
//! fine-tuned on CoNLL-2003 and converted by `scripts/convert-hf-model`) run
//! through rust-bert and libtorch.
//!
//! Each of scoop's word tokens is split into sub-tokens by the checkpoint's
//! own tokenizer; the prediction at a word's first sub-token is the word's tag
//! (as the model was trained, with `is_split_into_words`). A document's
//! sentences are packed into windows of at most 512 sub-tokens, `[CLS]` and
//! `[SEP]` included, cut between sentences (only a sentence too long for one
//! window is cut between words), and the windows run through the model in
//! batches. Tags, IOB2 or IOB1, are read per sentence into mentions.

use super::{sentence_mentions, EntityRecognizer};
use crate::document::{Doc, EntityMention};
use anyhow::{anyhow, bail, Context, Result};
use rust_bert::bert::{BertConfig, BertForTokenClassification};
use rust_bert::pipelines::common::{ModelType, TokenizerOption};
use scoop_ner::{tags::TYPES, Tag};
use std::path::Path;
use std::sync::{Mutex, PoisonError};
use tch::{nn::VarStore, Device, Kind, Tensor};

/// BERT's position embeddings stop at 512 in every released checkpoint.
const MAX_WINDOW: usize = 512;
/// Windows per forward pass: a document's windows go through together, up to
/// this many (512 × 8 sub-tokens of bert-base activations stay well under 1 GB).
const BATCH: usize = 8;

/// A BERT token classifier (`--ner bert`): a user's checkpoint converted by
/// `scripts/convert-hf-model`, run through rust-bert and libtorch.
pub struct BertRecognizer {
    /// tch's modules hold tensors that are `Send` but not `Sync`, and scoop
    /// calls recognisers from every rayon worker. One forward pass at a time is
    /// little loss: libtorch spreads each pass over its own intra-op threads,
    /// and concurrent passes would only compete for the same cores.
    model: Mutex<BertForTokenClassification>,
    device: Device,
    pieces: WordPieces,
    cls: i64,
    sep: i64,
    pad: i64,
    /// The tag of each output class, by class id (`id2label`).
    tags: Vec<Tag>,
    /// Sub-tokens per window, `[CLS]` and `[SEP]` included.
    max_window: usize,
}

/// One model input: whole words of consecutive sentences.
#[derive(Debug, Clone)]
pub struct Window {
    /// Sub-token ids, `[CLS]` first and `[SEP]` last.
    pub ids: Vec<i64>,
    /// `(index into doc.tokens, position in ids of the word's first sub-token)`,
    /// in document order. Words the tokenizer turns into nothing are absent.
    pub words: Vec<(usize, usize)>,
}

impl BertRecognizer {
    /// Loads a checkpoint folder: `config.json` (with `id2label`),
    /// `tokenizer.json` or `vocab.txt` (+ `tokenizer_config.json`), and
    /// `rust_model.ot`. `threads` caps libtorch's intra-op threads.
    pub fn load(dir: &Path, threads: Option<usize>) -> Result<BertRecognizer> {
        let config_path = dir.join("config.json");
        let config_text = std::fs::read_to_string(&config_path).with_context(|| format!("cannot read {}", config_path.display()))?;
        let config_json: serde_json::Value =
            serde_json::from_str(&config_text).with_context(|| format!("{} is not JSON", config_path.display()))?;
        match config_json.get("model_type").and_then(|t| t.as_str()) {
            Some("bert") => {}
            other => bail!("{}: model_type is {other:?}; only BERT checkpoints (\"bert\") are supported", config_path.display()),
        }
        let config: BertConfig =
            serde_json::from_value(config_json).with_context(|| format!("{} is not a BERT configuration", config_path.display()))?;
        let tags = tags_of(&config).with_context(|| format!("{}: id2label", config_path.display()))?;
        let pieces = WordPieces::load(dir)?;
        let special = |token: &str| pieces.id(token).ok_or_else(|| anyhow!("the vocabulary in {} has no {token}", dir.display()));
        let (cls, sep, pad) = (special("[CLS]")?, special("[SEP]")?, special("[PAD]")?);

        if let Some(n) = threads {
            tch::set_num_threads(n.max(1) as i32);
        }
        let device = Device::cuda_if_available();
        let mut store = VarStore::new(device);
        let model = BertForTokenClassification::new(store.root(), &config)?;
        let weights = dir.join("rust_model.ot");
        if !weights.exists() {
            bail!("{} not found: convert the checkpoint with scripts/convert-hf-model", weights.display());
        }
        store.load(&weights).with_context(|| format!("cannot load {}", weights.display()))?;
        // The model's layers share their tensors with the store, so it can go.
        Ok(BertRecognizer {
            model: Mutex::new(model),
            device,
            pieces,
            cls,
            sep,
            pad,
            tags,
            max_window: MAX_WINDOW.min(config.max_position_embeddings as usize),
        })
    }

    /// Packs the document's sentences into windows.
    pub fn windows(&self, doc: &Doc) -> Vec<Window> {
        let budget = self.max_window - 2;
        let mut windows = Vec::new();
        let mut current: Vec<(usize, Vec<i64>)> = Vec::new();
        let mut used = 0;
        for sentence in &doc.sentences {
            let words: Vec<&str> = doc.tokens[sentence.tokens.clone()].iter().map(|t| doc.slice(t.span)).collect();
            let mut sentence_words: Vec<(usize, Vec<i64>)> = sentence.tokens.clone().zip(self.pieces.encode(&words)).collect();
            let length: usize = sentence_words.iter().map(|(_, ids)| ids.len()).sum();
            if used + length > budget && !current.is_empty() {
                windows.push(self.window(std::mem::take(&mut current)));
                used = 0;
            }
            if length <= budget {
                current.append(&mut sentence_words);
                used += length;
                continue;
            }
            // A sentence longer than a window: cut it between words.
            for (token, mut ids) in sentence_words {
                ids.truncate(budget);
                if used + ids.len() > budget {
                    windows.push(self.window(std::mem::take(&mut current)));
                    used = 0;
                }
                used += ids.len();
                current.push((token, ids));
            }
        }
        if !current.is_empty() {
            windows.push(self.window(current));
        }
        windows
    }

    fn window(&self, words: Vec<(usize, Vec<i64>)>) -> Window {
        let mut window = Window { ids: vec![self.cls], words: Vec::with_capacity(words.len()) };
        for (token, ids) in words {
            if !ids.is_empty() {
                window.words.push((token, window.ids.len()));
                window.ids.extend(ids);
            }
        }
        window.ids.push(self.sep);
        window
    }

    /// The model's logits for each window: `[window][position][class]`, one
    /// row per sub-token of `Window::ids`.
    pub fn logits(&self, windows: &[Window]) -> Vec<Vec<Vec<f32>>> {
        // A pass that panicked (the batch reports its document as failed)
        // changed no weights: the model stays usable.
        let model = self.model.lock().unwrap_or_else(PoisonError::into_inner);
        let mut out = Vec::with_capacity(windows.len());
        for batch in windows.chunks(BATCH) {
            let width = batch.iter().map(|w| w.ids.len()).max().unwrap_or(0);
            let mut ids = Vec::with_capacity(batch.len() * width);
            let mut mask = Vec::with_capacity(batch.len() * width);
            for window in batch {
                ids.extend(window.ids.iter().copied().chain(std::iter::repeat(self.pad)).take(width));
                mask.extend((0..width).map(|i| i64::from(i < window.ids.len())));
            }
            let shape = [batch.len() as i64, width as i64];
            let ids = Tensor::from_slice(&ids).view(shape).to_device(self.device);
            let mask = Tensor::from_slice(&mask).view(shape).to_device(self.device);
            let logits = tch::no_grad(|| model.forward_t(Some(&ids), Some(&mask), None, None, None, false).logits);
            let logits: Vec<Vec<Vec<f32>>> = logits
                .to_device(Device::Cpu)
                .to_kind(Kind::Float)
                .try_into()
                .expect("a 3-dimensional float tensor converts to nested vectors");
            for (window, mut rows) in batch.iter().zip(logits) {
                rows.truncate(window.ids.len());
                out.push(rows);
            }
        }
        out
    }
}

impl EntityRecognizer for BertRecognizer {
    fn recognize(&self, doc: &Doc) -> Vec<EntityMention> {
        let windows = self.windows(doc);
        let logits = self.logits(&windows);
        let mut tags = vec![Tag::O; doc.tokens.len()];
        for (window, rows) in windows.iter().zip(&logits) {
            for &(token, position) in &window.words {
                tags[token] = self.tags[argmax(&rows[position])];
            }
        }
        let mut mentions = Vec::new();
        for sentence in &doc.sentences {
            sentence_mentions(doc, sentence.tokens.clone(), &tags[sentence.tokens.clone()], &mut mentions);
        }
        mentions
    }
}

fn argmax(row: &[f32]) -> usize {
    row.iter().enumerate().fold(0, |best, (i, &v)| if v > row[best] { i } else { best })
}

fn tags_of(config: &BertConfig) -> Result<Vec<Tag>> {
    let id2label = config.id2label.as_ref().ok_or_else(|| anyhow!("missing: the checkpoint is not a token classifier"))?;
    (0..id2label.len() as i64)
        .map(|id| {
            id2label.get(&id).map(|name| parse_tag(name)).ok_or_else(|| anyhow!("class ids are not 0..{}: {id} is missing", id2label.len()))
        })
        .collect()
}

/// `B-PER`, `I-PER`, `PER`, … to a tag of the guide's types; types the
/// guide has no label for (`DATE`, `O`, …) are outside. A bare type reads
/// as `I-` (IOB1 writes types without prefixes too).
fn parse_tag(name: &str) -> Tag {
    let (begin, entity_type) = match name.split_once('-') {
        Some(("B", t)) => (true, t),
        Some(("I", t)) => (false, t),
        _ => (false, name),
    };
    let guide_type = match entity_type.to_ascii_uppercase().as_str() {
        "PER" | "PERSON" => "PER",
        "ORG" => "ORG",
        "LOC" | "GPE" => "LOC",
        "MISC" => "MISC",
        "WORK" | "WORK_OF_ART" => "WORK",
        _ => return Tag::O,
    };
    let Some(t) = TYPES.iter().position(|&ty| ty == guide_type) else { return Tag::O };
    if begin {
        Tag::begin(t)
    } else {
        Tag::inside(t)
    }
}

/// The checkpoint's sub-word tokenizer: Hugging Face's `tokenizer.json` when
/// present (the `tokenizers` crate reads every normaliser it may name),
/// otherwise BERT's WordPiece on `vocab.txt` (rust-bert's tokenizer).
enum WordPieces {
    Json(Box<tokenizers::Tokenizer>),
    Vocab(Box<TokenizerOption>),
}

impl WordPieces {
    fn load(dir: &Path) -> Result<WordPieces> {
        let json = dir.join("tokenizer.json");
        if json.exists() {
            let mut tokenizer = tokenizers::Tokenizer::from_file(&json).map_err(|e| anyhow!("cannot load {}: {e}", json.display()))?;
            // Windows are cut here, not by the tokenizer.
            tokenizer.with_truncation(None).map_err(|e| anyhow!("{}: {e}", json.display()))?;
            tokenizer.with_padding(None);
            return Ok(WordPieces::Json(Box::new(tokenizer)));
        }
        let vocab = dir.join("vocab.txt");
        if !vocab.exists() {
            bail!("{} has neither tokenizer.json nor vocab.txt", dir.display());
        }
        // As transformers' BertTokenizer: lowercase unless told otherwise;
        // accents stripped when lowercasing unless told otherwise.
        let settings: serde_json::Value = match std::fs::read_to_string(dir.join("tokenizer_config.json")) {
            Ok(text) => serde_json::from_str(&text).context("tokenizer_config.json is not JSON")?,
            Err(_) => serde_json::Value::Null,
        };
        let lower_case = settings.get("do_lower_case").and_then(|v| v.as_bool()).unwrap_or(true);
        let strip_accents = settings.get("strip_accents").and_then(|v| v.as_bool());
        let path = vocab.to_str().ok_or_else(|| anyhow!("{} is not UTF-8", vocab.display()))?;
        let tokenizer = TokenizerOption::from_file(ModelType::Bert, path, None, lower_case, strip_accents, None::<bool>)
            .with_context(|| format!("cannot load {}", vocab.display()))?;
        Ok(WordPieces::Vocab(Box::new(tokenizer)))
    }

    fn id(&self, token: &str) -> Option<i64> {
        match self {
            WordPieces::Json(tokenizer) => tokenizer.token_to_id(token).map(i64::from),
            WordPieces::Vocab(tokenizer) => {
                let id = tokenizer.convert_tokens_to_ids(&[token])[0];
                (id != tokenizer.get_unk_id() || token == "[UNK]").then_some(id)
            }
        }
    }

    /// The sub-token ids of each word.
    fn encode(&self, words: &[&str]) -> Vec<Vec<i64>> {
        match self {
            WordPieces::Json(tokenizer) => {
                let mut ids = vec![Vec::new(); words.len()];
                // A pre-tokenised encoding cannot fail on a WordPiece model
                // (unknown pieces become [UNK]); a tokenizer.json that does fail
                // gives no sub-tokens, so its words are tagged O.
                if let Ok(encoding) = tokenizer.encode(words, false) {
                    for (&id, word) in encoding.get_ids().iter().zip(encoding.get_word_ids()) {
                        if let Some(word) = word {
                            ids[*word as usize].push(i64::from(id));
                        }
                    }
                }
                ids
            }
            WordPieces::Vocab(tokenizer) => words.iter().map(|word| tokenizer.convert_tokens_to_ids(&tokenizer.tokenize(word))).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_map_to_the_guide_labels() {
        let tag = |s: &str| Tag::parse(s).unwrap();
        assert_eq!(parse_tag("B-PER"), tag("B-PER"));
        assert_eq!(parse_tag("I-PERSON"), tag("I-PER"));
        assert_eq!(parse_tag("B-GPE"), tag("B-LOC"));
        assert_eq!(parse_tag("I-WORK_OF_ART"), tag("I-WORK"));
        assert_eq!(parse_tag("MISC"), tag("I-MISC"));
        assert_eq!(parse_tag("B-DATE"), Tag::O);
        assert_eq!(parse_tag("O"), Tag::O);
    }

    #[test]
    fn iob2_and_iob1_read_alike() {
        let doc = super::super::test_doc("Kim Min-su met CJ ENM in Seoul .");
        let mentions = |names: [&str; 8]| {
            let tags: Vec<Tag> = names.iter().map(|n| parse_tag(n)).collect();
            let mut out = Vec::new();
            sentence_mentions(&doc, 0..doc.tokens.len(), &tags, &mut out);
            out.iter().map(|m| format!("{}/{}", doc.slice(m.span), m.label.as_str())).collect::<Vec<_>>()
        };
        let iob2 = mentions(["B-PER", "I-PER", "O", "B-ORG", "I-ORG", "O", "B-LOC", "O"]);
        assert_eq!(iob2, ["Kim Min-su/PER", "CJ ENM/ORG", "Seoul/LOC"]);
        assert_eq!(mentions(["I-PER", "I-PER", "O", "I-ORG", "I-ORG", "O", "I-LOC", "O"]), iob2);
        assert_eq!(mentions(["PER", "PER", "O", "ORG", "ORG", "O", "GPE", "O"]), iob2);
        // An unmapped type ends the open mention.
        assert_eq!(mentions(["B-PER", "I-DATE", "O", "B-ORG", "B-ORG", "O", "O", "O"]), ["Kim/PER", "CJ/ORG", "ENM/ORG"]);
    }
}
