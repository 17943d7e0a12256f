//! Korean names: written with spaces (`Bae Na Ra`, `Yoo Ah In`) they stay
//! whole, and a nickname inside a name (`Lee "Bare-su" Su-hyeok`) stays in it.

use super::Layer;
use scoop_gold::Label;

impl Layer<'_> {
    /// Capitalised words that can be a person's name (`Hot Stove League` can;
    /// `One The Woman` cannot).
    pub(super) fn looks_like_person(&self, first: usize, end: usize) -> bool {
        end - first <= 4
            && (first..end).all(|i| self.is_word(i) && self.lex.is_capitalised(self.word(i)) && !self.lex.is_not_name(self.word(i)))
    }

    /// Two or three name words opened by a Korean surname (`Kim Ji-won`, `Yoo Ah In`).
    pub(super) fn is_korean_name(&self, first: usize, end: usize) -> bool {
        end - first >= 2 && end - first <= 3 && self.lex.is_korean_surname(self.word(first)) && self.looks_like_person(first, end)
    }

    /// `Lee "Bare-su" Su-hyeok`: a surname, a quoted nickname and a given
    /// name are one person's name.
    pub(super) fn merge_nicknames(&mut self) {
        let mut found = Vec::new();
        for i in 0..self.doc.tokens.len().saturating_sub(4) {
            let quote = self.word(i + 1);
            if matches!(quote, "\"" | "'")
                && self.word(i + 3) == quote
                && self.lex.is_korean_surname(self.word(i))
                && self.lex.is_capitalised(self.word(i + 2))
                && self.is_word(i + 4)
                && self.lex.is_capitalised(self.word(i + 4))
                && self.overlapping(self.span_of(i, i + 5)).iter().any(|m| m.label == Label::PER)
            {
                found.push((i, i + 5));
            }
        }
        self.put_all(found, Label::PER);
    }

    /// A Korean name written with spaces is three words: a surname before
    /// a two-syllable name the engine found (`Bae` + `Na Ra`), a last
    /// syllable after a surname and one syllable (`Yoo Ah` + `In`), or both
    /// around the one syllable it found (`Cho` + `Dong` + `In`).
    pub(super) fn complete_spaced_korean_names(&mut self) {
        let mut found = Vec::new();
        for m in self.mentions.iter().filter(|m| m.label == Label::PER) {
            let (first, end) = self.tokens_of(m.span);
            let syllables = (first..end).all(|i| self.lex.names.is_syllable(self.word(i)));
            if end - first > 2 || !syllables {
                continue;
            }
            let free_word = |i: usize| {
                self.is_word(i) && self.overlapping(self.doc.tokens[i].span).iter().all(|o| o.span == m.span || o.label == Label::MISC)
            };
            let adjacent = |a: usize, b: usize| self.doc.tokens[b].span.start == self.doc.tokens[a].span.end + 1;
            let surname_before = first > 0
                && free_word(first - 1)
                && adjacent(first - 1, first)
                && self.lex.is_korean_surname(self.word(first - 1))
                && self.lex.is_capitalised(self.word(first - 1));
            let syllable_after = end < self.doc.tokens.len()
                && free_word(end)
                && adjacent(end - 1, end)
                && self.lex.names.is_syllable(self.word(end))
                && self.lex.is_capitalised(self.word(end));
            match end - first {
                2 if surname_before => found.push((first - 1, end)),
                2 if self.lex.is_korean_surname(self.word(first)) && syllable_after => found.push((first, end + 1)),
                1 if surname_before && syllable_after => found.push((first - 1, end + 1)),
                _ => {}
            }
        }
        self.put_all(found, Label::PER);
    }
}
