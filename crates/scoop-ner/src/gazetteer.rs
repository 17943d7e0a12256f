//! A gazetteer of entity strings seen in training data (lowercased token
//! sequences → the types they were tagged with). During training each
//! document sees only entries from the other folds, so the feature is as
//! reliable in training as it is on new text.

use crate::conll::Document;
use crate::hash::{Key, KeyMap};
use crate::tags::spans;

/// Longest entry, in tokens.
pub(crate) const MAX_LEN: usize = 6;
const SEQ_TEMPLATE: u8 = 0xfe;

#[derive(Debug, Clone, Default)]
pub(crate) struct Gazetteer {
    /// Sequence key → bit mask of entity types.
    pub entries: KeyMap<u8>,
}

/// The key of one lowercased token, the unit of sequence keys.
pub(crate) fn token_key(lower: &str) -> u64 {
    Key::new(0).str(lower).finish()
}

/// The key of a token sequence given its token keys.
fn sequence_key(tokens: &[u64]) -> u64 {
    tokens.iter().fold(Key::new(SEQ_TEMPLATE), |k, &t| k.num(t)).finish()
}

impl Gazetteer {
    pub fn from_docs<'a>(docs: impl IntoIterator<Item = &'a Document>) -> Gazetteer {
        let mut entries = KeyMap::default();
        for doc in docs {
            for s in &doc.sentences {
                for (start, end, ty) in spans(&s.tags) {
                    if end - start <= MAX_LEN {
                        let keys: Vec<u64> = s.tokens[start..end].iter().map(|t| token_key(&t.to_lowercase())).collect();
                        *entries.entry(sequence_key(&keys)).or_insert(0u8) |= 1 << ty;
                    }
                }
            }
        }
        Gazetteer { entries }
    }

    /// Every entry occurring in a sentence: (start, length, type mask).
    pub fn matches(&self, token_keys: &[u64]) -> Vec<(usize, usize, u8)> {
        let mut out = Vec::new();
        if self.entries.is_empty() {
            return out;
        }
        for start in 0..token_keys.len() {
            let mut key = Key::new(SEQ_TEMPLATE);
            for len in 1..=MAX_LEN.min(token_keys.len() - start) {
                key = key.num(token_keys[start + len - 1]);
                if let Some(&mask) = self.entries.get(&key.finish()) {
                    out.push((start, len, mask));
                }
            }
        }
        out
    }

    /// Entries sorted by key, for a deterministic model file.
    pub fn sorted(&self) -> Vec<(u64, u8)> {
        let mut v: Vec<(u64, u8)> = self.entries.iter().map(|(&k, &m)| (k, m)).collect();
        v.sort_unstable();
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conll::parse_conll;

    #[test]
    fn finds_multi_token_entries_case_insensitively() {
        let docs = parse_conll("New B-LOC\nYork I-LOC\nis O\nbig O\n").unwrap();
        let gaz = Gazetteer::from_docs(&docs);
        let keys: Vec<u64> = ["in", "NEW", "york"].iter().map(|t| token_key(&t.to_lowercase())).collect();
        assert_eq!(gaz.matches(&keys), vec![(1, 2, 1 << 2)]);
    }
}
