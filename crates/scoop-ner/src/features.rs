//! Feature extraction. Stage 1 sees the words (spelling, shape, affixes, a
//! ±2 window, capitalisation in context, gazetteer matches, word clusters,
//! and how the word is written elsewhere in the document); stage 2 adds the
//! stage-1 tags around the token and how the same word was tagged
//! elsewhere in the document ("context aggregation", Ratinov & Roth 2009).

use crate::clusters::Clusters;
use crate::gazetteer::{token_key, Gazetteer};
use crate::hash::{Key, KeyMap};
use crate::tags::{spans, Tag, NUM_TAGS, TYPES};

/// The feature keys of one sentence, token by token.
#[derive(Debug, Clone, Default)]
pub(crate) struct SentenceFeatures {
    pub keys: Vec<u64>,
    /// `keys[offsets[i]..offsets[i + 1]]` are token `i`'s.
    pub offsets: Vec<u32>,
}

impl SentenceFeatures {
    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    pub fn token(&self, i: usize) -> &[u64] {
        &self.keys[self.offsets[i] as usize..self.offsets[i + 1] as usize]
    }
}

/// What the features know besides the text.
pub(crate) struct Resources<'a> {
    pub gazetteer: &'a Gazetteer,
    pub clusters: &'a Clusters,
}

/// Per-token facts computed once.
struct Tok<'a> {
    word: &'a str,
    lower: String,
    shape: String,
    key: u64,
    capitalised: bool,
}

fn shape(word: &str) -> String {
    let mut out = String::new();
    let mut last = None;
    for c in word.chars() {
        let class = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        // Runs collapse: `Xxxxx` → `Xx`, keeping short shapes distinct.
        if last != Some(class) {
            out.push(class);
        }
        last = Some(class);
    }
    out
}

// Template ids: one byte each, so keys of different templates never meet.
const BIAS: u8 = 1;
const WORD: u8 = 2;
const LOWER: u8 = 3;
const SHAPE: u8 = 4;
const PREFIX: u8 = 5;
const SUFFIX: u8 = 6;
const WINDOW_LOWER: u8 = 7;
const WINDOW_SHAPE: u8 = 8;
const BIGRAM_LEFT: u8 = 9;
const BIGRAM_RIGHT: u8 = 10;
const SHAPE_TRIGRAM: u8 = 11;
const FIRST: u8 = 12;
const HEADLINE: u8 = 13;
const DOC_CASE: u8 = 14;
const GAZ: u8 = 15;
const GAZ_WINDOW: u8 = 16;
const CLUSTER: u8 = 17;
const WINDOW_WORD: u8 = 18;
const LENGTH: u8 = 19;
const STAGE1_TAG: u8 = 30;
const STAGE1_PAIR: u8 = 31;
const DOC_MAJORITY: u8 = 32;
const DOC_ENTITY: u8 = 33;
const DOC_MAJORITY_TAG: u8 = 34;

/// How each lowercased word is written across a document.
#[derive(Default, Clone, Copy)]
struct DocCase {
    lowercase: bool,
    capitalised_inside: bool,
}

fn is_headline(toks: &[Tok]) -> bool {
    let mut letters = 0;
    for t in toks {
        if t.word.chars().any(char::is_lowercase) {
            return false;
        }
        letters += usize::from(t.word.chars().any(char::is_uppercase));
    }
    letters >= 2
}

fn sentence_toks<'a>(sentence: &[&'a str]) -> Vec<Tok<'a>> {
    sentence
        .iter()
        .map(|&word| {
            let lower = word.to_lowercase();
            Tok {
                key: token_key(&lower),
                lower,
                shape: shape(word),
                capitalised: word.chars().next().is_some_and(char::is_uppercase),
                word,
            }
        })
        .collect()
}

/// Stage-1 features of every sentence of a document.
pub(crate) fn local_features(doc: &[Vec<&str>], res: &Resources) -> Vec<SentenceFeatures> {
    let toks: Vec<Vec<Tok>> = doc.iter().map(|s| sentence_toks(s)).collect();
    let headlines: Vec<bool> = toks.iter().map(|t| is_headline(t)).collect();
    let mut case: KeyMap<DocCase> = KeyMap::default();
    for (sentence, &headline) in toks.iter().zip(&headlines) {
        for (i, t) in sentence.iter().enumerate() {
            let entry = case.entry(t.key).or_default();
            entry.lowercase |= t.word.chars().next().is_some_and(char::is_lowercase);
            entry.capitalised_inside |= i > 0 && !headline && t.capitalised;
        }
    }
    toks.iter().zip(&headlines).map(|(sentence, &headline)| sentence_features(sentence, headline, &case, res)).collect()
}

fn sentence_features(toks: &[Tok], headline: bool, case: &KeyMap<DocCase>, res: &Resources) -> SentenceFeatures {
    let n = toks.len();
    let mut out = SentenceFeatures { keys: Vec::with_capacity(n * 48), offsets: Vec::with_capacity(n + 1) };
    out.offsets.push(0);
    let token_keys: Vec<u64> = toks.iter().map(|t| t.key).collect();
    let gaz = gazetteer_marks(&token_keys, res.gazetteer);
    let at = |i: isize| -> Option<&Tok> { usize::try_from(i).ok().and_then(|i| toks.get(i)) };
    const PAD: &str = "<s>";
    for (i, t) in toks.iter().enumerate() {
        let k = &mut out.keys;
        let ii = i as isize;
        k.push(Key::new(BIAS).finish());
        k.push(Key::new(WORD).str(t.word).finish());
        k.push(Key::new(LOWER).str(&t.lower).finish());
        k.push(Key::new(SHAPE).str(&t.shape).finish());
        k.push(Key::new(LENGTH).num(t.word.chars().count().min(8) as u64).str(&t.shape).finish());
        let chars: Vec<(usize, char)> = t.lower.char_indices().collect();
        for len in 1..=5.min(chars.len()) {
            let end = chars.get(len).map_or(t.lower.len(), |&(b, _)| b);
            k.push(Key::new(PREFIX).str(&t.lower[..end]).finish());
            let start = chars[chars.len() - len].0;
            k.push(Key::new(SUFFIX).str(&t.lower[start..]).finish());
        }
        for d in [-2isize, -1, 1, 2] {
            let lower = at(ii + d).map_or(PAD, |t| t.lower.as_str());
            k.push(Key::new(WINDOW_LOWER).num(d as u64).str(lower).finish());
        }
        for d in [-1isize, 1] {
            let w = at(ii + d);
            k.push(Key::new(WINDOW_SHAPE).num(d as u64).str(w.map_or(PAD, |t| t.shape.as_str())).finish());
            k.push(Key::new(WINDOW_WORD).num(d as u64).str(w.map_or(PAD, |t| t.word)).str(&t.shape).finish());
        }
        let prev = at(ii - 1).map_or(PAD, |t| t.lower.as_str());
        let next = at(ii + 1).map_or(PAD, |t| t.lower.as_str());
        k.push(Key::new(BIGRAM_LEFT).str(prev).str(&t.lower).finish());
        k.push(Key::new(BIGRAM_RIGHT).str(&t.lower).str(next).finish());
        let prev_shape = at(ii - 1).map_or(PAD, |t| t.shape.as_str());
        let next_shape = at(ii + 1).map_or(PAD, |t| t.shape.as_str());
        k.push(Key::new(SHAPE_TRIGRAM).str(prev_shape).str(&t.shape).str(next_shape).finish());
        if i == 0 {
            k.push(Key::new(FIRST).str(&t.shape).finish());
        }
        if headline {
            k.push(Key::new(HEADLINE).str(&t.lower).finish());
            k.push(Key::new(HEADLINE).str(&t.shape).str(prev_shape).finish());
        }
        if t.capitalised {
            let c = case.get(&t.key).copied().unwrap_or_default();
            let position = u8::from(i == 0 || headline);
            k.push(Key::new(DOC_CASE).byte(position).byte(u8::from(c.lowercase)).byte(u8::from(c.capitalised_inside)).finish());
        }
        for &(ty, pos) in &gaz[i] {
            k.push(Key::new(GAZ).byte(ty).byte(pos).finish());
            k.push(Key::new(GAZ).byte(ty).byte(pos).byte(u8::from(t.capitalised)).finish());
        }
        for d in [-1isize, 1] {
            if let Some(j) = usize::try_from(ii + d).ok().filter(|&j| j < n) {
                for &(ty, pos) in &gaz[j] {
                    k.push(Key::new(GAZ_WINDOW).num(d as u64).byte(ty).byte(pos).finish());
                }
            }
        }
        for d in [-1isize, 0, 1] {
            if let Some(path) = at(ii + d).and_then(|t| res.clusters.path(t.key)) {
                for len in [4u32, 8, 12, 16] {
                    k.push(Key::new(CLUSTER).num(d as u64).num(Clusters::prefix(path, len)).finish());
                }
            }
        }
        out.offsets.push(out.keys.len() as u32);
    }
    out
}

/// For each token, the (type, position) of every gazetteer entry covering
/// it; position 0 single, 1 first, 2 inside, 3 last.
fn gazetteer_marks(token_keys: &[u64], gazetteer: &Gazetteer) -> Vec<Vec<(u8, u8)>> {
    let mut marks = vec![Vec::new(); token_keys.len()];
    for (start, len, mask) in gazetteer.matches(token_keys) {
        for ty in (0..TYPES.len() as u8).filter(|t| mask & (1 << t) != 0) {
            for (offset, mark) in marks[start..start + len].iter_mut().enumerate() {
                let pos = match (len, offset) {
                    (1, _) => 0,
                    (_, 0) => 1,
                    (l, p) if p + 1 == l => 3,
                    _ => 2,
                };
                if !mark.contains(&(ty, pos)) {
                    mark.push((ty, pos));
                }
            }
        }
    }
    marks
}

/// How a lowercased word was tagged across the document by stage 1.
#[derive(Clone, Copy, Default)]
struct TagCounts {
    /// By tag index, for capitalised occurrences.
    tags: [u16; NUM_TAGS],
    /// By (type, position in a predicted entity: single, first, inside, last).
    entity: [[u16; 4]; TYPES.len()],
}

/// What stage 2 knows of the whole document: its tokens and how stage 1
/// tagged each capitalised word across it.
pub(crate) struct DocContext<'a> {
    toks: Vec<Vec<Tok<'a>>>,
    counts: KeyMap<TagCounts>,
    positions: Vec<Vec<Option<(usize, usize)>>>,
}

impl<'a> DocContext<'a> {
    pub fn new(doc: &[Vec<&'a str>], first: &[Vec<Tag>]) -> DocContext<'a> {
        let toks: Vec<Vec<Tok>> = doc.iter().map(|s| sentence_toks(s)).collect();
        let mut counts: KeyMap<TagCounts> = KeyMap::default();
        let positions: Vec<Vec<Option<(usize, usize)>>> = first.iter().map(|tags| entity_positions(tags)).collect();
        for ((sentence, tags), pos) in toks.iter().zip(first).zip(&positions) {
            for ((t, tag), p) in sentence.iter().zip(tags).zip(pos) {
                if !t.capitalised {
                    continue;
                }
                let c = counts.entry(t.key).or_default();
                c.tags[tag.index()] += 1;
                if let Some((ty, p)) = *p {
                    c.entity[ty][p] += 1;
                }
            }
        }
        DocContext { toks, counts, positions }
    }

    /// Stage-2 features of sentence `s`: stage 1's (`feats`) plus its tags
    /// (`tags`) in context and in the document. Built one sentence at a time
    /// so that a long document never holds them all.
    pub fn sentence(&self, s: usize, feats: &SentenceFeatures, tags: &[Tag]) -> SentenceFeatures {
        let (sentence, pos) = (&self.toks[s], &self.positions[s]);
        let mut sf = SentenceFeatures { keys: Vec::with_capacity(feats.keys.len() + sentence.len() * 12), offsets: vec![0] };
        let tag_at = |i: isize| usize::try_from(i).ok().and_then(|i| tags.get(i)).map_or(NUM_TAGS as u8, |t| t.0);
        for (i, t) in sentence.iter().enumerate() {
            let k = &mut sf.keys;
            k.extend_from_slice(feats.token(i));
            let ii = i as isize;
            for d in -2isize..=2 {
                k.push(Key::new(STAGE1_TAG).num(d as u64).byte(tag_at(ii + d)).finish());
            }
            k.push(Key::new(STAGE1_PAIR).byte(tag_at(ii - 1)).byte(tag_at(ii + 1)).finish());
            k.push(Key::new(STAGE1_PAIR).byte(tag_at(ii)).str(&t.lower).finish());
            if t.capitalised {
                if let Some(c) = self.counts.get(&t.key) {
                    doc_features(k, c, tags[i], pos[i]);
                }
            }
            sf.offsets.push(sf.keys.len() as u32);
        }
        sf
    }
}

/// Stage-2 features of every sentence (training keeps them all).
pub(crate) fn context_features(doc: &[Vec<&str>], local: &[SentenceFeatures], first: &[Vec<Tag>]) -> Vec<SentenceFeatures> {
    let cx = DocContext::new(doc, first);
    local.iter().zip(first).enumerate().map(|(s, (feats, tags))| cx.sentence(s, feats, tags)).collect()
}

/// Features from the other occurrences of a word (its own tag subtracted).
fn doc_features(k: &mut Vec<u64>, c: &TagCounts, own: Tag, own_pos: Option<(usize, usize)>) {
    let mut tags = c.tags;
    tags[own.index()] -= 1;
    let mut by_type = [0u16; TYPES.len() + 1];
    for (i, &n) in tags.iter().enumerate() {
        by_type[Tag::from_index(i).type_index().map_or(TYPES.len(), |t| t)] += n;
    }
    let others: u16 = by_type.iter().sum();
    if others == 0 {
        return;
    }
    let majority = (0..by_type.len()).max_by_key(|&t| (by_type[t], std::cmp::Reverse(t))).unwrap_or(TYPES.len());
    k.push(Key::new(DOC_MAJORITY).byte(majority as u8).finish());
    k.push(Key::new(DOC_MAJORITY_TAG).byte(majority as u8).byte(own.0).finish());
    let mut entity = c.entity;
    if let Some((ty, p)) = own_pos {
        entity[ty][p] -= 1;
    }
    for (ty, row) in entity.iter().enumerate() {
        for (p, &n) in row.iter().enumerate() {
            if n > 0 {
                k.push(Key::new(DOC_ENTITY).byte(ty as u8).byte(p as u8).finish());
            }
        }
    }
}

/// Each token's (type, position) inside the predicted entity covering it.
fn entity_positions(tags: &[Tag]) -> Vec<Option<(usize, usize)>> {
    let mut out = vec![None; tags.len()];
    for (s, e, ty) in spans(tags) {
        for (j, slot) in out.iter_mut().enumerate().take(e).skip(s) {
            let p = match (e - s, j - s) {
                (1, _) => 0,
                (_, 0) => 1,
                (l, p) if p + 1 == l => 3,
                _ => 2,
            };
            *slot = Some((ty, p));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_collapse_runs() {
        assert_eq!(shape("Ji-hu"), "Xx-x");
        assert_eq!(shape("U.S."), "X.X.");
        assert_eq!(shape("1996-08-22"), "d-d-d");
        assert_eq!(shape("tvN"), "xX");
    }
}
