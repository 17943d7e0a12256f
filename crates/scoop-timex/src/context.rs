//! Small look-arounds on the text near a match: neighbouring words, sentence
//! bounds and a rough tense guess. All functions take byte offsets on char
//! boundaries and stay within `lo..hi` (the range being tagged).

use crate::words::DateWords;

/// How far (bytes) sentence and token look-arounds search.
const WINDOW: usize = 300;

/// The token just before `pos`: a run of word characters, or a single other
/// non-space character (`,`, `(`...). Empty at the start of the range.
pub fn prev_token(text: &str, lo: usize, pos: usize) -> &str {
    let lo = floor_char(text, pos.saturating_sub(WINDOW).max(lo));
    let before = &text[lo..pos];
    let trimmed = before.trim_end();
    let end = lo + trimmed.len();
    let mut start = end;
    for (i, c) in trimmed.char_indices().rev() {
        if is_word_char(c) {
            start = lo + i;
        } else {
            if start == end {
                start = lo + i;
            }
            break;
        }
    }
    &text[start..end]
}

/// The word before the token returned by [`prev_token`] (two tokens back).
pub fn prev_token2(text: &str, lo: usize, pos: usize) -> &str {
    let t = prev_token(text, lo, pos);
    if t.is_empty() {
        return t;
    }
    let t_start = t.as_ptr() as usize - text.as_ptr() as usize;
    prev_token(text, lo, t_start)
}

/// The token just after `pos` (see [`prev_token`]).
pub fn next_token(text: &str, pos: usize, hi: usize) -> &str {
    let hi = ceil_char(text, pos + WINDOW, hi);
    let after = &text[pos..hi];
    let trimmed = after.trim_start();
    let start = hi - trimmed.len();
    let mut end = start;
    for (i, c) in trimmed.char_indices() {
        if is_word_char(c) {
            end = start + i + c.len_utf8();
        } else {
            if end == start {
                end = start + i + c.len_utf8();
            }
            break;
        }
    }
    &text[start..end]
}

pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The whitespace-delimited token containing `start..end` (for URL/id checks).
pub fn enclosing_token(text: &str, lo: usize, hi: usize, start: usize, end: usize) -> &str {
    // Bounded look-around keeps pathological inputs (no spaces) linear.
    let lo = floor_char(text, start.saturating_sub(WINDOW).max(lo));
    let hi = ceil_char(text, end + WINDOW, hi);
    let s = text[lo..start].char_indices().rev().find(|(_, c)| c.is_whitespace()).map_or(lo, |(i, c)| lo + i + c.len_utf8());
    let e = text[end..hi].char_indices().find(|(_, c)| c.is_whitespace()).map_or(hi, |(i, _)| end + i);
    &text[s..e]
}

/// Whether the character at byte `i` of `text` ends a sentence: `.!?` or a
/// newline, except the periods of `a.m.` and `p.m.` (`at 9 a.m. Tuesday`).
fn ends_sentence(text: &str, i: usize, c: char) -> bool {
    match c {
        '!' | '?' | '\n' => true,
        '.' => {
            let b = text.as_bytes();
            let at = |k: usize| i.checked_sub(k).map(|j| b[j].to_ascii_lowercase());
            let meridiem = |x: Option<u8>| matches!(x, Some(b'a' | b'p'));
            let first = meridiem(at(1)) && b.get(i + 1).map(u8::to_ascii_lowercase) == Some(b'm');
            let second = at(1) == Some(b'm') && at(2) == Some(b'.') && meridiem(at(3));
            !(first || second)
        }
        _ => false,
    }
}

/// Start of the sentence containing `pos` (after the last `.!?` or newline).
pub fn sentence_start(text: &str, lo: usize, pos: usize) -> usize {
    let lo = floor_char(text, pos.saturating_sub(WINDOW).max(lo));
    text[lo..pos].char_indices().rev().find(|&(i, c)| ends_sentence(text, lo + i, c)).map_or(lo, |(i, _)| lo + i + 1)
}

/// End of the sentence containing `pos`.
pub fn sentence_end(text: &str, pos: usize, hi: usize) -> usize {
    let hi = ceil_char(text, pos + WINDOW, hi);
    text[pos..hi].char_indices().find(|&(i, c)| ends_sentence(text, pos + i, c)).map_or(hi, |(i, _)| pos + i)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Future,
    Unknown,
}

/// Whether `to` followed by `next` marks an infinitive (`agreed to meet on
/// Friday`: the meeting is still to come) rather than a preposition (`sent
/// to prison on Friday`, `flew to Paris`, `to the city`, `to 2,000`).
fn infinitive(words: &DateWords, to: &str, next: &str) -> bool {
    to.eq_ignore_ascii_case("to") && next.starts_with(|c: char| c.is_ascii_lowercase()) && !words.to_as_preposition.contains(next)
}

/// Words (and numbers) of `part`, in order, in their original case.
fn raw_words(part: &str) -> Vec<&str> {
    part.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect()
}

fn lowered(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| w.to_ascii_lowercase()).collect()
}

/// Whether a lower-case word cues the past: a listed one, or a regular
/// past form (`-ed`) long enough not to be a stem (`bed`, `need`).
fn is_past_cue(words: &DateWords, w: &str) -> bool {
    words.past_cues.contains(w) || (w.len() > 4 && w.ends_with("ed"))
}

/// The tense a lower-case word cues, if any (future cues first).
fn word_cue(words: &DateWords, w: &str) -> Option<Tense> {
    if words.future_cues.contains(w) {
        Some(Tense::Future)
    } else if is_past_cue(words, w) {
        Some(Tense::Past)
    } else {
        None
    }
}

/// The range being tagged, in its text, and the cue words its tense is
/// judged by.
#[derive(Clone, Copy)]
pub struct Scope<'t> {
    /// The whole text.
    pub text: &'t str,
    /// The range being tagged; look-arounds stay inside it.
    pub lo: usize,
    /// End of the range, exclusive.
    pub hi: usize,
    /// The tense cue lists.
    pub words: &'t DateWords,
}

/// Guesses whether the date at `start..end` refers to the past or the future
/// from cue words in its sentence. Future cues win (`is set to be released
/// on`); the words before the date are tried first, then those after it.
pub fn tense(scope: &Scope, start: usize, end: usize) -> Tense {
    let Scope { text, lo, hi, words } = *scope;
    let s = sentence_start(text, lo, start).max(floor_char(text, start.saturating_sub(160)));
    let e = sentence_end(text, end, hi).min(ceil_char(text, end + 80, hi));
    let scan = |part: &str| {
        let mut past = false;
        for w in part.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()) {
            let w = w.to_ascii_lowercase();
            if words.future_cues.contains(&w) {
                return Tense::Future;
            }
            past |= is_past_cue(words, &w);
        }
        if past {
            Tense::Past
        } else {
            Tense::Unknown
        }
    };
    match scan(&text[s.max(lo)..start]) {
        Tense::Unknown => scan(&text[end..e.max(end)]),
        t => t,
    }
}

/// The tense cue nearest to `start..end` within `words` words on either
/// side in its sentence (before wins a tie): for weekdays, whose verb is
/// usually right next to them (`said Friday`, `will meet on Thursday`);
/// `to` + verb counts as a future cue.
pub fn near_tense(scope: &Scope, start: usize, end: usize, words: usize) -> Tense {
    let Scope { text, lo, hi, words: cues } = *scope;
    let s = sentence_start(text, lo, start);
    let e = sentence_end(text, end, hi);
    let raw: Vec<&str> = raw_words(&text[s.max(lo).min(start)..start]).into_iter().rev().take(words).collect();
    let before = lowered(&raw);
    let mut after = lowered(&raw_words(&text[end..e.max(end)]));
    after.truncate(words);
    for d in 0..words {
        // `agreed to meet again on Friday`: the infinitive is nearer.
        if d > 0 && raw.get(d).is_some_and(|to| infinitive(cues, to, raw[d - 1])) {
            return Tense::Future;
        }
        if let Some(t) = [before.get(d), after.get(d)].into_iter().flatten().find_map(|w| word_cue(cues, w)) {
            return t;
        }
    }
    Tense::Unknown
}

/// The tense cue nearest before `start` within `before` words in its
/// sentence, else the nearest after `end` within `after` words: the verb
/// that governs a date phrase mostly precedes it (`will double its flights
/// by August in the search for new markets untouched by...`).
pub fn governing_tense(scope: &Scope, start: usize, end: usize, before: usize, after: usize) -> Tense {
    let Scope { text, lo, hi, words } = *scope;
    let s = sentence_start(text, lo, start);
    let e = sentence_end(text, end, hi);
    // A participle after a present or infinitive `be` (`when the case is
    // heard`) or with a negative prefix (`an unspecified date`) tells
    // nothing about the time; `set` is future only in `set to`/`set for`
    // (`the record set on Aug. 6`).
    let cue_at = |ws: &[String], i: usize| {
        let w = &ws[i];
        let prev = if i > 0 { ws[i - 1].as_str() } else { "" };
        let passive = matches!(prev, "be" | "being" | "is" | "are");
        if w == "be" && prev == "to" {
            // `guidelines to be published in November`: still to come.
            Some(Tense::Future)
        } else if w == "set" && !matches!(ws.get(i + 1).map(String::as_str), Some("to" | "for")) {
            (!passive).then_some(Tense::Past)
        } else {
            word_cue(words, w).filter(|&t| t == Tense::Future || !(passive || w.starts_with("un") && w.ends_with("ed")))
        }
    };
    let raw = raw_words(&text[s.max(lo).min(start)..start]);
    let b = lowered(&raw);
    let a = lowered(&raw_words(&text[end..e.max(end)]));
    // The scan back stops at `but`, which starts another clause.
    let from = b.iter().rposition(|w| w == "but").map_or(0, |i| i + 1);
    (from..b.len())
        .rev()
        .take(before)
        .find_map(|i| if raw.get(i + 1).is_some_and(|&next| infinitive(words, raw[i], next)) { Some(Tense::Future) } else { cue_at(&b, i) })
        .or_else(|| (0..a.len()).take(after).find_map(|i| cue_at(&a, i)))
        .unwrap_or(Tense::Unknown)
}

pub(crate) fn floor_char(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_char(text: &str, i: usize, hi: usize) -> usize {
    let mut i = i.min(hi);
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens() {
        let t = "It aired on  Sunday, (May 3) here";
        let p = t.find("Sunday").unwrap();
        assert_eq!(prev_token(t, 0, p), "on");
        assert_eq!(prev_token2(t, 0, p), "aired");
        assert_eq!(next_token(t, p + 6, t.len()), ",");
        let m = t.find("May").unwrap();
        assert_eq!(prev_token(t, 0, m), "(");
        assert_eq!(prev_token(t, 0, 0), "");
    }

    #[test]
    fn tense_cues() {
        let t = "The show premiered on March 3. It is set to be released on July 28.";
        let a = t.find("March 3").unwrap();
        let b = t.find("July 28").unwrap();
        let words = crate::words::defaults();
        let scope = Scope { text: t, lo: 0, hi: t.len(), words: &words };
        assert_eq!(tense(&scope, a, a + 7), Tense::Past);
        assert_eq!(tense(&scope, b, b + 7), Tense::Future);
    }
}
