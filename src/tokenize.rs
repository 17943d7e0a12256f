//! Tokeniser: words and sentences with byte offsets into the normalised text.
//!
//! Rules tuned for news prose: abbreviations (`Jan.`, `U.S.`, `Dr.`) keep
//! their period, hyphenated romanised names (`Ji-hu`) stay whole,
//! possessives split (`Netflix` `'s`), decimals stay whole (`474.26`), URLs
//! are one token, and a line break or bullet starts a new sentence.

use crate::span::Span;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
    Url,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
    /// The token is the first on its line (used for headlines and bullets).
    pub line_start: bool,
    /// A blank line comes before the token: a paragraph always ends a sentence.
    pub paragraph_start: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    /// Indices into the document's token list.
    pub tokens: Range<usize>,
}

/// Abbreviations that keep their trailing period (lowercase, without it).
const ABBREVIATIONS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur",
    "thurs", "fri", "sat", "sun", "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs", "etc", "inc", "ltd", "co", "corp", "no", "vol",
    "ep", "approx", "gen", "gov", "sen", "rep", "capt", "lt", "col", "sgt", "mt", "ft", "est", "dept", "univ", "feat", "ft",
];

/// Abbreviations that never end a sentence: they introduce what follows.
const PREFIX_ABBREVIATIONS: &[&str] =
    &["mr", "mrs", "ms", "dr", "prof", "st", "gen", "gov", "sen", "rep", "capt", "lt", "col", "sgt", "mt", "no", "vol", "ep", "vs"];

/// Words that typically open a sentence; after `U.S.` or `etc.` they signal a boundary.
const SENTENCE_OPENERS: &[&str] = &[
    "the",
    "a",
    "an",
    "it",
    "he",
    "she",
    "they",
    "this",
    "that",
    "these",
    "in",
    "on",
    "but",
    "and",
    "however",
    "we",
    "i",
    "his",
    "her",
    "their",
    "its",
    "meanwhile",
    "as",
    "after",
    "while",
    "there",
];

fn is_abbreviation(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

/// Splits `text[range]` into tokens.
pub fn tokenize(text: &str, range: Range<usize>) -> Vec<Token> {
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
        let (end, kind) = scan_token(text, bytes, i, range.end);
        let line_start = newlines > 0 || tokens.is_empty();
        tokens.push(Token { span: Span::new(i, end), kind, line_start, paragraph_start: newlines > 1 });
        newlines = 0;
        i = end;
    }
    tokens
}

fn char_at(text: &str, i: usize) -> char {
    text[i..].chars().next().unwrap_or(' ')
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Scans one token starting at `start`; returns its end and kind.
fn scan_token(text: &str, bytes: &[u8], start: usize, limit: usize) -> (usize, TokenKind) {
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
            let rest = &text[end..limit];
            let suffix_len = ["s", "re", "ll", "ve", "d", "m"].iter().find(|s| starts_with_suffix(rest, s)).map_or(0, |s| s.len());
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
            b'\'' => next.is_alphabetic() && !is_contraction_suffix(text, end + 1, limit),
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
            if is_abbreviation(word) || single_letter {
                return (end + 1, TokenKind::Word);
            }
        }
        break;
    }
    (end, if all_digits { TokenKind::Number } else { TokenKind::Word })
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

fn is_contraction_suffix(text: &str, from: usize, limit: usize) -> bool {
    ["s", "re", "ll", "ve", "d", "m", "t"].iter().any(|s| starts_with_suffix(&text[from..limit], s))
}

/// `rest` starts with the clitic `suffix` (any case) followed by a non-word char.
fn starts_with_suffix(rest: &str, suffix: &str) -> bool {
    rest.get(..suffix.len()).is_some_and(|head| head.eq_ignore_ascii_case(suffix))
        && !rest[suffix.len()..].starts_with(|c: char| c.is_alphanumeric())
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

/// Groups tokens into sentences.
pub fn split_sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut first = 0;
    for i in 0..tokens.len() {
        let next = tokens.get(i + 1);
        let boundary = match next {
            None => true,
            Some(next) => next_starts_sentence(text, tokens, i, next),
        };
        if boundary {
            // A bullet marks a list item; the sentence is the item's text.
            while first <= i && text[tokens[first].span.range()] == *"\u{2022}" {
                first += 1;
            }
            if first <= i {
                sentences.push(Sentence { span: Span { start: tokens[first].span.start, end: tokens[i].span.end }, tokens: first..i + 1 });
            }
            first = i + 1;
        }
    }
    sentences
}

/// Whether a sentence ends after `tokens[i]`, given the token that follows.
fn next_starts_sentence(text: &str, tokens: &[Token], i: usize, next: &Token) -> bool {
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
            let lower = word.to_ascii_lowercase();
            if PREFIX_ABBREVIATIONS.contains(&lower.as_str()) || word.chars().count() == 1 {
                return false;
            }
            let is_month = ABBREVIATIONS[..12].contains(&lower.as_str());
            if is_month && next_first.is_ascii_digit() {
                return false;
            }
            // `U.S.` or `etc.` end a sentence only before a typical opener.
            let next_lower = next_text.to_ascii_lowercase();
            return SENTENCE_OPENERS.contains(&next_lower.as_str());
        }
    }
    false
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
