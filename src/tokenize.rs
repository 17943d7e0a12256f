//! Tokeniser: words and sentences with byte offsets into the normalised text.
//!
//! Rules tuned for news prose: abbreviations (`Jan.`, `U.S.`, `Dr.`) keep
//! their period, hyphenated romanised names (`Ji-hu`) stay whole,
//! possessives split (`Netflix` `'s`), decimals stay whole (`474.26`), URLs
//! are one token, and a line break or bullet starts a new sentence.

use crate::span::Span;
use scoop_lexicon::{Lexicon, ResourceError, Resources};
use std::ops::Range;
use std::sync::LazyLock;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, possibly with digits, hyphens, an apostrophe or an
    /// abbreviation's period (`Ji-hu`, `O'Brien`, `Dr.`), or a clitic (`'s`).
    Word,
    /// Digits, possibly with numeric separators (`474.26`, `1/17/2026`).
    Number,
    /// Anything else, a run of one punctuation mark (`...`) as one.
    Punct,
    /// `http://…`, `https://…` or `www.…`, trailing punctuation excluded.
    Url,
}

/// One token of the normalised text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte offsets into the normalised text.
    pub span: Span,
    /// What the token is.
    pub kind: TokenKind,
    /// The token is the first on its line: unless it continues the line
    /// before in lower case, it opens a sentence.
    pub line_start: bool,
    /// A blank line comes before the token: a paragraph always ends a sentence.
    pub paragraph_start: bool,
}

/// One sentence: a run of tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// From its first token's start to its last token's end.
    pub span: Span,
    /// Indices into the document's token list.
    pub tokens: Range<usize>,
}

/// The tokeniser, built once from the `tokenize/` resource files.
#[derive(Debug, Clone)]
pub struct Tokenizer {
    /// Keep their period (`Dr.`); the months are apart.
    abbreviations: Lexicon,
    month_abbreviations: Lexicon,
    /// Never end a sentence (`Dr. Park`).
    prefix_abbreviations: Lexicon,
    /// After `U.S.` or `etc.`, a sentence ends only before one.
    sentence_openers: Lexicon,
    /// One token with the apostrophe before them (`'s`, `'t`).
    clitics: Lexicon,
}

/// The tokeniser on the embedded resource files, for the free functions.
static DEFAULT: LazyLock<Tokenizer> = LazyLock::new(|| crate::resources::on_defaults(Tokenizer::new));

/// [`Tokenizer::tokenize`] on the embedded resource files (for the benches and tests).
pub fn tokenize(text: &str, range: Range<usize>) -> Vec<Token> {
    DEFAULT.tokenize(text, range)
}

/// [`Tokenizer::split_sentences`] on the embedded resource files (for the benches and tests).
pub fn split_sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    DEFAULT.split_sentences(text, tokens)
}

impl Tokenizer {
    /// Reads the `tokenize/` files of `resources`.
    pub fn new(resources: &Resources) -> Result<Tokenizer, ResourceError> {
        Ok(Tokenizer {
            abbreviations: resources.lexicon("tokenize/abbreviations.txt")?,
            month_abbreviations: resources.lexicon("tokenize/month-abbreviations.txt")?,
            prefix_abbreviations: resources.lexicon("tokenize/prefix-abbreviations.txt")?,
            sentence_openers: resources.lexicon("tokenize/sentence-openers.txt")?,
            clitics: resources.lexicon("tokenize/clitics.txt")?,
        })
    }

    /// A word that keeps its trailing period (`dr`, `jan`; any case).
    fn is_abbreviation(&self, word: &str) -> bool {
        self.abbreviations.contains(word) || self.month_abbreviations.contains(word)
    }

    /// Splits `text[range]` into tokens.
    pub fn tokenize(&self, text: &str, range: Range<usize>) -> Vec<Token> {
        let mut tokens = Vec::with_capacity((range.end - range.start) / 5);
        let bytes = text.as_bytes();
        let mut i = range.start;
        let mut newlines = 0;
        while i < range.end {
            let c = char_at(text, i);
            if c == '\n' {
                newlines += 1;
                i += 1;
                continue;
            }
            if c.is_whitespace() {
                i += c.len_utf8();
                continue;
            }
            let (end, kind) = self.scan_token(text, bytes, i, range.end);
            let line_start = newlines > 0 || tokens.is_empty();
            tokens.push(Token { span: Span::new(i, end), kind, line_start, paragraph_start: newlines > 1 });
            newlines = 0;
            i = end;
        }
        tokens
    }

    /// Scans one token starting at `start`; returns its end and kind.
    fn scan_token(&self, text: &str, bytes: &[u8], start: usize, limit: usize) -> (usize, TokenKind) {
        let first = char_at(text, start);
        if first.is_ascii_alphabetic() {
            if let Some(end) = scan_url(text, start, limit) {
                return (end, TokenKind::Url);
            }
        }
        if !is_word_char(first) {
            // Runs of the same punctuation (`...`, `--`) are one token.
            let width = first.len_utf8();
            let mut end = start + width;
            if matches!(first, '.' | '-' | '!' | '?') {
                while end < limit && bytes[end] == bytes[start] {
                    end += 1;
                }
            }
            // A possessive or contraction after a word: `'s`, `'re`, `'ll`.
            if first == '\'' && start > 0 && is_word_char(prev_char(text, start)) {
                let clitic = word_at_start(&text[end..limit]);
                let suffix_len = if self.clitics.contains(clitic) { clitic.len() } else { 0 };
                end += suffix_len;
                if suffix_len > 0 {
                    return (end, TokenKind::Word);
                }
            }
            return (end, TokenKind::Punct);
        }

        let mut end = start;
        let mut all_digits = true;
        loop {
            // Consume alphanumerics.
            while end < limit {
                let c = char_at(text, end);
                if !is_word_char(c) {
                    break;
                }
                all_digits &= c.is_ascii_digit();
                end += c.len_utf8();
            }
            if end >= limit {
                break;
            }
            let sep = bytes[end];
            // Only ASCII separators join (`Iran—Iraq`, `5–3` split at the dash);
            // this also keeps `end + 1` on a char boundary.
            if !sep.is_ascii() {
                break;
            }
            let next = if end + 1 < limit { char_at(text, end + 1) } else { ' ' };
            let prev = prev_char(text, end);
            let joins = match sep {
                // Hyphenated words and names: Ji-hu, K-drama, 32-year-old.
                b'-' => is_word_char(next),
                // Decimals and thousands: 474.26, 1,000, 10:30, 1/17/2026.
                b'.' | b',' | b':' | b'/' => {
                    prev.is_ascii_digit() && next.is_ascii_digit() && (sep != b',' || thousands_group(bytes, end + 1, limit))
                }
                // O'Brien, but not possessive 's or a closing quote.
                b'\'' => next.is_alphabetic() && !self.is_contraction_suffix(text, end + 1, limit),
                // `&` inside a name like AT&T.
                b'&' => prev.is_ascii_uppercase() && next.is_ascii_uppercase(),
                _ => false,
            };
            if joins {
                // Only numeric separators keep a number a number.
                all_digits &= matches!(sep, b'.' | b',' | b':' | b'/');
                end += 1;
                continue;
            }
            if sep == b'.' {
                let word = &text[start..end];
                // Initialisms: U.S., a.m., e.g. — letter, dot, letter, dot...
                if let Some(len) = initialism_len(bytes, start, limit) {
                    return (start + len, TokenKind::Word);
                }
                let single_letter = word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase());
                if self.is_abbreviation(word) || single_letter {
                    return (end + 1, TokenKind::Word);
                }
            }
            break;
        }
        (end, if all_digits { TokenKind::Number } else { TokenKind::Word })
    }

    fn is_contraction_suffix(&self, text: &str, from: usize, limit: usize) -> bool {
        let word = word_at_start(&text[from..limit]);
        self.clitics.contains(word)
    }

    /// Groups tokens into sentences.
    pub fn split_sentences(&self, text: &str, tokens: &[Token]) -> Vec<Sentence> {
        let mut sentences = Vec::new();
        let mut first = 0;
        for i in 0..tokens.len() {
            let next = tokens.get(i + 1);
            let boundary = match next {
                None => true,
                Some(next) => self.next_starts_sentence(text, tokens, i, next),
            };
            if boundary {
                // A bullet marks a list item; the sentence is the item's text.
                while first <= i && text[tokens[first].span.range()] == *"\u{2022}" {
                    first += 1;
                }
                if first <= i {
                    sentences
                        .push(Sentence { span: Span { start: tokens[first].span.start, end: tokens[i].span.end }, tokens: first..i + 1 });
                }
                first = i + 1;
            }
        }
        sentences
    }

    /// Whether a sentence ends after `tokens[i]`, given the token that follows.
    fn next_starts_sentence(&self, text: &str, tokens: &[Token], i: usize, next: &Token) -> bool {
        let next_text = &text[next.span.range()];
        let next_first = next_text.chars().next().unwrap_or(' ');
        if next.line_start {
            // A wrapped line continues the sentence when it starts in lowercase.
            return next.paragraph_start || !next_first.is_lowercase();
        }
        if next_first == '\u{2022}' {
            return true;
        }
        // A quote or bracket glued to the previous token closes it: `"Yes."`.
        if matches!(next_first, '"' | '\'' | ')' | ']') && next.span.start == tokens[i].span.end {
            return false;
        }
        // Walk back over closing quotes and brackets (glued to what they close)
        // to the terminal punctuation.
        let mut j = i;
        while j > 0 && matches!(&text[tokens[j].span.range()], "\"" | "'" | ")" | "]") && tokens[j].span.start == tokens[j - 1].span.end {
            j -= 1;
        }
        let terminal = &text[tokens[j].span.range()];
        let opens = next_first.is_uppercase() || next_first.is_ascii_digit() || matches!(next_first, '"' | '\'' | '(' | '[');
        if !opens {
            return false;
        }
        if terminal.starts_with(['.', '!', '?']) {
            return true;
        }
        if let Some(word) = terminal.strip_suffix('.') {
            if tokens[j].kind == TokenKind::Word && !word.is_empty() {
                if self.prefix_abbreviations.contains(word) || word.chars().count() == 1 {
                    return false;
                }
                if self.month_abbreviations.contains(word) && next_first.is_ascii_digit() {
                    return false;
                }
                // `U.S.` or `etc.` end a sentence only before a typical opener.
                return self.sentence_openers.contains(next_text);
            }
        }
        false
    }
}

fn char_at(text: &str, i: usize) -> char {
    text[i..].chars().next().unwrap_or(' ')
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// End of a URL starting at `start`, trailing punctuation excluded.
fn scan_url(text: &str, start: usize, limit: usize) -> Option<usize> {
    let rest = &text[start..limit];
    let lower_prefix = rest.get(..8).unwrap_or(rest).to_ascii_lowercase();
    if !(lower_prefix.starts_with("http://") || lower_prefix.starts_with("https://") || lower_prefix.starts_with("www.")) {
        return None;
    }
    let raw_len = rest.find(char::is_whitespace).unwrap_or(rest.len());
    let url = rest[..raw_len].trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '"', '\'']);
    Some(start + url.len())
}

fn prev_char(text: &str, i: usize) -> char {
    text[..i].chars().next_back().unwrap_or(' ')
}

fn thousands_group(bytes: &[u8], from: usize, limit: usize) -> bool {
    from + 3 <= limit && bytes[from..from + 3].iter().all(u8::is_ascii_digit) && (from + 3 == limit || !bytes[from + 3].is_ascii_digit())
}

/// The letters and digits `rest` opens with: the clitic after an apostrophe.
fn word_at_start(rest: &str) -> &str {
    &rest[..rest.find(|c: char| !c.is_alphanumeric()).unwrap_or(rest.len())]
}

/// Length of an initialism like `U.S.` or `a.m.` starting at `start`.
fn initialism_len(bytes: &[u8], start: usize, limit: usize) -> Option<usize> {
    let mut i = start;
    let mut letters = 0;
    while i + 1 < limit && bytes[i].is_ascii_alphabetic() && bytes[i + 1] == b'.' {
        letters += 1;
        i += 2;
    }
    let followed_by_letter = i < limit && bytes[i].is_ascii_alphanumeric();
    (letters >= 2 && !followed_by_letter).then_some(i - start)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, 0..text.len()).iter().map(|t| &text[t.span.range()]).collect()
    }

    fn sentences(text: &str) -> Vec<&str> {
        let tokens = tokenize(text, 0..text.len());
        split_sentences(text, &tokens).iter().map(|s| &text[s.span.range()]).collect()
    }

    #[test]
    fn abbreviations_keep_their_period() {
        assert_eq!(words("On Jan. 3 Dr. Kim met U.S. fans."), ["On", "Jan.", "3", "Dr.", "Kim", "met", "U.S.", "fans", "."]);
        assert_eq!(words("It aired Nov. 8 at 9 p.m."), ["It", "aired", "Nov.", "8", "at", "9", "p.m."]);
    }

    #[test]
    fn a_word_followed_by_a_multibyte_separator_ends_there() {
        assert_eq!(
            words("the Iran—Iraq war, won 5–3, Lee한 and 😀fans"),
            ["the", "Iran", "—", "Iraq", "war", ",", "won", "5", "–", "3", ",", "Lee한", "and", "😀", "fans"]
        );
    }

    #[test]
    fn hyphenated_names_and_possessives() {
        assert_eq!(words("Yoon Ga-i joined Netflix's K-drama."), ["Yoon", "Ga-i", "joined", "Netflix", "'s", "K-drama", "."]);
        assert_eq!(words("the fans' pick"), ["the", "fans", "'", "pick"]);
        assert_eq!(words("O'Brien said"), ["O'Brien", "said"]);
        // A contraction's apostrophe stays with its clitic, so it never
        // opens a quote that a later one would close.
        assert_eq!(words("why 'Riches' wasn't renewed"), ["why", "'", "Riches", "'", "wasn", "'t", "renewed"]);
    }

    #[test]
    fn numbers_quotes_bullets_dashes_and_urls() {
        assert_eq!(words("474.26 million hours, 1,000 fans"), ["474.26", "million", "hours", ",", "1,000", "fans"]);
        assert_eq!(words("\"Weak Hero\" \u{2014} a hit"), ["\"", "Weak", "Hero", "\"", "\u{2014}", "a", "hit"]);
        assert_eq!(words("\u{2022} Lomon"), ["\u{2022}", "Lomon"]);
        assert_eq!(words("see https://example.com/a-b?x=1."), ["see", "https://example.com/a-b?x=1", "."]);
        assert_eq!(words("on 1/17/2026 at 10:30"), ["on", "1/17/2026", "at", "10:30"]);
        assert_eq!(words("Wait..."), ["Wait", "..."]);
        assert_eq!(words("cast'\u{2014}ok"), ["cast", "'", "\u{2014}", "ok"]);
    }

    #[test]
    fn sentence_boundaries() {
        assert_eq!(
            sentences("It wraps on Jan. 17. Filming began in the U.S. The cast is back."),
            ["It wraps on Jan. 17.", "Filming began in the U.S.", "The cast is back."]
        );
        assert_eq!(sentences("Dr. Park said \"Yes.\" Then he left!"), ["Dr. Park said \"Yes.\"", "Then he left!"]);
        assert_eq!(
            sentences("Season 2 update\n\nThe show is back.\n\u{2022} Park Ji-hu"),
            ["Season 2 update", "The show is back.", "Park Ji-hu"]
        );
        assert_eq!(
            sentences("It ended.\n\"Sweet Home\" returns. 'The Glory' aired."),
            ["It ended.", "\"Sweet Home\" returns.", "'The Glory' aired."]
        );
        assert_eq!(sentences("a line that wraps\nonto the next."), ["a line that wraps\nonto the next."]);
        assert_eq!(sentences("A quote.\n\nsweet home 2"), ["A quote.", "sweet home 2"]);
    }
}
